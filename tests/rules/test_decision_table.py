"""RULES.md's decision table, row by row, and the overlaps where the first matching row wins."""

from datetime import date

import pytest

from certalign_gui.rules import Situation, assess

D = date.fromisoformat


def _decide(ma, nremt, as_of, status="active"):
    assessment = assess(
        Situation(
            ma_expiration=D(ma),
            nremt_status=status,
            nremt_expiration=D(nremt) if nremt else None,
            as_of=D(as_of),
        )
    )
    return assessment.category, assessment.phase, assessment.reason


# Row 1: never held NREMT.


@pytest.mark.parametrize(
    ("ma", "as_of"),
    [
        # The published cycle, in January.
        ("2025-03-31", "2025-01-10"),
        # Massachusetts far in the future.
        ("2031-03-31", "2025-01-10"),
        # Row 1 wins over row 3: the late window closed long ago.
        ("2020-03-31", "2025-01-10"),
        # An unusual Massachusetts date.
        ("2025-07-04", "2025-07-04"),
    ],
)
def test_never_holding_nremt_is_outside_the_guidance(ma, as_of):
    assert _decide(ma, None, as_of, status="never") == ("outside_guidance", None, "no_nremt")


# Row 2: NREMT expired (by status, or because its date has passed).


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The worked example: expired, no date given.
        ("2026-03-31", None, "2025-06-01"),
        # Expired, with the date it expired.
        ("2026-03-31", "2025-03-31", "2025-06-01"),
        # Expired on the as-of day itself (allowed input).
        ("2026-03-31", "2025-06-01", "2025-06-01"),
        # Row 2 wins over row 5c: MA 2025 / NR 2026 dates, but the user says it expired.
        ("2025-03-31", "2024-03-31", "2025-01-10"),
        # Row 2 wins over row 3: Massachusetts' late window closed too.
        ("2020-03-31", None, "2025-01-10"),
    ],
)
def test_expired_nremt_status_means_regain_nremt_first(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of, status="expired") == ("expired_nremt", None, None)


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # Reverse off cycle, the day after NREMT expired.
        ("2026-03-31", "2025-03-31", "2025-04-01"),
        # N == M, after the late deadline: row 2 (NREMT passed) wins over rows 3 and 4.
        ("2025-03-31", "2025-03-31", "2026-04-01"),
        # N == M+1 after the late deadline, NREMT passed the same day: row 2 before row 3.
        ("2025-03-31", "2026-03-31", "2026-04-01"),
        # Active entered, but the date is years ago.
        ("2030-03-31", "2020-03-31", "2025-01-10"),
    ],
)
def test_active_nremt_whose_date_has_passed_counts_as_expired(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("expired_nremt", None, None)


# Row 3: the Massachusetts late window (one year after expiration) has closed.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # N == M+1 with a late NREMT date: row 3 wins over row 5e.
        ("2025-03-31", "2026-12-31", "2026-04-01"),
        # Two years apart: row 3 wins over row 7.
        ("2025-03-31", "2027-03-31", "2026-04-01"),
        # Long after.
        ("2025-03-31", "2030-03-31", "2029-01-01"),
    ],
)
def test_outside_guidance_once_the_late_window_has_closed(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("outside_guidance", None, "ma_late_window_closed")


# Row 4: N == M.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # Both Mar 31, 2025.
        ("2025-03-31", "2025-03-31", "2025-01-10"),
        # Same year, different days.
        ("2025-03-31", "2025-12-31", "2025-01-10"),
        # MA expired but NREMT still valid and within the late window.
        ("2025-03-31", "2025-12-31", "2025-06-01"),
        # A cycle before the published process: row 4 does not check the cycle.
        ("2020-03-31", "2020-03-31", "2020-01-10"),
    ],
)
def test_same_expiration_year_is_already_aligned(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("already_aligned", None, None)


# Row 5a: N == M+1 before the first cycle with the eLicensing alignment application.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # MA 2024 / NR 2025, inside what would be the window.
        ("2024-03-31", "2025-03-31", "2024-01-10"),
        # MA 2024 / NR 2025, before what would be the window: row 5a wins over 5b.
        ("2024-03-31", "2025-03-31", "2023-01-10"),
        # MA 2010 / NR 2011.
        ("2010-03-31", "2011-03-31", "2010-01-10"),
    ],
)
def test_one_year_apart_before_the_earliest_cycle_is_outside_guidance(ma, nremt, as_of):
    expected = ("outside_guidance", None, "cycle_before_published_process")
    assert _decide(ma, nremt, as_of) == expected


