"""One description of the roster's columns (`roster/table_columns.py`), read by every medium.

Each medium is checked against the spec, not against another medium: the window's model,
the terminal's table, the results CSV and the summary PDF show the spec's headers in the
order the medium chose, and each person's cells are the spec's texts for that person.
"""

from __future__ import annotations

import ast
import csv
import io
from pathlib import Path

import pytest
from roster_files import AS_OF, HEADER, write_csv

import certalign_gui
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.reader import read_roster
from certalign_gui.roster.results_export import RESULT_HEADERS, results_csv
from certalign_gui.roster.summary import table_rows
from certalign_gui.roster.table_columns import BY_KEY, COLUMNS, CSV_RESULTS, PAPER, WINDOW
from certalign_gui.roster.text import format_text

PACKAGE = Path(certalign_gui.__file__).parent
BODY = (
    "Ann Lee,1,03/31/2026,,03/31/2027,E1\n"
    "Bo Chen,2,03/31/2026,expired,,E2\n"
    "Cy Diaz,3,03/31/2027,,03/31/2027,E3\n"
    "Di Evans,4,03/31/2025,,03/31/2026,E4\n"
)


@pytest.fixture
def result(tmp_path):
    return assess_roster(read_roster(write_csv(tmp_path / "in.csv", f"{HEADER}\n{BODY}")), AS_OF)


def test_every_column_is_described_once_and_every_medium_uses_the_description():
    keys = [column.key for column in COLUMNS]
    assert len(keys) == len(set(keys))
    for medium in (WINDOW, PAPER, CSV_RESULTS):
        assert all(BY_KEY[column.key] is column for column in medium)
    # The window and the paper show every column; the CSV has the person's own columns
    # already (the template's), so it adds the results.
    assert {c.key for c in WINDOW} == {c.key for c in PAPER} == set(keys)


def test_the_window_shows_the_spec(qtbot, result):
    from PySide6.QtCore import Qt

    from certalign_gui.gui.roster.model import RosterModel

    model = RosterModel()
    model.set_result(result)
    assert model.columnCount() == len(WINDOW)
    for place, column in enumerate(WINDOW):
        assert model.headerData(place, Qt.Orientation.Horizontal) == column.header
        assert (
            model.headerData(place, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
            == column.spoken
        )
    for row, line in enumerate(model.lines()):
        shown = [model.data(model.index(row, place)) for place in range(len(WINDOW))]
        assert shown == [column.text(line) for column in WINDOW]


def test_the_terminal_shows_the_spec_in_the_paper_s_order(result):
    lines = format_text(result).splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("Row"))
    header, *rows = lines[start : start + 1 + len(result.people)]
    assert header.split() == " ".join(column.header for column in PAPER).split()
    for text, line in zip(rows, table_rows(result), strict=True):
        # Each cell's terse text, in order (a long one cut short, with an ellipsis).
        cells = [column.terse_text(line)[:30] for column in PAPER]
        position = 0
        for cell in cells:
            found = text.find(cell, position)
            assert found >= 0, (cell, text)
            position = found + len(cell)


def test_the_csv_writes_the_spec_s_values(result):
    rows = list(csv.reader(io.StringIO(results_csv(result).decode("utf-8-sig"), newline="")))
    header = rows[0]
    assert (*(column.spoken for column in CSV_RESULTS), "Needs fixing") == RESULT_HEADERS
    assert header[-len(RESULT_HEADERS) :] == list(RESULT_HEADERS)
    by_row = {int(row[0]): row for row in rows[1:]}
    for line in table_rows(result):
        written = by_row[line.row][-len(RESULT_HEADERS) : -1]
        assert written == [str(column.cell_value(line)) for column in CSV_RESULTS]


def test_no_other_module_names_the_table_s_columns():
    # A header written out anywhere else would be a second description of the table.
    headers = {column.header for column in COLUMNS if " " in column.header}
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "table_columns.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in headers:
                found.append((str(path.relative_to(PACKAGE)), node.value))
    assert found == []


def test_the_summary_pdf_shows_the_spec_in_the_paper_s_order(result):
    import pypdf

    from certalign_gui.roster.pdf import summary_pdf

    reader = pypdf.PdfReader(io.BytesIO(summary_pdf(result, printed_on=AS_OF)))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    headers = " ".join(column.header for column in PAPER)
    assert headers in text
    after = text.index(headers) + len(headers)
    for line in table_rows(result):
        # Every cell's paper text is on the page, after the header (long ones wrap, so
        # their first word is looked for).
        for column in PAPER:
            cell = column.paper_text(line)
            if cell:
                assert cell.split()[0] in text[after:], (column.key, cell)
