"""The policy file: the built-in one loads; a broken one is a PolicyError naming file, field."""

import json
import tomllib
from datetime import date
from decimal import Decimal

import pytest

from certalign_gui.basics.resource_lookup import resource_path
from certalign_gui.presentation.policy_words import policy_error_text, policy_path, policy_problem
from certalign_gui.rules import Policy, PolicyError, Situation, assess, load_policy
from certalign_gui.rules.policy import MonthDay, PolicyProblem

D = date.fromisoformat
BUILT_IN_TEXT = resource_path("policy", "oems-alignment.toml").read_text(encoding="utf-8")


def _built_in_data():
    return tomllib.loads(BUILT_IN_TEXT)


def _as_json(data):
    return json.dumps(data, default=lambda value: value.isoformat(), indent=2)


def test_built_in_policy_loads_with_the_published_facts():
    policy = load_policy()
    assert policy.published_cycle == 2025
    assert policy.earliest_cycle == 2025
    assert policy.fee.amount == Decimal("62.50")
    assert policy.fee.currency == "USD"
    assert (policy.recommended_by.month, policy.recommended_by.day) == (2, 15)
    assert (policy.window_opens.month, policy.window_opens.day) == (9, 1)
    assert policy.window_opens.years_before_expiration == 1
    assert (policy.usual_expiration.month, policy.usual_expiration.day) == (3, 31)
    assert policy.late_window_years == 1
    assert policy.url("nremt") == "https://www.nremt.org/"
    assert policy.url("verification") == "https://checkahealthlicense.mass.gov/"