# Rows 5b to 5e: N == M+1 from the earliest cycle on, by where the as-of day falls.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The worked example: MA 2026 / NR 2027 in January 2025.
        ("2026-03-31", "2027-03-31", "2025-01-10"),
        # The day before the window opens (Sep 1 of M-1).
        ("2026-03-31", "2027-03-31", "2025-08-31"),
        # MA 2025: before Sep 1, 2024.
        ("2025-03-31", "2026-03-31", "2024-06-01"),
    ],
)
def test_alignment_is_not_yet_due_before_the_window_opens(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("alignment_not_yet_due", None, None)


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The worked example.
        ("2025-03-31", "2026-03-31", "2025-01-10"),
        # The day the window opens.
        ("2025-03-31", "2026-03-31", "2024-09-01"),
        # The recommended day itself.
        ("2025-03-31", "2026-03-31", "2025-02-15"),
        # A later cycle (projected).
        ("2030-03-31", "2031-03-31", "2029-12-01"),
    ],
)
def test_alignment_is_open_from_the_window_until_the_recommended_day(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("one_year_alignment", "open", None)


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The day after the recommended day.
        ("2025-03-31", "2026-03-31", "2025-02-16"),
        # The Massachusetts expiration day itself.
        ("2025-03-31", "2026-03-31", "2025-03-31"),
    ],
)
def test_alignment_past_the_recommended_day_until_ma_expires(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("one_year_alignment", "past_recommended", None)


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The worked example: the day after MA expired.
        ("2025-03-31", "2026-03-31", "2025-04-01"),
        # The late deadline itself (which is also the NREMT expiration day).
        ("2025-03-31", "2026-03-31", "2026-03-31"),
        # A late NREMT date; the late deadline itself.
        ("2025-03-31", "2026-12-31", "2026-03-31"),
    ],
)
def test_late_submission_allowed_until_one_year_after_expiration(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("one_year_alignment", "late", None)


# Row 6: N == M-1.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # The worked example: NR 2025 / MA 2026.
        ("2026-03-31", "2025-03-31", "2025-01-10"),
        # On the NREMT expiration day.
        ("2026-03-31", "2025-03-31", "2025-03-31"),
        # A cycle before the published one: row 6 does not check the cycle.
        ("2020-03-31", "2019-03-31", "2019-01-10"),
    ],
)
def test_nremt_one_year_before_massachusetts_is_reverse_off_cycle(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("reverse_off_cycle", None, None)


# Row 7: anything else.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of"),
    [
        # NREMT two years after Massachusetts.
        ("2025-03-31", "2027-03-31", "2025-01-10"),
        # NREMT two years before Massachusetts.
        ("2027-03-31", "2025-03-31", "2025-01-10"),
        # Far apart.
        ("2025-03-31", "2035-03-31", "2025-01-10"),
    ],
)
def test_cycles_two_or_more_years_apart_are_outside_guidance(ma, nremt, as_of):
    assert _decide(ma, nremt, as_of) == ("outside_guidance", None, "cycles_too_far_apart")


