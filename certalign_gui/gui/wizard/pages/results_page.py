"""Last page: the answer. Its content is made the first time it is needed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget
from typing_extensions import override

from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules import Assessment

if TYPE_CHECKING:
    from certalign_gui.gui.wizard.results_view import ResultsView


class ResultsPage(BasePage):
    """Holds the `ResultsView`, which ``make_view`` makes when the first answer is shown: its
    module loads only then (the composition root, `certalign_gui.app`, decides)."""

    start_over_requested = Signal()

    def __init__(
        self,
        make_view: Callable[[], ResultsView],
        parent: QWidget | None = None,
    ) -> None:
        # The scroll bar belongs at the window's edge: the column is inside the scroll area.
        super().__init__("resultsPage", parent, column_chars=None, scroll=False)
        self.set_heading(_("Your answer"))
        # The headline is the real heading of this page, and the window title says
        # "Step 5 of 5": the room goes to the answer.
        self.heading.hide()
        self.step_label.hide()
        self.column_layout.setContentsMargins(0, 0, 0, 0)
        self.setFinalPage(True)
        self._make_view = make_view
        self.view: ResultsView | None = None

    def assessment(self) -> Assessment | None:
        """The assessment on show."""
        return self.view.assessment() if self.view is not None else None

    @override
    def focus_target(self) -> QWidget:
        return self.view.focus_target() if self.view is not None else self.heading

    def show_assessment(self, assessment: Assessment | None, *, today: date | None = None) -> None:
        """Fill every section from ``assessment`` (None empties the page)."""
        if self.view is None:
            if assessment is None:
                return
            self.view = self._make_view()
            self.view.start_over_requested.connect(self.start_over_requested)
            self.body.addWidget(self.view, 1)
        self.view.show_assessment(assessment, today=today)
