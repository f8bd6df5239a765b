"""The one way the program opens a web page: allow-listed https links only."""

from __future__ import annotations

import logging

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
    # A frozen build's library path is already undone at start-up (certalign_gui.frozen).
    return QDesktopServices.openUrl(QUrl(url))
