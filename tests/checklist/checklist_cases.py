"""The situations every checklist test renders: RULES.md's worked examples and the extremes."""

from datetime import date

from certalign_gui.checklist.details import Details
from certalign_gui.rules import Assessment, Situation, assess

#: The day the checklists are printed in these tests: later than every advice date below,
#: so each page also says "Advice as of …".
PRINTED = date(2026, 12, 2)

#: name -> Situation. Every category appears, and the longest page (several warnings and
#: projected advice) is "projected_many_warnings".
SITUATIONS = {
    # RULES.md worked examples.
    "alignment_open": Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
    ),
    "alignment_late": Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 4, 1)
    ),
    "reverse_off_cycle": Situation(
        ma_expiration=date(2026, 3, 31), nremt_expiration=date(2025, 3, 31), as_of=date(2025, 1, 10)
    ),
    "expired_nremt": Situation(
        ma_expiration=date(2026, 3, 31), nremt_status="expired", as_of=date(2025, 6, 1)
    ),
    "not_yet_due": Situation(
        ma_expiration=date(2026, 3, 31), nremt_expiration=date(2027, 3, 31), as_of=date(2025, 1, 10)
    ),
    # The other categories and phases.
    "past_recommended": Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 3, 1)
    ),
    "already_aligned": Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2025, 3, 31), as_of=date(2025, 1, 10)
    ),
    "outside_guidance_never": Situation(
        ma_expiration=date(2025, 3, 31), nremt_status="never", as_of=date(2025, 1, 10)
    ),
    "outside_guidance_too_far": Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2028, 3, 31), as_of=date(2025, 1, 10)
    ),
    # A later cycle, late: expired, projected.
    "projected_late": Situation(
        ma_expiration=date(2027, 3, 31), nremt_expiration=date(2028, 3, 31), as_of=date(2027, 4, 2)
    ),
    # The longest page: expired, both dates unusual, projected (four warnings).
    "projected_many_warnings": Situation(
        ma_expiration=date(2027, 3, 30), nremt_expiration=date(2028, 3, 30), as_of=date(2027, 4, 2)
    ),
}

#: What a user may type on the details page, at its most awkward.
INJECTION_NAME = "<b>x</b><img src=file:///etc/passwd>"
FULL_DETAILS = Details(
    name="Jane Q. Public-Longname", ma_number="E1234567", nremt_number="E12345678"
)
INJECTION_DETAILS = Details(name=INJECTION_NAME, ma_number="P7654321", nremt_number="M1234567")


def assessment_for(name: str) -> Assessment:
    """The Assessment of one named situation."""
    return assess(SITUATIONS[name])
