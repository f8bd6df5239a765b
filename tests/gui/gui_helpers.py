"""Helpers that drive the wizard by object names (imported by the GUI tests)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QAbstractButton, QFrame, QWidget

# Re-exported: the tests import these from here.
from qt_support import TODAY as TODAY
from qt_support import child as child
from qt_support import click_next as click_next
from qt_support import set_date as set_date

from certalign_gui.gui.wizard import AlignmentWizard, PageId


def answer(
    qtbot,
    wizard: AlignmentWizard,
    *,
    ma: date,
    status: str = "active",
    nremt: date | None = None,
    as_of: date | None = None,
) -> None:
    """Drive the wizard from the first page to the results, by object names."""
    assert wizard.currentId() == PageId.WELCOME
    if as_of is not None:
        child(wizard, QAbstractButton, "planningAheadToggle").click()
        set_date(wizard, "asOfDateEdit", as_of)
    click_next(qtbot, wizard)
    set_date(wizard, "maExpirationEdit", ma)
    click_next(qtbot, wizard)
    child(wizard, QAbstractButton, f"nremt{status.capitalize()}Radio").click()
    if status == "expired" and nremt is not None:
        child(wizard, QAbstractButton, "nremtKnowDateCheck").setChecked(True)
    if nremt is not None:
        set_date(wizard, "nremtExpirationEdit", nremt)
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RESULTS
    wait_for_results(qtbot, wizard)


def wait_for_results(qtbot, wizard: AlignmentWizard) -> None:
    """Wait until the results page has shown every step (new widgets show from the loop)."""
    steps = child(wizard, QWidget, "stepsList")

    def shown() -> None:
        cards = [c for c in steps.findChildren(QFrame) if c.objectName().startswith("step_")]
        assert cards
        assert all(card.isVisible() for card in cards)

    qtbot.waitUntil(shown)
