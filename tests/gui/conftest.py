"""Shared GUI fixtures: no test ever opens a browser, and wizards start on a fixed day."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from gui_helpers import TODAY
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from certalign_gui.gui.wizard import AlignmentWizard
from certalign_gui.rules import Policy, load_policy

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


@pytest.fixture(autouse=True)
def url_recorder(qapp) -> Iterator[UrlRecorder]:
    """Every http/https/mailto/file link goes here, from Python or from C++."""
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    yield recorder
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The shipped policy, validated once."""
    return load_policy()


@pytest.fixture
def make_wizard(qtbot, policy) -> Callable[..., AlignmentWizard]:
    """Build a shown wizard whose clock says ``today`` (default: January 10, 2025)."""

    def make(today: date | None = TODAY, idle_timeout_ms: int = 600_000) -> AlignmentWizard:
        wizard = AlignmentWizard(policy, today=today, idle_timeout_ms=idle_timeout_ms)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make
