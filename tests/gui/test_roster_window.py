"""The training officer's roster window, driven as a person drives it: keys, clicks, dialogs.

Keys go to `QApplication.focusWidget()`; rows are clicked where the view draws them; every
dialog is answered by a script given to the window's save flow (`seams`). Files are read
back: PDFs with pypdf.
"""

from __future__ import annotations

import csv
import io
import textwrap
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pypdf
import pytest
import shiboken6
from PySide6.QtCore import QEvent, QMetaObject, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFileDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QProgressDialog,
    QPushButton,
    QWidget,
)
from qt_support import (
    activate,
    check_window_keys,
    child,
    focused,
    key,
    keys,
    mouse_click,
    run_python,
    tab_to,
)
from roster.roster_files import generate, generated_csv
from scripted_questions import ScriptedQuestions
from typing_extensions import override

from certalign_gui.app import printing
from certalign_gui.app import roster_window as new_roster_window
from certalign_gui.gui.roster.model import Column
from certalign_gui.gui.roster.window import RosterWindow
from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow
from certalign_gui.gui.shell.session import Session
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.roster.reader import read_roster
from certalign_gui.roster.summary import counts_line, summary_line, table_rows
from certalign_gui.rules import assess

#: Bringing a window to the front (the wizard's door does, and a person's window) is a
#: no-op on the offscreen platform, which says so once per call.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support raise\\(\\)")

AS_OF = date(2025, 10, 1)
#: Six people and one row to fix (row 8), one blank row; names no code would contain.
ROSTER = textwrap.dedent(
    """\
    Name,MA certification number,MA expiration,NREMT status,NREMT expiration,NREMT number
    Quentin Aligned,100001,03/31/2026,active,03/31/2026,E1
    Wilhelmina Late,100002,03/31/2025,active,03/31/2026,E2
    Bartholomew Due,100003,03/31/2026,active,03/31/2027,E3
    Ottoline Regain,100004,03/31/2026,expired,,E4
    Peregrine Never,100005,03/31/2027,never,,E5
    Cornelius Later,100006,03/31/2027,active,03/31/2028,E6
    Florentyna Broken,100007,31/03/2026,active,03/31/2027,E7
    ,,,,,
    """
)
NAMES = ("Quentin", "Wilhelmina", "Bartholomew", "Ottoline", "Peregrine", "Cornelius", "Florentyna")


def _write(path: Path, text: str = ROSTER) -> Path:
    path.write_text(text, encoding="utf-8", newline="")
    return path


@pytest.fixture
def roster_file(tmp_path) -> Path:
    return _write(tmp_path / "crew.csv")


@pytest.fixture
def flow(tmp_path) -> SaveFlow:
    """The windows' save flow: Documents is the test's folder, no printer, Qt's real
    dialogs until `seams` (or a test) gives it a script."""
    return SaveFlow(
        DialogQuestions(lambda: tmp_path, printing=printing),
        documents=lambda: tmp_path,
        printers=list,
    )


@pytest.fixture
def make_window(qtbot, policy, flow) -> Callable[..., RosterWindow]:
    """A shown roster window on its own, its clock at `AS_OF`."""

    def make(session: Session | None = None) -> RosterWindow:
        window = new_roster_window(policy, lambda: AS_OF, session or Session(), flow)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        activate(qtbot, window)
        return window

    return make


class _Seams:
    """The officer, scripted: each question answered from ``answers``, each one recorded."""

    def __init__(self, asked: dict[str, list], answers: dict[str, list]) -> None:
        self.asked, self.answers = asked, answers

    def save_path(self, parent, title, suggested, name_filter):
        self.asked.setdefault("save_titles", []).append((title, suggested, name_filter))
        return self.answers["save"].pop(0) if self.answers["save"] else None

    def open_path(self, parent, title, folder, name_filter):
        self.asked["open"].append(folder)
        return self.answers["open"].pop(0) if self.answers["open"] else None

    def overwrite(self, parent, path):
        self.asked["overwrite"].append(path)
        return False

    def save_pdf_instead(self, parent, what):
        self.asked["pdf_instead"].append(what)
        return True

    def print_options(self, parent, printer, title):
        raise AssertionError("unexpected print dialog")

    def save_past_calendar(self, parent):
        raise AssertionError("the roster saves no calendar")

    def inform(self, parent, title, text):
        self.asked["saved"].append(text)

    def report_error(self, parent, title, text):
        self.asked["errors"].append(text)


@pytest.fixture
def seams(flow) -> dict[str, list]:
    """Every question the window may ask, answered; what was asked is recorded."""
    asked: dict[str, list] = {
        "saved": [],
        "errors": [],
        "overwrite": [],
        "open": [],
        "pdf_instead": [],
    }
    answers: dict[str, list] = {"save": [], "open": []}
    asked["answers"] = answers  # type: ignore[assignment]
    flow.questions = _Seams(asked, answers)
    return asked


