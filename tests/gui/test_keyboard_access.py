"""Keyboard-only use, labels for screen readers, plain-text labels, and large fonts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from gui_helpers import answer, child, click_next
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from certalign_gui.app import FONT_SCALE
from certalign_gui.gui.wizard import PageId

INPUTS = (QDateEdit, QLineEdit, QRadioButton, QCheckBox)


def inputs(wizard) -> list[QWidget]:
    """Every input widget the user fills in (not the date edits' inner line edits)."""
    found = [w for cls in INPUTS for w in wizard.findChildren(cls)]
    return [w for w in found if w.objectName() and not w.objectName().startswith("qt_")]


def focus(qtbot, widget: QWidget) -> None:
    """Give ``widget`` the keyboard focus as Tab would, in an active window."""
    window = widget.window()
    with qtbot.waitActive(window):
        window.activateWindow()
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def test_typing_a_date_section_by_section(qtbot, make_wizard):
    wizard = make_wizard()
    click_next(qtbot, wizard)
    edit = child(wizard, QDateEdit, "maExpirationEdit")
    focus(qtbot, edit)  # Tab selects the month
    # Month, day, year: each section moves on by itself once it is full.
    for digit in "03312026":
        qtbot.keyClick(edit, getattr(Qt.Key, f"Key_{digit}"))
    assert edit.date() == QDate(2026, 3, 31)
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == "March 31, 2026"


def test_enter_is_next(qtbot, make_wizard):
    wizard = make_wizard()
    click_next(qtbot, wizard)
    edit = child(wizard, QDateEdit, "maExpirationEdit")
    focus(qtbot, edit)
    with qtbot.waitSignal(wizard.currentIdChanged):
        qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.NREMT


def test_enter_on_the_results_page_does_not_close_or_print(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    focus(qtbot, child(wizard, QWidget, "resultsScroll"))
    qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Return)
    assert wizard.isVisible()
    assert wizard.currentId() == PageId.RESULTS


@pytest.mark.parametrize(
    ("page", "key", "target"),
    [
        (PageId.MA, Qt.Key.Key_M, "maExpirationEdit"),
        (PageId.NREMT, Qt.Key.Key_A, "nremtActiveRadio"),
        (PageId.NREMT, Qt.Key.Key_E, "nremtExpiredRadio"),
        (PageId.NREMT, Qt.Key.Key_V, "nremtNeverRadio"),
        (PageId.DETAILS, Qt.Key.Key_M, "nameEdit"),
        (PageId.DETAILS, Qt.Key.Key_C, "maNumberEdit"),
        (PageId.DETAILS, Qt.Key.Key_R, "nremtNumberEdit"),
    ],
)
def test_alt_mnemonics_reach_each_input(qtbot, make_wizard, page, key, target):
    wizard = make_wizard()
    while wizard.currentId() != page:
        if wizard.currentId() == PageId.NREMT:
            child(wizard, QAbstractButton, "nremtNeverRadio").click()
        click_next(qtbot, wizard)
    focus(qtbot, wizard.button(wizard.WizardButton.BackButton))
    qtbot.keyClick(wizard.focusWidget(), key, Qt.KeyboardModifier.AltModifier)
    widget = child(wizard, QWidget, target)
    qtbot.waitUntil(widget.hasFocus)
    if isinstance(widget, QRadioButton):
        qtbot.waitUntil(widget.isChecked)  # the mnemonic clicks it (after a short animation)


def test_tab_goes_through_the_details_in_order(qtbot, make_wizard):
    wizard = make_wizard()
    child(wizard, QAbstractButton, "planningAheadToggle")
    for _ in range(2):
        click_next(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtNeverRadio").click()
    click_next(qtbot, wizard)
    name = child(wizard, QLineEdit, "nameEdit")
    focus(qtbot, name)
    order = []
    for _ in range(2):
        qtbot.keyClick(wizard.focusWidget(), Qt.Key.Key_Tab)
        order.append(wizard.focusWidget().objectName())
    assert order == ["maNumberEdit", "nremtNumberEdit"]


def test_every_input_has_an_accessible_name_and_description(make_wizard):
    wizard = make_wizard()
    found = inputs(wizard)
    assert {w.objectName() for w in found} >= {
        "asOfDateEdit",
        "maExpirationEdit",
        "nremtActiveRadio",
        "nremtExpiredRadio",
        "nremtNeverRadio",
        "nremtKnowDateCheck",
        "nremtExpirationEdit",
        "nameEdit",
        "maNumberEdit",
        "nremtNumberEdit",
    }
    for widget in found:
        assert widget.accessibleName(), widget.objectName()
        assert widget.accessibleDescription(), widget.objectName()


def test_every_text_field_has_a_buddy_label_with_a_mnemonic(make_wizard):
    wizard = make_wizard()
    buddies = {label.buddy(): label for label in wizard.findChildren(QLabel) if label.buddy()}
    for widget in inputs(wizard):
        if isinstance(widget, (QDateEdit, QLineEdit)):
            assert widget in buddies, widget.objectName()
            assert "&" in buddies[widget].text()
        else:  # radio buttons and check boxes carry their own label and mnemonic
            assert "&" in widget.text()


def test_labels_never_render_html(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    labels = [label for label in wizard.findChildren(QLabel) if label.text()]
    assert labels
    for label in labels:
        assert label.textFormat() == Qt.TextFormat.PlainText, label.text()


@pytest.fixture
def large_font(qapp) -> Iterator[float]:
    """A system font 1.5 times the default, then enlarged as `certalign-gui` does."""
    original = QFont(qapp.font())
    large = QFont(original)
    large.setPointSizeF(original.pointSizeF() * 1.5 * FONT_SCALE)
    qapp.setFont(large)
    yield large.pointSizeF()
    qapp.setFont(original)


def assert_nothing_clipped(page: QWidget) -> None:
    """Every visible label on ``page`` has at least the room its text needs."""
    for label in page.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert label.height() >= needed, f"{label.text()!r}: {label.height()} < {needed}"
        if not label.wordWrap():
            assert label.width() >= label.sizeHint().width(), label.text()
        bottom = label.mapTo(page, label.rect().bottomLeft()).y()
        assert bottom <= page.height(), f"{label.text()!r} runs off the page"


@pytest.mark.parametrize("font_scale", [1.0, 1.5])
def test_question_pages_fit_1024x768_without_clipping(qtbot, make_wizard, request, font_scale):
    if font_scale != 1.0:
        request.getfixturevalue("large_font")
    wizard = make_wizard()
    wizard.resize(1024, 768)
    qtbot.waitUntil(lambda: wizard.width() == 1024)
    assert wizard.minimumSizeHint().height() <= 768
    child(wizard, QAbstractButton, "planningAheadToggle").click()
    for page in (PageId.WELCOME, PageId.MA, PageId.NREMT, PageId.DETAILS):
        if page == PageId.NREMT:
            child(wizard, QAbstractButton, "nremtExpiredRadio").click()
            child(wizard, QCheckBox, "nremtKnowDateCheck").setChecked(True)
            # The longest state of the page: a note, a hint and a problem at once.
            child(wizard, QDateEdit, "nremtExpirationEdit").setDate(QDate(2026, 6, 30))
        current = wizard.currentPage()
        QApplication.processEvents()
        qtbot.waitUntil(lambda current=current: current.layout().geometry().isValid())
        assert current.layout().minimumSize().height() <= current.height()
        assert_nothing_clipped(current)
        if page == PageId.NREMT:
            child(wizard, QDateEdit, "nremtExpirationEdit").setDate(QDate(2024, 3, 31))
        if page != PageId.DETAILS:
            click_next(qtbot, wizard)


def test_the_calendar_popup_starts_the_week_on_sunday(make_wizard):
    wizard = make_wizard()
    edit = child(wizard, QDateEdit, "maExpirationEdit")
    # The calendar is built only when it is first needed; it must still start on Sunday.
    assert edit.calendarWidget().firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert edit.displayFormat() == "MM/dd/yyyy"
