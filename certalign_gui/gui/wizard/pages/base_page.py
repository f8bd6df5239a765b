"""What every page has: a "Step n of 5" line, a large heading, and a one-line lead."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget, QWizardPage
from typing_extensions import override

from certalign_gui.gui.shell.widgets import (
    COLUMN_CHARS,
    column_width,
    heading,
    page_scroll_area,
    readable_label,
)
from certalign_gui.presentation.catalogue import _


class BasePage(QWizardPage):
    """A wizard page that draws its own heading (QWizard's header text is small and fixed).

    ``self.body`` is the layout for the page's own widgets. ``showing`` is emitted as the
    page is being shown, before the keyboard focus moves to it (the window title and the
    step line must be right before a screen reader announces the new focus).
    """

    showing = Signal()

    def __init__(
        self,
        object_name: str,
        parent: QWidget | None = None,
        *,
        column_chars: int | None = COLUMN_CHARS,
        scroll: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self._plain_title = ""
        self.step_label = readable_label(object_name="stepIndicator", focusable=False)
        self.heading = heading("", level=1, scale=1.6, object_name="pageHeading")
        self.lead = readable_label(object_name="pageLead", focusable=False)
        # One centred column: lines of 140 characters are hard to read on a wide screen.
        column = QWidget()
        column.setObjectName("pageColumn")
        if column_chars is not None:
            column.setMaximumWidth(column_width(self, column_chars))
        self.column_layout = outer = QVBoxLayout(column)
        outer.setContentsMargins(0, self.fontMetrics().height(), 0, 0)
        outer.addWidget(self.step_label)
        self.heading_row = QHBoxLayout()
        self.heading_row.addWidget(self.heading, 1)
        outer.addLayout(self.heading_row)
        outer.addWidget(self.lead)
        outer.addSpacing(self.fontMetrics().height())
        self.body = QVBoxLayout()
        outer.addLayout(self.body, 1)
        centred = QWidget()
        centred.setObjectName("pageContent")
        row = QHBoxLayout(centred)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        row.addWidget(column, 100)
        row.addStretch(1)
        page = QVBoxLayout(self)
        page.setContentsMargins(0, 0, 0, 0)
        #: The page's content scrolls, so a small screen or large text never pushes the
        #: wizard's buttons off the screen (None: the page scrolls by itself).
        self.scroll_area: QScrollArea | None = None
        if scroll:
            self.scroll_area = page_scroll_area(centred, object_name="pageScroll")
            page.addWidget(self.scroll_area)
        else:
            page.addWidget(centred)

    def ensure_visible(self, widget: QWidget) -> None:
        """Scroll the page so that ``widget`` (a part of it) is in view."""
        if self.scroll_area is not None and self.scroll_area.isAncestorOf(widget):
            self.scroll_area.ensureWidgetVisible(widget)

    def set_heading(self, title: str, lead: str = "") -> None:
        """The page's heading and the line under it."""
        self._plain_title = title
        self.heading.setText(title)
        self.lead.setText(lead)
        self.lead.setVisible(bool(lead))

    def plain_title(self) -> str:
        """The page's title as plain text (window title, screen readers)."""
        return self._plain_title

    def focus_target(self) -> QWidget:
        """Where the keyboard focus goes when the page is shown (its first field)."""
        return self.heading

    @override
    def showEvent(self, event: QShowEvent) -> None:
        if not event.spontaneous():
            self.showing.emit()
        super().showEvent(event)

    def set_step(self, number: int, total: int) -> None:
        """Show where this page is in the wizard."""
        self.step_label.setText(_("Step {n} of {total}").format(n=number, total=total))
