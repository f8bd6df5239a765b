"""Cells: every date form a roster may hold, status words, and plain text."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from certalign_gui.roster.cells import (
    CellError,
    plain_text,
    read_date,
    read_status,
    serial_date,
    shown,
)

MARCH_31 = date(2026, 3, 31)
SERIAL = 46112  # March 31, 2026 in Excel's 1900 date system


@pytest.mark.parametrize(
    "cell",
    [
        "03/31/2026",  # MM/DD/YYYY, as on the card
        "3/31/2026",  # M/D/YYYY
        "03312026",  # MMDDYYYY
        "033126",  # MMDDYY
        "3/31/26",  # two-digit year means 20YY
        "2026-03-31",  # ISO
        "03-31-2026",
        "03.31.2026",
        "03/31/2026 00:00:00",  # a date cell saved to CSV with its midnight time
        "03/31/2026 0:00",
        "3/31/2026 12:00:00 AM",
        "2026-03-31T00:00:00",
        "2026-03-31 00:00:00.000",
        "  03/31/2026  ",  # trailing and leading spaces
        "03/31/2026\u00a0",  # a non-breaking space from a web page
        "46112",  # a serial number saved as text
        "46112.0",
        "31-Mar-26",  # Excel's d-mmm-yy cell saved to CSV
        "31-Mar-2026",
        "Mar 31 2026",
        "March 31, 2026",
        MARCH_31,  # a real date cell
        datetime(2026, 3, 31),  # a date-and-time cell
        datetime(2026, 3, 31, 14, 30),  # a time of day on a date cell is not part of the date
        SERIAL,  # a serial number in a General cell
        float(SERIAL),
        3312026,  # MMDDYYYY typed into a General cell loses its leading zero...
    ],
)
def test_date_forms_read_as_the_same_day(cell):
    if cell == 3312026:
        # ...and is then refused with the rules' own advice, never guessed.
        with pytest.raises(CellError, match="Format the column as Date"):
            read_date(cell)
        return
    assert read_date(cell) == MARCH_31


def test_mmddyyyy_number_with_two_digit_month_reads_as_typed():
    assert read_date(12312026) == date(2026, 12, 31)


@pytest.mark.parametrize(
    ("cell", "words"),
    [
        ("31/03/2026", "There is no month 31"),  # day first is refused, never swapped
        ("02/30/2026", "February 2026 has only 28 days"),
        ("04/31/2026", "April has only 30 days"),
        ("03/31/2300", "Check the year"),
        ("Smarch 31, 2026", "Type the date with numbers"),
        ("3/31", "not a whole date"),
        ("soon", "Type the date with numbers"),
        ("=DATE(2026,3,31)", "Type the date with numbers"),
        ("03/31/2026 13:45", "Type the date with numbers"),  # only a midnight time is dropped
        ("12345", "The number 12345 is not a date"),  # a serial before 1950
        (12345, "The number 12345 is not a date"),
        (46112.5, "a date is a whole day"),
        (True, "This is not a date"),
        (time(0, 0), "This is not a date"),
        (timedelta(days=3), "This is not a date"),
        (date(1900, 1, 1), "Check the year: 1900"),
        (datetime(2250, 1, 1), "Check the year: 2250"),
    ],
)
def test_unreadable_dates_are_refused_in_words(cell, words):
    with pytest.raises(CellError, match=words):
        read_date(cell)


def test_serial_numbers_cover_1950_to_2199_only():
    assert serial_date(18264) == date(1950, 1, 1)
    assert serial_date(109574) == date(2199, 12, 31)
    for outside in (18263, 109575, 0, 60):
        with pytest.raises(CellError):
            serial_date(outside)


@pytest.mark.parametrize(
    ("cell", "status"),
    [("active", "active"), ("Active", "active"), (" ACTIVE ", "active"), ("current", "active"),
     ("expired", "expired"), ("Lapsed", "expired"), ("never", "never"),
     ("Never held", "never"), ("N/A", "never"), ("", None), (None, None)],
)  # fmt: skip
def test_status_words(cell, status):
    assert read_status(cell) == status


@pytest.mark.parametrize("cell", ["yes", "maybe", "pending", "1"])
def test_unknown_status_words_are_refused(cell):
    with pytest.raises(CellError, match="active, expired or never"):
        read_status(cell)


def test_plain_text_is_one_line_without_control_characters():
    assert plain_text("Ann\r\nMarie\x1b[31m \u202eX") == "Ann Marie[31m X"
    assert plain_text(12345.0) == "12345"
    assert plain_text(None) == ""


def test_a_shown_cell_is_quoted_and_cut():
    assert shown("x" * 100) == '"' + "x" * 39 + '\N{HORIZONTAL ELLIPSIS}"'
