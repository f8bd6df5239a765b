"""`certalign-gui`: application set-up, policy load, error dialog, the wizard window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from typing_extensions import override

from certalign_gui import __version__
from certalign_gui.frozen import restore_child_environment
from certalign_gui.gui.icons import app_icon
from certalign_gui.rules import Policy, PolicyError, load_policy

APP_ID = "io.github.certalign.Certalign"
APP_NAME = "Certalign"
ORGANIZATION = "certalign"
ORGANIZATION_DOMAIN = "certalign.github.io"
#: The base font follows the system size, a little larger: read at arm's length.
FONT_SCALE = 1.15
#: --exit-after-startup gives up (exit 3) if the window was never painted by then.
PAINT_TIMEOUT_MS = 60_000
EXIT_POLICY_ERROR = 1
EXIT_NOT_PAINTED = 3

log = logging.getLogger("certalign_gui")


def build_parser() -> argparse.ArgumentParser:
    """Command-line options (Qt's own options, such as -platform, pass through)."""
    parser = argparse.ArgumentParser(
        prog="certalign-gui",
        description="Massachusetts OEMS / NREMT one-year alignment: the guided window.",
    )
    parser.add_argument("--version", action="version", version=f"certalign-gui {__version__}")
    parser.add_argument(
        "--exit-after-startup",
        action="store_true",
        help="start, show the window until it has been painted once, then exit 0",
    )
    # For testing a policy file and for screenshots; not for everyday use.
    parser.add_argument("--policy", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    return parser


def show_policy_error(error: PolicyError) -> None:
    """Tell the user, in a dialog, which file is broken and how (tests replace this)."""
    QMessageBox.critical(
        None,
        QApplication.translate("app", "Certalign cannot start"),
        QApplication.translate(
            "app",
            "The rules file could not be read, so Certalign cannot give advice.\n\n"
            "File: {path}\nProblem: {problem}\n\n"
            "Please tell whoever looks after this computer.",
        ).format(path=error.path, problem=error.problem),
    )


def _application(qt_argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(qt_argv)
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(ORGANIZATION)
    app.setOrganizationDomain(ORGANIZATION_DOMAIN)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    app.setStyle("Fusion")
    # Fusion's light palette everywhere: the banners, notes and timeline use fixed colours
    # chosen for a light background (a dark system theme would make them unreadable).
    app.setPalette(app.style().standardPalette())
    app.setFont(_scaled(app.font(), FONT_SCALE))
    return app


def _scaled(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(font.pixelSize() * factor))
    return scaled


class _FirstPaint(QObject):
    """Quits the application right after the watched window has been painted once."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.painted = False

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            # Exit once this paint has finished, from the event loop.
            QTimer.singleShot(0, self._app.quit)
        return False


def show_unexpected_error(parent: QWidget | None) -> None:
    """Say, in plain words, that something broke and what to do (tests replace this)."""
    QMessageBox.critical(
        parent,
        QApplication.translate("app", "Something went wrong"),
        QApplication.translate(
            "app",
            "Something went wrong inside Certalign. Nothing you typed was saved.\n\n"
            "Press Start over (Ctrl+N) to begin again. If it happens again, please tell "
            "whoever looks after this computer.",
        ),
    )


class _ErrorReporter:
    """sys.excepthook while the window is up: log the error, tell the user, keep running."""

    def __init__(self, parent: QWidget) -> None:
        self._parent = parent
        self._busy = False

    def __call__(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        log.error("unexpected error", exc_info=(kind, error, trace))
        if self._busy:  # the dialog itself failed: the log has it
            return
        self._busy = True
        try:
            show_unexpected_error(self._parent)
        finally:
            self._busy = False


def _load_policy(path: Path | None) -> Policy | None:
    try:
        return load_policy(path)
    except PolicyError as error:
        log.error("%s", error)
        show_policy_error(error)
        return None


def main(argv: Sequence[str] | None = None) -> int:
    """Start the program; return the exit status."""
    # In a Linux bundle, links open in a browser that must not inherit our library path.
    restore_child_environment()
    args_in = list(sys.argv[1:] if argv is None else argv)
    try:
        args, qt_args = build_parser().parse_known_args(args_in)
    except SystemExit as exc:  # --help, --version, or a usage error
        return exc.code if isinstance(exc.code, int) else 2
    logging.basicConfig(level=logging.WARNING, format="certalign-gui: %(message)s")
    app = _application([sys.argv[0] if sys.argv else "certalign-gui", *qt_args])

    policy = _load_policy(args.policy)
    if policy is None:
        return EXIT_POLICY_ERROR

    # Imported here so that a broken policy is reported before the window's modules load.
    from certalign_gui.gui.wizard import AlignmentWizard

    wizard = AlignmentWizard(policy, today=args.today)
    first_paint = None
    if args.exit_after_startup:
        first_paint = _FirstPaint(app)
        wizard.installEventFilter(first_paint)
        QTimer.singleShot(PAINT_TIMEOUT_MS, app.quit)
    wizard.show()
    previous_hook = sys.excepthook
    sys.excepthook = _ErrorReporter(wizard)
    try:
        status = app.exec()
    finally:
        sys.excepthook = previous_hook
    if first_paint is not None and not first_paint.painted:
        log.error("the window was not painted within %d ms", PAINT_TIMEOUT_MS)
        return EXIT_NOT_PAINTED
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
