"""One roster cell to what the rules need: a date, an NREMT status word, or plain text.

Pure: no clock, no files. A cell is whatever the reader gave: text from a CSV, or a
spreadsheet value (text, number, date, datetime, bool, time). Each converter returns the
value or raises `CellError`, whose message is one plain sentence about the cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.models import NremtStatus
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date

Cell = str | int | float | bool | date | datetime | time | timedelta | None

#: Day 0 of Excel's 1900 date system as Python counts it (Excel's day 60 is the 29th of
#: February 1900, which never was; every serial from 61 on is this day plus the serial).
EXCEL_EPOCH = date(1899, 12, 30)
SERIAL_LOW = (date(MIN_YEAR, 1, 1) - EXCEL_EPOCH).days
SERIAL_HIGH = (date(MAX_YEAR, 12, 31) - EXCEL_EPOCH).days
#: A date with a midnight time, as Excel writes a date cell into a CSV or text.
_MIDNIGHT = re.compile(
    r"^(.*?\d)(?:\s+|T)(?:0?0:00(?::00(?:\.0+)?)?|12:00(?::00)?\s*[Aa]\.?[Mm]\.?)$"
)
#: Text that is a whole number of five digits (a serial saved as text: 1950 to 2173).
_SERIAL_TEXT = re.compile(r"^\d{5}(\.0+)?$")
#: Shown in messages; longer cells are cut.
SHOWN_CHARS = 40

STATUS_WORDS: dict[str, NremtStatus] = {
    "active": "active",
    "current": "active",
    "valid": "active",
    "certified": "active",
    "expired": "expired",
    "lapsed": "expired",
    "inactive": "expired",
    "never": "never",
    "neverheld": "never",
    "none": "never",
    "notcertified": "never",
    "na": "never",
}
TYPE_IT = "Type the date as MM/DD/YYYY, for example 03/31/2027."
TYPE_IT_WHOLE = "type the month, the day and the year, for example 03/31/2027."
STATUS_HELP = "write active, expired or never (or leave it empty when the NREMT date is given)"


class CellError(ValueError):
    """A cell that cannot be read. ``str()`` is a plain sentence (what is wrong, how to fix)."""


def plain_text(cell: Cell) -> str:
    """Any cell as one line of plain text: no line breaks, no control characters."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        # A number typed into a spreadsheet (a certification number) comes back as 12345.0.
        cell = int(cell)
    text = cell if isinstance(cell, str) else str(cell)
    if text.isprintable():
        return " ".join(text.split())
    kept = "".join(
        " " if char.isspace() else char
        for char in text
        if char.isspace() or unicodedata.category(char)[0] != "C"
    )
    return " ".join(kept.split())


def is_blank(cell: Cell) -> bool:
    """True for an empty cell (nothing, or only spaces)."""
    return cell is None or (isinstance(cell, str) and not cell.strip())


def shown(cell: Cell) -> str:
    """The cell as a message quotes it: plain, and cut after `SHOWN_CHARS` characters."""
    text = plain_text(cell)
    if len(text) > SHOWN_CHARS:
        text = text[: SHOWN_CHARS - 1] + "\N{HORIZONTAL ELLIPSIS}"
    return f'"{text}"'


def serial_date(serial: int) -> date:
    """An Excel (1900 system) day number as a date; `CellError` outside 1950 to 2199."""
    if not SERIAL_LOW <= serial <= SERIAL_HIGH:
        raise CellError(f"The number {serial} is not a date. {TYPE_IT}")
    return EXCEL_EPOCH + timedelta(days=serial)


def read_date(cell: Cell) -> date:
    """A date cell: a real date, an Excel serial number, or text `parse_typed_date` reads."""
    if isinstance(cell, datetime):
        return _in_range(cell.date())
    if isinstance(cell, date):
        return _in_range(cell)
    if isinstance(cell, bool | time | timedelta):
        raise CellError(f"This is not a date. {TYPE_IT}")
    if isinstance(cell, int | float):
        if isinstance(cell, float) and not cell.is_integer():
            raise CellError(f"The number {cell:g} is not a date (a date is a whole day). {TYPE_IT}")
        whole = int(cell)
        if abs(whole) < 1_000_000:
            return serial_date(whole)
        # MMDDYYYY typed into a General cell loses only a leading zero: read it as typed.
        return _typed(str(whole))
    text = plain_text(cell)
    if match := _MIDNIGHT.match(text):
        text = match.group(1)
    if _SERIAL_TEXT.match(text):
        return serial_date(int(float(text)))
    return _typed(text)


def _typed(text: str) -> date:
    try:
        return parse_typed_date(text)
    except DateTextError as exc:
        if exc.incomplete and text and not (text.isdigit() and len(text) == 7):
            # "Not complete yet" suits a field being typed, not a finished cell.
            raise CellError(f"This is not a whole date: {TYPE_IT_WHOLE}") from None
        raise CellError(exc.message) from None


def _in_range(day: date) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CellError(f"Check the year: {day.year} is not between {MIN_YEAR} and {MAX_YEAR}.")
    return day


def read_status(cell: Cell) -> NremtStatus | None:
    """The NREMT status a cell names; None when the cell is empty."""
    text = plain_text(cell)
    if not text:
        return None
    status = STATUS_WORDS.get(re.sub(r"[^a-z]", "", text.casefold()))
    if status is None:
        raise CellError(f"This is not an NREMT status: {STATUS_HELP}.")
    return status
