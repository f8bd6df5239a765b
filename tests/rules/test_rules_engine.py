"""assess() beyond the decision table: its per-policy cache and a wording edge case."""

from datetime import date

from certalign_gui.rules import Situation, assess, decide, load_policy

EXAMPLE = Situation(
    ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
)


def test_decide_gives_the_category_phase_and_reason_that_assess_reports():
    assessment = assess(EXAMPLE)
    assert decide(EXAMPLE, load_policy()) == (
        assessment.category,
        assessment.phase,
        assessment.reason,
    )


def test_many_policies_in_turn_each_give_their_own_answer():
    # More policies than the cache keeps: old entries are dropped, answers stay right.
    policies = [load_policy() for _ in range(6)]
    first = [assess(EXAMPLE, policy) for policy in policies]
    again = [assess(EXAMPLE, policy) for policy in reversed(policies)]
    assert all(a == first[0] for a in first + again)


def test_a_changed_policy_changes_the_answer_even_after_the_first_one_was_cached():
    policy = load_policy()
    before = assess(EXAMPLE, policy)
    dearer = policy.model_copy(
        update={"fee": policy.fee.model_copy(update={"amount": policy.fee.amount * 2})}
    )
    after = assess(EXAMPLE, dearer)
    assert before.fee_text == "$62.50"
    assert after.fee_text == "$125.00"
    assert "$125.00" in after.steps[1].title


def test_an_early_card_date_does_not_promise_the_card_arrives_before_it_expires():
    # MA expiring January 31 (unusual): RULES.md's phase is still "open" until February 15,
    # but the step must not say "finish by February 15 so your card arrives before January 31".
    situation = Situation(
        ma_expiration=date(2025, 1, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
    )
    assessment = assess(situation)
    assert (assessment.category, assessment.phase) == ("one_year_alignment", "open")
    step = assessment.steps[1]
    assert step.id == "submit_alignment_application"
    assert step.due == date(2025, 2, 15)
    assert "arrives before" not in step.detail
    assert "January 31, 2025, comes before the usual recommended date" in step.detail


def test_the_late_explanation_does_not_say_an_expired_card_expires():
    situation = Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 4, 1)
    )
    explanation = assess(situation).explanation
    assert "expires in 2025" not in explanation
    assert "Massachusetts date is in 2025" in explanation
