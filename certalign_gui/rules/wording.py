"""Every English sentence the rules produce, in one place, in plain words.

Written for a reader in a hurry (about a 5th-grade reading level, active voice).
Dates are written out ("February 15, 2025"), money as "$62.50". The GUI and the
printout show these strings as they are; a translation would replace this module.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date) -> str:
    """``date(2025, 2, 15)`` -> ``"February 15, 2025"``, whatever the machine's locale."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def month_day(month: int, day: int) -> str:
    """``(3, 31)`` -> ``"March 31"``: a day of every year."""
    return f"{MONTHS[month - 1]} {day}"


def money(amount: Decimal, currency: str = "USD") -> str:
    """``Decimal("62.50")`` -> ``"$62.50"``."""
    symbol = "$" if currency == "USD" else f"{currency} "
    return f"{symbol}{amount:,.2f}"


def days_phrase(days: int) -> str:
    """How far a date is from the as-of day, in words: "in 23 days", "today", "2 days ago"."""
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if days > 0:
        return f"in {days} days"
    return f"{-days} days ago"


HEADLINES = {
    "one_year_alignment": "You need the one-year alignment",
    "alignment_not_yet_due": "Your alignment is not due yet",
    "reverse_off_cycle": "Recertify NREMT first, then align",
    "expired_nremt": "Regain your NREMT certification first",
    "already_aligned": "Your certifications are already aligned",
    "outside_guidance": "The guidance does not cover your case: contact OEMS",
}

EXPLANATIONS = {
    "one_year_alignment": (
        "Your Massachusetts date is in {ma_year} and your NREMT date is in {nr_year}. "
        "Massachusetts needs both to end in the same year, so you renew Massachusetts for "
        "one year at a prorated fee."
    ),
    "alignment_not_yet_due": (
        "Your Massachusetts certification expires in {ma_year} and your NREMT certification "
        "in {nr_year}. You will align them, but not yet: the alignment window opens "
        "{window_open}."
    ),
    "reverse_off_cycle": (
        "Your NREMT certification expires in {nr_year}, one year before your Massachusetts "
        "certification ({ma_year}). Recertify NREMT to {nr_plus_two} first. Then complete the "
        "one-year alignment in the Fall of {nr_year}."
    ),
    "expired_nremt": (
        "Your NREMT certification has expired. Massachusetts cannot renew your certification "
        "until you regain NREMT certification."
    ),
    "already_aligned": (
        "Both certifications expire in {ma_year}. No alignment is needed: renew NREMT, then "
        "renew Massachusetts in eLicensing as usual."
    ),
}

REASONS = {
    "no_nremt": (
        "You have never held NREMT certification. The alignment guidance is for people who "
        "hold both a Massachusetts and an NREMT certification."
    ),
    "ma_late_window_closed": (
        "Your Massachusetts certification expired on {ma_expiration}. The late window for "
        "the alignment closed on {late_deadline}, so the alignment guidance no longer covers "
        'your case. OEMS explains the way back on the mass.gov page "Reinstate your expired '
        'EMT certification".'
    ),
    "cycle_before_published_process": (
        "Your certifications are one year apart, but your Massachusetts certification "
        "expires in {ma_year}. The alignment application in eLicensing starts with the "
        "{earliest_cycle} cycle."
    ),
    "cycles_too_far_apart": (
        "Your Massachusetts certification expires in {ma_year} and your NREMT certification "
        "in {nr_year}, {gap} years apart. The guidance only covers cycles one year apart."
    ),
}

STEP_TITLES = {
    "update_contact_info": "Update your contact information in eLicensing",
    "submit_alignment_application": "Submit the alignment application and pay {fee}",
    "confirm_new_ma_date": "Check that your new Massachusetts date shows",
    "renew_nremt": "Renew your NREMT certification",
    "renew_ma": "Renew your Massachusetts certification",
    "recertify_nremt": "Recertify NREMT to {nr_plus_two}",
    "complete_alignment_after_nremt": "Then complete the one-year alignment",
    "wait_for_instructions": "Wait for the alignment instructions",
    "regain_nremt": "Regain your NREMT certification",
    "contact_oems": "Contact OEMS",
}

