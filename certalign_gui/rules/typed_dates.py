"""Dates as people type them, read strictly: a text is one exact date, or a plain-words refusal.

Accepted (``/``, ``-`` or ``.`` between the parts; spaces are ignored):

- ``MM/DD/YYYY`` and ``M/D/YYYY``: month first, as on a US card (``03/31/2027``, ``3/31/2027``);
- ``MMDDYYYY``: the same without separators (``03312027``);
- ``YYYY-MM-DD``: the ISO form (``2027-03-31``);
- a two-digit year means 20YY (``3/31/27``, ``033127``);
- the month's name (or its first three letters) with the day and the year, in either
  order, as Excel and people write it: ``31-Mar-27``, ``31-Mar-2027``, ``Mar 31 2027``,
  ``March 31, 2027``, ``31 March 2027``. The month's name leaves no doubt which part is
  the day. Here spaces separate the parts, so ``Mar 2027`` is refused, not read as a day.

Nothing is ever filled in or "fixed up": a missing part, a month 13 or an April 31 is
refused with a code saying what is wrong (the presentation says it in words), never
turned into another date. (This is why
``dateutil.parser`` is not used here: it fills missing parts from a default date and
accepts day-first orders, which is exactly the silent change this module exists to stop.)

Pure: no clock, no Qt, no locale. Used by the window's date fields, the command line and
the roster reader, so every door accepts the same dates.
"""

from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Literal

from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR

#: The example every message shows (the presentation writes it out with the month's name).
EXAMPLE = date(2027, 3, 31)
#: Month names as people type them (input, read case-blind; what is written out is the
#: presentation's, through the message catalogue).
MONTH_NAMES = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
DateTextCode = Literal[
    "empty",
    "incomplete",
    "incomplete_named",
    "not_numbers",
    "not_a_form",
    "seven_digits",
    "no_month",
    "no_day",
    "short_month",
    "short_february",
    "february_at_most",
    "year_range",
    "named_month",
]
_SEPARATORS = "/-."
#: Month first: M/D/YYYY, MM/DD/YY and every mix, with one kind of separator.
_US = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})")
#: Year first: YYYY-MM-DD (also with / or .).
_ISO = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})")
#: Month first, still being typed: the month is known once a separator follows it, the day
#: once a second one does. An impossible month or day is said then, not after the year.
_US_PREFIX = re.compile(r"(\d{1,2})([/.-])(\d{0,2})(?:\2\d{0,3})?")
_DAY_TYPED = re.compile(r"\d{1,2}([/.-])\d{1,2}\1\d{0,3}")
#: What a date looks like while it is still being typed (every prefix of a valid form).
_PARTIAL = re.compile(
    r"\d{0,2}"  # month
    r"|\d{1,2}[/.-]\d{0,2}"  # month, day
    r"|\d{1,2}([/.-])\d{1,2}\1\d{0,3}"  # month, day, part of the year
    r"|\d{3,5}"  # digits only, not yet six (or a year, typed first)
    r"|\d{4}([/.-])\d{0,2}"  # year, month
    r"|\d{4}([/.-])\d{1,2}\3\d{0}"  # year, month, separator
)
#: The month's name, its first three letters, or "Sept" (a dot may follow an abbreviation).
_MONTH_NUMBERS = {
    **{name: number for number, name in enumerate(MONTH_NAMES, start=1)},
    **{name[:3]: number for number, name in enumerate(MONTH_NAMES, start=1)},
    "sept": 9,
}
_NAME_SEP = r"(?:\.?(?: ?[/.-] ?| )|\.?, ?)"
_DAY_SEP = r"(?:(?:st|nd|rd|th)?(?: ?[/.-] ?| |, ?))"
#: Month name first (``March 31, 2027``, ``Mar-31-27``) and day first (``31-Mar-27``),
#: on the text with runs of spaces made one.
_NAMED = (
    re.compile(
        rf"(?P<month>[a-z]+){_NAME_SEP}(?P<day>\d{{1,2}}){_DAY_SEP}(?P<year>\d{{4}}|\d{{2}})"
    ),
    re.compile(
        rf"(?P<day>\d{{1,2}})(?: ?[/.-] ?| )(?P<month>[a-z]+){_NAME_SEP}(?P<year>\d{{4}}|\d{{2}})"
    ),
)
#: A month's name being typed: letters, then perhaps the day and part of the year (or the
#: day first, then letters): not complete yet, so no alarm.
_NAMED_PARTIAL = (
    re.compile(rf"(?P<month>[a-z]+)(?:{_NAME_SEP}(?:\d{{1,2}}(?:{_DAY_SEP}\d{{0,3}})?)?|\.)?"),
    re.compile(r"\d{1,2}(?: ?[/.-] ?| )(?P<month>[a-z]*)(?:\.?(?: ?[/.-] ?| |, ?)\d{0,3})?"),
)


