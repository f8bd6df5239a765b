"""The timeline picture: every date drawn, labels never overlap, black and white readable."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QFont, QImage, QPainter

from certalign_gui.checklist.timeline import paint_timeline
from certalign_gui.checklist.timeline_layout import timeline_layout
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.rules import Situation, assess

WORKED = [
    (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 1, 10)),
    (date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 4, 1)),
    (date(2026, 3, 31), "active", date(2025, 3, 31), date(2025, 1, 10)),
    (date(2026, 3, 31), "expired", None, date(2025, 6, 1)),
    (date(2026, 3, 31), "active", date(2027, 3, 31), date(2025, 1, 10)),
]


def assessment_for(ma, status, nremt, as_of, policy):
    """`assess()` for one situation."""
    situation = Situation(
        ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of
    )
    return assess(situation, policy)


def font(points: float = 10) -> QFont:
    """A fixed font, so that layouts do not depend on the machine's default."""
    chosen = QFont("DejaVu Sans")
    chosen.setPointSizeF(points)
    return chosen


def assert_clean_layout(layout, rect: QRectF, assessment) -> None:
    """Every day appears once, boxes stay inside ``rect`` and never overlap."""
    days = {assessment.situation.as_of} | {d.date for d in assessment.deadlines}
    assert sorted(label.when for label in layout.labels) == sorted(days)
    for label in layout.labels:
        assert label.date_text == long_date(label.when)
        assert rect.left() - 0.5 <= label.box.left()
        assert label.box.right() <= rect.right() + 0.5
    for index, first in enumerate(layout.labels):
        for second in layout.labels[index + 1 :]:
            assert not first.box.intersects(second.box), (first.title, second.title)
    xs = [label.x for label in layout.labels]
    assert xs == sorted(xs)  # time runs left to right


@pytest.mark.parametrize("width", [320, 480, 720, 1000])
@pytest.mark.parametrize("case", WORKED)
def test_worked_examples_lay_out_cleanly(policy, case, width):
    assessment = assessment_for(*case, policy)
    rect = QRectF(0, 0, width, 2000)
    layout = timeline_layout(rect, assessment, font=font(), today=case[3])
    assert layout.fits
    assert layout.font.pointSizeF() == 10  # room enough: no shrinking
    assert_clean_layout(layout, rect, assessment)


@given(
    ma_year=st.integers(2024, 2030),
    offset=st.sampled_from([-3, -1, 0, 1, 2]),
    status=st.sampled_from(["active", "expired", "never"]),
    days_before=st.integers(-500, 900),
    width=st.integers(300, 1200),
)
def test_no_two_labels_ever_overlap(policy, ma_year, offset, status, days_before, width):
    ma = date(ma_year, 3, 31)
    as_of = ma - timedelta(days=days_before)
    nremt = {"active": date(ma_year + offset, 3, 31), "never": None}.get(status)
    if status == "expired":
        nremt = min(as_of, date(ma_year + offset, 3, 31))
    assessment = assessment_for(ma, status, nremt, as_of, policy)
    rect = QRectF(10, 10, width, 190)
    layout = timeline_layout(rect, assessment, font=font(), today=as_of)
    assert_clean_layout(layout, rect, assessment)


def test_a_small_rectangle_shrinks_the_font_instead_of_overlapping(policy):
    assessment = assessment_for(*WORKED[0], policy)
    rect = QRectF(0, 0, 500, 80)
    layout = timeline_layout(rect, assessment, font=font(12), today=assessment.situation.as_of)
    assert layout.font.pointSizeF() < 12
    assert_clean_layout(layout, rect, assessment)


def test_same_day_deadlines_share_one_label(policy):
    assessment = assessment_for(*WORKED[0], policy)  # late deadline = NREMT expiration
    layout = timeline_layout(
        QRectF(0, 0, 900, 400), assessment, font=font(), today=assessment.situation.as_of
    )
    shared = [label for label in layout.labels if label.when == date(2026, 3, 31)]
    assert len(shared) == 1
    assert set(shared[0].kinds) == {"late_submission", "nremt_expiration"}
    assert "Last day for a late alignment application" in shared[0].title
    assert "NREMT certification expires" in shared[0].title


@pytest.mark.parametrize(
    ("today", "word"), [(date(2025, 1, 10), "Today"), (date(2025, 1, 9), "Advice date")]
)
def test_as_of_is_today_or_the_advice_date(policy, today, word):
    assessment = assessment_for(*WORKED[0], policy)
    layout = timeline_layout(QRectF(0, 0, 900, 400), assessment, font=font(), today=today)
    as_of = next(label for label in layout.labels if label.when == date(2025, 1, 10))
    assert as_of.title == word


def paint(assessment, *, monochrome: bool) -> QImage:
    """Paint the timeline onto a white 900x260 image."""
    image = QImage(900, 260, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        paint_timeline(
            painter,
            QRectF(10, 10, 880, 240),
            assessment,
            font=font(),
            monochrome=monochrome,
            today=assessment.situation.as_of,
        )
    finally:
        painter.end()
    return image


def colours(image: QImage) -> set[tuple[int, int, int]]:
    """Every colour in ``image`` (sampled every other pixel)."""
    found = set()
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            colour = image.pixelColor(x, y)
            found.add((colour.red(), colour.green(), colour.blue()))
    return found


def test_monochrome_uses_no_colour(policy):
    image = paint(assessment_for(*WORKED[0], policy), monochrome=True)
    found = colours(image)
    assert len(found) > 2  # something was drawn
    assert all(r == g == b for r, g, b in found)


def test_colour_version_has_colour(policy):
    found = colours(paint(assessment_for(*WORKED[0], policy), monochrome=False))
    assert any(not r == g == b for r, g, b in found)
