"""What an Assessment carries for each category: steps, deadlines, fee, projected, warnings."""

import json
from datetime import date
from decimal import Decimal

import pytest

from certalign_gui.rules import Situation, assess, load_policy
from certalign_gui.rules.models import Caution

D = date.fromisoformat
POLICY = load_policy()


def _assess(ma, nremt, as_of, status="active"):
    return assess(
        Situation(
            ma_expiration=D(ma),
            nremt_status=status,
            nremt_expiration=D(nremt) if nremt else None,
            as_of=D(as_of),
        )
    )


# One situation per category (and per phase / reason), as (ma, nremt, as_of, status).
CASES = {
    "open": ("2025-03-31", "2026-03-31", "2025-01-10", "active"),
    "past_recommended": ("2025-03-31", "2026-03-31", "2025-03-01", "active"),
    "late": ("2025-03-31", "2026-03-31", "2025-04-01", "active"),
    "not_yet_due": ("2026-03-31", "2027-03-31", "2025-01-10", "active"),
    "reverse": ("2026-03-31", "2025-03-31", "2025-01-10", "active"),
    "expired_no_date": ("2026-03-31", None, "2025-06-01", "expired"),
    "expired_with_date": ("2026-03-31", "2025-03-31", "2025-06-01", "expired"),
    "aligned": ("2025-03-31", "2025-03-31", "2025-01-10", "active"),
    "never": ("2025-03-31", None, "2025-01-10", "never"),
    "late_window_closed": ("2025-03-31", "2027-12-31", "2026-06-01", "active"),
    "before_earliest_cycle": ("2024-03-31", "2025-03-31", "2024-01-10", "active"),
    "too_far_apart": ("2025-03-31", "2028-03-31", "2025-01-10", "active"),
}


def _case(name):
    ma, nremt, as_of, status = CASES[name]
    return _assess(ma, nremt, as_of, status)


@pytest.mark.parametrize(
    ("case", "category", "step_ids"),
    [
        # RULES.md's step table, one row per category (every phase of the alignment).
        ("open", "one_year_alignment",
         ["update_contact_info", "submit_alignment_application", "confirm_new_ma_date",
          "renew_nremt"]),
        ("past_recommended", "one_year_alignment",
         ["update_contact_info", "submit_alignment_application", "confirm_new_ma_date",
          "renew_nremt"]),
        ("late", "one_year_alignment",
         ["update_contact_info", "submit_alignment_application", "confirm_new_ma_date",
          "renew_nremt"]),
        ("not_yet_due", "alignment_not_yet_due", ["update_contact_info", "wait_for_instructions"]),
        ("reverse", "reverse_off_cycle",
         ["recertify_nremt", "update_contact_info", "complete_alignment_after_nremt"]),
        ("expired_no_date", "expired_nremt", ["regain_nremt"]),
        ("expired_with_date", "expired_nremt", ["regain_nremt"]),
        ("aligned", "already_aligned",
         ["update_contact_info", "renew_nremt", "renew_ma", "confirm_new_ma_date"]),
        # outside_guidance, one row per reason.
        ("never", "outside_guidance", ["contact_oems"]),
        ("late_window_closed", "outside_guidance", ["contact_oems"]),
        ("before_earliest_cycle", "outside_guidance", ["contact_oems"]),
        ("too_far_apart", "outside_guidance", ["contact_oems"]),
    ],
)  # fmt: skip
def test_steps_are_listed_in_the_order_of_the_rules_table(case, category, step_ids):
    assessment = _case(case)
    assert assessment.category == category
    assert [step.id for step in assessment.steps] == step_ids


@pytest.mark.parametrize(
    ("case", "expected_due"),
    [
        # Phase open: submit by the recommended day (Feb 15 of M).
        ("open", "2025-02-15"),
        # Phase past_recommended: submit by the Massachusetts expiration.
        ("past_recommended", "2025-03-31"),
        # Phase late: submit by the late deadline (MA + 1 year).
        ("late", "2026-03-31"),
    ],
)
def test_alignment_application_due_date_follows_the_phase(case, expected_due):
    step = next(s for s in _case(case).steps if s.id == "submit_alignment_application")
    assert step.due == D(expected_due)


