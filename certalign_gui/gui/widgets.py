"""Small building blocks shared by the wizard pages."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from certalign_gui.gui import accessibility

#: A focus ring for text that takes the keyboard focus (the border is always there, clear
#: when unfocused, so nothing moves when focus arrives).
FOCUS_RING = (
    "{cls}:focus {{ border: 2px solid #1d5fbf; border-radius: 3px; }}"
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
    """At least two text lines tall and comfortably wide: easy to hit on a touch screen."""
    metrics = button.fontMetrics()
    button.setMinimumHeight(round(metrics.height() * 2.2))
    button.setMinimumWidth(round(metrics.averageCharWidth() * 12))


def show_focus_ring(widget: QWidget, cls: str = "QLabel") -> None:
    """Draw a visible ring round ``widget`` while it has the keyboard focus."""
    widget.setStyleSheet(FOCUS_RING.format(cls=cls))


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
