"""atomic_write(): the whole file or nothing, and a reason in plain words."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from certalign_gui.basics import file_writing
from certalign_gui.basics.file_writing import FileWriteError, atomic_write, plain_reason


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

    monkeypatch.setattr(file_writing.os, "replace", no_rename)
    with pytest.raises(FileWriteError, match="you do not have permission to write there"):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["checklist.pdf"]


def test_a_folder_that_refuses_new_files_is_named_with_the_reason(tmp_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(file_writing.os, "open", refuse)
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


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_a_new_file_gets_the_permissions_an_ordinary_save_gives(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        fresh = atomic_write(tmp_path / "fresh.pdf", b"x")
        ordinary = tmp_path / "ordinary.pdf"
        ordinary.write_bytes(b"x")  # what any program's plain save makes
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == stat.S_IMODE(ordinary.stat().st_mode) == mode


def test_the_process_umask_is_never_changed(tmp_path, monkeypatch):
    # Changing the umask, even for a moment, races with every other thread's new file_writing.
    def no_umask(mask):
        raise AssertionError(f"os.umask({mask:o}) was called")

    monkeypatch.setattr(os, "umask", no_umask)
    atomic_write(tmp_path / "new.pdf", b"x")
    (tmp_path / "old.pdf").write_bytes(b"old")
    atomic_write(tmp_path / "old.pdf", b"new")
    assert (tmp_path / "old.pdf").read_bytes() == b"new"


def test_a_replaced_file_keeps_its_permissions(tmp_path):
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
    real = os.open

    def spy(name, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            seen.append(Path(name).parent)
        return real(name, flags, *args, **kwargs)

    monkeypatch.setattr(file_writing.os, "open", spy)
    atomic_write(tmp_path / "x.pdf", b"x")
    assert seen == [tmp_path]  # same file system, so os.replace is one atomic step
    assert os.listdir(tmp_path) == ["x.pdf"]


def test_a_link_is_written_through_to_its_target_and_stays_a_link(tmp_path):
    real = tmp_path / "real"
    real.mkdir()
    target = real / "checklist.pdf"
    target.write_bytes(b"old")
    target.chmod(0o640)
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    assert atomic_write(link, b"new") == link
    assert link.is_symlink()
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert sorted(os.listdir(real)) == ["checklist.pdf"]  # no temporary file left


def test_a_dangling_link_makes_its_target(tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "made.pdf")
    atomic_write(link, b"x")
    assert link.is_symlink()
    assert (tmp_path / "made.pdf").read_bytes() == b"x"


def test_a_link_into_a_missing_folder_is_refused_in_words(tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "gone" / "made.pdf")
    with pytest.raises(FileWriteError, match="that folder does not exist"):
        atomic_write(link, b"x")
    assert link.is_symlink()


def test_a_loop_of_links_is_refused_in_words(tmp_path):
    first, second = tmp_path / "a.pdf", tmp_path / "b.pdf"
    first.symlink_to(second)
    second.symlink_to(first)
    with pytest.raises(FileWriteError, match="points back to itself"):
        atomic_write(first, b"x")
    assert first.is_symlink()
    assert second.is_symlink()
