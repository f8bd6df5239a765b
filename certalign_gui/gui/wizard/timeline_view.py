"""The timeline on screen: a widget that shows `paint_timeline` and reads as its dates.

The drawing itself is widget-free (`certalign_gui.checklist.timeline`), shared with the paper.
"""

from __future__ import annotations

import math
from datetime import date

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from certalign_gui.checklist.timeline import describe_timeline, paint_timeline
from certalign_gui.checklist.timeline_layout import timeline_layout
from certalign_gui.gui.shell import accessibility, colours
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Assessment


class TimelineWidget(QWidget):
    """Shows `paint_timeline` for the current assessment; grows in height when narrow."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineWidget")
        self._assessment: Assessment | None = None
        self._today: date | None = None
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setAccessibleName(_("Timeline of the key dates"))
        # A screen reader reads the picture as its words: the same labels and dates.
        accessibility.mark_chart(self, self.description)

    def description(self) -> str:
        """The timeline in words ("" when empty)."""
        if self._assessment is None or self._today is None:
            return ""
        return describe_timeline(self._assessment, self._today)

    def set_assessment(self, assessment: Assessment | None, *, today: date | None = None) -> None:
        """Show ``assessment`` (None clears); ``today`` decides "Today" vs "Advice date"."""
        if assessment is not None and today is None:
            raise TypeError("the timeline needs today's date to label the advice date")
        self._assessment = assessment
        self._today = today
        self.setAccessibleDescription(self.description())
        self.updateGeometry()
        self.update()

    def assessment(self) -> Assessment | None:
        """The assessment on show."""
        return self._assessment

    def _margin(self) -> float:
        return QFontMetricsF(self.font()).height() * 0.5

    def _needed_height(self, width: int) -> int:
        margin = self._margin()
        if self._assessment is None or self._today is None:
            return int(QFontMetricsF(self.font()).height() * 8)
        rect = QRectF(margin, 0, max(1.0, width - 2 * margin), 1e6)
        layout = timeline_layout(rect, self._assessment, font=self.font(), today=self._today)
        return math.ceil(layout.height + 2 * margin)

    @override
    def hasHeightForWidth(self) -> bool:
        return True

    @override
    def heightForWidth(self, width: int) -> int:
        return self._needed_height(width)

    @override
    def sizeHint(self) -> QSize:
        width = int(QFontMetricsF(self.font()).averageCharWidth() * 110)
        return QSize(width, self._needed_height(width))

    @override
    def minimumSizeHint(self) -> QSize:
        # The height comes from heightForWidth, which every layout it sits in asks. A
        # minimum height worked out at the narrowest width (the picture stacked, over a
        # thousand pixels) would make the answer page scroll on into empty space.
        width = int(QFontMetricsF(self.font()).averageCharWidth() * 40)
        return QSize(width, self.sizeHint().height())

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._assessment is None or self._today is None:
            return
        painter = QPainter(self)
        try:
            painter.setPen(self.palette().color(self.foregroundRole()))
            margin = self._margin()
            rect = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
            paint_timeline(painter, rect, self._assessment, font=self.font(), today=self._today)
            if self.hasFocus():
                ring = QPen(QColor(colours.FOCUS), 2)
                painter.setPen(ring)
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 3, 3)
        finally:
            painter.end()
