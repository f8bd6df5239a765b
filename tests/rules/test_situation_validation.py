"""RULES.md "Inputs": bad input is a pydantic ValidationError naming the field."""

from datetime import date, datetime

import pytest
from pydantic import ValidationError

from certalign_gui.rules import Situation
from certalign_gui.rules.models import situation_problems

D = date.fromisoformat
GOOD = {
    "ma_expiration": D("2025-03-31"),
    "nremt_expiration": D("2026-03-31"),
    "as_of": D("2025-01-10"),
}


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        # Missing MA date.
        ({"ma_expiration": None}, "ma_expiration"),
        # Active without a date (active is the default status).
        ({"nremt_expiration": None}, "nremt_expiration"),
        ({"nremt_status": "active", "nremt_expiration": None}, "nremt_expiration"),
        # Expired with a date after as_of.
        ({"nremt_status": "expired", "nremt_expiration": D("2025-01-11")}, "nremt_expiration"),
        # Never with a date.
        ({"nremt_status": "never"}, "nremt_expiration"),
        # Dates that are not real calendar dates.
        ({"ma_expiration": "2025-02-29"}, "ma_expiration"),
        ({"nremt_expiration": "2026-04-31"}, "nremt_expiration"),
        ({"as_of": "2025-13-01"}, "as_of"),
        ({"ma_expiration": "March 31"}, "ma_expiration"),
        # A time of day is not a date.
        ({"as_of": datetime(2025, 1, 10, 12, 30)}, "as_of"),
        # A status the rules do not know.
        ({"nremt_status": "lapsed"}, "nremt_status"),
        # Missing as_of: the rules never read a clock.
        ({"as_of": None}, "as_of"),
        # Years no certification has (the rules refuse them rather than compute with them).
        ({"ma_expiration": D("1900-03-31")}, "ma_expiration"),
        ({"as_of": D("2300-01-01")}, "as_of"),
    ],
)
def test_bad_input_is_a_validation_error_naming_the_field(changes, field):
    data = {**GOOD, **changes}
    data = {key: value for key, value in data.items() if value is not None}
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate(data)
    assert field in str(raised.value)
    assert field in {problem.field for problem in situation_problems(raised.value)}


@pytest.mark.parametrize(
    "nremt",
    [
        # Expired on the as-of day.
        D("2025-01-10"),
        # Expired before it.
        D("2024-03-31"),
        # Expired, date unknown.
        None,
    ],
)
def test_expired_with_a_date_on_or_before_as_of_is_fine(nremt):
    situation = Situation(
        ma_expiration=D("2025-03-31"),
        nremt_status="expired",
        nremt_expiration=nremt,
        as_of=D("2025-01-10"),
    )
    assert situation.nremt_expiration == nremt


@pytest.mark.parametrize(
    "changes",
    [
        # A valid but unusual date is not an error (it becomes a warning).
        {"ma_expiration": D("2025-06-30")},
        # Feb 29 in a leap year.
        {"ma_expiration": D("2028-02-29"), "nremt_expiration": D("2029-02-28")},
        # ISO text is accepted (the GUI and CLI pass dates, JSON callers pass text).
        {"ma_expiration": "2025-03-31"},
        # An active NREMT whose date has passed is accepted (and warned about).
        {"nremt_expiration": D("2024-03-31")},
    ],
)
def test_valid_but_unusual_input_is_accepted(changes):
    situation = Situation.model_validate({**GOOD, **changes})
    assert situation.ma_expiration == D(str(changes.get("ma_expiration", GOOD["ma_expiration"])))


def test_situation_is_frozen_and_refuses_unknown_fields():
    situation = Situation.model_validate(GOOD)
    with pytest.raises(ValidationError):
        situation.as_of = D("2030-01-01")  # type: ignore[misc]
    with pytest.raises(ValidationError, match="extra"):
        Situation.model_validate({**GOOD, "name": "Pat"})


@pytest.mark.parametrize(
    ("changes", "field", "code", "arguments"),
    [
        # pydantic's own codes, placed by pydantic.
        ({"ma_expiration": None}, "ma_expiration", "missing", {}),
        ({"ma_expiration": "2025-02-30"}, "ma_expiration", "date_from_datetime_parsing",
         {"error": "day value is outside expected range"}),
        # The rules' own codes: a rule between fields is placed on the field it is about.
        ({"nremt_expiration": None}, "nremt_expiration", "nremt_expiration_required", {}),
        ({"nremt_status": "never"}, "nremt_expiration", "nremt_expiration_not_allowed", {}),
        ({"as_of": D("1900-01-01")}, "as_of", "year_out_of_range",
         {"year": 1900, "low": 1950, "high": 2199}),
        ({"nremt_status": "expired", "nremt_expiration": D("2025-01-11")}, "nremt_expiration",
         "nremt_expired_after_advice_date",
         {"nremt_expiration": D("2025-01-11"), "as_of": D("2025-01-10")}),
    ],
)  # fmt: skip
def test_each_problem_is_a_field_a_code_and_its_values(changes, field, code, arguments):
    data = {key: value for key, value in {**GOOD, **changes}.items() if value is not None}
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate(data)
    (problem,) = situation_problems(raised.value)
    assert (problem.field, problem.code) == (field, code)
    # The rules' own problems carry only values; pydantic's keep pydantic's message too.
    shown = {key: value for key, value in problem.arguments.items() if key != "message"}
    assert shown == arguments
