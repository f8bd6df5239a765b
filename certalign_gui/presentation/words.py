"""The sentences that frame an answer, each written once, for the screen, the paper and the CLI.

The answer itself (headline, steps, warnings) is `certalign_gui.presentation.sentences`;
these are the words around it. Plain words, active voice, for a reader in a hurry. Each is a
message of the one catalogue: marked here with `N_`, said with `catalogue._` where it is used.
"""

from __future__ import annotations

from certalign_gui.presentation.catalogue import N_

#: Section headings, the same on every medium.
WHAT_TO_DO = N_("What to do")
KEY_DATES = N_("Key dates")
WARNINGS = N_("Warnings")
LINKS = N_("Links")

#: The step's due date, and how far away it is from the advice date.
DUE_BY = N_("Due by {day}")
#: Where a step is done, when it has a link.
WHERE = N_("Where: {label}.")
#: The alignment fee, or that there is none: never "renewal is free" (the usual renewals
#: have their own fees, which this program does not quote).
FEE = N_("Alignment fee: {fee}, paid in eLicensing.")
NO_FEE = N_("Alignment fee: none. Your usual renewal fees still apply.")
#: Whether the person may work, in words.
CAN_STAFF = N_("You can staff an ambulance: yes.")
CANNOT_STAFF = N_("You can staff an ambulance: no. Your Massachusetts card has expired.")
#: The day the advice is for.
ADVICE_AS_OF = N_("Advice as of {day}.")
#: Where the rules come from, and that this is guidance.
SOURCE = N_(
    "Source: Massachusetts OEMS \N{EM DASH} {title}, checked {checked}. This is guidance, "
    "not a certification decision: confirm at mass.gov."
)
#: Who to ask, on paper and in the terminal.
WHO_TO_ASK = N_(
    "Who to ask: OEMS (certification), eLicensing support (the portal; see the eLicensing "
    "page), NREMT.org (NREMT)."
)
#: "Why?": where a step's rule is written.
WHY_FROM = N_("From the {source}:")
#: The same, when the quote is from the guidance for another cycle than the person's.
WHY_FROM_OTHER_CYCLE = N_(
    "From the {source}, written for the {cycle} cycle (your Massachusetts date is in "
    "{ma_year}; the dates above are yours):"
)
#: A quotation: the marks are the language's.
QUOTE = N_("\N{LEFT DOUBLE QUOTATION MARK}{text}\N{RIGHT DOUBLE QUOTATION MARK}")
#: The note under a date field that holds another day than the usual one.
NOT_USUAL = N_("This is not {usual}. {check}")
