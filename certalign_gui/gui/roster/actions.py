"""The roster window's buttons: template, summary (print or PDF), checklists, CSV take_home.

Thin: each one describes its file (`roster_outputs.Output`) and hands it to
`roster_outputs.save_output` or `print_pages`, which ask, show progress and write. Each takes
a token of the wizard's session when pressed, so Start over or the idle reset stops it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget

from certalign_gui.gui.roster.outputs import Output, print_pages, save_output
from certalign_gui.gui.shell.paper_size import default_page_size
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.shell.session import Session
from certalign_gui.presentation.catalogue import N_, _, ngettext, number
from certalign_gui.roster.assess import Person, RosterResult
from certalign_gui.roster.checklists import checklists_pdf
from certalign_gui.roster.output import Progress
from certalign_gui.roster.pdf import (
    TITLE,
    page_layout,
    paint_summary,
    printed_summary_pdf,
    summary_pdf,
)
from certalign_gui.roster.results_export import results_csv
from certalign_gui.roster.summary import TableRow
from certalign_gui.roster.template import template_bytes
from certalign_gui.rules.policy import Policy

#: A file dialog's kinds: the words from the catalogue, the patterns as Qt reads them (at the
#: end, in brackets).
CSV_FILES = (N_("CSV files"), "*.csv")
PDF_FILES = (N_("PDF files"), "*.pdf")
EXCEL_FILES = (N_("Excel workbooks"), "*.xlsx")


def name_filter(*kinds: tuple[str, str]) -> str:
    """``(N_("PDF files"), "*.pdf")`` -> "PDF files (*.pdf)", in the current language."""
    return ";;".join(f"{_(words)} ({patterns})" for words, patterns in kinds)


class RosterActions:
    """What the window's output buttons do, for the roster it shows now."""

    def __init__(
        self,
        parent: QWidget,
        *,
        policy: Policy,
        today: Callable[[], date],
        session: Session,
        flow: SaveFlow,
        result: Callable[[], RosterResult | None],
        people: Callable[[], list[Person]],
        lines: Callable[[], list[TableRow]],
        say: Callable[[str], None],
    ) -> None:
        self._parent = parent
        self._policy = policy
        self._today = today
        self._session = session
        self._flow = flow
        self._result = result
        self._people = people
        self._lines = lines
        self._say = say

    def _save(self, output: Output) -> Path | None:
        return save_output(
            self._parent, self._session.token(), output, say=self._say, flow=self._flow
        )

    def save_template(self) -> Path | None:
        """A blank roster to fill in: .csv (the shipped file) or .xlsx, by the name typed."""
        return self._save(
            Output(
                title=_("Save a blank roster template"),
                suggested="roster-template.csv",
                name_filter=name_filter(CSV_FILES, EXCEL_FILES),
                suffixes=(".csv", ".xlsx"),
                working=_("Making the blank roster…"),
                done=_(
                    "The blank roster was saved as {path}. Fill in one person per row, "
                    "save it, and open it here."
                ),
                make=lambda path, _progress: template_bytes(path.suffix),
            )
        )

    def save_summary(self) -> Path | None:
        """The roster summary as a PDF (landscape, the header on every page)."""
        result = self._result()
        if result is None:
            return None
        today = self._today()
        lines = self._lines()  # the table's order as the officer sorted it
        return self._save(
            Output(
                title=_("Save the roster summary as PDF"),
                suggested=f"roster-summary-{today.isoformat()}.pdf",
                name_filter=name_filter(PDF_FILES),
                suffixes=(".pdf",),
                working=_("Making the roster summary…"),
                done=_("The roster summary was saved as {path}."),
                make=lambda _path, progress: summary_pdf(
                    result, printed_on=today, policy=self._policy, progress=progress, lines=lines
                ),
            )
        )

    def save_checklists(self) -> Path | None:
        """Everyone's checklist, one page each, in the table's order, as one PDF."""
        people = self._people()
        if not people:
            return None
        today = self._today()
        size = default_page_size()
        return self._save(
            Output(
                title=_("Save the checklists for everyone as PDF"),
                suggested=f"roster-checklists-{today.isoformat()}.pdf",
                name_filter=name_filter(PDF_FILES),
                suffixes=(".pdf",),
                working=ngettext(
                    "Making {n} checklist, one page…",
                    "Making {n} checklists, one page each…",
                    len(people),
                ).format(n=number(len(people))),
                done=ngettext(
                    "The checklist ({n} page) was saved as {{path}}.",
                    "The checklists ({n} pages) were saved as {{path}}.",
                    len(people),
                ).format(n=number(len(people))),
                make=lambda _path, progress: checklists_pdf(
                    people, printed_on=today, page_size=size, progress=progress
                ),
            )
        )

    def export_csv(self) -> Path | None:
        """The results as CSV (for Excel), the rows that need fixing first."""
        result = self._result()
        if result is None:
            return None
        return self._save(
            Output(
                title=_("Export the results as CSV"),
                suggested=f"roster-results-{self._today().isoformat()}.csv",
                name_filter=name_filter(CSV_FILES),
                suffixes=(".csv",),
                working=_("Writing the results…"),
                done=_("The results were saved as {path}."),
                make=lambda _path, progress: results_csv(result, progress),
            )
        )

    def print_summary(self) -> bool:
        """Print the roster summary: one job, landscape, Page n of m."""
        result = self._result()
        if result is None:
            return False
        today = self._today()
        lines = self._lines()

        def setup(printer: QPrinter) -> None:
            printer.setDocName(_(TITLE))  # no name in the print queue
            printer.setPageLayout(page_layout())

        def prepare(progress: Progress) -> object:
            # The printed pages drawn once in memory (cancellable), then for the printer.
            return printed_summary_pdf(
                result, printed_on=today, policy=self._policy, progress=progress, lines=lines
            )

        return print_pages(
            self._parent,
            self._session.token(),
            title=_("Print the roster summary"),
            what=_("the roster summary"),
            prepare=prepare,
            paint=lambda printer: paint_summary(
                printer, result, printed_on=today, policy=self._policy, lines=lines
            ),
            setup=setup,
            instead=self.save_summary,
            say=self._say,
            flow=self._flow,
        )
