"""A seeded random walk through the wizard: it never fails, and its answer is the dates typed.

Each seed drives one window for a few hundred actions, as a hurried or curious user might:
Next and Back (Enter, a click, Space on Next, Alt+N, Alt+B), Start over, Ctrl+N, the idle
reset, the radio buttons, "Planning ahead?", whole dates typed from wherever the cursor is
(every arrival, valid and impossible dates in every form), a few characters added or erased
at the end, a day chosen in the calendar with the arrow keys, text in the details (markup,
accents, pasted emoji), Ctrl+Z after a reset, resizes, and keys pressed on the answer page.

The ORACLE is what the walk typed, kept by the walk itself, never what a widget holds: the
text last typed into each date field (and what the calendar keys must have chosen). After
every action: no exception anywhere; the keyboard focus on a visible widget of the page
shown; Next enabled exactly when the typed answers make a valid, consistent situation; and
on the answer page, `wizard.assessment()` is `assess()` of the Situation built from the
typed texts.

A failure names the seed and the last actions, so it can be replayed. ``CI`` runs more seeds
and longer walks.
"""

from __future__ import annotations

import os
import random
import sys
from collections import deque
from collections.abc import Callable
from datetime import date, timedelta

import pytest
from pydantic import ValidationError
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QFrame,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
    QWizard,
)
from qt_support import (
    ARRIVALS,
    DATE_FIELD_PAGES,
    activate,
    arrive,
    assert_arrival_focus,
    assert_focus_on_page,
    child,
    date_edit,
    date_text,
    describe,
    focused,
    forms_for,
    key,
    key_sequence,
    keys,
    mouse_click,
    next_enabled,
    press_back,
    press_next,
    tab_to,
    wait_for_popup,
)

from certalign_gui.app import build_wizard
from certalign_gui.gui.wizard.alignment_wizard import PageId
from certalign_gui.gui.wizard.dates import next_usual_expiration
from certalign_gui.presentation.answer import present
from certalign_gui.rules import Assessment, Policy, Situation, assess, is_allowed_url
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date

CI = bool(os.environ.get("CI"))
SEEDS = range(8 if CI else 5)
ACTIONS = 1500 if CI else 600