def test_a_policy_file_given_by_path_loads(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(BUILT_IN_TEXT, encoding="utf-8")
    assert load_policy(path) == load_policy()
    assert load_policy(str(path)) == load_policy()


def _replace(old, new):
    """A TOML text edit of the built-in file."""

    def edit():
        assert old in BUILT_IN_TEXT
        return BUILT_IN_TEXT.replace(old, new, 1)

    return edit


def _json_edit(change):
    """The built-in policy as JSON, with `change(data)` applied."""

    def edit():
        data = _built_in_data()
        change(data)
        return _as_json(data)

    return edit


def _drop(*keys):
    def change(data):
        for key in keys[:-1]:
            data = data[key]
        del data[keys[-1]]

    return change


def _set(value, *keys):
    def change(data):
        for key in keys[:-1]:
            data = data[key]
        data[keys[-1]] = value

    return change


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        # Wrong types.
        ("p.toml", _replace("published_cycle = 2025", 'published_cycle = "2025"'),
         "field published_cycle"),
        ("p.toml", _replace("late_window_years = 1", "late_window_years = 1.5"),
         "field late_window_years"),
        ("p.toml", _replace("month = 2, day = 15", 'month = "2", day = 15'),
         "field recommended_by.month"),
        ("p.toml", _replace('url = "https://www.nremt.org/"', "url = 5"), "field links.nremt.url"),
        ("p.toml", _replace('title = "One-Year Alignment with NREMT"', "title = 1"),
         "field title"),
        ("p.toml", _replace("last_checked = 2026-11-01", 'last_checked = "recently"'),
         "field last_checked"),
        ("p.json", _json_edit(_set("yes", "links")), "field links"),
        # A non-https URL.
        ("p.toml", _replace('url = "https://www.nremt.org/"', 'url = "http://www.nremt.org/"'),
         "field links.nremt.url"),
        # A URL on another host.
        ("p.toml", _replace('url = "https://www.nremt.org/"', 'url = "https://example.com/"'),
         "field links.nremt.url"),
        # A look-alike host.
        ("p.toml",
         _replace('url = "https://checkahealthlicense.mass.gov/"',
                  'url = "https://mass.gov.evil.com/"'),
         "field links.verification.url"),
        ("p.toml",
         _replace('url = "https://checkahealthlicense.mass.gov/"', 'url = "https://evilmass.gov/"'),
         "field links.verification.url"),
        # A negative fee.
        ("p.toml", _replace('amount = "62.50"', 'amount = "-62.50"'), "field fee.amount"),
        # Three decimals.
        ("p.toml", _replace('amount = "62.50"', 'amount = "62.499"'), "field fee.amount"),
        # One decimal.
        ("p.toml", _replace('amount = "62.50"', 'amount = "62.5"'), "field fee.amount"),
        # The fee written as a float (or an integer): money is never a float.
        ("p.toml", _replace('amount = "62.50"', "amount = 62.50"), "field fee.amount"),
        ("p.json", _json_edit(_set(62.5, "fee", "amount")), "field fee.amount"),
        ("p.toml", _replace('amount = "62.50"', "amount = 62"), "field fee.amount"),
        # Not a number at all.
        ("p.toml", _replace('amount = "62.50"', 'amount = "NaN"'), "field fee.amount"),
        ("p.toml", _replace('amount = "62.50"', 'amount = "sixty"'), "field fee.amount"),
        # Another currency.
        ("p.toml", _replace('currency = "USD"', 'currency = "EUR"'), "field fee.currency"),
        # Cycle years out of range (2000 to 2100).
        ("p.toml", _replace("published_cycle = 2025", "published_cycle = 1999"),
         "field published_cycle"),
        ("p.toml", _replace("published_cycle = 2025", "published_cycle = 2101"),
         "field published_cycle"),
        ("p.toml", _replace("earliest_cycle = 2025", "earliest_cycle = 1999"),
         "field earliest_cycle"),
        # The earliest cycle after the published one.
        ("p.toml", _replace("earliest_cycle = 2025", "earliest_cycle = 2026"), "earliest_cycle"),
        # Days that do not exist, and months out of range.
        ("p.toml", _replace("month = 3, day = 31", "month = 2, day = 30"),
         "field usual_expiration"),
        ("p.toml", _replace("month = 3, day = 31", "month = 13, day = 31"),
         "field usual_expiration.month"),
        ("p.toml", _replace("years_before_expiration = 1", "years_before_expiration = 3"),
         "field window_opens.years_before_expiration"),
        # An unknown key, at the top and in a table.
        ("p.toml", _replace("schema_version = 1", 'schema_version = 1\ncolour = "red"'),
         "field colour: unknown key"),
        ("p.toml", _replace('currency = "USD"', 'currency = "USD"\ntax = "0.00"'),
         "field fee.tax: unknown key"),
        # An unknown link name.
        ("p.json", _json_edit(_set({"label": "x", "title": "x", "url": "https://www.mass.gov/",
                                    "source": "x"}, "links", "evil")),
         "field links.evil"),
        # A missing link, a missing citation, a missing part of a link.
        ("p.json", _json_edit(_drop("links", "oems")), "links: missing oems"),
        ("p.json", _json_edit(_drop("citations", "renew_ma")), "citations: missing renew_ma"),
        ("p.json", _json_edit(_drop("links", "nremt", "source")),
         "field links.nremt.source: missing"),
        # A missing field, an empty one.
        ("p.json", _json_edit(_drop("fee")), "field fee: missing"),
        ("p.json", _json_edit(_set("", "title")), "field title"),
        # Another schema version.
        ("p.toml", _replace("schema_version = 1", "schema_version = 2"), "field schema_version"),
    ],
)  # fmt: skip
def test_a_broken_policy_field_is_an_error_naming_the_file_and_the_field(
    tmp_path, name, content, says
):
    path = tmp_path / name
    path.write_text(content(), encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        load_policy(path)
    message = policy_error_text(raised.value)
    assert str(path) in message
    assert says in message
    assert raised.value.path == str(path)
    assert "\n" not in message


def _write(tmp_path, name, data):
    path = tmp_path / name
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("make", "says"),
    [
        # Missing.
        (lambda tmp: tmp / "nowhere.toml", "the file does not exist"),
        # Empty, or only blank lines.
        (lambda tmp: _write(tmp, "empty.toml", ""), "the file is empty"),
        (lambda tmp: _write(tmp, "blank.toml", "\n  \n"), "the file is empty"),
        # A folder.
        (lambda tmp: tmp, "this is a folder"),
        # Not TOML.
        (lambda tmp: _write(tmp, "bad.toml", "this is = = not toml"), "is not valid TOML"),
        # Invalid JSON.
        (lambda tmp: _write(tmp, "bad.json", '{"schema_version": 1,'), "is not valid JSON"),
        # JSON, but not an object.
        (lambda tmp: _write(tmp, "list.json", "[1, 2]"), "the top level must be a table"),
        # Not UTF-8 text.
        (lambda tmp: _write(tmp, "latin.toml", b'title = "caf\xe9"\n'), "is not UTF-8 text"),
        # A name the system cannot open.
        (lambda tmp: tmp / ("x" * 300 + ".toml"), "cannot be read"),
    ],
)
def test_a_policy_file_that_cannot_be_used_is_an_error_naming_the_file(tmp_path, make, says):
    path = make(tmp_path)
    with pytest.raises(PolicyError) as raised:
        load_policy(path)
    message = policy_error_text(raised.value)
    assert message.startswith(f"Policy file {path}: ")
    assert says in message
    assert policy_problem(raised.value) in message