STEP_DETAILS = {
    "update_contact_info": (
        "Log in to eLicensing and check your mailing address, email and phone. OEMS emails "
        "your new card, so your email must be right."
    ),
    "submit_alignment_application": (
        "In eLicensing, submit the alignment renewal application. It finds your expiration "
        "dates and asks for the prorated fee of {fee}. There is no paper form. Finish by "
        "{recommended} so your new card arrives before your certification expires on "
        "{ma_expiration}."
    ),
    "submit_alignment_application_by_expiry": (
        "In eLicensing, submit the alignment renewal application and pay the prorated fee of "
        "{fee}. There is no paper form. Finish by {ma_expiration}, the day your card expires: "
        "after that day you cannot staff an ambulance until it is renewed."
    ),
    "submit_alignment_application_past_recommended": (
        "In eLicensing, submit the alignment renewal application and pay the prorated fee of "
        "{fee}. There is no paper form. The recommended date, {recommended}, has passed: do it "
        "now, before your certification expires on {ma_expiration}."
    ),
    "submit_alignment_application_late": (
        "Your Massachusetts certification expired on {ma_expiration}: you cannot staff an "
        "ambulance until it is renewed. You can still submit the alignment application late, "
        "in eLicensing, with the prorated fee of {fee}. The late deadline is {late_deadline}."
    ),
    "confirm_new_ma_date": (
        "You are renewed only when eLicensing, or the state's Check a Health License site, "
        "shows your new Massachusetts expiration date. A new date on NREMT.org alone does "
        "not renew Massachusetts."
    ),
    "renew_nremt": (
        "Renew on NREMT.org by {nremt_expiration}. NREMT's continuing education also meets "
        "the Massachusetts requirement."
    ),
    "renew_ma": (
        "After NREMT, submit your Massachusetts renewal in eLicensing by {ma_expiration}. "
        "After that day you cannot staff an ambulance."
    ),
    "recertify_nremt": (
        "Recertify on NREMT.org before your NREMT certification expires on "
        "{nremt_expiration}, so that it runs to {nr_plus_two}."
    ),
    "complete_alignment_after_nremt": (
        "Once NREMT runs to {nr_plus_two}, complete the one-year alignment in eLicensing in "
        "the Fall of {nr_year}. OEMS sends instructions."
    ),
    "wait_for_instructions": (
        "OEMS sends instructions over the Fall of {window_year}, before the {ma_year} renewal "
        "window. Nothing to submit yet: the window opens {window_open}."
    ),
    "regain_nremt": (
        "Without NREMT, your Massachusetts certification cannot be renewed. After an NREMT "
        "certification expires on {usual_day}, NREMT takes late reinstatement applications "
        "until {reinstatement_day}, for an extra fee; after that, follow NREMT's re-entry "
        "pathway for your level. NREMT.org has the details and fees."
    ),
    "regain_nremt_reinstatement_open": (
        "Without NREMT, your Massachusetts certification cannot be renewed. Your NREMT "
        "certification expired on {nremt_expiration}: NREMT takes late reinstatement "
        "applications until {reinstatement_until}, for an extra fee (the education must be "
        "done by {nremt_expiration}). After that, follow NREMT's re-entry pathway for your "
        "level. NREMT.org has the details and fees."
    ),
    "regain_nremt_reinstatement_closed": (
        "Without NREMT, your Massachusetts certification cannot be renewed. NREMT's late "
        "reinstatement period after {nremt_expiration} ended on {reinstatement_until}: follow "
        "NREMT's re-entry pathway for your level. NREMT.org has the details and fees."
    ),
    "contact_oems": "{reason_text} Ask OEMS what to do.",
}

DEADLINE_LABELS = {
    "recommended": "Recommended: finish the alignment",
    "ma_expiration": "Massachusetts certification expires",
    "late_submission": "Last day for a late alignment application",
    "nremt_expiration": "NREMT certification expires",
    "alignment_window_opens": "Alignment window opens",
}

WARNING_MA_EXPIRED = (
    "Your Massachusetts certification expired on {ma_expiration}. You cannot staff an "
    "ambulance until it is renewed."
)
WARNING_MA_LATE_WINDOW_CLOSED = (
    "The late window for your Massachusetts certification closed on {late_deadline}, so "
    "regaining NREMT will not be enough to renew it. Contact OEMS about your Massachusetts "
    'certification: the mass.gov page "Reinstate your expired EMT certification" explains '
    "the way back."
)
WARNING_NREMT_PASSED = (
    "You entered your NREMT certification as active, but its date, {nremt_expiration}, has "
    "passed. It is treated as expired."
)
#: Said wherever a date is not the usual expiration day (the warning, the date fields).
USUAL_DATE_CHECK = "Certifications normally expire on {usual}: check your card."
WARNING_UNUSUAL_DATE = "Your {which} expiration date is {day}. " + USUAL_DATE_CHECK
WARNING_PROJECTED = (
    "The published guidance describes the {cycle} cycle. This advice applies the same rules "
    "to your {ma_year} cycle: confirm the fee and dates in eLicensing."
)

URGENCY_EXPIRED = "Expired: you cannot staff an ambulance"
URGENCY_DUE = "Due {when}"
URGENCY_NOT_YET_DUE = "Not due yet: the window opens {window_open}"
URGENCY_REGAIN = "Action needed: regain NREMT first"
URGENCY_CONTACT = "Contact OEMS for your case"
