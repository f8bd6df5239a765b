"""`present()`: every sentence around the answer is written once, from the assessment alone."""

from __future__ import annotations

from datetime import date

import pytest

from certalign_gui.presentation import words
from certalign_gui.presentation.answer import not_usual_note, present, source_line
from certalign_gui.rules import Situation, assess, load_policy
from certalign_gui.rules.policy import MonthDay

OPEN_2025 = Situation(
    ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
)
OPEN_2027 = Situation(
    ma_expiration=date(2027, 3, 31), nremt_expiration=date(2028, 3, 31), as_of=date(2027, 1, 10)
)
EXPIRED_NREMT = Situation(
    ma_expiration=date(2026, 3, 31), nremt_status="expired", as_of=date(2025, 6, 1)
)


def test_the_published_cycle_reads_plainly():
    answer = present(assess(OPEN_2025))
    assert answer.headline == "You need the one-year alignment"
    assert answer.banner == "Due in 36 days"
    assert answer.fee_line == "Alignment fee: $62.50, paid in eLicensing."
    assert answer.advice_line == "Advice as of January 10, 2025."
    submit = answer.steps[1]
    assert submit.numbered_title == "2. Submit the alignment application and pay $62.50"
    assert (submit.due, submit.due_in) == ("Due by February 15, 2025", "in 36 days")
    assert submit.where == "Where: eLicensing."
    assert submit.why_label == "From the OEMS guidance, How:"
    assert submit.why_quote.startswith("\N{LEFT DOUBLE QUOTATION MARK}New this year")
    assert answer.projected_caution is None
    assert [row.day_text for row in answer.key_dates] == [
        "February 15, 2025",
        "March 31, 2025",
        "March 31, 2026",
        "March 31, 2026",
    ]


def test_a_quote_from_the_2025_guidance_says_so_when_the_advice_is_for_another_cycle():
    answer = present(assess(OPEN_2027))
    for step in answer.steps:
        if step.id == "confirm_new_ma_date":  # a mass.gov page, not the 2025 guidance
            assert step.why_label == (
                'From the mass.gov "Renew your EMT, Advanced EMT, or Paramedic certification":'
            )
        else:
            assert "written for the 2025 cycle" in step.why_label
            assert "your Massachusetts date is in 2027" in step.why_label


def test_the_projected_caution_is_the_rules_own_warning_said_once():
    assessment = assess(OPEN_2027)
    answer = present(assessment)
    assert answer.projected_caution is not None
    assert answer.cautions.count(answer.projected_caution) == 1
    assert len(answer.cautions) == len(assessment.warnings)
    assert [w.code for w in assessment.warnings] == ["projected"]


def test_without_a_fee_the_line_says_so():
    answer = present(assess(EXPIRED_NREMT))
    assert answer.fee_line == words.NO_FEE
    assert answer.steps[0].due is None
    assert answer.steps[0].due_in is None


def test_the_source_line_names_the_guidance_and_its_check():
    assert source_line("One-Year Alignment with NREMT", date(2026, 11, 1)) == (
        "Source: Massachusetts OEMS \N{EM DASH} One-Year Alignment with NREMT, checked "
        "November 1, 2026. This is guidance, not a certification decision: confirm at mass.gov."
    )
    assert present(assess(OPEN_2025)).source_line == source_line(
        "One-Year Alignment with NREMT", date(2026, 11, 1)
    )


@pytest.mark.parametrize(("month", "day", "usual"), [(3, 31, "March 31"), (6, 30, "June 30")])
def test_the_date_field_note_and_the_warning_share_their_sentence(month, day, usual):
    # A policy whose certifications usually expire on ``usual``: the warning must say that
    # day, not the shipped policy's March 31.
    shipped = load_policy()
    policy = shipped.model_copy(update={"usual_expiration": MonthDay(month=month, day=day)})
    note = not_usual_note(usual)
    assert (
        note == f"This is not {usual}. Certifications normally expire on {usual}: check your card."
    )
    cautions = present(
        assess(
            Situation(
                ma_expiration=date(2025, 3, 30),  # the usual day of neither policy
                nremt_expiration=date(2026, 3, 30),
                as_of=date(2025, 1, 10),
            ),
            policy,
        )
    ).cautions
    unusual = [w for w in cautions if "normally expire" in w]
    assert len(unusual) == 2  # the Massachusetts and the NREMT date
    for warning in unusual:
        assert warning.endswith(note.removeprefix(f"This is not {usual}. "))
