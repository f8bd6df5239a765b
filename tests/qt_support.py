"""Qt test support shared by tests/gui and tests/hardening: no browser, and driving as people do.

Dates are entered the way a person enters them: the keyboard focus arrives in the field
for real (Next, a mouse click, Shift+Tab then Tab, Ctrl+A, Backspace), then key events go
to `QApplication.focusWidget()`, whatever widget that is. `arrive()` and `type_date()` do
that; `press_next()`, `press_back()` and `start_over()` change pages by keys or clicks and
check where the focus landed. No test sets a date with `DateLineEdit.setDate()`: it hides
every way typing can go wrong.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QWidget,
    QWizard,
)

from certalign_gui.gui.shell.click_guard import DoubleClickGuard
from certalign_gui.gui.wizard.alignment_wizard import PageId
from certalign_gui.gui.wizard.date_field import DateLineEdit

#: The first worked example's advice date (RULES.md).
TODAY = date(2025, 1, 10)
#: A fresh interpreter with Qt and the package imports well within this.
SUBPROCESS_TIMEOUT_S = 120
#: Every scheme a link could use; none of them may reach a real browser in a test.
SCHEMES = ("http", "https", "mailto", "file")
#: How long a page change may take (it is immediate; this only bounds a failure).
PAGE_CHANGE_MS = 3000

#: How the keyboard focus can arrive in a date field before a date is typed (see `arrive`).
ARRIVALS = (
    "next",  # as the page change (or the field's own way in) leaves it
    "click_month",  # a mouse click inside the month
    "click_day",  # ... inside the day
    "click_year",  # ... inside the year
    "click_after",  # ... right of the text
    "shift_tab_tab",  # Shift+Tab out, Tab back in
    "click_ctrl_a",  # a click, a second click (cursor placed), then Ctrl+A
    "backspace",  # End, then Backspace until the field is empty
)
#: How people write a date; the two-digit years only exist for 2000-2099.
TEXT_FORMS = ("MM/DD/YYYY", "M/D/YYYY", "MMDDYYYY", "YYYY-MM-DD", "M/D/YY", "MMDDYY")
#: Which page each date field is on.
DATE_FIELD_PAGES = {
    "asOfDateEdit": PageId.WELCOME,
    "maExpirationEdit": PageId.MA,
    "nremtExpirationEdit": PageId.NREMT,
}
#: Where the keyboard focus must be when a page is first shown (None: the NREMT answer).
FOCUS_TARGETS = {
    PageId.WELCOME: "pageHeading",
    PageId.MA: "maExpirationEdit",
    PageId.NREMT: None,
    PageId.DETAILS: "nameEdit",
    PageId.RESULTS: "situationLabel",
}
#: Characters of the text shown ``03/31/2027`` a click lands after (month, day, year).
_CLICK_INDEX = {"click_month": 1, "click_day": 4, "click_year": 8}


class UrlRecorder(QObject):
    """Receives every URL Qt would have opened in a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        """Record ``url`` instead of opening it."""
        self.urls.append(url.toString())


@contextmanager
def recording_urls() -> Iterator[UrlRecorder]:
    """Send every http/https/mailto/file link, from Python or from C++, to a recorder."""
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    try:
        yield recorder
    finally:
        for scheme in SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)


def child(widget: QWidget, cls: type, name: str):
    """The child ``name``; fails clearly when it does not exist."""
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


# -- Dates as text. -----------------------------------------------------------------------


def date_text(day: date, form: str = "MM/DD/YYYY") -> str:
    """``day`` written in one of `TEXT_FORMS`."""
    if form.endswith("YY") and not form.endswith("YYYY") and not 2000 <= day.year <= 2099:
        raise ValueError(f"{day} has no two-digit year")
    texts = {
        "MM/DD/YYYY": f"{day.month:02d}/{day.day:02d}/{day.year:04d}",
        "M/D/YYYY": f"{day.month}/{day.day}/{day.year:04d}",
        "MMDDYYYY": f"{day.month:02d}{day.day:02d}{day.year:04d}",
        "YYYY-MM-DD": f"{day.year:04d}-{day.month:02d}-{day.day:02d}",
        "M/D/YY": f"{day.month}/{day.day}/{day.year % 100:02d}",
        "MMDDYY": f"{day.month:02d}{day.day:02d}{day.year % 100:02d}",
    }
    return texts[form]