# Boundary days: the day before, of and after every date that switches the answer.


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of", "expected"),
    [
        # window_open = Sep 1 of M-1.
        ("2025-03-31", "2026-03-31", "2024-08-31", ("alignment_not_yet_due", None)),
        ("2025-03-31", "2026-03-31", "2024-09-01", ("one_year_alignment", "open")),
        ("2025-03-31", "2026-03-31", "2024-09-02", ("one_year_alignment", "open")),
        # recommended = Feb 15 of M.
        ("2025-03-31", "2026-03-31", "2025-02-14", ("one_year_alignment", "open")),
        ("2025-03-31", "2026-03-31", "2025-02-15", ("one_year_alignment", "open")),
        ("2025-03-31", "2026-03-31", "2025-02-16", ("one_year_alignment", "past_recommended")),
        # ma_expiration.
        ("2025-03-31", "2026-03-31", "2025-03-30", ("one_year_alignment", "past_recommended")),
        ("2025-03-31", "2026-03-31", "2025-03-31", ("one_year_alignment", "past_recommended")),
        ("2025-03-31", "2026-03-31", "2025-04-01", ("one_year_alignment", "late")),
        # late_deadline = ma_expiration + 1 year, with NREMT valid beyond it.
        ("2025-03-31", "2026-12-31", "2026-03-30", ("one_year_alignment", "late")),
        ("2025-03-31", "2026-12-31", "2026-03-31", ("one_year_alignment", "late")),
        ("2025-03-31", "2026-12-31", "2026-04-01", ("outside_guidance", None)),
        # nremt_expiration switches to row 2 (here on the late deadline too).
        ("2025-03-31", "2026-03-31", "2026-03-30", ("one_year_alignment", "late")),
        ("2025-03-31", "2026-03-31", "2026-03-31", ("one_year_alignment", "late")),
        ("2025-03-31", "2026-03-31", "2026-04-01", ("expired_nremt", None)),
        # nremt_expiration for reverse off cycle.
        ("2026-03-31", "2025-03-31", "2025-03-30", ("reverse_off_cycle", None)),
        ("2026-03-31", "2025-03-31", "2025-03-31", ("reverse_off_cycle", None)),
        ("2026-03-31", "2025-03-31", "2025-04-01", ("expired_nremt", None)),
        # nremt_expiration for already aligned.
        ("2025-03-31", "2025-12-31", "2025-12-30", ("already_aligned", None)),
        ("2025-03-31", "2025-12-31", "2025-12-31", ("already_aligned", None)),
        ("2025-03-31", "2025-12-31", "2026-01-01", ("expired_nremt", None)),
    ],
)
def test_answer_switches_exactly_on_each_boundary_day(ma, nremt, as_of, expected):
    category, phase, _reason = _decide(ma, nremt, as_of)
    assert (category, phase) == expected


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of", "expected"),
    [
        # MA Feb 29, 2028: recommended is Feb 15, 2028.
        ("2028-02-29", "2029-12-31", "2028-02-15", ("one_year_alignment", "open")),
        ("2028-02-29", "2029-12-31", "2028-02-16", ("one_year_alignment", "past_recommended")),
        # The expiration day itself, then the day after (March 1).
        ("2028-02-29", "2029-12-31", "2028-02-29", ("one_year_alignment", "past_recommended")),
        ("2028-02-29", "2029-12-31", "2028-03-01", ("one_year_alignment", "late")),
        # The late deadline is Feb 28, 2029 (relativedelta), not March 1.
        ("2028-02-29", "2029-12-31", "2029-02-27", ("one_year_alignment", "late")),
        ("2028-02-29", "2029-12-31", "2029-02-28", ("one_year_alignment", "late")),
        ("2028-02-29", "2029-12-31", "2029-03-01", ("outside_guidance", None)),
        # The window opens Sep 1, 2027.
        ("2028-02-29", "2029-12-31", "2027-08-31", ("alignment_not_yet_due", None)),
        ("2028-02-29", "2029-12-31", "2027-09-01", ("one_year_alignment", "open")),
    ],
)
def test_february_29_expiration_boundaries(ma, nremt, as_of, expected):
    category, phase, _reason = _decide(ma, nremt, as_of)
    assert (category, phase) == expected


@pytest.mark.parametrize(
    ("ma", "nremt", "as_of", "expected"),
    [
        # MA June 30: past_recommended lasts from Feb 16 to June 30.
        ("2025-06-30", "2026-06-30", "2025-06-30", ("one_year_alignment", "past_recommended")),
        ("2025-06-30", "2026-06-30", "2025-07-01", ("one_year_alignment", "late")),
        # Late deadline June 30, 2026 (= the NREMT date), then row 2.
        ("2025-06-30", "2026-06-30", "2026-06-30", ("one_year_alignment", "late")),
        ("2025-06-30", "2026-06-30", "2026-07-01", ("expired_nremt", None)),
        # MA Dec 31: the window still opens Sep 1 of the year before.
        ("2025-12-31", "2026-12-31", "2024-08-31", ("alignment_not_yet_due", None)),
        ("2025-12-31", "2026-12-31", "2024-09-01", ("one_year_alignment", "open")),
    ],
)
def test_boundaries_for_dates_other_than_march_31(ma, nremt, as_of, expected):
    category, phase, _reason = _decide(ma, nremt, as_of)
    assert (category, phase) == expected


