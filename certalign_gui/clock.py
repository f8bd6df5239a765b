"""The one place the program reads the clock.

Everything else is given "today" (the wizard, the exports, the rules through the advice
date), so a test can move the clock and a window left open past midnight can follow it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime


def today() -> date:
    """Today's date on this computer."""
    return date.today()


def now_utc() -> datetime:
    """The current time in UTC (a calendar file's time stamp)."""
    return datetime.now(UTC)