def _pdf_pages(path: Path) -> list[str]:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def _view_column(window: RosterWindow, column: Column) -> list[str]:
    proxy = window.proxy
    return [proxy.data(proxy.index(row, column)) for row in range(proxy.rowCount())]


def _click_header(qtbot, window: RosterWindow, column: Column) -> None:
    table = window.table
    table.scrollTo(window.proxy.index(0, column))
    header = table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(
        header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2)
    )


def _row_point(window: RosterWindow, row: int) -> QPoint:
    table = window.table
    index = window.proxy.index(row, Column.NAME)
    table.scrollTo(index)
    return table.visualRect(index).center()


def _double_click(qtbot, widget: QWidget, pos: QPoint) -> None:
    """What a real double-click delivers: press, release, double-click, release.

    (QTest's mouseDClick alone sends only the double-click event, which a view that saw no
    press first takes for a press.)
    """
    button = Qt.MouseButton.LeftButton
    qtbot.mousePress(widget, button, pos=pos)
    qtbot.mouseRelease(widget, button, pos=pos)
    qtbot.mouseDClick(widget, button, pos=pos)
    qtbot.mouseRelease(widget, button, pos=pos)


def _shown_texts(root: QWidget) -> str:
    """Everything a person (or a screen reader) can read in ``root`` and its windows."""
    parts = [root.windowTitle(), root.accessibleName()]
    for widget in [root, *root.findChildren(QWidget)]:
        parts += [widget.windowTitle(), widget.accessibleName(), widget.toolTip()]
        if isinstance(widget, QLabel | QAbstractButton | QLineEdit):
            parts.append(widget.text())
        model = getattr(widget, "model", None)
        if callable(model) and model() is not None and hasattr(model(), "rowCount"):
            m = model()
            for r in range(m.rowCount()):
                parts += [str(m.data(m.index(r, c))) for c in range(m.columnCount())]
    return "\n".join(part for part in parts if part)


# -- opening a roster --------------------------------------------------------------------------


def test_open_file_shows_the_counts_the_summary_and_everyone(make_window, roster_file):
    window = make_window()
    assert window.objectName() == "rosterWindow"
    assert window.open_file(roster_file)
    result = assess_roster(read_roster(roster_file), AS_OF)
    assert window.counts_label.text() == counts_line(result)
    assert window.summary_label.text() == summary_line(result)
    assert window.summary_label.text() == "7 rows: 6 assessed, 1 needs fixing (row 8), 1 blank"
    assert "\u00b7" in window.counts_label.text()
    assert "aligned" in window.counts_label.text()
    assert window.model.rowCount() == 6
    assert window.shown_label.text() == "Showing 6 of 6 people"
    assert "crew.csv" in window.file_label.text()
    assert long_date(AS_OF) in window.file_label.text()
    # The title names no one, and no file.
    assert window.windowTitle() == "Crew roster \u2014 Certalign"
    # The keyboard is in the table, on the first person: Enter opens them.
    assert focused() is window.table
    assert window.table.currentIndex().row() == 0


def test_the_open_button_asks_for_the_file(qtbot, make_window, roster_file, seams, tmp_path):
    window = make_window()
    assert not window.table.isVisible()
    assert window.empty_label.isVisible()
    seams["answers"]["open"].append(roster_file)
    mouse_click(qtbot, child(window, QPushButton, "openRosterButton"))
    assert seams["open"] == [tmp_path]  # the Documents folder, not the last one used
    assert window.model.rowCount() == 6
    assert window.table.isVisible()
    # Cancelled: the roster on show stays.
    mouse_click(qtbot, child(window, QPushButton, "openRosterButton"))
    assert window.model.rowCount() == 6


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "the file is empty"),
        (b"\x00\x01\x02PK\x03\x04 binary \xff\xfe" * 40, "crew.csv"),
        (b"Who,When\r\nAnn,today\r\n", "no roster header row found"),
    ],
)
def test_a_file_that_cannot_be_used_is_named_and_the_roster_on_show_stays(
    make_window, roster_file, seams, tmp_path, content, words
):
    window = make_window()
    window.open_file(roster_file)
    bad = tmp_path / "bad" / "crew.csv"
    bad.parent.mkdir()
    bad.write_bytes(content)
    assert not window.open_file(bad)
    assert len(seams["errors"]) == 1
    message = seams["errors"][0]
    assert words in message
    assert str(bad) in message or "crew.csv" in message
    assert "Traceback" not in message
    assert window.model.rowCount() == 6  # nothing lost


# -- the table -------------------------------------------------------------------------------


