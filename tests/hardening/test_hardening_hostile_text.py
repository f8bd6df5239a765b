"""Typed markup stays text: on screen, on the printed page, and it never loads anything."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from hardening_helpers import TEXT_FIELDS, TODAY, child, click_next, to_details_page, type_details
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTextBrowser,
    QTextEdit,
    QWidget,
)
from scripted_questions import ScriptedQuestions

from certalign_gui.app import build_wizard, printing
from certalign_gui.checklist import document
from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow
from certalign_gui.gui.shell.session import detached
from certalign_gui.gui.wizard import take_home
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId

PAYLOADS = {
    # A local file as a picture: rendered as HTML, Qt would read it.
    "img": "<img src=file:///etc/passwd>",
    # A script link.
    "link": "<a href=javascript:alert(1)>x</a>",
    # Harmless-looking markup: rendered, it would show "bold" in bold.
    "bold": "<b>bold</b>",
}
#: What gives markup away when it was rendered instead of shown.
MARKERS = ("<img", "<a href", "<b>", "passwd", "javascript", "bold")

#: The day the tests print or save on (the page says "Printed on" this day).
PRINTED = date(2026, 12, 2)


@pytest.fixture
def wizard(qtbot, policy) -> AlignmentWizard:
    window = build_wizard(policy, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def documents(monkeypatch) -> list:
    """Every checklist document made while the test runs (to see what it tried to load)."""
    made = []
    real = document.checklist_document

    def recording(*args, **kwargs):
        made.append(real(*args, **kwargs))
        return made[-1]

    monkeypatch.setattr(document, "checklist_document", recording)
    return made


def _showing_text(widget: QWidget) -> str:
    if isinstance(widget, QLabel):
        return widget.text()
    if isinstance(widget, (QTextBrowser, QTextEdit)):
        return widget.toPlainText()
    return ""


def assert_shown_literally(typed: dict[str, str]) -> None:
    """Every label or text view in every window that shows typed text shows it as text."""
    for window in QApplication.topLevelWidgets():
        for widget in window.findChildren(QWidget):
            shown = _showing_text(widget)
            if not any(marker in shown for marker in MARKERS):
                continue
            if isinstance(widget, QLabel):
                assert widget.textFormat() == Qt.TextFormat.PlainText, shown
            else:
                assert isinstance(widget, (QTextBrowser, QTextEdit))
                # A text view that received HTML would have turned "<b>" into formatting.
                assert any(value in widget.toPlainText() for value in typed.values()), shown
        assert not any(marker in window.windowTitle() for marker in MARKERS)


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(page.extract_text() for page in reader.pages)


@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_typed_markup_is_shown_and_printed_as_text_and_loads_nothing(
    qtbot, wizard, monkeypatch, tmp_path, documents, url_recorder, payload
):
    to_details_page(qtbot, wizard)
    type_details(qtbot, wizard, dict.fromkeys(TEXT_FIELDS, payload))
    # The number fields keep their first 24 characters: what is shown is what they hold.
    typed = {name: child(wizard, QLineEdit, name).text() for name in TEXT_FIELDS}
    assert typed["nameEdit"] == payload
    assert all(payload.startswith(value) for value in typed.values())
    assert_shown_literally(typed)
    click_next(qtbot, wizard)
    assert wizard.currentId() == PageId.RESULTS
    assert_shown_literally(typed)

    target = tmp_path / "checklist.pdf"
    questions = ScriptedQuestions(target)
    wizard.save_flow.questions = questions
    child(wizard, QAbstractButton, "savePdfButton").click()
    assert questions.errors == []

    # The saved PDF is typeset by typst from data (never markup): the values print as typed.
    assert documents == []
    printed = " ".join(_pdf_text(target).split())
    for value in typed.values():
        assert value in printed, f"{value!r} not printed literally"
    # The printed page (Print and its preview) is a Qt document of the same answer and details.
    page = document.checklist_document(wizard.assessment(), wizard.details(), printed_on=PRINTED)
    page.setTextWidth(700)
    page.size()
    assert page.refused == []  # nothing was asked for beyond the document's own QR codes
    page_text = page.toPlainText()
    for value in typed.values():
        assert value in page_text
    assert url_recorder.urls == []  # and nothing was opened


def test_typed_markup_in_the_print_html_is_escaped():
    from certalign_gui.checklist.details import Details
    from certalign_gui.checklist.html import checklist_html
    from certalign_gui.rules import Situation, assess

    assessment = assess(
        Situation(ma_expiration="2025-03-31", nremt_expiration="2026-03-31", as_of=TODAY)
    )
    html = checklist_html(
        assessment,
        Details(name=PAYLOADS["img"], ma_number=PAYLOADS["link"], nremt_number=PAYLOADS["bold"]),
        printed_on=TODAY,
    )
    for payload in PAYLOADS.values():
        assert payload not in html
    assert "&lt;img src=file:///etc/passwd&gt;" in html
    assert "javascript:alert(1)&gt;x&lt;/a&gt;" in html


def test_a_file_name_with_markup_is_shown_as_text_in_every_message(qtbot, monkeypatch, tmp_path):
    """The save dialog is the other place text is typed: its name comes back in messages."""
    from certalign_gui.checklist.details import Details
    from certalign_gui.rules import Situation, assess

    assessment = assess(
        Situation(ma_expiration="2025-03-31", nremt_expiration="2026-03-31", as_of=TODAY)
    )
    parent = QWidget()
    qtbot.addWidget(parent)
    shown: list[tuple[Qt.TextFormat, str]] = []

    def fake_exec(box: QMessageBox) -> int:
        shown.append((box.textFormat(), box.text()))
        return 0  # as if closed: "Choose another name" for the overwrite question

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    existing = tmp_path / "<img src=x>.pdf"
    existing.write_bytes(b"old")
    folder = tmp_path / "<b>folder</b>.pdf".replace("/", "")
    folder.mkdir()
    new = tmp_path / "<a href=javascript:alert(1)>x.pdf"
    answers = [existing, folder, new]
    # Qt's real message boxes (their text format is the point), a scripted file dialog.
    questions = DialogQuestions(printing=printing)
    questions.save_path = lambda *args: answers.pop(0) if answers else None
    flow = SaveFlow(questions, printers=list)
    take_home.save_pdf(parent, assessment, Details(), today=PRINTED, token=detached(), flow=flow)
    # The overwrite question, the "is a folder" message, the "saved" message.
    assert [text.split("\n")[0] for _format, text in shown] == [
        f"{existing.name} already exists in {tmp_path}.",
        f"{folder} is a folder. Type a file name, such as "
        f"alignment-checklist-{PRINTED.isoformat()}.pdf.",
        f"The checklist was saved as {new}.",
    ]
    assert all(text_format == Qt.TextFormat.PlainText for text_format, _text in shown)
    assert existing.read_bytes() == b"old"
    assert new.read_bytes().startswith(b"%PDF-")
