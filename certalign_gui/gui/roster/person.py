"""One person of the roster: their answer in the wizard's own results view, with its buttons.

Print, Save as PDF and Add to calendar are the wizard's: the page carries this person's name
and numbers. The dialog's title names no one; the name is in the window, under the title.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout, QWidget

from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.shell.screen_fit import ScreenFit
from certalign_gui.gui.shell.session import Session
from certalign_gui.gui.shell.widgets import explain_keys, heading, make_touch_friendly
from certalign_gui.gui.wizard.results_view import ResultsView, TakeHomeProvider
from certalign_gui.presentation.catalogue import _
from certalign_gui.roster.assess import Person
from certalign_gui.roster.checklists import details_of


def close_shortcut(window: QWidget) -> QShortcut:
    """Ctrl+W (and the platform's own Close keys, such as Ctrl+F4) close ``window``."""
    keys: list[QKeySequence] = []
    for sequence in [
        *QKeySequence.keyBindings(QKeySequence.StandardKey.Close),
        QKeySequence("Ctrl+W"),
    ]:
        if sequence not in keys:  # one key twice would make the shortcut ambiguous
            keys.append(sequence)
    shortcut = QShortcut(window)
    shortcut.setKeys(keys)
    shortcut.activated.connect(window.close)
    return shortcut


class PersonDialog(QDialog):
    """The answer for one person of the roster (non-modal; one at a time)."""

    def __init__(
        self,
        *,
        today: Callable[[], date],
        session: Session,
        flow: SaveFlow,
        take_home: TakeHomeProvider,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("rosterPersonDialog")
        self.setWindowTitle(_("One person's answer \u2014 Certalign"))
        self._today = today
        self._details = Details()
        self.person_heading = heading(
            "", level=1, scale=1.3, object_name="personHeading", focusable=True
        )
        self.view = ResultsView(lambda: self._details, today, session, flow, take_home)
        # The wizard's "Start over" means nothing here: Close is this window's way out.
        self.view.start_over_button.hide()
        self.close_button = QPushButton(_("&Close"))
        self.close_button.setObjectName("closePersonButton")
        self.close_button.setAutoDefault(False)
        self.close_button.setAccessibleName(_("Close this person's answer"))
        explain_keys(self.close_button, _("Close this person's answer"), "Ctrl+W")
        make_touch_friendly(self.close_button)
        self.close_button.clicked.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.person_heading)
        layout.addWidget(self.view, 1)
        # Close goes where the wizard has Start over: the end of the row of buttons.
        self.view.add_trailing_button(self.close_button)
        close_shortcut(self)
        metrics = self.fontMetrics()
        self.screen_fit = ScreenFit(
            self,
            QSize(
                min(1000, max(760, metrics.averageCharWidth() * 100)),
                min(720, max(600, metrics.height() * 34)),
            ),
        )

    def show_person(self, person: Person) -> None:
        """Show ``person``'s answer; their name and numbers go on what is printed or saved."""
        self._details = details_of(person)
        self.person_heading.setText(_("Row {row}: {name}").format(row=person.row, name=person.name))
        self.person_heading.setAccessibleName(
            _("Answer for {name}, row {row} of the roster").format(name=person.name, row=person.row)
        )
        self.view.show_assessment(person.assessment, today=self._today())
        stops = [self.person_heading, *self.view.focus_order(), self.close_button]
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    def details(self) -> Details:
        """The name and numbers the printout would carry (empty once forgotten)."""
        return self._details

    def forget(self) -> None:
        """Drop the person (the dialog may live on, hidden, until it is deleted)."""
        self._details = Details()
        self.person_heading.setText("")
        self.person_heading.setAccessibleName("")
        self.view.show_assessment(None)

    def focus_start(self) -> None:
        """Keyboard focus on the person's name, read first."""
        self.person_heading.setFocus(Qt.FocusReason.OtherFocusReason)
