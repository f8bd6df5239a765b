"""Checklists for everyone: one PDF, one page per person, each the page the wizard saves.

Each page is `certalign_gui.checklist.tagged.checklist_page` for that person, typeset with
the wizard's own template in one tagged PDF/UA-1 document, so the wizard's page and the
roster's page can never differ. Made in memory; a cancelled job leaves no file.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from certalign_gui.checklist import document, tagged
from certalign_gui.checklist.details import Details
from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.roster.assess import Person
from certalign_gui.roster.output import Progress, save, tick

TITLE = N_("OEMS and NREMT alignment checklists")
#: Pages made between two progress reports.
PROGRESS_EVERY = 4
#: What the progress bar counts on while typst sets the pages (it cannot say how far it is):
#: a low estimate, so the bar does not stall at the end; measured: about 250 a second.
ESTIMATED_PAGES_PER_S = 150.0


def details_of(person: Person) -> Details:
    """What the page header shows for ``person``: name and numbers, as plain text."""
    return Details(name=person.name, ma_number=person.ma_number, nremt_number=person.nremt_number)


def checklists_pdf(
    people: Sequence[Person],
    *,
    printed_on: date,
    page_size: str = document.DEFAULT_PAGE_SIZE,
    progress: Progress | None = None,
) -> bytes:
    """One checklist page per person, in the order given, as one tagged PDF in memory.

    ``printed_on`` dates every page (the caller passes today; the advice date is each
    assessment's own). ``progress`` hears of the pages made (the first half of its total),
    then, while typst sets them, an estimate of how far it is; it may cancel at any time.
    Raises `CancelledError` when ``progress`` returns False, `ValueError` for no people.
    """
    if not people:
        raise ValueError("there is nobody to print a checklist for")
    count = len(people)
    total = 2 * count
    tick(progress, 0, total)

    def each(done: int) -> None:
        if done % PROGRESS_EVERY == 0:
            tick(progress, done, total)

    started: list[float] = []

    def wait() -> None:
        if not started:
            started.append(time.perf_counter())
        guess = int((time.perf_counter() - started[0]) * ESTIMATED_PAGES_PER_S)
        tick(progress, count + min(guess, count - 1), total)

    data = tagged.checklists_pdf(
        ((person.assessment, details_of(person)) for person in people),
        title=_(TITLE),
        printed_on=printed_on,
        page_size=page_size,
        each=each,
        wait=wait if progress is not None else None,
    )
    tick(progress, total, total)
    return data


def write_checklists_pdf(
    path: str | os.PathLike[str],
    people: Sequence[Person],
    *,
    printed_on: date,
    replace: bool = False,
    page_size: str = document.DEFAULT_PAGE_SIZE,
    progress: Progress | None = None,
) -> Path:
    """Write `checklists_pdf` to ``path`` in one step; an existing file needs ``replace``."""
    data = checklists_pdf(people, printed_on=printed_on, page_size=page_size, progress=progress)
    return save(path, data, replace=replace)
