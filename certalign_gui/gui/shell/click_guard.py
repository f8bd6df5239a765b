"""`DoubleClickGuard`: the second click of a double-click on Next never lands on the next page.

People who are not computer people often double-click buttons. A double-click on Next
would otherwise go on two pages (skipping "For the printout"), or, on the last question,
press what the answer page has where Next was. When a click on Next or Back changes the
page, the guard ignores the clicks that belong to the same double-click: on the same spot
(the platform's double-click distance) within the platform's double-click interval. Other
clicks, and keys, are never touched (a held Enter's repeats are the wizard's to refuse).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from typing_extensions import override

_MOUSE_CLICKS = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
    }
)
#: A page change this soon after a click on a watched button was made by that click.
_CAUSE_MS = 250


class DoubleClickGuard(QObject):
    """After a click on a watched button changes the page (`arm()`), the rest of the same
    double-click in ``window`` is ignored."""

    def __init__(self, window: QWidget, buttons: list[QAbstractButton]) -> None:
        super().__init__(window)
        self._window = window
        self._spot: QPointF | None = None
        #: Where the keyboard focus was once the new page had set it: a swallowed press
        #: must not move it (Qt gives the pressed widget the focus before any filter).
        self._keep_focus: QWidget | None = None
        self._last_release = QPointF()
        self._since_release = QElapsedTimer()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.disarm)
        for button in buttons:
            button.installEventFilter(self)

    def arm(self) -> None:
        """The page just changed: if a click on a watched button did it, guard its spot."""
        app = QApplication.instance()
        if not isinstance(app, QApplication):
            return
        if not self._since_release.isValid() or self._since_release.elapsed() > _CAUSE_MS:
            return  # a key, or code, changed the page
        if not self._timer.isActive():
            # Only while armed: a Python filter on every event of the program costs time.
            app.installEventFilter(self)
        self._spot = QPointF(self._last_release)
        self._since_release.invalidate()
        self._keep_focus = None
        QTimer.singleShot(0, self, self._remember_focus)  # after the page has set it
        self._timer.start(app.doubleClickInterval())

    def _remember_focus(self) -> None:
        if self._spot is not None:
            self._keep_focus = QApplication.focusWidget()

    def armed(self) -> bool:
        """True while the rest of a double-click is being ignored."""
        return self._timer.isActive()

    def disarm(self) -> None:
        """Take every click again."""
        self._timer.stop()
        self._spot = None
        self._keep_focus = None
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() not in _MOUSE_CLICKS or not isinstance(event, QMouseEvent):
            return False
        if self._spot is None:
            # Watching a button: where the click that may change the page was let go.
            if event.type() == QEvent.Type.MouseButtonRelease:
                self._last_release = event.globalPosition()
                self._since_release.start()
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        distance = QGuiApplication.styleHints().mouseDoubleClickDistance()
        offset = event.globalPosition() - self._spot
        if abs(offset.x()) > distance or abs(offset.y()) > distance:
            return False
        keep = self._keep_focus
        if keep is not None and keep.isVisible() and QApplication.focusWidget() is not keep:
            keep.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
