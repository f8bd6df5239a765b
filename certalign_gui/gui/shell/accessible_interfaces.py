"""The accessible interfaces behind `certalign_gui.gui.shell.accessibility` (loaded when a screen
reader first asks: a window nobody reads with an assistive technology never pays for them)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QRect
from PySide6.QtGui import QAccessible, QAccessibleAttributesInterface, QAccessibleTextInterface
from PySide6.QtWidgets import QAbstractButton, QAccessibleWidget, QWidget

from certalign_gui.gui.shell.accessible_marks import (
    CHART,
    EXPANDER,
    HEADING,
    LEVEL,
    READABLE,
    text_of,
)


class _Text(QAccessibleTextInterface):
    """Read-only Text for a marked widget: all of its words, no caret, no selection."""

    def __init__(self, owner: Marked) -> None:
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


ROLES = {
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


class Marked(QAccessibleWidget):
    """Our interface for a marked widget (see the module docstring)."""

    def __init__(self, widget: QWidget, kind: str) -> None:
        super().__init__(widget, ROLES[kind])
        self._kind = kind
        self._text_iface = _Text(self)
        level = widget.property(LEVEL)
        self._attributes = _Attributes(int(level)) if kind == HEADING and level else None

    def readable_text(self) -> str:
        widget = self.widget()
        return text_of(widget) if widget is not None else ""

    def text(self, which: QAccessible.Text) -> str:
        try:
            widget = self.widget()
            if widget is None:
                return ""
            if which == QAccessible.Text.Name:
                if isinstance(widget, QAbstractButton):
                    return widget.accessibleName() or widget.text().replace("&", "")
                return widget.accessibleName() or text_of(widget)
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
