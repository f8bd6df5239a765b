"""The answer's sentences, said from the rules' facts: long-form dates and money (Babel),
day phrases, and no template left unfilled."""

import re
from dataclasses import asdict
from datetime import date, timedelta
from decimal import Decimal

import pytest

from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date, money
from certalign_gui.presentation.sentences import days_phrase
from certalign_gui.rules import Situation, assess

D = date.fromisoformat


@pytest.mark.parametrize(
    ("day", "text"),
    [
        # RULES.md's example.
        (D("2025-02-15"), "February 15, 2025"),
        # No leading zero on the day.
        (D("2025-03-01"), "March 1, 2025"),
        # First and last months.
        (D("2026-01-31"), "January 31, 2026"),
        (D("2024-12-31"), "December 31, 2024"),
        # Feb 29.
        (D("2028-02-29"), "February 29, 2028"),
    ],
)
def test_dates_are_written_in_long_form(day, text):
    assert long_date(day) == text


@pytest.mark.parametrize(
    ("amount", "currency", "text"),
    [
        # The alignment fee.
        (Decimal("62.50"), "USD", "$62.50"),
        # Zero.
        (Decimal("0.00"), "USD", "$0.00"),
        # Thousands get a separator.
        (Decimal("1234.50"), "USD", "$1,234.50"),
    ],
)
def test_money_is_written_with_a_dollar_sign_and_two_decimals(amount, currency, text):
    assert money(amount, currency) == text


def test_money_defaults_to_dollars():
    assert money(Decimal("62.50")) == "$62.50"


@pytest.mark.parametrize(
    ("days", "text"),
    [
        # Today, tomorrow, yesterday have their own words.
        (0, "today"),
        (1, "tomorrow"),
        (-1, "yesterday"),
        # Future and past counts.
        (2, "in 2 days"),
        (23, "in 23 days"),
        (-2, "2 days ago"),
        (-400, "400 days ago"),
    ],
)
def test_days_phrase(days, text):
    assert days_phrase(days) == text


def _situations():
    """A spread of situations reaching every category, phase and reason."""
    grid = []
    for ma in (D("2025-03-31"), D("2026-06-30"), D("2028-02-29"), D("2024-03-31")):
        for years in (-3, -2, -1, 0, 1, 2):
            nremt = ma.replace(year=ma.year + years, day=28 if ma.month == 2 else ma.day)
            for as_of in (
                ma - timedelta(days=400), ma - timedelta(days=60), ma, ma + timedelta(days=1),
                ma + timedelta(days=500),
            ):  # fmt: skip
                grid.append(Situation(ma_expiration=ma, nremt_expiration=nremt, as_of=as_of))
                if nremt <= as_of:
                    grid.append(
                        Situation(ma_expiration=ma, nremt_status="expired",
                                  nremt_expiration=nremt, as_of=as_of)
                    )  # fmt: skip
        grid.append(Situation(ma_expiration=ma, nremt_status="never", as_of=ma))
        grid.append(Situation(ma_expiration=ma, nremt_status="expired", as_of=ma))
    return grid


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def test_the_grid_reaches_every_category_phase_and_reason():
    seen = {(a.category, a.phase, a.reason) for a in map(assess, _situations())}
    assert seen >= {
        ("one_year_alignment", "open", None),
        ("one_year_alignment", "past_recommended", None),
        ("one_year_alignment", "late", None),
        ("alignment_not_yet_due", None, None),
        ("reverse_off_cycle", None, None),
        ("expired_nremt", None, None),
        ("already_aligned", None, None),
        ("outside_guidance", None, "no_nremt"),
        ("outside_guidance", None, "ma_late_window_closed"),
        ("outside_guidance", None, "cycle_before_published_process"),
        ("outside_guidance", None, "cycles_too_far_apart"),
    }


def test_no_template_placeholder_is_left_in_any_string():
    for situation in _situations():
        for text in _strings(asdict(present(assess(situation)))):
            assert "{" not in text, text
            assert "}" not in text, text


def test_sentences_never_show_iso_dates():
    iso = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
    for situation in _situations():
        answer = present(assess(situation))
        texts = [answer.headline, answer.explanation, answer.banner]
        texts += list(answer.cautions)
        texts += [t for s in answer.steps for t in (s.title, s.detail)]
        texts += [d.label for d in answer.key_dates]
        for text in texts:
            assert not iso.search(text), text


