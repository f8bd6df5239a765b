"""The screen, the saved PDF, the printed page, the HTML and the CLI's text say the same words.

Each medium is read back as a person would get it (the window's labels and table, the saved
PDF's extracted text and its structure tree as a screen reader reads it, the printed page's
text, the HTML's visible text, the terminal's output) and must contain every sentence of
`present()`, and say none of the cautions twice. The saved PDF's reading order is the
screen's, top to bottom.
"""

from __future__ import annotations

import html
import io
import re
from datetime import date

import pypdf
import pytest
from pdf_tags import assert_in_order, reading_text, structure
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QLabel, QTableWidget
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui.app import take_home_actions
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import pdf_bytes, render_pdf
from certalign_gui.checklist.html import checklist_html
from certalign_gui.gui.shell.session import Session
from certalign_gui.gui.wizard.results_view import ResultsView
from certalign_gui.presentation.answer import Answer, present
from certalign_gui.presentation.plain_text import answer_text
from certalign_gui.rules import Situation, assess

#: One case per category (and a projected one with several warnings).
CASES = {
    "alignment": Situation(
        ma_expiration=date(2025, 3, 31),
        nremt_expiration=date(2026, 3, 31),
        as_of=date(2025, 1, 10),
    ),
    "projected, several warnings": Situation(
        ma_expiration=date(2027, 3, 30),
        nremt_expiration=date(2028, 3, 31),
        as_of=date(2027, 4, 2),
    ),
    "reverse": Situation(
        ma_expiration=date(2026, 3, 31),
        nremt_expiration=date(2025, 3, 31),
        as_of=date(2025, 1, 10),
    ),
    "expired NREMT": Situation(
        ma_expiration=date(2026, 3, 31), nremt_status="expired", as_of=date(2025, 6, 1)
    ),
    "not yet due": Situation(
        ma_expiration=date(2026, 3, 31),
        nremt_expiration=date(2027, 3, 31),
        as_of=date(2025, 1, 10),
    ),
    "aligned": Situation(
        ma_expiration=date(2026, 3, 31),
        nremt_expiration=date(2026, 3, 31),
        as_of=date(2025, 1, 10),
    ),
    "outside": Situation(
        ma_expiration=date(2026, 3, 31), nremt_status="never", as_of=date(2025, 1, 10)
    ),
}
#: The paper is printed on another day than the advice: it says both.
PRINTED = date(2026, 12, 2)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _squashed(text: str) -> str:
    """No white space at all: a sentence that wraps across lines reads whole again."""
    return "".join(text.split())


def sentences(answer: Answer) -> list[str]:
    """Every sentence each medium must show."""
    said = [answer.headline, answer.explanation, answer.banner, answer.fee_line]
    for step in answer.steps:
        said += [step.title, step.detail]
        if step.due:
            said.append(step.due)
    said += list(answer.cautions)
    said += [answer.source_line, answer.advice_line]
    return said


def screen_text(qtbot, assessment) -> str:
    view = ResultsView(
        lambda: Details(),
        lambda: date(2025, 1, 10),
        Session(),
        scripted_flow(ScriptedQuestions()),
        take_home_actions,
    )
    qtbot.addWidget(view)
    view.show_assessment(assessment, today=date(2025, 1, 10))
    parts = [label.text() for label in view.findChildren(QLabel) if not label.isHidden()]
    table = view.findChild(QTableWidget, "deadlinesList")
    parts += [
        table.item(row, column).text()
        for row in range(table.rowCount())
        for column in range(table.columnCount())
    ]
    return _flat("\n".join(parts))


def pdf_text(assessment) -> str:
    """The saved PDF (typst, tagged), as its text extracts."""
    data = pdf_bytes(assessment, Details(), printed_on=PRINTED)
    return _flat(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text())


def printed_text(assessment) -> str:
    """The printed page (QPainter: what Print and the print preview draw), drawn to a PDF."""
    data, _result = render_pdf(assessment, Details(), printed_on=PRINTED)
    return _flat(pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text())


def html_text(assessment) -> str:
    page = checklist_html(assessment, Details(), printed_on=PRINTED)
    return _flat(html.unescape(re.sub(r"<[^>]+>", " ", page.split("<body>", 1)[1])))