def test_late_phase_step_is_the_late_submission_until_the_late_deadline():
    assessment = _case("late")
    step = next(s for s in assessment.steps if s.id == "submit_alignment_application")
    assert step.variant == "submit_alignment_application_late"
    assert assessment.dates.late_deadline == D("2026-03-31")
    assert "late submission deadline" in step.citation.text


@pytest.mark.parametrize(
    ("case", "step_id", "expected_due"),
    [
        # renew_nremt is due on the NREMT expiration.
        ("open", "renew_nremt", "2026-03-31"),
        ("aligned", "renew_nremt", "2025-03-31"),
        # renew_ma is due on the Massachusetts expiration.
        ("aligned", "renew_ma", "2025-03-31"),
        # recertify_nremt is due on the NREMT expiration.
        ("reverse", "recertify_nremt", "2025-03-31"),
        # Undated steps.
        ("open", "update_contact_info", None),
        ("open", "confirm_new_ma_date", None),
        ("reverse", "complete_alignment_after_nremt", None),
        ("not_yet_due", "wait_for_instructions", None),
        ("expired_with_date", "regain_nremt", None),
        ("never", "contact_oems", None),
    ],
)
def test_each_step_is_due_on_the_date_the_rules_give(case, step_id, expected_due):
    assessment = _case(case)
    step = next(s for s in assessment.steps if s.id == step_id)
    assert step.due == (D(expected_due) if expected_due else None)
    if step.due is None:
        assert step.days_left is None
    else:
        assert step.days_left == (step.due - assessment.situation.as_of).days


@pytest.mark.parametrize(
    ("case", "step_id", "link"),
    [
        # RULES.md's step table, url column.
        ("open", "update_contact_info", "elicensing"),
        ("open", "submit_alignment_application", "elicensing"),
        ("late", "submit_alignment_application", "elicensing"),
        ("open", "confirm_new_ma_date", "verification"),
        ("open", "renew_nremt", "nremt"),
        ("aligned", "renew_ma", "elicensing"),
        ("reverse", "recertify_nremt", "nremt"),
        ("reverse", "complete_alignment_after_nremt", "elicensing"),
        ("not_yet_due", "wait_for_instructions", None),
        ("expired_no_date", "regain_nremt", "nremt"),
        ("never", "contact_oems", "oems"),
    ],
)
def test_each_step_links_to_the_policy_link_the_rules_give(case, step_id, link):
    step = next(s for s in _case(case).steps if s.id == step_id)
    assert step.link == link
    assert step.url == (POLICY.links[link].url if link else None)


def test_confirm_step_points_to_the_state_verification_site():
    step = next(s for s in _case("open").steps if s.id == "confirm_new_ma_date")
    assert step.url == "https://checkahealthlicense.mass.gov/"
    assert (step.link, step.variant) == ("verification", "confirm_new_ma_date")


