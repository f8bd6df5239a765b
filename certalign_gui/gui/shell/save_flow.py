"""Saving a file, the one way the wizard and the roster window both use.

Choose a path (Qt's own dialog, which keeps no recent-files list), ask before replacing
anything that is there (a dangling link included), make the bytes, write them at once
(`atomic_write`), and say what happened in one plain sentence naming the file.

Every question to the person goes through a `Questions` object: the program passes
`DialogQuestions` (real dialogs), tests pass a scripted stand-in. The two facts about the
machine the flow needs (where Documents is, which printers there are) are given to it too,
and so is printing (`Printing`), whose QtPrintSupport start-up does without.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import shiboken6
from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

from certalign_gui.basics.file_writing import FileWriteError, atomic_write
from certalign_gui.gui.shell import message_boxes
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.presentation.catalogue import _
from certalign_gui.presentation.file_words import file_write_sentence

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

log = logging.getLogger(__name__)


class Questions(Protocol):
    """What saving asks the person, and what it tells them: one method per dialog."""

    def save_path(
        self, parent: QWidget, title: str, suggested: Path, name_filter: str
    ) -> Path | None:
        """Where to save; None when cancelled (the flow asks about replacing itself)."""
        ...

    def open_path(self, parent: QWidget, title: str, folder: Path, name_filter: str) -> Path | None:
        """Which file to open; None when cancelled."""
        ...

    def overwrite(self, parent: QWidget, path: Path) -> bool:
        """``path`` is already there: replace it?"""
        ...

    def save_pdf_instead(self, parent: QWidget, what: str) -> bool:
        """No printer is set up: save ``what`` ("the checklist") as a PDF instead?"""
        ...

    def print_options(self, parent: QWidget, printer: QPrinter, title: str) -> bool:
        """The print dialog (printer, copies, pages); True when Print was pressed."""
        ...

    def save_past_calendar(self, parent: QWidget) -> bool:
        """Every reminder in the calendar file is past: save it all the same?"""
        ...

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        """Something worked."""
        ...

    def report_error(self, parent: QWidget, title: str, text: str) -> None:
        """Something failed, and why."""
        ...


def documents_folder() -> Path:
    """The user's Documents folder, or the home folder when there is none."""
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    folder = Path(documents) if documents else Path.home()
    return folder if folder.is_dir() else Path.home()


class Printing(Protocol):
    """The system's printers and print dialog: `certalign_gui.gui.shell.printing` is one."""

    def available_printers(self) -> Sequence[QPrinterInfo]: ...

    def print_options(self, parent: QWidget, printer: QPrinter, title: str) -> bool: ...


#: Gives `Printing` when printing is first asked for: the composition root
#: (`certalign_gui.app`) makes one that loads QtPrintSupport only then.
PrintingProvider = Callable[[], Printing]


@dataclass(frozen=True)
class SaveRequest:
    """One file to save: how it is asked for and announced."""

    title: str  # the save dialog's title
    suggested: str  # the file name offered, in the Documents folder
    name_filter: str
    suffixes: tuple[str, ...]  # the first is added to a name typed without one
    done: str  # said once it is saved; ``{path}`` is the file