def test_open_alignment_step_reads_with_long_dates_and_the_fee():
    answer = present(assess(
        Situation(ma_expiration=D("2025-03-31"), nremt_expiration=D("2026-03-31"),
                  as_of=D("2025-01-10"))
    ))  # fmt: skip
    step = answer.steps[1]
    assert step.title == "Submit the alignment application and pay $62.50"
    assert "Finish by February 15, 2025" in step.detail
    assert "expires on March 31, 2025" in step.detail
    assert "no paper form" in step.detail


def test_reverse_off_cycle_says_recertify_to_n_plus_two_and_align_in_the_fall_of_n():
    assessment = present(assess(
        Situation(ma_expiration=D("2026-03-31"), nremt_expiration=D("2025-03-31"),
                  as_of=D("2025-01-10"))
    ))  # fmt: skip
    assert assessment.steps[0].title == "Recertify NREMT to 2027"
    assert "Fall of 2025" in assessment.steps[2].detail


def test_not_yet_due_says_instructions_come_over_the_fall_before():
    assessment = present(assess(
        Situation(ma_expiration=D("2026-03-31"), nremt_expiration=D("2027-03-31"),
                  as_of=D("2025-01-10"))
    ))  # fmt: skip
    assert "Fall of 2025" in assessment.steps[1].detail
    assert "September 1, 2025" in assessment.steps[1].detail


@pytest.mark.parametrize(
    ("ma", "nremt", "status", "as_of", "says"),
    [
        # Each outside_guidance reason explains itself in the contact_oems step.
        ("2025-03-31", None, "never", "2025-01-10", "never held NREMT"),
        ("2025-03-31", "2027-12-31", "active", "2026-06-01", "closed on March 31, 2026"),
        ("2024-03-31", "2025-03-31", "active", "2024-01-10", "starts with the 2025 cycle"),
        ("2025-03-31", "2028-03-31", "active", "2025-01-10", "3 years apart"),
    ],
)
def test_contact_oems_step_says_why(ma, nremt, status, as_of, says):
    assessment = present(assess(
        Situation(ma_expiration=D(ma), nremt_status=status,
                  nremt_expiration=D(nremt) if nremt else None, as_of=D(as_of))
    ))  # fmt: skip
    assert says in assessment.explanation
    assert says in assessment.steps[0].detail
    assert assessment.steps[0].detail.endswith("Ask OEMS what to do.")


def _said(ma, nremt, as_of, status="active"):
    return present(
        assess(
            Situation(
                ma_expiration=D(ma),
                nremt_status=status,
                nremt_expiration=D(nremt) if nremt else None,
                as_of=D(as_of),
            )
        )
    )


@pytest.mark.parametrize(
    ("case", "text"),
    [
        # The banner for each kind of urgency (RULES.md's examples).
        (("2025-03-31", "2026-03-31", "2025-01-10"), "Due in 36 days"),
        (("2025-03-31", "2026-03-31", "2025-03-01"), "Due in 30 days"),
        (("2025-03-31", "2026-03-31", "2025-04-01"), "Expired: you cannot staff an ambulance"),
        (("2026-03-31", "2027-03-31", "2025-01-10"),
         "Not due yet: the window opens September 1, 2025"),
        (("2026-03-31", None, "2025-06-01", "expired"), "Action needed: regain NREMT first"),
        (("2025-03-31", None, "2025-01-10", "never"), "Contact OEMS for your case"),
        (("2025-03-31", "2026-03-31", "2025-02-15"), "Due today"),
    ],
)  # fmt: skip
def test_the_banner_says_the_urgency(case, text):
    assert _said(*case).banner == text


def test_the_late_step_says_late_submission_is_allowed_until_the_late_deadline():
    step = _said("2025-03-31", "2026-03-31", "2025-04-01").steps[1]
    assert "late" in step.detail
    assert "March 31, 2026" in step.detail


def test_the_confirm_step_says_nremt_alone_does_not_renew_massachusetts():
    step = _said("2025-03-31", "2026-03-31", "2025-01-10").steps[2]
    assert "NREMT.org alone does not renew Massachusetts" in step.detail
    assert (step.link_label, step.where) == (
        "Check a Health License",
        "Where: Check a Health License.",
    )


def test_the_unusual_date_warning_names_the_date_and_march_31():
    assert _said("2025-06-30", "2026-06-30", "2025-01-10").cautions[0] == (
        "Your Massachusetts expiration date is June 30, 2025. Certifications normally expire "
        "on March 31: check your card."
    )


def test_each_key_date_has_its_label():
    answer = _said("2025-03-31", "2026-03-31", "2025-01-10")
    assert [row.label for row in answer.key_dates] == [
        "Recommended: finish the alignment",
        "Massachusetts certification expires",
        "Last day for a late alignment application",
        "NREMT certification expires",
    ]
