"""The one way the program opens a web page: allow-listed https links only.

When the computer cannot open a link (no browser, or none set up), a message says so and
shows the whole address with a Copy button, so the person can type it on a phone.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from certalign_gui.gui.shell.widgets import plain_label, readable_label
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import is_allowed_url

log = logging.getLogger(__name__)


class LinkNotOpenedDialog(QDialog):
    """ "This computer could not open the page": the address in full, and Copy."""

    def __init__(self, url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("linkNotOpenedDialog")
        self.setWindowTitle(_("The link could not be opened"))
        self.url = url
        message = plain_label(
            _(
                "This computer could not open the web page. Type this address into a web "
                "browser, or on your phone:"
            )
        )
        self.address = readable_label(url, object_name="linkAddress")
        self.address.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        big = self.address.font()
        big.setPointSizeF(big.pointSizeF() * 1.3)
        big.setBold(True)
        self.address.setFont(big)
        self.copy_button = QPushButton(_("&Copy the address"))
        self.copy_button.setObjectName("copyLinkButton")
        self.copy_button.setAutoDefault(False)
        self.copy_button.clicked.connect(self.copy)
        close = QPushButton(_("Close"))
        close.setObjectName("closeLinkButton")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.address)
        layout.addLayout(buttons)

    def copy(self) -> None:
        """Put the address on the clipboard, and say so on the button."""
        QGuiApplication.clipboard().setText(self.url)
        self.copy_button.setText(_("Copied"))


def tell_link_not_opened(parent: QWidget | None, url: str) -> None:
    """Show the address that could not be opened (tests replace this)."""
    dialog = LinkNotOpenedDialog(url, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # open(), not exec(): Start over and the idle reset can close it like any dialog.
    dialog.open()


def open_url(url: str, parent: QWidget | None = None) -> bool:
    """Open ``url`` in the browser if the allow-list permits it; return whether it opened.

    A refused link is logged by scheme and host only (never the full address, which could
    carry something the user typed). A link the system cannot open is shown in a message.
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
    if QDesktopServices.openUrl(QUrl(url)):
        return True
    log.warning("The system could not open a link (host %r)", QUrl(url).host())
    tell_link_not_opened(parent, url)
    return False
