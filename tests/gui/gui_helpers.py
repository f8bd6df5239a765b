"""Helpers that drive the wizard as a person does, by keys and clicks (for the GUI tests)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QAbstractButton, QFrame, QWidget

# Re-exported: the tests import these from here.
from qt_support import TODAY as TODAY
from qt_support import activate as activate
from qt_support import child as child
from qt_support import choose as choose
from qt_support import click_next as click_next
from qt_support import enter_date as enter_date
from qt_support import mouse_click as mouse_click
from qt_support import press_next as press_next

from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId


def answer(
    qtbot,
    wizard: AlignmentWizard,
    *,
    ma: date,
    status: str = "active",
    nremt: date | None = None,
    as_of: date | None = None,
    how: str = "next",
    form: str = "MM/DD/YYYY",
    next_by: str = "enter",
) -> None:
    """From the first page to the answer: dates typed after arriving ``how``, Next by ``next_by``.

    Every page change checks where the keyboard focus landed.
    """
    assert wizard.currentId() == PageId.WELCOME
    activate(qtbot, wizard)
    if as_of is not None:
        mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
        enter_date(qtbot, wizard, "asOfDateEdit", as_of, how, form)
    press_next(qtbot, wizard, next_by)
    enter_date(qtbot, wizard, "maExpirationEdit", ma, how, form)
    press_next(qtbot, wizard, next_by)
    choose(qtbot, child(wizard, QAbstractButton, f"nremt{status.capitalize()}Radio"))
    if status == "expired" and nremt is not None:
        choose(qtbot, child(wizard, QAbstractButton, "nremtKnowDateCheck"))
    if nremt is not None:
        enter_date(qtbot, wizard, "nremtExpirationEdit", nremt, how, form)
    press_next(qtbot, wizard, next_by)
    press_next(qtbot, wizard, next_by)
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
