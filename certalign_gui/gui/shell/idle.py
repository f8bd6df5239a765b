"""Idle reset: a shared station computer must not keep someone's answers on screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from typing_extensions import override

#: What counts as someone using the program.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.KeyRelease,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TouchEnd,
        QEvent.Type.TabletPress,
        QEvent.Type.TabletMove,
    }
)


class IdleWatcher(QObject):
    """Emits `timed_out` after ``timeout_ms`` without keyboard, mouse, touch or wheel input."""

    timed_out = Signal()

    def __init__(
        self, timeout_ms: int, parent: QObject | None = None, *, watch: bool = True
    ) -> None:
        super().__init__(parent)
        self._watching = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        # Precise, so that remaining_ms() tells the truth (a coarse timer may be 5 % off).
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(timeout_ms)
        self._timer.timeout.connect(self._on_timeout)
        if watch:
            self.watch()
        self._timer.start()

    def watch(self) -> None:
        """Start watching the keyboard, mouse and touch (once).

        The window calls this after its first paint: a Python filter on every event would
        make the first page's build slower, and nobody can use a window not yet shown.
        """
        app = QCoreApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def remaining_ms(self) -> int:
        """Milliseconds until the reset (-1 when not running)."""
        return self._timer.remainingTime()

    def restart(self) -> None:
        """Count from now."""
        self._timer.start()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self._timer.start()
        return False

    def _on_timeout(self) -> None:
        self.timed_out.emit()
        self._timer.start()