@pytest.mark.parametrize(
    ("case", "expected"),
    [
        # one_year_alignment: recommended, MA, late submission, NREMT (late and NREMT tie).
        ("open", [("recommended", "2025-02-15"), ("ma_expiration", "2025-03-31"),
                  ("late_submission", "2026-03-31"), ("nremt_expiration", "2026-03-31")]),
        # A late NREMT date sorts after the late deadline.
        ("late_nremt", [("recommended", "2025-02-15"), ("ma_expiration", "2025-03-31"),
                        ("late_submission", "2026-03-31"), ("nremt_expiration", "2026-12-31")]),
        # alignment_not_yet_due: window opens Sep 1 of M-1.
        ("not_yet_due", [("alignment_window_opens", "2025-09-01"),
                         ("ma_expiration", "2026-03-31"), ("nremt_expiration", "2027-03-31")]),
        # reverse_off_cycle: NREMT first, then Massachusetts.
        ("reverse", [("nremt_expiration", "2025-03-31"), ("ma_expiration", "2026-03-31")]),
        # already_aligned: NREMT and Massachusetts (same day: in the table's order).
        ("aligned", [("nremt_expiration", "2025-03-31"), ("ma_expiration", "2025-03-31")]),
        # already_aligned with NREMT later in the year: sorted by date, not by the table.
        ("aligned_late_nremt",
         [("ma_expiration", "2025-03-31"), ("nremt_expiration", "2025-12-31")]),
        # outside_guidance with NREMT years before Massachusetts: sorted by date.
        ("nremt_years_before",
         [("nremt_expiration", "2025-03-31"), ("ma_expiration", "2027-03-31")]),
        # expired_nremt: only Massachusetts, even when the NREMT date was given.
        ("expired_no_date", [("ma_expiration", "2026-03-31")]),
        ("expired_with_date", [("ma_expiration", "2026-03-31")]),
        # outside_guidance: NREMT only when a date was given.
        ("never", [("ma_expiration", "2025-03-31")]),
        ("too_far_apart", [("ma_expiration", "2025-03-31"), ("nremt_expiration", "2028-03-31")]),
        ("late_window_closed",
         [("ma_expiration", "2025-03-31"), ("nremt_expiration", "2027-12-31")]),
    ],
)  # fmt: skip
def test_deadlines_per_category_sorted_by_date(case, expected):
    extra = {
        "late_nremt": ("2025-03-31", "2026-12-31", "2025-01-10"),
        "aligned_late_nremt": ("2025-03-31", "2025-12-31", "2025-01-10"),
        "nremt_years_before": ("2027-03-31", "2025-03-31", "2025-01-10"),
    }
    assessment = _assess(*extra[case]) if case in extra else _case(case)
    got = [(d.kind, d.date) for d in assessment.deadlines]
    assert got == [(kind, D(day)) for kind, day in expected]
    assert [d.date for d in assessment.deadlines] == sorted(d.date for d in assessment.deadlines)
    for deadline in assessment.deadlines:
        assert deadline.days_from_as_of == (deadline.date - assessment.situation.as_of).days


def test_late_deadline_of_february_29_is_february_28_next_year():
    assessment = _assess("2028-02-29", "2029-12-31", "2028-01-10")
    late = next(d for d in assessment.deadlines if d.kind == "late_submission")
    assert late.date == date(2029, 2, 28)


@pytest.mark.parametrize("case", sorted(CASES))
def test_fee_only_for_the_one_year_alignment(case):
    assessment = _case(case)
    if assessment.category == "one_year_alignment":
        assert assessment.fee is not None
        assert assessment.fee.amount == Decimal("62.50")
        assert isinstance(assessment.fee.amount, Decimal)
        assert assessment.fee.currency == "USD"
    else:
        assert assessment.fee is None