def every_medium(qtbot, assessment) -> dict[str, str]:
    """The answer as each medium gives it to a person."""
    return {
        "screen": screen_text(qtbot, assessment),
        "pdf": pdf_text(assessment),
        "printed": printed_text(assessment),
        "html": html_text(assessment),
        "cli": _flat(answer_text(assessment)),
    }


@pytest.mark.parametrize("case", sorted(CASES))
def test_every_medium_says_the_answer_in_the_same_words(qtbot, qapp, case):
    assessment = assess(CASES[case])
    answer = present(assessment)
    media = every_medium(qtbot, assessment)
    for medium, text in media.items():
        for sentence in sentences(answer):
            # The PDFs and the terminal wrap lines: compare without white space there.
            found = (
                _flat(sentence) in text
                if medium in ("screen", "html")
                else _squashed(sentence) in _squashed(text)
            )
            assert found, f"{medium} does not say: {sentence!r}"


@pytest.mark.parametrize("case", sorted(CASES))
def test_no_medium_says_a_caution_twice(qtbot, qapp, case):
    assessment = assess(CASES[case])
    answer = present(assessment)
    media = every_medium(qtbot, assessment)
    for medium, text in media.items():
        for caution in answer.cautions:
            assert _squashed(text).count(_squashed(caution)) == 1, (medium, caution)
        # The projected advice is said by its caution only: no second wording of it.
        assert _squashed(text).count(_squashed("published guidance describes")) == (
            1 if answer.projected_caution else 0
        ), medium


def test_the_key_dates_are_the_same_rows_on_screen_in_html_and_in_the_terminal(qtbot, qapp):
    assessment = assess(CASES["alignment"])
    answer = present(assessment)
    media = (screen_text(qtbot, assessment), _flat(answer_text(assessment)), html_text(assessment))
    for row in answer.key_dates:
        for text in media:
            assert row.day_text in text
            assert row.label in text
    # On the printed page the drawn timeline carries them instead (a table would say them
    # twice): its alt text stands where the rows were.
    printed = checklist_html(assessment, Details(), printed_on=PRINTED, timeline=True)
    assert 'alt="Timeline of the key dates"' in printed


def screen_in_order(qtbot, assessment) -> str:
    """The answer's words as the window lays them out, top to bottom (then left to right)."""
    view = ResultsView(
        lambda: Details(),
        lambda: date(2025, 1, 10),
        Session(),
        scripted_flow(ScriptedQuestions()),
        take_home_actions,
    )
    qtbot.addWidget(view)
    view.resize(1000, 800)
    view.show_assessment(assessment, today=date(2025, 1, 10))
    view.show()
    qtbot.waitExposed(view)
    content = view.scroll_area.widget()
    placed = [
        (label.mapTo(content, QPoint(0, 0)), label.text())
        for label in content.findChildren(QLabel)
        if label.isVisibleTo(view) and label.text()
    ]
    table = view.findChild(QTableWidget, "deadlinesList")
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            rect = table.visualRect(table.model().index(row, column))
            corner = table.viewport().mapTo(content, rect.topLeft())
            placed.append((corner, table.item(row, column).text()))
    placed.sort(key=lambda item: (item[0].y(), item[0].x()))
    return " ".join(text for _where, text in placed)


def reading_order(answer: Answer) -> list[str]:
    """The answer's sentences in the order the screen shows them (the oracle: what DESIGN.md
    and the results page say, checked against the window below)."""
    said = [answer.headline, answer.explanation, answer.banner]
    for step in answer.steps:
        said += [step.title, step.detail, *([step.due] if step.due else [])]
    said.append(answer.fee_line)
    for row in answer.key_dates:
        said += [row.day_text, row.label]
    said += [*answer.cautions, answer.source_line]
    return said


@pytest.mark.parametrize("case", sorted(CASES))
def test_the_saved_pdf_reads_in_the_screens_order(qtbot, qapp, tmp_path, case):
    assessment = assess(CASES[case])
    order = reading_order(present(assessment))
    assert_in_order(screen_in_order(qtbot, assessment), order, "screen")
    path = tmp_path / "checklist.pdf"
    path.write_bytes(pdf_bytes(assessment, Details(), printed_on=PRINTED))
    assert_in_order(reading_text(structure(path)), order, "saved PDF's structure tree")
