"""Writing a finished file safely: all or nothing, never a half-written checklist.

Pure Python, no Qt: the GUI and the CLI both use it and both turn `FileWriteError`
into one plain sentence that names the file and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

#: ``os.strerror`` wording is technical; these say the same in plain words.
_REASONS = {
    errno.EACCES: "you do not have permission to write there",
    errno.EPERM: "you do not have permission to write there",
    errno.EROFS: "that drive is read-only",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk is full (your storage quota is used up)",
    errno.ENOENT: "that folder does not exist",
    errno.ENOTDIR: "part of that path is not a folder",
    errno.EISDIR: "that is a folder, not a file",
    errno.ENAMETOOLONG: "the file name is too long",
}


class FileWriteError(Exception):
    """A file could not be written. ``str()`` is one sentence naming the file and the reason."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"Could not save {path}: {reason}.")
        self.path = path
        self.reason = reason


def plain_reason(exc: OSError) -> str:
    """A short, plain explanation of why the operating system refused."""
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return (exc.strerror or str(exc) or "the operating system refused").rstrip(".").lower()


def check_target(path: Path) -> None:
    """Refuse early, with a plain reason, a path that can never be written as a file."""
    if path.is_dir():
        raise FileWriteError(path, _REASONS[errno.EISDIR])
    folder = path.parent
    if not folder.exists():
        raise FileWriteError(path, _REASONS[errno.ENOENT])
    if not folder.is_dir():
        raise FileWriteError(path, _REASONS[errno.ENOTDIR])


def atomic_write(path: str | os.PathLike[str], write: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``path`` in one step: a temporary file in the same folder, then `os.replace`.

    ``write`` is the content, or a function that writes it to an open binary file. If
    anything fails, the temporary file is removed, an existing file at ``path`` is left
    exactly as it was, and `FileWriteError` says why. Returns the absolute path written.
    """
    target = Path(path).expanduser().absolute()
    check_target(target)
    try:
        fd, temp_name = tempfile.mkstemp(
            dir=target.parent, prefix=f".{target.name}.", suffix=".part"
        )
    except OSError as exc:
        raise FileWriteError(target, plain_reason(exc)) from exc
    try:
        with os.fdopen(fd, "wb") as handle:
            if callable(write):
                write(handle)
            else:
                handle.write(write)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_mode(target, temp_name)
        os.replace(temp_name, target)
    except OSError as exc:
        _discard(temp_name)
        raise FileWriteError(target, plain_reason(exc)) from exc
    except BaseException:
        _discard(temp_name)
        raise
    return target


def _keep_mode(target: Path, temp_name: str) -> None:
    """Give the new file the permissions a normally created file would have."""
    try:
        mode = target.stat().st_mode & 0o777
    except OSError:
        # mkstemp creates the file 0600; a checklist is not secret, so use the umask default.
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temp_name, mode)


def _discard(temp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp_name)
