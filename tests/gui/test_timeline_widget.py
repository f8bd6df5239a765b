"""The timeline on screen: the widget shows the drawing and reads as the picture's words."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QColor

from certalign_gui.checklist.timeline import describe_timeline
from certalign_gui.gui.wizard.timeline_view import TimelineWidget
from certalign_gui.rules import Situation, assess

NOT_YET_DUE = Situation(
    ma_expiration=date(2026, 3, 31),
    nremt_expiration=date(2027, 3, 31),
    as_of=date(2025, 1, 10),
)


def _colours(image) -> set[int]:
    return {
        QColor(image.pixel(x, y)).rgb()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }


def test_widget_shows_the_assessment_and_reads_as_the_pictures_words(qtbot, policy):
    assessment = assess(NOT_YET_DUE, policy)
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    assert widget.objectName() == "timelineWidget"
    widget.set_assessment(assessment, today=date(2025, 1, 10))
    assert widget.assessment() == assessment
    # A screen reader gets the same words as the picture: "Today", not "Advice date".
    words = widget.description()
    assert words == describe_timeline(assessment, date(2025, 1, 10))
    assert words.startswith("Today: January 10, 2025.")
    assert "Alignment window opens: September 1, 2025" in words
    assert widget.accessibleDescription() == words
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    assert len(_colours(widget.grab().toImage())) > 2


def test_on_another_day_the_advice_date_is_called_so(qtbot, policy):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_assessment(assess(NOT_YET_DUE, policy), today=date(2025, 1, 11))
    assert widget.description().startswith("Advice date: January 10, 2025.")


def test_widget_grows_taller_when_narrow(qtbot, policy):
    widget = TimelineWidget()
    qtbot.addWidget(widget)
    widget.set_assessment(assess(NOT_YET_DUE, policy), today=date(2025, 1, 10))
    assert widget.hasHeightForWidth()
    assert widget.heightForWidth(300) > widget.heightForWidth(1000)
    assert widget.minimumSizeHint().width() < widget.sizeHint().width()
    widget.set_assessment(None)
    assert widget.accessibleDescription() == ""
    assert widget.description() == ""
