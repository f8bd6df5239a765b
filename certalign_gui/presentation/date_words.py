"""Why a typed text is not a date, in words: `DateTextError`'s code said as a sentence.

No pydantic here (the window's first page uses it); each sentence is a message of the one
catalogue, the example dates are Babel's.
"""

from __future__ import annotations

from certalign_gui.presentation.catalogue import N_, _, long_date, month_name, short_date
from certalign_gui.rules.typed_dates import EXAMPLE, DateTextError, typed_form

#: The forms a date may be typed in.
FORMS = "MM/DD/YYYY, MMDDYYYY or YYYY-MM-DD"

_DATE_TEXT = {
    "empty": N_("Type the date, for example {example}."),
    "incomplete": N_(
        "Not complete yet: type the month, the day and the year, for example {example}."
    ),
    "incomplete_named": N_(
        "Not complete yet: type the month, the day and the year, for example {named}."
    ),
    "not_numbers": N_("Type the date with numbers, for example {example}."),
    "not_a_form": N_("This is not a date. Type it as {forms}, for example {example}."),
    "seven_digits": N_(
        "Type two digits for the month and two for the day, for example 03312027, or use "
        "slashes: 3/31/2027."
    ),
    "no_month": N_(
        "There is no month {month}. Type the month first, then the day, for example {example}."
    ),
    "no_day": N_("There is no day {day} in a month. Check the day."),
    "short_month": N_("{month_name} has only {days} days."),
    "short_february": N_("February {year} has only {days} days."),
    "february_at_most": N_("February has at most 29 days."),
    "year_range": N_("Check the year: {year} is not between {low} and {high}."),
    "named_month": N_(
        "Write the month's name with the day and the year, for example {named} or {excel}."
    ),
}


def example() -> str:
    """The example every message shows: ``03/31/2027``."""
    return typed_form(EXAMPLE)


def date_refusal(refused: DateTextError) -> str:
    """Why a typed text is not a date, as one plain sentence."""
    arguments: dict[str, object] = {
        "example": example(),
        "forms": FORMS,
        "named": long_date(EXAMPLE),
        "excel": short_date(EXAMPLE),
        **refused.arguments,
    }
    if refused.code == "short_month":
        arguments["month_name"] = month_name(refused.arguments["month"])
    return _(_DATE_TEXT[refused.code]).format_map(arguments)