def test_overdue_first_then_by_due_date(make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    lines = window.model.lines()
    overdue = [not line.can_staff_ambulance or (line.days_left or 0) < 0 for line in lines]
    # Every overdue person before everyone else.
    assert overdue == sorted(overdue, reverse=True)
    assert lines[0].name == "Wilhelmina Late"  # her Massachusetts card has expired
    dated = [line.due for line in lines if not overdue[lines.index(line)] and line.due]
    assert dated == sorted(dated)
    assert _view_column(window, Column.NAME) == [line.name for line in lines]
    header = window.table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        Column.DUE,
        Qt.SortOrder.AscendingOrder,
    )


def test_urgency_is_icon_and_words(make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    proxy = window.proxy
    for row in range(proxy.rowCount()):
        index = proxy.index(row, Column.URGENCY)
        assert proxy.data(index) in {"Expired", "Urgent", "Due soon", "On track", "Information"}
        assert not proxy.data(index, Qt.ItemDataRole.DecorationRole).isNull()
        assert proxy.data(index, Qt.ItemDataRole.AccessibleTextRole) == proxy.data(index)
        assert proxy.data(index, Qt.ItemDataRole.BackgroundRole) is None  # never colour alone


def test_every_column_sorts_by_a_header_click(qtbot, make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    _click_header(qtbot, window, Column.NAME)
    names = _view_column(window, Column.NAME)
    assert names == sorted(names, key=str.casefold)
    _click_header(qtbot, window, Column.NAME)
    assert _view_column(window, Column.NAME) == sorted(names, key=str.casefold, reverse=True)
    _click_header(qtbot, window, Column.ROW)
    assert _view_column(window, Column.ROW) == ["2", "3", "4", "5", "6", "7"]
    for column in Column:
        _click_header(qtbot, window, column)
        assert window.table.horizontalHeader().sortIndicatorSection() == column
        assert sorted(_view_column(window, Column.NAME)) == sorted(names)
    # Back to the roster's own order: the Due column, ascending.
    header = window.table.horizontalHeader()
    while not (
        header.sortIndicatorSection() == Column.DUE
        and header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    ):
        _click_header(qtbot, window, Column.DUE)
    assert _view_column(window, Column.NAME)[0] == "Wilhelmina Late"


def test_the_table_sorts_from_the_keyboard_and_says_so(qtbot, make_window, roster_file):
    announced: list[str] = []
    window = make_window()
    window.open_file(roster_file)
    monkey = pytest.MonkeyPatch()
    monkey.setattr(
        "certalign_gui.gui.roster.window.accessibility.announce",
        lambda widget, text: announced.append(text),
    )
    try:
        # Alt+B: "Sort by", then the keyboard chooses Name (typed, as in any list).
        key(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
        assert focused() is window.sort_combo
        assert window.sort_combo.currentText() == "Next step due"  # the roster's own order
        keys(qtbot, "Name")
        names = _view_column(window, Column.NAME)
        assert names == sorted(names, key=str.casefold)
        assert window.table.horizontalHeader().sortIndicatorSection() == Column.NAME
        assert announced[-1] == "Sorted by Name, first to last."
        # Alt+R: reversed.
        key(qtbot, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)
        reverse = sorted(names, key=str.casefold, reverse=True)
        qtbot.waitUntil(lambda: _view_column(window, Column.NAME) == reverse)  # an animated click
        assert announced[-1] == "Sorted by Name, last to first."
        # A header click shows in the two controls, so they never disagree with the table.
        _click_header(qtbot, window, Column.ROW)
        assert window.sort_combo.currentText() == "Row in the file"
        assert not window.sort_reverse.isChecked()
    finally:
        monkey.undo()


def test_every_roster_window_names_its_keys_and_uses_each_letter_once(
    qtbot, make_window, roster_file
):
    window = make_window()
    check_window_keys(window, "empty roster")
    window.open_file(roster_file)
    check_window_keys(window, "roster")
    assert "Ctrl+O" in window.open_button.toolTip()
    assert "Ctrl+W" in window.close_button.toolTip()
    window.table.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    person = window.person_dialog()
    assert person is not None
    qtbot.waitExposed(person)
    check_window_keys(person, "one person")
    assert "Ctrl+W" in person.close_button.toolTip()


def test_the_key_columns_fit_and_the_long_words_are_cut_short(qtbot, make_window, roster_file):
    window = make_window()
    window.resize(1000, 600)  # narrower than a 1366-wide station screen allows
    window.open_file(roster_file)
    table = window.table
    qtbot.waitUntil(lambda: table.viewport().width() < 1000)
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width()  # no sideways scrolling
    assert table.horizontalScrollBar().maximum() == 0
    # Who, how urgent, by when and whether they can staff keep their whole width.
    metrics = table.fontMetrics()
    for column in (Column.NAME, Column.URGENCY, Column.DUE, Column.CAN_STAFF):
        widest = max(metrics.horizontalAdvance(text) for text in _view_column(window, column))
        assert table.columnWidth(column) > widest, column.name
    # The situation is cut short on screen; its whole text is in the tooltip.
    proxy = window.proxy
    situation = proxy.data(proxy.index(0, Column.SITUATION))
    assert table.columnWidth(Column.SITUATION) < metrics.horizontalAdvance(situation)
    assert proxy.data(proxy.index(0, Column.SITUATION), Qt.ItemDataRole.ToolTipRole)


def test_the_filter_box_matches_name_and_situation(qtbot, make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    mouse_click(qtbot, window.filter_edit)
    assert focused() is window.filter_edit
    keys(qtbot, "ottol")
    assert _view_column(window, Column.NAME) == ["Ottoline Regain"]
    assert window.shown_label.text() == "Showing 1 of 6 people"
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, "ALIGNED")  # a word of "Your certifications are already aligned"
    situations = _view_column(window, Column.SITUATION)
    assert situations
    assert all("aligned" in s.casefold() for s in situations)
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, "nobody by this name")
    assert window.proxy.rowCount() == 0
    assert window.shown_label.text() == "Showing 0 of 6 people"
    key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    key(qtbot, Qt.Key.Key_Backspace)
    assert window.proxy.rowCount() == 6


def test_ctrl_o_opens_a_roster(qtbot, make_window, roster_file, seams):
    window = make_window()
    seams["answers"]["open"].append(roster_file)
    key(qtbot, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.model.rowCount() == 6


def test_ctrl_f_goes_to_the_filter_box(qtbot, make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    key(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert focused() is window.filter_edit


# -- one person's answer ---------------------------------------------------------------------


def _save_person_pdf(qtbot, monkeypatch, window: RosterWindow, target: Path) -> list[str]:
    dialog = window.person_dialog()
    assert dialog is not None
    assert dialog.isVisible()
    window.save_flow.questions = ScriptedQuestions(target)
    mouse_click(qtbot, child(dialog, QPushButton, "savePdfButton"))
    return _pdf_pages(target)


def test_enter_opens_that_person_and_their_pdf_carries_their_name(
    qtbot, monkeypatch, make_window, roster_file, tmp_path
):
    window = make_window()
    window.open_file(roster_file)
    assert focused() is window.table
    key(qtbot, Qt.Key.Key_Down)
    key(qtbot, Qt.Key.Key_Down)
    name = window.proxy.data(window.table.currentIndex().siblingAtColumn(Column.NAME))
    key(qtbot, Qt.Key.Key_Return)
    dialog = window.person_dialog()
    assert dialog is not None
    assert dialog.isVisible()
    assert dialog.objectName() == "rosterPersonDialog"
    assert name not in dialog.windowTitle()
    person = next(p for p in window.model.people() if p.name == name)
    assert dialog.view.assessment() == person.assessment
    assert dialog.person_heading.text() == f"Row {person.row}: {name}"
    # The keyboard starts on whose answer this is (once the window manager activates it).
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.person_heading)
    pages = _save_person_pdf(qtbot, monkeypatch, window, tmp_path / "one.pdf")
    assert len(pages) == 1
    assert f"Name: {name}" in pages[0]
    assert f"MA certification number: {person.ma_number}" in pages[0]
    assert f"NREMT number: {person.nremt_number}" in pages[0]
    assert present(person.assessment).headline in pages[0]


def test_double_click_opens_the_person_under_the_mouse(qtbot, make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    names = _view_column(window, Column.NAME)
    for row in (3, 0):
        _double_click(qtbot, window.table.viewport(), _row_point(window, row))
        dialog = window.person_dialog()
        assert dialog is not None
        assert dialog.isVisible()
        assert dialog.details().name == names[row]
        assert names[row] in dialog.person_heading.text()
    # One person's window at a time: the second replaced the first.
    dialogs = [w for w in QApplication.topLevelWidgets() if w.objectName() == "rosterPersonDialog"]
    assert [d for d in dialogs if d.isVisible()] == [window.person_dialog()]


def test_a_name_with_markup_stays_text(qtbot, make_window, tmp_path):
    window = make_window()
    header = ",".join(TEMPLATE_HEADERS)
    path = _write(
        tmp_path / "m.csv", f"{header}\n<b>Bold</b> <i>Name</i>,1,03/31/2026,,03/31/2027,\n"
    )
    window.open_file(path)
    assert window.proxy.data(window.proxy.index(0, Column.NAME)) == "<b>Bold</b> <i>Name</i>"
    key(qtbot, Qt.Key.Key_Return)
    heading = window.person_dialog().person_heading
    assert heading.textFormat() == Qt.TextFormat.PlainText
    assert heading.text() == "Row 2: <b>Bold</b> <i>Name</i>"


# -- rows that need fixing ---------------------------------------------------------------------


def test_problem_rows_are_listed_with_row_name_column_cell_and_what_is_wrong(
    qtbot, make_window, roster_file
):
    window = make_window()
    window.open_file(roster_file)
    table = window.problems_table
    assert table.isVisible()
    assert window.problems_heading.text() == "Rows that need fixing (1)"
    model = table.model()
    assert model.rowCount() == 1
    row = [model.data(model.index(0, column)) for column in range(5)]
    assert row[:4] == ["8", "Florentyna Broken", "MA expiration", "31/03/2026"]
    assert "There is no month 31" in row[4]
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert header == ["Row", "Name", "Column", "Cell", "What is wrong"]
    # Tab from the people table reaches it; the selected problem is spelled out below.
    window.table.setFocus()
    key(qtbot, Qt.Key.Key_Tab)
    assert focused() is table
    key(qtbot, Qt.Key.Key_Down)
    assert window.problem_detail.text().startswith(
        "Row 8 (Florentyna Broken), MA expiration: MA expiration"
    )


def test_a_roster_without_problems_says_so(make_window, tmp_path):
    window = make_window()
    header = ",".join(TEMPLATE_HEADERS)
    window.open_file(_write(tmp_path / "ok.csv", f"{header}\nAnn,1,03/31/2026,,03/31/2027,\n"))
    assert window.problems_heading.text() == "Every row was assessed: none needs fixing."
    assert not window.problems_table.isVisible()


# -- what the officer takes away ----------------------------------------------------------------


def test_checklists_for_everyone_one_page_each_with_names_and_due_dates(
    qtbot, make_window, roster_file, seams, tmp_path
):
    window = make_window()
    window.open_file(roster_file)
    target = tmp_path / "everyone.pdf"
    seams["answers"]["save"].append(target)
    mouse_click(qtbot, child(window, QPushButton, "checklistsButton"))
    assert seams["errors"] == []
    assert seams["saved"] == [f"The checklists (6 pages) were saved as {target}."]
    pages = _pdf_pages(target)
    people = window.model.people()
    assert len(pages) == len(people) == 6
    for page, person in zip(pages, people, strict=True):
        assert f"Name: {person.name}" in page
        assert f"MA certification number: {person.ma_number}" in page
        for step in person.assessment.steps:
            if step.due is not None:
                assert long_date(step.due) in page
    assert "Florentyna" not in " ".join(pages)  # the row that needs fixing has no page
    assert window.status_label.text() == seams["saved"][0]


def test_summary_pdf_page_one(qtbot, make_window, roster_file, seams, tmp_path):
    window = make_window()
    window.open_file(roster_file)
    target = tmp_path / "summary"  # no suffix typed: .pdf is added
    seams["answers"]["save"].append(target)
    mouse_click(qtbot, child(window, QPushButton, "saveSummaryButton"))
    saved = tmp_path / "summary.pdf"
    first = _pdf_pages(saved)[0]
    result = window.result()
    assert "Roster: OEMS and NREMT alignment" in first
    assert f"Advice as of {long_date(AS_OF)}" in first
    assert summary_line(result) in first
    assert "Page 1 of" in first
    for line in table_rows(result):
        assert line.name in first
    assert "Rows that need fixing" in first
    assert "There is no month 31" in first
    suggested = seams["save_titles"][0][1]
    assert suggested == tmp_path / f"roster-summary-{AS_OF.isoformat()}.pdf"


def test_csv_export(qtbot, make_window, roster_file, seams, tmp_path):
    window = make_window()
    window.open_file(roster_file)
    target = tmp_path / "results.csv"
    seams["answers"]["save"].append(target)
    mouse_click(qtbot, child(window, QPushButton, "exportCsvButton"))
    rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8-sig"))))
    assert rows[0][: 1 + len(TEMPLATE_HEADERS)] == ["Row", *TEMPLATE_HEADERS]
    assert [r[1] for r in rows[1:]] == [
        "Florentyna Broken",
        *(line.name for line in window.model.lines()),
    ]
    assert "There is no month 31" in rows[1][-1]


def test_blank_template_as_csv_or_xlsx_and_never_replaced_unasked(
    qtbot, make_window, seams, tmp_path
):
    window = make_window()  # no roster needed
    button = child(window, QPushButton, "templateButton")
    seams["answers"]["save"] += [tmp_path / "blank.csv", tmp_path / "blank.xlsx"]
    mouse_click(qtbot, button)
    mouse_click(qtbot, button)
    assert (tmp_path / "blank.csv").read_text(encoding="utf-8") == ",".join(TEMPLATE_HEADERS) + "\n"
    assert read_roster(tmp_path / "blank.xlsx").rows == ()
    # Asked again for blank.csv: "Replace it?" is answered no, then the officer cancels.
    (tmp_path / "blank.csv").write_text("mine", encoding="utf-8")
    seams["answers"]["save"].append(tmp_path / "blank.csv")
    mouse_click(qtbot, button)
    assert seams["overwrite"] == [tmp_path / "blank.csv"]
    assert (tmp_path / "blank.csv").read_text(encoding="utf-8") == "mine"


def test_print_the_summary_is_one_job(qtbot, make_window, flow, roster_file, seams, tmp_path):
    window = make_window()
    window.open_file(roster_file)
    printed = tmp_path / "printed.pdf"
    flow.printers = lambda: ["a printer"]

    def ask_print(parent, printer, title):
        # As if the officer chose a printer that writes a file: the job can be read back.
        from PySide6.QtPrintSupport import QPrinter

        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    flow.questions.print_options = ask_print
    mouse_click(qtbot, child(window, QPushButton, "printSummaryButton"))
    pages = _pdf_pages(printed)
    assert "Page 1 of 1" in pages[0]
    assert all(name in pages[0] for name in NAMES[:-1])
    assert window.status_label.text() == "Sent 1 page to the printer."


def test_no_printer_offers_the_pdf(qtbot, make_window, roster_file, seams, tmp_path):
    window = make_window()
    window.open_file(roster_file)
    seams["answers"]["save"].append(tmp_path / "instead.pdf")
    mouse_click(qtbot, child(window, QPushButton, "printSummaryButton"))
    assert seams["pdf_instead"] == ["the roster summary"]
    assert _pdf_pages(tmp_path / "instead.pdf")[0].startswith("Roster: OEMS and NREMT alignment")


# -- cancelling, and Start over in the middle --------------------------------------------------


class _Later(QObject):
    """Runs a function from the event loop (a queued call: as a person's click arrives)."""

    def __init__(self, function: Callable[[], object]) -> None:
        super().__init__()
        self.function = function

    @Slot()
    def run(self) -> None:
        self.function()


class _WhenProgress(QObject):
    """Once a progress dialog's bar reaches ``at``, does ``act(dialog)`` (from the loop)."""

    def __init__(self, at: int, act: Callable[[QProgressDialog], object]) -> None:
        super().__init__()
        self.at, self.act = at, act
        self.shown: list[QProgressDialog] = []
        self.values: list[int] = []
        self._later: _Later | None = None

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        showing = event.type() == QEvent.Type.Show and isinstance(watched, QProgressDialog)
        if showing and watched not in self.shown:
            self.shown.append(watched)
            bar = watched.findChild(QProgressBar)
            bar.valueChanged.connect(lambda value: self._value(watched, value))
        return False

    def _value(self, dialog: QProgressDialog, value: int) -> None:
        self.values.append(value)
        if value >= self.at and self._later is None:
            self._later = _Later(lambda: self.act(dialog))
            QMetaObject.invokeMethod(self._later, "run", Qt.ConnectionType.QueuedConnection)


@pytest.fixture
def when_progress(
    qapp,
) -> Iterator[Callable[[int, Callable[[QProgressDialog], object]], _WhenProgress]]:
    installed: list[_WhenProgress] = []

    def install(at: int, act: Callable[[QProgressDialog], object]) -> _WhenProgress:
        watcher = _WhenProgress(at, act)
        qapp.installEventFilter(watcher)
        installed.append(watcher)
        return watcher

    yield install
    for watcher in installed:
        qapp.removeEventFilter(watcher)


def _bigger_roster(tmp_path: Path, count: int) -> Path:
    return generated_csv(tmp_path / "bigger.csv", generate(count, as_of=AS_OF))


def test_cancel_half_way_leaves_no_file(qtbot, make_window, seams, tmp_path, when_progress):
    window = make_window()
    window.open_file(_bigger_roster(tmp_path, 24))
    target = tmp_path / "everyone.pdf"
    seams["answers"]["save"].append(target)

    def press_cancel(dialog: QProgressDialog) -> None:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)

    watcher = when_progress(8, press_cancel)
    mouse_click(qtbot, child(window, QPushButton, "checklistsButton"))
    assert len(watcher.shown) == 1
    assert 8 <= max(watcher.values) < 24  # stopped part of the way
    assert not target.exists()
    assert list(tmp_path.glob("*.pdf*")) == []  # no temporary file either
    assert seams["saved"] == []
    assert seams["errors"] == []
    assert window.status_label.text() == "Cancelled: nothing was saved."
    assert not shiboken6.isValid(watcher.shown[0])  # closed and deleted at once


def test_idle_reset_during_a_save_leaves_no_file_and_forgets(
    qtbot, make_wizard, flow, seams, tmp_path, when_progress
):
    wizard = make_wizard(today=AS_OF, save_flow=flow)
    wizard.open_roster(_bigger_roster(tmp_path, 24))
    window = wizard.roster_window
    qtbot.addWidget(window)
    activate(qtbot, window)
    target = tmp_path / "everyone.pdf"
    seams["answers"]["save"].append(target)
    when_progress(4, lambda dialog: wizard.idle.timed_out.emit())
    mouse_click(qtbot, child(window, QPushButton, "checklistsButton"))
    assert not target.exists()
    assert list(tmp_path.glob("*.pdf*")) == []
    assert seams["saved"] == []
    assert seams["errors"] == []
    assert not window.isVisible()
    assert window.model.rowCount() == 0
    assert window.result() is None


@pytest.mark.parametrize("button", ["openRosterButton", "checklistsButton"])
def test_the_idle_reset_closes_the_real_file_dialog_and_nothing_is_opened_or_saved(
    qtbot, make_wizard, flow, roster_file, tmp_path, button
):
    wizard = make_wizard(today=AS_OF, save_flow=flow)
    wizard.open_roster(roster_file)
    window = wizard.roster_window
    qtbot.addWidget(window)
    activate(qtbot, window)
    seen: list[str] = []

    def reset_when_the_dialog_shows() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, QFileDialog):
            seen.append(dialog.windowTitle())
            wizard.idle.timed_out.emit()
        else:
            QTimer.singleShot(20, reset_when_the_dialog_shows)

    QTimer.singleShot(20, reset_when_the_dialog_shows)
    mouse_click(qtbot, child(window, QPushButton, button))
    assert len(seen) == 1
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog)]
    assert not window.isVisible()
    assert window.model.rowCount() == 0
    assert [path.name for path in tmp_path.iterdir()] == ["crew.csv"]


# -- Start over, the idle reset, and the wizard's door -------------------------------------------


@pytest.mark.parametrize("how", ["start_over", "ctrl_n", "idle"])
def test_start_over_and_idle_reset_close_the_window_and_forget_everything(
    qtbot, make_wizard, roster_file, how
):
    wizard = make_wizard(today=AS_OF)
    wizard.open_roster(roster_file)
    window = wizard.roster_window
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert window.isVisible()
    assert window.model.rowCount() == 6
    key(qtbot, Qt.Key.Key_Return)  # open the first person
    dialog = window.person_dialog()
    assert dialog is not None
    assert dialog.isVisible()
    key(qtbot, Qt.Key.Key_Escape)  # back to the table
    activate(qtbot, window)
    window.filter_edit.setFocus()
    keys(qtbot, "Quen")
    assert NAMES[0] in _shown_texts(window)
    if how == "start_over":
        wizard.start_over()
    elif how == "ctrl_n":
        activate(qtbot, wizard)
        key(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    else:
        wizard.idle.timed_out.emit()
    assert not window.isVisible()
    assert window.model.rowCount() == 0
    assert window.problems_model.rowCount() == 0
    assert window.result() is None
    assert window.person_dialog() is None
    assert window.filter_edit.text() == ""
    assert list(window.private_text()) == []
    shown = _shown_texts(window)
    for top in QApplication.topLevelWidgets():
        shown += _shown_texts(top)
    for name in NAMES:
        assert name not in shown
    assert "crew.csv" not in shown
    # Opening the window again starts empty.
    wizard.open_roster()
    assert window.isVisible()
    assert window.empty_label.isVisible()
    assert not window.table.isVisible()


def test_closing_the_window_forgets_the_roster(qtbot, make_window, roster_file):
    window = make_window()
    window.open_file(roster_file)
    key(qtbot, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert window.model.rowCount() == 0
    assert window.result() is None


def test_the_welcome_page_button_opens_it_by_tab_and_space(qtbot, make_wizard):
    wizard = make_wizard(today=AS_OF)
    activate(qtbot, wizard)
    button = child(wizard, QPushButton, "rosterButton")
    tab_to(qtbot, button)
    key(qtbot, Qt.Key.Key_Space)
    window = wizard.roster_window
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    assert window.isVisible()
    assert window.objectName() == "rosterWindow"
    # The wizard's three questions are unchanged: still on the first page.
    assert wizard.currentId() == 0


# -- accessibility ------------------------------------------------------------------------------


def test_every_focusable_control_has_a_distinct_name_and_tab_follows_the_page(
    qtbot, make_window, roster_file
):
    window = make_window()
    window.open_file(roster_file)
    stops = []
    window.open_button.setFocus()
    for _ in range(40):
        widget = focused()
        if stops and widget is stops[0]:
            break
        stops.append(widget)
        key(qtbot, Qt.Key.Key_Tab)
    names = [
        w.accessibleName() or (w.text().replace("&", "") if hasattr(w, "text") else "")
        for w in stops
    ]
    assert all(names), list(zip([w.objectName() for w in stops], names, strict=True))
    assert len(set(names)) == len(names), names
    assert all(w.isVisible() for w in stops)
    order = [w.objectName() for w in stops]
    expected = [
        "openRosterButton", "templateButton", "rosterSummaryLabel", "countsLabel",
        "filterEdit", "rosterTable", "problemsTable", "printSummaryButton",
        "saveSummaryButton", "checklistsButton", "exportCsvButton", "closeRosterButton",
    ]  # fmt: skip
    assert [name for name in order if name in expected] == expected
    # Top to bottom on screen, as the Tab order goes.
    ys = [w.mapTo(window, w.rect().topLeft()).y() for w in stops]
    assert ys == sorted(ys)


# -- the command line's way in, and the wizard's start-up ----------------------------------------

STARTUP = textwrap.dedent(
    """
    import sys
    from certalign_gui import app
    from certalign_gui.gui.roster import window as roster_window

    opened = roster_window.RosterWindow.open_file

    def open_file(self, path):
        done = opened(self, path)
        print("OPENED", done, self.model.rowCount(), self.isVisible(), self.objectName())
        return done

    roster_window.RosterWindow.open_file = open_file
    sys.exit(app.main(sys.argv[1:]))
    """
)


def test_certalign_gui_roster_file_opens_it_at_start(roster_file):
    result = run_python(
        STARTUP, "--roster", str(roster_file), "--exit-after-startup", "--today", "2025-10-01"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["OPENED True 6 True rosterWindow"]


SHOWN = textwrap.dedent(
    """
    import sys
    from certalign_gui import app
    from certalign_gui.gui.roster import window as roster_window

    shown = roster_window.RosterWindow.showEvent

    def show_event(self, event):
        print("SHOWN", self.model.rowCount(), self.objectName())
        shown(self, event)

    def open_file(self, path):
        print("OPENED", path)

    roster_window.RosterWindow.showEvent = show_event
    roster_window.RosterWindow.open_file = open_file
    sys.exit(app.main(sys.argv[1:]))
    """
)


def test_certalign_gui_roster_without_a_file_opens_the_empty_roster_window():
    # What the Windows Start menu's "Certalign crew roster" entry starts.
    result = run_python(SHOWN, "--roster", "--exit-after-startup", "--today", "2025-10-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["SHOWN 0 rosterWindow"]


def test_certalign_gui_without_roster_shows_no_roster_window():
    result = run_python(SHOWN, "--exit-after-startup", "--today", "2025-10-01")
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""


UNLOADED = textwrap.dedent(
    """
    import sys
    from certalign_gui import app
    status = app.main(["--exit-after-startup"])
    loaded = sorted(
        name for name in sys.modules
        if name.startswith(("certalign_gui.roster", "certalign_gui.gui.roster", "python_calamine",
                            "openpyxl"))
    )
    print("LOADED", loaded)
    sys.exit(status)
    """
)


def test_the_wizard_start_up_loads_nothing_of_the_roster():
    result = run_python(UNLOADED)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "LOADED []"


# -- a big roster: every answer is assess()'s own -------------------------------------------------


def test_5000_rows_every_answer_in_the_model_is_assess_for_that_row(make_window, policy, tmp_path):
    people = generate(5000, as_of=AS_OF)
    path = generated_csv(tmp_path / "big.csv", people)
    window = make_window()
    assert window.open_file(path)
    assert window.model.rowCount() == 5000
    assert window.proxy.rowCount() == 5000
    assert window.problems_model.rowCount() == 0
    by_row = {person.row: person for person in window.model.people()}
    assert set(by_row) == set(range(2, 5002))
    for number, generated in enumerate(people, start=2):
        person = by_row[number]
        expected = assess(generated.situation(AS_OF), policy)
        assert person.assessment == expected, number
        assert (person.name, person.ma_number, person.nremt_number) == (
            generated.name,
            generated.ma_number,
            generated.nremt_number,
        )
    # What the table shows is that answer, in words.
    proxy = window.proxy
    for row in range(0, 5000, 97):
        number = int(proxy.data(proxy.index(row, Column.ROW)))
        expected = assess(people[number - 2].situation(AS_OF), policy)
        assert proxy.data(proxy.index(row, Column.SITUATION)) == present(expected).headline
        assert proxy.data(proxy.index(row, Column.CAN_STAFF)) == (
            "Yes" if expected.can_staff_ambulance else "No"
        )