class SaveFlow:
    """Choose a path, confirm a replacement, write atomically, report."""

    def __init__(
        self,
        questions: Questions,
        *,
        printers: Callable[[], Sequence[QPrinterInfo]],
        documents: Callable[[], Path] = documents_folder,
    ) -> None:
        self.questions = questions
        self.documents = documents
        self.printers = printers

    def choose_path(
        self, parent: QWidget, token: SessionToken, request: SaveRequest
    ) -> Path | None:
        """Ask until a new file is named, replacing one is agreed, or the person cancels.

        None as soon as the session has ended (Start over, idle reset) during a question.
        """
        suggested = self.documents() / request.suggested
        while token.alive():
            path = self.questions.save_path(parent, request.title, suggested, request.name_filter)
            if path is None or not token.alive():
                return None
            if path.suffix.casefold() not in request.suffixes:
                path = path.with_name(path.name + request.suffixes[0])
            if path.is_dir():
                self.questions.report_error(
                    parent,
                    _("Could not save the file"),
                    _("{path} is a folder. Type a file name, such as {name}.").format(
                        path=path, name=request.suggested
                    ),
                )
                suggested = path / request.suggested
            elif not path.exists() and not path.is_symlink():
                return path
            elif self.questions.overwrite(parent, path):
                return path if token.alive() else None
            else:
                suggested = path
        return None

    def save(
        self,
        parent: QWidget,
        token: SessionToken,
        request: SaveRequest,
        make: Callable[[Path], bytes | None],
        *,
        say: Callable[[str], None] | None = None,
        shows_progress: bool = False,
    ) -> Path | None:
        """Ask where, make the bytes, write them; the path written, or None.

        ``make`` returns None when the person cancelled it (a progress dialog's Cancel): then
        nothing is written and nothing more is said. ``say`` also hears the sentence shown
        at the end (the roster window puts it on its status line for a screen reader). A
        ``make`` that ``shows_progress`` (with a Cancel button) runs without the busy cursor.
        """
        path = self.choose_path(parent, token, request)
        if path is None or not token.alive():
            return None
        problem = self._make_and_write(path, make, busy=not shows_progress)
        if not token.alive():
            return None
        if problem is not None:
            if problem:
                self.questions.report_error(parent, _("Could not save the file"), problem)
            return None
        message = request.done.format(path=path)
        if say is not None:
            say(message)
        self.questions.inform(parent, _("Saved"), message)
        return path

    @staticmethod
    def _make_and_write(
        path: Path, make: Callable[[Path], bytes | None], *, busy: bool
    ) -> str | None:
        """None once written; "" when ``make`` was cancelled; else what went wrong."""
        cursor = False
        try:
            if busy:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                cursor = True
            data = make(path)
            if data is None:
                return ""
            if not cursor:
                QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
                cursor = True
            atomic_write(path, data)
        except FileWriteError as error:
            return (
                file_write_sentence(error)
                + " "
                + _("Choose another folder, such as Documents, and try again.")
            )
        except Exception as error:
            # Never a crash that loses the answer: say so and keep the window. Not the
            # error's message in the log: it may quote a name or a roster's cell.
            log.error("Making %s failed (%s)", path.suffix, type(error).__name__)
            return _("Something went wrong while making {name}. Nothing was saved.").format(
                name=path.name
            )
        finally:
            if cursor:
                QGuiApplication.restoreOverrideCursor()
        return None


# -- The real dialogs. ----------------------------------------------------------------------


