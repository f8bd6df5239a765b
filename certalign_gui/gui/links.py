"""The one way the program opens a web page: allow-listed https links only."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from certalign_gui.rules import is_allowed_url

log = logging.getLogger(__name__)


def open_url(url: str) -> bool:
    """Open ``url`` in the browser if the allow-list permits it; return whether it was opened.

    A refused link is logged by scheme and host only (never the full address, which
    could carry something the user typed).
    """
    if not is_allowed_url(url):
        shown = QUrl(url)
        log.warning(
            "Refused to open a link that is not on the allow-list (scheme %r, host %r)",
            shown.scheme(),
            shown.host(),
        )
        return False
    with _browser_environment():
        return QDesktopServices.openUrl(QUrl(url))


@contextmanager
def _browser_environment() -> Iterator[None]:
    """Give the browser the system's libraries, not a frozen build's bundled ones.

    A frozen Linux build points ``LD_LIBRARY_PATH`` at its own folder; xdg-open and the
    browser inherit it and crash. PyInstaller keeps the original in ``LD_LIBRARY_PATH_ORIG``.
    """
    if not (getattr(sys, "frozen", False) and sys.platform.startswith("linux")):
        yield
        return
    saved = os.environ.get("LD_LIBRARY_PATH")
    original = os.environ.get("LD_LIBRARY_PATH_ORIG")
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("LD_LIBRARY_PATH", None)
        else:
            os.environ["LD_LIBRARY_PATH"] = saved
