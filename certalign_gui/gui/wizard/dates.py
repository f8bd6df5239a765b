"""What the date fields need to know about the policy's usual expiration day (March 31)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from certalign_gui.presentation.answer import not_usual_note
from certalign_gui.presentation.catalogue import month_day

if TYPE_CHECKING:
    from certalign_gui.rules.policy import Policy


def next_usual_expiration(policy: Policy, today: date) -> date:
    """The first usual expiration day (March 31) on or after ``today``: the form's default."""
    this_year = policy.usual_expiration.in_year(today.year)
    return this_year if this_year >= today else policy.usual_expiration.in_year(today.year + 1)


def is_usual_expiration(policy: Policy, day: date) -> bool:
    """True when ``day`` is the policy's usual expiration day of its year (March 31)."""
    return day == policy.usual_expiration.in_year(day.year)


def usual_day_text(policy: Policy) -> str:
    """The usual expiration day without a year, e.g. "March 31"."""
    return month_day(policy.usual_expiration.month, policy.usual_expiration.day)


def not_usual_hint(policy: Policy) -> str:
    """The note under a date field holding a day that is not the usual expiration day."""
    return not_usual_note(usual_day_text(policy))
