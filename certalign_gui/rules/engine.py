"""`assess()`: RULES.md's decision table, steps, deadlines, fee and warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from dateutil.relativedelta import relativedelta

from certalign_gui.rules.models import (
    Assessment,
    Category,
    Caution,
    Certification,
    Citation,
    DayOfYear,
    Deadline,
    DeadlineKind,
    Fee,
    KeyDates,
    Link,
    Phase,
    PolicyInfo,
    Reason,
    Situation,
    Step,
    StepId,
    StepVariant,
    Urgency,
    UrgencyLevel,
)
from certalign_gui.rules.policy import CitationKey, LinkName, Policy, load_policy

STEP_IDS: dict[Category, tuple[StepId, ...]] = {
    "one_year_alignment": (
        "update_contact_info",
        "submit_alignment_application",
        "confirm_new_ma_date",
        "renew_nremt",
    ),
    "alignment_not_yet_due": ("update_contact_info", "wait_for_instructions"),
    "reverse_off_cycle": (
        "recertify_nremt",
        "update_contact_info",
        "complete_alignment_after_nremt",
    ),
    "expired_nremt": ("regain_nremt",),
    "already_aligned": ("update_contact_info", "renew_nremt", "renew_ma", "confirm_new_ma_date"),
    "outside_guidance": ("contact_oems",),
}

DEADLINE_KINDS: dict[Category, tuple[DeadlineKind, ...]] = {
    "one_year_alignment": ("recommended", "ma_expiration", "late_submission", "nremt_expiration"),
    "alignment_not_yet_due": ("alignment_window_opens", "ma_expiration", "nremt_expiration"),
    "reverse_off_cycle": ("nremt_expiration", "ma_expiration"),
    "already_aligned": ("nremt_expiration", "ma_expiration"),
    "expired_nremt": ("ma_expiration",),
    "outside_guidance": ("ma_expiration", "nremt_expiration"),
}

STEP_LINKS: dict[StepId, LinkName | None] = {
    "update_contact_info": "elicensing",
    "submit_alignment_application": "elicensing",
    "confirm_new_ma_date": "verification",
    "renew_nremt": "nremt",
    "renew_ma": "elicensing",
    "recertify_nremt": "nremt",
    "complete_alignment_after_nremt": "elicensing",
    "wait_for_instructions": None,
    "regain_nremt": "nremt",
    "contact_oems": "oems",
}

#: A step due within this many days makes the banner "urgent"; within the second, "soon".
URGENT_DAYS = 30
SOON_DAYS = 90


@cache
def _bundled_policy() -> Policy:
    return load_policy()


@lru_cache(maxsize=1024)
def _years_after(day: date, count: int) -> date:
    """``day + relativedelta(years=count)`` (Feb 29 + 1 year is Feb 28), remembered: most
    cards expire on March 31, so the same few sums come up again and again."""
    return day + relativedelta(years=count)


@dataclass(slots=True)  # not frozen: a frozen dataclass is slower to build, on the hot path
class _Dates:
    """The dates every rule and sentence is built from."""

    ma_expiration: date
    nremt_expiration: date | None
    as_of: date
    recommended: date
    late_deadline: date
    window_open: date

    @classmethod
    def of(cls, situation: Situation, policy: Policy) -> _Dates:
        ma = situation.ma_expiration
        opens = policy.window_opens
        return cls(
            ma_expiration=ma,
            nremt_expiration=situation.nremt_expiration,
            as_of=situation.as_of,
            # RULES.md (revised 2026-12): never a recommended date after the card expires.
            recommended=min(policy.recommended_by.in_year(ma.year), ma),
            late_deadline=_years_after(ma, policy.late_window_years),
            window_open=opens.in_year(ma.year - opens.years_before_expiration),
        )


def decide(situation: Situation, policy: Policy) -> tuple[Category, Phase | None, Reason | None]:
    """The decision table of RULES.md: the first matching row wins."""
    return _decide(situation, policy, _Dates.of(situation, policy))


def _decide(
    situation: Situation, policy: Policy, d: _Dates
) -> tuple[Category, Phase | None, Reason | None]:
    if situation.nremt_status == "never":
        return "outside_guidance", None, "no_nremt"
    nremt = d.nremt_expiration
    if situation.nremt_status == "expired" or nremt is None or d.as_of > nremt:
        return "expired_nremt", None, None
    if d.as_of > d.late_deadline:
        return "outside_guidance", None, "ma_late_window_closed"
    ma_year, nr_year = d.ma_expiration.year, nremt.year
    if nr_year == ma_year:
        return "already_aligned", None, None
    if nr_year == ma_year + 1:
        if ma_year < policy.earliest_cycle:
            return "outside_guidance", None, "cycle_before_published_process"
        if d.as_of < d.window_open:
            return "alignment_not_yet_due", None, None
        if d.as_of <= d.recommended:
            return "one_year_alignment", "open", None
        if d.as_of <= d.ma_expiration:
            return "one_year_alignment", "past_recommended", None
        return "one_year_alignment", "late", None
    if nr_year == ma_year - 1:
        return "reverse_off_cycle", None, None
    return "outside_guidance", None, "cycles_too_far_apart"


def is_projected(category: Category, ma_year: int, policy: Policy) -> bool:
    """True when the advice applies the published cycle's pattern to another cycle."""
    cycle = policy.published_cycle
    if category == "one_year_alignment":
        return ma_year != cycle
    if category == "alignment_not_yet_due":
        return ma_year not in (cycle, cycle + 1)
    if category == "reverse_off_cycle":
        return ma_year != cycle + 1
    return False


