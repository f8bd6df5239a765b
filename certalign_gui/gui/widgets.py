"""Small building blocks shared by the wizard pages."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import QAbstractButton, QDateEdit, QLabel, QVBoxLayout, QWidget

from certalign_gui.gui.dates import DISPLAY_FORMAT, EARLIEST, LATEST, to_date, to_qdate
from certalign_gui.rules.wording import long_date


def plain_label(text: str = "", *, object_name: str = "", wrap: bool = True) -> QLabel:
    """A label that never interprets its text as HTML, wrapping by default."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    if object_name:
        label.setObjectName(object_name)
    return label


def heading_label(text: str, *, scale: float = 1.25, object_name: str = "") -> QLabel:
    """A bold label, ``scale`` times the base font."""
    label = plain_label(text, object_name=object_name)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * scale)
    label.setFont(font)
    return label


def make_touch_friendly(button: QAbstractButton) -> None:
    """At least two text lines tall and comfortably wide: easy to hit on a touch screen."""
    metrics = button.fontMetrics()
    button.setMinimumHeight(round(metrics.height() * 2.2))
    button.setMinimumWidth(round(metrics.averageCharWidth() * 12))


class DateField(QWidget):
    """A date edit with a calendar popup, the date written out below it, and a hint line."""

    date_changed = Signal()

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setObjectName(object_name)
        self.edit.setCalendarPopup(True)
        self.edit.setDisplayFormat(DISPLAY_FORMAT)
        self.edit.setDateRange(to_qdate(EARLIEST), to_qdate(LATEST))
        self.edit.setAccessibleName(accessible_name)
        self.edit.setAccessibleDescription(
            self.tr("Month, day and year, as on the card. Alt+Down opens a calendar.")
        )
        # The popup calendar starts the week on Sunday, as US wall calendars do.
        self.edit.calendarWidget().setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        big = self.edit.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.edit.setFont(big)
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(metrics.horizontalAdvance("00/00/0000") * 2)
        self.edit.setMinimumHeight(round(metrics.height() * 1.8))  # easy to hit by touch
        self.written = plain_label(object_name=f"{object_name}Written")
        bold = self.written.font()
        bold.setBold(True)
        self.written.setFont(bold)
        self.hint = plain_label(object_name=f"{object_name}Hint")
        self.hint.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.written)
        layout.addWidget(self.hint)
        self.edit.dateChanged.connect(self._on_changed)
        self._on_changed(self.edit.date())

    def day(self) -> date:
        """The chosen day."""
        return to_date(self.edit.date())

    def set_day(self, day: date) -> None:
        """Show ``day``."""
        self.edit.setDate(to_qdate(day))

    def set_hint(self, text: str) -> None:
        """Show a short note under the date (empty hides it)."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def _on_changed(self, _day: QDate) -> None:
        self.written.setText(long_date(self.day()))
        self.date_changed.emit()