DATE_FIELDS = {page: name for name, page in DATE_FIELD_PAGES.items()}
RADIOS = {"nremtActiveRadio": "active", "nremtExpiredRadio": "expired", "nremtNeverRadio": "never"}
TEXT_FIELDS = ("nameEdit", "maNumberEdit", "nremtNumberEdit")
#: Typed as a whole into a date field: impossible, half-typed, or not dates at all.
NOT_DATES = (
    "02/30/2025",
    "13/45/2029",
    "04/31/2029",
    "00/00/0000",
    "12/31/9999",
    "02/29/2025",
    "04/3",
    "0430202",
    "0230",
    "2029-13-01",
    "3-31",
    "9",
    "abc",
    "03/31/2027x",
)
#: Added at the end of what a date field holds (End first).
TAILS = ("5", "0", "/", "7", "1")
#: Typed into the details.
TEXTS = (
    "Jane Q. Public",
    "José Ñúñez-O'Brien",
    "<img src=file:///etc/passwd>",
    "<a href=javascript:alert(1)>x</a>",
    "<b>bold</b>",
    "E123456",
    "   ",
    "x" * 120,
    "Zoë\tTab",
    "&amp; &lt;",
)
#: Pasted (not typed: a keyboard cannot type them one key at a time).
PASTES = ("🚑 Medic", "名前", "\u202eevil", "a\u0301")
#: The first and last day a date field (and its calendar) accepts.
FIRST_DAY, LAST_DAY = date(MIN_YEAR, 1, 1), date(MAX_YEAR, 12, 31)
#: The calendar's keys and how far each moves the chosen day.
CALENDAR_STEPS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: 1, Qt.Key.Key_Up: -7, Qt.Key.Key_Down: 7}
#: Keys pressed on the answer page by someone who thinks they are elsewhere.
ANSWER_KEYS = (
    "letters",
    "digits",
    "backspace",
    "delete",
    "ctrl_a_letters",
    "home_end",
    "arrows",
    "tab",
    "shift_tab",
    "enter",
    "space",
)


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest's keyClicks knows only ASCII: it aborts on "é")."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ascii_key = char.isascii() and char.isprintable()
            which = Qt.Key(ord(char.upper())) if ascii_key else Qt.Key.Key_unknown
            event = QKeyEvent(kind, which, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def typed_date(text: str) -> date | None:
    """What a typed text means (the rules' reading of a text, no widget involved)."""
    try:
        return parse_typed_date(text)
    except DateTextError:
        return None


class Walk:
    """One seeded walk through one wizard, and the walk's own record of what it typed."""

    def __init__(self, qtbot, policy: Policy, seed: int) -> None:
        self.qtbot = qtbot
        self.policy = policy
        self.rng = random.Random(seed)
        self.today = date(2024, 1, 1) + timedelta(days=self.rng.randrange(5 * 365))
        self.wizard = build_wizard(policy, today=self.today)
        qtbot.addWidget(self.wizard)
        self.wizard.show()
        qtbot.waitExposed(self.wizard)
        activate(qtbot, self.wizard)
        self.log: deque[str] = deque(maxlen=40)
        self.errors: list[BaseException] = []
        #: Fields typed into since the last reset (Ctrl+Z may bring those back, no others).
        self.typed_since_reset: set[str] = set()
        self.results_checked = 0
        self.dates_typed = 0
        self.reset_model()

    def reset_model(self) -> None:
        """What a fresh start holds: today's advice date, nothing else."""
        #: The text each date field holds because the walk typed (or chose) it.
        self.typed: dict[str, str] = {
            "asOfDateEdit": date_text(self.today),
            "maExpirationEdit": "",
            "nremtExpirationEdit": "",
        }
        self.status: str | None = None
        self.know_date = False
        self.planning_open = False

    # -- Finding things. -------------------------------------------------------------------

    def find(self, cls: type, name: str):
        found = self.wizard.findChild(cls, name)
        assert found is not None, name
        return found

    def page(self) -> int:
        return self.wizard.currentId()

    def random_day(self) -> date:
        roll = self.rng.random()
        if roll < 0.05:
            return self.rng.choice((FIRST_DAY, LAST_DAY))
        year = self.today.year + self.rng.randrange(-3, 4)
        if roll < 0.6:
            return date(year, 3, 31)
        return date(year, 1, 1) + timedelta(days=self.rng.randrange(365))

    def random_date_text(self) -> str:
        if self.rng.random() < 0.2:
            return self.rng.choice(NOT_DATES)
        day = self.random_day()
        return date_text(day, self.rng.choice(forms_for(day)))

    def typing_field(self) -> str | None:
        """The date field of this page, if a person can type into it now."""
        name = DATE_FIELDS.get(PageId(self.page()))
        if name is None:
            return None
        edit = date_edit(self.wizard, name)
        return name if edit.isVisible() and edit.isEnabled() else None

    # -- The oracle: what the typed answers must give. ------------------------------------------

    def uses_nremt_date(self) -> bool:
        return self.status == "active" or (self.status == "expired" and self.know_date)

    def expected_situation(self) -> Situation:
        """The answers as the walk typed and chose them; raises when they are not valid."""
        as_of = typed_date(self.typed["asOfDateEdit"])
        ma = typed_date(self.typed["maExpirationEdit"])
        nremt = typed_date(self.typed["nremtExpirationEdit"]) if self.uses_nremt_date() else None
        if as_of is None or ma is None or self.status is None:
            raise ValueError("not every question has a date or an answer")
        if self.uses_nremt_date() and nremt is None:
            raise ValueError("the NREMT date is not a date")
        return Situation(
            as_of=as_of, ma_expiration=ma, nremt_status=self.status, nremt_expiration=nremt
        )

    def expected_next(self) -> bool:
        """Whether Next may be pressed, from what was typed (None on the answer page)."""
        page = self.page()
        if page == PageId.WELCOME:
            return typed_date(self.typed["asOfDateEdit"]) is not None
        if page == PageId.MA:
            return typed_date(self.typed["maExpirationEdit"]) is not None
        if page == PageId.NREMT:
            try:
                self.expected_situation()
            except (ValueError, ValidationError):
                return False
            return True
        return page == PageId.DETAILS

    # -- Actions. ---------------------------------------------------------------------------

    def actions(self) -> list[tuple[float, Callable[[], None]]]:
        """What a user could do right now, with how often they would do it."""
        page = self.page()
        possible: list[tuple[float, Callable[[], None]]] = [
            (6, self.next),
            (2, self.back),
            (0.4, self.ctrl_n),
            (0.3, self.idle_reset),
            (1, self.resize),
            (1, self.enter),
        ]
        field = self.typing_field()
        if field is not None:
            possible += [(7, self.type_whole_date), (0.7, self.calendar)]
            if QApplication.focusWidget() is date_edit(self.wizard, field):
                possible.append((1.5, self.edit_the_end))
        if page == PageId.WELCOME:
            possible.append((2, self.toggle_planning))
        elif page == PageId.NREMT:
            possible.append((5, self.radio))
            if self.find(QCheckBox, "nremtKnowDateCheck").isVisible():
                possible.append((2, self.know_date_check))
        elif page == PageId.DETAILS:
            possible += [(4, self.type_text), (1, self.paste), (1, self.undo)]
        elif page == PageId.RESULTS:
            possible += [
                (1, self.start_over_button),
                (1, self.why),
                (1, self.link),
                (4, self.answer_page_keys),
            ]
        return possible

    def step(self) -> None:
        weights, actions = zip(*self.actions(), strict=True)
        action = self.rng.choices(actions, weights)[0]
        action()

    def next(self) -> None:
        # Alt+N animates the press for a tenth of a second: rarer, to keep the walk quick.
        how = self.rng.choices(("enter", "click", "space", "alt_n"), (3, 3, 2, 1))[0]
        if how == "enter" and isinstance(focused(), QAbstractButton):
            how = "click"  # Enter on a focused button presses that button
        page = self.page()
        expected = self.expected_next()
        self.log.append(f"Next by {how} (expected {'on' if expected else 'off'})")
        if page != PageId.RESULTS:
            assert next_enabled(self.wizard) == expected, "Next does not match the answers typed"
        if expected:
            press_next(self.qtbot, self.wizard, how)
            return
        # Not Alt+N here: with Next off, the key reaches the focused field and types an "n"
        # into it (test_typed_dates has that case on its own).
        button = self.wizard.button(QWizard.WizardButton.NextButton)
        if how == "click" and button.isVisible():
            mouse_click(self.qtbot, button)
        elif how == "enter":
            key(self.qtbot, Qt.Key.Key_Return)
        assert self.page() == page, "a disabled or hidden Next changed the page"

    def back(self) -> None:
        if self.page() == PageId.WELCOME:
            return
        how = self.rng.choices(("click", "alt_b"), (3, 1))[0]
        self.log.append(f"Back by {how}")
        press_back(self.qtbot, self.wizard, how)

    def enter(self) -> None:
        target = focused()
        if isinstance(target, QAbstractButton):
            return  # it would press that button: Next, Back, a calendar, Print
        self.log.append(f"Enter in {describe(target)}")
        before = self.page()
        expected = self.expected_next() and before != PageId.RESULTS
        key(self.qtbot, Qt.Key.Key_Return)
        assert self.page() == (before + 1 if expected else before), "Enter did not act as Next"
        if expected:
            assert_arrival_focus(self.wizard)

    def ctrl_n(self) -> None:
        self.log.append("Ctrl+N")
        key_sequence(self.qtbot, QKeySequence.StandardKey.New)
        self.after_reset("Ctrl+N")

    def idle_reset(self) -> None:
        self.log.append("idle reset")
        self.wizard.idle.timed_out.emit()
        self.after_reset("idle reset")

    def start_over_button(self) -> None:
        self.log.append("Start over")
        mouse_click(self.qtbot, self.find(QAbstractButton, "startOverButton"))
        self.after_reset("Start over")

    def resize(self) -> None:
        size = (self.rng.randrange(300, 1600), self.rng.randrange(200, 1200))
        self.log.append(f"resize {size}")
        self.wizard.resize(*size)

    def type_whole_date(self) -> None:
        """From wherever the cursor is: arrive some way, type a whole text."""
        name = self.typing_field()
        assert name is not None
        edit = date_edit(self.wizard, name)
        how = self.rng.choice(ARRIVALS)
        text = self.random_date_text()
        self.log.append(f"{name}: arrive by {how}, type {text!r}")
        if how.startswith("click") and QApplication.focusWidget() is edit:
            # The first click after arriving selects it all; later clicks place the cursor.
            key(self.qtbot, Qt.Key.Key_Tab)
        arrive(self.qtbot, self.wizard, name, how)
        keys(self.qtbot, text)
        assert edit.text() == text, f"typed {text!r}, the field shows {edit.text()!r}"
        self.typed[name] = text
        self.dates_typed += 1

    def edit_the_end(self) -> None:
        """End, then a few Backspaces or one more character (the walk knows the result)."""
        name = self.typing_field()
        assert name is not None
        text = self.typed[name]
        key(self.qtbot, Qt.Key.Key_End)
        if text and self.rng.random() < 0.5:
            count = self.rng.randrange(1, min(3, len(text)) + 1)
            self.log.append(f"{name}: End, Backspace x{count}")
            for _ in range(count):
                key(self.qtbot, Qt.Key.Key_Backspace)
            text = text[:-count]
        else:
            tail = self.rng.choice(TAILS)
            self.log.append(f"{name}: End, type {tail!r}")
            keys(self.qtbot, tail)
            text = (text + tail)[: date_edit(self.wizard, name).maxLength()]
        self.typed[name] = text

    def calendar(self) -> None:
        """F4 or Alt+Down, arrow keys, then Enter (or Esc): the walk works out the day."""
        name = self.typing_field()
        assert name is not None
        edit = date_edit(self.wizard, name)
        if QApplication.focusWidget() is not edit:
            arrive(self.qtbot, self.wizard, name, "shift_tab_tab")
        opener = self.rng.choice(("f4", "alt_down"))
        self.log.append(f"{name}: open the calendar by {opener}")
        if opener == "f4":
            key(self.qtbot, Qt.Key.Key_F4)
        else:
            key(self.qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        # Each date field has its own calendar.
        popup = child(edit.parentWidget(), QWidget, "calendarPopup")
        wait_for_popup(self.qtbot, popup)
        start = typed_date(self.typed[name])
        if start is None:  # it opens at the day the page suggests
            start = (
                self.today
                if name == "asOfDateEdit"
                else next_usual_expiration(self.policy, self.today)
            )
        moves = [self.rng.choice(list(CALENDAR_STEPS)) for _ in range(self.rng.randrange(5))]
        for move in moves:
            key(self.qtbot, move)
        chosen = start
        for move in moves:  # the calendar stops at the first and last day it offers
            chosen = min(max(chosen + timedelta(days=CALENDAR_STEPS[move]), FIRST_DAY), LAST_DAY)
        if self.rng.random() < 0.2:
            self.log.append(f"{name}: calendar, {len(moves)} moves, Esc")
            key(self.qtbot, Qt.Key.Key_Escape)
        else:
            self.log.append(f"{name}: calendar from {start}, chose {chosen}")
            key(self.qtbot, Qt.Key.Key_Return)
            self.typed[name] = date_text(chosen)
        self.qtbot.waitUntil(lambda: not popup.isVisible())
        assert edit.text() == self.typed[name], "the calendar did not give the day chosen"

    def toggle_planning(self) -> None:
        self.log.append("Planning ahead?")
        mouse_click(self.qtbot, self.find(QAbstractButton, "planningAheadToggle"))
        self.planning_open = not self.planning_open
        assert self.find(QWidget, "planningAheadPanel").isVisible() is self.planning_open

    def radio(self) -> None:
        name = self.rng.choice(list(RADIOS))
        self.log.append(name)
        mouse_click(self.qtbot, self.find(QRadioButton, name))
        self.status = RADIOS[name]

    def know_date_check(self) -> None:
        self.log.append("I know the date")
        mouse_click(self.qtbot, self.find(QCheckBox, "nremtKnowDateCheck"))
        self.know_date = not self.know_date

    def type_text(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        text = self.rng.choice(TEXTS)
        edit = self.find(QLineEdit, name)
        mouse_click(self.qtbot, edit)
        if self.rng.random() < 0.3:
            key_sequence(self.qtbot, QKeySequence.StandardKey.SelectAll)
        self.log.append(f"{name}: type {text!r}")
        type_keys(focused(), text)
        self.typed_since_reset.add(name)

    def paste(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        text = self.rng.choice(PASTES)
        self.log.append(f"{name}: paste {text!r}")
        self.find(QLineEdit, name).insert(text)  # a paste: not typed key by key
        self.typed_since_reset.add(name)

    def undo(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        edit = self.find(QLineEdit, name)
        self.log.append(f"{name}: Ctrl+Z")
        mouse_click(self.qtbot, edit)
        key_sequence(self.qtbot, QKeySequence.StandardKey.Undo)
        if name not in self.typed_since_reset:
            assert edit.text() == "", "Ctrl+Z brought back text wiped by a reset"

    def why(self) -> None:
        buttons = [
            b for b in self.wizard.findChildren(QAbstractButton, "whyButton") if b.isVisible()
        ]
        if buttons:
            self.log.append("Why?")
            tab_to(self.qtbot, self.rng.choice(buttons))
            key(self.qtbot, Qt.Key.Key_Space)

    def link(self) -> None:
        name = self.rng.choice(("elicensingButton", "nremtButton"))
        self.log.append(name)
        tab_to(self.qtbot, self.find(QAbstractButton, name))
        key(self.qtbot, Qt.Key.Key_Space)

    def answer_page_keys(self) -> None:
        """Keys pressed on the answer page change nothing: not the answer, not the details."""
        details = self.wizard.details()
        shown = self.wizard.assessment()
        presses = self.rng.choices(ANSWER_KEYS, k=self.rng.randrange(1, 5))
        self.log.append(f"answer page keys {presses} from {describe(focused())}")
        for press in presses:
            if press in ("enter", "space") and isinstance(focused(), QAbstractButton):
                continue  # that would press the button: Print, Start over, a link
            self.press_on_answer(press)
        if self.page() != PageId.RESULTS:
            # Shift+Tab or Tab reached Back, and nothing else: the only way off the page.
            return
        assert self.wizard.details() == details, "keys on the answer page changed the details"
        assert self.wizard.assessment() == shown, "keys on the answer page changed the answer"

    def press_on_answer(self, press: str) -> None:
        qtbot = self.qtbot
        if press == "letters":
            keys(qtbot, self.rng.choice(("Q", "hello", "x")))
        elif press == "digits":
            keys(qtbot, "0331")
        elif press == "ctrl_a_letters":
            key_sequence(qtbot, QKeySequence.StandardKey.SelectAll)
            keys(qtbot, "zz")
        elif press == "shift_tab":
            key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        else:
            single = {
                "backspace": Qt.Key.Key_Backspace,
                "delete": Qt.Key.Key_Delete,
                "home_end": self.rng.choice((Qt.Key.Key_Home, Qt.Key.Key_End)),
                "arrows": self.rng.choice((Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Right)),
                "tab": Qt.Key.Key_Tab,
                "enter": Qt.Key.Key_Return,
                "space": Qt.Key.Key_Space,
            }
            key(qtbot, single[press])

    # -- What must always hold. ------------------------------------------------------------

    def after_reset(self, how: str) -> None:
        wizard = self.wizard
        assert wizard.currentId() == PageId.WELCOME, f"{how} did not return to the start"
        self.reset_model()
        for name in TEXT_FIELDS:
            assert self.find(QLineEdit, name).text() == "", f"{how} left {name} filled"
        for name, text in self.typed.items():
            assert date_edit(wizard, name).text() == text, f"{how} left {name} as it was"
        assert not any(self.find(QRadioButton, name).isChecked() for name in RADIOS)
        assert wizard.assessment() is None
        assert_arrival_focus(wizard)
        self.typed_since_reset.clear()

    def check(self) -> None:
        QApplication.processEvents()
        assert not self.errors, self.errors
        assert self.wizard.isVisible()
        assert_focus_on_page(self.wizard)
        page = self.page()
        if page != PageId.RESULTS:
            assert next_enabled(self.wizard) == self.expected_next(), (
                "Next does not match whether the typed answers make a valid situation"
            )
        else:
            self.check_results()

    def check_results(self) -> None:
        expected_situation = self.expected_situation()  # raises if Next let invalid ones by
        expected = assess(expected_situation, self.policy)
        shown = self.wizard.assessment()
        assert shown.situation == expected_situation, "the answer is not for the dates typed"
        assert shown == expected
        view = self.find(QWidget, "resultsView")
        assert self.find(QLabel, "situationLabel").text() == present(expected).headline
        steps = self.find(QWidget, "stepsList")
        cards = [
            card
            for card in steps.findChildren(QFrame)
            if card.objectName().startswith("step_") and not card.isHidden()
        ]
        assert [card.objectName() for card in cards] == [f"step_{s.id}" for s in expected.steps]
        words = present(expected)  # the sentences every medium shows
        for card, step in zip(cards, words.steps, strict=True):
            texts = {label.text() for label in card.findChildren(QLabel)}
            assert step.numbered_title in texts
            if step.due is not None:
                assert (f"{step.due} ({step.due_in})" if step.due_in else step.due) in texts
        assert self.find(QLabel, "feeLabel").text() == words.fee_line
        if expected.fee is None:
            assert expected.category != "one_year_alignment"
        assert view.isVisible()
        self.results_checked += 1


def _replay_hint(walk: Walk, seed: int) -> str:
    return f"seed {seed}, today {walk.today}; last actions:\n  " + "\n  ".join(walk.log)


# The offscreen platform cannot raise the calendar popup or grab the keyboard for it (a
# real display can); Qt still routes the keys to the open popup.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing)")
@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_walk_never_fails_and_always_answers_for_the_dates_typed(
    qtbot, policy, monkeypatch, url_recorder, seed
):
    walk = Walk(qtbot, policy, seed)

    def failing_hook(kind, error, trace) -> None:
        walk.errors.append(error)

    monkeypatch.setattr(sys, "excepthook", failing_hook)
    visited: set[int] = set()
    for _ in range(ACTIONS):
        try:
            walk.step()
            walk.check()
        except Exception as failure:  # a failed check, or a wait that timed out
            raise AssertionError(f"{failure}\n{_replay_hint(walk, seed)}") from failure
        visited.add(walk.page())
    # The walk went everywhere, typed dates, and saw the answer more than once.
    assert visited == set(PageId), _replay_hint(walk, seed)
    assert walk.results_checked >= 5, _replay_hint(walk, seed)
    assert walk.dates_typed >= 20, _replay_hint(walk, seed)
    assert all(is_allowed_url(url) for url in url_recorder.urls)


def answer_never_held(qtbot, walk: Walk) -> None:
    """The walk's way to an answer: a typed Massachusetts date, no NREMT certification."""
    press_next(qtbot, walk.wizard, "enter")
    arrive(qtbot, walk.wizard, "maExpirationEdit", "next")
    keys(qtbot, "03/31/2026")
    walk.typed["maExpirationEdit"] = "03/31/2026"
    press_next(qtbot, walk.wizard, "enter")
    mouse_click(qtbot, walk.find(QRadioButton, "nremtNeverRadio"))
    walk.status = "never"
    walk.check()


def test_the_walk_can_see_an_answer_for_other_dates(qtbot, policy, monkeypatch):
    """The checker itself: an answer that is not for the dates typed is caught."""
    walk = Walk(qtbot, policy, seed=0)
    answer_never_held(qtbot, walk)
    press_next(qtbot, walk.wizard, "enter")
    press_next(qtbot, walk.wizard, "enter")
    walk.check()
    other = Situation(ma_expiration=date(2031, 3, 31), nremt_status="never", as_of=walk.today)
    wrong: Assessment = assess(other, policy)
    monkeypatch.setattr(walk.wizard, "assessment", lambda: wrong)
    with pytest.raises(AssertionError, match="not for the dates typed"):
        walk.check()


def test_the_walk_can_see_next_enabled_for_a_date_that_is_not_one(qtbot, policy, monkeypatch):
    """The checker itself: a page that lets an impossible typed date through is caught."""
    walk = Walk(qtbot, policy, seed=0)
    press_next(qtbot, walk.wizard, "enter")
    arrive(qtbot, walk.wizard, "maExpirationEdit", "next")
    keys(qtbot, "02/30/2029")
    walk.typed["maExpirationEdit"] = "02/30/2029"
    walk.check()  # Next is off, as it must be
    # A page that counted the field as complete anyway: the walk knows what was typed.
    monkeypatch.setattr(walk.wizard.ma_page, "isComplete", lambda: True)
    walk.wizard.ma_page.completeChanged.emit()
    with pytest.raises(AssertionError, match="Next does not match"):
        walk.check()
