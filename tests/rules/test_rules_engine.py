"""assess() beyond the decision table: its per-policy cache and a wording edge case."""

from datetime import date
from decimal import Decimal

import pytest

from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.rules import Situation, assess, decide, load_policy

D = date.fromisoformat

EXAMPLE = Situation(
    ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
)


def _row(row, why, ma, status, nremt, as_of, category, phase=None, reason=None):
    return pytest.param(ma, status, nremt, as_of, (category, phase, reason), id=f"{row}: {why}")


# RULES.md's decision table, typed in by hand (never computed by the engine): every row,
# the day on each side of each boundary, and overlaps where the first matching row wins.
# (ma, nremt status, nremt, as of) -> (category, phase, reason).
DECISIONS = [
    _row("1", "never held NREMT", "2025-03-31", "never", None, "2025-01-10",
         "outside_guidance", reason="no_nremt"),
    _row("1", "wins over row 3", "2020-03-31", "never", None, "2025-01-10",
         "outside_guidance", reason="no_nremt"),
    _row("2", "expired, no date", "2026-03-31", "expired", None, "2025-06-01", "expired_nremt"),
    _row("2", "expired, wins over 5c", "2025-03-31", "expired", "2024-03-31", "2025-01-10",
         "expired_nremt"),
    _row("2", "active, the day after its date", "2026-03-31", "active", "2025-03-31",
         "2025-04-01", "expired_nremt"),
    _row("6", "active on its own last day is still valid", "2026-03-31", "active", "2025-03-31",
         "2025-03-31", "reverse_off_cycle"),
    _row("2", "wins over row 3", "2025-03-31", "active", "2026-03-31", "2026-04-01",
         "expired_nremt"),
    _row("3", "the day after the late deadline", "2025-03-31", "active", "2026-12-31",
         "2026-04-01", "outside_guidance", reason="ma_late_window_closed"),
    _row("5e", "the late deadline itself", "2025-03-31", "active", "2026-12-31", "2026-03-31",
         "one_year_alignment", "late"),
    _row("3", "Feb 29 + 1 year is Feb 28: Mar 1 is past it", "2028-02-29", "active",
         "2029-12-31", "2029-03-01", "outside_guidance", reason="ma_late_window_closed"),
    _row("5e", "Feb 29 + 1 year is Feb 28: still late", "2028-02-29", "active", "2029-12-31",
         "2029-02-28", "one_year_alignment", "late"),
    _row("3", "wins over row 7", "2025-03-31", "active", "2027-03-31", "2026-04-01",
         "outside_guidance", reason="ma_late_window_closed"),
    _row("4", "same year", "2025-03-31", "active", "2025-12-31", "2025-01-10", "already_aligned"),
    _row("4", "MA expired, inside the late window", "2025-03-31", "active", "2025-12-31",
         "2025-06-01", "already_aligned"),
    _row("5a", "a cycle before the published process", "2024-03-31", "active", "2025-03-31",
         "2024-01-10", "outside_guidance", reason="cycle_before_published_process"),
    _row("5a", "wins over 5b", "2024-03-31", "active", "2025-03-31", "2023-01-10",
         "outside_guidance", reason="cycle_before_published_process"),
    _row("5b", "months before the window", "2026-03-31", "active", "2027-03-31", "2025-01-10",
         "alignment_not_yet_due"),
    _row("5b", "the day before the window opens", "2026-03-31", "active", "2027-03-31",
         "2025-08-31", "alignment_not_yet_due"),
    _row("5c", "the day the window opens", "2026-03-31", "active", "2027-03-31", "2025-09-01",
         "one_year_alignment", "open"),
    _row("5c", "January", "2025-03-31", "active", "2026-03-31", "2025-01-10",
         "one_year_alignment", "open"),
    _row("5c", "February 15 itself", "2025-03-31", "active", "2026-03-31", "2025-02-15",
         "one_year_alignment", "open"),
    _row("5d", "February 16", "2025-03-31", "active", "2026-03-31", "2025-02-16",
         "one_year_alignment", "past_recommended"),
    _row("5d", "the MA expiration day", "2025-03-31", "active", "2026-03-31", "2025-03-31",
         "one_year_alignment", "past_recommended"),
    _row("5e", "the day after MA expired", "2025-03-31", "active", "2026-03-31", "2025-04-01",
         "one_year_alignment", "late"),
    _row("5e", "the last day NREMT and the late window are both open", "2025-03-31", "active",
         "2026-03-31", "2026-03-31", "one_year_alignment", "late"),
    # Revised 2026-12: recommended = the earlier of Feb 15 and the MA date.
    _row("5c", "a Jan 31 card on its own last day", "2025-01-31", "active", "2026-03-31",
         "2025-01-31", "one_year_alignment", "open"),
    _row("5e", "a Jan 31 card the day after: late, never past_recommended", "2025-01-31",
         "active", "2026-03-31", "2025-02-01", "one_year_alignment", "late"),
    _row("5c", "a Feb 15 card on Feb 15", "2025-02-15", "active", "2026-03-31", "2025-02-15",
         "one_year_alignment", "open"),
    _row("5e", "a Feb 15 card on Feb 16", "2025-02-15", "active", "2026-03-31", "2025-02-16",
         "one_year_alignment", "late"),
    _row("5d", "a Feb 20 card on Feb 16", "2025-02-20", "active", "2026-03-31", "2025-02-16",
         "one_year_alignment", "past_recommended"),
    _row("6", "NREMT a year before MA", "2026-03-31", "active", "2025-03-31", "2025-01-10",
         "reverse_off_cycle"),
    _row("6", "different days", "2026-03-31", "active", "2025-12-31", "2025-06-01",
         "reverse_off_cycle"),
    _row("7", "NREMT two years after", "2025-03-31", "active", "2027-03-31", "2025-01-10",
         "outside_guidance", reason="cycles_too_far_apart"),
    _row("7", "NREMT two years before", "2027-03-31", "active", "2025-03-31", "2025-01-10",
         "outside_guidance", reason="cycles_too_far_apart"),
]  # fmt: skip


