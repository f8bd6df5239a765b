"""Print, Save as PDF and Add to calendar: the results page's three ways to take the answer home.

Imported only when one of those buttons is pressed (it pulls in QtPrintSupport, segno and
icalendar). Every question and message goes through the `SaveFlow` the wizard was given
(`certalign_gui.gui.shell.save_flow`), the same one the roster window uses: files are
written atomically and never overwritten without asking; a failure is one plain sentence
naming the file.
"""

from __future__ import annotations

import logging
from datetime import date

from PySide6.QtCore import QMarginsF, Qt, QTimer
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import MARGIN_PT, PAGE_SIZES, draw_page, pdf_bytes
from certalign_gui.checklist.ics import deadlines_ics, has_coming_reminder
from certalign_gui.checklist.page_words import document_title
from certalign_gui.gui.shell.paper_size import default_page_size
from certalign_gui.gui.shell.save_flow import SaveFlow, SaveRequest
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Assessment

log = logging.getLogger(__name__)


# -- The three actions. --------------------------------------------------------------------


def default_pdf_name(printed_on: date) -> str:
    """``alignment-checklist-2026-12-02.pdf``: the day it was saved, so copies sort by date."""
    return f"alignment-checklist-{printed_on.isoformat()}.pdf"


def default_ics_name(saved_on: date) -> str:
    """``alignment-deadlines-2026-12-02.ics``."""
    return f"alignment-deadlines-{saved_on.isoformat()}.ics"


def save_pdf(
    parent: QWidget,
    assessment: Assessment,
    details: Details,
    *,
    today: date,
    token: SessionToken,
    flow: SaveFlow,
) -> None:
    """Ask where, then write the one-page checklist (printed ``today``) as a PDF."""
    flow.save(
        parent,
        token,
        SaveRequest(
            title=_("Save the checklist as PDF"),
            suggested=default_pdf_name(today),
            name_filter=_("PDF files") + " (*.pdf)",  # Qt reads the pattern at the end
            suffixes=(".pdf",),
            done=_("The checklist was saved as {path}."),
        ),
        lambda _path: pdf_bytes(
            assessment, details, printed_on=today, page_size=default_page_size()
        ),
    )


def save_ics(
    parent: QWidget, assessment: Assessment, *, today: date, token: SessionToken, flow: SaveFlow
) -> None:
    """Ask where, then write the deadlines as a calendar file (no name, no numbers).

    A file whose every reminder is already past is saved only if the person says so.
    """
    if not has_coming_reminder(assessment, today) and not (
        flow.questions.save_past_calendar(parent) and token.alive()
    ):
        return
    flow.save(
        parent,
        token,
        SaveRequest(
            title=_("Save the key dates for your calendar"),
            suggested=default_ics_name(today),
            name_filter=_("Calendar files") + " (*.ics)",
            suffixes=(".ics",),
            done=_(
                "The key dates were saved as {path}.\n\nOpen that file, or import it in your "
                "calendar (Outlook, Google Calendar, your phone) to get reminders two weeks and "
                "one day before each date."
            ),
        ),
        lambda _path: deadlines_ics(assessment),
    )


def print_checklist(
    parent: QWidget,
    assessment: Assessment,
    details: Details,
    *,
    today: date,
    token: SessionToken,
    flow: SaveFlow,
) -> None:
    """Show the print preview (which has the Print button); no printer offers a PDF."""
    printers = flow.printers()
    if not printers:
        if flow.questions.save_pdf_instead(parent, _("the checklist")) and token.alive():
            save_pdf(parent, assessment, details, today=today, token=token, flow=flow)
        return
    default = QPrinterInfo.defaultPrinter()
    printer = QPrinter(
        printers[0] if default.isNull() else default, QPrinter.PrinterMode.HighResolution
    )
    printer.setDocName(document_title(today))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    if not default_page_size_is_set(printer):
        printer.setPageSize(QPageSize(PAGE_SIZES[default_page_size()]))
    # Our margins unless the printer needs wider ones (then Qt keeps the printer's).
    printer.setPageMargins(
        QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT), QPageLayout.Unit.Point
    )
    preview = QPrintPreviewDialog(printer, parent)
    preview.setObjectName("printPreviewDialog")
    preview.setWindowTitle(_("Print the checklist"))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    errors = PaintErrors(parent, token, flow)
    preview.paintRequested.connect(
        lambda target: paint_checklist(
            parent, target, assessment, details, printed_on=today, token=token, errors=errors
        )
    )
    # open(), not exec(): the window stays responsive and tests can finish the dialog.
    preview.open()


def default_page_size_is_set(printer: QPrinter) -> bool:
    """True when the printer brought its own default paper (a real queue always does)."""
    info = QPrinterInfo(printer)
    return not info.isNull() and info.defaultPageSize().isValid()


class PaintErrors:
    """Reports a failure to draw the page once, after the paint: never a dialog from
    inside paint code (the preview paints again for every zoom, and a modal box there
    would stop it half-way)."""

    def __init__(self, parent: QWidget, token: SessionToken, flow: SaveFlow) -> None:
        self._parent = parent
        self._token = token
        self._flow = flow
        self._said = False

    def report(self, text: str) -> None:
        """Say ``text`` once the paint is over (and only once for this print)."""
        if self._said:
            return
        self._said = True
        QTimer.singleShot(0, lambda: self._show(text))

    def _show(self, text: str) -> None:
        if self._token.alive():
            self._flow.questions.report_error(self._parent, _("Could not print"), text)


def paint_checklist(
    parent: QWidget,
    printer: QPrinter,
    assessment: Assessment,
    details: Details,
    *,
    printed_on: date,
    token: SessionToken,
    errors: PaintErrors,
) -> bool:
    """Draw the page on ``printer`` (the preview, or the real printer when Print is pressed).

    After Start over or the idle reset nothing is drawn: no page with the previous
    person's answer reaches a printer.
    """
    if not token.alive():
        return False
    painter = QPainter()
    if not painter.begin(printer):
        errors.report(
            _("The printer could not start the page. Check that it is on, or save a PDF.")
        )
        return False
    try:
        draw_page(painter, printer, assessment, details, printed_on=printed_on)
    except Exception:
        log.exception("drawing the checklist failed")
        errors.report(_("Something went wrong drawing the page."))
        return False
    finally:
        painter.end()
    return True
