"""`certalign-gui`: the composition root. It sets up the application and decides what loads
when: the first page paints with only Qt and the wizard's first page loaded; right after the
first paint come the rules (pydantic, the policy) and the later pages; the answer's content
when the first answer is shown; printing, PDF and calendar files when a button asks for them;
the roster window when it is first opened. Every other module imports at its top.
"""

from __future__ import annotations

import argparse
import functools
import gc
import logging
import os
import sys
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from typing_extensions import override

from certalign_gui import __version__
from certalign_gui.frozen import restore_child_environment
from certalign_gui.gui.shell import accessibility, crash, diagnostics
from certalign_gui.gui.shell.focus_style import FocusRingStyle
from certalign_gui.gui.shell.icons import app_icon
from certalign_gui.gui.shell.session import Session
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, WizardParts
from certalign_gui.presentation.catalogue import _, use_language

if TYPE_CHECKING:
    from certalign_gui.gui.roster.window import RosterWindow
    from certalign_gui.gui.shell.accessibility import Interfaces
    from certalign_gui.gui.shell.save_flow import Printing, SaveFlow
    from certalign_gui.gui.wizard.later_pages import LaterPagesFactory
    from certalign_gui.gui.wizard.pages.details_page import DetailsPage
    from certalign_gui.gui.wizard.results_view import ResultsView, TakeHome, TakeHomeProvider
    from certalign_gui.rules import Policy, PolicyError

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
    parser.add_argument(
        "--lang",
        metavar="LANGUAGE",
        help="the language (default: the system's; English "
        "when there is no catalogue for it): the window, the answer and the printout",
    )
    # For testing a policy file and for screenshots; not for everyday use.
    parser.add_argument("--policy", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    parser.add_argument(
        "--roster",
        type=Path,
        nargs="?",
        # Without a file: the roster window alone (the Windows Start menu's roster entry).
        # Not a string: argparse would pass a string const through type=Path.
        const=True,
        metavar="FILE",
        help="open the training officer's roster window (with FILE, a crew roster in CSV or "
        "Excel, read into it)",
    )
    return parser


def show_policy_error(error: PolicyError) -> None:
    """Tell the user, in a dialog, which file is broken and how (tests replace this)."""
    # Plain text: the file name and the problem come from outside and may hold markup.
    # Only when the policy is broken (the words import the rules, loaded by then).
    from certalign_gui.gui.shell import message_boxes
    from certalign_gui.presentation import policy_words

    message_boxes.critical(
        None,
        _("Certalign cannot start"),
        _(
            "The rules file could not be read, so Certalign cannot give advice.\n\n"
            "File: {path}\nProblem: {problem}\n\n"
            "Please tell whoever looks after this computer."
        ).format(path=policy_words.policy_path(error), problem=policy_words.policy_problem(error)),
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
    # Light, whatever the system theme: the banners, notes and timeline use colours chosen
    # for a light background, like the paper. Fusion's "standard" palette follows the
    # system's colour scheme (dark under a dark GTK or Windows theme) unless the program
    # asks for the light one first.
    app.styleHints().setColorScheme(Qt.ColorScheme.Light)
    # Fusion, with a focus ring that shows on every control (radio buttons and Next too).
    app.setStyle(FocusRingStyle())
    app.setPalette(app.style().standardPalette())
    app.setFont(_scaled(app.font(), FONT_SCALE))
    accessibility.install(accessible_interfaces)
    return app


def _scaled(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    else:
        scaled.setPixelSize(round(font.pixelSize() * factor))
    return scaled


class _Startup(QObject):
    """Paint first, then load the policy and build the other pages.

    The first page needs neither pydantic nor the policy, so the window appears before
    they load. The policy is loaded and validated right after the first paint (or after
    ``FALLBACK_MS`` if the platform never paints), before anyone can reach Next; a broken
    one still gets its dialog and a non-zero exit.
    """

    FALLBACK_MS = 1_000

    def __init__(
        self,
        app: QApplication,
        wizard: AlignmentWizard,
        policy_path: Path | None,
        *,
        exit_after: bool,
        roster: Path | None = None,
        open_roster: bool = False,
    ) -> None:
        super().__init__(app)
        self._app = app
        self._wizard = wizard
        self._policy_path = policy_path
        self._roster = roster
        self._open_roster = open_roster or roster is not None
        self._exit_after = exit_after
        self.painted = False
        self.ready = False
        self.failed = False
        self.times: dict[str, float] = {}
        QTimer.singleShot(self.FALLBACK_MS, self._finish)

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.painted:
            self.painted = True
            self.times["first_paint"] = time.time()
            # Once this paint has finished, from the event loop. (If the fallback already
            # finished start-up, this only quits in --exit-after-startup mode.)
            QTimer.singleShot(0, self._finish if not self.ready else self._quit_if_asked)
        return False

    def _finish(self) -> None:
        if self.ready or self.failed:
            return
        policy = _load_policy(self._policy_path)
        if policy is None:
            self.failed = True
            self._app.exit(EXIT_POLICY_ERROR)
            return
        self._wizard.set_policy(policy, later_pages())
        # What start-up made (modules, classes, pydantic schemas, the pages) lives as long as
        # the program: keep the garbage collector from walking it again, in every full
        # collection from now on and at exit (about 15 ms each time).
        gc.freeze()
        self.ready = True
        self.times["ready"] = time.time()
        if self._open_roster:
            self._wizard.open_roster(self._roster)
        if self.painted:
            self._quit_if_asked()

    def _quit_if_asked(self) -> None:
        """In --exit-after-startup mode, quit now: painted, and the policy is in."""
        if not self._exit_after:
            return
        # For benchmarks/startup.py: wall-clock seconds, comparable across processes.
        if os.environ.get("CERTALIGN_STARTUP_TIMES"):
            print(
                "startup-times "
                + " ".join(f"{name}={value:.6f}" for name, value in self.times.items()),
                file=sys.stderr,
            )
        QTimer.singleShot(0, self._app.quit)


def _load_policy(path: Path | None) -> Policy | None:
    # After the first paint: the rules bring pydantic.
    from certalign_gui.rules import PolicyError, load_policy

    try:
        return load_policy(path)
    except PolicyError as error:
        from certalign_gui.presentation import policy_words

        log.error("%s", policy_words.policy_error_text(error))
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
    app = _application([sys.argv[0] if sys.argv else "certalign-gui", *qt_args])
    # Warnings and errors (Qt's too) go to stderr and a small log file, never typed text;
    # an unexpected error anywhere gets a calm dialog instead of ending the program.
    with diagnostics.logging_session(rotating_log_file):
        return _run(app, args)


# -- What loads later, and the wizard made of it. -----------------------------------------


def accessible_interfaces() -> Interfaces:
    """What a screen reader is told about headings, readable text and expanders, loaded when
    an assistive technology first asks: a station without one never pays for it."""
    from certalign_gui.gui.shell import accessible_interfaces

    return accessible_interfaces


def rotating_log_file(path: Path) -> logging.Handler:
    """The log file's writer, loaded with the first line to log: logging.handlers brings
    pickle, queue and socket (6 to 9 ms), which a run without a warning does without."""
    from logging.handlers import RotatingFileHandler

    return RotatingFileHandler(
        path,
        maxBytes=diagnostics.LOG_MAX_BYTES,
        backupCount=diagnostics.LOG_BACKUPS,
        encoding="utf-8",
    )


def printing() -> Printing:
    """The system's printers and print dialog, loaded when printing is first asked for:
    QtPrintSupport is not part of start-up."""
    from certalign_gui.gui.shell import printing

    return printing


def dialog_save_flow() -> SaveFlow:
    """How a person saves and prints: Qt's own dialogs, the system's printers. Made when
    the wizard first needs it (its later pages, after the first paint)."""
    from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow

    return SaveFlow(
        DialogQuestions(printing=printing), printers=lambda: printing().available_printers()
    )


def take_home_actions() -> TakeHome:
    """Print, Save as PDF and Add to calendar, loaded when one of those buttons is first
    pressed: they bring QtPrintSupport, segno and icalendar, which start-up does without."""
    from certalign_gui.gui.wizard import take_home

    return take_home


def later_pages(take_home: TakeHomeProvider = take_home_actions) -> LaterPagesFactory:
    """The wizard's question and answer pages, loaded now (after the first paint: they bring
    the rules, and pydantic). The answer's content loads when the first answer is shown;
    its buttons get their actions from ``take_home``."""
    from certalign_gui.gui.wizard.later_pages import build_later_pages

    def answer_view(details: DetailsPage, parts: WizardParts) -> ResultsView:
        from certalign_gui.gui.wizard.results_view import ResultsView

        return ResultsView(details.details, parts.today, parts.session, parts.flow(), take_home)

    return functools.partial(build_later_pages, make_view=answer_view)


def roster_window(
    policy: Policy, today: Callable[[], date], session: Session, flow: SaveFlow
) -> RosterWindow:
    """The training officer's roster window, loaded on first use: the wizard's start-up does
    not pay for the roster (the wizard calls this when the roster is first asked for)."""
    from certalign_gui.gui.roster.window import RosterWindow

    return RosterWindow(
        policy, today=today, session=session, flow=flow, take_home=take_home_actions
    )


def build_wizard(
    policy: Policy,
    *,
    today: date | Callable[[], date] | None = None,
    idle_timeout_ms: int = 600_000,
    save_flow: SaveFlow | None = None,
    take_home: TakeHomeProvider = take_home_actions,
) -> AlignmentWizard:
    """A complete wizard for ``policy``, every page built, with the roster button. For tests
    and tools: the program itself paints the first page before the rest loads (`main`)."""
    accessibility.install(accessible_interfaces)
    wizard = AlignmentWizard(
        today=today,
        idle_timeout_ms=idle_timeout_ms,
        roster=roster_window,
        save_flow=save_flow or dialog_save_flow,
    )
    wizard.set_policy(policy, later_pages(take_home))
    return wizard


def _run(app: QApplication, args: argparse.Namespace) -> int:
    use_language(args.lang)  # which catalogue; nothing is read until a sentence is said

    try:
        wizard = AlignmentWizard(today=args.today, roster=roster_window, save_flow=dialog_save_flow)
    except Exception as error:
        return crash.report_startup_failure(error)
    roster_file = args.roster if isinstance(args.roster, Path) else None
    startup = _Startup(
        app,
        wizard,
        args.policy,
        exit_after=args.exit_after_startup,
        roster=roster_file,
        open_roster=args.roster is not None,
    )
    wizard.installEventFilter(startup)
    if args.exit_after_startup:
        QTimer.singleShot(PAINT_TIMEOUT_MS, app.quit)
    wizard.show()
    with crash.handling(crash.handler_for(wizard)):
        status = app.exec()
    if startup.failed:
        return EXIT_POLICY_ERROR
    if args.exit_after_startup and not (startup.painted and startup.ready):
        log.error("the window was not painted within %d ms", PAINT_TIMEOUT_MS)
        return EXIT_NOT_PAINTED
    return status


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
