"""Checklists for everyone: one PDF, one page per person, each the page the wizard prints.

QtGui only. Each page is `certalign_gui.checklist.document.draw_page` for that person, so
the wizard's page and the roster's page can never differ. Drawn in memory; a cancelled job
leaves no file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QPainter, QPdfWriter

from certalign_gui import __version__
from certalign_gui.checklist import document
from certalign_gui.checklist.details import Details
from certalign_gui.roster.assess import Person
from certalign_gui.roster.output import Progress, save, tick
from certalign_gui.roster.pdf import check_fonts

TITLE = "OEMS and NREMT alignment checklists"
#: Pages drawn between two progress reports (a page takes about 25 ms).
PROGRESS_EVERY = 4


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
    """One checklist page per person, in the order given, as one PDF in memory.

    ``printed_on`` dates every page (the caller passes today; the advice date is each
    assessment's own).
    Raises `CancelledError` when ``progress`` returns False, `ValueError` for no people.
    """
    if not people:
        raise ValueError("there is nobody to print a checklist for")
    document.ensure_gui_application()
    check_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(document.page_layout(page_size))
    writer.setResolution(600)
    writer.setTitle(TITLE)  # no name or number in the metadata
    writer.setCreator(f"certalign {__version__}")
    total = len(people)
    tick(progress, 0, total)
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start a PDF page")
    try:
        for done, person in enumerate(people):
            if done:
                writer.newPage()
            document.draw_page(
                painter, writer, person.assessment, details_of(person), printed_on=printed_on
            )
            if (done + 1) % PROGRESS_EVERY == 0:
                tick(progress, done + 1, total)
    finally:
        painter.end()
    tick(progress, total, total)
    data = QByteArray(buffer.data()).data()
    buffer.close()
    return bytes(data)


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
