"""The checklist's own English sentences, in one place (the rules' sentences come with the
`Assessment`). Plain words, active voice, for a reader in a hurry.
"""

from __future__ import annotations

from datetime import date

from certalign_gui.rules.models import Assessment
from certalign_gui.rules.wording import long_date

TITLE = "OEMS and NREMT alignment checklist"
PRINTED_ON = "Printed on {day}"
ADVICE_AS_OF = "Advice as of {day}"
NAME = "Name"
MA_NUMBER = "MA certification number"
NREMT_NUMBER = "NREMT number"
STATUS = "Status on {day}:"
STEPS = "What to do"
DUE_BY = "Due by {day}"
WHERE = "Where: {label}."
FEE = "Fee: {fee}, paid in eLicensing"
KEY_DATES = "Key dates"
TIMELINE_ALT = "Timeline of the key dates"
WHO_TO_ASK = (
    "Who to ask: OEMS (certification), eLicensing support (portal; see the eLicensing page), "
    "NREMT.org (NREMT)."
)
GUIDANCE_ONLY = "This checklist is guidance, not a certification decision."
PROJECTED = (
    "The published guidance describes the {cycle} cycle; confirm the fee and dates in eLicensing."
)
CHECKED = "Rules as published by OEMS; checked {day}. Confirm at mass.gov."
#: The printed source, as the OEMS page names itself.
SOURCE_TITLE = "Massachusetts OEMS \N{EM DASH} {title}"


def printed_on(day: date) -> str:
    """The page's date line, such as "Printed on December 2, 2026": every page is dated."""
    return PRINTED_ON.format(day=long_date(day))


def advice_as_of(assessment: Assessment, printed: date) -> str:
    """ "Advice as of January 10, 2027" when the advice is for another day than the print."""
    as_of = assessment.situation.as_of
    return "" if as_of == printed else ADVICE_AS_OF.format(day=long_date(as_of))


def projected(assessment: Assessment) -> str:
    """The caution printed when the advice applies the 2025 pattern to another cycle."""
    return PROJECTED.format(cycle=assessment.policy.cycle)


def source_line(assessment: Assessment) -> str:
    """Where the rules come from: "Massachusetts OEMS — One-Year Alignment with NREMT"."""
    return "Source: " + SOURCE_TITLE.format(title=assessment.policy.title) + "."


def checked_line(assessment: Assessment) -> str:
    """When the rules were last checked against the published guidance."""
    return CHECKED.format(day=long_date(assessment.policy.last_checked))


def document_title(printed: date) -> str:
    """The PDF title: what the page is and the day it was printed (never the name)."""
    return f"{TITLE} \N{EM DASH} {printed_on(printed)}"
