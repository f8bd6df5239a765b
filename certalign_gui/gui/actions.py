"""Print, PDF and calendar buttons: thin slots around `certalign_gui.gui.export`.

The export module (and QtPrintSupport, segno and icalendar behind it) is imported only
when a button is pressed, which keeps them out of start-up.
"""

from __future__ import annotations

from types import ModuleType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from certalign_gui.checklist.details import Details
from certalign_gui.gui import dialogs
from certalign_gui.rules import Assessment

_EXPORT = "certalign_gui.gui.export"


def _export(parent: QWidget) -> ModuleType | None:
    """The export module, or None (after telling the user) when this build has none."""
    try:
        from certalign_gui.gui import export
    except ModuleNotFoundError as exc:
        if exc.name != _EXPORT:
            raise
        dialogs.inform(
            parent,
            QCoreApplication.translate("actions", "Printing"),
            QCoreApplication.translate("actions", "Printing is not available in this version."),
        )
        return None
    return export


def print_checklist(parent: QWidget, assessment: Assessment | None, details: Details) -> None:
    """Print the one-page checklist."""
    if assessment is not None and (export := _export(parent)) is not None:
        export.print_checklist(parent, assessment, details)


def save_pdf(parent: QWidget, assessment: Assessment | None, details: Details) -> None:
    """Save the checklist as a PDF."""
    if assessment is not None and (export := _export(parent)) is not None:
        export.save_pdf(parent, assessment, details)


def save_ics(parent: QWidget, assessment: Assessment | None) -> None:
    """Save the deadlines as a calendar file (no name, no numbers)."""
    if assessment is not None and (export := _export(parent)) is not None:
        export.save_ics(parent, assessment)
