"""The drawn PDF, read back with pypdf: one page, the right paper, every fact as text."""

from __future__ import annotations

import pytest
from checklist_cases import (
    INJECTION_DETAILS,
    INJECTION_NAME,
    PRINTED,
    SITUATIONS,
    assessment_for,
)
from PySide6.QtCore import QUrl
from PySide6.QtGui import QFont, QImage, QPainter, QTextDocument

from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import (
    checklist_document,
    page_size_points,
    print_font,
)
from certalign_gui.checklist.html import qr_links
from certalign_gui.checklist.qr import qr_png
from certalign_gui.checklist.sealed import SealedDocument
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date

CASES = sorted(SITUATIONS)
#: Every realistic page fits at full size; only the made-up worst case (four warnings)
#: may shrink, and then only a little.
LONGEST = "projected_many_warnings"
MIN_SCALE = 0.9


@pytest.mark.parametrize("page_size", ["letter", "a4"])
@pytest.mark.parametrize("case", CASES)
def test_every_case_is_one_page_at_full_size(rendered, case, page_size):
    pdf = rendered(case, page_size)
    assert len(pdf.reader.pages) == 1
    if case == LONGEST:
        assert pdf.result.scale >= MIN_SCALE
    else:
        assert pdf.result.scale == 1.0
    assert pdf.result.content_height <= pdf.result.page_height


@pytest.mark.parametrize("case", CASES)
def test_text_holds_each_step_due_date_fee_and_url(rendered, case):
    assessment = assessment_for(case)
    pdf = rendered(case)
    assert pdf.text.strip(), "no text: are fonts installed (fonts-dejavu-core)?"
    for step, said in zip(assessment.steps, present(assessment).steps, strict=True):
        assert said.title in pdf.text
        if step.due is not None:
            assert f"Due by {long_date(step.due)}" in pdf.text
    if assessment.fee is not None:
        assert f"${assessment.fee.amount}" in pdf.text
    for _name, label, url in qr_links(assessment):
        assert label in pdf.text
        assert url in pdf.squashed
    assert "Printed on December 2, 2026" in pdf.text
    assert f"Advice as of {long_date(assessment.situation.as_of)}" in pdf.text
    assert "This is guidance, not a certification decision" in pdf.text


@pytest.mark.parametrize("case", CASES)
def test_the_timeline_is_drawn_with_every_deadline_as_text(rendered, case):
    pdf = rendered(case)
    assert "Key dates" in pdf.text
    for row in present(assessment_for(case)).key_dates:
        assert long_date(row.day) in pdf.text
        assert "".join(row.label.split()) in pdf.squashed
    # On paper the advice date is never "Today": the page is read later.
    assert "Advice date" in pdf.text


def test_letter_by_default_and_a4_when_asked(rendered):
    letter = rendered("alignment_open").reader.pages[0].mediabox
    a4 = rendered("alignment_open", "a4").reader.pages[0].mediabox
    assert (round(float(letter.width)), round(float(letter.height))) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    assert page_size_points("letter").toSize().width() == 612


def test_words_extract_as_typed_without_ligatures(rendered):
    text = rendered("outside_guidance_never").text
    assert "certification" in text
    assert "office" in rendered("alignment_open").squashed  # in the OEMS address
    assert "\ufb01" not in text
    assert "\ufb03" not in text
    assert print_font().featureValue(QFont.Tag("liga")) == 0


def test_the_typed_name_prints_literally(rendered):
    pdf = rendered("alignment_open", "letter", INJECTION_DETAILS)
    # Squashed: a long name may wrap at its slashes, which adds a space to the text.
    assert "".join(INJECTION_NAME.split()) in pdf.squashed
    assert "P7654321" in pdf.text


def test_pdf_metadata_has_no_name_or_number(rendered):
    pdf = rendered("alignment_open", "letter", INJECTION_DETAILS)
    metadata = " ".join(str(value) for value in (pdf.reader.metadata or {}).values())
    assert "Printed on December 2, 2026" in metadata
    for typed in ("passwd", "P7654321", "M1234567"):
        assert typed not in metadata


def test_a_page_without_details_has_no_name_line(rendered):
    pdf = rendered("alignment_open", "letter", Details())
    assert "Name:" not in pdf.text
    assert "NREMT number" not in pdf.text


def test_the_document_never_loads_a_local_file(qapp, tmp_path):
    secret = tmp_path / "secret.png"
    secret.write_bytes(qr_png("https://www.nremt.org/").png)
    url = QUrl.fromLocalFile(str(secret))
    html = f'<p>x</p><img src="{url.toString()}">'
    # Plain Qt would read the file: that is the door this class keeps shut.
    plain = QTextDocument()
    plain.setHtml(html)
    plain.size()
    assert plain.resource(QTextDocument.ResourceType.ImageResource, url)
    sealed = SealedDocument()
    sealed.setHtml(html)
    sealed.setTextWidth(400)
    image = QImage(400, 400, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    sealed.drawContents(painter)
    painter.end()
    assert url.toString() in sealed.refused
    assert not sealed.resource(QTextDocument.ResourceType.ImageResource, url)


def test_the_checklist_document_asks_for_nothing_outside(qapp):
    document = checklist_document(
        assessment_for("alignment_open"), INJECTION_DETAILS, printed_on=PRINTED
    )
    document.setTextWidth(700)
    document.size()
    assert document.refused == []
