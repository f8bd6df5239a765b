"""Print, PDF and calendar buttons: thin slots around `certalign_gui.gui.export`.

The export module (and QtPrintSupport, segno and icalendar behind it) is imported only
when a button is pressed, which keeps them out of start-up.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from certalign_gui.checklist.details import Details
from certalign_gui.rules import Assessment


def print_checklist(parent: QWidget, assessment: Assessment | None, details: Details) -> None:
    """Print the one-page checklist."""
    if assessment is not None:
        from certalign_gui.gui import export

        export.print_checklist(parent, assessment, details)


def save_pdf(parent: QWidget, assessment: Assessment | None, details: Details) -> None:
    """Save the checklist as a PDF."""
    if assessment is not None:
        from certalign_gui.gui import export

        export.save_pdf(parent, assessment, details)


def save_ics(parent: QWidget, assessment: Assessment | None) -> None:
    """Save the deadlines as a calendar file (no name, no numbers)."""
    if assessment is not None:
        from certalign_gui.gui import export

        export.save_ics(parent, assessment)