def forms_for(day: date) -> tuple[str, ...]:
    """The forms ``day`` can be written in (a two-digit year means 20YY)."""
    return tuple(form for form in TEXT_FORMS if 2000 <= day.year <= 2099 or "YYYY" in form)


# -- Keys and clicks, where a person's would go. ------------------------------------------


def activate(qtbot, window: QWidget) -> None:
    """Make ``window`` the active window: key events reach its focus widget only then."""
    if QApplication.activeWindow() is not window:
        window.activateWindow()
        # Not qtbot.waitActive: the platform window may count as active while Qt's
        # active window (the one keys go to) is still another.
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def focused() -> QWidget:
    """The widget the keyboard types into now (there must be one)."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def describe(widget: QWidget | None) -> str:
    """A widget, for failure messages."""
    if widget is None:
        return "nothing"
    return f"{type(widget).__name__} {widget.objectName() or '(unnamed)'}"


def key(qtbot, which: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """Press and release one key in the focus widget."""
    qtbot.keyClick(focused(), which, modifiers)


def keys(qtbot, text: str) -> None:
    """Type ``text`` (ASCII) into the focus widget, key by key."""
    qtbot.keyClicks(focused(), text)


def key_sequence(qtbot, sequence: QKeySequence | QKeySequence.StandardKey) -> None:
    """Press a shortcut (Ctrl+N, Ctrl+A) in the focus widget."""
    qtbot.keySequence(focused(), QKeySequence(sequence))


def click_point(widget: QWidget) -> QPoint:
    """Where a click presses ``widget``: a radio button or check box on its indicator."""
    if isinstance(widget, (QRadioButton, QCheckBox)):
        option = QStyleOptionButton()
        option.initFrom(widget)
        element = (
            QStyle.SubElement.SE_RadioButtonIndicator
            if isinstance(widget, QRadioButton)
            else QStyle.SubElement.SE_CheckBoxIndicator
        )
        return widget.style().subElementRect(element, option, widget).center()
    return widget.rect().center()


def mouse_click(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A real left click (press and release) on ``widget``.

    As a person clicks: not within the double-click that changed the page (the window
    would take it for the second half of that double-click, and rightly ignore it).
    """
    assert widget.isVisible(), f"cannot click the hidden {describe(widget)}"
    activate(qtbot, widget.window())
    guard = widget.window().findChild(DoubleClickGuard)
    if guard is not None and guard.armed():
        qtbot.waitUntil(lambda: not guard.armed(), timeout=PAGE_CHANGE_MS)
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or click_point(widget))


def choose(qtbot, button: QAbstractButton) -> None:
    """Click a radio button or tick a check box with the mouse (it must change)."""
    before = button.isChecked()
    mouse_click(qtbot, button)
    if isinstance(button, QRadioButton):
        assert button.isChecked(), f"the click did not choose {describe(button)}"
    else:
        assert button.isChecked() is not before, f"the click did not toggle {describe(button)}"


# -- Pages, and the focus on them. -----------------------------------------------------------


def wizard_buttons(wizard: QWizard) -> list[QAbstractButton]:
    """The wizard's own buttons that are on screen (Back, Next)."""
    kinds = (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton)
    return [wizard.button(kind) for kind in kinds if wizard.button(kind).isVisible()]


