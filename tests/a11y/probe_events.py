"""Event-loop helpers the probes share (they run as scripts inside the real program)."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def settle(ms: int = 60) -> None:
    """Let shows, layouts and paints happen (the window manager answers asynchronously)."""
    for _ in range(3):
        QApplication.processEvents()
        QTest.qWait(ms // 3)


def wait_until(condition, ms: int) -> bool:  # type: ignore[no-untyped-def]
    """Run the event loop until ``condition()`` holds; False after ``ms`` milliseconds."""
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > ms:
            return False
        QTest.qWait(20)
    return True
