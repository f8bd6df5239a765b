"""Second page: the Massachusetts expiration date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget
from typing_extensions import override

from certalign_gui.gui.dates import is_usual_expiration, next_usual_expiration, usual_day_text
from certalign_gui.gui.pages.base import BasePage
from certalign_gui.gui.widgets import DateField, plain_label
from certalign_gui.rules import Policy


class MaPage(BasePage):
    """Asks when the Massachusetts certification expires (default: the coming March 31)."""

    def __init__(
        self, policy: Policy, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__("maPage", parent)
        self.set_heading(
            self.tr("Your Massachusetts certification"),
            self.tr("Look at your Massachusetts (OEMS) card, or in eLicensing."),
        )
        self._policy = policy
        self._today = today

        self.field_ = DateField("maExpirationEdit", self.tr("Massachusetts expiration date"))
        label = plain_label(self.tr("When does your &Massachusetts certification expire?"))
        label.setWordWrap(True)
        label.setBuddy(self.field_.edit)

        layout = self.body
        layout.addWidget(label)
        layout.addWidget(self.field_)
        layout.addSpacing(12)
        layout.addWidget(
            plain_label(
                self.tr(
                    "Massachusetts certifications usually expire on {usual}. The date is on "
                    "your card."
                ).format(usual=usual_day_text(self._policy))
            )
        )
        layout.addStretch(1)

        self.registerField("maExpiration", self.field_.edit, "date", self.field_.edit.dateChanged)
        self.field_.date_changed.connect(self._update_hint)
        self.reset()

    def reset(self) -> None:
        """Back to the coming March 31."""
        self.field_.set_day(next_usual_expiration(self._policy, self._today()))
        self._update_hint()

    def ma_expiration(self) -> date:
        """The Massachusetts expiration date."""
        return self.field_.day()

    @override
    def cleanupPage(self) -> None:
        self.reset()

    def _update_hint(self) -> None:
        if is_usual_expiration(self._policy, self.field_.day()):
            self.field_.set_hint("")
        else:
            self.field_.set_hint(
                self.tr(
                    "Note: this is not {usual}. Certifications normally expire on {usual}: "
                    "check your card."
                ).format(usual=usual_day_text(self._policy))
            )
