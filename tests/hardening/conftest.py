"""Hardening tests: no browser ever opens, the log goes to the test's own folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from qt_support import UrlRecorder, recording_urls

from certalign_gui.gui.shell import diagnostics
from certalign_gui.rules import Policy, load_policy


@pytest.fixture(autouse=True)
def url_recorder(qapp) -> Iterator[UrlRecorder]:
    """Every http/https/mailto/file link goes here, from Python or from C++."""
    with recording_urls() as recorder:
        yield recorder


@pytest.fixture
def log_dir(tmp_path, monkeypatch) -> Path:
    """The folder `certalign-gui` writes its log file to, during this test."""
    folder = tmp_path / "log"
    monkeypatch.setenv(diagnostics.LOG_DIR_VARIABLE, str(folder))
    return folder


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The shipped policy, validated once."""
    return load_policy()


@pytest.fixture
def restore_app(qapp) -> Iterator[None]:
    """`certalign_gui.app.main()` enlarges the shared application's font: put it back."""
    font = QFont(qapp.font())
    yield
    qapp.setFont(font)
