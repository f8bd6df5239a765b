"""The program's log: where it goes, what it may hold, and Qt's own messages routed into it.

A shared station computer has no one reading a console, so warnings and errors go to a
small rotating file as well as to stderr (when there is one). Nothing the user typed may
reach either: every line passes through `scrub`, which blanks out the name and numbers
currently typed, however an error message or a traceback happens to carry them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import sys
import traceback
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import (
    QStandardPaths,
    QSysInfo,
    QtMsgType,
    qInstallMessageHandler,
    qVersion,
)

from certalign_gui import __version__

if TYPE_CHECKING:
    from PySide6.QtCore import QMessageLogContext

#: Opens the log file's writer when the first line is to be written: the composition root
#: (`certalign_gui.app`) gives one that loads logging.handlers only then.
OpenLogFile = Callable[[Path], logging.Handler]

#: An administrator may move the log ("" turns the file off; stderr stays).
LOG_DIR_VARIABLE = "CERTALIGN_LOG_DIR"
LOG_NAME = "certalign.log"
#: Small: two files of at most this size, the older one replaced when the newer fills.
LOG_MAX_BYTES = 256 * 1024
LOG_BACKUPS = 1
#: What replaces typed text in a log line or in copied details.
REMOVED = "[typed text removed]"
#: Shorter pieces of a name identify no one, and would blank out the traceback's own words.
MIN_PIECE = 3

#: Qt messages known to be harmless: logged at debug level, below what the log keeps.
HARMLESS_QT_MESSAGES = (
    # The offscreen platform (tests, the CLI's PDF) cannot size native windows.
    "This plugin does not support propagateSizeHints()",
)

qt_log = logging.getLogger("certalign_gui.qt")


def _no_private_text() -> Iterable[str]:
    return ()


#: Returns what the user has typed right now (name and numbers); set while a window is up.
_private_text: Callable[[], Iterable[str]] = _no_private_text


def set_private_text(provider: Callable[[], Iterable[str]] | None) -> None:
    """Tell the log what must never appear in it (None: nothing is typed any more)."""
    global _private_text
    _private_text = provider or _no_private_text


def private_text() -> tuple[str, ...]:
    """The typed values to scrub; if they cannot be read, scrub() removes every message."""
    return tuple(_private_text())


def _html_escaped(value: str) -> str:
    """``value`` as `html.escape` writes it (quotes too), without importing `html` and its
    table of 2,000 entities before the first paint (a test checks they agree)."""
    for char, entity in (
        ("&", "&amp;"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ('"', "&quot;"),
        ("'", "&#x27;"),
    ):
        value = value.replace(char, entity)
    return value


def _pieces(values: Iterable[str]) -> list[str]:
    found: set[str] = set()
    for value in values:
        value = value.strip()
        if len(value) < MIN_PIECE:
            continue
        # As typed, as HTML escapes it, and as Python's repr() and ascii() write it.
        escaped = value.replace("\\", "\\\\")
        found.update(
            (
                value,
                _html_escaped(value),
                ascii(value)[1:-1],
                escaped.replace("'", "\\'"),
                escaped.replace('"', '\\"'),
            )
        )
        found.update(part for part in re.split(r"[\W_]+", value) if len(part) >= MIN_PIECE)
    # Longest first, so that "Jane Doe" goes as a whole before "Jane" is looked for.
    return sorted(found, key=len, reverse=True)


def scrub(text: str, values: Iterable[str] | None = None) -> str:
    """``text`` with every typed value (and each word of it) replaced by `REMOVED`."""
    if values is None:
        try:
            values = private_text()
        except Exception:
            return withhold(text)
    pieces = _pieces(values)
    if not pieces:
        return text
    pattern = re.compile("|".join(re.escape(piece) for piece in pieces), re.IGNORECASE)
    return pattern.sub(REMOVED, text)


def withhold(text: str) -> str:
    """Only the traceback's code lines of ``text``: for when the typed values are unknown."""
    code = [line for line in text.splitlines() if line.startswith("  ")]
    return "\n".join(["[message withheld]", *code])


def _shorten_paths(text: str) -> str:
    """Paths relative to the program or Python: shorter, and no account name in them."""
    package_root = str(Path(__file__).resolve().parents[2])
    prefixes = [(package_root + os.sep, "")]
    for prefix in {sys.prefix, sys.base_prefix, sys.exec_prefix}:
        prefixes.append((prefix + os.sep, "<python>" + os.sep))
    prefixes.append((str(Path.home()) + os.sep, "~" + os.sep))
    for prefix, short in sorted(prefixes, key=lambda pair: len(pair[0]), reverse=True):
        text = text.replace(prefix, short)
    return text


