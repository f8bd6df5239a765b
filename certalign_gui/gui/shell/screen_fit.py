"""A top-level window that opens inside the screen's free area, whatever its size and text scale.

Station monitors are often 1024x768 or 1366x768, sometimes at 125-150 % text: a window
sized for a developer's screen puts its Next button below the edge. `ScreenFit` sizes and
centres a window inside `QScreen.availableGeometry()` (the screen less task bars) when it
is first shown, and once more as soon as the window manager has put its frame round it
(the frame's size is only known then).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget
from typing_extensions import override


def available_area(window: QWidget) -> QRect:
    """The part of ``window``'s screen that windows may use (no task bar), in its pixels."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def frame_extra(window: QWidget) -> QSize:
    """What the window manager's frame adds to the window: measured once it is known."""
    if window.isVisible():
        extra = window.frameGeometry().size() - window.size()
        if extra.width() > 0 or extra.height() > 0:
            return extra
    # Not framed yet: a title bar and thin borders, in proportion to the text size.
    height = window.fontMetrics().height()
    return QSize(height // 2, height * 2)


def fit_rect(wanted: QSize, minimum: QSize, area: QRect, extra: QSize) -> QRect:
    """The window's inner rectangle: ``wanted`` cut down to ``area`` less the frame, centred.

    Never smaller than ``minimum`` (the window cannot be); then it starts at the area's
    top left corner so that its top and left, where the title and the text begin, show.
    """
    room = area.size() - extra
    size = wanted.boundedTo(room).expandedTo(minimum)
    left = area.x() + max(0, (area.width() - size.width() - extra.width()) // 2)
    top = area.y() + max(0, (area.height() - size.height() - extra.height()) // 2)
    return QRect(QPoint(left, top), size)


class ScreenFit(QObject):
    """Keeps ``window`` inside its screen: sized and centred at first show, checked again
    once the window manager has framed it. ``wanted`` is the size the window would like."""

    #: How often, and how many times, to look whether the frame is known yet.
    CHECK_MS = 50
    CHECKS = 60

    def __init__(self, window: QWidget, wanted: QSize) -> None:
        super().__init__(window)
        self._window = window
        self._wanted = wanted
        self._checks_left = 0
        # The frame arrives with a property of the window manager's, not an event of Qt's:
        # it is looked for a few times after each show.
        self._check = QTimer(self)
        self._check.setInterval(self.CHECK_MS)
        self._check.timeout.connect(self._check_frame)
        window.installEventFilter(self)

    def fit(self) -> None:
        """Size and place the window inside the screen's free area now."""
        window = self._window
        # A size someone chose (a resize before the show, or the last time it was shown)
        # is kept, as far as the screen allows.
        wanted = (
            window.size() if window.testAttribute(Qt.WidgetAttribute.WA_Resized) else self._wanted
        )
        rect = fit_rect(
            wanted, window.minimumSizeHint(), available_area(window), frame_extra(window)
        )
        window.resize(rect.size())
        window.move(rect.topLeft())  # a window's position is its frame's

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not event.spontaneous():
            self.fit()
            self._checks_left = self.CHECKS
            self._check.start()
        return False

    def _check_frame(self) -> None:
        window = self._window
        self._checks_left -= 1
        framed = window.frameGeometry().size() != window.size()
        if framed or self._checks_left <= 0 or not window.isVisible():
            self._check.stop()
        if framed and not available_area(window).contains(window.frameGeometry()):
            self.fit()
