"""Third page: the NREMT certification (active with a date, expired, or never held)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.widgets import explain_keys, plain_label, readable_label
from certalign_gui.gui.wizard.date_field import PROBLEM_STYLE, DateField, window_date
from certalign_gui.gui.wizard.dates import (
    is_usual_expiration,
    next_usual_expiration,
    not_usual_hint,
)
from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.gui.wizard.situation import situation_problem
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Policy
from certalign_gui.rules.models import NremtStatus

#: The answers given on the earlier pages: (advice date, Massachusetts expiration).
EarlierAnswers = Callable[[], tuple[date | None, date | None]]


class NremtPage(BasePage):
    """Asks about the NREMT certification; Next waits for a consistent answer."""

    def __init__(
        self,
        policy: Policy,
        today: Callable[[], date],
        earlier_answers: EarlierAnswers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("nremtPage", parent)
        self.set_heading(
            _("Your NREMT certification"),
            _("Look at your National Registry card, or in your NREMT.org account."),
        )
        self._policy = policy
        self._today = today
        self._earlier_answers = earlier_answers
        self._said = ""
        self._build_status()
        self._build_date()

        self.note = readable_label(object_name="nremtNote", focusable=False)
        self.problem = readable_label(object_name="nremtProblem", focusable=False)
        self.problem.setStyleSheet(PROBLEM_STYLE)
        layout = self.body
        layout.addWidget(self.question)
        layout.addWidget(self.know_date)
        layout.addSpacing(8)
        layout.addWidget(self.date_label)
        layout.addWidget(self.field_)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.group.buttonToggled.connect(self.refresh)
        self.know_date.toggled.connect(self.refresh)
        self.field_.date_changed.connect(self.refresh)
        self.reset()

    def _build_status(self) -> None:
        # A group box: a screen reader announces the question with each answer in it.
        self.question = QGroupBox(_("Do you hold a National Registry (NREMT) certification?"))
        self.question.setObjectName("nremtQuestion")
        self.question.setFlat(True)
        self.active = QRadioButton(_("Yes, it is &active"))
        self.active.setObjectName("nremtActiveRadio")
        self.expired = QRadioButton(_("I had one, but it has &expired"))
        self.expired.setObjectName("nremtExpiredRadio")
        self.never = QRadioButton(_("I have ne&ver held NREMT certification"))
        self.never.setObjectName("nremtNeverRadio")
        self.group = QButtonGroup(self)
        radios = QVBoxLayout(self.question)
        radios.setSpacing(self.fontMetrics().height() // 2)  # room for a finger between them
        for radio, description in (
            (self.active, _("NREMT certification is current. Enter its expiration date.")),
            (self.expired, _("NREMT certification has lapsed.")),
            (self.never, _("Never certified by the National Registry.")),
        ):
            radio.setAccessibleName(radio.text().replace("&", ""))
            radio.setAccessibleDescription(description)
            explain_keys(radio, description)
            self.group.addButton(radio)
            radios.addWidget(radio)

    def _build_date(self) -> None:
        self.field_ = DateField(
            "nremtExpirationEdit",
            _("NREMT expiration date"),
            calendar_start=lambda: next_usual_expiration(self._policy, self._today()),
        )
        self.date_label = plain_label(_("&Date your NREMT certification expires (or expired):"))
        self.date_label.setWordWrap(True)
        self.date_label.setBuddy(self.field_.edit)
        self.know_date = QCheckBox(_("I &know the date it expired"))
        self.know_date.setObjectName("nremtKnowDateCheck")
        self.know_date.setAccessibleName(_("I know the date it expired"))
        self.know_date.setAccessibleDescription(
            _("Optional: the advice does not need the date of an expired certification.")
        )
        explain_keys(self.know_date, self.know_date.accessibleDescription())

    def reset(self) -> None:
        """No answer chosen; the date empty."""
        self.group.setExclusive(False)
        for radio in (self.active, self.expired, self.never):
            radio.setChecked(False)
        self.group.setExclusive(True)
        self.know_date.setChecked(False)
        self.field_.setDate(None)
        self._said = ""
        self.refresh()

    def status(self) -> NremtStatus | None:
        """The chosen answer, or None before one is chosen."""
        if self.active.isChecked():
            return "active"
        if self.expired.isChecked():
            return "expired"
        if self.never.isChecked():
            return "never"
        return None

    def uses_date(self) -> bool:
        """True when the answer needs the date field."""
        status = self.status()
        return status == "active" or (status == "expired" and self.know_date.isChecked())

    def nremt_expiration(self) -> date | None:
        """The date, when the answer uses one and it is a date."""
        return self.field_.date() if self.uses_date() else None

    @override
    def focus_target(self) -> QWidget:
        return self.group.checkedButton() or self.active

    @override
    def cleanupPage(self) -> None:
        self.reset()

    @override
    def isComplete(self) -> bool:
        if self.status() is None or (self.uses_date() and self.field_.date() is None):
            return False
        return self._problem() is None

    def _problem(self) -> str | None:
        status = self.status()
        as_of, ma = self._earlier_answers()
        if status is None or as_of is None or ma is None:
            return None
        if self.uses_date() and self.field_.date() is None:
            return None  # the field says what is wrong with it
        return situation_problem(
            as_of=as_of,
            ma_expiration=ma,
            nremt_status=status,
            nremt_expiration=self.nremt_expiration(),
        )

    def refresh(self, *_args: object, notify: bool = True) -> None:
        """Re-check the answer against the earlier pages and update the notes (and Next).

        ``notify=False`` while the page is being shown: the wizard checks Next itself
        then, and telling it from inside the show would show the page again.
        """
        status = self.status()
        self.know_date.setVisible(status == "expired")
        uses_date = self.uses_date()
        self.field_.setEnabled(uses_date)
        self.date_label.setEnabled(uses_date)
        day = self.field_.date()
        if uses_date and day is not None and not is_usual_expiration(self._policy, day):
            self.field_.set_hint(not_usual_hint(self._policy))
        else:
            self.field_.set_hint("")
        note = self._note(status, day)
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.question.setAccessibleDescription(note if status is None else "")
        problem_text = self._problem() or ""
        self.problem.setText(problem_text)
        self.problem.setVisible(bool(problem_text))
        self._say(problem_text or (note if status is not None else ""))
        if notify:
            self.completeChanged.emit()

    def _say(self, text: str) -> None:
        """Announce a message the first time it appears while someone is on this page."""
        if text and text != self._said and self.isVisible():
            accessibility.announce(self.field_.edit if self.uses_date() else self.question, text)
        self._said = text

    def _note(self, status: NremtStatus | None, day: date | None) -> str:
        if status is None:
            return _("Choose one answer to go on.")
        if status == "never":
            return _("No date needed.")
        as_of, _ma = self._earlier_answers()
        if status == "active" and day is not None and as_of is not None and day < as_of:
            return _(
                "This date is before the advice date ({as_of}): the advice will treat your "
                "NREMT certification as expired."
            ).format(as_of=window_date(as_of))
        return ""