def technical_summary(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    values: Iterable[str] | None = None,
) -> str:
    """What support needs: versions, the error's type and message, and the code's traceback.

    No local variables are included, and typed values are scrubbed from everything.
    """
    header = (
        f"Certalign {__version__}\n"
        f"Python {'.'.join(map(str, sys.version_info[:3]))}, Qt {qVersion()}, "
        f"PySide6 {pyside_version}\n"
        f"System: {QSysInfo.prettyProductName()} ({QSysInfo.kernelType()} "
        f"{QSysInfo.kernelVersion()}, {QSysInfo.currentCpuArchitecture()})\n\n"
    )
    report = traceback.TracebackException(kind, error, trace, capture_locals=False)
    return scrub(_shorten_paths(header + "".join(report.format())).rstrip("\n"), values)


class ScrubbingFormatter(logging.Formatter):
    """A formatter whose every line has the typed values removed."""

    def format(self, record: logging.LogRecord) -> str:
        """The record as text, scrubbed."""
        return scrub(super().format(record))


class LogFile(logging.Handler):
    """The rotating log file, created (with its folder) only when there is something to write.

    If it cannot be written (a read-only profile, a full disk), it says so once on stderr
    and stops trying: a broken log must never become a second error for the user.
    """

    def __init__(self, path: Path, open_file: OpenLogFile) -> None:
        super().__init__()
        self.path = path
        self.failed = False
        self._open_file = open_file
        self._file: logging.Handler | None = None

    def emit(self, record: logging.LogRecord) -> None:
        """Write ``record``, unless the file has already failed."""
        if self.failed:
            return
        try:
            if self._file is None:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self._file = self._open_file(self.path)
                self._file.setFormatter(self.formatter)
                self._file.handleError = self.handleError  # type: ignore[method-assign]
            self._file.emit(record)
        except Exception:
            self.handleError(record)

    def handleError(self, record: logging.LogRecord) -> None:
        """Give up on the file, saying so once where someone might see it."""
        self.failed = True
        if sys.stderr is not None:
            kind = sys.exc_info()[0]
            with contextlib.suppress(Exception):
                sys.stderr.write(
                    f"certalign-gui: cannot write the log file {self.path}"
                    f" ({kind.__name__ if kind else 'error'}); logging to stderr only\n"
                )

    def close(self) -> None:
        """Close the file, if it was ever opened."""
        if self._file is not None:
            self._file.close()
        super().close()


def log_path() -> Path | None:
    """Where the log file goes: $CERTALIGN_LOG_DIR, else the app's local data folder."""
    configured = os.environ.get(LOG_DIR_VARIABLE)
    if configured is not None:
        return Path(configured) / LOG_NAME if configured.strip() else None
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    return Path(folder) / LOG_NAME if folder else None


def _route_qt_message(
    previous: Callable[[QtMsgType, QMessageLogContext, str], None] | None,
) -> Callable[[QtMsgType, QMessageLogContext, str], None]:
    def handle(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        levels = {
            QtMsgType.QtDebugMsg: logging.DEBUG,
            QtMsgType.QtInfoMsg: logging.INFO,
            QtMsgType.QtWarningMsg: logging.WARNING,
            QtMsgType.QtCriticalMsg: logging.ERROR,
            QtMsgType.QtFatalMsg: logging.CRITICAL,
        }
        level = levels.get(mode, logging.WARNING)
        if message in HARMLESS_QT_MESSAGES:
            level = logging.DEBUG
        qt_log.log(level, "Qt (%s): %s", context.category or "qt", message)
        if previous is not None:  # a test harness watching Qt's warnings still sees them
            previous(mode, context, message)

    return handle


@contextlib.contextmanager
def logging_session(
    open_file: OpenLogFile, program: str = "certalign-gui"
) -> Iterator[Path | None]:
    """Log warnings and errors to stderr and the log file (its writer opened by
    ``open_file`` when the first line comes), and Qt's messages with them.

    Yields the log file's path (None when there is no file). Everything is undone on exit.
    """
    root = logging.getLogger()
    handlers: list[logging.Handler] = []
    if sys.stderr is not None:  # a Windows GUI program has none
        console = logging.StreamHandler()
        console.setFormatter(ScrubbingFormatter(f"{program}: %(message)s"))
        handlers.append(console)
    path = log_path()
    if path is not None:
        file = LogFile(path, open_file)
        file.setFormatter(
            ScrubbingFormatter(f"%(asctime)s {program} %(levelname)s %(name)s: %(message)s")
        )
        handlers.append(file)
    for handler in handlers:
        handler.setLevel(logging.WARNING)
        root.addHandler(handler)
    previous = qInstallMessageHandler(None)
    qInstallMessageHandler(_route_qt_message(previous))
    try:
        yield path
    finally:
        qInstallMessageHandler(previous)
        for handler in handlers:
            root.removeHandler(handler)
            handler.close()
