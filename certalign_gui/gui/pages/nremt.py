"""Third page: the NREMT certification (active with a date, expired, or never held)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from certalign_gui.gui.dates import (
    is_usual_expiration,
    next_usual_expiration,
    to_date,
    usual_day_text,
)
from certalign_gui.gui.pages.base import BasePage
from certalign_gui.gui.state import situation_problem
from certalign_gui.gui.widgets import DateField, plain_label
from certalign_gui.rules import Policy
from certalign_gui.rules.models import NremtStatus
from certalign_gui.rules.wording import long_date


class NremtPage(BasePage):
    """Asks about the NREMT certification; Next waits for a consistent answer."""

    def __init__(
        self, policy: Policy, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__("nremtPage", parent)
        self.set_heading(
            self.tr("Your NREMT certification"),
            self.tr("Look at your National Registry card, or in your NREMT.org account."),
        )
        self._policy = policy
        self._today = today
        self._build_status()
        self._build_date()

        self.note = plain_label(object_name="nremtNote")
        self.problem = plain_label(object_name="nremtProblem")
        self.problem.setStyleSheet("color: #b00020; font-weight: bold;")
        layout = self.body
        layout.addWidget(self.question)
        radios = QVBoxLayout()
        radios.setSpacing(self.fontMetrics().height() // 2)  # room for a finger between them
        radios.setContentsMargins(0, 0, 0, 0)
        for radio in (self.active, self.expired, self.never):
            radios.addWidget(radio)
        layout.addLayout(radios)
        layout.addWidget(self.know_date)
        layout.addSpacing(8)
        layout.addWidget(self.date_label)
        layout.addWidget(self.field_)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addStretch(1)

        self.registerField(
            "nremtExpiration", self.field_.edit, "date", self.field_.edit.dateChanged
        )
        self.group.buttonToggled.connect(self.refresh)
        self.know_date.toggled.connect(self.refresh)
        self.field_.date_changed.connect(self.refresh)
        self.reset()

    def _build_status(self) -> None:
        self.question = plain_label(
            self.tr("Do you hold a National Registry (NREMT) certification?")
        )
        self.question.setWordWrap(True)
        self.active = QRadioButton(self.tr("Yes, it is &active"))
        self.active.setObjectName("nremtActiveRadio")
        self.expired = QRadioButton(self.tr("I had one, but it has &expired"))
        self.expired.setObjectName("nremtExpiredRadio")
        self.never = QRadioButton(self.tr("I have ne&ver held NREMT certification"))
        self.never.setObjectName("nremtNeverRadio")
        self.group = QButtonGroup(self)
        for radio, description in (
            (self.active, self.tr("NREMT certification is current. Enter its expiration date.")),
            (self.expired, self.tr("NREMT certification has lapsed.")),
            (self.never, self.tr("Never certified by the National Registry.")),
        ):
            radio.setAccessibleName(radio.text().replace("&", ""))
            radio.setAccessibleDescription(description)
            self.group.addButton(radio)

    def _build_date(self) -> None:
        self.field_ = DateField("nremtExpirationEdit", self.tr("NREMT expiration date"))
        self.date_label = plain_label(
            self.tr("&Date your NREMT certification expires (or expired):")
        )
        self.date_label.setWordWrap(True)
        self.date_label.setBuddy(self.field_.edit)
        self.know_date = QCheckBox(self.tr("I &know the date it expired"))
        self.know_date.setObjectName("nremtKnowDateCheck")
        self.know_date.setAccessibleName(self.tr("I know the date it expired"))
        self.know_date.setAccessibleDescription(
            self.tr("Optional: the advice does not need the date of an expired certification.")
        )

    def reset(self) -> None:
        """No answer chosen; the date back to the coming March 31."""
        self.group.setExclusive(False)
        for radio in (self.active, self.expired, self.never):
            radio.setChecked(False)
        self.group.setExclusive(True)
        self.know_date.setChecked(False)
        self.field_.set_day(next_usual_expiration(self._policy, self._today()))
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

    def nremt_expiration(self) -> date | None:
        """The date, when the answer uses one."""
        status = self.status()
        if status == "active" or (status == "expired" and self.know_date.isChecked()):
            return self.field_.day()
        return None

    @override
    def cleanupPage(self) -> None:
        self.reset()

    @override
    def isComplete(self) -> bool:
        return self.status() is not None and self._problem() is None

    def _earlier_answers(self) -> tuple[date, date]:
        return to_date(self.field("asOf")), to_date(self.field("maExpiration"))

    def _problem(self) -> str | None:
        status = self.status()
        if status is None:
            return None
        as_of, ma = self._earlier_answers()
        return situation_problem(
            as_of=as_of,
            ma_expiration=ma,
            nremt_status=status,
            nremt_expiration=self.nremt_expiration(),
        )

    def refresh(self) -> None:
        """Re-check the answer against the earlier pages and update the notes and Next."""
        status = self.status()
        self.know_date.setVisible(status == "expired")
        uses_date = self.nremt_expiration() is not None
        self.field_.setEnabled(uses_date)
        self.date_label.setEnabled(uses_date)
        self.field_.written.setVisible(uses_date)
        day = self.field_.day()
        if uses_date and not is_usual_expiration(self._policy, day):
            usual = usual_day_text(self._policy)
            self.field_.set_hint(
                self.tr(
                    "Note: this is not {usual}. Certifications normally expire on {usual}: "
                    "check your card."
                ).format(usual=usual)
            )
        else:
            self.field_.set_hint("")
        self.note.setText(self._note(status, day))
        self.note.setVisible(bool(self.note.text()))
        problem = self._problem()
        self.problem.setText(
            self.tr("Cannot go on: {problem}").format(problem=problem) if problem else ""
        )
        self.problem.setVisible(bool(problem))
        self.completeChanged.emit()

    def _note(self, status: NremtStatus | None, day: date) -> str:
        if status is None:
            return self.tr("Choose one answer to go on.")
        if status == "never":
            return self.tr("No date needed.")
        as_of, _ma = self._earlier_answers()
        if status == "active" and day < as_of:
            return self.tr(
                "This date is before the advice date ({as_of}): the advice will treat your "
                "NREMT certification as expired."
            ).format(as_of=long_date(as_of))
        return ""
