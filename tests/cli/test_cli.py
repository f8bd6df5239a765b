"""`certalign` in-process: text and JSON output, date formats, the as-of default, --policy."""

import json
from datetime import date

import pytest

from certalign_gui import __version__, cli, clock
from certalign_gui.basics.resource_lookup import resource_path
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.presentation.plain_text import WIDTH
from certalign_gui.rules import Situation, assess, load_policy

D = date.fromisoformat
BUILT_IN_TEXT = resource_path("policy", "oems-alignment.toml").read_text(encoding="utf-8")


def _run(capsys, *argv):
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _args(ma, nremt, as_of, status="active"):
    argv = ["--ma-expires", ma, "--nremt-status", status, "--as-of", as_of]
    return [*argv, "--nremt-expires", nremt] if nremt else argv


def _flat(text):
    """The text with line wrapping undone."""
    return " ".join(text.split())


def test_issue_done_check(capsys):
    status, out, err = _run(
        capsys, "--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31",
        "--as-of", "2025-01-10", "--json",
    )  # fmt: skip
    assert (status, err) == (0, "")
    answer = json.loads(out)
    assert answer["category"] == "one_year_alignment"
    assert answer["phase"] == "open"
    assert answer["fee"]["amount"] == "62.50"
    deadlines = {d["kind"]: d["date"] for d in answer["deadlines"]}
    assert deadlines["recommended"] == "2025-02-15"
    assert deadlines["late_submission"] == "2026-03-31"


FEE = {"amount": "62.50", "currency": "USD"}


def _alignment_steps(application_due, nremt_due):
    """RULES.md's steps for one_year_alignment, in order, with their due dates."""
    return [
        ("update_contact_info", None), ("submit_alignment_application", application_due),
        ("confirm_new_ma_date", None), ("renew_nremt", nremt_due),
    ]  # fmt: skip


