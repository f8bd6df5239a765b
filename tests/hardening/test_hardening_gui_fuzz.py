"""A seeded random walk through the wizard: it never fails, and its answer is always the rules'.

Each seed drives one window for a few hundred actions, as a hurried or curious user might:
Back, Next, Start over, Ctrl+N, the radio buttons, dates set or typed digit by digit
(02/30, 13/45, 00/00/0000 included), "Planning ahead?", text in the details (markup,
accents, pasted emoji), Ctrl+Z after a reset, resizes, and the idle reset. After every
action: no exception anywhere (a failing excepthook on top of pytest-qt's own), and on the
results page exactly what `assess()` says for the answers on screen.

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
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QDateEdit,
    QFrame,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
    QWizard,
)

from certalign_gui.gui.dates import DISPLAY_FORMAT, EARLIEST, LATEST, next_usual_expiration
from certalign_gui.gui.wizard import AlignmentWizard, PageId
from certalign_gui.rules import Assessment, Policy, Situation, assess, is_allowed_url
from certalign_gui.rules.wording import days_phrase, long_date

CI = bool(os.environ.get("CI"))
SEEDS = range(20 if CI else 5)
ACTIONS = 2000 if CI else 600

DATE_EDITS = {
    PageId.WELCOME: "asOfDateEdit",
    PageId.MA: "maExpirationEdit",
    PageId.NREMT: "nremtExpirationEdit",
}
RADIOS = ("nremtActiveRadio", "nremtExpiredRadio", "nremtNeverRadio")
TEXT_FIELDS = ("nameEdit", "maNumberEdit", "nremtNumberEdit")
#: Typed into a date edit, digit by digit, from a random section: impossible dates included.
DIGITS = (
    "02/30/2025",
    "13/45",
    "00/00/0000",
    "0230",
    "13452025",
    "0229",
    "12319999",
    "0101",
    "9",
)
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


def type_keys(widget: QWidget, text: str) -> None:
    """Type ``text`` key by key (QTest's keyClicks knows only ASCII: it aborts on "é")."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            ascii_key = char.isascii() and char.isprintable()
            key = Qt.Key(ord(char.upper())) if ascii_key else Qt.Key.Key_unknown
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


class Walk:
    """One seeded walk through one wizard."""

    def __init__(self, qtbot, policy: Policy, seed: int) -> None:
        self.qtbot = qtbot
        self.policy = policy
        self.rng = random.Random(seed)
        self.today = date(2024, 1, 1) + timedelta(days=self.rng.randrange(5 * 365))
        self.wizard = AlignmentWizard(policy, today=self.today)
        qtbot.addWidget(self.wizard)
        self.wizard.show()
        qtbot.waitExposed(self.wizard)
        with qtbot.waitActive(self.wizard):
            self.wizard.activateWindow()
        self.log: deque[str] = deque(maxlen=40)
        self.errors: list[BaseException] = []
        #: Fields typed into since the last reset (Ctrl+Z may bring those back, no others).
        self.typed_since_reset: set[str] = set()
        self.results_checked = 0

    # -- Finding things. -------------------------------------------------------------------

    def find(self, cls: type, name: str):
        found = self.wizard.findChild(cls, name)
        assert found is not None, name
        return found

    def page(self) -> int:
        return self.wizard.currentId()

    def day(self, name: str) -> date:
        qdate = self.find(QDateEdit, name).date()
        return date(qdate.year(), qdate.month(), qdate.day())

    def random_day(self) -> date:
        roll = self.rng.random()
        if roll < 0.05:
            return self.rng.choice((EARLIEST, LATEST))
        year = self.today.year + self.rng.randrange(-3, 4)
        if roll < 0.6:
            return date(year, 3, 31)
        return date(year, 1, 1) + timedelta(days=self.rng.randrange(365))

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
        if page in DATE_EDITS and self.find(QDateEdit, DATE_EDITS[page]).isVisible():
            possible += [(4, self.set_date), (3, self.type_date)]
        if page == PageId.WELCOME:
            possible.append((2, self.toggle_planning))
        elif page == PageId.NREMT:
            possible.append((5, self.radio))
            if self.find(QCheckBox, "nremtKnowDateCheck").isVisible():
                possible.append((2, self.know_date))
        elif page == PageId.DETAILS:
            possible += [(4, self.type_text), (1, self.paste), (1, self.undo)]
        elif page == PageId.RESULTS:
            possible += [(2, self.start_over_button), (1, self.why), (1, self.link)]
        return possible

    def step(self) -> None:
        weights, actions = zip(*self.actions(), strict=True)
        action = self.rng.choices(actions, weights)[0]
        action()

    def next(self) -> None:
        self.log.append("Next")
        self.wizard.button(QWizard.WizardButton.NextButton).click()

    def back(self) -> None:
        self.log.append("Back")
        self.wizard.button(QWizard.WizardButton.BackButton).click()

    def enter(self) -> None:
        target = self.wizard.focusWidget() or self.wizard
        self.log.append(f"Enter in {target.objectName() or type(target).__name__}")
        self.qtbot.keyClick(target, Qt.Key.Key_Return)

    def ctrl_n(self) -> None:
        self.log.append("Ctrl+N")
        self.qtbot.keySequence(self.wizard, QKeySequence(QKeySequence.StandardKey.New))
        self.after_reset("Ctrl+N")

    def idle_reset(self) -> None:
        self.log.append("idle reset")
        self.wizard.idle.timed_out.emit()
        self.after_reset("idle reset")

    def start_over_button(self) -> None:
        self.log.append("Start over")
        self.find(QAbstractButton, "startOverButton").click()
        self.after_reset("Start over")

    def resize(self) -> None:
        size = (self.rng.randrange(300, 1600), self.rng.randrange(200, 1200))
        self.log.append(f"resize {size}")
        self.wizard.resize(*size)

    def set_date(self) -> None:
        name = DATE_EDITS[PageId(self.page())]
        day = self.random_day()
        self.log.append(f"{name} = {day}")
        self.find(QDateEdit, name).setDate(QDate(day.year, day.month, day.day))

    def type_date(self) -> None:
        name = DATE_EDITS[PageId(self.page())]
        edit = self.find(QDateEdit, name)
        section = self.rng.randrange(3)
        digits = self.rng.choice(DIGITS)
        finish = self.rng.choice(("Tab", "Up", "Down", "Backspace", "Delete", "none"))
        self.log.append(f"{name}: section {section}, type {digits!r}, then {finish}")
        edit.setFocus(Qt.FocusReason.TabFocusReason)
        edit.setCurrentSectionIndex(section)
        for char in digits:
            key = Qt.Key.Key_Slash if char == "/" else getattr(Qt.Key, f"Key_{char}")
            self.qtbot.keyClick(edit, key)
        if finish != "none":
            self.qtbot.keyClick(edit, getattr(Qt.Key, f"Key_{finish}"))

    def toggle_planning(self) -> None:
        self.log.append("Planning ahead?")
        self.find(QAbstractButton, "planningAheadToggle").click()

    def radio(self) -> None:
        name = self.rng.choice(RADIOS)
        self.log.append(name)
        self.find(QRadioButton, name).click()

    def know_date(self) -> None:
        self.log.append("I know the date")
        self.find(QCheckBox, "nremtKnowDateCheck").click()

    def type_text(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        text = self.rng.choice(TEXTS)
        edit = self.find(QLineEdit, name)
        if self.rng.random() < 0.3:
            edit.selectAll()
        self.log.append(f"{name}: type {text!r}")
        type_keys(edit, text)
        self.typed_since_reset.add(name)

    def paste(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        text = self.rng.choice(PASTES)
        self.log.append(f"{name}: paste {text!r}")
        self.find(QLineEdit, name).insert(text)
        self.typed_since_reset.add(name)

    def undo(self) -> None:
        name = self.rng.choice(TEXT_FIELDS)
        edit = self.find(QLineEdit, name)
        self.log.append(f"{name}: Ctrl+Z")
        self.qtbot.keySequence(edit, QKeySequence(QKeySequence.StandardKey.Undo))
        if name not in self.typed_since_reset:
            assert edit.text() == "", "Ctrl+Z brought back text wiped by a reset"

    def why(self) -> None:
        buttons = [
            b for b in self.wizard.findChildren(QAbstractButton, "whyButton") if b.isVisible()
        ]
        if buttons:
            self.log.append("Why?")
            self.rng.choice(buttons).click()

    def link(self) -> None:
        name = self.rng.choice(("elicensingButton", "nremtButton"))
        self.log.append(name)
        self.find(QAbstractButton, name).click()

    # -- What must always hold. ------------------------------------------------------------

    def after_reset(self, how: str) -> None:
        wizard = self.wizard
        assert wizard.currentId() == PageId.WELCOME, f"{how} did not return to the start"
        for name in TEXT_FIELDS:
            assert self.find(QLineEdit, name).text() == "", f"{how} left {name} filled"
        assert self.day("asOfDateEdit") == self.today
        assert self.day("maExpirationEdit") == next_usual_expiration(self.policy, self.today)
        assert not any(self.find(QRadioButton, name).isChecked() for name in RADIOS)
        assert wizard.assessment() is None
        self.typed_since_reset.clear()

    def on_screen(self) -> Situation:
        """The answers as the pages show them (not as the wizard reports them)."""
        status = {
            "nremtActiveRadio": "active",
            "nremtExpiredRadio": "expired",
            "nremtNeverRadio": "never",
        }
        chosen = [status[name] for name in RADIOS if self.find(QRadioButton, name).isChecked()]
        assert len(chosen) <= 1, chosen
        if not chosen:
            raise ValueError("no NREMT answer chosen")
        uses_date = chosen[0] == "active" or (
            chosen[0] == "expired" and self.find(QCheckBox, "nremtKnowDateCheck").isChecked()
        )
        return Situation(
            as_of=self.day("asOfDateEdit"),
            ma_expiration=self.day("maExpirationEdit"),
            nremt_status=chosen[0],
            nremt_expiration=self.day("nremtExpirationEdit") if uses_date else None,
        )

    def check(self) -> None:
        QApplication.processEvents()
        assert not self.errors, self.errors
        assert self.wizard.isVisible()
        page = self.page()
        if page == PageId.NREMT:
            self.check_nremt_next()
        elif page == PageId.RESULTS:
            self.check_results()

    def check_nremt_next(self) -> None:
        try:
            self.on_screen()
        except (ValueError, ValidationError):
            consistent = False
        else:
            consistent = True
        enabled = self.wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        assert enabled == consistent, "Next does not match whether the answers fit together"

    def check_results(self) -> None:
        # What each date field showed when it was left is the date the answer uses.
        for name in DATE_EDITS.values():
            edit = self.find(QDateEdit, name)
            assert edit.text() == edit.date().toString(DISPLAY_FORMAT), name
        situation = self.on_screen()  # raises if the results page shows inconsistent answers
        expected = assess(situation, self.policy)
        shown = self.wizard.assessment()
        assert shown == expected
        view = self.find(QWidget, "resultsView")
        assert self.find(QLabel, "situationLabel").text() == expected.headline
        steps = self.find(QWidget, "stepsList")
        cards = [
            card
            for card in steps.findChildren(QFrame)
            if card.objectName().startswith("step_") and not card.isHidden()
        ]
        assert [card.objectName() for card in cards] == [f"step_{s.id}" for s in expected.steps]
        for number, (card, step) in enumerate(zip(cards, expected.steps, strict=True), start=1):
            texts = {label.text() for label in card.findChildren(QLabel)}
            assert f"{number}. {step.title}" in texts
            if step.due is not None and step.days_left is not None:
                due = f"Due: {long_date(step.due)} ({days_phrase(step.days_left)})"
                assert due in texts
        fee = self.find(QLabel, "feeLabel").text()
        if expected.fee_text is not None:
            assert fee == f"Fee: {expected.fee_text}"
        else:
            assert expected.category != "one_year_alignment"
            assert "no alignment fee" in fee
        assert view.isVisible()
        self.results_checked += 1


def _replay_hint(walk: Walk, seed: int) -> str:
    return f"seed {seed}, today {walk.today}; last actions:\n  " + "\n  ".join(walk.log)


@pytest.mark.slow
@pytest.mark.parametrize("seed", SEEDS)
def test_a_random_walk_never_fails_and_always_shows_the_rules_answer(
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
        except AssertionError as failure:
            raise AssertionError(f"{failure}\n{_replay_hint(walk, seed)}") from failure
        visited.add(walk.page())
    # The walk went everywhere, and saw the answer more than once.
    assert visited == set(PageId), _replay_hint(walk, seed)
    assert walk.results_checked >= 5, _replay_hint(walk, seed)
    assert all(is_allowed_url(url) for url in url_recorder.urls)


def test_the_walk_can_see_an_inconsistent_answer(qtbot, policy, monkeypatch):
    """The checker itself: a results page that does not match the screen is caught."""
    walk = Walk(qtbot, policy, seed=0)
    while walk.page() != PageId.RESULTS:
        if walk.page() == PageId.NREMT:
            walk.find(QRadioButton, "nremtNeverRadio").click()
        walk.next()
    walk.check()
    other = Situation(ma_expiration=date(2031, 3, 31), nremt_status="never", as_of=walk.today)
    wrong: Assessment = assess(other, policy)
    monkeypatch.setattr(walk.wizard, "assessment", lambda: wrong)
    with pytest.raises(AssertionError):
        walk.check()
