"""Dated facts live in the policy file, with their source, never in the code's sentences."""

from __future__ import annotations

import ast
import re
from datetime import date
from pathlib import Path

import pytest

import certalign_gui.presentation
import certalign_gui.rules
from certalign_gui.basics.resource_lookup import resource_path
from certalign_gui.presentation.answer import present
from certalign_gui.rules import PolicyError, Situation, assess, load_policy

RULES = Path(certalign_gui.rules.__file__).parent
#: Where the rules' sentences are said now (from the rules' facts).
PRESENTATION = Path(certalign_gui.presentation.__file__).parent
MONTH_AND_DAY = re.compile(
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d"
)


def _regain(nremt: date | None, as_of: date, policy=None) -> str:
    situation = Situation(
        ma_expiration=date(2027, 3, 31),
        nremt_status="expired",
        nremt_expiration=nremt,
        as_of=as_of,
    )
    (step,) = present(assess(situation, policy)).steps
    assert step.id == "regain_nremt"
    return step.detail


@pytest.mark.parametrize(
    ("as_of", "open_"),
    [
        (date(2026, 3, 31), True),  # the day it expires
        (date(2026, 4, 30), True),  # the last day of NREMT's reinstatement period
        (date(2026, 5, 1), False),  # the day after: re-entry only
    ],
)
def test_the_reinstatement_period_is_dated_from_the_nremt_date(as_of, open_):
    detail = _regain(date(2026, 3, 31), as_of)
    if open_:
        assert "expired on March 31, 2026" in detail
        assert "reinstatement applications until April 30, 2026" in detail
    else:
        assert "period after March 31, 2026 ended on April 30, 2026" in detail
        assert "re-entry pathway" in detail


def test_an_older_expiry_is_never_told_this_years_reinstatement():
    detail = _regain(date(2025, 3, 31), date(2026, 4, 10))
    assert "ended on April 30, 2025" in detail
    assert "2026" not in detail


@pytest.mark.parametrize("nremt", [None, date(2026, 2, 28)])
def test_without_a_usual_nremt_date_the_period_is_said_without_a_year(nremt):
    detail = _regain(nremt, date(2026, 6, 1))
    assert "expires on March 31, NREMT takes late reinstatement applications until April 30" in (
        detail
    )
    assert "this March 31" not in detail


def test_the_reinstatement_day_comes_from_the_policy(policy_text, tmp_path):
    changed = policy_text.replace(
        "until = { month = 4, day = 30 }", "until = { month = 5, day = 15 }"
    )
    path = tmp_path / "policy.toml"
    path.write_text(changed, encoding="utf-8")
    policy = load_policy(path)
    assert "until May 15, 2026" in _regain(date(2026, 3, 31), date(2026, 5, 10), policy)
    assert "until May 15," in _regain(None, date(2026, 5, 10), policy)


def test_a_policy_without_the_reinstatement_period_is_refused_naming_the_field(
    policy_text, tmp_path
):
    start = policy_text.index("[nremt_reinstatement]")
    end = policy_text.index("[", start + 1)
    path = tmp_path / "policy.toml"
    path.write_text(policy_text[:start] + policy_text[end:], encoding="utf-8")
    with pytest.raises(PolicyError, match="nremt_reinstatement"):
        load_policy(path)


def test_the_guidance_quotes_say_which_cycle_they_were_written_for():
    policy = load_policy()
    for key, cited in policy.citations.items():
        if cited.source.startswith("OEMS guidance"):
            assert cited.cycle == policy.published_cycle, key
        else:
            assert cited.cycle is None, key


def _strings(path: Path) -> list[str]:
    """The string constants of a module that the program can say (not its docstrings)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


@pytest.mark.parametrize(
    "path", sorted([*RULES.glob("*.py"), *PRESENTATION.glob("*.py")]), ids=lambda p: p.name
)
def test_no_sentence_of_the_rules_names_a_day_of_the_year(path):
    # Days such as "March 31" or "April 30" are policy facts: code says them from the policy.
    assert [text for text in _strings(path) if MONTH_AND_DAY.search(text)] == []


def test_the_scan_would_see_a_dated_sentence(tmp_path):
    module = tmp_path / "module.py"
    module.write_text('"""Docstring: March 31 is fine here."""\nX = "by April 30 this year"\n')
    assert [t for t in _strings(module) if MONTH_AND_DAY.search(t)] == ["by April 30 this year"]


@pytest.fixture
def policy_text() -> str:
    return resource_path("policy", "oems-alignment.toml").read_text(encoding="utf-8")