def test_fee_serializes_as_the_string_62_50():
    dumped = _case("open").model_dump(mode="json")
    assert dumped["fee"] == {"amount": "62.50", "currency": "USD"}
    assert json.loads(json.dumps(dumped))["fee"]["amount"] == "62.50"


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of", "category", "projected"),
    [
        # one_year_alignment: projected unless M is the published cycle (2025).
        ("2025-03-31", "2026-03-31", "2025-01-10", "one_year_alignment", False),
        ("2026-03-31", "2027-03-31", "2025-10-01", "one_year_alignment", True),
        ("2030-03-31", "2031-03-31", "2030-04-01", "one_year_alignment", True),
        # alignment_not_yet_due: M 2025 and 2026 are described by the guidance.
        ("2025-03-31", "2026-03-31", "2024-06-01", "alignment_not_yet_due", False),
        ("2026-03-31", "2027-03-31", "2025-01-10", "alignment_not_yet_due", False),
        ("2027-03-31", "2028-03-31", "2025-01-10", "alignment_not_yet_due", True),
        # reverse_off_cycle: only MA 2026 / NR 2025 is described.
        ("2026-03-31", "2025-03-31", "2025-01-10", "reverse_off_cycle", False),
        ("2025-03-31", "2024-03-31", "2024-01-10", "reverse_off_cycle", True),
        ("2027-03-31", "2026-03-31", "2026-01-10", "reverse_off_cycle", True),
        # Every other category: never projected.
        ("2030-03-31", "2030-03-31", "2029-01-10", "already_aligned", False),
        ("2030-03-31", "2035-03-31", "2029-01-10", "outside_guidance", False),
        ("2024-03-31", "2025-03-31", "2024-01-10", "outside_guidance", False),
        ("2030-03-31", "2029-03-31", "2029-06-01", "expired_nremt", False),
    ],
)
def test_projected_when_the_published_pattern_is_applied_to_another_cycle(
    ma, nremt, as_of, category, projected
):
    assessment = _assess(ma, nremt, as_of)
    assert assessment.category == category
    assert assessment.projected is projected
    projected_warnings = [w for w in assessment.warnings if w.code == "projected"]
    assert (
        projected_warnings == [Caution(code="projected", cycle=2025, year=D(ma).year)]
        if projected
        else not projected_warnings
    )


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of", "status", "expected"),
    [
        # The published cycle on Mar 31 dates: nothing to warn about.
        ("2025-03-31", "2026-03-31", "2025-01-10", "active", []),
        # MA expired (first), unusual MA and NREMT dates, then projected.
        ("2026-06-30", "2027-06-30", "2026-07-01", "active",
         ["ma_expired", "unusual_ma", "unusual_nremt", "projected"]),
        # MA expired first, then NREMT entered as active but passed, then unusual dates.
        ("2025-06-30", "2025-05-31", "2025-07-01", "active",
         ["ma_expired", "nremt_passed", "unusual_ma", "unusual_nremt"]),
        # NREMT passed alone.
        ("2026-03-31", "2025-03-31", "2025-04-01", "active", ["nremt_passed"]),
        # Expired status: not "entered as active".
        ("2026-03-31", "2025-03-31", "2025-06-01", "expired", []),
        # Only the NREMT date is unusual.
        ("2025-03-31", "2026-12-31", "2025-01-10", "active", ["unusual_nremt"]),
        # Projected alone.
        ("2027-03-31", "2028-03-31", "2026-10-01", "active", ["projected"]),
        # MA expired alone (the late worked example).
        ("2025-03-31", "2026-03-31", "2025-04-01", "active", ["ma_expired"]),
        # NREMT lapsed and the MA card expired long ago: row 2 still decides (regain NREMT),
        # and the closed MA late window is said right after "cannot staff".
        ("2023-03-31", None, "2025-06-01", "expired", ["ma_expired", "ma_window_closed"]),
        # ... also when the lapsed NREMT date was given, or entered as active but passed.
        ("2023-03-31", "2024-03-31", "2025-06-01", "active",
         ["ma_expired", "ma_window_closed", "nremt_passed"]),
        # On the late deadline itself the window is still open: no such warning.
        ("2024-03-31", None, "2025-03-31", "expired", ["ma_expired"]),
        # The day after, it has closed.
        ("2024-03-31", None, "2025-04-01", "expired", ["ma_expired", "ma_window_closed"]),
    ],
)  # fmt: skip
def test_warnings_most_serious_first(ma, nremt, as_of, status, expected):
    assessment = _assess(ma, nremt, as_of, status)
    late = assessment.dates.late_deadline
    nremt_day = D(nremt) if nremt else None
    markers = {
        "ma_expired": Caution(code="ma_expired", day=D(ma)),
        "ma_window_closed": Caution(code="ma_late_window_closed", day=late),
        "nremt_passed": Caution(code="nremt_passed", day=nremt_day),
        "unusual_ma": Caution(code="unusual_date", certification="ma", day=D(ma)),
        "unusual_nremt": Caution(code="unusual_date", certification="nremt", day=nremt_day),
        "projected": Caution(code="projected", cycle=2025, year=D(ma).year),
    }
    if "ma_window_closed" in expected:
        assert assessment.category == "expired_nremt"  # RULES.md row 2, unchanged
    assert list(assessment.warnings) == [markers[kind] for kind in expected]


