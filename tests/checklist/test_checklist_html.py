"""checklist_html(): the page as a string, tested without drawing anything."""

from __future__ import annotations

import re
from datetime import date

import pytest
from checklist_cases import (
    FULL_DETAILS,
    INJECTION_DETAILS,
    INJECTION_NAME,
    PRINTED,
    SITUATIONS,
    assessment_for,
)

from certalign_gui.checklist.details import Details
from certalign_gui.checklist.html import checklist_html, qr_links
from certalign_gui.checklist.page_words import MAX_DETAIL_CHARS
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.rules import Situation, assess


def _html(case: str, details: Details | None = FULL_DETAILS, **kwargs) -> str:
    kwargs.setdefault("printed_on", PRINTED)
    return checklist_html(assessment_for(case), details, **kwargs)


def _visible(html: str) -> str:
    """The page's text, roughly as printed: tags dropped, entities decoded."""
    import html as html_module

    body = html.split("<body>", 1)[1]
    return " ".join(html_module.unescape(re.sub(r"<[^>]+>", " ", body)).split())


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_every_step_is_a_check_box_with_its_due_date_in_long_form(case):
    assessment = assessment_for(case)
    html = _html(case)
    text = _visible(html)
    assert html.count('<li class="unchecked">') == len(assessment.steps)
    for step, said in zip(assessment.steps, present(assessment).steps, strict=True):
        assert said.title in text
        if step.due is not None:
            assert f"Due by {long_date(step.due)}" in text
        if step.link:
            assert f"Where: {assessment.policy.links[step.link].label}." in text


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_page_is_dated_and_names_its_source_and_who_to_ask(case):
    assessment = assessment_for(case)
    text = _visible(_html(case))
    assert "Printed on December 2, 2026" in text
    assert f"Advice as of {long_date(assessment.situation.as_of)}" in text
    assert (
        "Source: Massachusetts OEMS \N{EM DASH} One-Year Alignment with NREMT, checked "
        f"{long_date(assessment.policy.last_checked)}. This is guidance, not a certification "
        "decision: confirm at mass.gov." in text
    )
    assert "Who to ask: OEMS" in text
    assert "eLicensing support" in text
    said = present(assessment)
    assert said.headline in text
    assert said.explanation in text
    assert said.banner in text


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_fee_warnings_and_links_come_from_the_assessment(case):
    assessment = assessment_for(case)
    text = _visible(_html(case))
    if assessment.fee is not None:
        assert f"Alignment fee: ${assessment.fee.amount}" in text
    else:
        assert words.NO_FEE in text
    for warning in present(assessment).cautions:
        assert warning in text
    for _name, label, url in qr_links(assessment):
        assert label in text
        assert url in text


def test_projected_advice_carries_the_caution():
    text = _visible(_html("projected_late"))
    assert "The published guidance describes the 2025 cycle" in text
    assert "confirm the fee and dates in eLicensing" in text
    assert "published guidance describes" not in _visible(_html("alignment_open"))


def test_the_fee_is_the_assessments_text_exactly():
    assert "Alignment fee: $62.50, paid in eLicensing" in _visible(_html("alignment_open"))


def test_deadlines_appear_as_a_table_when_there_is_no_timeline():
    answer = present(assessment_for("alignment_open"))
    text = _visible(_html("alignment_open", timeline=False))
    for row in answer.key_dates:
        assert f"{long_date(row.day)} {row.label}" in text


def test_with_the_timeline_the_page_holds_its_placeholder_instead_of_the_table():
    html = _html("alignment_open", timeline=True)
    assert 'src="certalign-timeline.png"' in html
    assert "Recommended: finish the alignment" not in _visible(html)


def test_qr_pictures_can_be_left_out():
    assert "certalign-qr-" in _html("alignment_open")
    html = _html("alignment_open", qr_images=False)
    assert "certalign-qr-" not in html
    assert "https://www.nremt.org/" in html


def test_typed_markup_is_printed_literally_and_never_becomes_a_tag():
    html = _html("alignment_open", INJECTION_DETAILS)
    assert INJECTION_NAME not in html
    assert "&lt;b&gt;x&lt;/b&gt;&lt;img src=file:///etc/passwd&gt;" in html
    assert "file:///etc/passwd>" not in html
    assert INJECTION_NAME in _visible(html)
    # The only pictures are ours.
    assert set(re.findall(r'<img src="([^"]+)"', html)) <= {
        f"certalign-qr-{name}.png" for name in ("elicensing", "nremt", "oems", "verification")
    }


def test_quotes_and_ampersands_in_details_are_escaped():
    html = _html("alignment_open", Details(name='O\'Brien "Bo" & Co', ma_number="E1"))
    assert "O&#x27;Brien &quot;Bo&quot; &amp; Co" in html


def test_details_are_printed_only_when_typed():
    assert "Name:" not in _visible(_html("alignment_open", None))
    assert "Name:" not in _visible(_html("alignment_open", Details(name="   ")))
    text = _visible(_html("alignment_open", Details(nremt_number="E1234567")))
    assert "NREMT number: E1234567" in text
    assert "Name:" not in text
    assert "MA certification number" not in text


def test_a_very_long_name_is_cut_with_an_ellipsis():
    text = _visible(_html("alignment_open", Details(name="A" * 500)))
    assert "A" * (MAX_DETAIL_CHARS - 1) + "\N{HORIZONTAL ELLIPSIS}" in text
    assert "A" * MAX_DETAIL_CHARS not in text


def test_font_sizes_are_in_points_and_body_text_is_at_least_12_pt():
    html = _html("alignment_open")
    sizes = re.findall(r"font-size:\s*([0-9.]+)(\w+)", html)
    assert sizes
    assert {unit for _size, unit in sizes} == {"pt"}
    style = html.split("<style>", 1)[1].split("</style>", 1)[0]
    assert re.search(r"body \{ font-size: 12pt;", style)
    assert re.search(r"h1 \{ font-size: 18pt;", style)
    assert re.search(r"h2 \{ font-size: 16pt;", style)


def test_a_page_printed_on_its_advice_date_says_the_date_once():
    assessment = assessment_for("alignment_open")
    text = _visible(checklist_html(assessment, None, printed_on=assessment.situation.as_of))
    assert "Printed on January 10, 2025" in text
    assert "Advice as of" not in text


def test_planning_ahead_prints_todays_date_and_the_chosen_advice_date_each_labelled():
    planned = assess(
        Situation(
            ma_expiration=date(2027, 3, 31),
            nremt_expiration=date(2028, 3, 31),
            as_of=date(2027, 1, 10),
        )
    )
    text = _visible(checklist_html(planned, None, printed_on=PRINTED))
    assert "Printed on December 2, 2026" in text
    assert "Advice as of January 10, 2027" in text
    assert "Prepared on" not in text
