"""A date typed is the date the answer uses, however the focus came into the field.

Issue 10's table: a plain QDateEdit turned ``04/30/2029`` into April 30 of the old year,
``04302029`` into March 4, and ignored digits after a click. Here every date is typed as
key events into `QApplication.focusWidget()` after a real arrival, and the test goes on to
the answer (`Assessment.situation`). Impossible and half-typed dates are refused in words,
and never changed behind the person's back.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from gui_helpers import child, choose, mouse_click, press_next, wait_for_results
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractButton, QCalendarWidget, QLabel, QWidget
from qt_support import (
    ARRIVALS,
    activate,
    arrive,
    assert_focus_on_page,
    date_edit,
    date_text,
    enter_date,
    focused,
    forms_for,
    key,
    next_enabled,
    press_back,
    start_over,
    type_date,
    wait_for_popup,
)

from certalign_gui.gui.wizard.alignment_wizard import PageId
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.rules import Situation
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR

#: Issue 10's day: the Massachusetts field used to show 03/31/2027 by itself.
ISSUE_DAY = date(2026, 12, 2)

#: Issue 10's table, each text in its own form.
TABLE = [
    pytest.param("04/30/2029", date(2029, 4, 30), id="MM/DD/YYYY"),  # became April 30, 2027
    pytest.param("03/31/2026", date(2026, 3, 31), id="MM/DD/YYYY-earlier"),  # became 2027
    pytest.param("04302029", date(2029, 4, 30), id="MMDDYYYY"),  # became March 4, 2028
    pytest.param("03312026", date(2026, 3, 31), id="MMDDYYYY-earlier"),  # digits ignored
    pytest.param("4/30/29", date(2029, 4, 30), id="M/D/YY"),  # a two-digit year is 20YY
    pytest.param("2029-04-30", date(2029, 4, 30), id="YYYY-MM-DD"),
]


def arrive_after_page_change(qtbot, wizard, name: str, how: str):
    """``next``: type where the page change left the focus; any other: `arrive` that way."""
    if how != "next":
        return arrive(qtbot, wizard, name, how)
    edit = date_edit(wizard, name)
    assert_focus_on_page(wizard, edit)
    assert edit.selectedText() == edit.text(), "the page change did not select the date"
    return edit


@pytest.mark.parametrize("before", ["empty", "came_back"])
@pytest.mark.parametrize("how", ARRIVALS)
@pytest.mark.parametrize(("typed", "day"), TABLE)
def test_the_massachusetts_date_is_exactly_the_date_typed(
    qtbot, make_wizard, typed, day, how, before
):
    wizard = make_wizard(today=ISSUE_DAY)
    press_next(qtbot, wizard, "enter")
    if before == "came_back":
        # Another date is in the field, as when a person goes back to correct it.
        enter_date(qtbot, wizard, "maExpirationEdit", "03/31/2027")
        press_next(qtbot, wizard, "enter")
        press_back(qtbot, wizard, "click")
    edit = arrive_after_page_change(qtbot, wizard, "maExpirationEdit", how)
    type_date(qtbot, typed, into=edit)
    assert edit.text() == typed  # nothing was turned into anything else while typing
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == long_date(day)
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    press_next(qtbot, wizard, "enter")
    press_next(qtbot, wizard, "enter")
    assert wizard.assessment().situation.ma_expiration == day


#: Texts that are not (yet) a date, and words the field must say about each.
REFUSED = [
    pytest.param("02/30/2029", "February 2029 has only 28 days.", True, id="february-30"),
    pytest.param("13/45/2029", "There is no month 13.", True, id="month-13"),
    pytest.param("04/31/2029", "April has only 30 days.", True, id="april-31"),
    pytest.param("04/3", "Not complete yet", False, id="half-typed"),
    pytest.param("0430202", "Type two digits for the month", False, id="seven-digits"),
    # March 31, 2026 with no leading zero: month 33 can never come right, so said at once.
    pytest.param("3312026", "Type two digits for the month", True, id="seven-digits-no-zero"),
]
#: How each field is reached: the page, and what must be chosen first.
FIELDS = ("asOfDateEdit", "maExpirationEdit", "nremtExpirationEdit")


def open_field(qtbot, wizard, name: str) -> None:
    """Show the page of date field ``name``, with the field ready to be typed into."""
    activate(qtbot, wizard)
    if name == "asOfDateEdit":
        mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
        return
    press_next(qtbot, wizard, "enter")
    if name == "nremtExpirationEdit":
        enter_date(qtbot, wizard, "maExpirationEdit", date(2025, 3, 31))
        press_next(qtbot, wizard, "enter")
        choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))


@pytest.mark.parametrize("name", FIELDS)
@pytest.mark.parametrize(("typed", "words", "at_once"), REFUSED)
def test_an_impossible_or_half_typed_date_is_refused_in_words_and_never_changed(
    qtbot, make_wizard, name, typed, words, at_once
):
    wizard = make_wizard()
    open_field(qtbot, wizard, name)
    how = ARRIVALS[(FIELDS.index(name) + len(typed)) % len(ARRIVALS)]
    edit = enter_date(qtbot, wizard, name, typed, how)
    problem = child(wizard, QLabel, f"{name}Problem")
    page = wizard.currentId()

    def refused() -> None:
        assert wizard.currentId() == page
        assert edit.text() == typed  # never "fixed up" into another date
        assert edit.date() is None
        assert not next_enabled(wizard)
        assert child(wizard, QLabel, f"{name}Written").isHidden()

    refused()
    if at_once:  # impossible: said at once; half-typed: said once the person moves on
        assert problem.isVisible()
        assert words in problem.text()
    key(qtbot, Qt.Key.Key_Tab)  # focus leaves the field
    refused()
    assert problem.isVisible()
    assert words in problem.text()
    assert f"Problem: {problem.text()}" in edit.accessibleDescription()  # a screen reader hears it
    key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is edit
    key(qtbot, Qt.Key.Key_Return)  # Enter does not go on with a date that is not one
    refused()
    if name == "asOfDateEdit":
        assert "not a date yet" in child(wizard, QLabel, "asOfSummary").text()
    else:  # away and back: still exactly what was typed
        press_back(qtbot, wizard, "click")
        press_next(qtbot, wizard, "enter")
        refused()


@pytest.mark.parametrize("name", FIELDS)
def test_enter_on_an_empty_date_asks_for_the_date(qtbot, make_wizard, name):
    wizard = make_wizard()
    open_field(qtbot, wizard, name)
    edit = arrive(qtbot, wizard, name, "backspace")  # End, then Backspace until it is empty
    assert edit.text() == ""
    problem = child(wizard, QLabel, f"{name}Problem")
    assert problem.isHidden()  # an empty field is no mistake by itself
    key(qtbot, Qt.Key.Key_Return)
    assert focused() is edit
    assert problem.isVisible()
    assert problem.text() == "Type the date, for example 03/31/2027."
    type_date(qtbot, "3/31/25")  # typing a date takes the message away
    assert problem.isHidden()


# -- The property: any day, any arrival, any way of writing it. -----------------------------

#: A day the fields accept, with a way of writing it that names that day.
typed_days = st.dates(date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)).flatmap(
    lambda day: st.tuples(st.just(day), st.sampled_from(forms_for(day)))
)
#: A tenth of the profile's examples: each one goes from the first page to the answer.
EXAMPLES = max(10, settings.default.max_examples // 10)


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    # One window for every example, as on a shared station: each starts with Ctrl+N.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    ma=typed_days,
    nremt=typed_days,
    as_of=st.none() | typed_days,
    ma_how=st.sampled_from(ARRIVALS),
    nremt_how=st.sampled_from(ARRIVALS),
    as_of_how=st.sampled_from(ARRIVALS),
)
def test_any_date_typed_any_way_is_the_date_in_the_answer(
    qtbot, make_wizard, ma, nremt, as_of, ma_how, nremt_how, as_of_how
):
    wizard = getattr(make_wizard, "shared", None)
    if wizard is None:
        wizard = make_wizard.shared = make_wizard(today=ISSUE_DAY)
    else:
        start_over(qtbot, wizard, "ctrl_n")
    activate(qtbot, wizard)
    if as_of is not None:
        mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
        enter_date(qtbot, wizard, "asOfDateEdit", date_text(*as_of), as_of_how)
    press_next(qtbot, wizard, "enter")
    enter_date(qtbot, wizard, "maExpirationEdit", date_text(*ma), ma_how)
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtActiveRadio"))
    enter_date(qtbot, wizard, "nremtExpirationEdit", date_text(*nremt), nremt_how)
    press_next(qtbot, wizard, "enter")
    press_next(qtbot, wizard, "enter")
    assert wizard.assessment().situation == Situation(
        as_of=as_of[0] if as_of is not None else ISSUE_DAY,
        ma_expiration=ma[0],
        nremt_status="active",
        nremt_expiration=nremt[0],
    )


# -- The calendar: a key that opens it, where it opens, and what Enter chooses. -------------


# The offscreen platform cannot raise a window or grab the keyboard for a popup (a real
# display can); Qt still routes the keys to the open popup.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize(
    ("today", "opens_at"),
    [
        (date(2025, 4, 2), date(2026, 3, 31)),  # past this year's March 31: next year's
        (date(2025, 3, 31), date(2025, 3, 31)),  # March 31 itself is the coming one
        (date(2025, 1, 10), date(2025, 3, 31)),
    ],
)
def test_the_empty_field_opens_the_calendar_at_the_coming_march_31(
    qtbot, make_wizard, today, opens_at
):
    wizard = make_wizard(today=today)
    press_next(qtbot, wizard, "enter")
    edit = focused()
    key(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    popup = child(wizard, QWidget, "calendarPopup")
    wait_for_popup(qtbot, popup)
    calendar = child(popup, QCalendarWidget, "calendarWidget")
    assert calendar.selectedDate() == QDate(opens_at.year, opens_at.month, opens_at.day)
    # Weeks start on Sunday: no ISO (Monday-first) week numbers beside them.
    assert calendar.verticalHeaderFormat() == QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert edit.text() == ""  # looking at the calendar chose nothing


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
def test_the_calendar_opens_at_the_typed_date_and_enter_chooses_the_day(qtbot, make_wizard):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    edit = focused()
    type_date(qtbot, "04/30/2029", into=edit)
    key(qtbot, Qt.Key.Key_F4)
    popup = child(wizard, QWidget, "calendarPopup")
    wait_for_popup(qtbot, popup)
    calendar = child(popup, QCalendarWidget, "calendarWidget")
    assert calendar.selectedDate() == QDate(2029, 4, 30)
    key(qtbot, Qt.Key.Key_Right)  # one day on: May 1
    key(qtbot, Qt.Key.Key_Down)  # one week on: May 8
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    assert edit.text() == "05/08/2029"
    assert_focus_on_page(wizard, edit)
    # Typing now replaces the chosen day, as after any arrival.
    type_date(qtbot, "05/09/2029", into=edit)
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    press_next(qtbot, wizard, "enter")
    press_next(qtbot, wizard, "enter")
    wait_for_results(qtbot, wizard)
    assert wizard.assessment().situation.ma_expiration == date(2029, 5, 9)


@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.parametrize("moves", [[Qt.Key.Key_Down], [Qt.Key.Key_Right, Qt.Key.Key_Right]])
def test_a_day_chosen_in_the_advice_dates_calendar_is_the_advice_date(qtbot, make_wizard, moves):
    wizard = make_wizard(today=date(2024, 10, 2))
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    edit = focused()
    assert edit is date_edit(wizard, "asOfDateEdit")
    key(qtbot, Qt.Key.Key_F4)
    popup = child(edit.parentWidget(), QWidget, "calendarPopup")
    wait_for_popup(qtbot, popup)
    assert child(popup, QCalendarWidget, "calendarWidget").selectedDate() == QDate(2024, 10, 2)
    for move in moves:
        key(qtbot, move)
    key(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible())
    chosen = date(2024, 10, 9) if moves == [Qt.Key.Key_Down] else date(2024, 10, 4)
    assert edit.text() == date_text(chosen)
    assert "not today" in child(wizard, QLabel, "asOfSummary").text()
    press_next(qtbot, wizard, "enter")
    assert wizard.welcome_page.as_of_date() == chosen


@pytest.mark.parametrize("typed", ["03/31/202", "04/3", "02/30/2029"])
def test_alt_n_while_next_is_off_leaves_the_date_as_typed(qtbot, make_wizard, typed):
    wizard = make_wizard()
    press_next(qtbot, wizard, "enter")
    edit = focused()
    type_date(qtbot, typed, into=edit)
    assert not next_enabled(wizard)
    # The person reaches for the underlined N of Next, which is off: nothing may happen.
    key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    assert wizard.currentId() == PageId.MA
    assert edit.text() == typed


@pytest.mark.parametrize("typed", ["31-Mar-27", "March 31, 2027"])
def test_a_month_name_typed_key_by_key_is_that_date_and_never_an_alarm_while_typing(
    qtbot, make_wizard, typed
):
    wizard = make_wizard(today=ISSUE_DAY)
    press_next(qtbot, wizard, "enter")
    edit = arrive_after_page_change(qtbot, wizard, "maExpirationEdit", "next")
    problem = child(wizard, QLabel, "maExpirationEditProblem")
    for char in typed:
        type_date(qtbot, char, into=edit)
        assert problem.isHidden(), f"{edit.text()!r}: {problem.text()}"
    assert edit.text() == typed
    assert child(wizard, QLabel, "maExpirationEditWritten").text() == long_date(date(2027, 3, 31))
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    press_next(qtbot, wizard, "enter")
    press_next(qtbot, wizard, "enter")
    assert wizard.assessment().situation.ma_expiration == date(2027, 3, 31)


def test_the_windows_own_dates_are_the_answers_dates():
    # The window's own sentences write dates with Qt (the first page paints before Babel
    # loads); the answer writes them with Babel. In English they must be the same words.
    from certalign_gui.gui.wizard.date_field import window_date

    day = date(1950, 1, 1)
    while day.year < 2200:
        assert window_date(day) == long_date(day), day
        day += timedelta(days=1)


def test_the_windows_own_days_of_the_year_are_the_answers():
    from certalign_gui.gui.wizard.date_field import window_month_day
    from certalign_gui.presentation.catalogue import month_day

    day = date(2000, 1, 1)  # a leap year: February 29 too
    while day.year == 2000:
        assert window_month_day(day.month, day.day) == month_day(day.month, day.day), day
        day += timedelta(days=1)
