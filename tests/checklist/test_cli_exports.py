"""`certalign --pdf/--ics`: the same files as the window makes, with no display at all."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
from datetime import date

import pypdf
import pytest
from icalendar import Calendar

from certalign_gui import clock
from certalign_gui.basics import file_writing
from certalign_gui.cli import main

ARGS = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
NAME = "<b>x</b><img src=file:///etc/passwd>"


@pytest.fixture(autouse=True)
def advice_day_is_today(monkeypatch):
    """The files are made on the advice day, so every calendar reminder is still to come."""
    monkeypatch.setattr(clock, "today", lambda: date(2025, 1, 10))


def test_a_calendar_whose_reminders_are_all_past_is_written_with_a_note(
    monkeypatch, capsys, tmp_path
):
    monkeypatch.setattr(clock, "today", lambda: date(2026, 12, 2))
    ics = tmp_path / "dates.ics"
    assert main([*ARGS, "--ics", str(ics)]) == 0
    out, err = capsys.readouterr()
    assert out == f"certalign: wrote the key dates to {ics}\n"
    assert err == (
        f"certalign: note: every reminder in {ics} is already past; it will remind you of nothing\n"
    )
    assert ics.exists()


def _pdf(path) -> pypdf.PdfReader:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    return reader


def _text(reader: pypdf.PdfReader) -> str:
    return " ".join(reader.pages[0].extract_text().split())


def test_pdf_and_ics_are_written_and_each_is_named_on_its_own_line(qapp, capsys, tmp_path):
    pdf, ics = tmp_path / "checklist.pdf", tmp_path / "dates.ics"
    status = main(
        [*ARGS, "--pdf", str(pdf), "--ics", str(ics), "--name", NAME, "--ma-number", "E123"]
    )
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    # stdout says which files were written, one line each, and nothing else.
    assert out.splitlines() == [
        f"certalign: wrote the checklist to {pdf}",
        f"certalign: wrote the key dates to {ics}",
    ]
    text = _text(_pdf(pdf))
    # Squashed: a long name may wrap at its slashes, which adds a space to the text.
    assert "".join(NAME.split()) in "".join(text.split())
    assert "MA certification number: E123" in text
    assert "Due by February 15, 2025" in text
    calendar = Calendar.from_ical(ics.read_bytes())
    assert len(calendar.walk("VEVENT")) == 4
    assert b"passwd" not in ics.read_bytes()
    assert b"E123" not in ics.read_bytes()


@pytest.mark.parametrize(
    ("option", "size"), [([], (612, 792)), (["--page-size", "a4"], (595, 842))]
)
def test_letter_by_default_a4_when_asked(qapp, capsys, tmp_path, option, size):
    pdf = tmp_path / "c.pdf"
    assert main([*ARGS, "--pdf", str(pdf), *option]) == 0
    box = _pdf(pdf).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size


def test_an_existing_file_is_refused_without_force(qapp, capsys, tmp_path):
    pdf = tmp_path / "c.pdf"
    pdf.write_bytes(b"keep me")
    assert main([*ARGS, "--pdf", str(pdf)]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # nothing happens when a file would be lost
    assert err == f"certalign: error: --pdf: {pdf} already exists; add --force to replace it\n"
    assert pdf.read_bytes() == b"keep me"
    assert main([*ARGS, "--pdf", str(pdf), "--force"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("where", "reason"),
    [
        ("missing/c.pdf", "that folder does not exist"),
        (".", "that is a folder, not a file"),
    ],
)
def test_an_impossible_path_exits_2_naming_path_and_reason(capsys, tmp_path, where, reason):
    target = (tmp_path / where).absolute()
    assert main([*ARGS, "--ics", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith(f"certalign: error: --ics: Could not save {target.resolve()}")
    assert reason in err


def test_a_folder_without_write_permission_exits_2(capsys, tmp_path, monkeypatch):
    # Tests may run as root, who can write anywhere: the refusal is simulated.
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(file_writing.os, "open", refuse)
    target = tmp_path / "dates.ics"
    assert main([*ARGS, "--ics", str(target)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"certalign: error: --ics: Could not save {target}: "
        "you do not have permission to write there.\n"
    )
    assert not target.exists()


@pytest.mark.parametrize("option", ["--name", "--ma-number", "--nremt-number", "--page-size"])
def test_pdf_details_without_pdf_are_a_usage_error(capsys, option):
    value = "a4" if option == "--page-size" else "x"
    assert main([*ARGS, option, value]) == 2
    assert capsys.readouterr().err == (
        f"certalign: error: {option} is for the PDF checklist: add --pdf FILE\n"
    )


def test_the_same_file_twice_is_refused(capsys, tmp_path):
    same = str(tmp_path / "x")
    assert main([*ARGS, "--pdf", same, "--ics", same]) == 2
    assert "name the same file" in capsys.readouterr().err


def test_an_empty_file_name_is_refused(capsys):
    assert main([*ARGS, "--ics", " "]) == 2
    assert capsys.readouterr().err == "certalign: error: --ics: the file name is empty\n"


def _run(*argv, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, timeout=120, env=environment
    )


def test_the_pdf_needs_no_display(tmp_path):
    pdf = tmp_path / "c.pdf"
    result = _run("-m", "certalign_gui.cli", *ARGS, "--pdf", str(pdf))
    assert result.returncode == 0, result.stderr
    assert "Due by February 15, 2025" in _text(_pdf(pdf))
    assert (result.stdout, result.stderr) == (f"certalign: wrote the checklist to {pdf}\n", "")


def test_with_text_the_checklist_is_printed_too_and_the_files_named_on_stderr(
    qapp, capsys, tmp_path
):
    main(ARGS)
    expected = capsys.readouterr().out
    ics = tmp_path / "dates.ics"
    assert main([*ARGS, "--ics", str(ics), "--text"]) == 0
    out, err = capsys.readouterr()
    assert out == expected  # the checklist, byte for byte
    assert err == f"certalign: wrote the key dates to {ics}\n"


def test_with_json_the_answer_stays_valid_json_and_the_files_go_to_stderr(capsys, tmp_path):
    ics = tmp_path / "dates.ics"
    assert main([*ARGS, "--ics", str(ics), "--json"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["category"] == "one_year_alignment"
    assert err == f"certalign: wrote the key dates to {ics}\n"


def test_the_calendar_alone_loads_no_qt(tmp_path):
    ics = tmp_path / "d.ics"
    result = _run("-X", "importtime", "-m", "certalign_gui.cli", *ARGS, "--ics", str(ics))
    assert result.returncode == 0, result.stderr
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "icalendar" in imported
    assert not [name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")]
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
