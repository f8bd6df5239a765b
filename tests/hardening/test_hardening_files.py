"""Saving the PDF and the .ics when the disk says no: one clear message, the old file intact.

Each failure is tried in the window (Save as PDF, Add to calendar, dialogs replaced) and in
the CLI (``--pdf``/``--ics``, exit 2): a full disk (the write itself fails with ENOSPC), a
folder that refuses new files (simulated, and for real: chmod 0555, or as root, who writes
into such a folder anyway, a read-only bind mount), and a path that is a folder.
"""

from __future__ import annotations

import errno
import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui import cli
from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.session import detached
from certalign_gui.gui.wizard import take_home
from certalign_gui.rules import Situation, assess

ASSESSMENT = assess(
    Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
    )
)
DETAILS = Details(name="Pat Example", ma_number="E1234567", nremt_number="NR7654321")
ARGS = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
OLD = b"the checklist printed last week"
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
#: Root writes into a 0555 folder anyway: as root, a real read-only folder is a read-only
#: bind mount (EROFS), which refuses root too.
REAL_READ_ONLY_REASON = (
    "that drive is read-only" if IS_ROOT else "you do not have permission to write there"
)

#: The day the tests print or save on (the page says "Printed on" this day).
PRINTED = date(2026, 12, 2)


#: Folders bind-mounted read-only by this module, to unmount afterwards.
_MOUNTED: set[Path] = set()


def _make_read_only(folder: Path) -> None:
    """Make ``folder`` really refuse new files (the `folder` fixture undoes it)."""
    if not IS_ROOT:
        folder.chmod(0o555)
        return
    _MOUNTED.add(folder)
    for command in (
        ["mount", "--bind", str(folder), str(folder)],
        ["mount", "-o", "remount,ro,bind", str(folder)],
    ):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            _undo_read_only(folder)
            pytest.skip(f"cannot make a read-only bind mount here: {done.stderr.strip()}")


def _undo_read_only(folder: Path) -> None:
    if folder in _MOUNTED:
        # The read-only remount changes the bind mount itself: one umount undoes both.
        subprocess.run(["umount", str(folder)], capture_output=True, check=False)
        _MOUNTED.discard(folder)
    folder.chmod(0o755)


class _FullDisk:
    """An open file whose writes fail the way a full disk makes them fail."""

    def __init__(self, handle) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self._handle.close()

    def __getattr__(self, name: str):
        return getattr(self._handle, name)


def _full_disk(monkeypatch, folder: Path) -> None:
    """Writes to temporary files in ``folder`` fail with ENOSPC (nothing else is touched)."""
    real_open, real_fdopen = os.open, os.fdopen
    ours: set[int] = set()

    def open_(name, flags, *args, **kwargs):
        fd = real_open(name, flags, *args, **kwargs)
        if flags & os.O_CREAT and Path(name).parent == folder:
            ours.add(fd)
        return fd

    def fdopen(fd, *args, **kwargs):
        handle = real_fdopen(fd, *args, **kwargs)
        return _FullDisk(handle) if fd in ours else handle

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "fdopen", fdopen)


def _refusing_folder(monkeypatch, folder: Path) -> None:
    """The folder refuses new files, as a read-only folder does (simulated: root may write)."""
    real_open = os.open

    def open_(name, flags, *args, **kwargs):
        if flags & os.O_CREAT and Path(name).parent == folder:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES))
        return real_open(name, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_)


@dataclass(frozen=True)
class Failure:
    """One way saving fails, and the reason the message must give."""

    name: str
    reason: str

    def arrange(self, monkeypatch, folder: Path, target: Path) -> None:
        """Make it fail like that; an existing file waits at ``target`` (except a folder)."""
        if self.name == "folder":
            target.mkdir()
            return
        target.write_bytes(OLD)
        if self.name == "full disk":
            _full_disk(monkeypatch, folder)
        elif self.name == "read-only (simulated)":
            _refusing_folder(monkeypatch, folder)
        else:
            _make_read_only(folder)

    def kept(self, target: Path) -> None:
        """The old file (or the folder) is exactly as it was, with no leftovers beside it."""
        if self.name == "folder":
            assert target.is_dir()
            assert list(target.iterdir()) == []
        else:
            assert target.read_bytes() == OLD
        assert [p.name for p in target.parent.iterdir()] == [target.name]


FAILURES = [
    Failure("full disk", "the disk is full"),
    Failure("read-only (simulated)", "you do not have permission to write there"),
    Failure("read-only (real)", REAL_READ_ONLY_REASON),
    Failure("folder", "folder"),
]
KINDS = ["pdf", "ics"]


@pytest.fixture
def folder(tmp_path):
    """A folder for the file (made writable again afterwards, so it can be cleaned up)."""
    where = tmp_path / "save here"
    where.mkdir()
    yield where
    _undo_read_only(where)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _ids(value) -> str:
    return value.name if isinstance(value, Failure) else str(value)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("failure", FAILURES, ids=_ids)
def test_the_window_says_what_failed_and_keeps_the_old_file(
    monkeypatch, parent, folder, kind, failure
):
    target = folder / f"mine.{kind}"
    failure.arrange(monkeypatch, folder, target)
    questions = ScriptedQuestions(target)
    questions.overwrite_answers = [True]
    # The reminders of this 2025 answer are past on the day it is saved: save it anyway.
    questions.past_calendar = True
    flow = scripted_flow(questions)
    if kind == "pdf":
        take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    else:
        take_home.save_ics(parent, ASSESSMENT, today=PRINTED, token=detached(), flow=flow)
    infos, errors = questions.infos, questions.errors
    assert infos == []
    [message] = errors
    assert str(target) in message
    assert failure.reason in message
    failure.kept(target)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("failure", FAILURES, ids=_ids)
def test_the_cli_says_what_failed_on_one_line_and_exits_2(
    qapp, monkeypatch, capsys, folder, kind, failure
):
    target = folder / f"mine.{kind}"
    failure.arrange(monkeypatch, folder, target)
    assert cli.main([*ARGS, f"--{kind}", str(target), "--force"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1, err
    assert err.startswith(f"certalign: error: --{kind}: Could not save {target}")
    assert failure.reason in err
    assert "Traceback" not in err
    failure.kept(target)
