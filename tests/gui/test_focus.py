"""The keyboard focus is always on a visible widget of the page shown, and keys typed on the
answer page change nothing hidden (issue 10: "Jane Doe" printed as "Jane DoeQ").

Every page change below is made by a key or a click, and `press_next`, `press_back` and
`start_over` check where the focus landed (right away, and once the queued events ran).
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from gui_helpers import answer, child, choose, press_next
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit, QWidget
from qt_support import (
    activate,
    assert_arrival_focus,
    assert_focus_on_page,
    describe,
    focused,
    key,
    key_sequence,
    keys,
    mouse_click,
    press_back,
    start_over,
    tab_to,
    type_date,
)

from certalign_gui.checklist.document import pdf_bytes
from certalign_gui.gui.wizard.alignment_wizard import PageId

NAME = "Jane Doe"


def to_details_by_keyboard(qtbot, wizard, how: str) -> None:
    """Welcome to details with the keyboard only (and Next pressed ``how``)."""
    activate(qtbot, wizard)
    assert_arrival_focus(wizard)  # the first page, as the window opens
    press_next(qtbot, wizard, how)
    type_date(qtbot, "03/31/2025", into=focused())
    press_next(qtbot, wizard, how)
    key(qtbot, Qt.Key.Key_Space)  # "Yes, it is active": the focus is on it
    assert child(wizard, QAbstractButton, "nremtActiveRadio").isChecked()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused().objectName() == "nremtExpirationEdit"
    type_date(qtbot, "3/31/2026")
    press_next(qtbot, wizard, how)


@pytest.mark.parametrize("how", ["enter", "click", "space", "alt_n"])
def test_focus_follows_every_page_change_there_and_back(qtbot, make_wizard, how):
    wizard = make_wizard()
    to_details_by_keyboard(qtbot, wizard, how)
    keys(qtbot, NAME)
    press_next(qtbot, wizard, how if how != "alt_n" else "enter")
    assert focused().objectName() == "situationLabel"
    for _ in range(4):
        press_back(qtbot, wizard, "click" if how == "click" else "alt_b")
    assert wizard.currentId() == PageId.WELCOME
    for _ in range(4):  # later visits: the same targets (not an unnamed scroll area)
        press_next(qtbot, wizard, how if how != "alt_n" else "click")
    assert wizard.currentId() == PageId.RESULTS
    assert wizard.details().name == NAME


@pytest.mark.parametrize("how", ["button", "ctrl_n"])
def test_focus_is_on_the_first_page_after_start_over(qtbot, make_wizard, how):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    start_over(qtbot, wizard, how)
    assert focused() is child(wizard.currentPage(), QLabel, "pageHeading")
    # Keys now go to the first page, not to a field left behind.
    keys(qtbot, "Q")
    assert wizard.details().is_empty()
    assert child(wizard, QLineEdit, "maExpirationEdit").text() == ""


@pytest.mark.parametrize("page", [PageId.MA, PageId.DETAILS, PageId.RESULTS])
def test_focus_is_on_the_first_page_after_the_idle_reset(qtbot, make_wizard, page):
    wizard = make_wizard(idle_timeout_ms=300)
    activate(qtbot, wizard)
    while wizard.currentId() != page:
        if wizard.currentId() == PageId.MA:
            type_date(qtbot, "03/31/2025", into=focused())
        if wizard.currentId() == PageId.NREMT:
            choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
        press_next(qtbot, wizard, "click")
    with qtbot.waitSignal(wizard.idle_reset, timeout=5000):
        pass
    assert wizard.currentId() == PageId.WELCOME
    assert_arrival_focus(wizard)


def test_choosing_an_nremt_answer_then_next_keeps_the_focus_on_that_answer(qtbot, make_wizard):
    wizard = make_wizard()
    activate(qtbot, wizard)
    press_next(qtbot, wizard, "enter")
    type_date(qtbot, "03/31/2025", into=focused())
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))
    press_next(qtbot, wizard, "enter")
    press_back(qtbot, wizard, "alt_b")  # back on the NREMT page: on the answer chosen
    assert focused().objectName() == "nremtNeverRadio"


def pdf_text(wizard) -> str:
    """The words of the PDF the answer page would save, for what the wizard holds now."""
    data = pdf_bytes(wizard.assessment(), wizard.details(), printed_on=wizard.today())
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


#: Keys a person might press on the answer page, thinking they are somewhere else.
STRAY_KEYS = [
    pytest.param(lambda qtbot: keys(qtbot, "Q"), id="a-letter"),
    pytest.param(lambda qtbot: key(qtbot, Qt.Key.Key_Backspace), id="backspace"),
    pytest.param(lambda qtbot: key(qtbot, Qt.Key.Key_Delete), id="delete"),
    pytest.param(
        lambda qtbot: (key_sequence(qtbot, QKeySequence.StandardKey.SelectAll), keys(qtbot, "zz")),
        id="ctrl-a-then-letters",
    ),
    pytest.param(lambda qtbot: key(qtbot, Qt.Key.Key_Return), id="enter"),
    pytest.param(lambda qtbot: key(qtbot, Qt.Key.Key_Space), id="space"),
    pytest.param(lambda qtbot: key_sequence(qtbot, QKeySequence.StandardKey.Undo), id="ctrl-z"),
]


@pytest.mark.parametrize("press", STRAY_KEYS)
@pytest.mark.parametrize("how", ["enter", "click", "space"])
def test_keys_on_the_answer_page_change_nothing_hidden(qtbot, make_wizard, how, press):
    wizard = make_wizard()
    to_details_by_keyboard(qtbot, wizard, "enter")
    keys(qtbot, NAME)
    press_next(qtbot, wizard, how)  # on the headline, checked by press_next
    shown = wizard.assessment()
    press(qtbot)
    assert wizard.currentId() == PageId.RESULTS
    assert_focus_on_page(wizard)
    assert wizard.details().name == NAME
    assert child(wizard, QLineEdit, "nameEdit").text() == NAME
    assert wizard.assessment() == shown
    text = pdf_text(wizard)
    assert f"Name: {NAME}" in text
    for stray in ("Jane DoeQ", "Jane Do ", "zz"):
        assert stray not in text


def test_keys_on_every_part_of_the_answer_change_nothing_hidden(qtbot, make_wizard):
    wizard = make_wizard(today=date(2025, 4, 1))  # late: warnings too
    to_details_by_keyboard(qtbot, wizard, "enter")
    keys(qtbot, NAME)
    press_next(qtbot, wizard, "enter")
    shown = wizard.assessment()
    view = child(wizard, QWidget, "resultsView")
    for stop in view.focus_order():
        if isinstance(stop, QAbstractButton) or not stop.isVisible():
            continue  # a button does what it says; hidden parts are not Tab stops
        tab_to(qtbot, stop)
        keys(qtbot, "Q")
        key(qtbot, Qt.Key.Key_Backspace)
        key(qtbot, Qt.Key.Key_Delete)
        key(qtbot, Qt.Key.Key_Return)
        assert_focus_on_page(wizard)
    assert wizard.assessment() == shown
    assert wizard.details().name == NAME
    assert f"Name: {NAME}" in pdf_text(wizard)


#: Answers with different parts: steps with "Why?", warnings, a projected-cycle note.
ANSWERS = [
    pytest.param(date(2025, 1, 10), date(2025, 3, 31), date(2026, 3, 31), id="alignment-open"),
    pytest.param(date(2025, 4, 1), date(2025, 3, 31), date(2026, 3, 31), id="late-warnings"),
    pytest.param(date(2026, 11, 2), date(2027, 3, 31), date(2028, 3, 31), id="projected"),
]


def bottom_row(view: QWidget) -> list[QWidget]:
    """The buttons under the scrolling answer (Print, PDF, calendar, Start over)."""
    names = ("printButton", "savePdfButton", "saveIcsButton", "startOverButton")
    return [child(view, QAbstractButton, name) for name in names]


@pytest.mark.parametrize(
    ("today", "ma", "nremt", "why_open"),
    [
        *(pytest.param(*case.values, False, id=case.id) for case in ANSWERS),
        pytest.param(*ANSWERS[0].values, True, id="alignment-open-why-shown"),
    ],
)
def test_tab_walks_the_answer_from_the_headline_top_to_bottom(
    qtbot, make_wizard, today, ma, nremt, why_open
):
    wizard = make_wizard(today=today)
    answer(qtbot, wizard, ma=ma, nremt=nremt)
    view = child(wizard, QWidget, "resultsView")
    if why_open:  # the guidance sentence becomes a Tab stop after its "Why?"
        tab_to(qtbot, child(view, QAbstractButton, "whyButton"))
        key(qtbot, Qt.Key.Key_Space)
        assert child(view, QLabel, "stepCitation").isVisible()
        tab_to(qtbot, child(view, QLabel, "situationLabel"), backwards=True)
    assert focused() is child(view, QLabel, "situationLabel")

    stops = [stop for stop in view.focus_order() if stop.isVisible()]
    walked = [focused()]
    for _ in range(len(stops) - 1):
        key(qtbot, Qt.Key.Key_Tab)
        walked.append(focused())
    # Every control of the answer is on the walk: none is skipped.
    scroll_bar = child(view, QWidget, "resultsScroll").verticalScrollBar()
    reachable = {
        widget
        for widget in view.findChildren(QWidget)
        if widget.isVisible()
        and widget.isEnabled()
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and not scroll_bar.isAncestorOf(widget)
    }
    assert {describe(w) for w in reachable - set(walked)} == set()

    # Top to bottom: the order a person reads, in the answer's own coordinates.
    content = child(view, QWidget, "resultsContent")
    buttons = bottom_row(view)
    tops = [(w.mapTo(content, QPoint(0, 0)).y(), describe(w)) for w in walked if w not in buttons]
    assert [top for top, _name in tops] == sorted(top for top, _name in tops), tops
    assert walked[-len(buttons) :] == buttons  # the row under the answer comes last
    scroll_bottom = child(view, QWidget, "resultsScroll").geometry().bottom()
    assert all(button.mapTo(view, QPoint(0, 0)).y() > scroll_bottom for button in buttons)

    # The view's own list of its Tab stops (what tools and tests rely on) is that walk.
    assert [describe(w) for w in stops] == [describe(w) for w in walked]


def test_nothing_on_a_hidden_page_ever_has_the_focus(qtbot, make_wizard):
    """After each step of a whole session the focus widget is visible, on the page shown."""
    wizard = make_wizard()
    activate(qtbot, wizard)
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))
    assert_focus_on_page(wizard, child(wizard, QLineEdit, "asOfDateEdit"))
    mouse_click(qtbot, child(wizard, QAbstractButton, "planningAheadToggle"))  # closed again
    assert_focus_on_page(wizard)
    press_next(qtbot, wizard, "enter")
    type_date(qtbot, "03/31/2025", into=focused())
    press_next(qtbot, wizard, "enter")
    choose(qtbot, child(wizard, QAbstractButton, "nremtExpiredRadio"))
    choose(qtbot, child(wizard, QAbstractButton, "nremtKnowDateCheck"))
    tab_to(qtbot, child(wizard, QLineEdit, "nremtExpirationEdit"))
    type_date(qtbot, "03/31/2024")
    choose(qtbot, child(wizard, QAbstractButton, "nremtNeverRadio"))  # the date is disabled
    assert_focus_on_page(wizard)
    key(qtbot, Qt.Key.Key_Tab)
    assert_focus_on_page(wizard)
    assert QApplication.focusWidget() is not child(wizard, QLineEdit, "nremtExpirationEdit")
