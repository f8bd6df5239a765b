"""Driving the wizard as a person does (keys and clicks), for the hardening tests."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QFrame, QLineEdit, QWidget

# Re-exported: the tests import these from here.
from qt_support import TODAY as TODAY
from qt_support import child as child
from qt_support import choose as choose
from qt_support import click_next as click_next
from qt_support import enter_date as enter_date
from qt_support import key, key_sequence, keys, mouse_click, press_next

from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId

#: The details page's text fields.
TEXT_FIELDS = ("nameEdit", "maNumberEdit", "nremtNumberEdit")
#: A name and numbers no code, path or message would contain by chance.
SECRETS = {"nameEdit": "Zebulon Quixote", "maNumberEdit": "E7531902", "nremtNumberEdit": "NR864209"}


def to_details_page(
    qtbot, wizard: AlignmentWizard, *, ma: date = date(2025, 3, 31), nremt: date = date(2026, 3, 31)
) -> None:
    """From the first page to the details page (an active NREMT certification), typing."""
    assert wizard.currentId() == PageId.WELCOME
    press_next(qtbot, wizard, "enter")
    enter_date(qtbot, wizard, "maExpirationEdit", ma)
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    enter_date(qtbot, wizard, "nremtExpirationEdit", nremt)
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.DETAILS


def type_details(qtbot, wizard: AlignmentWizard, values: dict[str, str]) -> None:
    """Click into each field, empty it, and type its value key by key, as a person would."""
    for name, text in values.items():
        edit = child(wizard, QLineEdit, name)
        mouse_click(qtbot, edit)
        key_sequence(qtbot, QKeySequence.StandardKey.SelectAll)
        key(qtbot, Qt.Key.Key_Backspace)
        keys(qtbot, text)
        assert edit.text() == text[: edit.maxLength()]


def wait_for_results(qtbot, wizard: AlignmentWizard) -> None:
    """Wait until the results page shows every step (new widgets show from the event loop)."""
    assert wizard.currentId() == PageId.RESULTS
    steps = child(wizard, QWidget, "stepsList")

    def shown() -> None:
        cards = [c for c in steps.findChildren(QFrame) if c.objectName().startswith("step_")]
        assert cards
        assert all(card.isVisible() for card in cards)

    qtbot.waitUntil(shown)


#: How a secret may sit in a file: plain, or as UTF-16 (Windows tools, Qt's settings).
SECRET_ENCODINGS = ("utf-8", "utf-16-le", "utf-16-be")


def contains_secret(data: bytes, pieces: tuple[str, ...]) -> str | None:
    """The first of ``pieces`` found in ``data`` (as typed or lower case), or None."""
    for piece in pieces:
        for encoding in SECRET_ENCODINGS:
            if piece.encode(encoding) in data or piece.lower().encode(encoding) in data:
                return piece
    return None
