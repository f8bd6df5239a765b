"""The worked examples of RULES.md, as printed there."""

from datetime import date
from decimal import Decimal

import pytest

from certalign_gui.rules import Situation, assess


def _deadline(assessment, kind):
    return next(d.date for d in assessment.deadlines if d.kind == kind)


@pytest.mark.parametrize(
    ("ma", "status", "nremt", "as_of", "category", "phase", "fee", "dates"),
    [
        # MA 2025 / NR 2026 in January: the published alignment, before the recommended date.
        (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 1, 10),
         "one_year_alignment", "open", Decimal("62.50"),
         {"recommended": date(2025, 2, 15), "late_submission": date(2026, 3, 31)}),
        # The day after MA expired: late, and cannot staff an ambulance.
        (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 4, 1),
         "one_year_alignment", "late", Decimal("62.50"),
         {"late_submission": date(2026, 3, 31)}),
        # NR 2025 / MA 2026: reverse off cycle.
        (date(2026, 3, 31), "active", date(2025, 3, 31), date(2025, 1, 10),
         "reverse_off_cycle", None, None, {"nremt_expiration": date(2025, 3, 31)}),
        # Expired NREMT.
        (date(2026, 3, 31), "expired", None, date(2025, 6, 1),
         "expired_nremt", None, None, {}),
        # MA 2026 / NR 2027: not yet due; the window opens in the Fall of 2025.
        (date(2026, 3, 31), "active", date(2027, 3, 31), date(2025, 1, 10),
         "alignment_not_yet_due", None, None, {"alignment_window_opens": date(2025, 9, 1)}),
    ],
)  # fmt: skip
def test_worked_example(ma, status, nremt, as_of, category, phase, fee, dates):
    situation = Situation(
        ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of
    )
    assessment = assess(situation)
    assert assessment.category == category
    assert assessment.phase == phase
    assert (assessment.fee.amount if assessment.fee else None) == fee
    for kind, expected in dates.items():
        assert _deadline(assessment, kind) == expected


def test_late_example_cannot_staff_an_ambulance():
    situation = Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 4, 1)
    )
    assessment = assess(situation)
    assert assessment.can_staff_ambulance is False
    assert assessment.warnings[0].code == "ma_expired"
