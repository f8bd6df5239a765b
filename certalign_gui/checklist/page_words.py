"""The printed page's own words: its title, its dates and the header's field names.

The answer's sentences come from `certalign_gui.presentation` (the same on screen, paper and
in the terminal); these are only what a sheet of paper needs besides them.
"""

from __future__ import annotations

from datetime import date

from certalign_gui.presentation.catalogue import long_date

TITLE = "OEMS and NREMT alignment checklist"
PRINTED_ON = "Printed on {day}."
NAME = "Name"
MA_NUMBER = "MA certification number"
NREMT_NUMBER = "NREMT number"
TIMELINE_ALT = "Timeline of the key dates"


def printed_on(day: date) -> str:
    """The page's date line, such as "Printed on December 2, 2026.": every page is dated."""
    return PRINTED_ON.format(day=long_date(day))


def document_title(printed: date) -> str:
    """The PDF title: what the page is and the day it was printed (never the name)."""
    return f"{TITLE} \N{EM DASH} {printed_on(printed).rstrip('.')}"
