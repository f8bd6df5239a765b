"""Guard against the PySide6 6.12.0 regression that made every Qt process abort on Python 3.11.

6.12.0 returns None from methods that return nothing without taking a reference. From
Python 3.12 None is immortal and nothing happens; on 3.11 None's count falls by one per
call until the interpreter aborts ("Fatal Python error: none_dealloc"), typically while
drawing the checklist or painting the timeline. pyproject.toml keeps 6.12 off 3.11.
"""

import sys

from PySide6.QtGui import QFont


def test_qt_calls_that_return_nothing_keep_none_alive():
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(1000):
        font.setBold(True)
    # Other threads may take or drop a few references meanwhile; a leak would be 1000.
    assert abs(sys.getrefcount(None) - before) < 100
