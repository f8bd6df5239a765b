"""The timeline picture: the advice date and every deadline on one axis, drawn with QPainter.

Shared by the screen (`certalign_gui.gui.wizard.timeline_view.TimelineWidget`) and the paper
(`certalign_gui.checklist.document`): widget-free, so the printed page never depends on the
window. `timeline_layout` decides where everything goes. Meaning is carried by words and
marker shapes, never by colour alone, so a black-and-white printout reads the same as the
screen.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from certalign_gui.checklist.timeline_layout import (
    AS_OF,
    bold_font,
    timeline_entries,
    timeline_layout,
)
from certalign_gui.presentation.catalogue import _, long_date
from certalign_gui.rules import Assessment

COLOURS = {
    AS_OF: "#1d5fbf",
    "recommended": "#2e7d32",
    "ma_expiration": "#c62828",
    "late_submission": "#a64d00",
    "nremt_expiration": "#6a1b9a",
    "alignment_window_opens": "#00796b",
}
#: When several deadlines share a day, the marker shows the most serious one.
_MARKER_PRIORITY = (
    "ma_expiration",
    "late_submission",
    "nremt_expiration",
    "recommended",
    "alignment_window_opens",
)


def _marker_kind(kinds: tuple[str, ...]) -> str:
    return next((kind for kind in _MARKER_PRIORITY if kind in kinds), AS_OF)


def _marker_path(kind: str, centre: QPointF, size: float) -> QPainterPath:
    """A distinct shape per kind: circle, diamond, square, triangle, ring."""
    path = QPainterPath()
    cx, cy, r = centre.x(), centre.y(), size
    if kind == "recommended":
        path.addEllipse(centre, r, r)
    elif kind == "ma_expiration":
        path.addPolygon(
            QPolygonF(
                [QPointF(cx, cy - r * 1.3), QPointF(cx + r * 1.3, cy), QPointF(cx, cy + r * 1.3),
                 QPointF(cx - r * 1.3, cy)]
            )
        )  # fmt: skip
        path.closeSubpath()
    elif kind == "late_submission":
        path.addRect(QRectF(cx - r, cy - r, 2 * r, 2 * r))
    elif kind == "nremt_expiration":
        path.addPolygon(
            QPolygonF([QPointF(cx, cy - r * 1.3), QPointF(cx + r * 1.2, cy + r),
                       QPointF(cx - r * 1.2, cy + r)])
        )  # fmt: skip
        path.closeSubpath()
    else:  # window opens: a ring
        path.addEllipse(centre, r, r)
        path.addEllipse(centre, r * 0.45, r * 0.45)
    return path


def paint_timeline(
    painter: QPainter,
    rect: QRectF,
    assessment: Assessment,
    *,
    font: QFont | None = None,
    monochrome: bool = False,
    today: date,
) -> None:
    """Draw the advice date and every deadline of ``assessment`` inside ``rect``.

    Text is drawn in the painter's current pen colour (black when ``monochrome``).
    The advice date is labelled "Today" when it is ``today``, else "Advice date", which
    is what a printout read days later should say.
    """
    painter.save()
    try:
        text_colour = QColor("black") if monochrome else QColor(painter.pen().color())
        layout = timeline_layout(
            rect, assessment, font=font or painter.font(), device=painter.device(), today=today
        )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        fm = QFontMetricsF(layout.font, painter.device())
        unit = fm.height() / 8

        # The axis: dashed and grey before the advice date, solid after, with an arrow.
        past = QPen(QColor("#555555") if monochrome else QColor("#8a8a8a"), unit * 0.8)
        past.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(past)
        y = layout.axis_y
        painter.drawLine(QPointF(layout.axis_left, y), QPointF(layout.as_of_x, y))
        painter.setPen(QPen(text_colour, unit * 0.8))
        end = rect.right() - unit
        painter.drawLine(QPointF(layout.as_of_x, y), QPointF(end - unit * 2, y))
        arrow = QPolygonF(
            [
                QPointF(end, y),
                QPointF(end - unit * 3, y - unit * 1.5),
                QPointF(end - unit * 3, y + unit * 1.5),
            ]
        )
        painter.setBrush(QBrush(text_colour))
        painter.drawPolygon(arrow)

        bold = bold_font(layout.font)
        fm_bold = QFontMetricsF(bold, painter.device())
        for label in layout.labels:
            kind = _marker_kind(label.kinds)
            colour = QColor("black") if monochrome else QColor(COLOURS[kind])
            # Leader line from the axis to the label.
            painter.setPen(QPen(colour, unit * 0.4))
            edge = label.box.bottom() if label.above else label.box.top()
            painter.drawLine(QPointF(label.x, y), QPointF(label.x, edge))
            if AS_OF in label.kinds:
                tick = QPen(colour, unit * 0.9)
                painter.setPen(tick)
                painter.drawLine(QPointF(label.x, y - unit * 4), QPointF(label.x, y + unit * 4))
            if kind != AS_OF:
                painter.setPen(
                    QPen(QColor("black") if monochrome else colour.darker(150), unit * 0.3)
                )
                filled = kind != "alignment_window_opens"
                painter.setBrush(QBrush(colour) if filled else QBrush(Qt.BrushStyle.NoBrush))
                path = _marker_path(kind, QPointF(label.x, y), unit * 2.6)
                path.setFillRule(Qt.FillRule.OddEvenFill)
                if not filled:
                    painter.setBrush(QBrush(colour))
                painter.drawPath(path)

            painter.setPen(QPen(text_colour))
            painter.setFont(layout.font)
            title_box = QRectF(label.box)
            title_box.setHeight(label.box.height() - fm_bold.height())
            painter.drawText(
                title_box,
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                | int(Qt.TextFlag.TextWordWrap),
                label.title,
            )
            painter.setFont(bold)
            date_box = QRectF(
                label.box.left(), title_box.bottom(), label.box.width(), fm_bold.height()
            )
            painter.drawText(date_box, int(Qt.AlignmentFlag.AlignHCenter), label.date_text)
    finally:
        painter.restore()


def describe_timeline(assessment: Assessment, today: date) -> str:
    """The timeline in words, for screen readers: the picture's own labels and dates."""
    parts = [
        _("{what}: {day}").format(what=_(" and ").join(titles), day=long_date(day))
        for day, _kinds, titles in timeline_entries(assessment, today)
    ]
    return ". ".join(parts) + "."
