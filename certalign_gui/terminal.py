"""What both commands (`certalign` and `certalign roster`) need from a terminal.

One clear line per message, exit status 2 for bad input, no traceback when the reader of
a pipe has gone (``certalign --json | head -1``), and output files checked before any work.
Pure Python: no Qt, nothing of the window.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import NoReturn, TextIO

from certalign_gui.presentation import catalogue
from certalign_gui.presentation.catalogue import _

PROG = "certalign"


def language_first(argv: list[str]) -> None:
    """Choose the language (``--lang LANGUAGE`` anywhere in ``argv``, else the system's)
    before a parser is made: its help and its messages are said in it."""
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang")
    known, _rest = early.parse_known_args(argv)
    catalogue.use_language(known.lang)


class UsageError(Exception):
    """Bad input on the command line, or an unusable file: one clear line, exit status 2."""


class Parser(argparse.ArgumentParser):
    """An argument parser whose mistakes are a `UsageError` (one line), not a usage dump."""

    def error(self, message: str) -> NoReturn:
        # ``message`` is argparse's own (its words are Python's, in English).
        raise UsageError(
            _("{problem} (see '{help}')").format(problem=message, help=f"{self.prog} --help")
        )


def pipe_closed(*streams: object) -> None:
    """Send what is left for a closed pipe to the null device.

    Python flushes stdout once more on exit; on a pipe whose reader has gone that flush
    would print a BrokenPipeError of its own.
    """
    for stream in streams:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, stream.fileno())  # type: ignore[attr-defined]
            os.close(devnull)


def say(line: str, *, stream: TextIO | None = None) -> None:
    """One line on ``stream`` (stdout by default), even when nobody reads it any more."""
    stream = stream or sys.stdout
    try:
        print(line, file=stream, flush=True)
    except BrokenPipeError:
        pipe_closed(stream)


def tell_error(exc: Exception) -> None:
    """The one line of an error, on stderr (a file name may hold a line break: joined)."""
    problem = " ".join(str(exc).splitlines())
    say(_("{program}: error: {problem}").format(program=PROG, problem=problem), stream=sys.stderr)


def output_path(option: str, value: str) -> Path:
    """The file ``option`` asks to write, checked before any work; or a `UsageError`."""
    from certalign_gui.basics.file_writing import FileWriteError, check_target
    from certalign_gui.presentation.file_words import file_write_sentence

    if not value.strip():
        raise UsageError(_("{option}: the file name is empty").format(option=option))
    path = Path(value).expanduser().absolute()
    try:
        check_target(path)
    except FileWriteError as exc:
        raise UsageError(f"{option}: {file_write_sentence(exc)}") from None
    return path


def headless_qt_platform(platform: str = sys.platform) -> str | None:
    """The Qt platform a command's PDF is made on, set before its QGuiApplication.

    ``offscreen`` needs no display. Not on Windows: there Qt's offscreen platform reads
    fonts only from Qt's own (absent) fonts folder, so it has none and the PDF cannot be
    made; Qt's native ``windows`` platform (the default there) has the system's fonts and
    shows nothing unless asked. None: leave Qt's default.
    """
    return None if platform == "win32" else "offscreen"


def use_headless_qt() -> None:
    """Before a command's first Qt object: pick `headless_qt_platform` (loads QtGui)."""
    from PySide6.QtGui import QGuiApplication

    chosen = headless_qt_platform()
    if QGuiApplication.instance() is None and chosen is not None:
        os.environ["QT_QPA_PLATFORM"] = chosen
