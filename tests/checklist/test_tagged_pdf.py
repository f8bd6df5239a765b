"""The saved checklist PDF is tagged PDF/UA-1: checked by outloud and pdfua, walked with pikepdf.

Every case of `checklist_cases` is made once (about 3 ms each once typst is warm) and read
back as a screen reader gets it: its roles, its reading order, the alternative text of its
figures, its language and its metadata.
"""

from __future__ import annotations

import io
from datetime import date

import pypdf
import pytest
from checklist_cases import FULL_DETAILS, INJECTION_DETAILS, PRINTED, SITUATIONS, assessment_for
from pdf_tags import (
    catalogue,
    outloud_findings,
    pdfua_findings,
    reading_text,
    squashed,
    structure,
)

from certalign_gui.checklist import tagged
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.document import pdf_bytes
from certalign_gui.checklist.html import qr_links
from certalign_gui.checklist.page_words import document_title
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.presentation.sentences import deadline_label

CASES = sorted(SITUATIONS)
#: Typed text that typst would run, were it ever pasted into markup.
TYPST_NAME = '#import "x": * ] $x$ <b> \\ #{panic()}'
#: pdfua 0.1.3's empty-heading rule crashes on pikepdf 10's arrays (its own bug, reported as
#: a skip, never a pass): outloud checks the same thing (headings have content), and so does
#: `test_headings_have_words` below.
PDFUA_KNOWN_SKIPS = {"UA-14-001"}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """``made(case, page_size="letter", details=FULL_DETAILS)`` -> (bytes, path), cached."""
    folder = tmp_path_factory.mktemp("tagged")
    cache: dict[tuple[str, str, Details], tuple[bytes, object]] = {}

    def get(case: str, page_size: str = "letter", details: Details = FULL_DETAILS):
        key = (case, page_size, details)
        if key not in cache:
            data = pdf_bytes(assessment_for(case), details, printed_on=PRINTED, page_size=page_size)
            path = folder / f"{case}-{page_size}-{len(cache)}.pdf"
            path.write_bytes(data)
            cache[key] = (data, path)
        return cache[key]

    return get


@pytest.mark.parametrize("case", CASES)
def test_outloud_and_pdfua_find_nothing(made, case):
    _data, path = made(case)
    findings = outloud_findings(path)
    assert findings == [], [(f.rule, f.severity, f.message) for f in findings]
    assert pdfua_findings(path) == []


@pytest.mark.parametrize("page_size", ["letter", "a4"])
@pytest.mark.parametrize("case", CASES)
def test_one_page_of_the_right_paper(made, case, page_size):
    data, _path = made(case, page_size)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    expected = (612, 792) if page_size == "letter" else (595, 842)
    assert (round(float(box.width)), round(float(box.height))) == expected


@pytest.mark.parametrize("case", CASES)
def test_language_title_and_marks(made, case):
    data, _path = made(case)
    info = catalogue(data)
    assert info["lang"] == "en-US"
    assert info["marked"]
    assert info["display_title"]
    assert str(info["pdfua_part"]) == "1"
    assert info["title"] == document_title(PRINTED)


def test_no_name_or_number_in_the_metadata(made):
    data, _path = made("alignment_open", "letter", INJECTION_DETAILS)
    metadata = catalogue(data)["metadata"]
    assert "Printed on December 2, 2026" in metadata
    for typed in ("passwd", "P7654321", "M1234567", "<b>x</b>"):
        assert typed not in metadata
    # ... and the page itself still shows them, as typed.
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert "P7654321" in text
    assert squashed(INJECTION_DETAILS.name) in squashed(text)


def test_fonts_are_the_shipped_dejavu_embedded(made):
    data, _path = made("projected_many_warnings")
    fonts = catalogue(data)["fonts"]
    assert fonts, "no fonts: no text"
    for font in fonts:
        assert font.endswith(" embedded"), font
        assert "DejaVuSans" in font, font


