"""The roster's tables as Qt models: one line per person, one per problem, no widget per row.

`RosterModel` holds the `TableRow` lines of `roster.summary` (already in the roster's order:
overdue first, then by the next due date) and the texts they show, worked out once. Sorting
a column sorts those lines in Python with one key per line (`RosterModel.sort`), so that a
header click on 5,000 people takes milliseconds; the `RosterProxy` on top filters by name and
situation, and hands every sort to the model. `ProblemsModel` lists the rows that need fixing.
Nothing here keeps anything once `clear()` is called.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QStyle
from typing_extensions import override

from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.roster.assess import Person, Problem, RosterResult
from certalign_gui.roster.summary import TableRow, table_rows
from certalign_gui.roster.table_columns import WINDOW
from certalign_gui.rules.models import UrgencyLevel

Index = QModelIndex | QPersistentModelIndex

#: What a person's line is sorted by for a column (a plain value Python compares).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The words the filter box looks in (name and situation), in lower case.
FILTER_ROLE = Qt.ItemDataRole.UserRole + 2
#: The person's row in the file (``int``): how the window finds whose answer to open.
ROW_ROLE = Qt.ItemDataRole.UserRole + 3


#: The people table's columns, left to right, as `roster.table_columns.WINDOW` orders them:
#: ``Column.NAME`` is the name column's place, and so on.
Column = IntEnum("Column", [(spec.key.upper(), place) for place, spec in enumerate(WINDOW)])
#: How many columns (asked for on every paint: a constant, not an enum's length).
COLUMNS = len(WINDOW)
#: (header, what a screen reader and the tooltip say, width in average characters); the words
#: are the catalogue's message ids, said with `_` where shown.
HEADERS: dict[int, tuple[str, str, int]] = {
    Column(place): (spec.header_id, spec.spoken_id, spec.width) for place, spec in enumerate(WINDOW)
}
_URGENCY_ICONS: dict[UrgencyLevel, QStyle.StandardPixmap] = {
    "expired": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "urgent": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "soon": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "on_track": QStyle.StandardPixmap.SP_DialogApplyButton,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_ALIGNMENT = tuple(_RIGHT if spec.numeric else _LEFT for spec in WINDOW)
_SORT_KEYS: tuple[Callable[[TableRow], Any], ...] = tuple(spec.sort_key for spec in WINDOW)


def line_texts(line: TableRow) -> tuple[str, ...]:
    """What each column of ``line`` shows, in the window's column order."""
    return tuple(spec.text(line) for spec in WINDOW)