@pytest.mark.parametrize(("ma", "status", "nremt", "as_of", "expected"), DECISIONS)
def test_decide_follows_the_decision_table_of_rules_md(ma, status, nremt, as_of, expected):
    situation = Situation(
        ma_expiration=D(ma),
        nremt_status=status,
        nremt_expiration=D(nremt) if nremt else None,
        as_of=D(as_of),
    )
    assert decide(situation, load_policy()) == expected


def test_the_table_above_covers_every_row_of_rules_md():
    rows = {case.id.split(":")[0] for case in DECISIONS}
    assert rows == {"1", "2", "3", "4", "5a", "5b", "5c", "5d", "5e", "6", "7"}


def _policy_number(number):
    """The built-in policy with its own fee ($61.00, $62.00, ...) and title."""
    policy = load_policy()
    fee = policy.fee.model_copy(update={"amount": Decimal("60.00") + number})
    return policy.model_copy(update={"fee": fee, "title": f"Test policy {number}"})


def test_many_policies_in_turn_each_give_their_own_answer():
    # assess() keeps what it prepared for the last few policies (by identity). Ten policies
    # that differ, asked in turn, back again and interleaved with the built-in one, go past
    # what it keeps: each answer must still carry its own policy's fee and title.
    policies = [_policy_number(number) for number in range(1, 11)]
    for policy in [*policies, *reversed(policies), policies[0], policies[-1], policies[0]]:
        answer = assess(EXAMPLE, policy)
        fee_text = f"${policy.fee.amount:.2f}"
        assert answer.fee.amount == policy.fee.amount
        assert fee_text in present(answer).steps[1].title
        assert answer.policy.title == policy.title
        built_in = assess(EXAMPLE)
        assert (built_in.fee.amount, built_in.policy.title) == (
            Decimal("62.50"),
            load_policy().title,
        )


def test_a_changed_policy_changes_the_answer_even_after_the_first_one_was_cached():
    policy = load_policy()
    before = assess(EXAMPLE, policy)
    dearer = policy.model_copy(
        update={"fee": policy.fee.model_copy(update={"amount": policy.fee.amount * 2})}
    )
    after = assess(EXAMPLE, dearer)
    assert before.fee.amount == Decimal("62.50")
    assert after.fee.amount == Decimal("125.00")
    assert "$125.00" in present(after).steps[1].title


@pytest.mark.parametrize("ma", [date(2025, 1, 31), date(2025, 2, 15)])
def test_a_card_expiring_by_february_15_is_finished_by_its_own_date(ma):
    # RULES.md, revised 2026-12: the recommended date is the card's own date, and the
    # wording says so plainly ("Finish by January 31, 2025, the day your card expires").
    situation = Situation(
        ma_expiration=ma, nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
    )
    assessment = assess(situation)
    assert (assessment.category, assessment.phase) == ("one_year_alignment", "open")
    step = assessment.steps[1]
    assert step.id == "submit_alignment_application"
    assert step.due == ma
    assert step.variant == "submit_alignment_application_by_expiry"
    detail = present(assessment).steps[1].detail
    assert "arrives before" not in detail
    assert f"Finish by {long_date(ma)}, the day your card expires" in detail


def test_the_late_explanation_does_not_say_an_expired_card_expires():
    situation = Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 4, 1)
    )
    explanation = present(assess(situation)).explanation
    assert "expires in 2025" not in explanation
    assert "Massachusetts date is in 2025" in explanation
