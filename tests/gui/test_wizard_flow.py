"""Moving through the wizard: Back keeps answers, Next waits for them, Start over wipes them.

Every date is typed into the focused widget after a real arrival, and every page change
checks where the keyboard focus landed (see qt_support).
"""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import TODAY, answer, child, choose, enter_date, mouse_click, press_next
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLabel, QLineEdit, QMessageBox
from qt_support import (
    activate,
    assert_arrival_focus,
    date_edit,
    key,
    keys,
    next_enabled,
    press_back,
    start_over,
)

from certalign_gui.gui.wizard.alignment_wizard import PageId


def to_nremt_page(qtbot, wizard, ma: date = date(2025, 3, 31)) -> None:
    """From the start to the NREMT question, typing the Massachusetts date."""
    press_next(qtbot, wizard, "enter")
    enter_date(qtbot, wizard, "maExpirationEdit", ma)
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.NREMT


def test_the_advice_date_is_today_and_the_two_expiration_dates_start_empty(qtbot, make_wizard):
    wizard = make_wizard(today=date(2025, 4, 2))
    assert date_edit(wizard, "asOfDateEdit").date() == date(2025, 4, 2)
    for name in ("maExpirationEdit", "nremtExpirationEdit"):
        edit = date_edit(wizard, name)
        assert edit.text() == ""
        assert edit.date() is None
        assert child(wizard, QLabel, f"{name}Written").isHidden()
        assert child(wizard, QLabel, f"{name}Problem").isHidden()
    press_next(qtbot, wizard, "enter")
    assert not next_enabled(wizard)  # no date is assumed


def test_advice_date_is_hidden_under_planning_ahead(qtbot, make_wizard):
    wizard = make_wizard()
    edit = date_edit(wizard, "asOfDateEdit")
    assert not edit.isVisible()
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    qtbot.waitUntil(edit.isVisible)
    assert edit.hasFocus()  # opening the panel takes the keyboard into the field
    enter_date(qtbot, wizard, "asOfDateEdit", date(2025, 6, 1))
    assert "not today" in child(wizard, QLabel, "asOfSummary").text()
    assert child(wizard, QLabel, "asOfDateEditWritten").text() == "June 1, 2025"


@pytest.mark.parametrize("name", ["asOfDateEdit", "maExpirationEdit", "nremtExpirationEdit"])
def test_each_date_field_writes_a_two_digit_year_out_in_full(qtbot, make_wizard, name):
    wizard = make_wizard()
    activate(qtbot, wizard)
    if name == "asOfDateEdit":
        mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    elif name == "maExpirationEdit":
        press_next(qtbot, wizard, "enter")
    else:
        to_nremt_page(qtbot, wizard)
        choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    edit = enter_date(qtbot, wizard, name, "4/30/29")
    assert child(wizard, QLabel, f"{name}Written").text() == "April 30, 2029"
    assert edit.placeholderText() == "MM/DD/YYYY"
    assert child(wizard, QAbstractButton, f"{name}CalendarButton").accessibleName()
    key(qtbot, Qt.Key.Key_Tab)  # leaving the field does not rewrite what was typed
    assert edit.text() == "4/30/29"


def test_a_date_that_is_not_march_31_gets_a_hint(qtbot, make_wizard):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    hint = child(wizard, QLabel, "maExpirationEditHint")
    assert hint.isHidden()
    enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 6, 30))
    assert not hint.isHidden()
    assert "March 31" in hint.text()
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == "June 30, 2025"
    assert next_enabled(wizard)  # unusual, not wrong: the rules warn about it


def test_next_waits_for_an_nremt_answer_and_an_active_ones_date(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    assert not next_enabled(wizard)
    assert "Choose one answer" in child(wizard, QLabel, "nremtNote").text()
    choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    assert not next_enabled(wizard)  # the date is empty: none is assumed
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2026, 3, 31))
    assert next_enabled(wizard)
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    assert next_enabled(wizard)


