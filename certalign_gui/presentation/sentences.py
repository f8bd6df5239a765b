"""The answer's own sentences, said from the rules' facts (`Assessment`): the headline, the
explanation, each step's title and detail, the key dates' labels, the banner and the warnings.

Written for a reader in a hurry (about a 5th-grade reading level, active voice). Every
sentence is a message of the one catalogue (`certalign_gui.presentation.catalogue`): marked
here with `N_`, said in the current language with `_`. Dates and money are Babel's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from certalign_gui.presentation.catalogue import N_, _, long_date, money, month_day, ngettext
from certalign_gui.rules.models import Assessment, Caution, Deadline, Step, Urgency

HEADLINES = {
    "one_year_alignment": N_("You need the one-year alignment"),
    "alignment_not_yet_due": N_("Your alignment is not due yet"),
    "reverse_off_cycle": N_("Recertify NREMT first, then align"),
    "expired_nremt": N_("Regain your NREMT certification first"),
    "already_aligned": N_("Your certifications are already aligned"),
    "outside_guidance": N_("The guidance does not cover your case: contact OEMS"),
}

EXPLANATIONS = {
    "one_year_alignment": N_(
        "Your Massachusetts date is in {ma_year} and your NREMT date is in {nr_year}. "
        "Massachusetts needs both to end in the same year, so you renew Massachusetts for "
        "one year at a prorated fee."
    ),
    "alignment_not_yet_due": N_(
        "Your Massachusetts certification expires in {ma_year} and your NREMT certification "
        "in {nr_year}. You will align them, but not yet: the alignment window opens "
        "{window_open}."
    ),
    "reverse_off_cycle": N_(
        "Your NREMT certification expires in {nr_year}, one year before your Massachusetts "
        "certification ({ma_year}). Recertify NREMT to {nr_plus_two} first. Then complete the "
        "one-year alignment in the Fall of {nr_year}."
    ),
    "expired_nremt": N_(
        "Your NREMT certification has expired. Massachusetts cannot renew your certification "
        "until you regain NREMT certification."
    ),
    "already_aligned": N_(
        "Both certifications expire in {ma_year}. No alignment is needed: renew NREMT, then "
        "renew Massachusetts in eLicensing as usual."
    ),
}

REASONS = {
    "no_nremt": N_(
        "You have never held NREMT certification. The alignment guidance is for people who "
        "hold both a Massachusetts and an NREMT certification."
    ),
    "ma_late_window_closed": N_(
        "Your Massachusetts certification expired on {ma_expiration}. The late window for "
        "the alignment closed on {late_deadline}, so the alignment guidance no longer covers "
        'your case. OEMS explains the way back on the mass.gov page "Reinstate your expired '
        'EMT certification".'
    ),
    "cycle_before_published_process": N_(
        "Your certifications are one year apart, but your Massachusetts certification "
        "expires in {ma_year}. The alignment application in eLicensing starts with the "
        "{earliest_cycle} cycle."
    ),
    "cycles_too_far_apart": N_(
        "Your Massachusetts certification expires in {ma_year} and your NREMT certification "
        "in {nr_year}, {gap} years apart. The guidance only covers cycles one year apart."
    ),
}

STEP_TITLES = {
    "update_contact_info": N_("Update your contact information in eLicensing"),
    "submit_alignment_application": N_("Submit the alignment application and pay {fee}"),
    "confirm_new_ma_date": N_("Check that your new Massachusetts date shows"),
    "renew_nremt": N_("Renew your NREMT certification"),
    "renew_ma": N_("Renew your Massachusetts certification"),
    "recertify_nremt": N_("Recertify NREMT to {nr_plus_two}"),
    "complete_alignment_after_nremt": N_("Then complete the one-year alignment"),
    "wait_for_instructions": N_("Wait for the alignment instructions"),
    "regain_nremt": N_("Regain your NREMT certification"),
    "contact_oems": N_("Contact OEMS"),
}

STEP_DETAILS = {
    "update_contact_info": N_(
        "Log in to eLicensing and check your mailing address, email and phone. OEMS emails "
        "your new card, so your email must be right."
    ),
    "submit_alignment_application": N_(
        "In eLicensing, submit the alignment renewal application. It finds your expiration "
        "dates and asks for the prorated fee of {fee}. There is no paper form. Finish by "
        "{recommended} so your new card arrives before your certification expires on "
        "{ma_expiration}."
    ),
    "submit_alignment_application_by_expiry": N_(
        "In eLicensing, submit the alignment renewal application and pay the prorated fee of "
        "{fee}. There is no paper form. Finish by {ma_expiration}, the day your card expires: "
        "after that day you cannot staff an ambulance until it is renewed."
    ),
    "submit_alignment_application_past_recommended": N_(
        "In eLicensing, submit the alignment renewal application and pay the prorated fee of "
        "{fee}. There is no paper form. The recommended date, {recommended}, has passed: do it "
        "now, before your certification expires on {ma_expiration}."
    ),
    "submit_alignment_application_late": N_(
        "Your Massachusetts certification expired on {ma_expiration}: you cannot staff an "
        "ambulance until it is renewed. You can still submit the alignment application late, "
        "in eLicensing, with the prorated fee of {fee}. The late deadline is {late_deadline}."
    ),
    "confirm_new_ma_date": N_(
        "You are renewed only when eLicensing, or the state's Check a Health License site, "
        "shows your new Massachusetts expiration date. A new date on NREMT.org alone does "
        "not renew Massachusetts."
    ),
    "renew_nremt": N_(
        "Renew on NREMT.org by {nremt_expiration}. NREMT's continuing education also meets "
        "the Massachusetts requirement."
    ),
    "renew_ma": N_(
        "After NREMT, submit your Massachusetts renewal in eLicensing by {ma_expiration}. "
        "After that day you cannot staff an ambulance."
    ),
    "recertify_nremt": N_(
        "Recertify on NREMT.org before your NREMT certification expires on "
        "{nremt_expiration}, so that it runs to {nr_plus_two}."
    ),
    "complete_alignment_after_nremt": N_(
        "Once NREMT runs to {nr_plus_two}, complete the one-year alignment in eLicensing in "
        "the Fall of {nr_year}. OEMS sends instructions."
    ),
    "wait_for_instructions": N_(
        "OEMS sends instructions over the Fall of {window_year}, before the {ma_year} renewal "
        "window. Nothing to submit yet: the window opens {window_open}."
    ),
    "regain_nremt": N_(
        "Without NREMT, your Massachusetts certification cannot be renewed. After an NREMT "
        "certification expires on {usual_day}, NREMT takes late reinstatement applications "
        "until {reinstatement_day}, for an extra fee; after that, follow NREMT's re-entry "
        "pathway for your level. NREMT.org has the details and fees."
    ),
    "regain_nremt_reinstatement_open": N_(
        "Without NREMT, your Massachusetts certification cannot be renewed. Your NREMT "
        "certification expired on {nremt_expiration}: NREMT takes late reinstatement "
        "applications until {reinstatement_until}, for an extra fee (the education must be "
        "done by {nremt_expiration}). After that, follow NREMT's re-entry pathway for your "
        "level. NREMT.org has the details and fees."
    ),
    "regain_nremt_reinstatement_closed": N_(
        "Without NREMT, your Massachusetts certification cannot be renewed. NREMT's late "
        "reinstatement period after {nremt_expiration} ended on {reinstatement_until}: follow "
        "NREMT's re-entry pathway for your level. NREMT.org has the details and fees."
    ),
    "contact_oems": N_("{reason_text} Ask OEMS what to do."),
}

DEADLINE_LABELS = {
    "recommended": N_("Recommended: finish the alignment"),
    "ma_expiration": N_("Massachusetts certification expires"),
    "late_submission": N_("Last day for a late alignment application"),
    "nremt_expiration": N_("NREMT certification expires"),
    "alignment_window_opens": N_("Alignment window opens"),
}

WARNING_MA_EXPIRED = N_(
    "Your Massachusetts certification expired on {ma_expiration}. You cannot staff an "
    "ambulance until it is renewed."
)
WARNING_MA_LATE_WINDOW_CLOSED = N_(
    "The late window for your Massachusetts certification closed on {late_deadline}, so "
    "regaining NREMT will not be enough to renew it. Contact OEMS about your Massachusetts "
    'certification: the mass.gov page "Reinstate your expired EMT certification" explains '
    "the way back."
)
WARNING_NREMT_PASSED = N_(
    "You entered your NREMT certification as active, but its date, {nremt_expiration}, has "
    "passed. It is treated as expired."
)
#: Said wherever a date is not the usual expiration day (the warning, the date fields).
USUAL_DATE_CHECK = N_("Certifications normally expire on {usual}: check your card.")
WARNING_UNUSUAL_DATE = {
    "ma": N_("Your Massachusetts expiration date is {day}."),
    "nremt": N_("Your NREMT expiration date is {day}."),
}
WARNING_PROJECTED = N_(
    "The published guidance describes the {cycle} cycle. This advice applies the same rules "
    "to your {ma_year} cycle: confirm the fee and dates in eLicensing."
)

URGENCY_EXPIRED = N_("Expired: you cannot staff an ambulance")
URGENCY_DUE = N_("Due {when}")
URGENCY_NOT_YET_DUE = N_("Not due yet: the window opens {window_open}")
URGENCY_REGAIN = N_("Action needed: regain NREMT first")
URGENCY_CONTACT = N_("Contact OEMS for your case")


def days_phrase(days: int) -> str:
    """How far a date is from the as-of day, in words: "in 23 days", "today", "2 days ago"."""
    if days == 0:
        return _("today")
    if days == 1:
        return _("tomorrow")
    if days == -1:
        return _("yesterday")
    if days > 0:
        return ngettext("in {days} day", "in {days} days", days).format(days=days)
    return ngettext("{days} day ago", "{days} days ago", -days).format(days=-days)


def fee_text(assessment: Assessment) -> str | None:
    """The alignment fee as money ("$62.50"), or None when there is none."""
    fee = assessment.fee
    return money(fee.amount, fee.currency) if fee is not None else None


def _optional_date(day: date | None) -> str:
    return long_date(day) if day is not None else ""


class _Values(dict[str, object]):
    """The values of one assessment's sentences, each worked out when a sentence first uses
    it (a roster of thousands says only a headline and a step title per person)."""

    def __init__(self, assessment: Assessment) -> None:
        super().__init__()
        self.assessment = assessment

    def __missing__(self, key: str) -> object:
        a = self.assessment
        situation, dates, policy = a.situation, a.dates, a.policy
        nremt = situation.nremt_expiration
        nr_year = nremt.year if nremt else situation.ma_expiration.year
        ma_year = situation.ma_expiration.year
        usual, until = policy.usual_expiration, policy.reinstatement_until
        makers: dict[str, Callable[[], object]] = {
            "ma_expiration": lambda: long_date(situation.ma_expiration),
            "nremt_expiration": lambda: _optional_date(nremt),
            "recommended": lambda: long_date(dates.recommended),
            "late_deadline": lambda: long_date(dates.late_deadline),
            "window_open": lambda: long_date(dates.window_open),
            "window_year": lambda: dates.window_open.year,
            "ma_year": lambda: ma_year,
            "nr_year": lambda: nr_year,
            "nr_plus_two": lambda: nr_year + 2,
            "gap": lambda: abs(nr_year - ma_year),
            "earliest_cycle": lambda: policy.earliest_cycle,
            "cycle": lambda: policy.cycle,
            "fee": lambda: fee_text(a) or "",
            "usual_day": lambda: month_day(usual.month, usual.day),
            "reinstatement_day": lambda: month_day(until.month, until.day),
            "reinstatement_until": lambda: _optional_date(dates.reinstatement_until),
            "reason_text": lambda: _(REASONS[a.reason]).format_map(self) if a.reason else "",
        }
        value = self[key] = makers[key]()
        return value


class Sentences:
    """The sentences of one assessment, filled with its dates and numbers."""

    def __init__(self, assessment: Assessment) -> None:
        self.assessment = assessment
        self.values = _Values(assessment)

    def fill(self, template: str) -> str:
        """``template`` in the current language, filled with this assessment's values."""
        return _(template).format_map(self.values)

    def headline(self) -> str:
        return _(HEADLINES[self.assessment.category])

    def explanation(self) -> str:
        a = self.assessment
        if a.category == "outside_guidance":
            return self.fill(REASONS[a.reason or "cycles_too_far_apart"])
        return self.fill(EXPLANATIONS[a.category])

    def step_title(self, step: Step) -> str:
        return self.fill(STEP_TITLES[step.id])

    def step_detail(self, step: Step) -> str:
        return self.fill(STEP_DETAILS[step.variant])

    def banner(self, urgency: Urgency) -> str:
        return banner_text(urgency)

    def caution(self, caution: Caution) -> str:
        return caution_text(caution, self.assessment)


