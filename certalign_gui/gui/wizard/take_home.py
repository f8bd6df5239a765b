"""Print, Save as PDF and Add to calendar: the results page's three ways to take the answer home.

Imported only when one of those buttons is pressed (it pulls in QtPrintSupport, segno and
icalendar). Every question and message goes through a small module-level function, so
tests replace them and no test ever blocks on a dialog. Files are written atomically and
never overwritten without asking; a failure is one plain sentence naming the file.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QStandardPaths, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from certalign_gui.basics.file_writing import FileWriteError, atomic_write
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import MARGIN_PT, PAGE_SIZES, draw_page, pdf_bytes
from certalign_gui.checklist.ics import deadlines_ics, has_coming_reminder
from certalign_gui.checklist.page_words import document_title
from certalign_gui.gui.shell import message_boxes
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.rules import Assessment

log = logging.getLogger(__name__)

#: Where Letter is the usual paper although the locale measures in metric.
LETTER_TERRITORIES = {
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.PuertoRico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("export", text)


# -- Seams: tests replace these; each is one dialog or one fact about the machine. --------


def ask_save_path(parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
    """The file dialog; None when cancelled. We ask about overwriting ourselves."""
    chosen, _selected = QFileDialog.getSaveFileName(
        parent,
        title,
        str(suggested),
        name_filter,
        "",
        QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(chosen) if chosen else None


def ask_overwrite(parent: QWidget, path: Path) -> bool:
    """Our own "replace it?" question; the safe answer (another name) is the default."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        _tr("Replace the file?"),
        _tr("{name} already exists in {folder}.\n\nDo you want to replace it?").format(
            name=path.name, folder=path.parent
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    replace = box.addButton(_tr("Replace it"), QMessageBox.ButtonRole.DestructiveRole)
    other = box.addButton(_tr("Choose another name"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(other)
    box.setEscapeButton(other)
    box.exec()
    return box.clickedButton() is replace


def ask_save_pdf_instead(parent: QWidget) -> bool:
    """No printer is installed: offer a PDF, which can be printed from another computer."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("No printer found"),
        _tr(
            "This computer has no printer set up, so the checklist cannot be printed here.\n\n"
            "You can save it as a PDF file instead, then print it from another computer "
            "or keep it on a USB stick or your phone."
        ),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    save = box.addButton(_tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(save)
    box.exec()
    return box.clickedButton() is save


def ask_save_past_calendar(parent: QWidget) -> bool:
    """Every reminder in the calendar file would be in the past: save it all the same?"""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        _tr("These reminders are in the past"),
        _tr(
            "Every reminder in this calendar file falls on a day that has already passed, "
            "so your calendar would not remind you of anything.\n\nThe key dates are on the "
            "checklist: print it or save it as a PDF instead. Save the calendar file anyway?"
        ),
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    save = box.addButton(_tr("Save it anyway"), QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(_tr("Don't save"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is save


def inform(parent: QWidget, title: str, text: str) -> None:
    """A plain message that something worked."""
    message_boxes.inform(parent, title, text)


def report_error(parent: QWidget, title: str, text: str) -> None:
    """A plain message that something failed, and why."""
    message_boxes.critical(parent, title, text)


def available_printers() -> list[QPrinterInfo]:
    """The printers the system knows about (none on many station computers)."""
    return list(QPrinterInfo.availablePrinters())


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


def default_page_size(locale: QLocale | None = None) -> str:
    """Letter (the US default) unless the locale is one where A4 is the usual paper."""
    locale = locale or QLocale.system()
    if (
        locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
        or locale.territory() in LETTER_TERRITORIES
        or locale.territory() == QLocale.Country.AnyTerritory
    ):
        return "letter"
    return "a4"


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
) -> None:
    """Ask where, then write the one-page checklist (printed ``today``) as a PDF."""
    _save(
        parent,
        token,
        title=_tr("Save the checklist as PDF"),
        suggested=documents_folder() / default_pdf_name(today),
        name_filter=_tr("PDF files (*.pdf)"),
        suffix=".pdf",
        make=lambda: pdf_bytes(
            assessment, details, printed_on=today, page_size=default_page_size()
        ),
        done=_tr("The checklist was saved as {path}."),
    )


def save_ics(parent: QWidget, assessment: Assessment, *, today: date, token: SessionToken) -> None:
    """Ask where, then write the deadlines as a calendar file (no name, no numbers).

    A file whose every reminder is already past is saved only if the person says so.
    """
    if not has_coming_reminder(assessment, today) and not (
        ask_save_past_calendar(parent) and token.alive()
    ):
        return
    _save(
        parent,
        token,
        title=_tr("Save the key dates for your calendar"),
        suggested=documents_folder() / default_ics_name(today),
        name_filter=_tr("Calendar files (*.ics)"),
        suffix=".ics",
        make=lambda: deadlines_ics(assessment),
        done=_tr(
            "The key dates were saved as {path}.\n\nOpen that file, or import it in your "
            "calendar (Outlook, Google Calendar, your phone) to get reminders two weeks and "
            "one day before each date."
        ),
    )


def print_checklist(
    parent: QWidget,
    assessment: Assessment,
    details: Details,
    *,
    today: date,
    token: SessionToken,
) -> None:
    """Show the print preview (which has the Print button); no printer offers a PDF."""
    printers = available_printers()
    if not printers:
        if ask_save_pdf_instead(parent) and token.alive():
            save_pdf(parent, assessment, details, today=today, token=token)
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
    preview.setWindowTitle(_tr("Print the checklist"))
    preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    errors = PaintErrors(parent, token)
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

    def __init__(self, parent: QWidget, token: SessionToken) -> None:
        self._parent = parent
        self._token = token
        self._said = False

    def report(self, text: str) -> None:
        """Say ``text`` once the paint is over (and only once for this print)."""
        if self._said:
            return
        self._said = True
        QTimer.singleShot(0, lambda: self._show(text))

    def _show(self, text: str) -> None:
        if self._token.alive():
            report_error(self._parent, _tr("Could not print"), text)


def paint_checklist(
    parent: QWidget,
    printer: QPrinter,
    assessment: Assessment,
    details: Details,
    *,
    printed_on: date,
    token: SessionToken,
    errors: PaintErrors | None = None,
) -> bool:
    """Draw the page on ``printer`` (the preview, or the real printer when Print is pressed).

    After Start over or the idle reset nothing is drawn: no page with the previous
    person's answer reaches a printer.
    """
    if not token.alive():
        return False
    errors = errors or PaintErrors(parent, token)
    painter = QPainter()
    if not painter.begin(printer):
        errors.report(
            _tr("The printer could not start the page. Check that it is on, or save a PDF.")
        )
        return False
    try:
        draw_page(painter, printer, assessment, details, printed_on=printed_on)
    except Exception:
        log.exception("drawing the checklist failed")
        errors.report(_tr("Something went wrong drawing the page."))
        return False
    finally:
        painter.end()
    return True


def _save(
    parent: QWidget,
    token: SessionToken,
    *,
    title: str,
    suggested: Path,
    name_filter: str,
    suffix: str,
    make: Callable[[], bytes],
    done: str,
) -> None:
    path = _choose_path(parent, token, title, suggested, name_filter, suffix)
    if path is None or not token.alive():
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        atomic_write(path, make())
    except FileWriteError as exc:
        QGuiApplication.restoreOverrideCursor()
        if not token.alive():
            return
        report_error(
            parent,
            _tr("Could not save the file"),
            str(exc) + " " + _tr("Choose another folder, such as Documents, and try again."),
        )
        return
    except Exception:
        QGuiApplication.restoreOverrideCursor()
        # Never a crash that loses the answer: say so, keep the window, log for support.
        log.exception("making %s failed", path.name)
        if not token.alive():
            return
        report_error(
            parent,
            _tr("Could not save the file"),
            _tr("Something went wrong while making {name}. Nothing was saved.").format(
                name=path.name
            ),
        )
        return
    QGuiApplication.restoreOverrideCursor()
    if token.alive():
        inform(parent, _tr("Saved"), done.format(path=path))


def _choose_path(
    parent: QWidget,
    token: SessionToken,
    title: str,
    suggested: Path,
    name_filter: str,
    suffix: str,
) -> Path | None:
    """Ask until the user picks a new file, agrees to replace one, or cancels.

    None as soon as the session has ended (Start over, idle reset) during a question.
    """
    while token.alive():
        path = ask_save_path(parent, title, suggested, name_filter)
        if path is None or not token.alive():
            return None
        if path.suffix.lower() != suffix:
            path = path.with_name(path.name + suffix)
        if path.is_dir():
            report_error(
                parent,
                _tr("Could not save the file"),
                _tr("{path} is a folder. Type a file name, such as {name}.").format(
                    path=path, name=suggested.name
                ),
            )
            suggested = path / suggested.name
        elif not path.exists():
            return path
        elif ask_overwrite(parent, path):
            return path if token.alive() else None
        else:
            suggested = path
    return None