def test_expired_with_a_date_after_the_advice_date_blocks_next_with_the_reason(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
    assert next_enabled(wizard)  # the date of an expired certification is optional
    choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
    assert not next_enabled(wizard)  # ... but once promised, it is needed
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2026, 3, 31))
    assert not next_enabled(wizard)
    problem = child(wizard, QLabel, "nremtProblem")
    assert not problem.isHidden()
    # What is wrong and what to do, in a person's words (never a field name or a rule).
    assert problem.text() == (
        'You chose "I had one, but it has expired", but the date you typed, March 31, 2026, '
        "is after the advice date, January 10, 2025. If your NREMT certification is still "
        'valid, choose "Yes, it is active". If it has expired, check the date on your card.'
    )
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2024, 3, 31), how="click_ctrl_a")
    assert next_enabled(wizard)
    assert problem.isHidden()


def test_never_held_disables_the_date(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    edit = date_edit(wizard, "nremtExpirationEdit")
    choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    assert edit.isEnabled()
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    assert not edit.isEnabled()
    assert next_enabled(wizard)
    choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
    assert not edit.isEnabled()  # until "I know the date" is ticked
    choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
    assert edit.isEnabled()


def test_an_active_date_in_the_past_is_pointed_out(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2024, 3, 31))
    note = child(wizard, QLabel, "nremtNote")
    assert "treat your NREMT certification as expired" in note.text()
    assert next_enabled(wizard)


def test_back_and_next_keep_every_answer(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31), as_of=date(2025, 1, 20))
    first = wizard.assessment()
    for expected in (PageId.DETAILS, PageId.NREMT, PageId.MA, PageId.WELCOME):
        press_back(qtbot, wizard, "click")
        assert wizard.currentId() == expected
    assert date_edit(wizard, "asOfDateEdit").text() == "01/20/2025"
    assert date_edit(wizard, "maExpirationEdit").text() == "03/31/2025"
    assert child(wizard, QAbstractButton, "nremtActiveRadio").isChecked()
    assert date_edit(wizard, "nremtExpirationEdit").text() == "03/31/2026"
    for how in ("enter", "click", "space", "enter"):
        press_next(qtbot, wizard, how)
    assert wizard.assessment() == first


def test_changing_an_answer_after_going_back_changes_the_result(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    for _ in range(2):
        press_back(qtbot, wizard, "alt_b")
    assert wizard.currentId() == PageId.NREMT
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2025, 3, 31), how="click_day")
    press_next(qtbot, wizard, "enter")
    press_next(qtbot, wizard, "enter")
    assert wizard.assessment().situation.nremt_expiration == date(2025, 3, 31)
    assert wizard.assessment().category == "already_aligned"


def fill_everything(qtbot, wizard) -> None:
    """Answer every question and type every detail, then go to the results."""
    answer_until_details(qtbot, wizard)
    keys(qtbot, "Pat Example")  # the name field has the focus
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "E123456")
    key(qtbot, Qt.Key.Key_Tab)
    keys(qtbot, "E9876543")
    assert wizard.details().name == "Pat Example"
    assert wizard.details().nremt_number == "E9876543"
    press_next(qtbot, wizard, "enter")


def answer_until_details(qtbot, wizard) -> None:
    """Every question answered by typing (an advice date too); on the details page."""
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    enter_date(qtbot, wizard, "asOfDateEdit", date(2025, 2, 1))
    press_next(qtbot, wizard, "click")
    enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 3, 31))
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
    choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2024, 3, 31))
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.DETAILS


def assert_cleared(wizard, today: date) -> None:
    """Every field is back to its default; nothing typed is left, not even for Ctrl+Z.

    And the keyboard is on the first page's heading, not in a field left behind.
    """
    assert wizard.currentId() == PageId.WELCOME
    assert_arrival_focus(wizard)
    assert wizard.assessment() is None
    as_of = date_edit(wizard, "asOfDateEdit")
    assert as_of.date() == today
    assert not as_of.isVisible()
    for name in ("maExpirationEdit", "nremtExpirationEdit"):
        edit = date_edit(wizard, name)
        assert edit.text() == ""
        assert not edit.isUndoAvailable(), name
    for radio in ("nremtActiveRadio", "nremtExpiredRadio", "nremtNeverRadio"):
        assert not child(wizard, QAbstractButton, radio).isChecked()
    assert not child(wizard, QCheckBox, "nremtKnowDateCheck").isChecked()
    for name in ("nameEdit", "maNumberEdit", "nremtNumberEdit"):
        edit = child(wizard, QLineEdit, name)
        assert edit.text() == ""
        assert not edit.isUndoAvailable()  # Ctrl+Z must not bring a name back
    details = wizard.details()
    assert details.is_empty()