class RosterModel(QAbstractTableModel):
    """Every assessed person as one line; read-only."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[TableRow] = []
        self._texts: list[tuple[str, ...]] = []
        self._rank: dict[int, int] = {}  # file row -> place in the roster's own order
        self._filter: list[str] = []
        self._people: dict[int, Person] = {}
        self._icons: dict[UrgencyLevel, QIcon] = {}

    def set_result(self, result: RosterResult) -> None:
        """Show every person of ``result``, in the roster's order (overdue first)."""
        lines = table_rows(result)
        self.beginResetModel()
        self._people = {person.row: person for person in result.people}
        self._rank = {line.row: rank for rank, line in enumerate(lines)}
        self._set_lines(lines)
        self.endResetModel()

    def _set_lines(self, lines: list[TableRow]) -> None:
        self._lines = lines
        self._texts = [line_texts(line) for line in lines]
        self._filter = [f"{line.name}\n{line.situation}".casefold() for line in lines]

    def _reorder(self, order: list[int]) -> None:
        """Put the lines (and their texts, worked out once) in ``order``."""
        self._lines = [self._lines[i] for i in order]
        self._texts = [self._texts[i] for i in order]
        self._filter = [self._filter[i] for i in order]

    def clear(self) -> None:
        """Forget every person (the roster is personal data)."""
        self.beginResetModel()
        self._people = {}
        self._rank = {}
        self._set_lines([])
        self.endResetModel()

    def lines(self) -> list[TableRow]:
        """The lines in the order shown by the model."""
        return list(self._lines)

    def longest_texts(self, column: int, count: int = 40) -> list[str]:
        """The ``count`` longest different texts of ``column`` (for the column's width)."""
        different = {texts[column] for texts in self._texts}
        return sorted(different, key=len)[-count:]

    def person(self, row: int) -> Person | None:
        """The person on the roster's ``row`` (the file's row number)."""
        return self._people.get(row)

    def people(self) -> list[Person]:
        """Everyone, in the model's current order."""
        return [self._people[line.row] for line in self._lines]

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's own default)
        return 0 if parent.isValid() else len(self._lines)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMNS

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole or role == Qt.ItemDataRole.AccessibleTextRole:
            return self._texts[row][column]
        if role == SORT_ROLE:
            line = self._lines[row]
            return (_SORT_KEYS[column](line), self._rank[line.row])
        if role == FILTER_ROLE:
            return self._filter[row]
        if role == ROW_ROLE:
            return self._lines[row].row
        if role == Qt.ItemDataRole.DecorationRole and column == Column.URGENCY:
            return self._icon(self._lines[row].urgency)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _ALIGNMENT[column]
        if role == Qt.ItemDataRole.ToolTipRole and column in (Column.SITUATION, Column.NEXT_STEP):
            return self._texts[row][column]
        return None

    def _icon(self, level: UrgencyLevel) -> QIcon:
        icon = self._icons.get(level)
        if icon is None:
            style = QApplication.style()
            icon = self._icons[level] = style.standardIcon(_URGENCY_ICONS[level])
        return icon

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMNS:
            return None
        title, spoken, _width = HEADERS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return _(title)
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return _(spoken)
        return None

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the lines by ``column`` (ties keep the roster's order), keeping the selection."""
        if not 0 <= column < COLUMNS or not self._lines:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_rows = [self._lines[index.row()].row for index in old]
        rank = self._rank
        by = _SORT_KEYS[Column(column)]
        if column == Column.DUE:
            by = lambda line: rank[line.row]  # noqa: E731 (the roster's own order)
        lines = self._lines
        positions = sorted(range(len(lines)), key=lambda i: (by(lines[i]), rank[lines[i].row]))
        if order == Qt.SortOrder.DescendingOrder:
            # Descending by the column, ties still in the roster's order.
            positions = sorted(positions, key=lambda i: by(lines[i]), reverse=True)
        self._reorder(positions)
        where = {line.row: position for position, line in enumerate(self._lines)}
        new = [
            self.index(where[row], index.column())
            for row, index in zip(old_rows, old, strict=False)
        ]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()


class RosterProxy(QSortFilterProxyModel):
    """Filters people by name and situation; sorting is the model's own (`RosterModel.sort`).

    The proxy keeps the model's order (its own sort column stays -1), so a sort costs one
    Python sort of the lines rather than a comparison call per pair of rows.
    """

    def __init__(self, model: RosterModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(model)
        self.setFilterRole(FILTER_ROLE)
        self.setFilterKeyColumn(Column.NAME)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._model = model

    def source_model(self) -> RosterModel:
        """The model this proxy filters."""
        return self._model

    def set_filter_text(self, text: str) -> None:
        """Show only the people whose name or situation contains ``text`` (any case)."""
        self.setFilterFixedString(" ".join(text.split()).casefold())

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._model.sort(column, order)

    def row_at(self, index: QModelIndex) -> int | None:
        """The file row of the person on the proxy's ``index`` (None for no index)."""
        if not index.isValid():
            return None
        value = self.data(self.index(index.row(), Column.NAME), ROW_ROLE)
        return int(value) if value is not None else None


#: The problems table's columns: (header, width in average characters).
PROBLEM_HEADERS = ((N_("Row"), 6), (N_("Name"), 20), (N_("Column"), 22), (N_("Cell"), 18),
                   (N_("What is wrong"), 60))  # fmt: skip


class ProblemsModel(QAbstractTableModel):
    """The rows that need fixing: row, name, column, what the cell held, what is wrong."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._problems: list[tuple[str, str, str, str, str]] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` in the file's order."""
        self.beginResetModel()
        self._problems = [(str(p.row), p.name, p.column, p.value, p.message) for p in problems]
        self.endResetModel()

    def clear(self) -> None:
        """Forget every problem (they quote the file's cells)."""
        self.set_problems(())

    def message(self, row: int) -> str:
        """Everything about problem ``row`` in one sentence, for the line under the table."""
        number, name, column, _value, message = self._problems[row]
        if name and column:
            where = _("Row {row} ({name}), {column}").format(row=number, name=name, column=column)
        elif name:
            where = _("Row {row} ({name})").format(row=number, name=name)
        elif column:
            where = _("Row {row}, {column}").format(row=number, column=column)
        else:
            where = _("Row {row}").format(row=number)
        return _("{where}: {message}").format(where=where, message=message)

    @override
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    @override
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(PROBLEM_HEADERS)

    @override
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self._problems[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT if index.column() == 0 else _LEFT
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
            and 0 <= section < len(PROBLEM_HEADERS)
        ):
            return _(PROBLEM_HEADERS[section][0])
        return None


def icon_size(height: int) -> QSize:
    """The urgency icons' size for rows of ``height`` pixels."""
    side = max(12, height - 6)
    return QSize(side, side)
