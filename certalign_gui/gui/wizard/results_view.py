"""The answer, the checklist, the dates, and what to do with them (the last page's content)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any, Protocol

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.flow_layout import FlowLayout
from certalign_gui.gui.shell.open_link import open_url
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.shell.session import Session, SessionToken
from certalign_gui.gui.shell.widgets import (
    column_width,
    explain_keys,
    heading,
    make_touch_friendly,
    page_scroll_area,
    readable_label,
)
from certalign_gui.gui.wizard.sections import (
    DeadlinesTable,
    StepCard,
    UrgencyBanner,
    clear_layout,
    fill_warnings,
)
from certalign_gui.gui.wizard.timeline_view import TimelineWidget
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Assessment


class TakeHome(Protocol):
    """The answer's three ways home: `certalign_gui.gui.wizard.take_home` is one."""

    def print_checklist(
        self,
        parent: QWidget,
        assessment: Assessment,
        details: Details,
        *,
        today: date,
        token: SessionToken,
        flow: SaveFlow,
    ) -> None: ...

    def save_pdf(
        self,
        parent: QWidget,
        assessment: Assessment,
        details: Details,
        *,
        today: date,
        token: SessionToken,
        flow: SaveFlow,
    ) -> None: ...

    def save_ics(
        self,
        parent: QWidget,
        assessment: Assessment,
        *,
        today: date,
        token: SessionToken,
        flow: SaveFlow,
    ) -> None: ...


#: Gives the take-home actions when a button is pressed. The composition root
#: (`certalign_gui.app`) makes one that loads them only then: printing, PDF and calendar
#: files are not part of start-up.
TakeHomeProvider = Callable[[], TakeHome]