def test_start_over_button_clears_everything(qtbot, make_wizard):
    wizard = make_wizard()
    fill_everything(qtbot, wizard)
    start_over(qtbot, wizard, "button")
    assert_cleared(wizard, TODAY)


def test_ctrl_n_starts_over_from_any_page(qtbot, make_wizard):
    wizard = make_wizard()
    fill_everything(qtbot, wizard)
    press_back(qtbot, wizard, "click")
    start_over(qtbot, wizard, "ctrl_n")
    assert_cleared(wizard, TODAY)


def test_idle_timeout_returns_to_the_start_and_clears(qtbot, make_wizard):
    wizard = make_wizard(idle_timeout_ms=200)
    fill_everything(qtbot, wizard)
    with qtbot.waitSignal(wizard.idle_reset, timeout=5000):
        pass
    assert_cleared(wizard, TODAY)


def test_input_postpones_the_idle_reset(qtbot, make_wizard):
    wizard = make_wizard(idle_timeout_ms=60_000)
    press_next(qtbot, wizard, "enter")
    qtbot.waitUntil(lambda: wizard.idle.remaining_ms() <= 59_900)  # the clock has run
    keys(qtbot, "0")
    assert wizard.idle.remaining_ms() > 59_900
    assert wizard.currentId() == PageId.MA


@pytest.mark.parametrize("page", list(PageId))
def test_window_title_and_accessible_name_follow_the_page(qtbot, make_wizard, page):
    wizard = make_wizard()
    if page == PageId.RESULTS:
        answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    else:
        for _ in range(page):
            if wizard.currentId() == PageId.MA:
                enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 3, 31))
            if wizard.currentId() == PageId.NREMT:
                choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
            press_next(qtbot, wizard, "click")
    assert wizard.currentId() == page
    step = f"Step {page + 1} of {len(PageId)}"
    assert wizard.windowTitle().startswith(step)
    assert wizard.windowTitle().endswith("Certalign")
    assert wizard.currentPage().accessibleName().startswith(step)


def test_idle_reset_closes_dialogs_left_open(qtbot, make_wizard):
    wizard = make_wizard(idle_timeout_ms=200)
    fill_everything(qtbot, wizard)
    # A dialog opened with open() (as a print preview is), still on screen.
    box = QMessageBox(QMessageBox.Icon.Information, "Preview", "Pat Example", parent=wizard)
    box.open()
    qtbot.waitUntil(box.isVisible)
    with qtbot.waitSignal(wizard.idle_reset, timeout=5000):
        pass
    assert not box.isVisible()
    # The dialog was the active window; a window manager activates the wizard again when
    # it closes (the offscreen platform has none), and its focus is where the reset put it.
    activate(qtbot, wizard)
    assert_cleared(wizard, TODAY)


def test_escape_does_not_close_the_program(qtbot, make_wizard):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    key(qtbot, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    assert wizard.currentId() == PageId.MA


def test_an_earlier_advice_date_is_rechecked_on_the_nremt_page(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
    choose(qtbot, child(wizard, QCheckBox, "nremtKnowDateCheck"))
    enter_date(qtbot, wizard, "nremtExpirationEdit", date(2025, 1, 5))
    assert next_enabled(wizard)
    for _ in range(2):
        press_back(qtbot, wizard, "click")
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    enter_date(qtbot, wizard, "asOfDateEdit", date(2025, 1, 1))  # before the "expired" date
    press_next(qtbot, wizard, "click")
    press_next(qtbot, wizard, "enter")
    assert not next_enabled(wizard)
    assert not child(wizard, QLabel, "nremtProblem").isHidden()
