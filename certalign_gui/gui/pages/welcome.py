"""First page: what the program does, and the (usually hidden) advice-as-of date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QToolButton, QWidget

from certalign_gui.gui.icons import app_icon
from certalign_gui.gui.pages.base import BasePage
from certalign_gui.gui.widgets import DateField, plain_label
from certalign_gui.rules.wording import long_date


class WelcomePage(BasePage):
    """Says what this does in plain words; "Planning ahead?" reveals the advice date."""

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__("welcomePage", parent)
        self.set_heading(
            self.tr("Line up your Massachusetts and NREMT renewals"),
            self.tr("Three short questions, then a checklist you can print."),
        )
        self._today = today
        logo = QLabel()
        logo.setObjectName("welcomeLogo")
        size = self.fontMetrics().height() * 4
        logo.setPixmap(app_icon().pixmap(QSize(size, size)))
        logo.setAccessibleName(self.tr("Certalign logo"))
        self.heading_row.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)

        intro = plain_label(
            self.tr(
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
        self.as_of_summary = plain_label(object_name="asOfSummary")

        self.toggle = QToolButton()
        self.toggle.setObjectName("planningAheadToggle")
        self.toggle.setText(self.tr("&Planning ahead?"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(self.tr("Planning ahead: choose another advice date"))
        self.toggle.toggled.connect(self._on_toggled)

        self.as_of = DateField("asOfDateEdit", self.tr("Advice as of"))
        self.as_of.edit.setAccessibleDescription(
            self.tr("The day the advice is for. Leave it at today unless you plan ahead.")
        )
        self.panel = QWidget()
        self.panel.setObjectName("planningAheadPanel")
        form = QFormLayout(self.panel)
        form.setContentsMargins(24, 0, 0, 0)
        label = plain_label(self.tr("Advice &as of:"))
        label.setBuddy(self.as_of.edit)
        form.addRow(label, self.as_of)
        form.addRow(
            plain_label(
                self.tr("See the advice for another day, for example the day you plan to apply.")
            )
        )
        self.panel.hide()

        layout = self.body
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(self.as_of_summary)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.panel)
        layout.addStretch(1)

        self.registerField("asOf", self.as_of.edit, "date", self.as_of.edit.dateChanged)
        self.as_of.date_changed.connect(self._update_summary)
        self.reset()

    def reset(self) -> None:
        """Back to today, panel closed."""
        self.as_of.set_day(self._today())
        self.toggle.setChecked(False)
        self._update_summary()

    def as_of_date(self) -> date:
        """The day the advice is for."""
        return self.as_of.day()

    def cleanupPage(self) -> None:
        """Start over resets to today (Qt would restore the value from start-up)."""
        self.reset()

    def _on_toggled(self, shown: bool) -> None:
        self.panel.setVisible(shown)
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            self.as_of.edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _update_summary(self) -> None:
        day = self.as_of.day()
        if day == self._today():
            text = self.tr("The advice is for today, {day}.")
        else:
            text = self.tr("The advice is for {day}, not today.")
        self.as_of_summary.setText(text.format(day=long_date(day)))