def expected_focus(wizard: QWizard) -> QWidget:
    """Where the focus belongs on first arrival at the current page."""
    page = wizard.currentPage()
    name = FOCUS_TARGETS[PageId(wizard.currentId())]
    if name is None:  # the NREMT answer chosen, or the first answer
        checked = [
            radio
            for radio in page.findChildren(QRadioButton)
            if radio.objectName().startswith("nremt") and radio.isChecked()
        ]
        return checked[0] if checked else child(page, QRadioButton, "nremtActiveRadio")
    return child(page, QWidget, name)


def assert_focus_on_page(wizard: QWizard, expected: QWidget | None = None) -> QWidget:
    """The focus is on a visible widget of the page shown (or a visible wizard button)."""
    widget = QApplication.focusWidget()
    where = f"on page {PageId(wizard.currentId()).name}"
    assert widget is not None, f"nothing has the keyboard focus {where}"
    assert widget.isVisible(), f"the focus is on the hidden {describe(widget)} {where}"
    page = wizard.currentPage()
    assert page.isAncestorOf(widget) or widget in wizard_buttons(wizard), (
        f"the focus is on {describe(widget)}, not on the page shown ({where})"
    )
    if expected is not None:
        assert widget is expected, f"the focus is on {describe(widget)}, not {describe(expected)}"
    return widget


def assert_arrival_focus(wizard: QWizard) -> None:
    """Right after a page change, and still once the events queued by it have run."""
    assert_focus_on_page(wizard, expected_focus(wizard))
    QApplication.processEvents()
    assert_focus_on_page(wizard, expected_focus(wizard))


def next_enabled(wizard: QWizard) -> bool:
    """Whether Next can be pressed now."""
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def tab_to(qtbot, target: QWidget, *, backwards: bool = False, limit: int = 40) -> None:
    """Press Tab (or Shift+Tab) until ``target`` has the focus."""
    modifiers = Qt.KeyboardModifier.ShiftModifier if backwards else Qt.KeyboardModifier.NoModifier
    seen = []
    for _ in range(limit):
        if QApplication.focusWidget() is target:
            return
        key(qtbot, Qt.Key.Key_Tab, modifiers)
        seen.append(describe(QApplication.focusWidget()))
    raise AssertionError(f"Tab never reached {describe(target)}; it went {seen}")


def press_next(qtbot, wizard: QWizard, how: str = "enter", *, check_focus: bool = True) -> None:
    """Go to the next page by Enter, a mouse click on Next, or Space on the focused Next.

    Then the focus must be where the new page puts it.
    """
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(wizard.currentId()).name}"
    activate(qtbot, wizard)
    before = wizard.currentId()
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=PAGE_CHANGE_MS):
        if how == "enter":
            # Enter on a focused button presses that button, not Next.
            assert not isinstance(focused(), QPushButton), describe(focused())
            key(qtbot, Qt.Key.Key_Return)
        elif how == "click":
            mouse_click(qtbot, button)
        elif how == "space":
            tab_to(qtbot, button)
            key(qtbot, Qt.Key.Key_Space)
        elif how == "alt_n":
            key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
        else:
            raise ValueError(how)
    assert wizard.currentId() == before + 1
    if check_focus:
        assert_arrival_focus(wizard)


