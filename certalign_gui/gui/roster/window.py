"""`RosterWindow`: the training officer's crew roster, one file in, everyone's answer out.

A roster file goes through `roster.reader` and `roster.assess` (the wizard's own rules), and
the window shows the counts, a table of everyone (next due first), the rows that need fixing,
and what to take away (`roster_outputs`). A roster is personal data about many people:
`forget()` drops all of it, and the wizard calls it on Start over and the idle reset. Nothing
of it goes into the window title, the log, a recent-files list or the settings.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from certalign_gui.gui.roster.actions import RosterActions
from certalign_gui.gui.roster.model import HEADERS, Column, ProblemsModel, RosterModel, RosterProxy
from certalign_gui.gui.roster.person import PersonDialog, close_shortcut
from certalign_gui.gui.roster.table import PeopleTable, ProblemsTable
from certalign_gui.gui.shell import accessibility
from certalign_gui.gui.shell.flow_layout import FlowLayout
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.shell.screen_fit import ScreenFit
from certalign_gui.gui.shell.session import Session
from certalign_gui.gui.shell.widgets import (
    explain_keys,
    heading,
    make_touch_friendly,
    page_scroll_area,
    plain_label,
    readable_label,
)
from certalign_gui.gui.wizard.results_view import TakeHomeProvider
from certalign_gui.presentation.catalogue import N_, _, long_date, ngettext, number
from certalign_gui.roster.assess import RosterResult, assess_roster
from certalign_gui.roster.reader import RosterFileError, read_roster
from certalign_gui.roster.summary import (
    counts_line,
    other_sheets,
    rows_phrase,
    summary_line,
)
from certalign_gui.rules.policy import Policy

log = logging.getLogger(__name__)

APP_TITLE = "Certalign"
#: What "Open a roster" offers: every kind the reader takes (`roster.formats`).
#: (words, the patterns Qt reads at the end in brackets).
ROSTER_FILES = (
    (N_("Roster files"), "*.csv *.tsv *.txt *.xlsx *.xlsm *.xlsb *.xls *.ods"),
    (N_("CSV and text"), "*.csv *.tsv *.txt"),
    (N_("Spreadsheets"), "*.xlsx *.xlsm *.xlsb *.xls *.ods"),
    (N_("All files"), "*"),
)


def roster_filter() -> str:
    """The file dialog's kinds in the current language."""
    return ";;".join(f"{_(words)} ({patterns})" for words, patterns in ROSTER_FILES)


class _RoomTakingSplitter(QSplitter):
    """The people and the rows to fix: as tall as there is room for, no taller than needed.

    A scroll area makes its content as tall as the content would like; a table would like
    more than a station screen has, which would scroll the whole window for nothing.
    """

    @override
    def sizeHint(self) -> QSize:
        return QSize(super().sizeHint().width(), self.minimumSizeHint().height())


