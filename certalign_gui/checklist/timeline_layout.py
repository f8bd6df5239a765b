"""Where the timeline's markers and labels go: pure geometry, no painting.

Labels never overlap: they are placed in lanes above and below the axis, and the font
shrinks only when the rectangle is too small for every lane. Positions follow the dates,
pushed apart where dates are close, so every label stays readable.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPaintDevice

from certalign_gui.checklist.timeline_marks import AS_OF, fractions, timeline_entries
from certalign_gui.presentation.catalogue import _, long_date
from certalign_gui.rules import Assessment

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


def _metrics(font: QFont, device: QPaintDevice | None) -> QFontMetricsF:
    """Metrics at the device's resolution (a printer's is not the screen's)."""
    return QFontMetricsF(font) if device is None else QFontMetricsF(font, device)


def bold_font(font: QFont) -> QFont:
    """A bold copy of ``font``."""
    bold = QFont(font)
    bold.setBold(True)
    return bold


def _layout_once(
    painter_device: QPaintDevice | None,
    rect: QRectF,
    groups: list[tuple[date, list[str], list[str]]],
    font: QFont,
) -> TimelineLayout:
    fm = _metrics(font, painter_device)
    fm_bold = _metrics(bold_font(font), painter_device)
    unit = fm.height() / 8
    spacing = fm.averageCharWidth() * 2
    wrap = min(
        max(rect.width() * 0.34, fm.averageCharWidth() * 10), fm.averageCharWidth() * _WRAP_CHARS
    )
    # Room for the first and last marker, and for the arrow at the right end.
    left, right = rect.left() + unit * 4, rect.right() - unit * 8
    positions = fractions([day for day, _kinds, _titles in groups])

    sizes = []
    for day, _kinds, titles in groups:
        # Several deadlines on one day: one label, a line each ("and …" after the first).
        title = "\n".join([titles[0], *(_("and {title}").format(title=t) for t in titles[1:])])
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
        zip(positions, sizes, strict=True)
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
    today: date,
    device: QPaintDevice | None = None,
) -> TimelineLayout:
    """Lay the timeline out in ``rect``, shrinking the font until every label fits."""
    groups = timeline_entries(assessment, today)
    current = QFont(font)
    if current.pointSizeF() <= 0:  # a pixel-sized font: shrinking works in pixels
        current.setPointSizeF(current.pixelSize() * 0.75)
    while True:
        layout = _layout_once(device, rect, groups, current)
        if layout.fits or current.pointSizeF() <= _MIN_POINT_SIZE:
            return layout
        current = QFont(current)
        current.setPointSizeF(max(_MIN_POINT_SIZE, current.pointSizeF() * 0.9))