def press_back(qtbot, wizard: QWizard, how: str = "click", *, check_focus: bool = True) -> None:
    """Go back a page by a click on Back, or Alt+B; then check the focus."""
    button = wizard.button(QWizard.WizardButton.BackButton)
    activate(qtbot, wizard)
    before = wizard.currentId()
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=PAGE_CHANGE_MS):
        if how == "click":
            mouse_click(qtbot, button)
        elif how == "alt_b":
            key(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        else:
            raise ValueError(how)
    assert wizard.currentId() == before - 1
    if check_focus:
        assert_arrival_focus(wizard)


def start_over(qtbot, wizard: QWizard, how: str = "ctrl_n") -> None:
    """Start over by Ctrl+N or the answer page's button; then check the focus."""
    activate(qtbot, wizard)
    with qtbot.waitSignal(wizard.currentIdChanged, timeout=PAGE_CHANGE_MS):
        if how == "ctrl_n":
            key_sequence(qtbot, QKeySequence.StandardKey.New)
        elif how == "button":
            mouse_click(qtbot, child(wizard, QPushButton, "startOverButton"))
        else:
            raise ValueError(how)
    assert wizard.currentId() == PageId.WELCOME
    assert_arrival_focus(wizard)


def click_next(qtbot, wizard: QWizard) -> None:
    """A mouse click on Next, and the checks that follow every page change."""
    press_next(qtbot, wizard, "click")


# -- Date fields. -------------------------------------------------------------------------------


def date_edit(wizard: QWizard, name: str) -> DateLineEdit:
    """The date field ``name``."""
    return child(wizard, DateLineEdit, name)


def text_x(edit: DateLineEdit, index: int) -> int:
    """The x of a point just after character ``index`` of what ``edit`` shows."""
    shown = edit.text()
    left = edit.contentsRect().left() + edit.textMargins().left() + 2  # QLineEdit's own margin
    metrics = edit.fontMetrics()
    before = metrics.horizontalAdvance(shown[:index])
    width = metrics.horizontalAdvance(shown[index : index + 1] or "0")
    return left + before + max(1, width // 2)


def click_in(qtbot, edit: DateLineEdit, how: str) -> None:
    """A mouse click inside the month, day or year the field shows, or right of its text."""
    middle = edit.height() // 2
    shown = edit.text()
    if how == "click_after":
        x = min(edit.width() - 4, text_x(edit, len(shown)) + edit.fontMetrics().averageCharWidth())
    else:
        x = text_x(edit, min(_CLICK_INDEX[how], max(len(shown) - 1, 0)))
    mouse_click(qtbot, edit, QPoint(x, middle))


def _way_in(qtbot, wizard: QWizard, edit: DateLineEdit) -> None:
    """The field's own keyboard way in: Next onto its page, or Tab, or "Planning ahead?"."""
    name = edit.objectName()
    if name == "maExpirationEdit":
        press_back(qtbot, wizard, "click")
        press_next(qtbot, wizard, "enter")
    elif name == "asOfDateEdit":
        toggle = child(wizard, QAbstractButton, "planningAheadToggle")
        if toggle.isChecked():
            mouse_click(qtbot, toggle)  # close, to open it again
        mouse_click(qtbot, toggle)
    else:
        if QApplication.focusWidget() is edit:
            key(qtbot, Qt.Key.Key_Tab)  # out, to come back in by Tab
        tab_to(qtbot, edit)
    assert QApplication.focusWidget() is edit, describe(QApplication.focusWidget())


def arrive(qtbot, wizard: QWizard, name: str, how: str = "next") -> DateLineEdit:
    """Bring the keyboard focus into date field ``name`` as a person would (`ARRIVALS`).

    Its page must be current and the field visible. Afterwards what the field holds is
    either all selected or erased, so typing replaces it; that is checked here. A click
    selects everything only as the first click after the focus arrived (as in a browser's
    address bar): once something was typed, a click places the cursor, so the ``click_*``
    arrivals are for a field the focus has just come to, or has left.
    """
    edit = date_edit(wizard, name)
    assert wizard.currentId() == DATE_FIELD_PAGES[name], f"{name} is not on the page shown"
    assert edit.isVisible(), f"{name} is not on screen"
    assert edit.isEnabled(), f"{name} is disabled"
    activate(qtbot, wizard)
    if how == "next":
        _way_in(qtbot, wizard, edit)
    elif how in _CLICK_INDEX or how == "click_after":
        click_in(qtbot, edit, how)
    elif how == "shift_tab_tab":
        if QApplication.focusWidget() is not edit:
            click_in(qtbot, edit, "click_after")
        key(qtbot, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is not edit, "Shift+Tab did not leave the field"
        key(qtbot, Qt.Key.Key_Tab)
    elif how == "click_ctrl_a":
        click_in(qtbot, edit, "click_month")
        click_in(qtbot, edit, "click_year")  # the second click places the cursor
        key_sequence(qtbot, QKeySequence.StandardKey.SelectAll)
    elif how == "backspace":
        if QApplication.focusWidget() is not edit:
            click_in(qtbot, edit, "click_after")
        key(qtbot, Qt.Key.Key_End)
        for _ in range(len(edit.text())):
            key(qtbot, Qt.Key.Key_Backspace)
        assert edit.text() == "", f"Backspace left {edit.text()!r}"
    else:
        raise ValueError(how)
    assert QApplication.focusWidget() is edit, f"{how}: the focus is on {describe(focused())}"
    assert edit.selectedText() == edit.text(), (
        f"{how}: typing would not replace {edit.text()!r} (selected: {edit.selectedText()!r})"
    )
    return edit


def wait_for_popup(qtbot, popup: QWidget) -> None:
    """Wait until ``popup`` is on screen and the window system has given it the keyboard.

    A person cannot press a key before that happens; a test can, and the activation then
    arrives after the popup has closed, leaving no window with the focus.
    """
    qtbot.waitUntil(popup.isVisible)
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is popup.windowHandle())


def type_date(qtbot, text: str, into: QWidget | None = None) -> None:
    """Type ``text`` into whatever has the keyboard focus (``into``, if given)."""
    if into is not None:
        assert QApplication.focusWidget() is into, f"typing into {describe(focused())}"
    keys(qtbot, text)


def enter_date(
    qtbot,
    wizard: QWizard,
    name: str,
    day: date | str,
    how: str = "next",
    form: str = "MM/DD/YYYY",
) -> DateLineEdit:
    """Arrive in field ``name`` (see `arrive`) and type ``day`` (a date, or any text)."""
    text = day if isinstance(day, str) else date_text(day, form)
    edit = arrive(qtbot, wizard, name, how)
    type_date(qtbot, text, into=edit)
    assert edit.text() == text, f"typed {text!r}, the field shows {edit.text()!r}"
    return edit


# -- Fresh interpreters. -------------------------------------------------------------------------


def offscreen_env(**extra: str) -> dict[str, str]:
    """The current environment with the offscreen platform (and ``extra``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run_python(
    code: str,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: os.PathLike[str] | None = None,
    timeout: float = SUBPROCESS_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args…`` in a fresh process (offscreen unless ``env`` says)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=offscreen_env() if env is None else env,
        cwd=cwd,
        check=False,
    )


# -- Keys: every underlined letter works, and every button says its keys. -----------------


def _shown_buttons(window: QWidget) -> list[QAbstractButton]:
    return [
        button
        for button in window.findChildren(QAbstractButton)
        if button.isVisible() and button.window() is window and button.text()
    ]


def _mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString(QKeySequence.SequenceFormat.NativeText)


def check_window_keys(window: QWidget, where: str) -> None:
    """Each underlined letter is Alt+letter (not replaced by another shortcut), is in the
    button's tooltip, and is used once in the window (a label's for its field too)."""
    letters: dict[str, str] = {}
    for button in _shown_buttons(window):
        alt = _mnemonic(button.text())
        if not alt:
            continue
        assert button.shortcut() == QKeySequence.mnemonic(button.text()), (
            f"{where}: {button.text()!r} has another shortcut instead of {alt}"
        )
        assert alt in button.toolTip(), f"{where}: {button.text()!r}'s tooltip lacks {alt}"
        assert alt not in letters, f"{where}: {alt} is both {letters[alt]!r} and {button.text()!r}"
        letters[alt] = button.text()
    for label in window.findChildren(QLabel):
        alt = _mnemonic(label.text()) if label.buddy() is not None else ""
        if alt and label.isVisible() and label.window() is window:
            assert alt not in letters, f"{where}: {alt} is {letters[alt]!r} and {label.text()!r}"
            letters[alt] = label.text()
