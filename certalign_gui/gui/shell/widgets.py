"""Small building blocks shared by the wizard pages."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QLabel,
    QScrollArea,
    QWidget,
)

from certalign_gui.gui.shell import accessibility, colours
from certalign_gui.presentation.catalogue import _

#: A focus ring for text that takes the keyboard focus (the border is always there, clear
#: when unfocused, so nothing moves when focus arrives).
FOCUS_RING = (
    "{cls}:focus {{ border: 2px solid {colour}; border-radius: 3px; }}"
    " {cls} {{ border: 2px solid transparent; }}"
)


#: The widest a page's text gets, in average characters.
COLUMN_CHARS = 110


def column_width(widget: QWidget, chars: int = COLUMN_CHARS) -> int:
    """The width of ``chars`` average characters in ``widget``'s font, in pixels."""
    return round(widget.fontMetrics().averageCharWidth() * chars)


def plain_label(text: str = "", *, object_name: str = "", wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML, wrapping by default."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    label.setText(text)
    return label


def heading_label(text: str, *, scale: float = 1.25, object_name: str = "") -> QLabel:
    """A bold label, ``scale`` times the base font."""
    label = plain_label(text, object_name=object_name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def make_touch_friendly(button: QAbstractButton) -> None:
    """At least two text lines tall and comfortably wide: easy to hit on a touch screen.

    Never narrower than its words: a minimum width set by hand replaces the button's own
    (a layout would otherwise squeeze "Print checklist" to "rint checklis").
    """
    metrics = button.fontMetrics()
    button.setMinimumHeight(round(metrics.height() * 2.2))
    button.setMinimumWidth(max(button.sizeHint().width(), round(metrics.averageCharWidth() * 12)))


def key_names(button: QAbstractButton, *more: QKeySequence | str) -> list[str]:
    """The keys that press ``button``: Alt and its underlined letter, then ``more``."""
    keys = [QKeySequence.mnemonic(button.text()), *(QKeySequence(key) for key in more)]
    return [
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in keys if not key.isEmpty()
    ]


def explain_keys(button: QAbstractButton, what: str, *more: QKeySequence | str) -> None:
    """The tooltip: what ``button`` does, and every key that presses it ("Alt+P or Ctrl+P")."""
    names = key_names(button, *more)
    button.setToolTip(
        _("{what} ({keys})").format(what=what, keys=_(" or ").join(names)) if names else what
    )


def page_scroll_area(content: QWidget, *, object_name: str) -> QScrollArea:
    """A frameless area in which ``content`` scrolls up and down and wraps to the width."""
    area = QScrollArea()
    area.setObjectName(object_name)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setWidget(content)
    # Every part of a page that takes the focus is scrolled into view when it gets it, so
    # the area itself needs no Tab stop.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    _FocusFollower(area)
    return area


class _FocusFollower(QObject):
    """Scrolls its area to whatever inside it gets the focus, and keeps it in view while
    the page grows under it (an opened panel, a note that appears).

    Tab already scrolls; a click, a shortcut or code moving the focus does not.
    """

    def __init__(self, area: QScrollArea) -> None:
        super().__init__(area)
        self._area = area
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self.follow)
        # The content took its new size (the scroll area does that after the layout): the
        # widget with the focus may have moved out of view.
        area.verticalScrollBar().rangeChanged.connect(self._keep_in_view)

    def follow(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Bring ``new`` into view when it is part of the area's content."""
        content = self._area.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            # Once the layout has settled: the focus often moves into something that has
            # just been shown (an opened panel) and has no place yet.
            QTimer.singleShot(0, self, lambda: self._show(new))

    def _keep_in_view(self, _low: int, _high: int) -> None:
        content = self._area.widget()
        focused = QApplication.focusWidget()
        if focused is not None and content is not None and content.isAncestorOf(focused):
            # After the content has its new size and its layout has placed the widget.
            QTimer.singleShot(0, self, lambda: self._show(focused))

    def _show(self, widget: QWidget) -> None:
        content = self._area.widget()
        if content is not None and content.layout() is not None:
            # Lay the page out now: a panel just opened has no place until its layout runs.
            content.layout().activate()
        if widget.isVisible() and QApplication.focusWidget() is widget:
            # The whole widget, with room for a line or two under it (the date in words, a
            # problem, a hint); its top wins if both do not fit. (ensureWidgetVisible would
            # stop once a line edit's text cursor shows, its lower half cut off.)
            margin = widget.fontMetrics().height() * 2
            if isinstance(widget, QAbstractScrollArea):
                # A table or list: what belongs to it is inside it; no room is needed under
                # it (asking for some scrolled the roster's Sheet list out of view at 150 %).
                margin = 0
            elif widget.height() + 2 * margin > self._area.viewport().height():
                margin = 0  # a tall widget: as much of it as fits
            top = widget.mapTo(content, widget.rect().topLeft())
            bottom = widget.mapTo(content, widget.rect().bottomLeft())
            self._area.ensureVisible(bottom.x(), bottom.y(), 0, margin)
            self._area.ensureVisible(top.x(), top.y(), 0, margin // 2)


def show_focus_ring(widget: QWidget, cls: str = "QLabel") -> None:
    """Draw a visible ring round ``widget`` while it has the keyboard focus."""
    widget.setStyleSheet(FOCUS_RING.format(cls=cls, colour=colours.FOCUS))


def readable_label(
    text: str = "", *, object_name: str = "", focusable: bool = True, wrap: bool = True
) -> QLabel:
    """A plain label a screen reader reads as text; a Tab stop (with a ring) by default."""
    # Marked before it has a text: what a screen reader first sees is already ours.
    label = plain_label(object_name=object_name, wrap=wrap)
    accessibility.mark_readable(label, focusable=focusable)
    if focusable:
        show_focus_ring(label)
    label.setText(text)
    return label


def heading(
    text: str, *, level: int, scale: float = 1.25, object_name: str = "", focusable: bool = False
) -> QLabel:
    """A bold heading that a screen reader announces as "heading, level n"."""
    label = heading_label("", scale=scale, object_name=object_name)
    accessibility.mark_heading(label, level)
    if focusable:
        label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        show_focus_ring(label)
    label.setText(text)
    return label
