"""What a screen reader gets: headings, readable text, expanders, announcements.

Qt exposes a `QLabel` as a plain "label": no heading role and no Text interface, so a
screen reader never reads it out unless it happens to look. Widgets marked here get an
accessible interface of our own (installed with `QAccessible.installFactory`):

- ``mark_heading(label, level)``: role *heading*, with its level, and its text as Text;
- ``mark_readable(widget, text)``: a focusable piece of the answer, its text as Text
  (a label's own text, or what ``text()`` returns for a card or the timeline);
- ``mark_expander(button)``: a "Why?"-style toggle, announced as expandable/expanded,
  not as a check box.

`announce()` makes a screen reader say a message that just appeared (Qt 6.8+ sends
AT-SPI's announcement event). `HiddenFocusGuard` keeps hidden widgets (other pages, a
closed panel, unused wizard buttons) out of the focus chain and out of what a screen
reader lists as focusable.

Everything here runs only while an assistive technology is listening; each method is
defensive, because an exception in code Qt calls from C++ must never reach the user.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, Qt
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QAccessibleAttributesInterface,
    QAccessibleInterface,
    QAccessibleTextInterface,
)
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QApplication, QLabel, QWidget
from typing_extensions import override

log = logging.getLogger(__name__)

#: The dynamic property that marks a widget for our accessible interface.
KIND = "certalignAccessible"
HEADING, READABLE, EXPANDER, CHART = "heading", "readable", "expander", "chart"
#: Where a hidden widget's focus policy waits until it is shown again.
_SAVED_POLICY = "certalignFocusPolicy"
_LEVEL = "certalignHeadingLevel"

#: The attribute that holds what a marked widget reads as, when that is not its own text.
_TEXT_SOURCE = "_certalign_readable_text"
_installed = False


def _text_of(widget: QWidget) -> str:
    source: Callable[[], str] | None = getattr(widget, _TEXT_SOURCE, None)
    if source is not None:
        return source()
    if isinstance(widget, QLabel):
        return widget.text()
    return widget.accessibleName()


class _Text(QAccessibleTextInterface):
    """Read-only Text for a marked widget: all of its words, no caret, no selection."""

    def __init__(self, owner: _Marked) -> None:
        super().__init__()
        self._owner = owner

    def _all(self) -> str:
        try:
            return self._owner.readable_text()
        except RuntimeError:  # the widget is already gone
            return ""

    def text(self, start: int, end: int) -> str:
        return self._all()[start:end]

    def characterCount(self) -> int:
        return len(self._all())

    def cursorPosition(self) -> int:
        return 0

    def setCursorPosition(self, position: int) -> None:
        """Read-only: there is no caret to move."""

    def selectionCount(self) -> int:
        return 0

    def selection(self, index: int) -> tuple[int, int]:
        return (0, 0)

    def addSelection(self, start: int, end: int) -> None:
        """Read-only: nothing to select."""

    def removeSelection(self, index: int) -> None:
        """Read-only: nothing to select."""

    def setSelection(self, index: int, start: int, end: int) -> None:
        """Read-only: nothing to select."""

    def characterRect(self, offset: int) -> QRect:
        return QRect()

    def offsetAtPoint(self, point: object) -> int:
        return -1

    def scrollToSubstring(self, start: int, end: int) -> None:
        """The whole text is on screen with its widget."""

    def attributes(self, offset: int) -> tuple[str, int, int]:
        return ("", 0, self.characterCount())


_ROLES = {
    HEADING: QAccessible.Role.Heading,
    READABLE: QAccessible.Role.StaticText,
    EXPANDER: QAccessible.Role.Button,
    CHART: QAccessible.Role.Chart,
}


class _Attributes(QAccessibleAttributesInterface):
    """A heading's level (AT-SPI's "level" attribute: "heading level 2")."""

    def __init__(self, level: int) -> None:
        super().__init__()
        self._level = level

    def attributeKeys(self) -> list[QAccessible.Attribute]:
        return [QAccessible.Attribute.Level]

    def attributeValue(self, key: QAccessible.Attribute) -> object:
        return self._level if key == QAccessible.Attribute.Level else None


def _pointer(interface: object) -> shiboken6.VoidPtr:
    """What Qt's ``interface_cast`` must return: a raw pointer (an int would be misread)."""
    return shiboken6.VoidPtr(shiboken6.getCppPointer(interface)[0])


