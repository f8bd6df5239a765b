"""The marks `certalign_gui.gui.shell.accessibility` puts on widgets, and what a marked widget reads
as: shared by the marking (at start-up) and the interfaces (loaded when a screen reader asks)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLabel, QWidget

#: The dynamic property that marks a widget for our accessible interface.
KIND = "certalignAccessible"
HEADING, READABLE, EXPANDER, CHART = "heading", "readable", "expander", "chart"
#: A heading's level (1 = the page's own).
LEVEL = "certalignHeadingLevel"
#: The attribute that holds what a marked widget reads as, when that is not its own text.
TEXT_SOURCE = "_certalign_readable_text"


def text_of(widget: QWidget) -> str:
    """What a marked widget reads as: its text source, a label's text, or its name."""
    source: Callable[[], str] | None = getattr(widget, TEXT_SOURCE, None)
    if source is not None:
        return source()
    if isinstance(widget, QLabel):
        return widget.text()
    return widget.accessibleName()
