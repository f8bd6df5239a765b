"""`certalign` on a closed pipe (``certalign --json | head -1``): a quiet exit, no traceback."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from certalign_gui import cli

GOOD = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
#: A calendar whose reminders are all still to come, whatever day the tests run (the CLI
#: notes on stderr a calendar file whose reminders have all passed).
LATER = ["--ma-expires", "2098-03-31", "--nremt-expires", "2099-03-31", "--as-of", "2098-01-10"]
TIMEOUT_S = 120


def _run_into_closed_pipe(*args: str, close: str = "stdout", cwd: Path | None = None):
    """Run the CLI with stdout (or stderr) on a pipe whose reader has already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # no reader at all: the very first write fails, every time
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    streams[close] = write_end
    try:
        result = subprocess.run(
            [sys.executable, "-m", "certalign_gui.cli", *args],
            text=True,
            timeout=TIMEOUT_S,
            check=False,
            cwd=cwd,
            **streams,
        )
    finally:
        os.close(write_end)
    return result


@pytest.mark.parametrize(
    "output",
    [
        # The JSON answer.
        ["--json"],
        # The plain-text answer.
        [],
        # The help text.
        ["--help"],
    ],
)
def test_a_reader_that_has_gone_gets_a_quiet_exit(output):
    result = _run_into_closed_pipe(*GOOD, *output)
    assert result.stderr == ""
    assert result.returncode == 0


def test_files_asked_for_are_still_written_when_stdout_is_closed(tmp_path):
    ics = tmp_path / "dates.ics"
    result = _run_into_closed_pipe(*LATER, "--json", "--ics", str(ics))
    assert result.returncode == 0
    assert result.stderr == f"certalign: wrote the key dates to {ics}\n"
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_files_asked_for_are_written_when_stdout_closes_before_the_file_lines(tmp_path):
    # Without --json or --text, stdout carries only the "wrote" lines; its reader is gone.
    ics = tmp_path / "dates.ics"
    result = _run_into_closed_pipe(*LATER, "--ics", str(ics))
    assert (result.returncode, result.stderr) == (0, "")
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_bad_input_still_exits_2_when_stdout_is_closed():
    result = _run_into_closed_pipe("--ma-expires", "2025-02-30", "--json")
    assert result.returncode == 2
    assert result.stderr.startswith("certalign: error: --ma-expires: '2025-02-30'")
    assert result.stderr.count("\n") == 1


def test_bad_input_exits_2_quietly_when_stderr_is_closed_too():
    result = _run_into_closed_pipe("--ma-expires", "2025-02-30", close="stderr")
    assert result.returncode == 2
    assert result.stdout == ""


def test_a_real_pipe_into_head_shows_the_first_line_and_no_traceback(tmp_path):
    errors = tmp_path / "stderr.txt"
    command = " ".join(shlex.quote(part) for part in [sys.executable, "-m", "certalign_gui.cli"])
    script = f"{command} {shlex.join(GOOD)} --json 2>{shlex.quote(str(errors))} | head -1"
    result = subprocess.run(
        ["sh", "-c", script], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    assert result.returncode == 0
    assert result.stdout == "{\n"
    assert errors.read_text(encoding="utf-8") == ""


def test_a_broken_pipe_anywhere_else_is_a_quiet_exit_too(monkeypatch, capsys):
    def closed(argv):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(cli, "_run", closed)
    assert cli.main(GOOD) == 0
    assert capsys.readouterr() == ("", "")
