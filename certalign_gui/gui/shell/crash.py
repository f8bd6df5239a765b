"""Unexpected errors: one calm dialog, a log entry without personal data, and the window stays.

`CrashHandler` is ``sys.excepthook`` while the window is up. PySide6 hands it every
exception that escapes Python code called by Qt (a slot, a paint event, a timer), so one
bug never ends the program with nothing on screen. The dialog is behind `ask_crash_action`,
a function tests replace; the dialog itself is `certalign_gui.gui.shell.crash_dialog`.
"""

from __future__ import annotations

import contextlib
import logging
import sys
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from certalign_gui.gui.shell import diagnostics
from certalign_gui.gui.shell.crash_action import CrashAction
from certalign_gui.gui.shell.crash_dialog import CrashDialog
from certalign_gui.gui.shell.session import close_other_dialogs

if TYPE_CHECKING:
    from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard

#: The exit status after the user chose Quit in the error dialog.
EXIT_AFTER_ERROR = 4

log = logging.getLogger(__name__)


def ask_crash_action(
    parent: QWidget | None, summary: str, *, can_start_over: bool = True
) -> CrashAction:
    """Show the error dialog and wait for the user's choice (tests replace this)."""
    dialog = CrashDialog(summary, parent, can_start_over=can_start_over)
    try:
        dialog.exec()
        return dialog.action
    finally:
        dialog.deleteLater()


class CrashHandler:
    """``sys.excepthook`` while the window is up: log without personal data, ask, recover.

    ``start_over`` resets the window (None: there is no window to reset, only Quit).
    """

    def __init__(
        self,
        window: QWidget | None = None,
        *,
        start_over: Callable[[], None] | None = None,
        private_text: Callable[[], Iterable[str]] | None = None,
    ) -> None:
        self.window = window
        self.start_over = start_over
        #: The typed values to keep out of the log (None: ask `diagnostics`).
        self.own_private_text = private_text
        self.private_text = private_text or diagnostics.private_text
        self.handled = 0
        self._busy = False
        self._repeats = 0

    def _summary(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> str:
        try:
            values = tuple(self.private_text())
        except Exception:
            # What to hide is unknown: keep the code's lines, drop every message.
            return diagnostics.withhold(diagnostics.technical_summary(kind, error, trace, ()))
        return diagnostics.technical_summary(kind, error, trace, values)

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        self.handled += 1
        summary = self._summary(kind, error, trace)
        if self._busy:
            # The same fault again while the dialog is up (a paint event fails on every
            # repaint): one log entry is enough; the count follows when the dialog closes.
            self._repeats += 1
            if self._repeats == 1:
                log.error("Another unexpected error while the error dialog was open:\n%s", summary)
            return
        log.error("Unexpected error:\n%s", summary)
        self._busy = True
        try:
            action = ask_crash_action(
                self.window, summary, can_start_over=self.start_over is not None
            )
            if self._repeats > 1:
                log.error("(%d more errors while the error dialog was open)", self._repeats - 1)
            self._act(action)
        except Exception:
            # The dialog or the reset failed as well: the log has both; the window stays.
            log.exception("The error dialog failed")
        finally:
            self._busy = False
            self._repeats = 0

    def _act(self, action: CrashAction) -> None:
        if action is not CrashAction.QUIT and self.start_over is not None:
            close_other_dialogs(self.window)  # the window's own Start over does too
            self.start_over()
        else:
            log.warning("Quit after an unexpected error")
            QCoreApplication.exit(EXIT_AFTER_ERROR)


def handler_for(window: AlignmentWizard) -> CrashHandler:
    """The handler for the program's window: Start over resets it; its typed text is private."""

    return CrashHandler(window, start_over=window.start_over, private_text=window.typed_text)


@contextlib.contextmanager
def handling(handler: CrashHandler) -> Iterator[CrashHandler]:
    """Make ``handler`` the excepthook (and the log's source of typed text) for a while."""
    previous_hook = sys.excepthook
    sys.excepthook = handler
    if handler.own_private_text is not None:
        diagnostics.set_private_text(handler.own_private_text)
    try:
        yield handler
    finally:
        sys.excepthook = previous_hook
        if handler.own_private_text is not None:
            diagnostics.set_private_text(None)


def report_startup_failure(error: BaseException) -> int:
    """The window could not be built: log ``error``, say so, and give the exit status."""
    CrashHandler()(type(error), error, error.__traceback__)
    return EXIT_AFTER_ERROR
