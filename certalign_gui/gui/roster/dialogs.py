"""The roster window's questions: which file, where to save, which printer. Tests replace these.

The file dialogs are Qt's own, never the system's: a system dialog (GTK, KDE, Windows) adds
the chosen file to the desktop's recent-files list, and a roster's file name may itself name
people. Qt's own dialog keeps no such list, but when it closes it writes the folders it
visited to ``QtProject.conf``, whatever its options say; `_forget_where` sends it back to the
Documents folder and empties its history first, so what it writes tells nothing of the roster.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget

#: What "Open a roster" offers: every kind the reader takes (`roster.formats`).
ROSTER_FILTER = (
    "Roster files (*.csv *.tsv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods);;"
    "CSV and text (*.csv *.tsv *.txt);;Spreadsheets (*.xlsx *.xlsm *.xlsb *.xls *.ods);;"
    "All files (*)"
)
_OPTIONS = (
    QFileDialog.Option.DontUseNativeDialog
    | QFileDialog.Option.DontConfirmOverwrite  # we ask ourselves (take_home.ask_overwrite)
    | QFileDialog.Option.DontUseCustomDirectoryIcons
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("roster", text)


def documents_folder() -> Path:
    """Where the dialogs start: the user's Documents folder (or home)."""
    from certalign_gui.gui.wizard import take_home

    return take_home.documents_folder()


def ask_open_path(parent: QWidget, title: str, folder: Path) -> Path | None:
    """Which roster file to open; None when cancelled."""
    dialog = _file_dialog(parent, title, folder, ROSTER_FILTER)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    return _run(dialog)


def ask_save_path(parent: QWidget, title: str, suggested: Path, name_filter: str) -> Path | None:
    """Where to save a file (the caller asks before replacing one); None when cancelled."""
    dialog = _file_dialog(parent, title, suggested.parent, name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.selectFile(suggested.name)
    return _run(dialog)


def ask_print(parent: QWidget, printer: QPrinter, title: str) -> bool:
    """The print dialog (printer, copies, pages); True when the officer pressed Print."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("rosterPrintDialog")
    dialog.setWindowTitle(title)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        shiboken6.delete(dialog)


def ask_save_pdf_instead(parent: QWidget, what: str) -> bool:
    """No printer is set up: offer to save ``what`` ("the roster summary") as a PDF."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        _tr("No printer found"),
        _tr(
            "This computer has no printer set up, so {what} cannot be printed here.\n\n"
            "You can save it as a PDF file instead, then print it from another computer."
        ).format(what=what),
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    box.setObjectName("rosterNoPrinterBox")
    box.setTextFormat(Qt.TextFormat.PlainText)
    save = box.addButton(_tr("Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(save)
    try:
        box.exec()
        return box.clickedButton() is save
    finally:
        shiboken6.delete(box)


def _file_dialog(parent: QWidget, title: str, folder: Path, name_filter: str) -> QFileDialog:
    dialog = QFileDialog(parent, title, str(folder), name_filter)
    dialog.setObjectName("rosterFileDialog")
    dialog.setOptions(_OPTIONS)
    dialog.setHistory([])
    return dialog


def _run(dialog: QFileDialog) -> Path | None:
    try:
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        chosen = dialog.selectedFiles() if accepted else []
    finally:
        _forget_where(dialog)
    return Path(chosen[0]) if chosen and chosen[0] else None


def _forget_where(dialog: QFileDialog) -> None:
    """Leave nothing of where the officer went in what the dialog writes when it closes."""
    try:
        dialog.setDirectory(str(documents_folder()))
        dialog.setHistory([])
    finally:
        # Now, not whenever Python gets round to it: the settings it writes are clean now.
        shiboken6.delete(dialog)
