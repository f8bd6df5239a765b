"""assess() against a second, independent formulation of RULES.md (long run on CI).

The oracle below is written from RULES.md alone: the decision table is a list of
(row, predicate, category, phase, reason) evaluated in order, the dates are computed with
`calendar` instead of `relativedelta`, and the policy numbers are RULES.md's, typed in.
It never calls `decide()` or reads the engine's tables.
"""

import calendar
import os
from dataclasses import dataclass
from datetime import date

import pytest
from hypothesis import event, example, given, settings
from rules_strategies import situation_fields

from certalign_gui.rules import Situation, assess

PUBLISHED_CYCLE = 2025
EARLIEST_CYCLE = 2025
USUAL_EXPIRATION = (3, 31)
URGENT_DAYS, SOON_DAYS = 30, 90
# CI runs the long fuzz; a laptop's `make test` a few hundred examples.
EXAMPLES = 20_000 if os.environ.get("CI") else 300


def _one_year_after(day: date) -> date:
    """The same day a year later; Feb 29 becomes Feb 28 (as relativedelta does)."""
    last_day = calendar.monthrange(day.year + 1, day.month)[1]
    return date(day.year + 1, day.month, min(day.day, last_day))


@dataclass(frozen=True)
class _Facts:
    status: str
    ma: date
    nr: date | None
    d: date

    @property
    def m(self) -> int:
        return self.ma.year

    @property
    def n(self) -> int:
        assert self.nr is not None
        return self.nr.year

    @property
    def recommended(self) -> date:
        # RULES.md, revised 2026-12: the earlier of February 15 of M and the MA date.
        return min(date(self.m, 2, 15), self.ma)

    @property
    def window_open(self) -> date:
        return date(self.m - 1, 9, 1)

    @property
    def late_deadline(self) -> date:
        return _one_year_after(self.ma)


# RULES.md "Decision table (first matching row wins)".
ROWS = [
    ("1", lambda f: f.status == "never", "outside_guidance", None, "no_nremt"),
    ("2", lambda f: f.status == "expired" or f.d > f.nr, "expired_nremt", None, None),
    ("3", lambda f: f.d > f.late_deadline, "outside_guidance", None, "ma_late_window_closed"),
    ("4", lambda f: f.n == f.m, "already_aligned", None, None),
    ("5a", lambda f: f.n == f.m + 1 and f.m < EARLIEST_CYCLE,
     "outside_guidance", None, "cycle_before_published_process"),
    ("5b", lambda f: f.n == f.m + 1 and f.d < f.window_open, "alignment_not_yet_due", None, None),
    ("5c", lambda f: f.n == f.m + 1 and f.d <= f.recommended, "one_year_alignment", "open", None),
    ("5d", lambda f: f.n == f.m + 1 and f.d <= f.ma,
     "one_year_alignment", "past_recommended", None),
    ("5e", lambda f: f.n == f.m + 1, "one_year_alignment", "late", None),
    ("6", lambda f: f.n == f.m - 1, "reverse_off_cycle", None, None),
    ("7", lambda f: True, "outside_guidance", None, "cycles_too_far_apart"),
]  # fmt: skip

# RULES.md's step table: (id, due) where due names a date of _Facts, or None.
STEPS = {
    "one_year_alignment": [
        ("update_contact_info", None), ("submit_alignment_application", "by_phase"),
        ("confirm_new_ma_date", None), ("renew_nremt", "nr"),
    ],
    "alignment_not_yet_due": [("update_contact_info", None), ("wait_for_instructions", None)],
    "reverse_off_cycle": [
        ("recertify_nremt", "nr"), ("update_contact_info", None),
        ("complete_alignment_after_nremt", None),
    ],
    "expired_nremt": [("regain_nremt", None)],
    "already_aligned": [
        ("update_contact_info", None), ("renew_nremt", "nr"), ("renew_ma", "ma"),
        ("confirm_new_ma_date", None),
    ],
    "outside_guidance": [("contact_oems", None)],
}  # fmt: skip
APPLICATION_DUE = {"open": "recommended", "past_recommended": "ma", "late": "late_deadline"}

# RULES.md's deadline table: kind -> the date it stands for.
DEADLINES = {
    "one_year_alignment": {
        "recommended": "recommended", "ma_expiration": "ma", "late_submission": "late_deadline",
        "nremt_expiration": "nr",
    },
    "alignment_not_yet_due": {
        "alignment_window_opens": "window_open", "ma_expiration": "ma", "nremt_expiration": "nr",
    },
    "reverse_off_cycle": {"nremt_expiration": "nr", "ma_expiration": "ma"},
    "already_aligned": {"nremt_expiration": "nr", "ma_expiration": "ma"},
    "expired_nremt": {"ma_expiration": "ma"},
    "outside_guidance": {"ma_expiration": "ma", "nremt_expiration": "nr"},
}  # fmt: skip


