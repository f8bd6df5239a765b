"""`AlignmentWizard`: three questions, an optional details page, and the answer."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from enum import IntEnum
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QWidget, QWizard
from typing_extensions import override

from certalign_gui import clock
from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.click_guard import DoubleClickGuard
from certalign_gui.gui.shell.idle import IdleWatcher
from certalign_gui.gui.shell.screen_fit import ScreenFit
from certalign_gui.gui.shell.session import Session, close_other_dialogs
from certalign_gui.gui.shell.widgets import explain_keys, make_touch_friendly
from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.gui.wizard.pages.welcome_page import WelcomePage
from certalign_gui.presentation.catalogue import _

if TYPE_CHECKING:
    # The later pages and the rules (pydantic) are given to set_policy(): the first page can
    # be painted without them (`certalign_gui.app` decides when they load).
    from certalign_gui.gui.shell.save_flow import SaveFlow
    from certalign_gui.gui.wizard.later_pages import LaterPages, LaterPagesFactory
    from certalign_gui.gui.wizard.pages.details_page import DetailsPage
    from certalign_gui.gui.wizard.pages.ma_page import MaPage
    from certalign_gui.gui.wizard.pages.nremt_page import NremtPage
    from certalign_gui.gui.wizard.pages.results_page import ResultsPage
    from certalign_gui.rules import Assessment, Policy, Situation

APP_TITLE = "Certalign"


class RosterWindowLike(Protocol):
    """What the wizard needs of the training officer's roster window."""

    def show(self) -> None: ...
    def raise_(self) -> None: ...
    def activateWindow(self) -> None: ...
    def open_file(self, path: Path) -> bool: ...
    def forget(self) -> None: ...
    def close(self) -> bool: ...
    def private_text(self) -> Iterator[str]: ...


#: Makes the roster window (policy, the clock, the person's session, the save flow). The
#: composition root (`certalign_gui.app`) passes one; a wizard made without one has no
#: roster button.
RosterFactory = Callable[["Policy", Callable[[], date], Session, "SaveFlow"], RosterWindowLike]


@dataclass(frozen=True)
class WizardParts:
    """What the later pages need of the wizard that holds them."""

    today: Callable[[], date]
    #: The advice date on the first page, as typed (None: not a date).
    as_of: Callable[[], date | None]
    idle_minutes: int
    session: Session
    #: How files are saved, made when the first answer is shown (its dialogs cost time).
    flow: Callable[[], SaveFlow]


class PageId(IntEnum):
    """The wizard's pages, in order."""

    WELCOME = 0
    MA = 1
    NREMT = 2
    DETAILS = 3
    RESULTS = 4


