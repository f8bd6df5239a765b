"""Floor 1: the least a PySide6 wizard with pydantic can cost.

QApplication + a two-page QWizard; imports pydantic and validates one frozen model before
showing; quits on the first paint. certalign-gui --exit-after-startup is compared with this.
"""

import os
import sys
import time

from pydantic import BaseModel
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWizard, QWizardPage


class Situation(BaseModel, frozen=True):
    """One frozen model, validated once, as the real program does with its input."""

    ma_expiration: str
    nremt_expiration: str


class _QuitOnPaint(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            if os.environ.get("CERTALIGN_STARTUP_TIMES"):
                # Same report as certalign-gui's, so the benchmark compares first paints too.
                print(f"startup-times first_paint={time.time():.6f}", file=sys.stderr)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv)
    Situation.model_validate({"ma_expiration": "2025-03-31", "nremt_expiration": "2026-03-31"})
    wizard = QWizard()
    for title in ("First", "Second"):
        page = QWizardPage()
        page.setTitle(title)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(f"{title} page"))
        wizard.addPage(page)
    watcher = _QuitOnPaint()
    wizard.installEventFilter(watcher)
    wizard.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
