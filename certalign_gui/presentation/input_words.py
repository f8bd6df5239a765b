"""A situation the rules cannot take, in words: `situation_problems`' field, code and
arguments (a typed date the rules refuse is `certalign_gui.presentation.date_words`).

Each sentence is a message of the one catalogue; dates are Babel's.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from pydantic import ValidationError

from certalign_gui.presentation.catalogue import N_, _, long_date
from certalign_gui.rules.models import EXPIRED_AFTER_ADVICE_DATE, Problem, situation_problems

_FIELD_NAMES = {
    "ma_expiration": N_("Massachusetts expiration date"),
    "nremt_expiration": N_("NREMT expiration date"),
    "as_of": N_("advice date"),
}
_PROBLEMS = {
    "missing": N_("is required"),
    "year_out_of_range": N_("the year must be between {low} and {high}"),
    "nremt_expiration_required": N_("an active NREMT certification needs its expiration date"),
    "nremt_expiration_not_allowed": N_("leave it empty when NREMT certification was never held"),
    EXPIRED_AFTER_ADVICE_DATE: N_(
        "an expired NREMT certification cannot expire after the advice date; choose "
        "'active' if it is still valid"
    ),
}
#: pydantic's own message, for a date it could not read.
_NOT_A_CALENDAR_DATE = N_("is not a real calendar date ({message})")
#: The window's own words for an expired NREMT date after the advice date.
EXPIRED_AFTER_ADVICE_DATE_WORDS = N_(
    'You chose "I had one, but it has expired", but the date you typed, {nremt}, is after '
    "the advice date, {as_of}. If your NREMT certification is still valid, choose "
    '"Yes, it is active". If it has expired, check the date on your card.'
)


def field_name(field: str) -> str:
    """The field as a person calls it ("NREMT expiration date"); its key when it has no
    name of its own."""
    return _(_FIELD_NAMES[field]) if field in _FIELD_NAMES else field or _("input")


def problem_words(problem: Problem) -> str:
    """What is wrong with the field, without its name: "is required"."""
    if problem.code in _PROBLEMS:
        return _(_PROBLEMS[problem.code]).format_map(problem.arguments)
    message = str(problem.arguments.get("message", problem.code))
    if problem.code.startswith("date"):
        return _(_NOT_A_CALENDAR_DATE).format(message=message)
    return message


def describe_problems(problems: Sequence[Problem], keys: Mapping[str, str] | None = None) -> str:
    """One sentence part per problem, each naming the field, joined by "; ".

    ``keys``: how the reader names a field besides its name (``--ma-expires`` on the command
    line), said in brackets after it; a field without a key is named by its name alone.
    """
    keys = keys or {}
    parts = []
    for problem in problems:
        name = field_name(problem.field)
        key = keys.get(problem.field)
        parts.append(
            f"{name} ({key}): {problem_words(problem)}"
            if key
            else f"{name}: {problem_words(problem)}"
        )
    return "; ".join(parts)


def situation_sentence(exc: ValidationError) -> str:
    """The problems of a situation as one sentence for the window and the roster (no keys):
    "NREMT expiration date: an active NREMT certification needs its expiration date."."""
    text = describe_problems(situation_problems(exc))
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def expired_after_advice_date(nremt_expiration: date, as_of: date) -> str:
    """The window's words for an "expired" NREMT date after the advice date."""
    return _(EXPIRED_AFTER_ADVICE_DATE_WORDS).format(
        nremt=long_date(nremt_expiration), as_of=long_date(as_of)
    )