def assess(situation: Situation, policy: Policy | None = None) -> Assessment:
    """Apply the OEMS alignment rules to one situation. Pure: no clock, no I/O.

    ``policy=None`` uses the policy file shipped with certalign (loaded once).
    """
    if policy is None:
        policy = _bundled_policy()
    d = _Dates.of(situation, policy)
    category, phase, reason = _decide(situation, policy, d)
    prepared = _prepared(policy)
    fee = prepared.fee if category == "one_year_alignment" else None
    steps = tuple(_step(step_id, phase, d, policy, prepared) for step_id in STEP_IDS[category])
    deadlines = _deadlines(category, d)
    projected = is_projected(category, d.ma_expiration.year, policy)
    can_staff = d.as_of <= d.ma_expiration
    nremt = d.nremt_expiration
    return Assessment(
        category=category,
        phase=phase,
        reason=reason,
        urgency=_urgency(category, can_staff, steps, d),
        can_staff_ambulance=can_staff,
        fee=fee,
        projected=projected,
        steps=steps,
        deadlines=deadlines,
        warnings=_warnings(situation, policy, d, category, can_staff, projected),
        dates=KeyDates(
            recommended=d.recommended,
            late_deadline=d.late_deadline,
            window_open=d.window_open,
            reinstatement_until=(
                policy.nremt_reinstatement.until.in_year(nremt.year) if nremt else None
            ),
        ),
        policy=prepared.info,
        situation=situation,
    )


def _step(
    step_id: StepId, phase: Phase | None, d: _Dates, policy: Policy, prepared: _Prepared
) -> Step:
    due: date | None = None
    detail_key: StepVariant = step_id
    citation_key: CitationKey = step_id
    if step_id == "submit_alignment_application":
        if phase == "open":
            due = d.recommended
            if d.recommended == d.ma_expiration:
                # A card that expires on or before February 15: finish by its own date.
                detail_key = "submit_alignment_application_by_expiry"
        elif phase == "past_recommended":
            due = d.ma_expiration
            detail_key = "submit_alignment_application_past_recommended"
        else:
            due = d.late_deadline
            detail_key = citation_key = "submit_alignment_application_late"
    elif step_id in ("renew_nremt", "recertify_nremt"):
        due = d.nremt_expiration
    elif step_id == "regain_nremt":
        detail_key = _regain_detail(d, policy)
    elif step_id == "renew_ma":
        due = d.ma_expiration
    link_name = STEP_LINKS[step_id]
    link = policy.links[link_name] if link_name else None
    return Step(
        id=step_id,
        variant=detail_key,
        due=due,
        days_left=(due - d.as_of).days if due else None,
        link=link_name,
        url=link.url if link else None,
        citation=prepared.citations[citation_key],
    )


def _regain_detail(d: _Dates, policy: Policy) -> StepVariant:
    """Which "regain NREMT" sentence fits: NREMT's reinstatement period is dated only when
    the NREMT date is known and is the usual day (it follows a March 31 expiration)."""
    nremt = d.nremt_expiration
    if nremt is None or nremt != policy.usual_expiration.in_year(nremt.year):
        return "regain_nremt"
    if d.as_of <= policy.nremt_reinstatement.until.in_year(nremt.year):
        return "regain_nremt_reinstatement_open"
    return "regain_nremt_reinstatement_closed"


