"""What the training officer takes away: the template, the summary, the checklists, the CSV.

Each one asks where (`dialogs.ask_save_path`), never replaces a file without asking
(`take_home.ask_overwrite`), makes the whole file in memory behind a progress dialog that can be
cancelled, and only then writes it, at once (`atomic_write`). Cancel, Start over or the idle
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
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog, QWidget

from certalign_gui.basics.file_writing import FileWriteError, atomic_write
from certalign_gui.gui.roster import dialogs
from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.roster.output import CancelledError, Progress

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("roster", text)


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
        self.dialog = QProgressDialog(text, _tr("Cancel"), 0, 0, parent)
        self.dialog.setObjectName("rosterProgressDialog")
        self.dialog.setWindowTitle(_tr("Working"))
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
) -> Path | None:
    """Ask where, make the file (cancellable), write it; the path written, or None."""
    from certalign_gui.gui.wizard import take_home

    path = _choose_path(parent, token, output)
    if path is None or not token.alive():
        return None
    progress = ProgressShown(parent, output.working, token)
    try:
        data = output.make(path, progress)
    except CancelledError:
        progress.close()
        if token.alive():
            say(_tr("Cancelled: nothing was saved."))
        return None
    except Exception as error:
        progress.close()
        # Not the message: it may quote a cell of the roster. The type is enough for support.
        log.error("Making %s failed (%s)", path.suffix, type(error).__name__)
        if token.alive():
            take_home.report_error(
                parent,
                _tr("Could not save the file"),
                _tr("Something went wrong while making {name}. Nothing was saved.").format(
                    name=path.name
                ),
            )
        return None
    progress.close()
    if not token.alive():
        return None
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        atomic_write(path, data)
    except FileWriteError as error:
        QGuiApplication.restoreOverrideCursor()
        take_home.report_error(
            parent,
            _tr("Could not save the file"),
            str(error) + " " + _tr("Choose another folder, such as Documents, and try again."),
        )
        return None
    QGuiApplication.restoreOverrideCursor()
    message = output.done.format(path=path)
    say(message)
    take_home.inform(parent, _tr("Saved"), message)
    return path


def _choose_path(parent: QWidget, token: SessionToken, output: Output) -> Path | None:
    """Ask until a new file is named, replacing one is agreed, or the officer cancels."""
    from certalign_gui.gui.wizard import take_home

    suggested = dialogs.documents_folder() / output.suggested
    while token.alive():
        path = dialogs.ask_save_path(parent, output.title, suggested, output.name_filter)
        if path is None or not token.alive():
            return None
        if path.suffix.casefold() not in output.suffixes:
            path = path.with_name(path.name + output.suffixes[0])
        if path.is_dir():
            take_home.report_error(
                parent,
                _tr("Could not save the file"),
                _tr("{path} is a folder. Type a file name, such as {name}.").format(
                    path=path, name=output.suggested
                ),
            )
            suggested = path / output.suggested
        elif not path.exists() and not path.is_symlink():
            return path
        elif take_home.ask_overwrite(parent, path):
            return path if token.alive() else None
        else:
            suggested = path
    return None


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
) -> bool:
    """Print one job: the print dialog, then ``prepare`` (cancellable), then ``paint``.

    With no printer installed, offers ``instead`` (saving ``what`` as a PDF). True once
    printed.
    """
    from certalign_gui.gui.wizard import take_home

    if not take_home.available_printers():
        if dialogs.ask_save_pdf_instead(parent, what) and token.alive():
            instead()
        return False
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    setup(printer)
    if not dialogs.ask_print(parent, printer, title) or not token.alive():
        return False
    progress = ProgressShown(parent, _tr("Preparing the pages…"), token)
    try:
        prepare(progress)
    except CancelledError:
        progress.close()
        if token.alive():
            say(_tr("Cancelled: nothing was printed."))
        return False
    except Exception as error:
        progress.close()
        log.error("Preparing a print failed (%s)", type(error).__name__)
        if token.alive():
            take_home.report_error(
                parent, _tr("Could not print"), _tr("Something went wrong drawing the pages.")
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
        take_home.report_error(
            parent,
            _tr("Could not print"),
            _tr("The printer could not take the pages. Check that it is on, or save a PDF."),
        )
        return False
    QGuiApplication.restoreOverrideCursor()
    say(_tr("Sent {pages} to the printer.").format(pages=_pages(pages)))
    return True


def _pages(count: int) -> str:
    return _tr("1 page") if count == 1 else _tr("{n} pages").format(n=f"{count:,}")


def announce_to(widget: QWidget) -> Callable[[str], None]:
    """A ``say`` that a screen reader hears (the window also shows it on its status line)."""
    return lambda text: accessibility.announce(widget, text)
