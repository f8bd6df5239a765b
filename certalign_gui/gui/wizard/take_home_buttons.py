"""Print, PDF and calendar buttons: thin slots around `certalign_gui.gui.wizard.take_home`.

The export module (and QtPrintSupport, segno and icalendar behind it) is imported only
when a button is pressed, which keeps them out of start-up. Each action takes the day
(the printout's date) and a token of the person's session, which Start over ends.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.shell.session import SessionToken
from certalign_gui.rules import Assessment


def print_checklist(
    parent: QWidget,
    assessment: Assessment | None,
    details: Details,
    *,
    today: date,
    token: SessionToken,
    flow: SaveFlow,
) -> None:
    """Print the one-page checklist."""
    if assessment is not None:
        from certalign_gui.gui.wizard import take_home

        take_home.print_checklist(parent, assessment, details, today=today, token=token, flow=flow)


def save_pdf(
    parent: QWidget,
    assessment: Assessment | None,
    details: Details,
    *,
    today: date,
    token: SessionToken,
    flow: SaveFlow,
) -> None:
    """Save the checklist as a PDF."""
    if assessment is not None:
        from certalign_gui.gui.wizard import take_home

        take_home.save_pdf(parent, assessment, details, today=today, token=token, flow=flow)


def save_ics(
    parent: QWidget,
    assessment: Assessment | None,
    *,
    today: date,
    token: SessionToken,
    flow: SaveFlow,
) -> None:
    """Save the deadlines as a calendar file (no name, no numbers)."""
    if assessment is not None:
        from certalign_gui.gui.wizard import take_home

        take_home.save_ics(parent, assessment, today=today, token=token, flow=flow)
