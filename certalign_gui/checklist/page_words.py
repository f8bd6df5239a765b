"""The printed page's own words: its title, its dates and the header's field names.

The answer's sentences come from `certalign_gui.presentation` (the same on screen, paper and
in the terminal); these are only what a sheet of paper needs besides them.
"""

from __future__ import annotations

from datetime import date

from certalign_gui.presentation.catalogue import N_, _, long_date

#: Messages of the one catalogue: said with `catalogue._` where they are used.
TITLE = N_("OEMS and NREMT alignment checklist")
PRINTED_ON = N_("Printed on {day}.")
NAME = N_("Name")
MA_NUMBER = N_("MA certification number")
NREMT_NUMBER = N_("NREMT number")
TIMELINE_ALT = N_("Timeline of the key dates")


def printed_on(day: date) -> str:
    """The page's date line, such as "Printed on December 2, 2026.": every page is dated."""
    return _(PRINTED_ON).format(day=long_date(day))


def document_title(printed: date) -> str:
    """The PDF title: what the page is and the day it was printed (never the name)."""
    return f"{_(TITLE)} \N{EM DASH} {printed_on(printed).rstrip('.')}"
