"""The one boundary between Qt dates and the rules' `datetime.date`, and the date field."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate

from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.wording import long_date

if TYPE_CHECKING:
    from certalign_gui.rules.policy import Policy

#: Four-digit years everywhere: QLocale("en_US") would show 3/31/26.
DISPLAY_FORMAT = "MM/dd/yyyy"
EARLIEST = date(MIN_YEAR, 1, 1)
LATEST = date(MAX_YEAR, 12, 31)


def to_qdate(day: date) -> QDate:
    """``date`` -> ``QDate``."""
    return QDate(day.year, day.month, day.day)


def to_date(day: QDate) -> date:
    """``QDate`` -> ``date`` (raises ValueError for an invalid QDate)."""
    if not day.isValid():
        raise ValueError("not a valid date")
    return date(day.year(), day.month(), day.day())


def next_usual_expiration(policy: Policy, today: date) -> date:
    """The first usual expiration day (March 31) on or after ``today``: the form's default."""
    this_year = policy.usual_expiration.in_year(today.year)
    return this_year if this_year >= today else policy.usual_expiration.in_year(today.year + 1)


def is_usual_expiration(policy: Policy, day: date) -> bool:
    """True when ``day`` is the policy's usual expiration day of its year (March 31)."""
    return day == policy.usual_expiration.in_year(day.year)


def usual_day_text(policy: Policy) -> str:
    """The usual expiration day without a year, e.g. "March 31"."""
    usual = policy.usual_expiration
    return long_date(date(2000, usual.month, usual.day)).rsplit(",", 1)[0]
