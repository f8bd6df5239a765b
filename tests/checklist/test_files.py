"""atomic_write(): the whole file or nothing, and a reason in plain words."""

from __future__ import annotations

import errno
import os
import stat
import tempfile

import pytest

from certalign_gui.checklist import files
from certalign_gui.checklist.files import FileWriteError, atomic_write, plain_reason


def test_writes_bytes_and_returns_the_absolute_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    written = atomic_write("out.pdf", b"%PDF-1.4 data")
    assert written == tmp_path / "out.pdf"
    assert written.read_bytes() == b"%PDF-1.4 data"
    assert os.listdir(tmp_path) == ["out.pdf"]


def test_a_writer_function_streams_the_content(tmp_path):
    atomic_write(tmp_path / "a.ics", lambda handle: handle.write(b"BEGIN:VCALENDAR"))
    assert (tmp_path / "a.ics").read_bytes() == b"BEGIN:VCALENDAR"


def test_a_failure_midway_leaves_no_partial_file(tmp_path):
    def half(handle):
        handle.write(b"%PDF-1.4 half of it")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(FileWriteError) as caught:
        atomic_write(tmp_path / "new.pdf", half)
    assert str(caught.value) == f"Could not save {tmp_path / 'new.pdf'}: the disk is full."
    assert os.listdir(tmp_path) == []


def test_a_failure_keeps_the_existing_file_intact(tmp_path):
    target = tmp_path / "checklist.pdf"
    target.write_bytes(b"yesterday's checklist")

    def broken(handle):
        handle.write(b"today's")
        raise RuntimeError("the renderer crashed")

    with pytest.raises(RuntimeError):
        atomic_write(target, broken)
    assert target.read_bytes() == b"yesterday's checklist"
    assert os.listdir(tmp_path) == ["checklist.pdf"]


def test_a_failing_rename_keeps_the_existing_file_intact(tmp_path, monkeypatch):
    target = tmp_path / "checklist.pdf"
    target.write_bytes(b"old")

    def no_rename(src, dst):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.os, "replace", no_rename)
    with pytest.raises(FileWriteError, match="you do not have permission to write there"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["checklist.pdf"]


def test_a_folder_that_refuses_new_files_is_named_with_the_reason(tmp_path, monkeypatch):
    def refuse(**kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    with pytest.raises(FileWriteError) as caught:
        atomic_write(tmp_path / "x.pdf", b"x")
    assert caught.value.path == tmp_path / "x.pdf"
    assert caught.value.reason == "you do not have permission to write there"


def test_a_directory_is_not_a_file(tmp_path):
    with pytest.raises(FileWriteError, match="that is a folder, not a file"):
        atomic_write(tmp_path, b"x")


def test_a_missing_folder_is_said_plainly(tmp_path):
    with pytest.raises(FileWriteError, match="that folder does not exist"):
        atomic_write(tmp_path / "nope" / "x.pdf", b"x")


def test_a_file_in_the_way_of_the_folder_is_said_plainly(tmp_path):
    (tmp_path / "plain").write_text("a file")
    with pytest.raises(FileWriteError, match="part of that path is not a folder"):
        atomic_write(tmp_path / "plain" / "x.pdf", b"x")


def test_a_new_file_gets_normal_permissions_and_a_replaced_one_keeps_its_own(tmp_path):
    umask = os.umask(0o022)
    try:
        fresh = atomic_write(tmp_path / "fresh.pdf", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not mkstemp's 0600
    kept = tmp_path / "kept.pdf"
    kept.write_bytes(b"old")
    kept.chmod(0o640)
    atomic_write(kept, b"new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        (errno.ENOSPC, "the disk is full"),
        (errno.EROFS, "that drive is read-only"),
        (errno.EACCES, "you do not have permission to write there"),
        (errno.ENAMETOOLONG, "the file name is too long"),
        (errno.EIO, "input/output error"),  # anything else: the system's words, lower case
    ],
)
def test_plain_reasons(code, reason):
    assert plain_reason(OSError(code, os.strerror(code))) == reason


def test_the_temporary_file_lives_beside_the_target(tmp_path, monkeypatch):
    seen = []
    real = tempfile.mkstemp

    def spy(**kwargs):
        seen.append(kwargs["dir"])
        return real(**kwargs)

    monkeypatch.setattr(files.tempfile, "mkstemp", spy)
    atomic_write(tmp_path / "x.pdf", b"x")
    assert seen == [tmp_path]  # same file system, so os.replace is one atomic step