def _deadlines(category: Category, d: _Dates) -> tuple[Deadline, ...]:
    dates: dict[DeadlineKind, date | None] = {
        "recommended": d.recommended,
        "ma_expiration": d.ma_expiration,
        "late_submission": d.late_deadline,
        "nremt_expiration": d.nremt_expiration,
        "alignment_window_opens": d.window_open,
    }
    found = [
        (when, order, kind)
        for order, kind in enumerate(DEADLINE_KINDS[category])
        if (when := dates[kind]) is not None
    ]
    return tuple(
        Deadline(
            kind=kind,
            date=when,
            days_from_as_of=(when - d.as_of).days,
        )
        for when, _order, kind in sorted(found)
    )


def _urgency(category: Category, can_staff: bool, steps: tuple[Step, ...], d: _Dates) -> Urgency:
    if not can_staff:
        return Urgency(level="expired", kind="expired")
    if category == "expired_nremt":
        return Urgency(level="urgent", kind="regain_nremt")
    if category == "outside_guidance":
        return Urgency(level="info", kind="contact_oems")
    if category == "alignment_not_yet_due":
        return Urgency(level="info", kind="not_yet_due", day=d.window_open)
    # The categories left each have a step due on the NREMT date, and that date is never
    # past here (row 2 of the decision table takes those cases): there is always one.
    days = min(s.days_left for s in steps if s.days_left is not None and s.days_left >= 0)
    level: UrgencyLevel = (
        "urgent" if days <= URGENT_DAYS else "soon" if days <= SOON_DAYS else "on_track"
    )
    return Urgency(level=level, kind="due", days=days)


def _warnings(
    situation: Situation,
    policy: Policy,
    d: _Dates,
    category: Category,
    can_staff: bool,
    projected: bool,
) -> tuple[Caution, ...]:
    found: list[Caution] = []
    if not can_staff:
        found.append(Caution(code="ma_expired", day=d.ma_expiration))
    if category == "expired_nremt" and d.as_of > d.late_deadline:
        # Row 2 comes first, but regaining NREMT will not be enough on its own.
        found.append(Caution(code="ma_late_window_closed", day=d.late_deadline))
    nremt = d.nremt_expiration
    if situation.nremt_status == "active" and nremt is not None and d.as_of > nremt:
        found.append(Caution(code="nremt_passed", day=nremt))
    usual = policy.usual_expiration
    checked: tuple[tuple[Certification, date | None], ...] = (
        ("ma", d.ma_expiration),
        ("nremt", nremt),
    )
    for which, day in checked:
        if day is not None and (day.month, day.day) != (usual.month, usual.day):
            found.append(Caution(code="unusual_date", certification=which, day=day))
    if projected:
        found.append(
            Caution(code="projected", cycle=policy.published_cycle, year=d.ma_expiration.year)
        )
    return tuple(found)


@dataclass(frozen=True)
class _Prepared:
    """What every assessment under one policy shares, made once (policies are frozen)."""

    info: PolicyInfo
    citations: dict[CitationKey, Citation]
    fee: Fee


#: The last few policies seen, by identity. The policy itself is kept in the entry, so its
#: id cannot be reused while the entry lives.
_PREPARED: dict[int, tuple[Policy, _Prepared]] = {}
_PREPARED_SIZE = 4


def _prepared(policy: Policy) -> _Prepared:
    cached = _PREPARED.get(id(policy))
    if cached is not None and cached[0] is policy:
        return cached[1]
    if len(_PREPARED) >= _PREPARED_SIZE:
        _PREPARED.pop(next(iter(_PREPARED)))
    prepared = _Prepared(
        info=_build_policy_info(policy),
        fee=Fee(amount=policy.fee.amount, currency=policy.fee.currency),
        citations={
            key: Citation(text=cited.text, source=cited.source, cycle=cited.cycle)
            for key, cited in policy.citations.items()
        },
    )
    _PREPARED[id(policy)] = (policy, prepared)
    return prepared


def _build_policy_info(policy: Policy) -> PolicyInfo:
    return PolicyInfo(
        title=policy.title,
        publisher=policy.publisher,
        source=policy.source,
        cycle=policy.published_cycle,
        earliest_cycle=policy.earliest_cycle,
        last_checked=policy.last_checked,
        usual_expiration=DayOfYear(
            month=policy.usual_expiration.month, day=policy.usual_expiration.day
        ),
        reinstatement_until=DayOfYear(
            month=policy.nremt_reinstatement.until.month, day=policy.nremt_reinstatement.until.day
        ),
        urls={name: link.url for name, link in policy.links.items()},
        links={
            name: Link(label=link.label, title=link.title, url=link.url)
            for name, link in policy.links.items()
        },
    )
