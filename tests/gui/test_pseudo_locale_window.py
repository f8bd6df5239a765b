"""The window in the pseudo-locale (en_XA): every word a person reads on it is wrapped ⟦…⟧,
and no control is cut short at the window's own size.

Walked: the wizard's pages (welcome with Planning ahead open, Massachusetts, NREMT with each
answer chosen, details), the answer for every category of `checklist_cases.SITUATIONS`, the
roster window with a roster open (its labels, buttons, table headers and sort choices, the
rows-to-fix table), one person's window, and the save flow's own questions (Qt's message
boxes, made and read without being shown). Then the roster's outputs: the terminal text, the
results CSV's header row and the summary PDF's text (pypdf).

What may stand outside the brackets: data, not sentences of the program (names typed in the
roster, the file's name, the policy file's titles, link labels and quoted guidance, dates and
amounts as Babel writes them, key names as Qt writes them, the program's name), and, in the
CSV, the template's column names (the file format's, which the reader recognises).
"""

from __future__ import annotations

import csv
import io
import re
from typing import ClassVar

import pytest
from gui_helpers import answer, press_next
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QGroupBox,
    QLabel,
    QMessageBox,
    QTableView,
    QWidget,
)
from qt_support import activate, child, enter_date, key

from certalign_gui.app import printing
from certalign_gui.app import roster_window as new_roster_window
from certalign_gui.gui.roster.window import RosterWindow
from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow
from certalign_gui.gui.shell.session import Session
from certalign_gui.gui.wizard.alignment_wizard import PageId
from certalign_gui.presentation import catalogue
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.roster.reader import read_roster
from certalign_gui.roster.results_export import results_csv
from certalign_gui.roster.text import format_text
from tests.checklist.checklist_cases import SITUATIONS
from tests.presentation.test_pseudo_locale import english_left

AS_OF_ROSTER = SITUATIONS["alignment_open"].as_of
ROSTER = (
    "Name,MA certification number,MA expiration,NREMT status,NREMT expiration,NREMT number\n"
    "Quentin Aligned,100001,03/31/2026,active,03/31/2026,E1\n"
    "Wilhelmina Late,100002,03/31/2025,active,03/31/2026,E2\n"
    "Ottoline Regain,100004,03/31/2026,expired,,E4\n"
    "Peregrine Never,100005,03/31/2027,never,,E5\n"
    "Florentyna Broken,100007,31/03/2026,active,03/31/2027,E7\n"
    "Inez Inactive,100008,03/31/2026,inactive,,E8\n"
)
NAMES = ("Quentin Aligned", "Wilhelmina Late", "Ottoline Regain", "Peregrine Never",
         "Florentyna Broken", "Inez Inactive")  # fmt: skip
#: Data a window may show unwrapped: the program's name, key names as Qt writes them.
_PROGRAM = re.compile(r"\bCertalign\b")
_KEYS = re.compile(r"\b(?:Ctrl|Alt|Shift|Meta|Esc|Enter|Down|Up|F\d+|PgUp|PgDown)\b")
_MNEMONIC = re.compile(r"&(?=[^&])")
OPEN, CLOSE = (
    "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}",
    "\N{MATHEMATICAL RIGHT WHITE SQUARE BRACKET}",
)


@pytest.fixture(autouse=True)
def pseudo():
    before = catalogue.language()
    catalogue.use_language("en_XA")
    yield
    catalogue.use_language(before)


def _without_data(text: str, *data: str) -> str:
    text = re.sub(r"<[^>]+>", " ", text)  # rich text: its tags are not words
    text = _MNEMONIC.sub("", text).replace("&&", "&")
    for item in sorted(data, key=len, reverse=True):
        if item:
            text = text.replace(item, " ")
    return _KEYS.sub(" ", _PROGRAM.sub(" ", text))


def shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every word the visible parts of ``window`` show or say."""
    found: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window) and widget is not window:
            continue
        where = f"{type(widget).__name__} {widget.objectName()!r}"
        found += [(f"{where} tooltip", widget.toolTip()),
                  (f"{where} accessible name", widget.accessibleName()),
                  (f"{where} accessible description", widget.accessibleDescription())]  # fmt: skip
        if isinstance(widget, QLabel | QAbstractButton):
            found.append((f"{where} text", widget.text()))
        elif isinstance(widget, QGroupBox):
            found.append((f"{where} title", widget.title()))
        elif isinstance(widget, QComboBox):
            found += [(f"{where} item", widget.itemText(i)) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        found.append((f"{where} header {column}", value))
    return [(where, text) for where, text in found if text]


def assert_all_wrapped(window: QWidget, *data: str) -> int:
    """Every text of ``window`` is wrapped (``data`` aside); returns how many were read."""
    texts = shown_texts(window)
    left = [(where, text) for where, text in texts if english_left(_without_data(text, *data))]
    assert left == [], left
    return len(texts)


def assert_nothing_clipped(window: QWidget) -> int:
    """Every visible button and label is at least as wide as it asks to be, or wraps;
    returns how many were measured."""
    clipped = []
    measured = 0
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window) or not isinstance(widget, QLabel | QAbstractButton):
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text():
            continue
        measured += 1
        if widget.width() < widget.sizeHint().width():
            clipped.append((widget.objectName(), widget.text(), widget.width(),
                            widget.sizeHint().width()))  # fmt: skip
    assert clipped == [], clipped
    return measured


def test_the_check_finds_an_unwrapped_label(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("Plain English", box)
    label.setObjectName("plain")
    with pytest.raises(AssertionError, match="Plain English"):
        assert_all_wrapped(box)
    label.setText("⟦Þláîñ⟧ Quentin Aligned, March 31, 2026")
    label.setToolTip("Plain tooltip")
    with pytest.raises(AssertionError, match="Plain tooltip"):
        assert_all_wrapped(box, "Quentin Aligned")
    label.setToolTip("⟦Þláîñ⟧ (Alt+P)")
    assert assert_all_wrapped(box, "Quentin Aligned") == 2


def test_the_welcome_page_with_planning_ahead_open_is_wrapped(qtbot, make_wizard):
    wizard = make_wizard()
    activate(qtbot, wizard)
    child(wizard, QAbstractButton, "planningAheadToggle").click()
    qtbot.waitUntil(lambda: child(wizard, QWidget, "asOfDateEdit").isVisible())
    assert assert_all_wrapped(wizard) > 20
    assert_nothing_clipped(wizard)


def test_every_wizard_page_is_wrapped_and_nothing_is_cut(qtbot, make_wizard):
    wizard = make_wizard()
    activate(qtbot, wizard)
    read = assert_all_wrapped(wizard)
    assert_nothing_clipped(wizard)
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.MA
    read += assert_all_wrapped(wizard)
    assert_nothing_clipped(wizard)
    enter_date(qtbot, wizard, "maExpirationEdit", SITUATIONS["alignment_open"].ma_expiration)
    read += assert_all_wrapped(wizard)  # the date field's "Reads as …" line
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.NREMT
    read += assert_all_wrapped(wizard)  # nothing chosen yet: "Choose one answer to go on."
    for status in ("Never", "Expired", "Active"):
        child(wizard, QAbstractButton, f"nremt{status}Radio").click()
        read += assert_all_wrapped(wizard)
        assert_nothing_clipped(wizard)
    enter_date(qtbot, wizard, "nremtExpirationEdit", SITUATIONS["alignment_open"].nremt_expiration)
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.DETAILS
    read += assert_all_wrapped(wizard)
    assert_nothing_clipped(wizard)
    assert read > 150  # every label, button, tooltip and accessible name of four pages


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_every_answer_is_wrapped_and_nothing_is_cut(qtbot, make_wizard, case):
    situation = SITUATIONS[case]
    wizard = make_wizard(today=situation.as_of)
    answer(
        qtbot,
        wizard,
        ma=situation.ma_expiration,
        status=situation.nremt_status,
        nremt=situation.nremt_expiration,
    )
    assert assert_all_wrapped(wizard) > 40
    assert assert_nothing_clipped(wizard) >= 8  # Back, Next, the answer's buttons, ...


@pytest.fixture
def roster_window(qtbot, policy, tmp_path) -> RosterWindow:
    flow = SaveFlow(
        DialogQuestions(lambda: tmp_path, printing=printing),
        documents=lambda: tmp_path,
        printers=list,
    )
    window = new_roster_window(policy, lambda: AS_OF_ROSTER, Session(), flow)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    activate(qtbot, window)
    return window


@pytest.mark.qt_log_ignore("This plugin does not support raise\\(\\)")  # the person's window
def test_the_roster_window_and_a_persons_window_are_wrapped(qtbot, roster_window, tmp_path):
    window = roster_window
    read = assert_all_wrapped(window)  # nothing open yet
    path = tmp_path / "crew.csv"
    path.write_text(ROSTER, encoding="utf-8")
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.model.rowCount() > 0)
    # The rows-to-fix table's line under it, as a person reads it after choosing a row.
    problems = child(window, QTableView, "problemsTable")
    problems.setFocus()
    key(qtbot, Qt.Key.Key_Down)
    read += assert_all_wrapped(window, *NAMES, "crew.csv", "31/03/2026", '"inactive"')
    assert_nothing_clipped(window)
    # One person's answer: Enter on the first line of the people table.
    activate(qtbot, window)
    window.table.setFocus()
    key(qtbot, Qt.Key.Key_Return)
    dialog = window.person_dialog()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    read += assert_all_wrapped(dialog, *NAMES)
    assert_nothing_clipped(dialog)
    assert read > 120


class _ReadingQuestions(DialogQuestions):
    """Qt's own boxes, made as the program makes them, read instead of shown."""

    boxes: ClassVar[list[QMessageBox]] = []

    @staticmethod
    def _exec(box: QMessageBox) -> object:
        _ReadingQuestions.boxes.append(box)
        return None


