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
#: The key dates table's column headers (the same words as on screen).
DATE_COLUMN = N_("Date")
WHAT_COLUMN = N_("What")
#: A QR code's alternative text: what it opens, with the address in full.
QR_ALT = N_("QR code for {label}: {url}")
#: Longest name or number printed; anything longer is cut (a typo, not a name).
MAX_DETAIL_CHARS = 60


def printed_on(day: date) -> str:
    """The page's date line, such as "Printed on December 2, 2026.": every page is dated."""
    return _(PRINTED_ON).format(day=long_date(day))


def document_title(printed: date) -> str:
    """The PDF title: what the page is and the day it was printed (never the name)."""
    return f"{_(TITLE)} \N{EM DASH} {printed_on(printed).rstrip('.')}"


def clip_detail(value: str) -> str:
    """A typed name or number as printed: on one line, and cut short past `MAX_DETAIL_CHARS`."""
    cleaned = " ".join(value.split())
    if len(cleaned) <= MAX_DETAIL_CHARS:
        return cleaned
    return cleaned[: MAX_DETAIL_CHARS - 1].rstrip() + "\N{HORIZONTAL ELLIPSIS}"
