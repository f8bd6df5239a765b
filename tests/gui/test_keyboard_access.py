"""Keyboard-only use, labels for screen readers, plain-text labels, and large fonts."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from gui_helpers import answer, child, choose, enter_date, mouse_click, press_next
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)
from qt_support import (
    activate,
    assert_focus_on_page,
    check_window_keys,
    date_edit,
    focused,
    key,
    tab_to,
    type_date,
    wait_for_popup,
)

from certalign_gui.app import FONT_SCALE
from certalign_gui.gui.wizard.alignment_wizard import PageId

INPUTS = (QLineEdit, QRadioButton, QCheckBox)


def inputs(wizard) -> list[QWidget]:
    """Every input widget the user fills in (the date fields are line edits too)."""
    found = {w for cls in INPUTS for w in wizard.findChildren(cls)}
    return [w for w in found if w.objectName() and not w.objectName().startswith("qt_")]


def go_to(qtbot, wizard, page: PageId) -> None:
    """Answer by typing and clicking until ``page`` is shown."""
    while wizard.currentId() != page:
        if wizard.currentId() == PageId.MA:
            enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 3, 31))
        if wizard.currentId() == PageId.NREMT:
            choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
        press_next(qtbot, wizard, "click")


def test_typing_a_date_digit_by_digit(qtbot, make_wizard):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    edit = focused()
    assert edit is date_edit(wizard, "maExpirationEdit")
    for digit in "03312026":
        key(qtbot, getattr(Qt.Key, f"Key_{digit}"))
    assert edit.date() == date(2026, 3, 31)
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == "March 31, 2026"


def test_enter_is_next(qtbot, make_wizard):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    type_date(qtbot, "03/31/2025", into=date_edit(wizard, "maExpirationEdit"))
    with qtbot.waitSignal(wizard.currentIdChanged):
        key(qtbot, Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.NREMT
    assert wizard.ma_page.ma_expiration() == date(2025, 3, 31)


def test_enter_on_the_results_page_does_not_close_or_print(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    for _ in range(4):  # the headline, then the next few parts of the answer
        key(qtbot, Qt.Key.Key_Return)
        assert wizard.isVisible()
        assert wizard.currentId() == PageId.RESULTS
        assert_focus_on_page(wizard)
        key(qtbot, Qt.Key.Key_Tab)


@pytest.mark.parametrize(
    ("page", "key_name", "target"),
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
def test_alt_mnemonics_reach_each_input(qtbot, make_wizard, page, key_name, target):
    wizard = make_wizard()
    go_to(qtbot, wizard, page)
    tab_to(qtbot, wizard.button(wizard.WizardButton.BackButton))
    key(qtbot, key_name, Qt.KeyboardModifier.AltModifier)
    widget = child(wizard, QWidget, target)
    qtbot.waitUntil(widget.hasFocus)
    if isinstance(widget, QRadioButton):
        qtbot.waitUntil(widget.isChecked)  # the mnemonic clicks it (after a short animation)


def test_tab_goes_through_the_details_in_order(qtbot, make_wizard):
    wizard = make_wizard()
    go_to(qtbot, wizard, PageId.DETAILS)
    assert focused() is child(wizard, QLineEdit, "nameEdit")  # where the page starts
    order = []
    for _ in range(2):
        key(qtbot, Qt.Key.Key_Tab)
        order.append(focused().objectName())
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
        if isinstance(widget, QLineEdit):
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
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    for page in (PageId.WELCOME, PageId.MA, PageId.NREMT, PageId.DETAILS):
        if page == PageId.MA:
            enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 3, 31))
        if page == PageId.NREMT:
            choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
            choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
            # The longest state of the page: a note, a hint and a problem at once.
            enter_date(qtbot, wizard, "nremtExpirationEdit", date(2026, 6, 30))
        current = wizard.currentPage()
        QApplication.processEvents()
        qtbot.waitUntil(lambda current=current: current.layout().geometry().isValid())
        assert current.layout().minimumSize().height() <= current.height()
        assert_nothing_clipped(current)
        if page == PageId.NREMT:
            enter_date(qtbot, wizard, "nremtExpirationEdit", date(2024, 3, 31), "backspace")
        if page != PageId.DETAILS:
            press_next(qtbot, wizard, "click")


@pytest.mark.parametrize("page", [PageId.WELCOME, PageId.MA, PageId.NREMT, PageId.DETAILS])
def test_the_smallest_window_still_gives_every_control_its_room(qtbot, make_wizard, page):
    """Dragging the window's edge as far as it goes must not squash a button or a field.

    (The walk in test_hardening_gui_fuzz met this: NREMT answers 6 px tall, a click on one
    that checked it without taking the focus, and the focus gone with the date field.)
    """
    wizard = make_wizard()
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    go_to(qtbot, wizard, page)
    if page == PageId.NREMT:  # every control of the page on screen
        choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
        choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
        enter_date(qtbot, wizard, "nremtExpirationEdit", date(2024, 3, 31))
    wizard.resize(1, 1)  # the window's minimum size stops it
    QApplication.processEvents()
    squashed = [
        f"{widget.objectName()}: {widget.height()} px of {widget.minimumSizeHint().height()}"
        for widget in wizard.findChildren(QWidget)
        if isinstance(widget, (QAbstractButton, QLineEdit))
        and widget.isVisible()
        and widget.height() < widget.minimumSizeHint().height()
    ]
    assert squashed == [], f"at {wizard.width()}x{wizard.height()}: {squashed}"


# The offscreen platform cannot raise a window or grab the keyboard for a popup (a real
# display can); Qt still routes the keys to the open popup.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize("opener", ["alt_down", "f4", "button"])
def test_the_calendar_popup_opens_by_key_or_button_and_starts_the_week_on_sunday(
    qtbot, make_wizard, opener
):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    edit = focused()
    if opener == "alt_down":
        key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    elif opener == "f4":
        key(qtbot, Qt.Key.Key_F4)
    else:
        mouse_click(qtbot, child(wizard, QAbstractButton, "maExpirationEditCalendarButton"))
    popup = child(wizard, QWidget, "calendarPopup")
    wait_for_popup(qtbot, popup)
    calendar = child(popup, QCalendarWidget, "calendarWidget")
    assert calendar.firstDayOfWeek() == Qt.DayOfWeek.Sunday
    assert "Alt+Down" in edit.accessibleDescription()  # the description names a key that works
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert edit.text() == ""  # nothing chosen, nothing assumed
    if opener != "button":
        assert_focus_on_page(wizard, edit)  # back where the key was pressed


# -- Every button says its keys, and every underlined letter works. -----------------------


def test_every_page_names_its_keys_and_uses_each_letter_once(qtbot, make_wizard):
    wizard = make_wizard()
    check_window_keys(wizard, "welcome")
    for page in (PageId.MA, PageId.NREMT, PageId.DETAILS):
        go_to(qtbot, wizard, page)
        check_window_keys(wizard, page.name)
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    check_window_keys(wizard, "answer")
    for name in ("printButton", "savePdfButton", "saveIcsButton", "startOverButton"):
        assert "Alt+" in child(wizard, QAbstractButton, name).toolTip()
    assert "Ctrl+P" in child(wizard, QAbstractButton, "printButton").toolTip()
    assert "Ctrl+N" in child(wizard, QAbstractButton, "startOverButton").toolTip()


class RecordedTakeHome:
    """Take-home actions that only note which one was asked for."""

    def __init__(self) -> None:
        self.called: list[str] = []

    def print_checklist(self, *args: object, **kwargs: object) -> None:
        self.called.append("print_checklist")

    def save_pdf(self, *args: object, **kwargs: object) -> None:
        self.called.append("save_pdf")

    def save_ics(self, *args: object, **kwargs: object) -> None:
        self.called.append("save_ics")


@pytest.mark.parametrize(
    ("keys_pressed", "action"),
    [
        ((Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier), "print_checklist"),
        ((Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier), "print_checklist"),
        ((Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier), "save_pdf"),
        ((Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier), "save_ics"),
    ],
)
def test_the_answers_keys_press_their_buttons(qtbot, make_wizard, keys_pressed, action):
    recorded = RecordedTakeHome()
    called = recorded.called
    wizard = make_wizard(take_home=lambda: recorded)
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    key(qtbot, *keys_pressed)
    qtbot.waitUntil(lambda: called == [action])  # the underlined letter animates its click
    assert wizard.currentId() == PageId.RESULTS


def test_the_readme_lists_every_shortcut(make_wizard):
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    keyboard = readme[readme.index("### Keyboard") :]
    keyboard = keyboard[: keyboard.index("\n## ")]
    for keys_listed in ("Alt+P", "Ctrl+P", "Alt+D", "Alt+L", "Alt+S", "Ctrl+N", "Alt+N", "Alt+B",
                        "Alt+E", "Alt+O", "Alt+T", "Alt+Down", "F4", "Ctrl+O", "Ctrl+F", "Ctrl+W",
                        "Alt+R"):  # fmt: skip
        assert keys_listed in keyboard, keys_listed
