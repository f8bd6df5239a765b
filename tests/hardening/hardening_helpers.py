"""Driving the wizard by object names, for the hardening tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QFrame, QLineEdit, QWidget, QWizard

from certalign_gui.gui.wizard import AlignmentWizard, PageId

#: The first worked example's advice date (RULES.md).
TODAY = date(2025, 1, 10)
#: The details page's text fields.
TEXT_FIELDS = ("nameEdit", "maNumberEdit", "nremtNumberEdit")
#: A name and numbers no code, path or message would contain by chance.
SECRETS = {"nameEdit": "Zebulon Quixote", "maNumberEdit": "E7531902", "nremtNumberEdit": "NR864209"}


def child(widget: QWidget, cls: type, name: str):
    """The child ``name``; fails clearly when it does not exist."""
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def set_date(wizard: QWizard, name: str, day: date) -> None:
    """Set a date field by object name."""
    child(wizard, QDateEdit, name).setDate(QDate(day.year, day.month, day.day))


def click_next(qtbot, wizard: QWizard) -> None:
    """Press Next and wait until the next page is current."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(wizard.currentId()).name}"
    with qtbot.waitSignal(wizard.currentIdChanged):
        button.click()


def to_details_page(
    qtbot, wizard: AlignmentWizard, *, ma: date = date(2025, 3, 31), nremt: date = date(2026, 3, 31)
) -> None:
    """From the first page to the details page (an active NREMT certification)."""
    assert wizard.currentId() == PageId.WELCOME
    click_next(qtbot, wizard)
    set_date(wizard, "maExpirationEdit", ma)
    click_next(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtActiveRadio").click()
    set_date(wizard, "nremtExpirationEdit", nremt)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.DETAILS


def type_details(qtbot, wizard: AlignmentWizard, values: dict[str, str]) -> None:
    """Type each value into its field, key by key, as a person would."""
    for name, text in values.items():
        edit = child(wizard, QLineEdit, name)
        edit.setText("")
        qtbot.keyClicks(edit, text)


def wait_for_results(qtbot, wizard: AlignmentWizard) -> None:
    """Wait until the results page shows every step (new widgets show from the event loop)."""
    assert wizard.currentId() == PageId.RESULTS
    steps = child(wizard, QWidget, "stepsList")

    def shown() -> None:
        cards = [c for c in steps.findChildren(QFrame) if c.objectName().startswith("step_")]
        assert cards
        assert all(card.isVisible() for card in cards)

    qtbot.waitUntil(shown)
