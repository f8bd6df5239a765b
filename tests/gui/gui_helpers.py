"""Helpers that drive the wizard by object names (imported by the GUI tests)."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QFrame, QWidget, QWizard

from certalign_gui.gui.wizard import AlignmentWizard, PageId

#: The first worked example's advice date (RULES.md).
TODAY = date(2025, 1, 10)


def child(wizard: QWizard, cls: type, name: str):
    """The wizard's child ``name``; fails clearly when it does not exist."""
    found = wizard.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def set_date(wizard: QWizard, name: str, day: date) -> None:
    """Set a date field by object name."""
    child(wizard, QDateEdit, name).setDate(QDate(day.year, day.month, day.day))


def click_next(qtbot, wizard: QWizard) -> None:
    """Press Next and wait until the next page is current."""
    before = wizard.currentId()
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(before).name}"
    with qtbot.waitSignal(wizard.currentIdChanged):
        button.click()


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