def test_the_save_flows_questions_are_wrapped(qtbot, tmp_path):
    _ReadingQuestions.boxes = []
    parent = QWidget()
    qtbot.addWidget(parent)
    questions = _ReadingQuestions(lambda: tmp_path, printing=printing)
    questions.overwrite(parent, tmp_path / "checklist.pdf")
    questions.save_pdf_instead(parent, catalogue._("the checklist"))
    questions.save_past_calendar(parent)
    assert len(_ReadingQuestions.boxes) == 3
    for box in _ReadingQuestions.boxes:
        said = [box.windowTitle(), box.text(), *(b.text() for b in box.buttons())]
        for text in said:
            text = _without_data(text, "checklist.pdf", str(tmp_path))
            assert english_left(text) == [], (box.windowTitle(), text)
        box.deleteLater()
    # The flow's own reports (a folder given as a file name, a failure) are wrapped too.
    from scripted_questions import ScriptedQuestions

    from certalign_gui.gui.shell.save_flow import SaveRequest
    from certalign_gui.gui.shell.session import detached

    (tmp_path / "folder.pdf").mkdir()
    scripted = ScriptedQuestions(tmp_path / "folder.pdf", tmp_path / "x.pdf")
    flow = SaveFlow(scripted, documents=lambda: tmp_path, printers=list)
    request = SaveRequest("t", "x.pdf", "PDF (*.pdf)", (".pdf",), "{path}")

    def broken(_path):
        raise RuntimeError("no")

    assert flow.save(parent, detached(), request, broken) is None
    assert len(scripted.errors) == 2
    for text in scripted.errors:
        text = _without_data(text, str(tmp_path / "folder.pdf"), "x.pdf")
        assert english_left(text) == [], text


@pytest.fixture
def crew(tmp_path):
    path = tmp_path / "crew.csv"
    path.write_text(ROSTER, encoding="utf-8")
    return assess_roster(read_roster(path), AS_OF_ROSTER)


def test_the_roster_text_is_wrapped(crew):
    text = format_text(crew)
    # A cell cut at the terminal table's width loses its closing bracket with its end.
    text = re.sub(f"{OPEN}[^{CLOSE}\n]*\N{HORIZONTAL ELLIPSIS}", " ", text)
    for line in text.splitlines():
        left = english_left(_without_data(line, *NAMES, "crew.csv", '"inactive"', "NAME"))
        assert left == [], line


def test_the_results_csv_headers_are_wrapped(crew):
    header = next(csv.reader(io.StringIO(results_csv(crew).decode("utf-8-sig"))))
    template = set(TEMPLATE_HEADERS)
    for text in header:
        if text not in template:
            assert english_left(text) == [], text


def test_the_summary_pdfs_own_lines_are_wrapped(crew, policy):
    from pypdf import PdfReader

    from certalign_gui.roster.pdf import summary_pdf

    reader = PdfReader(io.BytesIO(summary_pdf(crew, policy=policy)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    # The file's own column names (in the rows to fix) are data; "certalign" is the PDF's
    # creator, not a sentence.
    left = english_left(
        _without_data(text, *NAMES, *TEMPLATE_HEADERS, "crew.csv", '"inactive"', "certalign")
    )
    # The title, dates, page furniture, summary, counts, table headers and cells, the rows
    # to fix: all from the catalogue.
    assert left == [], left
    assert text.count(OPEN) > 20