class _Marked(QAccessibleWidget):
    """Our interface for a marked widget (see the module docstring)."""

    def __init__(self, widget: QWidget, kind: str) -> None:
        super().__init__(widget, _ROLES[kind])
        self._kind = kind
        self._text_iface = _Text(self)
        level = widget.property(_LEVEL)
        self._attributes = _Attributes(int(level)) if kind == HEADING and level else None

    def readable_text(self) -> str:
        widget = self.widget()
        return _text_of(widget) if widget is not None else ""

    def text(self, which: QAccessible.Text) -> str:
        try:
            widget = self.widget()
            if widget is None:
                return ""
            if which == QAccessible.Text.Name:
                if isinstance(widget, QAbstractButton):
                    return widget.accessibleName() or widget.text().replace("&", "")
                return widget.accessibleName() or _text_of(widget)
            if which == QAccessible.Text.Description:
                return widget.accessibleDescription()
            return str(super().text(which))
        except RuntimeError:  # the widget is already gone
            return ""

    def state(self) -> QAccessible.State:
        state = super().state()
        try:
            widget = self.widget()
            if self._kind == EXPANDER and isinstance(widget, QAbstractButton):
                state.expandable = True
                state.expanded = widget.isChecked()
                state.collapsed = not widget.isChecked()
                state.checkable = False
                state.checked = False
        except RuntimeError:
            pass
        return state

    def actionNames(self) -> list[str]:
        names = list(super().actionNames())
        if self._kind == EXPANDER:
            names.insert(0, QAccessibleWidget.pressAction())
        return names

    def doAction(self, name: str) -> None:
        widget = self.widget()
        if self._kind == EXPANDER and name == QAccessibleWidget.pressAction():
            if isinstance(widget, QAbstractButton):
                widget.click()
            return
        super().doAction(name)

    def interface_cast(self, which: QAccessible.InterfaceType) -> shiboken6.VoidPtr:
        if which == QAccessible.InterfaceType.TextInterface and self._kind != EXPANDER:
            return _pointer(self._text_iface)
        if which == QAccessible.InterfaceType.AttributesInterface and self._attributes:
            return _pointer(self._attributes)
        return shiboken6.VoidPtr(super().interface_cast(which))


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object a screen reader looks at: ours, or Qt's own (None)."""
    try:
        if not isinstance(obj, QWidget):
            return None
        kind = obj.property(KIND)
        if kind not in _ROLES:
            return None
        return _Marked(obj, kind)
    except Exception:  # never let an error reach Qt's C++ caller
        log.debug("accessible interface for %s failed", class_name, exc_info=True)
        return None


def install() -> None:
    """Install the factory (once, after the QApplication exists: Qt asks the last one first)."""
    global _installed
    if _installed:
        return
    QAccessible.installFactory(_factory)
    _installed = True


def _mark(widget: QWidget, kind: str, text: Callable[[], str] | None) -> None:
    widget.setProperty(KIND, kind)
    if text is not None:
        setattr(widget, _TEXT_SOURCE, text)
    _drop_qts_interface(widget)


def _drop_qts_interface(widget: QWidget) -> None:
    """Forget an interface Qt already made for ``widget`` (when a screen reader is running,
    setting a text makes one at once), so that ours is made the next time one is asked for."""
    if not QAccessible.isActive():
        return
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None and not isinstance(interface, _Marked):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))


def mark_heading(label: QLabel, level: int) -> None:
    """``label`` is a heading of ``level`` (1 = the page's own)."""
    label.setProperty(_LEVEL, level)
    _mark(label, HEADING, None)


def mark_readable(
    widget: QWidget, text: Callable[[], str] | None = None, *, focusable: bool = True
) -> None:
    """``widget`` is part of what a person reads: a Tab stop whose words are Text."""
    _mark(widget, READABLE, text)
    if focusable:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def mark_chart(widget: QWidget, text: Callable[[], str]) -> None:
    """``widget`` is a picture whose content ``text()`` says in words (the timeline)."""
    _mark(widget, CHART, text)
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)


def mark_expander(button: QAbstractButton) -> None:
    """``button`` shows and hides more text: expandable and expanded, not checked."""
    _mark(button, EXPANDER, None)


def announce(widget: QWidget, message: str) -> None:
    """Have a screen reader say ``message`` now (about ``widget``), if one is listening."""
    if not message or not QAccessible.isActive():
        return
    QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, message))


class HiddenFocusGuard(QObject):
    """Hidden widgets take no focus: not by Tab, not by a stray `setFocus`, not for AT-SPI.

    Installed on the application: a widget that is hidden (itself or with its page)
    gives up its focus policy, and gets it back when it is shown again.
    """

    @staticmethod
    def sweep(root: QWidget) -> None:
        """Take the focus policy from every widget under ``root`` that is not visible."""
        for widget in root.findChildren(QWidget):
            if not widget.isVisible():
                _park(widget)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Hide and isinstance(watched, QWidget):
            _park(watched)
        elif kind == QEvent.Type.Show and isinstance(watched, QWidget):
            saved = watched.property(_SAVED_POLICY)
            if saved is not None:
                watched.setFocusPolicy(Qt.FocusPolicy(saved))
                watched.setProperty(_SAVED_POLICY, None)
        return False


def _park(widget: QWidget) -> None:
    policy = widget.focusPolicy()
    if policy != Qt.FocusPolicy.NoFocus and widget.property(_SAVED_POLICY) is None:
        widget.setProperty(_SAVED_POLICY, policy.value)
        widget.setFocusPolicy(Qt.FocusPolicy.NoFocus)


def install_focus_guard(app: QApplication | None = None) -> HiddenFocusGuard:
    """The guard, installed on ``app`` (default: the running application)."""
    app = app or QApplication.instance()  # type: ignore[assignment]
    guard = HiddenFocusGuard(app)
    if app is not None:
        app.installEventFilter(guard)
    return guard
