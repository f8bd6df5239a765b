"""`FlowLayout`: a row of buttons that wraps onto more rows when the window is narrow.

A plain row of five buttons needs about 700 pixels; a 1024x768 station screen at 150 %
text has 683. Wrapped, every button keeps the width its words need (Qt's flow layout
example, with "trailing" items that keep to the right edge, and a minimum width of
``min_columns`` buttons so that the window never needs more rows than it has room for).
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget
from typing_extensions import override

#: Between buttons, as Fusion spaces the widgets of a layout.
_DEFAULT_SPACING = 6


class FlowLayout(QLayout):
    """Items left to right in rows as wide as the layout; trailing items to the right."""

    def __init__(self, parent: QWidget | None = None, *, min_columns: int = 2) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._trailing: set[int] = set()
        self._min_columns = max(1, min_columns)
        self._row_count = 0

    def add_widget(self, widget: QWidget, *, trailing: bool = False) -> None:
        """Add ``widget``; a ``trailing`` one keeps to the right edge of its row."""
        self.addWidget(widget)
        if trailing:
            self._trailing.add(id(self._items[-1]))

    @override
    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    @override
    def count(self) -> int:
        return len(self._items)

    @override
    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        return self._items[index] if 0 <= index < len(self._items) else None

    @override
    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]
        if not 0 <= index < len(self._items):
            return None
        item = self._items.pop(index)
        self._trailing.discard(id(item))
        return item

    @override
    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    @override
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)
        rows = len(self._rows(rect.width() - self._margin_width()))
        if rows != self._row_count:
            # More or fewer rows: the minimum height changed; let the window know.
            self._row_count = rows
            self.invalidate()

    def _margin_width(self) -> int:
        margins = self.contentsMargins()
        return margins.left() + margins.right()

    @override
    def sizeHint(self) -> QSize:
        """Everything on one row."""
        shown = self._shown()
        margins = self.contentsMargins()
        width = sum(item.sizeHint().width() for item in shown)
        width += self._spacing() * max(0, len(shown) - 1)
        height = max((item.sizeHint().height() for item in shown), default=0)
        return QSize(
            width + margins.left() + margins.right(), height + margins.top() + margins.bottom()
        )

    @override
    def minimumSize(self) -> QSize:
        """As narrow as ``min_columns`` of the widest items; as tall as the rows need at the
        width the layout has now (the window's minimum height follows its width: a top-level
        window does not ask its layout's height-for-width)."""
        shown = self._shown()
        margins = self.contentsMargins()
        widths = sorted((item.sizeHint().width() for item in shown), reverse=True)
        columns = widths[: self._min_columns]
        width = sum(columns) + self._spacing() * max(0, len(columns) - 1)
        width += margins.left() + margins.right()
        return QSize(width, self.heightForWidth(max(width, self.geometry().width())))

    def _shown(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty()]

    def _spacing(self) -> int:
        spacing = self.spacing()
        return spacing if spacing >= 0 else _DEFAULT_SPACING

    def _rows(self, width: int) -> list[list[QLayoutItem]]:
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        spacing = self._spacing()
        for item in self._shown():
            wanted = item.sizeHint().width()
            if rows[-1] and used + spacing + wanted > width:
                rows.append([])
                used = 0
            used += wanted + (spacing if rows[-1] else 0)
            rows[-1].append(item)
        return [row for row in rows if row]

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in ``rect`` (only measure unless ``move``); the height used."""
        margins = self.contentsMargins()
        inner = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        spacing = self._spacing()
        y = inner.y()
        rows = self._rows(inner.width())
        for row in rows:
            height = max(item.sizeHint().height() for item in row)
            if move:
                self._place_row(row, inner, y, height, spacing)
            y += height + spacing
        used = y - spacing - inner.y() if rows else 0
        return used + margins.top() + margins.bottom()

    def _place_row(
        self, row: list[QLayoutItem], inner: QRect, y: int, height: int, spacing: int
    ) -> None:
        leading = [item for item in row if id(item) not in self._trailing]
        trailing = [item for item in row if id(item) in self._trailing]
        x = inner.x()
        for item in leading:
            size = item.sizeHint()
            item.setGeometry(QRect(QPoint(x, y), QSize(size.width(), height)))
            x += size.width() + spacing
        x = inner.x() + inner.width()
        for item in reversed(trailing):
            size = item.sizeHint()
            x -= size.width()
            item.setGeometry(QRect(QPoint(x, y), QSize(size.width(), height)))
            x -= spacing