class DialogQuestions:
    """The `Questions` a person answers: Qt's dialogs and message boxes.

    The file dialogs are Qt's own, never the system's: a system dialog (GTK, KDE, Windows)
    adds the chosen file to the desktop's recent-files list, and a file name may itself
    name people. Qt's own dialog keeps no such list, but when it closes it writes the
    folders it visited to ``QtProject.conf`` whatever its options say; `_forget_where`
    sends it back to Documents and empties its history first, so it tells nothing.
    """

    def __init__(
        self, documents: Callable[[], Path] = documents_folder, *, printing: PrintingProvider
    ) -> None:
        self._documents = documents
        self._printing = printing

    def save_path(
        self, parent: QWidget, title: str, suggested: Path, name_filter: str
    ) -> Path | None:
        dialog = self._file_dialog(parent, title, suggested.parent, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        dialog.selectFile(suggested.name)
        return self._run(dialog)

    def open_path(self, parent: QWidget, title: str, folder: Path, name_filter: str) -> Path | None:
        dialog = self._file_dialog(parent, title, folder, name_filter)
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return self._run(dialog)

    def overwrite(self, parent: QWidget, path: Path) -> bool:
        return self._ask(
            parent,
            QMessageBox.Icon.Question,
            _("Replace the file?"),
            _("{name} already exists in {folder}.\n\nDo you want to replace it?").format(
                name=path.name, folder=path.parent
            ),
            (_("Replace it"), QMessageBox.ButtonRole.DestructiveRole),
            _("Choose another name"),
            safe_default=True,  # another name
        )

    def save_pdf_instead(self, parent: QWidget, what: str) -> bool:
        return self._ask(
            parent,
            QMessageBox.Icon.Information,
            _("No printer found"),
            _(
                "This computer has no printer set up, so {what} cannot be printed here.\n\n"
                "You can save it as a PDF file instead, then print it from another computer "
                "or keep it on a USB stick or your phone."
            ).format(what=what),
            (_("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole),
            _("Cancel"),
            safe_default=False,  # the PDF: nothing is lost by making one
            name="noPrinterBox",
        )

    def print_options(self, parent: QWidget, printer: QPrinter, title: str) -> bool:
        return self._printing().print_options(parent, printer, title)

    def save_past_calendar(self, parent: QWidget) -> bool:
        return self._ask(
            parent,
            QMessageBox.Icon.Warning,
            _("These reminders are in the past"),
            _(
                "Every reminder in this calendar file falls on a day that has already passed, "
                "so your calendar would not remind you of anything.\n\nThe key dates are on the "
                "checklist: print it or save it as a PDF instead. Save the calendar file anyway?"
            ),
            (_("Save it anyway"), QMessageBox.ButtonRole.AcceptRole),
            _("Don't save"),
            safe_default=True,  # don't save
        )

    def _ask(
        self,
        parent: QWidget,
        icon: QMessageBox.Icon,
        title: str,
        text: str,
        yes: tuple[str, QMessageBox.ButtonRole],
        no: str,
        *,
        safe_default: bool,
        name: str = "",
    ) -> bool:
        """A yes-or-no question in plain text; Escape is always "no"; True for "yes"."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
        if name:
            box.setObjectName(name)
        box.setTextFormat(Qt.TextFormat.PlainText)
        agree = box.addButton(*yes)
        refuse = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(refuse if safe_default else agree)
        box.setEscapeButton(refuse)
        return self._exec(box) is agree

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        message_boxes.inform(parent, title, text)

    def report_error(self, parent: QWidget, title: str, text: str) -> None:
        message_boxes.critical(parent, title, text)

    @staticmethod
    def _exec(box: QMessageBox) -> object:
        try:
            box.exec()
            return box.clickedButton()
        finally:
            # Now: Start over closes every dialog, and a box left for the garbage collector
            # could still be found by the next person's session.
            shiboken6.delete(box)

    def _file_dialog(
        self, parent: QWidget, title: str, folder: Path, name_filter: str
    ) -> QFileDialog:
        dialog = QFileDialog(parent, title, str(folder), name_filter)
        dialog.setObjectName("fileDialog")
        dialog.setOptions(
            QFileDialog.Option.DontUseNativeDialog
            | QFileDialog.Option.DontConfirmOverwrite  # the flow asks itself (`overwrite`)
            | QFileDialog.Option.DontUseCustomDirectoryIcons
        )
        dialog.setHistory([])
        return dialog

    def _run(self, dialog: QFileDialog) -> Path | None:
        try:
            accepted = dialog.exec() == QDialog.DialogCode.Accepted
            chosen = dialog.selectedFiles() if accepted else []
        finally:
            self._forget_where(dialog)
        return Path(chosen[0]) if chosen and chosen[0] else None

    def _forget_where(self, dialog: QFileDialog) -> None:
        """Leave nothing of where the person went in what the dialog writes when it closes."""
        try:
            dialog.setDirectory(str(self._documents()))
            dialog.setHistory([])
        finally:
            shiboken6.delete(dialog)
