"""Qt test support shared by tests/gui and tests/hardening: no browser, and driving by name."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QDate, QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDateEdit, QWidget, QWizard

from certalign_gui.gui.wizard import PageId

#: The first worked example's advice date (RULES.md).
TODAY = date(2025, 1, 10)
#: A fresh interpreter with Qt and the package imports well within this.
SUBPROCESS_TIMEOUT_S = 120
#: Every scheme a link could use; none of them may reach a real browser in a test.
SCHEMES = ("http", "https", "mailto", "file")


class UrlRecorder(QObject):
    """Receives every URL Qt would have opened in a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        """Record ``url`` instead of opening it."""
        self.urls.append(url.toString())


@contextmanager
def recording_urls() -> Iterator[UrlRecorder]:
    """Send every http/https/mailto/file link, from Python or from C++, to a recorder."""
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    try:
        yield recorder
    finally:
        for scheme in SCHEMES:
            QDesktopServices.unsetUrlHandler(scheme)


def child(widget: QWidget, cls: type, name: str):
    """The child ``name``; fails clearly when it does not exist."""
    found = widget.findChild(cls, name)
    assert found is not None, f"no {cls.__name__} named {name!r}"
    return found


def set_date(wizard: QWizard, name: str, day: date) -> None:
    """Set a date field by object name."""
    child(wizard, QDateEdit, name).setDate(QDate(day.year, day.month, day.day))


def click_next(qtbot, wizard: QWizard) -> None:
    """Press Next and wait until the next page is current."""
    button = wizard.button(QWizard.WizardButton.NextButton)
    assert button.isEnabled(), f"Next is disabled on page {PageId(wizard.currentId()).name}"
    with qtbot.waitSignal(wizard.currentIdChanged):
        button.click()


def offscreen_env(**extra: str) -> dict[str, str]:
    """The current environment with the offscreen platform (and ``extra``)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update(extra)
    return env


def run_python(
    code: str,
    *args: str,
    env: dict[str, str] | None = None,
    cwd: os.PathLike[str] | None = None,
    timeout: float = SUBPROCESS_TIMEOUT_S,
) -> subprocess.CompletedProcess[str]:
    """Run ``python -c code args…`` in a fresh process (offscreen unless ``env`` says)."""
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=offscreen_env() if env is None else env,
        cwd=cwd,
        check=False,
    )
