"""The sentences that frame an answer, each written once, for the screen, the paper and the CLI.

The rules write the answer itself (headline, steps, warnings: `certalign_gui.rules.wording`);
these are the words around it. Plain words, active voice, for a reader in a hurry.
"""

from __future__ import annotations

#: Section headings, the same on every medium.
WHAT_TO_DO = "What to do"
KEY_DATES = "Key dates"
WARNINGS = "Warnings"
LINKS = "Links"

#: The step's due date, and how far away it is from the advice date.
DUE_BY = "Due by {day}"
#: Where a step is done, when it has a link.
WHERE = "Where: {label}."
#: The alignment fee, or that there is none: never "renewal is free" (the usual renewals
#: have their own fees, which this program does not quote).
FEE = "Alignment fee: {fee}, paid in eLicensing."
NO_FEE = "Alignment fee: none. Your usual renewal fees still apply."
#: Whether the person may work, in words.
CAN_STAFF = "You can staff an ambulance: yes."
CANNOT_STAFF = "You can staff an ambulance: no. Your Massachusetts card has expired."
#: The day the advice is for.
ADVICE_AS_OF = "Advice as of {day}."
#: Where the rules come from, and that this is guidance.
SOURCE = (
    "Source: Massachusetts OEMS \N{EM DASH} {title}, checked {checked}. This is guidance, "
    "not a certification decision: confirm at mass.gov."
)
#: Who to ask, on paper and in the terminal.
WHO_TO_ASK = (
    "Who to ask: OEMS (certification), eLicensing support (the portal; see the eLicensing "
    "page), NREMT.org (NREMT)."
)
#: "Why?": where a step's rule is written.
WHY_FROM = "From the {source}:"
#: The same, when the quote is from the guidance for another cycle than the person's.
WHY_FROM_OTHER_CYCLE = (
    "From the {source}, written for the {cycle} cycle (your Massachusetts date is in "
    "{ma_year}; the dates above are yours):"
)
QUOTE = "\N{LEFT DOUBLE QUOTATION MARK}{text}\N{RIGHT DOUBLE QUOTATION MARK}"
#: The note under a date field that holds another day than the usual one.
NOT_USUAL = "This is not {usual}. {check}"