# RULES.md's worked examples (and one projected cycle), answered by hand from RULES.md,
# never by assess(): (ma, status, nremt, as of) -> what `certalign --json` must say.
WORKED_EXAMPLES = [
    pytest.param(
        ("2025-03-31", "2026-03-31", "2025-01-10", "active"),
        {
            "category": "one_year_alignment", "phase": "open", "reason": None, "fee": FEE,
            "steps": _alignment_steps("2025-02-15", "2026-03-31"),
            "deadlines": [("2025-02-15", "recommended"), ("2025-03-31", "ma_expiration"),
                          ("2026-03-31", "late_submission"), ("2026-03-31", "nremt_expiration")],
            "can_staff_ambulance": True, "projected": False,
        },
        id="MA 2025, NR 2026, January: open",
    ),
    pytest.param(
        ("2025-03-31", "2026-03-31", "2025-04-01", "active"),
        {
            "category": "one_year_alignment", "phase": "late", "reason": None, "fee": FEE,
            "steps": _alignment_steps("2026-03-31", "2026-03-31"),
            "deadlines": [("2025-02-15", "recommended"), ("2025-03-31", "ma_expiration"),
                          ("2026-03-31", "late_submission"), ("2026-03-31", "nremt_expiration")],
            "can_staff_ambulance": False, "projected": False,
        },
        id="MA 2025, NR 2026, April 1: late, cannot staff",
    ),
    pytest.param(
        ("2026-03-31", "2025-03-31", "2025-01-10", "active"),
        {
            "category": "reverse_off_cycle", "phase": None, "reason": None, "fee": None,
            "steps": [("recertify_nremt", "2025-03-31"), ("update_contact_info", None),
                      ("complete_alignment_after_nremt", None)],
            "deadlines": [("2025-03-31", "nremt_expiration"), ("2026-03-31", "ma_expiration")],
            "can_staff_ambulance": True, "projected": False,
        },
        id="MA 2026, NR 2025: reverse off cycle",
    ),
    pytest.param(
        ("2026-03-31", None, "2025-06-01", "expired"),
        {
            "category": "expired_nremt", "phase": None, "reason": None, "fee": None,
            "steps": [("regain_nremt", None)],
            "deadlines": [("2026-03-31", "ma_expiration")],
            "can_staff_ambulance": True, "projected": False,
        },
        id="MA 2026, NREMT expired",
    ),
    pytest.param(
        ("2026-03-31", "2027-03-31", "2025-01-10", "active"),
        {
            "category": "alignment_not_yet_due", "phase": None, "reason": None, "fee": None,
            "steps": [("update_contact_info", None), ("wait_for_instructions", None)],
            "deadlines": [("2025-09-01", "alignment_window_opens"),
                          ("2026-03-31", "ma_expiration"), ("2027-03-31", "nremt_expiration")],
            "can_staff_ambulance": True, "projected": False,
        },
        id="MA 2026, NR 2027: not yet due",
    ),
    pytest.param(
        ("2027-03-31", "2028-03-31", "2026-10-01", "active"),
        {
            "category": "one_year_alignment", "phase": "open", "reason": None, "fee": FEE,
            "steps": _alignment_steps("2027-02-15", "2028-03-31"),
            "deadlines": [("2027-02-15", "recommended"), ("2027-03-31", "ma_expiration"),
                          ("2028-03-31", "late_submission"), ("2028-03-31", "nremt_expiration")],
            "can_staff_ambulance": True, "projected": True,
        },
        id="MA 2027, NR 2028: the 2025 pattern, projected",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("case", "expected"), WORKED_EXAMPLES)
def test_json_answers_the_worked_examples_of_rules_md(capsys, case, expected):
    code, out, err = _run(capsys, *_args(*case), "--json")
    assert (code, err) == (0, "")
    answer = json.loads(out)
    for key in ("category", "phase", "reason", "fee", "can_staff_ambulance", "projected"):
        assert answer[key] == expected[key], key
    assert [(step["id"], step["due"]) for step in answer["steps"]] == expected["steps"]
    # Sorted by date; RULES.md does not order two deadlines that fall on the same day.
    deadlines = [(deadline["date"], deadline["kind"]) for deadline in answer["deadlines"]]
    assert [day for day, _kind in deadlines] == [day for day, _kind in expected["deadlines"]]
    assert sorted(deadlines) == sorted(expected["deadlines"])
    # RULES.md: when you cannot staff an ambulance, the first warning says so.
    # The warnings are codes; the sentences are under "words", in the same order.
    if expected["can_staff_ambulance"]:
        assert not any(warning["code"] == "ma_expired" for warning in answer["warnings"])
        assert not any("cannot staff" in warning for warning in answer["words"]["cautions"])
    else:
        assert answer["warnings"][0]["code"] == "ma_expired"
        assert "cannot staff an ambulance" in answer["words"]["cautions"][0]


CASES = [
    # One situation per category (and per phase of the alignment).
    ("2025-03-31", "2026-03-31", "2025-01-10", "active"),
    ("2025-03-31", "2026-03-31", "2025-03-01", "active"),
    ("2025-03-31", "2026-03-31", "2025-04-01", "active"),
    ("2026-03-31", "2027-03-31", "2025-01-10", "active"),
    ("2026-03-31", "2025-03-31", "2025-01-10", "active"),
    ("2026-03-31", None, "2025-06-01", "expired"),
    ("2025-03-31", "2025-03-31", "2025-01-10", "active"),
    ("2025-03-31", None, "2025-01-10", "never"),
    ("2025-03-31", "2028-03-31", "2025-01-10", "active"),
    ("2027-03-31", "2028-03-31", "2026-10-01", "active"),
]


def _assessment(ma, nremt, as_of, status):
    return assess(
        Situation(
            ma_expiration=D(ma),
            nremt_status=status,
            nremt_expiration=D(nremt) if nremt else None,
            as_of=D(as_of),
        )
    )


@pytest.mark.parametrize(("ma", "nremt", "as_of", "status"), CASES)
def test_json_output_is_exactly_the_assessment_and_its_words(capsys, ma, nremt, as_of, status):
    # The command adds and drops nothing: its JSON is assess()'s facts, whole, and the words
    # the presentation says for them in the chosen language. (Whether the facts are right is
    # checked against RULES.md above, and in tests/rules.)
    code, out, err = _run(capsys, *_args(ma, nremt, as_of, status), "--json")
    assert (code, err) == (0, "")
    got = json.loads(out)
    assessment = _assessment(ma, nremt, as_of, status)
    said_json, language = got.pop("words"), got.pop("language")
    assert got == assessment.model_dump(mode="json")
    assert language == "en"
    said = present(assessment)
    assert said_json["headline"] == said.headline
    assert said_json["cautions"] == list(said.cautions)
    assert [step["title"] for step in said_json["steps"]] == [step.title for step in said.steps]
    assert said_json["advice_day"] == as_of


@pytest.mark.parametrize(("ma", "nremt", "as_of", "status"), CASES)
def test_text_output_shows_headline_steps_due_dates_fee_and_links(capsys, ma, nremt, as_of, status):
    code, out, err = _run(capsys, *_args(ma, nremt, as_of, status))
    assert (code, err) == (0, "")
    assessment = _assessment(ma, nremt, as_of, status)
    said = present(assessment)
    text = _flat(out)
    assert f"{said.headline}\n{'=' * len(said.headline)}" in out
    assert f"Advice as of {long_date(assessment.situation.as_of)}." in out
    for number, (step, line) in enumerate(zip(assessment.steps, said.steps, strict=True), 1):
        assert f"[ ] {number}. {line.title}" in text
        assert _flat(line.detail) in text
        if step.due is not None:
            assert f"Due by {long_date(step.due)}" in text
        if step.url is not None:
            assert f"{load_policy().links[step.link].label}: {step.url}" in text
    for row in said.key_dates:
        assert f"{long_date(row.day)} {row.label}" in text
    for warning in said.cautions:
        assert _flat(warning) in text
    for link in load_policy().links.values():
        assert link.url in out
    if assessment.fee is not None:
        assert f"Alignment fee: ${assessment.fee.amount}, paid in eLicensing." in out
    else:
        assert words.NO_FEE in out
    # Projected advice is said once, by the rules' own warning (above), not a second time.
    assert text.count("published guidance describes") == (1 if assessment.projected else 0)
    assert "{" not in out


def test_text_says_when_you_cannot_staff_an_ambulance(capsys):
    _code, out, _err = _run(capsys, *_args("2025-03-31", "2026-03-31", "2025-04-01"))
    assert "Expired: you cannot staff an ambulance" in out
    _code, out, _err = _run(capsys, *_args("2025-03-31", "2026-03-31", "2025-03-31"))
    assert "cannot staff" not in out


def test_text_lines_fit_in_78_columns(capsys):
    for case in CASES:
        _code, out, _err = _run(capsys, *_args(*case))
        assert max(len(line) for line in out.splitlines()) <= WIDTH


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        # ISO.
        ("2025-03-31", "2025-03-31"),
        # US month/day/year, with and without leading zeros.
        ("03/31/2025", "2025-03-31"),
        ("3/31/2025", "2025-03-31"),
        ("02/29/2028", "2028-02-29"),
        # Spaces around the value are ignored.
        (" 2025-03-31 ", "2025-03-31"),
    ],
)
def test_dates_may_be_iso_or_us(capsys, written, meant):
    code, out, _err = _run(
        capsys, "--ma-expires", written, "--nremt-expires", written, "--as-of", written, "--json"
    )
    situation = json.loads(out)["situation"]
    assert code == 0
    assert situation["ma_expiration"] == situation["nremt_expiration"] == meant
    assert situation["as_of"] == meant