def _expected(f: _Facts) -> dict:
    row, category, phase, reason = next(
        (row, category, phase, reason)
        for row, matches, category, phase, reason in ROWS
        if matches(f)
    )
    steps = []
    for step_id, due_name in STEPS[category]:
        if due_name == "by_phase":
            due_name = APPLICATION_DUE[phase]
        steps.append((step_id, getattr(f, due_name) if due_name else None))
    # outside_guidance lists the NREMT date only when one was given.
    deadlines = sorted(
        (day, kind)
        for kind, name in DEADLINES[category].items()
        if (day := getattr(f, name)) is not None
    )
    projected = {
        "one_year_alignment": f.m != PUBLISHED_CYCLE,
        "alignment_not_yet_due": f.m not in (PUBLISHED_CYCLE, PUBLISHED_CYCLE + 1),
        "reverse_off_cycle": f.m != PUBLISHED_CYCLE + 1,
    }.get(category, False)
    can_staff = f.d <= f.ma
    warnings = []
    # Each warning as (code, the date it names, which card, the cycle, the person's year).
    if not can_staff:
        warnings.append(("ma_expired", f.ma, None, None, None))
    if category == "expired_nremt" and f.d > f.late_deadline:
        warnings.append(("ma_late_window_closed", f.late_deadline, None, None, None))
    if f.status == "active" and f.d > f.nr:
        warnings.append(("nremt_passed", f.nr, None, None, None))
    if (f.ma.month, f.ma.day) != USUAL_EXPIRATION:
        warnings.append(("unusual_date", f.ma, "ma", None, None))
    if f.nr is not None and (f.nr.month, f.nr.day) != USUAL_EXPIRATION:
        warnings.append(("unusual_date", f.nr, "nremt", None, None))
    if projected:
        warnings.append(("projected", None, None, PUBLISHED_CYCLE, f.m))
    if not can_staff:
        urgency = "expired"
    elif category == "expired_nremt":
        urgency = "urgent"
    elif category in ("outside_guidance", "alignment_not_yet_due"):
        urgency = "info"
    else:
        nearest = min((due - f.d).days for _id, due in steps if due and due >= f.d)
        if nearest <= URGENT_DAYS:
            urgency = "urgent"
        elif nearest <= SOON_DAYS:
            urgency = "soon"
        else:
            urgency = "on_track"
    return {
        "row": row,
        "decision": (category, phase, reason),
        "steps": steps,
        "deadlines": deadlines,
        "fee": "62.50" if category == "one_year_alignment" else None,
        "projected": projected,
        "can_staff": can_staff,
        "warnings": warnings,
        "urgency": urgency,
    }


def _fields(ma, nremt, as_of, status="active"):
    return {
        "ma_expiration": date.fromisoformat(ma),
        "nremt_status": status,
        "nremt_expiration": date.fromisoformat(nremt) if nremt else None,
        "as_of": date.fromisoformat(as_of),
    }


@pytest.mark.slow
@settings(max_examples=EXAMPLES)
@given(situation_fields())
# Always tried, whatever the random draw: the worked examples of RULES.md ...
@example(_fields("2025-03-31", "2026-03-31", "2025-01-10"))
@example(_fields("2025-03-31", "2026-03-31", "2025-04-01"))
@example(_fields("2026-03-31", "2025-03-31", "2025-01-10"))
@example(_fields("2026-03-31", None, "2025-06-01", status="expired"))
@example(_fields("2026-03-31", "2027-03-31", "2025-01-10"))
# ... and the cycles on each side of the published and earliest ones.
@example(_fields("2024-03-31", "2025-03-31", "2024-01-10"))
@example(_fields("2027-03-31", "2028-03-31", "2026-01-10"))
@example(_fields("2025-03-31", "2024-03-31", "2024-01-10"))
@example(_fields("2027-03-31", "2026-03-31", "2026-01-10"))
@example(_fields("2026-03-31", "2027-03-31", "2025-10-01"))
def test_assess_agrees_with_an_independent_reading_of_rules_md(fields):
    situation = Situation(**fields)
    facts = _Facts(
        status=situation.nremt_status,
        ma=situation.ma_expiration,
        nr=situation.nremt_expiration,
        d=situation.as_of,
    )
    expected = _expected(facts)
    event(f"row {expected['row']}")
    got = assess(situation)
    dumped = got.model_dump(mode="json")
    assert (got.category, got.phase, got.reason) == expected["decision"]
    assert [(s.id, s.due) for s in got.steps] == expected["steps"]
    # Sorted by date; RULES.md does not order deadlines that fall on the same day.
    assert [d.date for d in got.deadlines] == [day for day, _kind in expected["deadlines"]]
    assert sorted((d.date, d.kind) for d in got.deadlines) == expected["deadlines"]
    assert (dumped["fee"] or {}).get("amount") == expected["fee"]
    assert got.projected is expected["projected"]
    assert got.can_staff_ambulance is expected["can_staff"]
    assert [(w.code, w.day, w.certification, w.cycle, w.year) for w in got.warnings] == expected[
        "warnings"
    ]
    assert got.urgency.level == expected["urgency"]
