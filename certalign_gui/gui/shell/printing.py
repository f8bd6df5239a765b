"""The system's printers and its print dialog: what printing needs of QtPrintSupport.

Start-up does without this module. The composition root (`certalign_gui.app`) loads it
when printing is first asked for and hands it to the save flow (`SaveFlow`,
`DialogQuestions`), which the wizard and the roster window both print through.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget


def available_printers() -> list[QPrinterInfo]:
    """The printers the system knows about (none on many station computers)."""
    return list(QPrinterInfo.availablePrinters())


def print_options(parent: QWidget, printer: QPrinter, title: str) -> bool:
    """The print dialog (printer, copies, pages); True when Print was pressed."""
    dialog = QPrintDialog(printer, parent)
    dialog.setObjectName("printDialog")
    dialog.setWindowTitle(title)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        shiboken6.delete(dialog)
