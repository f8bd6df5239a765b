"""Writing a finished file safely: all or nothing, never a half-written checklist.

Pure Python, no Qt: the GUI and the CLI both use it and both turn `FileWriteError`
into one plain sentence that names the file and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def N_(message: str) -> str:
    """The catalogue's mark (`certalign_gui.presentation.catalogue.N_`; this lower layer may
    not import it): a reason said to a person, which `presentation.file_words` translates."""
    return message


#: ``os.strerror`` wording is technical; these say the same in plain words.
_REASONS = {
    errno.EACCES: N_("you do not have permission to write there"),
    errno.EPERM: N_("you do not have permission to write there"),
    errno.EROFS: N_("that drive is read-only"),
    errno.ENOSPC: N_("the disk is full"),
    errno.EDQUOT: N_("the disk is full (your storage quota is used up)"),
    errno.ENOENT: N_("that folder does not exist"),
    errno.ENOTDIR: N_("part of that path is not a folder"),
    errno.EISDIR: N_("that is a folder, not a file"),
    errno.ENAMETOOLONG: N_("the file name is too long"),
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


def real_target(path: Path) -> Path:
    """Where writing ``path`` really goes: a symbolic link is followed to its target.

    Saving "through" a link keeps the link (a shortcut a station keeps on its desktop,
    say) and replaces the file it points to, as an ordinary save would.
    """
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except (RuntimeError, OSError) as exc:  # a loop of links
        raise FileWriteError(path, N_("it is a link that points back to itself")) from exc


def atomic_write(path: str | os.PathLike[str], write: bytes | Callable[[BinaryIO], None]) -> Path:
    """Write ``path`` in one step: a temporary file in the same folder, then `os.replace`.

    ``write`` is the content, or a function that writes it to an open binary file. If
    anything fails, the temporary file is removed, an existing file at ``path`` is left
    exactly as it was, and `FileWriteError` says why. A symbolic link is written through
    (its target is replaced, the link stays). The new file gets the permissions an
    ordinary save gives (0666 less the umask, which is never changed), or the old file's.
    Returns the absolute path asked for.
    """
    asked = Path(path).expanduser().absolute()
    target = real_target(asked)
    check_target(target)
    fd, temp_name = _create_temp(target)
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
        raise FileWriteError(asked, plain_reason(exc)) from exc
    except BaseException:
        _discard(temp_name)
        raise
    return asked


def _create_temp(target: Path) -> tuple[int, str]:
    """A new, empty temporary file beside ``target``, created with mode 0666 (the kernel
    takes the umask off, as for any new file): no process-wide umask is read or changed."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    for _attempt in range(100):
        # Random like `secrets.token_hex` (the same os.urandom), without importing `secrets`
        # and the hashing modules it brings (about 5 ms of the program's start-up).
        temp_name = str(target.parent / f".certalign-{os.urandom(6).hex()}.part")
        try:
            return os.open(temp_name, flags, 0o666), temp_name
        except FileExistsError:
            continue
        except OSError as exc:
            raise FileWriteError(target, plain_reason(exc)) from exc
    raise FileWriteError(target, "no temporary file name was free")  # pragma: no cover


def _keep_mode(target: Path, temp_name: str) -> None:
    """A file that is replaced keeps its permissions; a new one has what it was made with."""
    try:
        mode = target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return
    os.chmod(temp_name, mode)


def _discard(temp_name: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp_name)
