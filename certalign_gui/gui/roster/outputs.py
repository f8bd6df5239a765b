"""What the training officer takes away: the template, the summary, the checklists, the CSV.

Each one is saved through the `SaveFlow` the wizard uses too (asks where, never replaces a
file without asking, writes at once), the whole file made in memory behind a progress dialog
that can be cancelled. Cancel, Start over or the idle
reset (both end the session whose token the work holds) leave no file. Printing the summary
draws it first in memory, where it can still be cancelled: Qt's print engine on Linux
(CUPS) cannot take back pages already drawn, so only a finished summary goes to the printer.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.save_flow import SaveFlow, SaveRequest
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.presentation.catalogue import _, ngettext, number
from certalign_gui.roster.output import CancelledError, Progress

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Output:
    """One file the window makes: how it is asked for, made and announced."""

    title: str  # the save dialog's title
    suggested: str  # the file name offered
    name_filter: str
    suffixes: tuple[str, ...]  # the first is added to a name typed without one
    working: str  # what the progress dialog says
    done: str  # said once it is saved ({path})
    make: Callable[[Path, Progress], bytes]


class ProgressShown:
    """A `Progress` callback behind a window-modal progress dialog with a Cancel button.

    Returns False (stop) once Cancel is pressed, the dialog is closed (Start over closes
    every dialog), or the session has ended.
    """

    def __init__(self, parent: QWidget, text: str, token: SessionToken) -> None:
        self._token = token
        self.dialog = QProgressDialog(text, _("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("rosterProgressDialog")
        self.dialog.setWindowTitle(_("Working"))
        self.dialog.setMinimumDuration(0)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setAccessibleName(text)
        self.cancelled = False
        # open(): window-modal and not blocking; the work below runs and reports to it.
        self.dialog.open()

    def __call__(self, done: int, total: int) -> bool:
        if not self._going():
            self.cancelled = True
            return False
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))
        QApplication.processEvents()  # paints the bar, and hears Cancel
        if not self._going():
            self.cancelled = True
            return False
        return True

    def _going(self) -> bool:
        return self._token.alive() and not self.dialog.wasCanceled() and self.dialog.isVisible()

    def close(self) -> None:
        """Close and delete the dialog (now: it is not left for the next person to see)."""
        if shiboken6.isValid(self.dialog):
            self.dialog.reset()
            self.dialog.close()
            shiboken6.delete(self.dialog)


def save_output(
    parent: QWidget,
    token: SessionToken,
    output: Output,
    *,
    say: Callable[[str], None],
    flow: SaveFlow,
) -> Path | None:
    """Ask where, make the file (cancellable), write it; the path written, or None."""

    def make(path: Path) -> bytes | None:
        progress = ProgressShown(parent, output.working, token)
        try:
            return output.make(path, progress)
        except CancelledError:
            if token.alive():
                say(_("Cancelled: nothing was saved."))
            return None
        finally:
            progress.close()

    request = SaveRequest(
        title=output.title,
        suggested=output.suggested,
        name_filter=output.name_filter,
        suffixes=output.suffixes,
        done=output.done,
    )
    return flow.save(parent, token, request, make, say=say, shows_progress=True)


def print_pages(
    parent: QWidget,
    token: SessionToken,
    *,
    title: str,
    what: str,
    prepare: Callable[[Progress], object],
    paint: Callable[[QPrinter], int],
    setup: Callable[[QPrinter], None],
    instead: Callable[[], object],
    say: Callable[[str], None],
    flow: SaveFlow,
) -> bool:
    """Print one job: the print dialog, then ``prepare`` (cancellable), then ``paint``.

    With no printer installed, offers ``instead`` (saving ``what`` as a PDF). True once
    printed.
    """
    if not flow.printers():
        if flow.questions.save_pdf_instead(parent, what) and token.alive():
            instead()
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup(printer)
    if not flow.questions.print_options(parent, printer, title) or not token.alive():
        return False
    progress = ProgressShown(parent, _("Preparing the pages…"), token)
    try:
        prepare(progress)
    except CancelledError:
        progress.close()
        if token.alive():
            say(_("Cancelled: nothing was printed."))
        return False
    except Exception as error:
        progress.close()
        log.error("Preparing a print failed (%s)", type(error).__name__)
        if token.alive():
            flow.questions.report_error(
                parent, _("Could not print"), _("Something went wrong drawing the pages.")
            )
        return False
    progress.close()
    if not token.alive():
        return False
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        pages = paint(printer)
    except Exception as error:
        QGuiApplication.restoreOverrideCursor()
        log.error("Printing failed (%s)", type(error).__name__)
        flow.questions.report_error(
            parent,
            _("Could not print"),
            _("The printer could not take the pages. Check that it is on, or save a PDF."),
        )
        return False
    QGuiApplication.restoreOverrideCursor()
    say(_("Sent {pages} to the printer.").format(pages=_pages(pages)))
    return True


def _pages(count: int) -> str:
    return ngettext("{n} page", "{n} pages", count).format(n=number(count))


def announce_to(widget: QWidget) -> Callable[[str], None]:
    """A ``say`` that a screen reader hears (the window also shows it on its status line)."""
    return lambda text: accessibility.announce(widget, text)
