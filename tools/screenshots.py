"""Save a PNG of every wizard page, and of the results for a few cases, in docs/screenshots/.

Run `make screenshots`. Uses a real X server (Xvfb, through xvfb-run) when one is
installed, else Qt's offscreen platform. Look at every picture before calling a GUI
change done.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1024, 768)
_CHILD = "CERTALIGN_SCREENSHOTS_CHILD"

#: name, advice date, MA expiration, NREMT status, NREMT expiration
RESULTS = (
    ("results", date(2025, 1, 10), date(2025, 3, 31), "active", date(2026, 3, 31)),
    ("results-late", date(2025, 4, 1), date(2025, 3, 31), "active", date(2026, 3, 31)),
    ("results-not-yet-due", date(2025, 1, 10), date(2026, 3, 31), "active", date(2027, 3, 31)),
)


def _relaunch_under_xvfb() -> int | None:
    """Run this script again under xvfb-run; None when that is not possible or wanted."""
    if os.environ.get(_CHILD) or os.environ.get("QT_QPA_PLATFORM") or not shutil.which("xvfb-run"):
        return None
    env = dict(os.environ, **{_CHILD: "1"})
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0] + 256}x{SIZE[1] + 256}x24"]
    return subprocess.call([*command, sys.executable, *sys.argv], env=env)


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Let queued shows, layouts and paints happen."""
    from PySide6.QtTest import QTest

    for _ in range(5):
        app.processEvents()
        QTest.qWait(20)


def _save(widget, name: str, app) -> Path:  # type: ignore[no-untyped-def]
    _settle(app)
    path = OUT / f"{name}.png"
    # Quality 0 is the strongest PNG compression (still lossless).
    if not widget.grab().save(str(path), "PNG", 0):
        raise SystemExit(f"could not write {path}")
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")
    return path


def main() -> int:
    """Write the screenshots; return the exit status."""
    argparse.ArgumentParser(description=__doc__).parse_args()
    relaunched = _relaunch_under_xvfb()
    if relaunched is not None:
        return relaunched
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from certalign_gui.app import _application
    from certalign_gui.gui.wizard import AlignmentWizard
    from certalign_gui.rules import load_policy

    app = _application(sys.argv[:1])
    policy = load_policy()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"platform: {app.platformName()}, font: {app.font().pointSizeF():.1f} pt")

    def make(today: date) -> AlignmentWizard:
        wizard = AlignmentWizard(policy, today=today)
        wizard.resize(*SIZE)
        wizard.show()
        QTest.qWaitForWindowExposed(wizard)
        wizard.activateWindow()
        _settle(app)
        return wizard

    def press(key: Qt.Key) -> None:
        # As a person does: into whatever has the keyboard focus.
        QTest.keyClick(QApplication.focusWidget(), key)
        _settle(app)

    def type_text(text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        _settle(app)

    def choose(wizard: AlignmentWizard, status: str) -> None:
        wizard.findChild(QAbstractButton, f"nremt{status.capitalize()}Radio").click()
        _settle(app)

    wizard = make(date(2025, 1, 10))
    _save(wizard, "01-welcome", app)
    press(Qt.Key.Key_Return)
    _save(wizard, "02-massachusetts-empty", app)
    type_text("04/31/2025")
    _save(wizard, "02-massachusetts-impossible", app)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("3/31/25")
    _save(wizard, "02-massachusetts", app)
    press(Qt.Key.Key_Return)
    choose(wizard, "active")
    press(Qt.Key.Key_Tab)
    type_text("03312026")
    _save(wizard, "03-nremt", app)
    press(Qt.Key.Key_Return)
    _save(wizard, "04-details", app)
    wizard.close()

    for name, today, ma, status, nremt in RESULTS:
        wizard = make(today)
        press(Qt.Key.Key_Return)
        type_text(ma.strftime("%m/%d/%Y"))
        press(Qt.Key.Key_Return)
        choose(wizard, status)
        press(Qt.Key.Key_Tab)
        type_text(nremt.strftime("%m/%d/%Y"))
        press(Qt.Key.Key_Return)
        press(Qt.Key.Key_Return)
        # The answer opens with the keyboard on its headline (the ring shows where).
        _save(wizard, name, app)
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
