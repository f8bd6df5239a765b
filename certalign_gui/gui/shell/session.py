"""One person's session: Start over and the idle reset end it, and what it started stops.

An export (print, PDF, calendar) asks its questions in dialogs with their own event loops.
If the idle reset fires while one is open, the dialog closes, but the code that opened it
carries on when it returns, still holding the previous person's answer and name. Each
export therefore takes a `SessionToken` when it starts and checks it after every question:
once the session has ended, nothing more is written, printed or shown.
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QDialog, QWidget


class Session:
    """Counts the sessions of one window; `end()` ends the current one."""

    def __init__(self) -> None:
        self._number = 0

    def end(self) -> None:
        """The person is gone (Start over, idle reset): every token taken so far expires."""
        self._number += 1

    def token(self) -> SessionToken:
        """A token for work done now, on behalf of the current person."""
        return SessionToken(self, self._number)

    def number(self) -> int:
        """Which session this is (0 for the first)."""
        return self._number


class SessionToken:
    """Says whether the session it was taken in is still going on."""

    def __init__(self, session: Session, number: int) -> None:
        self._session = session
        self._number = number

    def alive(self) -> bool:
        """True while the same person's session goes on."""
        return self._session.number() == self._number


def close_other_dialogs(window: QWidget | None) -> None:
    """Close dialogs left open (a print preview, a save dialog): they may show a name."""
    for widget in QApplication.topLevelWidgets():
        if widget is not window and isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()


def detached() -> SessionToken:
    """A token that never expires: for a caller with no window (tools, some tests)."""
    return Session().token()