@pytest.mark.parametrize(
    ("ma", "as_of", "phase", "due"),
    [
        # RULES.md, revised 2026-12: recommended = min(Feb 15 of M, ma_expiration).
        # A card expiring January 31: recommended is January 31 itself, and the phase is
        # "late" from February 1 (no "past_recommended" days in between).
        ("2025-01-31", "2025-01-30", "open", "2025-01-31"),
        ("2025-01-31", "2025-01-31", "open", "2025-01-31"),
        ("2025-01-31", "2025-02-01", "late", "2026-01-31"),
        ("2025-01-31", "2025-02-14", "late", "2026-01-31"),
        ("2025-01-31", "2025-02-15", "late", "2026-01-31"),
        ("2025-01-31", "2025-02-16", "late", "2026-01-31"),
        # A card expiring on February 15 itself: both dates coincide.
        ("2025-02-15", "2025-02-14", "open", "2025-02-15"),
        ("2025-02-15", "2025-02-15", "open", "2025-02-15"),
        ("2025-02-15", "2025-02-16", "late", "2026-02-15"),
        # One day later: February 15 comes first again, then one past_recommended day.
        ("2025-02-16", "2025-02-15", "open", "2025-02-15"),
        ("2025-02-16", "2025-02-16", "past_recommended", "2025-02-16"),
        ("2025-02-16", "2025-02-17", "late", "2026-02-16"),
        # The usual March 31 card, around both dates.
        ("2025-03-31", "2025-02-14", "open", "2025-02-15"),
        ("2025-03-31", "2025-02-15", "open", "2025-02-15"),
        ("2025-03-31", "2025-02-16", "past_recommended", "2025-03-31"),
        ("2025-03-31", "2025-03-30", "past_recommended", "2025-03-31"),
        ("2025-03-31", "2025-03-31", "past_recommended", "2025-03-31"),
        ("2025-03-31", "2025-04-01", "late", "2026-03-31"),
        # A leap-year card expiring February 29 (after February 15).
        ("2028-02-29", "2028-02-15", "open", "2028-02-15"),
        ("2028-02-29", "2028-02-16", "past_recommended", "2028-02-29"),
        ("2028-02-29", "2028-03-01", "late", "2029-02-28"),
    ],
)
def test_the_recommended_date_is_never_after_the_card_expires(ma, as_of, phase, due):
    nremt = D(ma).replace(year=D(ma).year + 1, day=28 if D(ma).month == 2 else D(ma).day)
    situation = Situation(ma_expiration=D(ma), nremt_expiration=nremt, as_of=D(as_of))
    assessment = assess(situation)
    assert (assessment.category, assessment.phase) == ("one_year_alignment", phase)
    submit = assessment.steps[1]
    assert submit.id == "submit_alignment_application"
    assert submit.due == D(due)
    recommended = next(d.date for d in assessment.deadlines if d.kind == "recommended")
    assert recommended == min(D(ma), D(ma).replace(month=2, day=15))
    assert recommended <= D(ma)


@pytest.mark.parametrize(
    ("ma", "as_of", "can_staff"),
    [
        # The day before Massachusetts expires.
        ("2025-03-31", "2025-03-30", True),
        # A certification is valid through its expiration day.
        ("2025-03-31", "2025-03-31", True),
        # The day after.
        ("2025-03-31", "2025-04-01", False),
        # Feb 29.
        ("2028-02-29", "2028-02-29", True),
        ("2028-02-29", "2028-03-01", False),
    ],
)
def test_can_staff_an_ambulance_through_the_ma_expiration_day(ma, as_of, can_staff):
    situation = Situation(ma_expiration=D(ma), nremt_expiration=D("2029-12-31"), as_of=D(as_of))
    assert assess(situation).can_staff_ambulance is can_staff
