"""A situation the rules refuse, in words: one sentence part per field, naming it."""

from datetime import date

import pytest
from pydantic import ValidationError

from certalign_gui.presentation.input_words import describe_problems, situation_sentence
from certalign_gui.rules import Situation
from certalign_gui.rules.models import situation_problems

D = date.fromisoformat
GOOD = {
    "ma_expiration": D("2025-03-31"),
    "nremt_expiration": D("2026-03-31"),
    "as_of": D("2025-01-10"),
}
#: Name each field by its key too, as a program would.
KEYS = {"ma_expiration": "ma_expiration", "nremt_expiration": "nremt_expiration", "as_of": "as_of"}


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        # A missing field: "is required", with its plain name.
        ({"ma_expiration": None},
         "Massachusetts expiration date (ma_expiration): is required"),
        # A date that does not exist.
        ({"ma_expiration": "2025-02-30"},
         "Massachusetts expiration date (ma_expiration): is not a real calendar date"),
        # A rule between fields: named by the field it is about.
        ({"nremt_expiration": None},
         "NREMT expiration date (nremt_expiration): an active NREMT certification needs"),
        ({"nremt_status": "never"},
         "NREMT expiration date (nremt_expiration): leave it empty"),
        ({"as_of": D("1900-01-01")},
         "advice date (as_of): the year must be between 1950 and 2199"),
        # A field without a plain name: the field itself.
        ({"nremt_status": "lapsed"}, "nremt_status: Input should be"),
    ],
)  # fmt: skip
def test_situation_errors_read_as_one_sentence_per_field(changes, message):
    data = {key: value for key, value in {**GOOD, **changes}.items() if value is not None}
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate(data)
    described = describe_problems(situation_problems(raised.value), KEYS)
    assert described.startswith(message)
    assert "\n" not in described


def test_several_problems_are_joined_on_one_line():
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate({"ma_expiration": "2025-02-30", "as_of": "x"})
    described = describe_problems(situation_problems(raised.value), KEYS)
    assert "ma_expiration" in described
    assert "as_of" in described
    assert "\n" not in described


def test_without_keys_a_problem_is_one_plain_sentence():
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate({**GOOD, "nremt_expiration": None})
    assert situation_sentence(raised.value) == (
        "NREMT expiration date: an active NREMT certification needs its expiration date."
    )