class AlignmentWizard(QWizard):
    """The whole program window. ``today`` is the clock: a fixed day, or a function that
    tells the day (tests move it past midnight); None reads the computer's clock.

    Made with its first page only; `set_policy()` adds the rest from the pages it is given.
    The composition root (`certalign_gui.app`) does that right after the first paint, and
    its `build_wizard` makes a complete one at once.
    """

    idle_reset = Signal()
    policy_ready = Signal()

    # From set_policy().
    ma_page: MaPage
    nremt_page: NremtPage
    details_page: DetailsPage
    results_page: ResultsPage

    def __init__(
        self,
        *,
        today: date | Callable[[], date] | None = None,
        idle_timeout_ms: int = 600_000,
        roster: RosterFactory | None = None,
        save_flow: SaveFlow | Callable[[], SaveFlow],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("alignmentWizard")
        self._later: LaterPages | None = None
        self._idle_minutes = max(1, round(idle_timeout_ms / 60_000))
        if isinstance(today, date):
            fixed = today
            self._clock: Callable[[], date] = lambda: fixed
        else:
            self._clock = today or clock.today
        #: One person's session: Start over and the idle reset end it (and their exports).
        self.session = Session()
        # How files are saved (the same for the roster window): real dialogs, unless a test
        # passes scripted questions. A function that makes it is called when it is first
        # needed: the first page has nothing to save (its dialogs cost start-up time).
        self._save_flow: SaveFlow | None = None if callable(save_flow) else save_flow
        self._make_save_flow = save_flow if callable(save_flow) else None
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOptions(
            QWizard.WizardOption.IndependentPages
            | QWizard.WizardOption.NoBackButtonOnStartPage
            | QWizard.WizardOption.NoCancelButton
        )
        # No Finish button: on a shared station Enter on the answer must not close the
        # program. The window's close button still does.
        self.setButtonLayout(
            [
                QWizard.WizardButton.Stretch,
                QWizard.WizardButton.BackButton,
                QWizard.WizardButton.NextButton,
            ]
        )

        self._tidy_buttons()
        self.welcome_page = WelcomePage(self.today)
        self.welcome_page.showing.connect(lambda: self._on_page_showing(PageId.WELCOME))
        self.welcome_page.roster_requested.connect(lambda: self.open_roster())
        self.welcome_page.roster_button.setVisible(roster is not None)
        self._make_roster = roster
        #: The training officer's roster window, made the first time it is asked for.
        self.roster_window: RosterWindowLike | None = None
        self.setPage(PageId.WELCOME, self.welcome_page)
        self.setStartId(PageId.WELCOME)
        self._start_over_shortcut = QShortcut(QKeySequence(QKeySequence.StandardKey.New), self)
        self._start_over_shortcut.activated.connect(self.start_over)
        #: After a click on Next or Back changes the page, the rest of the same double-click
        #: is not a click on the new page.
        self.click_guard = DoubleClickGuard(
            self,
            [
                self.button(QWizard.WizardButton.NextButton),
                self.button(QWizard.WizardButton.BackButton),
            ],
        )
        self.currentIdChanged.connect(self._on_page_changed)
        self.idle = IdleWatcher(idle_timeout_ms, self, watch=False)  # watches from set_policy
        self.idle.timed_out.connect(self._on_idle)
        self.setWindowTitle(APP_TITLE)
        for which in (QWizard.WizardButton.BackButton, QWizard.WizardButton.NextButton):
            make_touch_friendly(self.button(which))
        self.screen_fit = ScreenFit(self, self._default_size())

    def set_policy(self, policy: Policy, later_pages: LaterPagesFactory) -> None:
        """Add the question and answer pages ``later_pages`` builds for ``policy`` (once);
        Next works from then."""
        if self._later is not None:
            raise RuntimeError("the wizard already has its policy")
        from_here = WizardParts(
            today=self.today,
            as_of=self.welcome_page.as_of_date,
            idle_minutes=self._idle_minutes,
            session=self.session,
            flow=lambda: self.save_flow,
        )
        later = later_pages(policy, from_here)
        self._later = later
        self.ma_page = later.ma
        self.nremt_page = later.nremt
        self.details_page = later.details
        self.results_page = later.results
        for page_id, page in (
            (PageId.MA, self.ma_page),
            (PageId.NREMT, self.nremt_page),
            (PageId.DETAILS, self.details_page),
            (PageId.RESULTS, self.results_page),
        ):
            page.showing.connect(lambda page_id=page_id: self._on_page_showing(page_id))
            self.setPage(page_id, page)
        self.results_page.start_over_requested.connect(self.start_over)
        # QWizard decides whether a page has a Next only when it switches to it, and the
        # first page had nowhere to go: switch to it again. This happens right after the
        # first paint, before anyone can have typed.
        if self.currentId() != -1:
            self.restart()
        # After the first paint: a Python filter on every event of the first page's build
        # would make PySide create the wrappers of a hundred event types before it shows.
        self.idle.watch()
        app = QApplication.instance()
        if app is not None and not app.property("certalignFocusGuard"):
            app.setProperty("certalignFocusGuard", True)
            accessibility.install_focus_guard(app)  # type: ignore[arg-type]
        accessibility.HiddenFocusGuard.sweep(self)
        self.policy_ready.emit()

    def has_policy(self) -> bool:
        """True once the policy is in and every page exists."""
        return self._later is not None

    def _tidy_buttons(self) -> None:
        """Plain names for Back and Next, and the buttons we never show out of the Tab order."""
        # "< Back" and "Next >" would be read out with their angle brackets.
        self.setButtonText(QWizard.WizardButton.BackButton, _("&Back"))
        self.setButtonText(QWizard.WizardButton.NextButton, _("&Next"))
        explain_keys(self.button(QWizard.WizardButton.BackButton), _("Go back one page"))
        explain_keys(
            self.button(QWizard.WizardButton.NextButton),
            _("Go on to the next page"),
            QKeySequence(Qt.Key.Key_Enter),
        )
        for which in (
            QWizard.WizardButton.CommitButton,
            QWizard.WizardButton.FinishButton,
            QWizard.WizardButton.CancelButton,
            QWizard.WizardButton.HelpButton,
            QWizard.WizardButton.CustomButton1,
            QWizard.WizardButton.CustomButton2,
            QWizard.WizardButton.CustomButton3,
        ):
            self.button(which).setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def _default_size(self) -> QSize:
        """Roomy on a large screen; `ScreenFit` cuts it down to a small one."""
        metrics = self.fontMetrics()
        width = min(1000, max(760, metrics.averageCharWidth() * 100))
        height = min(720, max(600, metrics.height() * 34))
        return QSize(width, height)

    @property
    def save_flow(self) -> SaveFlow:
        """How files are saved and opened, for the answer and the roster window."""
        if self._save_flow is None:
            assert self._make_save_flow is not None
            self._save_flow = self._make_save_flow()
        return self._save_flow

    def today(self) -> date:
        """Today, from the injected clock (read each time: the program may run for days)."""
        return self._clock()

    def policy(self) -> Policy:
        """The policy the advice uses."""
        if self._later is None:
            raise RuntimeError("the policy is not loaded yet")
        return self._later.policy

    def situation(self) -> Situation:
        """The answers so far; raises pydantic's ValidationError if they do not fit."""
        if self._later is None:
            raise ValueError("the questions have not all been answered")
        return self._later.situation(self.welcome_page.as_of_date())

    def assessment(self) -> Assessment | None:
        """The answer on the results page; None on the other pages."""
        if self._later is None or self.currentId() != PageId.RESULTS:
            return None
        return self._later.results.assessment()

    def details(self) -> Details:
        """The optional printout details (memory only)."""
        if self._later is None:
            return Details()
        return self._later.details.details()

    def typed_text(self) -> tuple[str, ...]:
        """Everything typed that is personal, to keep out of a log: the printout's details
        and every name of a roster open in the training officer's window. Valid from the
        first paint on (before the later pages exist there are no details)."""
        details = self.details()
        held = tuple(self.roster_window.private_text()) if self.roster_window else ()
        return (details.name, details.ma_number, details.nremt_number, *held)

    def open_roster(self, path: Path | None = None) -> None:
        """Show the roster window (and read ``path`` into it, when given)."""
        if self._later is None or self._make_roster is None:
            return  # not before the rules are in; the welcome page is all there is yet
        if self.roster_window is None:
            self.roster_window = self._make_roster(
                self._later.policy, self.today, self.session, self.save_flow
            )
        self.roster_window.show()
        self.roster_window.raise_()
        self.roster_window.activateWindow()
        if path is not None:
            self.roster_window.open_file(path)

    def close_roster(self) -> None:
        """Close the roster window and forget every row it read (a roster is personal data)."""
        if self.roster_window is not None:
            self.roster_window.forget()
            self.roster_window.close()

    def start_over(self) -> None:
        """Back to the first page with every answer and detail cleared.

        Ends the person's session first: a save or print still asking its questions stops
        there, and any dialog left open (a preview, a save box: they may show a name) closes.
        """
        self.session.end()
        close_other_dialogs(self)
        self.close_roster()
        self.welcome_page.reset()
        if self._later is not None:
            for page in (self._later.ma, self._later.nremt, self._later.details):
                page.reset()
            self._later.results.show_assessment(None)
        self.restart()
        self.idle.restart()

    def _on_idle(self) -> None:
        self.start_over()
        self.idle_reset.emit()

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Esc would close the whole program (QDialog's reject): too easy to hit by accident
        # at a shared station. The window's close button still closes it.
        if event.key() == Qt.Key.Key_Escape and event.modifiers() == Qt.KeyboardModifier.NoModifier:
            event.accept()
            return
        # Enter held down repeats: one page per press, not a page per repeat.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.isAutoRepeat():
            event.accept()
            return
        super().keyPressEvent(event)

    @override
    def validateCurrentPage(self) -> bool:
        if not super().validateCurrentPage():
            return False
        if self.currentId() == PageId.DETAILS:
            # The answer is built before its page is shown, so the page opens complete and
            # the keyboard can go straight to its headline. A window left open past midnight
            # advises for the new day, unless the person chose another.
            self.welcome_page.follow_clock()
            if self._later is not None:
                self._later.results.show_assessment(
                    self._later.assess(self.welcome_page.as_of_date()), today=self.today()
                )
        return True

    def _on_page_showing(self, page_id: PageId) -> None:
        """Title, step line and page name first: focus moves only after this."""
        page = self.page(page_id)
        if not isinstance(page, BasePage):
            return
        if page_id == PageId.NREMT:
            # Pages are initialised once (IndependentPages); earlier answers may have changed.
            self.nremt_page.refresh(notify=False)
        position = list(PageId).index(page_id) + 1
        page.set_step(position, len(PageId))
        title = _("Step {n} of {total}: {page}").format(
            n=position, total=len(PageId), page=page.plain_title()
        )
        self.setWindowTitle(f"{title} \u2014 {APP_TITLE}")
        page.setAccessibleName(title)

    def _on_page_changed(self, page_id: int) -> None:
        """Keyboard focus on the page shown: its first field, or the answer's headline."""
        self.click_guard.arm()
        page = self.page(page_id)
        if page_id == PageId.WELCOME:
            # Back on the first page (Back, Start over, the idle reset): a window left open
            # past midnight advises for the new day, unless the person chose another.
            self.welcome_page.follow_clock()
        if isinstance(page, BasePage):
            target = page.focus_target()
            if QApplication.focusWidget() is not target:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