def test_as_of_defaults_to_today(capsys, monkeypatch):
    # The command reads the clock only through certalign_gui.clock.
    monkeypatch.setattr(clock, "today", lambda: date(2025, 1, 10))
    code, out, _err = _run(capsys, "--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31",
                           "--json")  # fmt: skip
    assert code == 0
    assert json.loads(out)["situation"]["as_of"] == "2025-01-10"


def test_as_of_default_is_the_real_today(capsys):
    before = date.today()
    code, out, _err = _run(capsys, "--ma-expires", "2025-03-31", "--nremt-status", "never",
                           "--json")  # fmt: skip
    after = date.today()
    assert code == 0
    assert json.loads(out)["situation"]["as_of"] in {before.isoformat(), after.isoformat()}


def test_nremt_status_defaults_to_active(capsys):
    _code, out, _err = _run(capsys, *_args("2025-03-31", "2026-03-31", "2025-01-10")[4:],
                            "--ma-expires", "2025-03-31", "--json")  # fmt: skip
    assert json.loads(out)["situation"]["nremt_status"] == "active"


def test_version(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"certalign {__version__}"


def test_help_lists_every_option(capsys):
    with pytest.raises(SystemExit) as exited:
        cli.main(["--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    for option in ("--ma-expires", "--nremt-status", "--nremt-expires", "--as-of", "--json",
                   "--policy", "--version"):  # fmt: skip
        assert option in out


@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_a_good_policy_file_gives_the_same_answer(capsys, tmp_path, suffix):
    path = tmp_path / f"policy{suffix}"
    if suffix == ".toml":
        path.write_text(BUILT_IN_TEXT, encoding="utf-8")
    else:
        data = load_policy().model_dump(mode="json")
        path.write_text(json.dumps(data), encoding="utf-8")
    argv = _args("2025-03-31", "2026-03-31", "2025-01-10")
    code, with_file, err = _run(capsys, *argv, "--json", "--policy", str(path))
    assert (code, err) == (0, "")
    _code, built_in, _err = _run(capsys, *argv, "--json")
    assert json.loads(with_file) == json.loads(built_in)


def test_a_policy_file_changes_the_answer(capsys, tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text(BUILT_IN_TEXT.replace('amount = "62.50"', 'amount = "70.00"'), "utf-8")
    code, out, _err = _run(
        capsys, *_args("2025-03-31", "2026-03-31", "2025-01-10"), "--policy", str(path)
    )
    assert code == 0
    assert "Alignment fee: $70.00" in out
