"""The timeline picture: the advice date and every deadline on one axis.

`paint_timeline` is a pure painting function shared by the results page and the printed
checklist. Labels never overlap: they are placed in lanes above and below the axis, and
the font shrinks only when the rectangle is too small for every lane. Meaning is carried
by words and marker shapes, never by colour alone, so a black-and-white printout reads
the same as the screen.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QWidget
from typing_extensions import override

from certalign_gui.rules import Assessment
from certalign_gui.rules.wording import long_date

AS_OF = "as_of"

#: Marker colours on screen. Each kind also has its own shape, and every label says in
#: words what the date is, so the picture never depends on these colours.
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
_MIN_POINT_SIZE = 5.0
_WRAP_CHARS = 24


@dataclass(frozen=True)
class TimelineLabel:
    """One marker on the axis and its label box (several deadlines on one day share one)."""

    when: date
    kinds: tuple[str, ...]
    title: str
    date_text: str
    x: float
    box: QRectF
    above: bool
    lane: int


@dataclass(frozen=True)
class TimelineLayout:
    """Where everything goes for one rectangle, font and assessment."""

    font: QFont
    axis_y: float
    axis_left: float
    axis_right: float
    as_of_x: float
    labels: tuple[TimelineLabel, ...]
    height: float
    fits: bool


def _groups(assessment: Assessment, as_of_label: str) -> list[tuple[date, list[str], list[str]]]:
    """Markers grouped by day, in date order: (day, kinds, titles)."""
    by_day: dict[date, tuple[list[str], list[str]]] = {}
    by_day.setdefault(assessment.situation.as_of, ([], []))
    kinds, titles = by_day[assessment.situation.as_of]
    kinds.append(AS_OF)
    titles.append(as_of_label)
    for deadline in assessment.deadlines:
        kinds, titles = by_day.setdefault(deadline.date, ([], []))
        kinds.append(deadline.kind)
        titles.append(deadline.label)
    return [(day, *by_day[day]) for day in sorted(by_day)]


def _fractions(days: list[date]) -> list[float]:
    """Positions 0..1 proportional to the dates, pushed apart so close days stay readable."""
    if len(days) == 1:
        return [0.5]
    span = (days[-1] - days[0]).days or 1
    raw = [(day - days[0]).days / span for day in days]
    gap = min(0.16, 0.9 / (len(days) - 1))
    pushed = [raw[0]]
    for value in raw[1:]:
        pushed.append(max(value, pushed[-1] + gap))
    return [value / pushed[-1] for value in pushed]


def _bold(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _layout_once(
    painter_device: object,
    rect: QRectF,
    groups: list[tuple[date, list[str], list[str]]],
    font: QFont,
) -> TimelineLayout:
    fm = QFontMetricsF(font, painter_device)
    fm_bold = QFontMetricsF(_bold(font), painter_device)
    unit = fm.height() / 8
    spacing = fm.averageCharWidth() * 2
    wrap = min(
        max(rect.width() * 0.34, fm.averageCharWidth() * 10), fm.averageCharWidth() * _WRAP_CHARS
    )
    # Room for the first and last marker, and for the arrow at the right end.
    left, right = rect.left() + unit * 4, rect.right() - unit * 8
    fractions = _fractions([day for day, _kinds, _titles in groups])

    sizes = []
    for day, _kinds, titles in groups:
        title = "\nand ".join(titles)
        bounds = fm.boundingRect(
            QRectF(0, 0, wrap, 1e6),
            int(Qt.AlignmentFlag.AlignHCenter) | int(Qt.TextFlag.TextWordWrap),
            title,
        )
        date_text = long_date(day)
        width = max(bounds.width(), fm_bold.horizontalAdvance(date_text)) + unit
        sizes.append((title, date_text, width, bounds.height() + fm_bold.height()))
    lane_height = max(height for *_rest, height in sizes) + unit * 3

    # Greedy lanes: alternate above/below, then move outwards; a label may not cover the
    # leader line of another label, nor sit on top of one.
    placed: list[tuple[bool, int, float, float, float]] = []  # above, lane, x0, x1, marker x

    def free(above: bool, lane: int, x0: float, x1: float, x: float) -> bool:
        for p_above, p_lane, p0, p1, px in placed:
            if p_above != above:
                continue
            if p_lane == lane and x0 < p1 + spacing and p0 < x1 + spacing:
                return False
            if p_lane < lane and p0 - unit <= x <= p1 + unit:
                return False
            if p_lane > lane and x0 - unit <= px <= x1 + unit:
                return False
        return True

    slots_for: list[tuple[bool, int, float, float, float]] = []
    for index, (fraction, (_title, _date_text, width, _h)) in enumerate(
        zip(fractions, sizes, strict=True)
    ):
        x = left + fraction * (right - left)
        x0 = min(max(x - width / 2, rect.left()), rect.right() - width)
        x0 = max(x0, rect.left())
        x1 = x0 + width
        first = index % 2 == 0
        order = [(side, lane) for lane in range(len(groups)) for side in (first, not first)]
        chosen = next(((s, ln) for s, ln in order if free(s, ln, x0, x1, x)), None)
        if chosen is None:  # cannot happen with one lane per label, but never give up
            chosen = (first, len(groups))
        placed.append((chosen[0], chosen[1], x0, x1, x))
        slots_for.append((chosen[0], chosen[1], x0, width, x))

    lanes_above = max((lane + 1 for above, lane, *_ in placed if above), default=0)
    lanes_below = max((lane + 1 for above, lane, *_ in placed if not above), default=0)
    axis_gap = unit * 5
    needed = (lanes_above + lanes_below) * lane_height + 2 * axis_gap
    top = rect.top() + max(0.0, (rect.height() - needed) / 2)
    axis_y = top + lanes_above * lane_height + axis_gap

    labels = []
    for (day, kinds, _titles), (title, date_text, _w, height), slot in zip(
        groups, sizes, slots_for, strict=True
    ):
        above, lane, x0, width, x = slot
        if above:
            bottom = axis_y - axis_gap - lane * lane_height
            box = QRectF(x0, bottom - height, width, height)
        else:
            box = QRectF(x0, axis_y + axis_gap + lane * lane_height, width, height)
        labels.append(TimelineLabel(day, tuple(kinds), title, date_text, x, box, above, lane))

    as_of_x = next(label.x for label in labels if AS_OF in label.kinds)
    widest = max(width for *_rest, width, _h in sizes)
    fits = needed <= rect.height() + 0.5 and widest <= rect.width() + 0.5
    return TimelineLayout(font, axis_y, left, right, as_of_x, tuple(labels), needed, fits)


def timeline_layout(
    rect: QRectF,
    assessment: Assessment,
    *,
    font: QFont,
    device: object = None,
    today: date | None = None,
) -> TimelineLayout:
    """Lay the timeline out in ``rect``, shrinking the font until every label fits."""
    as_of = assessment.situation.as_of
    as_of_label = "Today" if as_of == (today or date.today()) else "Advice date"
    groups = _groups(assessment, as_of_label)
    current = QFont(font)
    if current.pointSizeF() <= 0:  # a pixel-sized font: shrinking works in pixels
        current.setPointSizeF(current.pixelSize() * 0.75)
    while True:
        layout = _layout_once(device, rect, groups, current)
        if layout.fits or current.pointSizeF() <= _MIN_POINT_SIZE:
            return layout
        current = QFont(current)
        current.setPointSizeF(max(_MIN_POINT_SIZE, current.pointSizeF() * 0.9))


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
    today: date | None = None,
) -> None:
    """Draw the advice date and every deadline of ``assessment`` inside ``rect``.

    Text is drawn in the painter's current pen colour (black when ``monochrome``).
    The advice date is labelled "Today" when it is ``today`` (default: the clock's date),
    else "Advice date", which is what a printout read days later should say.
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

        bold = _bold(layout.font)
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


def describe_timeline(assessment: Assessment) -> str:
    """The timeline in words, for screen readers."""
    parts = [f"Advice date: {long_date(assessment.situation.as_of)}"]
    parts += [f"{d.label}: {long_date(d.date)}" for d in assessment.deadlines]
    return ". ".join(parts) + "."


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
        self.setAccessibleName(self.tr("Timeline"))

    def set_assessment(self, assessment: Assessment | None, *, today: date | None = None) -> None:
        """Show ``assessment`` (None clears); ``today`` decides "Today" vs "Advice date"."""
        self._assessment = assessment
        self._today = today
        self.setAccessibleDescription(describe_timeline(assessment) if assessment else "")
        self.updateGeometry()
        self.update()

    def assessment(self) -> Assessment | None:
        """The assessment on show."""
        return self._assessment

    def _margin(self) -> float:
        return QFontMetricsF(self.font()).height() * 0.5

    def _needed_height(self, width: int) -> int:
        margin = self._margin()
        if self._assessment is None:
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
        width = int(QFontMetricsF(self.font()).averageCharWidth() * 40)
        return QSize(width, self._needed_height(width))

    @override
    def paintEvent(self, event: QPaintEvent) -> None:
        if self._assessment is None:
            return
        painter = QPainter(self)
        try:
            painter.setPen(self.palette().color(self.foregroundRole()))
            margin = self._margin()
            rect = QRectF(self.rect()).adjusted(margin, margin, -margin, -margin)
            paint_timeline(painter, rect, self._assessment, font=self.font(), today=self._today)
        finally:
            painter.end()