class DateTextError(ValueError):
    """Why a text is not a date: a code and the numbers its sentence needs (the sentence is
    the presentation's: `certalign_gui.presentation.date_words`). ``incomplete`` says that
    the text could still become a date by typing more (so it needs no alarm yet)."""

    def __init__(self, code: DateTextCode, *, incomplete: bool = False, **arguments: int) -> None:
        super().__init__(code)
        self.code: DateTextCode = code
        self.arguments = arguments
        self.incomplete = incomplete


def _full_year(text: str) -> int:
    """Four digits as they are; two digits mean 20YY."""
    return int(text) if len(text) == 4 else 2000 + int(text)


def _checked(year: int, month: int, day: int) -> date:
    """The date, or a `DateTextError` saying which part cannot be."""
    if not 1 <= month <= 12:
        raise DateTextError("no_month", month=month)
    if not 1 <= day <= 31:
        raise DateTextError("no_day", day=day)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise DateTextError("year_range", year=year, low=MIN_YEAR, high=MAX_YEAR)
    days = calendar.monthrange(year, month)[1]
    if day > days:
        if month == 2:
            raise DateTextError("short_february", year=year, days=days)
        raise DateTextError("short_month", month=month, days=days)
    return date(year, month, day)


def _check_early(partial: str) -> None:
    """Refuse a half-typed date whose month or day can already never be right."""
    if match := _US_PREFIX.fullmatch(partial):
        month, sep, day = match.groups()
        if sep == "-" and partial.endswith("-") and 1 <= int(month) <= 31:
            return  # perhaps a day before a month's name: 31-Mar-27
        year_digits = None
    elif (
        partial.isdigit()
        and len(partial) in (4, 5)
        and not (
            MIN_YEAR <= int(partial[:4]) <= MAX_YEAR  # perhaps a year, typed first (YYYY-MM-DD)
        )
    ):
        month, day = partial[:2], partial[2:4]
        year_digits = partial[4:]
    else:
        return
    if not 1 <= int(month) <= 12:
        raise DateTextError("no_month", month=int(month))
    if year_digits is None and len(day) < 2 and not _DAY_TYPED.fullmatch(partial):
        return  # the day may still get its second digit
    if not 1 <= int(day) <= 31:
        raise DateTextError("no_day", day=int(day))
    most = calendar.monthrange(2000, int(month))[1]  # a leap year: February 29 may be right
    if int(day) > most:
        if int(month) == 2:
            raise DateTextError("february_at_most")
        raise DateTextError("short_month", month=int(month), days=most)


def _named_month(text: str) -> date | None:
    """The date a text with a month's name gives; None when it holds no letters."""
    spaced = " ".join(text.casefold().split())
    if not any(char.isalpha() for char in spaced):
        return None
    for form in _NAMED:
        match = form.fullmatch(spaced)
        if match and match["month"] in _MONTH_NUMBERS:
            month = _MONTH_NUMBERS[match["month"]]
            return _checked(_full_year(match["year"]), month, int(match["day"]))
    for form in _NAMED_PARTIAL:
        match = form.fullmatch(spaced)
        if match and any(name.startswith(match["month"]) for name in _MONTH_NUMBERS):
            raise DateTextError("incomplete_named", incomplete=True)
    if any(word in _MONTH_NUMBERS for word in re.findall(r"[a-z]+", spaced)):
        raise DateTextError("named_month")
    return None


def parse_typed_date(text: str) -> date:
    """The one date ``text`` names, or `DateTextError` with a code saying what is wrong."""
    cleaned = "".join(text.split())
    if not cleaned:
        raise DateTextError("empty", incomplete=True)
    if (named := _named_month(text)) is not None:
        return named
    if match := _US.fullmatch(cleaned):
        month, _sep, day, year = match.groups()
        return _checked(_full_year(year), int(month), int(day))
    if match := _ISO.fullmatch(cleaned):
        year, _sep, month, day = match.groups()
        return _checked(int(year), int(month), int(day))
    if cleaned.isdigit() and len(cleaned) in (6, 8):
        return _checked(_full_year(cleaned[4:]), int(cleaned[:2]), int(cleaned[2:4]))
    if cleaned.isdigit() and len(cleaned) == 7:
        # "3312027" is usually a whole date typed without the leading zero: say how to write
        # it. Said at once unless one digit more could still make it a date (0331202...).
        month, day = int(cleaned[:2]), int(cleaned[2:4])
        could_grow = 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2000, month)[1]
        raise DateTextError("seven_digits", incomplete=could_grow)
    if _PARTIAL.fullmatch(cleaned):
        _check_early(cleaned)
        raise DateTextError("incomplete", incomplete=True)
    if not all(char.isdigit() or char in _SEPARATORS for char in cleaned):
        raise DateTextError("not_numbers")
    raise DateTextError("not_a_form")


def typed_form(day: date) -> str:
    """How the date fields show a date: ``03/31/2027`` (four-digit year, month first)."""
    return f"{day.month:02d}/{day.day:02d}/{day.year:04d}"
