"""The roster's two table views: people (Enter or a double-click opens one) and problems."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget
from typing_extensions import override

from certalign_gui.gui.roster.model import (
    HEADERS,
    PROBLEM_HEADERS,
    Column,
    ProblemsModel,
    RosterProxy,
    icon_size,
)
from certalign_gui.presentation.catalogue import _

#: The columns cut short when the window is narrow: the long words, which the person's own
#: window shows whole. Who, how urgent, by when and whether they can staff stay whole.
_ELIDED = (Column.SITUATION, Column.NEXT_STEP)
#: ... but never narrower than this many average characters.
_ELIDED_MIN_CHARS = 12


def _plain_table(view: QTableView, rows_of_text: float = 1.6) -> None:
    """Read-only, one whole row selected, fixed row heights (fast with thousands of rows),
    and Tab leaves the table (arrow keys move inside it)."""
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setCornerButtonEnabled(False)
    view.verticalHeader().hide()
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    rows.setDefaultSectionSize(round(view.fontMetrics().height() * rows_of_text))
    view.horizontalHeader().setHighlightSections(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setStretchLastSection(True)


class PeopleTable(QTableView):
    """Everyone assessed; every column sorts (a header click, or the keyboard's sort keys)."""

    #: Enter, Return or a double-click on a person: open their answer.
    open_requested = Signal(QModelIndex)

    def __init__(self, proxy: RosterProxy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rosterTable")
        self.setAccessibleName(_("People, next due first"))
        self.setAccessibleDescription(
            _(
                "One row per person. Press Enter to open a person's answer. Click a column "
                "header to sort by it."
            )
        )
        _plain_table(self)
        self.horizontalHeader().setStretchLastSection(False)
        self.setModel(proxy)
        self._model = proxy.source_model()
        self.setIconSize(icon_size(self.verticalHeader().defaultSectionSize()))
        character = self.fontMetrics().averageCharWidth()
        for column, (_title, _spoken, chars) in HEADERS.items():
            self.setColumnWidth(column, character * chars)
        #: Each column's width with nothing cut short (set by `fit_columns`).
        self._natural: dict[Column, int] = {}
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setSortIndicatorShown(True)
        # The roster's own order (overdue first, then by due date) is the Due column's.
        self.horizontalHeader().setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(self.open_requested)

    def fit_columns(self) -> None:
        """Each column as wide as its longest text (within reason), measured once per roster.

        Qt's own "resize to contents" would ask every one of thousands of rows.
        """
        metrics = self.fontMetrics()
        header = self.horizontalHeader().fontMetrics()
        padding = metrics.averageCharWidth() * 3
        for column, (title, _spoken, chars) in HEADERS.items():
            widest = max(
                (metrics.horizontalAdvance(text) for text in self._model.longest_texts(column)),
                default=0,
            )
            if column == Column.URGENCY:
                widest += self.iconSize().width() + metrics.averageCharWidth()
            # The header's sort arrow needs room too.
            needed = max(widest, header.horizontalAdvance(_(title)) + padding) + padding
            cap = metrics.averageCharWidth() * max(chars, 14) * 2
            self._natural[column] = min(needed, cap)
        self.fit_to_width()

    def fit_to_width(self) -> None:
        """The key columns at their full width; the long words (situation, next step) share
        what is left, cut short with "…" (their whole text is in the person's window, the
        tooltip and what a screen reader reads), so nothing needs sideways scrolling."""
        if not self._natural:
            return
        room = self.viewport().width()
        fixed = sum(width for column, width in self._natural.items() if column not in _ELIDED)
        wanted = {column: self._natural[column] for column in _ELIDED}
        narrowest = self.fontMetrics().averageCharWidth() * _ELIDED_MIN_CHARS
        left = max(room - fixed, narrowest * len(_ELIDED))
        total = sum(wanted.values())
        for column, width in self._natural.items():
            if column in _ELIDED and total > left:
                width = max(narrowest, width * left // total)
            self.setColumnWidth(column, width)

    @override
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_to_width()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            event.accept()
            self.open_requested.emit(self.currentIndex())
            return
        super().keyPressEvent(event)


class ProblemsTable(QTableView):
    """The rows that need fixing; the selected problem is spelled out under the table."""

    def __init__(self, model: ProblemsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemsTable")
        self.setAccessibleName(_("Rows that need fixing"))
        self.setAccessibleDescription(_("Row, column, what the cell holds, and what is wrong."))
        _plain_table(self)
        self.setModel(model)
        character = self.fontMetrics().averageCharWidth()
        for column, (_title, chars) in enumerate(PROBLEM_HEADERS):
            self.setColumnWidth(column, character * chars)
