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
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget
from typing_extensions import override

from certalign_gui.gui.shell.accessible_marks import (
    CHART,
    EXPANDER,
    HEADING,
    KIND,
    LEVEL,
    READABLE,
    TEXT_SOURCE,
)

if TYPE_CHECKING:
    from PySide6.QtGui import QAccessibleInterface

log = logging.getLogger(__name__)

#: Where a hidden widget's focus policy waits until it is shown again.
_SAVED_POLICY = "certalignFocusPolicy"


class Interfaces(Protocol):
    """The accessible interfaces (`certalign_gui.gui.shell.accessible_interfaces` is one)."""

    ROLES: Mapping[str, QAccessible.Role]
    Marked: type[QAccessibleInterface]


#: Gives the interfaces when a screen reader first asks: the composition root
#: (`certalign_gui.app`) installs one that loads them only then.
_interfaces: Callable[[], Interfaces] | None = None


def _factory(class_name: str, obj: QObject) -> QAccessibleInterface | None:
    """Qt asks this for every object a screen reader looks at: ours, or Qt's own (None)."""
    try:
        if not isinstance(obj, QWidget):
            return None
        kind = obj.property(KIND)
        if kind is None or _interfaces is None:
            return None
        interfaces = _interfaces()
        if kind not in interfaces.ROLES:
            return None
        return interfaces.Marked(obj, kind)
    except Exception:  # never let an error reach Qt's C++ caller
        log.debug("accessible interface for %s failed", class_name, exc_info=True)
        return None


def install(interfaces: Callable[[], Interfaces]) -> None:
    """Install the factory whose interfaces ``interfaces`` gives (once, after the
    QApplication exists: Qt asks the last one first)."""
    global _interfaces
    if _interfaces is not None:
        return
    _interfaces = interfaces
    QAccessible.installFactory(_factory)


def _mark(widget: QWidget, kind: str, text: Callable[[], str] | None) -> None:
    widget.setProperty(KIND, kind)
    if text is not None:
        setattr(widget, TEXT_SOURCE, text)
    _drop_qts_interface(widget)


def _drop_qts_interface(widget: QWidget) -> None:
    """Forget an interface Qt already made for ``widget`` (when a screen reader is running,
    setting a text makes one at once), so that ours is made the next time one is asked for."""
    if not QAccessible.isActive() or _interfaces is None:
        return
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is not None and not isinstance(interface, _interfaces().Marked):
        QAccessible.deleteAccessibleInterface(QAccessible.uniqueId(interface))


def mark_heading(label: QLabel, level: int) -> None:
    """``label`` is a heading of ``level`` (1 = the page's own)."""
    label.setProperty(LEVEL, level)
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