class RosterWindow(QMainWindow):
    """The roster window (top-level). ``today`` is the wizard's clock; ``session`` its
    session, which Start over and the idle reset end (and with it any save under way)."""

    def __init__(
        self,
        policy: Policy,
        *,
        today: Callable[[], date],
        session: Session,
        flow: SaveFlow,
        take_home: TakeHomeProvider,
    ) -> None:
        # A main window: a screen reader announces it as a window (frame), with its title.
        super().__init__(None)
        self.setObjectName("rosterWindow")
        # No file name here: a title reaches task bars, window lists and screen recorders.
        self.setWindowTitle(_("Crew roster \u2014 {app}").format(app=APP_TITLE))
        self._policy = policy
        self._today = today
        self._session = session
        #: How files are saved and opened: the wizard's own flow (real dialogs, or a script).
        self.save_flow = flow
        #: A person's answer has the wizard's Print, PDF and calendar buttons.
        self._take_home = take_home
        self._result: RosterResult | None = None
        self._file_name = ""
        self._path: Path | None = None  # to read another sheet of it; forgotten with the rest
        self._person_dialog: PersonDialog | None = None
        self.model = RosterModel(self)
        self.proxy = RosterProxy(self.model, self)
        self.problems_model = ProblemsModel(self)
        self.actions = RosterActions(
            self,
            policy=policy,
            today=today,
            session=session,
            flow=flow,
            result=self.result,
            people=self.model.people,
            lines=self.model.lines,
            say=self.say,
        )
        self._build()
        self.screen_fit = ScreenFit(self, self._default_size())
        self.forget()

    # -- building ---------------------------------------------------------------------------

    def _button(self, object_name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAutoDefault(False)  # Enter belongs to the table (open a person)
        make_touch_friendly(button)
        button.clicked.connect(lambda: slot())
        return button

    def _build(self) -> None:
        title = heading(_("Crew roster"), level=1, scale=1.4, object_name="rosterHeading")
        self.open_button = self._button("openRosterButton", _("&Open a roster…"),
                                        self.choose_file)  # fmt: skip
        self.open_button.setAccessibleDescription(
            _(
                "Open a roster file: CSV or a spreadsheet (.csv, .tsv, .txt, .xlsx, .xlsm, "
                ".xlsb, .xls, .ods)."
            )
        )
        self.template_button = self._button(
            "templateButton", _("Save a blank roster &template…"), self.actions.save_template
        )
        title.setWordWrap(False)
        top_bar = QWidget()
        top_bar.setObjectName("rosterTopBar")
        top = FlowLayout(top_bar, min_columns=1)
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(title)
        for button in (self.open_button, self.template_button):
            top.add_widget(button, trailing=True)
        self._build_sheet_row()

        self.empty_label = readable_label(
            _(
                "Open a roster file (CSV or Excel) to see every person's answer, next due "
                "first.\n\nNo roster yet? Save a blank roster template: its columns are Name, "
                "MA certification number, MA expiration, NREMT status (active, expired or "
                "never), NREMT expiration and NREMT number. Fill in one person per row, save "
                "it, and open it here.\n\nNothing of the roster is kept: closing this window, "
                "Start over and the idle reset forget it."
            ),
            object_name="rosterEmptyLabel",
        )
        self.file_label = plain_label(object_name="rosterFileLabel")
        self.summary_label = readable_label(object_name="rosterSummaryLabel")
        self.counts_label = readable_label(object_name="countsLabel")
        font = self.counts_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.counts_label.setFont(font)
        self.notes_label = readable_label(object_name="rosterNotesLabel", focusable=False)

        self.filter_edit = QLineEdit()
        self.filter_edit.setObjectName("filterEdit")
        self.filter_edit.setPlaceholderText(_("Name or situation"))
        self.filter_edit.setAccessibleName(_("Find a person by name or situation"))
        self.filter_edit.setClearButtonEnabled(True)
        for button in self.filter_edit.findChildren(QToolButton):
            button.setAccessibleName(_("Clear: find a person"))
        self.filter_edit.textChanged.connect(self._on_filter)
        find_label = plain_label(_("&Find:"), wrap=False)
        find_label.setBuddy(self.filter_edit)
        self.shown_label = plain_label(object_name="shownLabel", wrap=False)
        find_group = QWidget()
        find_group.setObjectName("findGroup")
        finder = QHBoxLayout(find_group)
        finder.setContentsMargins(0, 0, 0, 0)
        finder.addWidget(find_label)
        finder.addWidget(self.filter_edit, 1)
        finder.addWidget(self.shown_label)
        self.filter_edit.setMinimumWidth(self.fontMetrics().averageCharWidth() * 28)

        self.table = PeopleTable(self.proxy)
        self.table.open_requested.connect(self._open_person)
        # Find and Sort by side by side, or one above the other on a narrow window.
        self.finder_bar = QWidget()
        self.finder_bar.setObjectName("finderBar")
        finder_flow = FlowLayout(self.finder_bar, min_columns=1)
        finder_flow.setContentsMargins(0, 0, 0, 0)
        finder_flow.addWidget(find_group)
        finder_flow.addWidget(self._build_sort_choice())
        self.problems_heading = heading("", level=2, object_name="problemsHeading")
        self.column_fixes_label = readable_label(object_name="columnFixesLabel", focusable=False)
        self.problems_table = ProblemsTable(self.problems_model)
        self.problem_detail = readable_label(object_name="problemDetailLabel", focusable=False)
        self.problems_table.selectionModel().currentRowChanged.connect(self._on_problem)

        self.output_buttons = [
            self._button("printSummaryButton", _("&Print the summary…"),
                         self.actions.print_summary),
            self._button("saveSummaryButton", _("Save the summary as P&DF…"),
                         self.actions.save_summary),
            self._button("checklistsButton", _("&Checklists for everyone (PDF)…"),
                         self.actions.save_checklists),
            self._button("exportCsvButton", _("E&xport results (CSV)…"),
                         self.actions.export_csv),
        ]  # fmt: skip
        self.output_buttons[2].setAccessibleDescription(
            _("One PDF, one page per person: the page each would print from the wizard.")
        )
        self.close_button = self._button("closeRosterButton", _("Close"), self.close)
        self.close_button.setAccessibleName(_("Close the roster and forget it"))
        for button, what, *more in (
            (self.open_button, _("Open a roster file"), QKeySequence.StandardKey.Open),
            (self.template_button, _("Save an empty roster with the right columns")),
            (self.output_buttons[0], _("Print the roster summary")),
            (self.output_buttons[1], _("Save the roster summary as a PDF file")),
            (self.output_buttons[2], _("Save everyone's checklist in one PDF file")),
            (self.output_buttons[3], _("Save everyone's results as a CSV file")),
            (self.close_button, _("Close the roster and forget it"), "Ctrl+W"),
        ):
            explain_keys(button, what, *(QKeySequence(key) for key in more))
        bottom_bar = QWidget()
        bottom_bar.setObjectName("rosterButtons")
        bottom = FlowLayout(bottom_bar, min_columns=1)
        bottom.setContentsMargins(0, 0, 0, 0)
        for button in self.output_buttons:
            bottom.add_widget(button)
        bottom.add_widget(self.close_button, trailing=True)
        self.status_label = readable_label(object_name="rosterStatusLabel", focusable=False)

        self.roster_part = QWidget()
        self.roster_part.setObjectName("rosterPart")
        part = QVBoxLayout(self.roster_part)
        part.setContentsMargins(0, 0, 0, 0)
        for widget in (self.file_label, self.summary_label, self.counts_label, self.notes_label):
            part.addWidget(widget)
        part.addWidget(self.finder_bar)
        # People above, the rows that need fixing below: the officer can move the line between.
        problems = QWidget()
        problems.setObjectName("problemsPart")
        below = QVBoxLayout(problems)
        below.setContentsMargins(0, 0, 0, 0)
        for widget in (self.problems_heading, self.column_fixes_label, self.problems_table,
                       self.problem_detail):  # fmt: skip
            below.addWidget(widget)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.table.setMinimumHeight(row_height * 4)
        self.problems_table.setMinimumHeight(row_height * 2)
        self.splitter = _RoomTakingSplitter(Qt.Orientation.Vertical)
        self.splitter.setObjectName("rosterSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(problems)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        problems.raise_()  # last among the splitter's children: read after the people table
        part.addWidget(self.splitter, 1)
        self.bottom_bar = bottom_bar

        self._content = content = QWidget()
        content.setObjectName("rosterCentral")
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sheet_row)
        layout.addWidget(self.empty_label)
        layout.addWidget(self.roster_part, 1)
        layout.addWidget(self.status_label)
        self.empty_stretch = QWidget()  # keeps the empty window's text at the top
        layout.addWidget(self.empty_stretch, 1)
        # The buttons above and below stay on screen (their rows wrap on a narrow window);
        # between them the roster takes the room there is, and scrolls on a small screen.
        frame = QWidget()
        frame.setObjectName("rosterFrame")
        self.setCentralWidget(frame)
        outer = QVBoxLayout(frame)
        outer.addWidget(top_bar)
        outer.addWidget(page_scroll_area(content, object_name="rosterScroll"), 1)
        outer.addWidget(bottom_bar)
        self._tab_order()
        QShortcut(QKeySequence(QKeySequence.StandardKey.Open), self, self.choose_file)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Find), self, self._focus_filter)
        close_shortcut(self)

    def _build_sort_choice(self) -> QWidget:
        """ "Sort by" and "Reverse": the table's order from the keyboard (a header click
        does the same with the mouse, and the two always agree)."""
        self.sort_combo = QComboBox()
        self.sort_combo.setObjectName("sortCombo")
        self.sort_combo.setAccessibleName(_("Sort the people by"))
        for column, (_title, spoken, _width) in HEADERS.items():
            self.sort_combo.addItem(_(spoken), int(column))
        self.sort_reverse = QCheckBox(_("&Reverse"))
        self.sort_reverse.setObjectName("sortReverseCheck")
        self.sort_reverse.setAccessibleName(_("Reverse the order"))
        explain_keys(self.sort_reverse, _("Last first: reverse the order of the table"))
        sort_label = plain_label(_("Sort &by:"), wrap=False)
        sort_label.setBuddy(self.sort_combo)
        group = QWidget()
        group.setObjectName("sortGroup")
        row = QHBoxLayout(group)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(sort_label)
        row.addWidget(self.sort_combo)
        row.addWidget(self.sort_reverse)
        # activated / clicked: the officer's own choice, never a change made here.
        self.sort_combo.activated.connect(lambda _index: self._sort_chosen())
        self.sort_reverse.clicked.connect(lambda _checked: self._sort_chosen())
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._show_sort)
        self._show_sort(Column.DUE, Qt.SortOrder.AscendingOrder)
        return group

    def _sort_chosen(self) -> None:
        column = int(self.sort_combo.currentData())
        order = (
            Qt.SortOrder.DescendingOrder
            if self.sort_reverse.isChecked()
            else Qt.SortOrder.AscendingOrder
        )
        self.table.sortByColumn(column, order)
        self._say_sort(column, order)

    def _show_sort(self, column: int, order: Qt.SortOrder) -> None:
        """The table's order (a header click, or the roster's own) in the two controls."""
        index = self.sort_combo.findData(int(column))
        if index >= 0:
            self.sort_combo.setCurrentIndex(index)
        self.sort_reverse.setChecked(order == Qt.SortOrder.DescendingOrder)

    def _say_sort(self, column: int, order: Qt.SortOrder) -> None:
        spoken = _(HEADERS[Column(column)][1])
        text = (
            _("Sorted by {column}, last to first.")
            if order == Qt.SortOrder.DescendingOrder
            else _("Sorted by {column}, first to last.")
        ).format(column=spoken)
        accessibility.announce(self.table, text)

    def _build_sheet_row(self) -> None:
        """The workbook's sheets that hold a roster, to choose from (shown when there are
        several), and the words that say another sheet has a roster too."""
        self.sheet_combo = QComboBox()
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_combo.setAccessibleName(_("Sheet of the workbook to read"))
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        # activated: the officer's own choice (a key or a click), never a change made here.
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        sheet_label = plain_label(_("&Sheet:"), wrap=False)
        sheet_label.setBuddy(self.sheet_combo)
        self.sheet_notice = readable_label(object_name="otherSheetsLabel", focusable=False)
        self.sheet_row = QWidget()
        self.sheet_row.setObjectName("sheetRow")
        row = QHBoxLayout(self.sheet_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(sheet_label)
        row.addWidget(self.sheet_combo)
        row.addWidget(self.sheet_notice, 1)
        self.sheet_row.setVisible(False)

    def _show_sheets(self, result: RosterResult) -> None:
        """The Sheet list and its notice, for a workbook with more than one roster sheet."""
        sheets = list(result.roster_sheets)
        if result.sheet is not None and result.sheet not in sheets:
            sheets.insert(0, result.sheet)
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        self.sheet_combo.addItems(sheets)
        current = sheets.index(result.sheet) if result.sheet in sheets else -1
        self.sheet_combo.setCurrentIndex(current)
        self.sheet_combo.blockSignals(False)
        others = other_sheets(result)
        if others:
            listed = ", ".join(f'"{name}"' for name in others)
            self.sheet_notice.setText(
                _(
                    'Showing the sheet "{sheet}". {others_have} a roster too: {listed}. '
                    "To see another, choose it in the Sheet list."
                ).format(
                    sheet=result.sheet,
                    others_have=_("Another sheet has")
                    if len(others) == 1
                    else _("Other sheets have"),
                    listed=listed,
                )
            )
        self.sheet_row.setVisible(len(sheets) > 1)

    def _on_sheet_chosen(self, index: int) -> None:
        name = self.sheet_combo.itemText(index)
        if self._path is None or self._result is None or name == self._result.sheet:
            return
        self.open_file(self._path, sheet=name)
        self.sheet_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    def _tab_order(self) -> None:
        stops: list[QWidget] = [
            self.open_button, self.template_button, self.sheet_combo, self.empty_label,
            self.summary_label, self.counts_label, self.filter_edit, self.sort_combo,
            self.sort_reverse, self.table, self.problems_table, *self.output_buttons,
            self.close_button,
        ]  # fmt: skip
        for first, second in itertools.pairwise(stops):
            QWidget.setTabOrder(first, second)

    def _default_size(self) -> QSize:
        """Roomy on a large screen; `ScreenFit` cuts it down to a small one."""
        metrics = self.fontMetrics()
        return QSize(min(1280, metrics.averageCharWidth() * 190), min(800, metrics.height() * 40))

    # -- a roster in, and out again ---------------------------------------------------------

    def result(self) -> RosterResult | None:
        """The roster on show (None before one is opened, and after `forget()`)."""
        return self._result

    def choose_file(self) -> None:
        """Ask for a roster file (Qt's own dialog: nothing remembered) and open it."""
        token = self._session.token()
        path = self.save_flow.questions.open_path(
            self, _("Open a roster"), self.save_flow.documents(), roster_filter()
        )
        if path is not None and token.alive() and self.isVisible():
            self.open_file(path)

    def open_file(self, path: str | Path, sheet: str | None = None) -> bool:
        """Read and assess ``path`` (advice as of today; a workbook's ``sheet`` when given,
        else the sheet shown when it was saved) and show it; False if it cannot be."""
        path = Path(path)
        token = self._session.token()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = assess_roster(read_roster(path, sheet), self._today(), self._policy)
        except RosterFileError as error:
            problem = str(error)
        except Exception as error:
            # Not the message: it may quote a cell. The type is enough for support.
            log.error("Reading a roster failed (%s)", type(error).__name__)
            problem = _(
                "{name}: something went wrong while reading it, and nothing of it is shown."
            ).format(name=path.name)
        else:
            problem = ""
        finally:
            QGuiApplication.restoreOverrideCursor()
        if not token.alive():
            return False
        if problem:
            self.status_label.setText(_("The roster could not be opened."))
            self.save_flow.questions.report_error(
                self,
                _("Could not open the roster"),
                _(
                    "{problem}\n\nA roster is a CSV or Excel file with a header row. To start "
                    "from the right columns, use Save a blank roster template."
                ).format(problem=problem),
            )
            return False
        self.forget()
        self._path = path
        self._show_result(result, path.name)
        return True

    def _show_result(self, result: RosterResult, file_name: str) -> None:
        self._result = result
        self._file_name = file_name
        self.model.set_result(result)
        self.table.fit_columns()
        self.table.horizontalHeader().setSortIndicator(Column.DUE, Qt.SortOrder.AscendingOrder)
        self.problems_model.set_problems(result.problems)
        self.file_label.setText(
            _("{file} \u00b7 advice as of {day}").format(
                file=file_name, day=long_date(result.as_of)
            )
        )
        self.summary_label.setText(summary_line(result))
        self.counts_label.setText(counts_line(result))
        self._show_sheets(result)
        # The Sheet list's own words say which sheet this is; the notes say the rest.
        notes = [n for n in result.notes if not (self.sheet_row.isVisibleTo(self) and
                                                  n.startswith("Read the sheet"))]  # fmt: skip
        self.notes_label.setText("\n".join(notes))
        self.notes_label.setVisible(bool(notes))
        self.column_fixes_label.setText(
            "\n".join(
                _("{fix} ({rows})").format(fix=fix.message, rows=rows_phrase(fix.rows))
                for fix in result.column_fixes
            )
        )
        self.column_fixes_label.setVisible(bool(result.column_fixes))
        count = len(result.problem_rows)
        self.problems_heading.setText(
            _("Rows that need fixing ({n})").format(n=f"{count:,}")
            if count
            else _("Every row was assessed: none needs fixing.")
        )
        self.problems_table.setVisible(bool(result.problems))
        self.problem_detail.setVisible(bool(result.problems))
        self.problem_detail.setText(_("Select a row above to read all of what is wrong."))
        for button in self.output_buttons:
            # The summary and the CSV list the rows that need fixing too; checklists need people.
            button.setEnabled(bool(result.people) or button.objectName() != "checklistsButton")
        self._update_shown()
        self._set_roster_shown(True)
        # Lay the table out now, so that it shows (and scrolls to) the first rows at once.
        self._content.layout().activate()
        total = sum(self.splitter.sizes())
        # The rows that need fixing get a third, and at least five lines of their table.
        rows = self.problems_table.verticalHeader().defaultSectionSize()
        enough = self.problems_heading.sizeHint().height() + rows * 6
        below = (
            min(total // 2, max(total // 3, enough))
            if result.problems
            else self.problems_heading.sizeHint().height()
        )
        self.splitter.setSizes([total - below, below])
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        accessibility.announce(self, f"{summary_line(result)}. {counts_line(result)}.")

    def forget(self) -> None:
        """Drop the roster: every row, person, model and file name; the views are emptied."""
        if self._person_dialog is not None:
            dialog, self._person_dialog = self._person_dialog, None
            dialog.forget()
            dialog.close()
            dialog.deleteLater()
        self._result = None
        self._file_name = ""
        self._path = None
        self.sheet_combo.clear()
        self.sheet_row.setVisible(False)
        self.model.clear()
        self.problems_model.clear()
        self.filter_edit.setText("")  # not clear(): Ctrl+Z would bring the text back
        for label in (self.file_label, self.summary_label, self.counts_label, self.notes_label,
                      self.shown_label, self.problems_heading, self.problem_detail,
                      self.status_label, self.sheet_notice,
                      self.column_fixes_label):  # fmt: skip
            label.setText("")
        self._set_roster_shown(False)

    def _set_roster_shown(self, shown: bool) -> None:
        self.roster_part.setVisible(shown)
        self.bottom_bar.setVisible(shown)
        self.empty_label.setVisible(not shown)
        self.empty_stretch.setVisible(not shown)

    def private_text(self) -> Iterator[str]:
        """Every name, number and cell the roster holds: what a log line must never carry."""
        for person in self.model.people():
            yield from (person.name, person.ma_number, person.nremt_number)
        if self._result is not None:
            for row in self._result.unassessed:
                yield row.name
                yield from row.cells.values()
            for problem in self._result.problems:
                yield problem.value
            yield from self._result.roster_sheets
        if self._path is not None:
            yield str(self._path)
        if self._person_dialog is not None:
            details = self._person_dialog.details()
            yield from (details.name, details.ma_number, details.nremt_number)

    # -- the table --------------------------------------------------------------------------

    def _on_filter(self, text: str) -> None:
        self.proxy.set_filter_text(text)
        self._update_shown()
        accessibility.announce(self.filter_edit, self.shown_label.text())

    def _update_shown(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        self.shown_label.setText(
            ngettext(
                "Showing {n} of {total} person", "Showing {n} of {total} people", total
            ).format(n=number(shown), total=number(total))
            if total
            else _("Nobody was assessed.")
        )

    def _focus_filter(self) -> None:
        if self.roster_part.isVisible():
            self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.filter_edit.selectAll()

    def _open_person(self, index: QModelIndex) -> None:
        row = self.proxy.row_at(index)
        person = self.model.person(row) if row is not None else None
        if person is None:
            return
        if self._person_dialog is None:
            self._person_dialog = PersonDialog(
                today=self._today,
                session=self._session,
                flow=self.save_flow,
                take_home=self._take_home,
                parent=self,
            )
        dialog = self._person_dialog
        dialog.show_person(person)
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        dialog.focus_start()

    def person_dialog(self) -> PersonDialog | None:
        """The open person's window, if any."""
        return self._person_dialog

    def _on_problem(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.problem_detail.setText(self.problems_model.message(current.row()))

    def say(self, text: str) -> None:
        """Show ``text`` on the status line, and have a screen reader say it."""
        self.status_label.setText(text)
        accessibility.announce(self, text)

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        self.forget()
        super().closeEvent(event)
