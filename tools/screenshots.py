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

    from PySide6.QtCore import QDate
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLineEdit

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
        return wizard

    def set_date(wizard: AlignmentWizard, name: str, day: date) -> None:
        wizard.findChild(QDateEdit, name).setDate(QDate(day.year, day.month, day.day))

    wizard = make(date(2025, 1, 10))
    _save(wizard, "01-welcome", app)
    wizard.next()
    set_date(wizard, "maExpirationEdit", date(2025, 3, 31))
    _save(wizard, "02-massachusetts", app)
    wizard.next()
    wizard.findChild(QAbstractButton, "nremtActiveRadio").click()
    set_date(wizard, "nremtExpirationEdit", date(2026, 3, 31))
    _save(wizard, "03-nremt", app)
    wizard.next()
    _save(wizard, "04-details", app)
    wizard.close()

    for name, today, ma, status, nremt in RESULTS:
        wizard = make(today)
        wizard.next()
        set_date(wizard, "maExpirationEdit", ma)
        wizard.next()
        wizard.findChild(QAbstractButton, f"nremt{status.capitalize()}Radio").click()
        set_date(wizard, "nremtExpirationEdit", nremt)
        wizard.next()
        wizard.findChild(QLineEdit, "nameEdit").setText("")
        wizard.next()
        _save(wizard, name, app)
        wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