@pytest.mark.parametrize("case", CASES)
def test_roles_headings_list_table_and_figures(made, case):
    _data, path = made(case)
    answer = present(assessment_for(case))
    tags = structure(path)
    roles = [tag.role for tag in tags]
    assert roles[0] == "Document"
    assert [tag.text for tag in tags if tag.role == "H1"] == ["OEMS and NREMT alignment checklist"]
    headings = [tag.text for tag in tags if tag.role == "H2"]
    expected = [answer.headline, "What to do", "Key dates"]
    expected += ["Warnings"] if answer.cautions else []
    assert headings == [*expected, "Links"]
    # The steps: one list, an item each, a check box as its label, the step in its body.
    steps = next(i for i, tag in enumerate(tags) if tag.role == "L")
    items = [tag for tag in tags[steps + 1 :] if tag.role == "LBody"][: len(answer.steps)]
    for item, step in zip(items, answer.steps, strict=True):
        assert squashed(step.title) in squashed(item.whole)
        assert squashed(step.detail) in squashed(item.whole)
    assert next(tag.text for tag in tags if tag.role == "Lbl") == "\N{BALLOT BOX}"
    # The key dates: a table whose header cells are Date and What, a row each.
    assert [tag.text for tag in tags if tag.role == "TH"] == ["Date", "What"]
    cells = [tag.text for tag in tags if tag.role == "TD"]
    assert cells == [text for row in answer.key_dates for text in (row.day_text, row.label)]
    # Figures: the timeline and one QR code per printed link, each with words.
    figures = [tag for tag in tags if tag.role == "Figure"]
    links = qr_links(assessment_for(case))
    assert len(figures) == 1 + len(links)
    for figure in figures:
        assert figure.alt
        assert figure.alt.strip()


@pytest.mark.parametrize("case", CASES)
def test_alt_text_says_the_dates_and_the_addresses(made, case):
    _data, path = made(case)
    assessment = assessment_for(case)
    timeline, *codes = [tag.alt or "" for tag in structure(path) if tag.role == "Figure"]
    assert timeline.startswith("Timeline of the key dates.")
    assert f"Advice date: {long_date(assessment.situation.as_of)}" in timeline
    for deadline in assessment.deadlines:
        assert deadline_label(deadline) in timeline
        assert long_date(deadline.date) in timeline
    for alt, (_name, label, url) in zip(codes, qr_links(assessment), strict=True):
        assert alt == f"QR code for {label}: {url}"


def test_headings_have_words(made):
    _data, path = made("projected_many_warnings")
    for tag in structure(path):
        if tag.role in ("H1", "H2"):
            assert tag.text.strip(), tag


@pytest.mark.parametrize("case", CASES)
def test_body_text_is_12_pt_or_more_and_words_extract_as_typed(made, case):
    from outloud.model import Document

    _data, path = made(case)
    doc = Document(str(path))
    try:
        runs = doc.content(0).runs
    finally:
        doc.close()
    explanation = squashed(present(assessment_for(case)).explanation)
    sizes = {
        round(run.size, 1)
        for run in runs
        if len(squashed(run.text)) >= 20 and squashed(run.text) in explanation
    }
    assert sizes, "the explanation's text was not found"
    # Only the longest, made-up page (four warnings) is scaled down, and only a little.
    least = 12.0 * (0.9 if case == "projected_many_warnings" else 1.0)
    assert min(sizes) >= least - 0.05, sizes
    text = " ".join(run.text for run in runs)
    assert "\ufb01" not in text
    assert "\ufb03" not in text


def test_typed_text_is_never_typst_markup():
    details = Details(name=TYPST_NAME, ma_number="]", nremt_number="#x")
    data = tagged.checklist_pdf(
        assessment_for("alignment_open"), details, printed_on=date(2026, 12, 2)
    )
    text = pypdf.PdfReader(io.BytesIO(data)).pages[0].extract_text()
    assert squashed(TYPST_NAME) in squashed(text)
    assert "MA certification number: ]" in " ".join(text.split())
    assert "NREMT number: #x" in " ".join(text.split())


def test_the_screen_reader_hears_every_sentence_once_in_order(made):
    _data, path = made("projected_many_warnings")
    said = reading_text(structure(path))
    answer = present(assessment_for("projected_many_warnings"))
    for caution in answer.cautions:
        assert squashed(said).count(squashed(caution)) == 1, caution
