"""What the person chose in the error dialog (shared by the handler and the dialog)."""

from __future__ import annotations

import enum


class CrashAction(enum.Enum):
    """What the user chose in the error dialog."""

    START_OVER = "start_over"
    QUIT = "quit"
