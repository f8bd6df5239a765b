"""One roster cell to what the rules need: a date, an NREMT status word, or plain text.

Pure: no clock, no files. A cell is whatever the reader gave: text from a CSV, or a
spreadsheet value (text, number, date, datetime, bool, time). Each converter returns the
value or raises `CellError`, whose message is one plain sentence about the cell.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta
from typing import Literal

from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.presentation.date_words import date_refusal
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date

Cell = str | int | float | bool | date | datetime | time | timedelta | None
#: What a status cell says: an NREMT status, or a word that needs the officer
#: (``inactive``: NREMT's Inactive status; ``not_active``: "No" in an "active" column).
Status = Literal["active", "expired", "never", "inactive", "not_active"]

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
#: A whole number in a date column that is neither a day number nor MMDDYYYY: a date typed
#: as digits into a General cell, which drops its leading zero (03312027 -> 3312027).
NUMBER_CELL = N_(
    "The cell holds the number {number}, not a date: a spreadsheet drops the leading zero "
    "of a date typed as digits (03312027 becomes 3312027), and would do it again. Format "
    "the column as Date (or as Text) and type the date again, for example 03/31/2027."
)

#: What a status cell may say, reduced to its letters, and the status it means. "Inactive"
#: is NREMT's own status for a certification held but not practised on: never assumed to
#: be expired or active, the officer is asked (`ASK_INACTIVE`).
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(("active", "current", "valid", "certified", "registered", "nr", "nremt",
                     "nationalregistry", "nationalregistered", "nationallyregistered",
                     "nrcertified", "nremtcertified"), "active"),
    **dict.fromkeys(("expired", "lapsed", "notcurrent"), "expired"),
    **dict.fromkeys(("never", "neverheld", "none", "notcertified", "notregistered", "na",
                     "notnationallyregistered"), "never"),
    "inactive": "inactive",
}  # fmt: skip
#: Yes and no, read only in a column whose header says "active" (``NREMT Active``).
YES_NO: dict[str, Status] = {
    **dict.fromkeys(("yes", "y", "true", "1"), "active"),
    **dict.fromkeys(("no", "n", "false", "0"), "not_active"),
}
#: A certification level after the status (``Active - Paramedic``): the level is not needed.
LEVELS = ("emt", "emtb", "emtbasic", "basic", "aemt", "advancedemt", "emti", "intermediate",
          "paramedic", "medic", "nrp", "emtp", "emtparamedic", "nremtp", "nremtb", "nraemt",
          "nremt", "nrparamedic", "nremtparamedic", "nremtbasic", "nrb", "nrp")  # fmt: skip
#: Cells that mean "nothing written" (a dash or a dot typed to fill the cell).
NOTHING = frozenset({"-", "--", "\N{EN DASH}", "\N{EM DASH}", "."})
TYPE_IT = N_("Type the date as MM/DD/YYYY, for example 03/31/2027.")
TYPE_IT_WHOLE = N_("type the month, the day and the year, for example 03/31/2027.")
STATUS_HELP = N_(
    "write active, expired or never, or leave it empty when the NREMT date is given "
    "(also read: current, certified, registered, NR, National Registry, lapsed, none, N/A, "
    "inactive, and a level after the word, as in Active - Paramedic; Yes/No or TRUE/FALSE "
    "only in a column named like NREMT Active)"
)
#: Why a cell could not be read, as a code: problems of one kind in one column get one
#: message about the whole column (`roster.assess`).
Kind = Literal["not_a_date", "number", "day_first", "not_status", "empty", "year", "other"]


class CellError(ValueError):
    """A cell that cannot be read. ``str()`` is a plain sentence (what is wrong, how to fix);
    ``kind`` says which way it failed, for the message about a whole column."""

    def __init__(self, message: str, kind: Kind = "not_a_date") -> None:
        super().__init__(message)
        self.kind: Kind = kind


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
        raise CellError(
            _("The number {number} is not a date. {type_it}").format(
                number=serial, type_it=_(TYPE_IT)
            ),
            "number",
        )
    return EXCEL_EPOCH + timedelta(days=serial)


def read_date(cell: Cell) -> date:
    """A date cell: a real date, an Excel serial number, or text `parse_typed_date` reads."""
    if isinstance(cell, datetime):
        return _in_range(cell.date())
    if isinstance(cell, date):
        return _in_range(cell)
    if isinstance(cell, bool | time | timedelta):
        raise CellError(_("This is not a date. {type_it}").format(type_it=_(TYPE_IT)), "other")
    if isinstance(cell, int | float):
        if isinstance(cell, float) and not cell.is_integer():
            raise CellError(
                _("The number {number} is not a date (a date is a whole day). {type_it}").format(
                    number=f"{cell:g}", type_it=_(TYPE_IT)
                ),
                "number",
            )
        whole = int(cell)
        if abs(whole) < 1_000_000:
            return serial_date(whole)
        if 10_000_000 <= whole <= 99_999_999:
            # MMDDYYYY with a two-digit month survives a General cell whole: read it as typed.
            return _typed(str(whole))
        raise CellError(_(NUMBER_CELL).format(number=whole), "number")
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
            raise CellError(
                _("This is not a whole date: {type_it}").format(type_it=_(TYPE_IT_WHOLE))
            ) from None
        day_first = exc.code == "no_month"
        raise CellError(date_refusal(exc), "day_first" if day_first else "not_a_date") from None


def _in_range(day: date) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise CellError(
            _("Check the year: {year} is not between {low} and {high}.").format(
                year=day.year, low=MIN_YEAR, high=MAX_YEAR
            ),
            "year",
        )
    return day


def is_nothing(cell: Cell) -> bool:
    """True for an empty cell, or one that holds only a dash (``-``): nothing written."""
    return is_blank(cell) or (isinstance(cell, str) and cell.strip() in NOTHING)


def read_status(cell: Cell, *, yes_no: bool = False) -> Status | None:
    """What a status cell says; None when nothing is written (empty, or a dash).

    ``yes_no``: the column's header says "active", so Yes/No and TRUE/FALSE are read.
    """
    if is_nothing(cell):
        return None
    if isinstance(cell, bool) or (isinstance(cell, int | float) and cell in (0, 1)):
        if yes_no:
            return "active" if cell else "not_active"
        raise CellError(not_a_status(), "not_status")
    key = re.sub(r"[^a-z0-9]", "", plain_text(cell).casefold())
    status = STATUS_WORDS.get(key) or (YES_NO.get(key) if yes_no else None)
    if status is None:
        status = next(
            (STATUS_WORDS[word] for word in STATUS_WORDS
             if key.startswith(word) and key[len(word):] in LEVELS),
            None,
        )  # fmt: skip
    if status is None:
        raise CellError(not_a_status(), "not_status")
    return status


def not_a_status() -> str:
    """What is wrong with a cell that is not an NREMT status, and what to write."""
    return _("This is not an NREMT status: {help}.").format(help=_(STATUS_HELP))
