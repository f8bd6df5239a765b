"""The date field: what a person types is the date, or it is refused in words.

A plain `QDateEdit` turns typed dates into other dates (the ``/`` jumps sections, digits
go to whichever section has the cursor, and it "fixes up" on focus-out). This field is a
text box read by `parse_typed_date`: ``04/30/2029``, ``4/30/2029``, ``04302029`` and
``2029-04-30`` all mean April 30, 2029, whatever the cursor or selection was; anything
else is not a date, and the field says why. Arriving in the field (Tab, Next, a first
click) selects what it holds, so typing replaces it, as in any text box.

The calendar is a button of its own (and Alt+Down or F4 in the field): it opens at the
date in the field, or at the day the page suggests (the coming March 31).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, QLocale, QPoint, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from certalign_gui.gui.shell import accessibility, colours
from certalign_gui.gui.shell.widgets import plain_label
from certalign_gui.presentation.catalogue import _, format_locale
from certalign_gui.presentation.date_words import date_refusal, example
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date, typed_form

#: Problem text: dark red, bold, on the (always light) page; the words carry the meaning.
PROBLEM_STYLE = f"color: {colours.PROBLEM_TEXT}; font-weight: bold;"
#: The weekday in a Qt date pattern, with the comma or space that joins it to the date.
_WEEKDAY = re.compile(r"d{4}[,\s]*|[,\s]*d{4}")
#: The year in a Qt date pattern, with what joins it to the month and day (", ", " 'de' ").
_YEAR = re.compile(r"[,\s]*(?:'[^']*'\s*)?y+|y+(?:\s*'[^']*')?[,\s.]*")


def _long_pattern(locale: QLocale) -> str:
    return _WEEKDAY.sub("", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()


def window_date(day: date) -> str:
    """A date in the window's own sentences (its ``tr()`` words): ``February 15, 2025``.

    Qt's CLDR long date for the catalogue's language, without the weekday. Not Babel (the
    answer's dates are Babel's, `certalign_gui.presentation.catalogue.long_date`): the first
    page paints before Babel is loaded. The two agree for English (a GUI test checks).
    """
    locale = QLocale(format_locale())
    return locale.toString(QDate(day.year, day.month, day.day), _long_pattern(locale))


def window_month_day(month: int, day: int) -> str:
    """A day of every year in the window's own sentences: ``March 31`` (as `window_date`,
    without the year; written with a leap year, so February 29 can be said)."""
    locale = QLocale(format_locale())
    pattern = _YEAR.sub("", _long_pattern(locale)).strip()
    return locale.toString(QDate(2000, month, day), pattern)


class DateLineEdit(QLineEdit):
    """The text box itself. ``date()`` is the typed date, or None while it is not one."""

    calendar_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The first click after arriving selects the whole date, like a browser's address
        # bar: typing then replaces it. A second click places the cursor.
        self._select_on_click = False
        self.setMaxLength(20)
        self.setPlaceholderText("MM/DD/YYYY")

    def date(self) -> date | None:
        """The date typed, or None when the text is not (yet) a date."""
        try:
            return parse_typed_date(self.text())
        except DateTextError:
            return None

    def setDate(self, day: date | QDate | None) -> None:
        """Show ``day`` (None empties the field), as code would; not how a person types."""
        if isinstance(day, QDate):
            day = date(day.year(), day.month(), day.day()) if day.isValid() else None
        self.setText(typed_form(day) if day is not None else "")
        self._select_on_click = True

    @override
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        reason = event.reason()
        if reason == Qt.FocusReason.MouseFocusReason:
            self._select_on_click = True
        elif reason not in (
            Qt.FocusReason.ActiveWindowFocusReason,
            Qt.FocusReason.PopupFocusReason,
        ):
            # Tab, Shift+Tab, Next, a shortcut: what the field holds is selected.
            self.selectAll()
            self._select_on_click = True

    @override
    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if self._select_on_click and not self.hasSelectedText():
            self.selectAll()
        self._select_on_click = False

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, modifiers = event.key(), event.modifiers()
        if (key == Qt.Key.Key_Down and modifiers == Qt.KeyboardModifier.AltModifier) or (
            key == Qt.Key.Key_F4 and modifiers == Qt.KeyboardModifier.NoModifier
        ):
            event.accept()
            self.calendar_requested.emit()
            return
        if modifiers & (Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier) and (
            event.text().isprintable() and event.text()
        ):
            # Alt+N with Next switched off must not type an "n" into the date.
            event.ignore()
            return
        self._select_on_click = False
        super().keyPressEvent(event)


class CalendarPopup(QWidget):
    """A month calendar in a popup; ``chosen`` carries the day picked (Enter or a click)."""

    chosen = Signal(object)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("calendarPopup")
        self.calendar = QCalendarWidget(self)
        self.calendar.setObjectName("calendarWidget")
        # US wall calendars start the week on Sunday.
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Sunday)
        # ISO week numbers count Monday-first weeks: beside Sunday-first rows they mislead.
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        self.calendar.setGridVisible(True)
        self.calendar.setDateRange(QDate(MIN_YEAR, 1, 1), QDate(MAX_YEAR, 12, 31))
        self.calendar.setAccessibleName(_("Calendar: arrows move, Enter chooses, Esc closes"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.calendar)
        self.calendar.clicked.connect(self._choose)
        self.calendar.activated.connect(self._choose)

    def open_at(self, day: date, below: QWidget) -> None:
        """Show the month of ``day`` (selected) under ``below``, with the keyboard in it."""
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.adjustSize()
        self.move(below.mapToGlobal(QPoint(0, below.height())))
        self.show()
        self.calendar.setFocus(Qt.FocusReason.PopupFocusReason)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)

    def _choose(self, day: QDate) -> None:
        self.close()
        self.chosen.emit(date(day.year(), day.month(), day.day()))


class DateField(QWidget):
    """The date box, its calendar button, the date written out, and what is wrong, in words.

    ``calendar_start()`` is where the calendar opens while the field holds no date.
    ``date_changed`` is emitted on every edit (the date, or whether there is one, may change).
    """

    date_changed = Signal()
    #: The person changed the date (typed, or chose from the calendar); not code.
    edited = Signal()

    def __init__(
        self,
        object_name: str,
        accessible_name: str,
        *,
        calendar_start: Callable[[], date],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._name = accessible_name
        self._calendar_start = calendar_start
        self._popup: CalendarPopup | None = None
        self._problem_shown = ""
        self._hint_shown = ""

        self.edit = DateLineEdit()
        self.edit.setObjectName(object_name)
        self.edit.setAccessibleName(accessible_name)
        big = self.edit.font()
        big.setPointSizeF(big.pointSizeF() * 1.2)
        self.edit.setFont(big)
        metrics = self.edit.fontMetrics()
        self.edit.setMinimumWidth(metrics.horizontalAdvance("00/00/00000") * 2)
        self.edit.setMinimumHeight(round(metrics.height() * 1.8))  # easy to hit by touch

        self.calendar_button = QToolButton()
        self.calendar_button.setObjectName(f"{object_name}CalendarButton")
        self.calendar_button.setText(_("Calendar"))
        self.calendar_button.setIcon(
            self.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
        )
        self.calendar_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.calendar_button.setMinimumHeight(self.edit.minimumHeight())
        self.calendar_button.setAccessibleName(
            _("Calendar for: {name}").format(name=accessible_name)
        )
        self.calendar_button.setToolTip(_("Choose from a calendar (Alt+Down or F4)"))

        self.written = plain_label(object_name=f"{object_name}Written")
        bold = self.written.font()
        bold.setBold(True)
        self.written.setFont(bold)
        self.problem = plain_label(object_name=f"{object_name}Problem")
        self.problem.setStyleSheet(PROBLEM_STYLE)
        self.problem.hide()
        self.hint = plain_label(object_name=f"{object_name}Hint")
        self.hint.hide()

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit)
        row.addWidget(self.calendar_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.written)
        layout.addWidget(self.problem)
        layout.addWidget(self.hint)

        self.edit.textChanged.connect(self._on_text_changed)
        self.edit.textEdited.connect(self.edited)
        self.edit.returnPressed.connect(self._on_return)
        self.edit.editingFinished.connect(self._on_editing_finished)
        self.edit.calendar_requested.connect(self.open_calendar)
        self.calendar_button.clicked.connect(self.open_calendar)
        self._on_text_changed(self.edit.text())

    # -- What code reads and sets. ----------------------------------------------------

    def date(self) -> date | None:
        """The date typed, or None."""
        return self.edit.date()

    def setDate(self, day: date | None) -> None:
        """Show ``day`` (None empties the field)."""
        self.edit.setDate(day)
        self._set_problem("")

    def problem_text(self) -> str:
        """Why the field holds no date, in words ("" when it holds one)."""
        try:
            parse_typed_date(self.edit.text())
        except DateTextError as refused:
            return date_refusal(refused)
        return ""

    def set_hint(self, text: str) -> None:
        """A note under the date, such as "this is not March 31" (empty hides it)."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
        if text and text != self._hint_shown and self.edit.hasFocus():
            accessibility.announce(self.edit, text)
        self._hint_shown = text
        self._describe()

    def show_problem(self) -> None:
        """Say now what is wrong, even for a half-typed date (focus left, or Enter).

        An empty field says nothing here: leaving it empty is no mistake, and a message
        Enter has just shown for it ("Type the date") stays until something is typed.
        """
        if self.edit.text().strip():
            self._set_problem(self.problem_text())

    def open_calendar(self) -> None:
        """Open the calendar at the date typed, or at the suggested day."""
        if self._popup is None:  # made on first use: most people type the date
            self._popup = CalendarPopup(self)
            self._popup.chosen.connect(self._on_chosen)
        self._popup.open_at(self.date() or self._calendar_start(), self.edit)

    # -- Reactions. ---------------------------------------------------------------------

    def _on_chosen(self, day: date) -> None:
        self.edited.emit()  # first: whoever listens knows this day is the person's choice
        self.setDate(day)
        self.edit.setFocus(Qt.FocusReason.PopupFocusReason)
        self.edit.selectAll()

    def _on_text_changed(self, _text: str) -> None:
        day = self.edit.date()
        self.written.setText(window_date(day) if day is not None else "")
        self.written.setVisible(day is not None)
        if day is not None:
            self._set_problem("")
        else:
            try:
                parse_typed_date(self.edit.text())
            except DateTextError as refused:
                # A half-typed date is not an error yet; an impossible one is, at once.
                self._set_problem("" if refused.incomplete else date_refusal(refused))
        self._describe()
        self.date_changed.emit()

    def _on_editing_finished(self) -> None:
        self.show_problem()

    def _on_return(self) -> None:
        # Enter on an empty field asks for the date (leaving it empty by Tab or Back does not).
        if not self.edit.text().strip():
            self._set_problem(self.problem_text())

    def _set_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))
        if text and text != self._problem_shown:
            accessibility.announce(self.edit, text)
        self._problem_shown = text
        self._describe()

    def _describe(self) -> None:
        """The field's description: the problem, the date in words, then how to type it."""
        parts = []
        if self._problem_shown:
            parts.append(_("Problem: {text}").format(text=self._problem_shown))
        day = self.edit.date()
        if day is not None:
            parts.append(_("Reads as {day}.").format(day=window_date(day)))
        if self._hint_shown:
            parts.append(self._hint_shown)
        parts.append(
            _(
                "Type month, day and year, for example {example}. Alt+Down or F4 opens a calendar."
            ).format(example=example())
        )
        self.edit.setAccessibleDescription(" ".join(parts))
