"""Writing the roster's files: progress, cancelling, and never replacing a file unasked."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from certalign_gui.basics.file_writing import FileWriteError, atomic_write
from certalign_gui.presentation.catalogue import N_

#: ``progress(done, total)`` is told how far a long job is; it returns False to cancel.
Progress = Callable[[int, int], bool]


class CancelledError(Exception):
    """The user cancelled through the progress callback; no file was written."""


def tick(progress: Progress | None, done: int, total: int) -> None:
    """Tell ``progress`` how far the work is; raise `CancelledError` when it says stop."""
    if progress is not None and progress(done, total) is False:
        raise CancelledError


def save(path: str | os.PathLike[str], data: bytes, *, replace: bool = False) -> Path:
    """Write ``data`` to ``path`` at once (`atomic_write`); an existing file needs ``replace``.

    Raises `FileWriteError` (one sentence naming the file and the reason).
    """
    target = Path(path).expanduser().absolute()
    if not replace and (target.exists() or target.is_symlink()):
        raise FileWriteError(target, N_("a file with that name already exists"))
    return atomic_write(target, data)