class ResultsView(QWidget):
    """Shows an `Assessment` exactly as the rules wrote it, with its buttons below.

    Every part is a Tab stop a screen reader reads as text, top to bottom in the order
    shown, starting at the headline (`focus_target`).
    """

    start_over_requested = Signal()

    def __init__(
        self,
        details: Callable[[], Details],
        today: Callable[[], date],
        session: Session,
        flow: SaveFlow,
        take_home: TakeHomeProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("resultsView")
        self._flow = flow
        self._take_home = take_home
        self._details = details
        self._today = today
        self._session = session
        self._assessment: Assessment | None = None
        self._step_cards: list[StepCard] = []
        self._warning_stops: list[QWidget] = []

        content = QWidget()
        content.setObjectName("resultsContent")
        column = QWidget()
        column.setMaximumWidth(column_width(self))
        self.content_layout = QVBoxLayout(column)
        centred = QHBoxLayout(content)
        centred.addStretch(1)
        centred.addWidget(column, 100)
        centred.addStretch(1)
        self._build_answer()
        self._build_checklist()
        self._build_dates()
        self._build_links()
        self.content_layout.addStretch(1)

        self.scroll_area = page_scroll_area(content, object_name="resultsScroll")
        self.scroll_area.setAccessibleName(_("Your answer"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area, 1)
        layout.addWidget(self._build_buttons())

    def _add(self, widget: QWidget) -> QWidget:
        self.content_layout.addWidget(widget)
        return widget

    def _section(self, title: str) -> QWidget:
        """A level-2 heading with some air above it."""
        self.content_layout.addSpacing(self.fontMetrics().height() // 2)
        return self._add(heading(title, level=2))

    def _build_answer(self) -> None:
        # The headline is the page's own heading, and where the keyboard starts.
        self.situation_label = heading(
            "", level=1, scale=1.5, object_name="situationLabel", focusable=True
        )
        self.explanation_label = readable_label(object_name="explanationLabel")
        self.banner = UrgencyBanner()
        for widget in (self.situation_label, self.explanation_label, self.banner):
            self._add(widget)

    def _build_checklist(self) -> None:
        self._section(_(words.WHAT_TO_DO))
        self.steps = QWidget()
        self.steps.setObjectName("stepsList")
        self.steps.setAccessibleName(_("What to do, step by step"))
        self.steps_layout = QVBoxLayout(self.steps)
        self.steps_layout.setContentsMargins(0, 0, 0, 0)
        self._add(self.steps)
        self.fee_label = readable_label(object_name="feeLabel")
        font = self.fee_label.font()
        font.setBold(True)
        self.fee_label.setFont(font)
        self._add(self.fee_label)

    def _build_dates(self) -> None:
        self._section(_(words.KEY_DATES))
        self.deadlines = DeadlinesTable()
        self._add(self.deadlines)
        self.timeline = TimelineWidget()
        self._add(self.timeline)
        self.warnings_heading = self._section(_(words.WARNINGS))
        self.warnings = QWidget()
        self.warnings.setObjectName("warningsList")
        self.warnings.setAccessibleName(_("Warnings"))
        self.warnings_layout = QVBoxLayout(self.warnings)
        self.warnings_layout.setContentsMargins(0, 0, 0, 0)
        self._add(self.warnings)

    def _build_links(self) -> None:
        self._section(_(words.LINKS))
        row = QHBoxLayout()
        self.elicensing_button = self._button("elicensingButton", _("Open &eLicensing"))
        self.nremt_button = self._button("nremtButton", _("Open NREMT.&org"))
        explain_keys(self.elicensing_button, _("Open eLicensing in your web browser"))
        explain_keys(self.nremt_button, _("Open NREMT.org in your web browser"))
        self.elicensing_button.clicked.connect(lambda: self._open_policy_link("elicensing"))
        self.nremt_button.clicked.connect(lambda: self._open_policy_link("nremt"))
        row.addWidget(self.elicensing_button)
        row.addWidget(self.nremt_button)
        row.addStretch(1)
        self.content_layout.addLayout(row)
        self.source_label = readable_label(object_name="sourceLabel")
        self._add(self.source_label)

    def _build_buttons(self) -> QWidget:
        self.print_button = self._button("printButton", _("&Print checklist"))
        # A shortcut of its own: QAbstractButton.setShortcut would replace the Alt+P of the
        # underlined P (which would then do nothing).
        print_keys = QShortcut(QKeySequence(QKeySequence.StandardKey.Print), self)
        print_keys.activated.connect(self.print_button.animateClick)
        explain_keys(
            self.print_button,
            _("Print a one-page checklist"),
            QKeySequence(QKeySequence.StandardKey.Print),
        )
        self.save_pdf_button = self._button("savePdfButton", _("Save as P&DF"))
        explain_keys(self.save_pdf_button, _("Save the checklist as a PDF file"))
        self.save_ics_button = self._button("saveIcsButton", _("Add to ca&lendar (.ics)"))
        explain_keys(
            self.save_ics_button,
            _("Save the key dates as a calendar file, without your name"),
        )
        self.start_over_button = self._button("startOverButton", _("&Start over"))
        explain_keys(
            self.start_over_button,
            _("Clear everything and start again"),
            QKeySequence(QKeySequence.StandardKey.New),
        )
        self.print_button.clicked.connect(self._print_checklist)
        self.save_pdf_button.clicked.connect(self._save_pdf)
        self.save_ics_button.clicked.connect(self._save_ics)
        self.start_over_button.clicked.connect(self.start_over_requested)
        bar = QWidget()
        bar.setObjectName("answerButtons")
        # Outside the scrolling answer, so always on screen; wraps onto two rows (or more)
        # rather than cutting a button's words on a narrow screen or at large text.
        self.button_row = FlowLayout(bar, min_columns=2)
        self.button_row.setContentsMargins(0, 8, 0, 0)
        for button in (self.print_button, self.save_pdf_button, self.save_ics_button):
            self.button_row.add_widget(button)
        self.button_row.add_widget(self.start_over_button, trailing=True)
        return bar

    def add_trailing_button(self, button: QPushButton) -> None:
        """Put ``button`` at the right-hand end of the row of buttons (where Start over is)."""
        self.button_row.add_widget(button, trailing=True)

    def _button(self, object_name: str, text: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAutoDefault(False)  # Enter must not print or open a browser.
        make_touch_friendly(button)
        return button

    def _open_policy_link(self, name: str) -> None:
        if self._assessment is not None:
            open_url(self._assessment.policy.links[name].url, self)

    def _print_checklist(self) -> None:
        if self._assessment is not None:
            self._take_home().print_checklist(
                self, self._assessment, self._details(), **self._taking_home()
            )

    def _save_pdf(self) -> None:
        if self._assessment is not None:
            self._take_home().save_pdf(
                self, self._assessment, self._details(), **self._taking_home()
            )

    def _save_ics(self) -> None:
        if self._assessment is not None:
            self._take_home().save_ics(self, self._assessment, **self._taking_home())

    def _taking_home(self) -> dict[str, Any]:
        """What every way home is told: the day (the printout's date), the person's session
        (Start over ends it) and how files are saved."""
        return {"today": self._today(), "token": self._session.token(), "flow": self._flow}

    def assessment(self) -> Assessment | None:
        """The assessment on show."""
        return self._assessment

    def focus_target(self) -> QWidget:
        """Where the keyboard starts: the headline."""
        return self.situation_label

    def focus_order(self) -> list[QWidget]:
        """Every Tab stop, top to bottom, in the order the page shows them."""
        stops: list[QWidget] = [self.situation_label, self.explanation_label, self.banner]
        for card in self._step_cards:
            stops += card.focus_order()
        stops += [self.fee_label, self.deadlines, self.timeline, *self._warning_stops]
        stops += [self.elicensing_button, self.nremt_button, self.source_label]
        stops += [
            self.print_button,
            self.save_pdf_button,
            self.save_ics_button,
            self.start_over_button,
        ]
        return stops

    def _set_tab_order(self) -> None:
        """Tab goes top to bottom: the chain is set among the stops that take focus now.

        (Qt leaves a widget without a focus policy out of `setTabOrder`, so this runs when
        the view is on screen, and again when a "Why?" opens or closes its text.)
        """
        stops = [w for w in self.focus_order() if w.focusPolicy() != Qt.FocusPolicy.NoFocus]
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._set_tab_order()

    def show_assessment(self, assessment: Assessment | None, *, today: date | None = None) -> None:
        """Fill every section from ``assessment`` (None empties the page), in the words of
        `present()`: the same sentences the printout and the command line use."""
        self._assessment = assessment
        clear_layout(self.steps_layout)
        self._step_cards = []
        if assessment is None:
            for label in (self.situation_label, self.explanation_label, self.fee_label):
                label.clear()
            self.deadlines.set_deadlines(())
            self._warning_stops = fill_warnings(self.warnings_layout, self, ())
            self.timeline.set_assessment(None)
            return
        answer = present(assessment)
        self.situation_label.setText(answer.headline)
        self.explanation_label.setText(answer.explanation)
        self.banner.set_urgency(answer.banner_level, answer.banner)
        for step in answer.steps:
            card = StepCard(step)
            card.why.toggled.connect(self._set_tab_order)
            self.steps_layout.addWidget(card)
            self._step_cards.append(card)
        self.fee_label.setText(answer.fee_line)
        self.deadlines.set_deadlines(answer.key_dates)
        self.timeline.set_assessment(assessment, today=today)
        self._warning_stops = fill_warnings(self.warnings_layout, self, answer.cautions)
        self.warnings_heading.setVisible(bool(answer.cautions))
        self.warnings.setVisible(bool(answer.cautions))
        links = {link.name: link for link in answer.links}
        for button, name in ((self.elicensing_button, "elicensing"), (self.nremt_button, "nremt")):
            button.setAccessibleName(
                _("Open {label}: {title}").format(label=links[name].label, title=links[name].title)
            )
        self.source_label.setText(f"{answer.advice_line} {answer.source_line}")
        self.scroll_area.verticalScrollBar().setValue(0)
        if self.isVisible():
            self._set_tab_order()
