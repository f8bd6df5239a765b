"""Second page: the Massachusetts expiration date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget
from typing_extensions import override

from certalign_gui.gui.shell.widgets import plain_label, readable_label
from certalign_gui.gui.wizard.date_field import DateField, window_month_day
from certalign_gui.gui.wizard.dates import (
    is_usual_expiration,
    next_usual_expiration,
    not_usual_hint,
)
from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Policy


class MaPage(BasePage):
    """Asks when the Massachusetts certification expires; the field starts empty."""

    def __init__(
        self, policy: Policy, today: Callable[[], date], parent: QWidget | None = None
    ) -> None:
        super().__init__("maPage", parent)
        self.set_heading(
            _("Your Massachusetts certification"),
            _("Look at your Massachusetts (OEMS) card, or in eLicensing."),
        )
        self._policy = policy
        self._today = today

        self.field_ = DateField(
            "maExpirationEdit",
            _("Massachusetts expiration date"),
            calendar_start=lambda: next_usual_expiration(self._policy, self._today()),
        )
        label = plain_label(_("When does your &Massachusetts certification expire?"))
        label.setWordWrap(True)
        label.setBuddy(self.field_.edit)

        layout = self.body
        layout.addWidget(label)
        layout.addWidget(self.field_)
        layout.addSpacing(12)
        layout.addWidget(
            readable_label(
                _(
                    "Massachusetts certifications usually expire on {usual}. The date is on "
                    "your card."
                ).format(
                    usual=window_month_day(
                        self._policy.usual_expiration.month, self._policy.usual_expiration.day
                    )
                ),
                focusable=False,
            )
        )
        layout.addStretch(1)

        self.field_.date_changed.connect(self._update_hint)
        self.field_.date_changed.connect(self.completeChanged)
        self.reset()

    def reset(self) -> None:
        """Empty: no date is ever assumed."""
        self.field_.setDate(None)
        self._update_hint()

    def ma_expiration(self) -> date | None:
        """The Massachusetts expiration date (None until one is typed)."""
        return self.field_.date()

    @override
    def focus_target(self) -> QWidget:
        return self.field_.edit

    @override
    def isComplete(self) -> bool:
        return self.field_.date() is not None

    @override
    def cleanupPage(self) -> None:
        self.reset()

    def _update_hint(self) -> None:
        day = self.field_.date()
        if day is None or is_usual_expiration(self._policy, day):
            self.field_.set_hint("")
        else:
            self.field_.set_hint(not_usual_hint(self._policy))