def test_unusual_date_warning_names_the_date_and_the_card():
    warnings = _assess("2025-06-30", "2026-06-30", "2025-01-10").warnings
    assert warnings[0] == Caution(code="unusual_date", certification="ma", day=D("2025-06-30"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_phase_only_for_alignment_and_reason_only_for_outside_guidance(case):
    assessment = _case(case)
    assert (assessment.phase is not None) == (assessment.category == "one_year_alignment")
    assert (assessment.reason is not None) == (assessment.category == "outside_guidance")


@pytest.mark.parametrize(
    ("case", "level", "kind", "days", "day"),
    [
        # 36 days to the recommended day: "soon" (within 90 days).
        ("open", "soon", "due", 36, None),
        # 30 days to Massachusetts expiration: "urgent".
        ("past_recommended", "urgent", "due", 30, None),
        # Massachusetts expired: the banner says so first.
        ("late", "expired", "expired", None, None),
        ("not_yet_due", "info", "not_yet_due", None, "2025-09-01"),
        ("expired_no_date", "urgent", "regain_nremt", None, None),
        ("never", "info", "contact_oems", None, None),
        # 80 days to the NREMT expiration: soon.
        ("aligned", "soon", "due", 80, None),
        ("reverse", "soon", "due", 80, None),
    ],
)
def test_urgency_banner_for_each_case(case, level, kind, days, day):
    urgency = _case(case).urgency
    assert (urgency.level, urgency.kind, urgency.days, urgency.day) == (
        level,
        kind,
        days,
        D(day) if day else None,
    )


@pytest.mark.parametrize(
    ("as_of", "level"),
    [
        # 137 days before the recommended day: on track.
        ("2024-10-01", "on_track"),
        # 91 days before: still on track; 90 days: soon.
        ("2024-11-16", "on_track"),
        ("2024-11-17", "soon"),
        # 31 days before: soon; 30 days: urgent.
        ("2025-01-15", "soon"),
        ("2025-01-16", "urgent"),
        # The day itself: urgent, "Due today".
        ("2025-02-15", "urgent"),
    ],
)
def test_urgency_level_by_days_to_the_next_dated_step(as_of, level):
    assert _assess("2025-03-31", "2026-03-31", as_of).urgency.level == level


def test_urgency_is_due_in_zero_days_on_the_recommended_day():
    urgency = _assess("2025-03-31", "2026-03-31", "2025-02-15").urgency
    assert (urgency.kind, urgency.days) == ("due", 0)


def test_json_has_every_key_the_issue_lists():
    dumped = _case("open").model_dump(mode="json")
    for key in (
        "category", "phase", "reason", "can_staff_ambulance", "fee", "projected", "steps",
        "deadlines", "warnings", "policy", "situation",
    ):  # fmt: skip
        assert key in dumped
    for step in dumped["steps"]:
        assert {"id", "variant", "due", "link", "url"} <= step.keys()
    for deadline in dumped["deadlines"]:
        assert {"kind", "date", "days_from_as_of"} <= deadline.keys()
    assert {"title", "publisher", "cycle", "urls"} <= dumped["policy"].keys()
    assert dumped["policy"]["cycle"] == 2025
    assert dumped["policy"]["urls"] == {name: link.url for name, link in POLICY.links.items()}
    assert dumped["situation"] == {
        "ma_expiration": "2025-03-31",
        "nremt_status": "active",
        "nremt_expiration": "2026-03-31",
        "as_of": "2025-01-10",
    }
    assert dumped["steps"][1]["due"] == "2025-02-15"
    assert dumped["deadlines"][0] == {
        "kind": "recommended",
        "date": "2025-02-15",
        "days_from_as_of": 36,
    }


def test_policy_info_names_the_guidance_and_its_cycle():
    policy = _case("open").policy
    assert policy.title == "One-Year Alignment with NREMT"
    assert "OEMS" in policy.publisher
    assert policy.cycle == 2025
    assert set(policy.links) == {"elicensing", "nremt", "oems", "verification"}


def test_an_explicit_policy_gives_the_same_answer_as_the_built_in_one():
    situation = Situation(
        ma_expiration=D("2025-03-31"), nremt_expiration=D("2026-03-31"), as_of=D("2025-01-10")
    )
    assert assess(situation, POLICY) == assess(situation)