def test_uppercase_json_extension_is_read_as_json(tmp_path):
    path = _write(tmp_path, "POLICY.JSON", _as_json(_built_in_data()))
    assert load_policy(path) == load_policy()


def test_json_policy_equivalent_to_the_toml_one_gives_identical_assessments(tmp_path):
    path = _write(tmp_path, "policy.json", _as_json(_built_in_data()))
    from_json = load_policy(path)
    assert from_json == load_policy()
    for ma, nremt, as_of in [
        ("2025-03-31", "2026-03-31", "2025-01-10"),
        ("2025-03-31", "2026-03-31", "2025-04-01"),
        ("2026-03-31", "2025-03-31", "2025-01-10"),
        ("2026-03-31", "2027-03-31", "2025-01-10"),
        ("2025-03-31", "2025-03-31", "2025-01-10"),
        ("2025-03-31", "2028-03-31", "2025-01-10"),
    ]:
        situation = Situation(ma_expiration=D(ma), nremt_expiration=D(nremt), as_of=D(as_of))
        assert assess(situation, from_json) == assess(situation)


def test_policy_values_drive_the_rules_not_code(tmp_path):
    text = (
        BUILT_IN_TEXT.replace('amount = "62.50"', 'amount = "70.00"')
        .replace("published_cycle = 2025", "published_cycle = 2027")
        .replace("month = 2, day = 15", "month = 1, day = 31")
    )
    policy = load_policy(_write(tmp_path, "p.toml", text))
    situation = Situation(
        ma_expiration=D("2027-03-31"), nremt_expiration=D("2028-03-31"), as_of=D("2027-02-01")
    )
    assessment = assess(situation, policy)
    assert (assessment.category, assessment.phase) == ("one_year_alignment", "past_recommended")
    assert assessment.fee.amount == Decimal("70.00")
    assert assessment.projected is False
    assert assessment.policy.cycle == 2027


@pytest.mark.parametrize(
    ("year", "expected"),
    [
        # A leap year keeps February 29.
        (2028, date(2028, 2, 29)),
        # Other years fall back to February 28.
        (2025, date(2025, 2, 28)),
        (2100, date(2100, 2, 28)),
    ],
)
def test_a_february_29_policy_day_falls_back_to_february_28_in_common_years(year, expected):
    assert MonthDay(month=2, day=29).in_year(year) == expected


def test_a_policy_error_keeps_the_path_and_the_problem_as_codes():
    error = PolicyError("some.toml", PolicyProblem(field="fee.amount", code="amount_negative"))
    assert (error.path, error.problems) == (
        "some.toml",
        (PolicyProblem(field="fee.amount", code="amount_negative"),),
    )
    assert policy_path(error) == "some.toml"
    assert policy_error_text(error) == (
        "Policy file some.toml: field fee.amount: must be zero or more"
    )


def test_policy_model_is_frozen():
    policy = load_policy()
    assert isinstance(policy, Policy)
    with pytest.raises(ValueError, match="frozen"):
        policy.published_cycle = 2030  # type: ignore[misc]