def deadline_label(deadline: Deadline) -> str:
    """What a key date is: "Massachusetts certification expires"."""
    return _(DEADLINE_LABELS[deadline.kind])


def banner_text(urgency: Urgency) -> str:
    """The banner's words: "Due in 36 days", "Expired: you cannot staff an ambulance"."""
    if urgency.kind == "expired":
        return _(URGENCY_EXPIRED)
    if urgency.kind == "regain_nremt":
        return _(URGENCY_REGAIN)
    if urgency.kind == "contact_oems":
        return _(URGENCY_CONTACT)
    if urgency.kind == "not_yet_due":
        return _(URGENCY_NOT_YET_DUE).format(window_open=_optional_date(urgency.day))
    return _(URGENCY_DUE).format(when=days_phrase(urgency.days or 0))


def usual_date_check(usual: str) -> str:
    """Said wherever a date is not the usual expiration day (the warning, the date fields)."""
    return _(USUAL_DATE_CHECK).format(usual=usual)


def caution_text(caution: Caution, assessment: Assessment) -> str:
    """One warning in words."""
    day = _optional_date(caution.day)
    if caution.code == "ma_expired":
        return _(WARNING_MA_EXPIRED).format(ma_expiration=day)
    if caution.code == "ma_late_window_closed":
        return _(WARNING_MA_LATE_WINDOW_CLOSED).format(late_deadline=day)
    if caution.code == "nremt_passed":
        return _(WARNING_NREMT_PASSED).format(nremt_expiration=day)
    if caution.code == "unusual_date":
        usual = assessment.policy.usual_expiration
        which = _(WARNING_UNUSUAL_DATE[caution.certification or "ma"]).format(day=day)
        return f"{which} {usual_date_check(month_day(usual.month, usual.day))}"
    return projected_text(caution.cycle or assessment.policy.cycle, caution.year or 0)


def projected_text(cycle: int, ma_year: int) -> str:
    """The caution for advice that applies the published cycle to another one."""
    return _(WARNING_PROJECTED).format(cycle=cycle, ma_year=ma_year)
