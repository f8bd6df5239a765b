"""First page: what the program does, and the (usually hidden) advice-as-of date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QToolButton, QVBoxLayout, QWidget
from typing_extensions import override

from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.icons import app_icon
from certalign_gui.gui.shell.widgets import (
    explain_keys,
    plain_label,
    readable_label,
    show_focus_ring,
)
from certalign_gui.gui.wizard.date_field import DateField, window_date
from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.presentation.catalogue import _


class WelcomePage(BasePage):
    """Says what this does in plain words; "Planning ahead?" reveals the advice date."""

    #: "Training officer? Check a whole crew" was pressed.
    roster_requested = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__("welcomePage", parent)
        self.set_heading(
            _("Line up your Massachusetts and NREMT renewals"),
            _("Three short questions, then a checklist you can print."),
        )
        # The page's heading is where the keyboard starts: a screen reader reads it first.
        self.heading.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        show_focus_ring(self.heading)
        self._today = today
        #: False while the advice date follows the clock; True once the person chose one.
        self._chosen = False
        logo = QLabel()
        logo.setObjectName("welcomeLogo")
        size = self.fontMetrics().height() * 4
        logo.setPixmap(app_icon().pixmap(QSize(size, size)))
        logo.setAccessibleName(_("Certalign logo"))
        self.heading_row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)

        intro = readable_label(
            _(
                "Massachusetts asks EMTs, Advanced EMTs and Paramedics to make their state "
                "certification expire in the same year as their National Registry (NREMT) "
                "certification.\n\n"
                "Have your cards at hand. Enter the two expiration dates, and this program "
                "tells you what to do, what it costs and by when, following the OEMS "
                'guidance "One-Year Alignment with NREMT".\n\n'
                "Nothing you type is saved on this computer."
            ),
            object_name="welcomeIntro",
        )
        self.as_of_summary = readable_label(object_name="asOfSummary")

        self.toggle = QToolButton()
        self.toggle.setObjectName("planningAheadToggle")
        self.toggle.setText(_("&Planning ahead?"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.toggle.setAccessibleName(_("Planning ahead: choose another advice date"))
        accessibility.mark_expander(self.toggle)
        self.toggle.toggled.connect(self._on_toggled)
        explain_keys(self.toggle, _("Choose another day for the advice"))

        self.as_of = DateField("asOfDateEdit", _("Advice as of"), calendar_start=today)
        self.panel = QWidget()
        self.panel.setObjectName("planningAheadPanel")
        # Label above the field, as on the other pages: a form layout's row does not grow
        # when the date in words appears under the field, and the words were drawn over it.
        form = QVBoxLayout(self.panel)
        form.setContentsMargins(24, 0, 0, 0)
        label = plain_label(_("Advice &as of:"))
        label.setBuddy(self.as_of.edit)
        form.addWidget(label)
        form.addWidget(self.as_of)
        form.addWidget(
            plain_label(_("See the advice for another day, for example the day you plan to apply."))
        )
        self.panel.hide()

        layout = self.body
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.as_of_summary)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.panel)
        layout.addStretch(1)
        # The second door, for the station's training officer: the wizard's three
        # questions stay as they are.
        self.roster_button = QPushButton(_("&Training officer? Check a whole crew"))
        self.roster_button.setObjectName("rosterButton")
        self.roster_button.setAutoDefault(False)  # Enter on this page is Next
        self.roster_button.setAccessibleDescription(
            _("Open a roster file (CSV or Excel) and see every person's answer.")
        )
        self.roster_button.clicked.connect(self.roster_requested)
        explain_keys(self.roster_button, _("Check a whole crew from a roster file"))
        layout.addWidget(self.roster_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.as_of.edited.connect(self._on_chosen)
        self.as_of.date_changed.connect(self._update_summary)
        self.as_of.date_changed.connect(self.completeChanged)
        self.reset()

    def reset(self) -> None:
        """Back to today, panel closed."""
        self._chosen = False
        self.as_of.setDate(self._today())
        self.toggle.setChecked(False)
        self._update_summary()

    def follow_clock(self) -> None:
        """Advice for today, if today has changed (past midnight) and no other day was chosen."""
        if not self._chosen and self.as_of.date() != self._today():
            self.as_of.setDate(self._today())
        self._update_summary()

    def _on_chosen(self) -> None:
        self._chosen = True

    def as_of_date(self) -> date | None:
        """The day the advice is for (None while the field holds no date)."""
        return self.as_of.date()

    @override
    def isComplete(self) -> bool:
        return self.as_of.date() is not None

    @override
    def cleanupPage(self) -> None:
        """Start over resets to today (Qt would restore the value from start-up)."""
        self.reset()

    def _on_toggled(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            # The field takes the keyboard, so a screen reader announces it at once.
            self.as_of.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_summary(self) -> None:
        day = self.as_of.date()
        if day is None:
            text = _("The advice date is not a date yet: {problem}").format(
                problem=self.as_of.problem_text()
            )
        elif day == self._today():
            text = _("The advice is for today, {day}.").format(day=window_date(day))
        else:
            text = _("The advice is for {day}, not today.").format(day=window_date(day))
        self.as_of_summary.setText(text)
