"""Moving through the wizard: Back keeps answers, Next waits for them, Start over wipes them."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import TODAY, answer, child, click_next, set_date
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWizard,
)

from certalign_gui.gui.wizard import PageId


def next_enabled(wizard: QWizard) -> bool:
    """Whether Next can be pressed now."""
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def to_nremt_page(qtbot, wizard, ma: date = date(2025, 3, 31)) -> None:
    """From the start to the NREMT question."""
    click_next(qtbot, wizard)
    set_date(wizard, "maExpirationEdit", ma)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.NREMT


def test_defaults_are_today_and_the_coming_march_31(make_wizard):
    wizard = make_wizard(today=date(2025, 4, 2))
    assert child(wizard, QDateEdit, "asOfDateEdit").date() == QDate(2025, 4, 2)
    assert child(wizard, QDateEdit, "maExpirationEdit").date() == QDate(2026, 3, 31)
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == "March 31, 2026"


def test_march_31_itself_is_the_coming_march_31(make_wizard):
    wizard = make_wizard(today=date(2025, 3, 31))
    assert child(wizard, QDateEdit, "maExpirationEdit").date() == QDate(2025, 3, 31)


def test_advice_date_is_hidden_under_planning_ahead(qtbot, make_wizard):
    wizard = make_wizard()
    edit = child(wizard, QDateEdit, "asOfDateEdit")
    assert not edit.isVisible()
    child(wizard, QAbstractButton, "planningAheadToggle").click()
    qtbot.waitUntil(edit.isVisible)
    edit.setDate(QDate(2025, 6, 1))
    assert "not today" in child(wizard, QLabel, "asOfSummary").text()


def test_date_fields_show_four_digit_years_and_a_calendar(make_wizard):
    wizard = make_wizard()
    for name in ("asOfDateEdit", "maExpirationEdit", "nremtExpirationEdit"):
        edit = child(wizard, QDateEdit, name)
        assert edit.calendarPopup()
        assert edit.displayFormat() == "MM/dd/yyyy"


def test_a_date_that_is_not_march_31_gets_a_hint(qtbot, make_wizard):
    wizard = make_wizard()
    click_next(qtbot, wizard)
    hint = child(wizard, QLabel, "maExpirationEditHint")
    assert hint.isHidden()
    set_date(wizard, "maExpirationEdit", date(2025, 6, 30))
    assert not hint.isHidden()
    assert "March 31" in hint.text()
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == "June 30, 2025"
    assert next_enabled(wizard)  # unusual, not wrong: the rules warn about it


def test_next_waits_for_an_nremt_answer(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    assert not next_enabled(wizard)
    assert "Choose one answer" in child(wizard, QLabel, "nremtNote").text()
    child(wizard, QAbstractButton, "nremtActiveRadio").click()
    assert next_enabled(wizard)


def test_expired_with_a_date_after_the_advice_date_blocks_next_with_the_reason(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtExpiredRadio").click()
    assert next_enabled(wizard)  # the date of an expired certification is optional
    child(wizard, QCheckBox, "nremtKnowDateCheck").setChecked(True)
    set_date(wizard, "nremtExpirationEdit", date(2026, 3, 31))
    assert not next_enabled(wizard)
    problem = child(wizard, QLabel, "nremtProblem")
    assert not problem.isHidden()
    assert "cannot expire after the advice date" in problem.text()
    assert "(nremt_expiration)" not in problem.text()
    set_date(wizard, "nremtExpirationEdit", date(2024, 3, 31))
    assert next_enabled(wizard)
    assert problem.isHidden()


def test_never_held_disables_the_date(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    edit = child(wizard, QDateEdit, "nremtExpirationEdit")
    child(wizard, QAbstractButton, "nremtActiveRadio").click()
    assert edit.isEnabled()
    child(wizard, QAbstractButton, "nremtNeverRadio").click()
    assert not edit.isEnabled()
    assert next_enabled(wizard)
    child(wizard, QAbstractButton, "nremtExpiredRadio").click()
    assert not edit.isEnabled()  # until "I know the date" is ticked
    child(wizard, QCheckBox, "nremtKnowDateCheck").setChecked(True)
    assert edit.isEnabled()


def test_an_active_date_in_the_past_is_pointed_out(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtActiveRadio").click()
    set_date(wizard, "nremtExpirationEdit", date(2024, 3, 31))
    note = child(wizard, QLabel, "nremtNote")
    assert "treat your NREMT certification as expired" in note.text()
    assert next_enabled(wizard)


def test_back_and_next_keep_every_answer(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31), as_of=date(2025, 1, 20))
    first = wizard.assessment()
    for expected in (PageId.DETAILS, PageId.NREMT, PageId.MA, PageId.WELCOME):
        with qtbot.waitSignal(wizard.currentIdChanged):
            wizard.back()
        assert wizard.currentId() == expected
    assert child(wizard, QDateEdit, "asOfDateEdit").date() == QDate(2025, 1, 20)
    assert child(wizard, QDateEdit, "maExpirationEdit").date() == QDate(2025, 3, 31)
    assert child(wizard, QAbstractButton, "nremtActiveRadio").isChecked()
    assert child(wizard, QDateEdit, "nremtExpirationEdit").date() == QDate(2026, 3, 31)
    for _ in range(4):
        click_next(qtbot, wizard)
    assert wizard.assessment() == first


def test_changing_an_answer_after_going_back_changes_the_result(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    for _ in range(2):
        with qtbot.waitSignal(wizard.currentIdChanged):
            wizard.back()
    assert wizard.currentId() == PageId.NREMT
    set_date(wizard, "nremtExpirationEdit", date(2025, 3, 31))
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert wizard.assessment().category == "already_aligned"


def fill_everything(qtbot, wizard) -> None:
    """Answer every question and type every detail, then go to the results."""
    child(wizard, QAbstractButton, "planningAheadToggle").click()
    set_date(wizard, "asOfDateEdit", date(2025, 2, 1))
    click_next(qtbot, wizard)
    set_date(wizard, "maExpirationEdit", date(2025, 3, 31))
    click_next(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtExpiredRadio").click()
    child(wizard, QCheckBox, "nremtKnowDateCheck").setChecked(True)
    set_date(wizard, "nremtExpirationEdit", date(2024, 3, 31))
    click_next(qtbot, wizard)
    qtbot.keyClicks(child(wizard, QLineEdit, "nameEdit"), "Pat Example")
    qtbot.keyClicks(child(wizard, QLineEdit, "maNumberEdit"), "E123456")
    qtbot.keyClicks(child(wizard, QLineEdit, "nremtNumberEdit"), "E9876543")
    assert wizard.details().name == "Pat Example"
    click_next(qtbot, wizard)


def assert_cleared(wizard, today: date) -> None:
    """Every field is back to its default; nothing typed is left."""
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.assessment() is None
    assert child(wizard, QDateEdit, "asOfDateEdit").date() == QDate(
        today.year, today.month, today.day
    )
    assert not child(wizard, QDateEdit, "asOfDateEdit").isVisible()
    assert child(wizard, QDateEdit, "maExpirationEdit").date() == QDate(2025, 3, 31)
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
    with qtbot.waitSignal(wizard.currentIdChanged):
        child(wizard, QAbstractButton, "startOverButton").click()
    assert_cleared(wizard, TODAY)


def test_ctrl_n_starts_over_from_any_page(qtbot, make_wizard):
    wizard = make_wizard()
    fill_everything(qtbot, wizard)
    with qtbot.waitSignal(wizard.currentIdChanged):
        wizard.back()
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    with qtbot.waitSignal(wizard.currentIdChanged):
        qtbot.keySequence(wizard, QKeySequence(QKeySequence.StandardKey.New))
    assert_cleared(wizard, TODAY)


def test_idle_timeout_returns_to_the_start_and_clears(qtbot, make_wizard):
    wizard = make_wizard(idle_timeout_ms=200)
    fill_everything(qtbot, wizard)
    with qtbot.waitSignal(wizard.idle_reset, timeout=5000):
        pass
    assert_cleared(wizard, TODAY)


def test_input_postpones_the_idle_reset(qtbot, make_wizard):
    wizard = make_wizard(idle_timeout_ms=60_000)
    click_next(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.idle.remaining_ms() <= 59_900)  # the clock has run
    qtbot.keyClick(child(wizard, QDateEdit, "maExpirationEdit"), Qt.Key.Key_Up)
    assert wizard.idle.remaining_ms() > 59_900
    assert wizard.currentId() == PageId.MA


@pytest.mark.parametrize("page", list(PageId))
def test_window_title_and_accessible_name_follow_the_page(qtbot, make_wizard, page):
    wizard = make_wizard()
    if page == PageId.RESULTS:
        answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    else:
        for _ in range(page):
            if wizard.currentId() == PageId.NREMT:
                child(wizard, QAbstractButton, "nremtNeverRadio").click()
            click_next(qtbot, wizard)
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
    assert_cleared(wizard, TODAY)


def test_escape_does_not_close_the_program(qtbot, make_wizard):
    wizard = make_wizard()
    click_next(qtbot, wizard)
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    qtbot.keyClick(wizard, Qt.Key.Key_Escape)
    assert wizard.isVisible()
    assert wizard.currentId() == PageId.MA


def test_an_earlier_advice_date_is_rechecked_on_the_nremt_page(qtbot, make_wizard):
    wizard = make_wizard()
    to_nremt_page(qtbot, wizard)
    child(wizard, QAbstractButton, "nremtExpiredRadio").click()
    child(wizard, QCheckBox, "nremtKnowDateCheck").setChecked(True)
    set_date(wizard, "nremtExpirationEdit", date(2025, 1, 5))
    assert next_enabled(wizard)
    for _ in range(2):
        with qtbot.waitSignal(wizard.currentIdChanged):
            wizard.back()
    child(wizard, QAbstractButton, "planningAheadToggle").click()
    set_date(wizard, "asOfDateEdit", date(2025, 1, 1))  # now before the "expired" date
    click_next(qtbot, wizard)
    click_next(qtbot, wizard)
    assert not next_enabled(wizard)
    assert not child(wizard, QLabel, "nremtProblem").isHidden()
