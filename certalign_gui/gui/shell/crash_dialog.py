"""The "Something went wrong" dialog: Start over, Quit, or Copy details for whoever helps."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from certalign_gui.gui.shell.crash_action import CrashAction
from certalign_gui.gui.shell.widgets import heading_label, plain_label
from certalign_gui.presentation.catalogue import _


class CrashDialog(QDialog):
    """ "Something went wrong": Start over, Quit, or Copy details for whoever helps."""

    def __init__(
        self, summary: str, parent: QWidget | None = None, *, can_start_over: bool = True
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(_("Something went wrong"))
        self.setModal(True)
        self.summary = summary
        # Closing the dialog any other way is the safe choice: a fresh start.
        self.action = CrashAction.START_OVER if can_start_over else CrashAction.QUIT

        icon = QLabel()
        size = self.fontMetrics().height() * 3
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(size)
        )
        heading = heading_label(
            _("Something went wrong \u2014 your answers were not saved anywhere"),
            object_name="crashHeading",
        )
        if can_start_over:
            advice = _(
                "Certalign ran into a problem it did not expect. Press Start over to begin "
                "again with empty answers.\n\nIf it happens again, press Copy details and give "
                "them to whoever looks after this computer. The details hold no name and no "
                "numbers."
            )
        else:
            advice = _(
                "Certalign could not open its window. Please tell whoever looks after this "
                "computer: press Copy details and give them the text. It holds no name and "
                "no numbers."
            )
        self.message = plain_label(advice, object_name="crashMessage")
        self.copied = plain_label(object_name="crashCopied")
        self.copied.hide()

        buttons = QDialogButtonBox()
        self.start_over_button = QPushButton(_("&Start over"))
        self.start_over_button.setObjectName("crashStartOverButton")
        self.quit_button = QPushButton(_("&Quit"))
        self.quit_button.setObjectName("crashQuitButton")
        self.copy_button = QPushButton(_("&Copy details"))
        self.copy_button.setObjectName("crashCopyButton")
        self.copy_button.setAutoDefault(False)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        if can_start_over:
            buttons.addButton(self.start_over_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.start_over_button.setDefault(True)
        else:
            self.start_over_button.hide()
            self.quit_button.setDefault(True)
        self.start_over_button.clicked.connect(lambda: self._finish(CrashAction.START_OVER))
        self.quit_button.clicked.connect(lambda: self._finish(CrashAction.QUIT))
        self.copy_button.clicked.connect(self.copy_details)

        text = QVBoxLayout()
        text.addWidget(heading)
        text.addWidget(self.message)
        text.addWidget(self.copied)
        layout = QVBoxLayout(self)
        row = QWidget()
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        line.addLayout(text, 1)
        layout.addWidget(row)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def copy_details(self) -> None:
        """Put the technical summary on the clipboard (it holds no typed text)."""
        QGuiApplication.clipboard().setText(self.summary)
        self.copied.setText(_("Copied. Paste the details into an e-mail or a message."))
        self.copied.show()
        self.adjustSize()  # room for the new line: wrapped text must never be clipped

    def _finish(self, action: CrashAction) -> None:
        self.action = action
        self.accept()
