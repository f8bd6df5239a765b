"""The saved checklist PDF: tagged PDF/UA-1, typeset by typst from the presentation model.

`checklist_page` turns an `Assessment` (through `present()`, the words every medium shares)
and the typed details into plain data; ``resources/typst/checklist.typ`` lays it out. The
PDF's structure follows the screen's order: headings, the steps as a list, the key dates as
a table with header cells, the timeline and the QR codes as figures whose alternative text
says the dates and the addresses. The document's title names the page and the day, never
the person. No Qt: the command line makes this PDF without a window system.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any

from certalign_gui.checklist import page_words
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.html import qr_links
from certalign_gui.checklist.qr import qr_svg
from certalign_gui.checklist.timeline_marks import (
    AS_OF,
    describe_timeline,
    fractions,
    timeline_entries,
)
from certalign_gui.checklist.typeset import typeset, typeset_waiting
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import Answer, present
from certalign_gui.presentation.catalogue import _, long_date
from certalign_gui.rules.models import Assessment

#: typst's names for the paper sizes the program offers.
PAPER = {"letter": "us-letter", "a4": "a4"}
#: A printout is read days later: the advice date is never "Today" on paper.
NOT_TODAY = date.max
TEMPLATE = "checklist"


def _header(answer: Answer, details: Details, printed: date) -> list[dict[str, str | None]]:
    """The line under the title: the dates first, then whatever was typed, each as text."""
    fields: list[dict[str, str | None]] = [{"label": None, "value": page_words.printed_on(printed)}]
    if answer.advice_day != printed:
        fields.append({"label": None, "value": answer.advice_line})
    for label, value in (
        (_(page_words.NAME), details.name),
        (_(page_words.MA_NUMBER), details.ma_number),
        (_(page_words.NREMT_NUMBER), details.nremt_number),
    ):
        if value.strip():
            fields.append({"label": label, "value": page_words.clip_detail(value)})
    return fields


def _timeline(assessment: Assessment) -> dict[str, Any]:
    """The markers (where on the axis, and the date said beside each) and the words for it."""
    entries = timeline_entries(assessment, NOT_TODAY)
    places = fractions([day for day, _kinds, _titles in entries])
    marks = []
    for (day, kinds, titles), at in zip(entries, places, strict=True):
        # The table names every deadline; the advice date is named here only.
        title = titles[kinds.index(AS_OF)] if AS_OF in kinds else None
        marks.append({"at": at, "as_of": AS_OF in kinds, "title": title, "date": long_date(day)})
    alt = f"{_(page_words.TIMELINE_ALT)}. {describe_timeline(assessment, NOT_TODAY)}"
    return {"marks": marks, "alt": alt}


def checklist_page(
    assessment: Assessment, details: Details | None, *, printed_on: date
) -> dict[str, Any]:
    """One person's page as data for the template: every string is set as text."""
    answer = present(assessment)
    return {
        "header": _header(answer, details or Details(), printed_on),
        "headline": answer.headline,
        "explanation": answer.explanation,
        "banner": answer.banner,
        "what_to_do": _(words.WHAT_TO_DO),
        "steps": [
            {"title": step.title, "due": step.due, "detail": step.detail, "where": step.where}
            for step in answer.steps
        ],
        "fee": answer.fee_line,
        "key_dates": _(words.KEY_DATES),
        "date_column": _(page_words.DATE_COLUMN),
        "what_column": _(page_words.WHAT_COLUMN),
        "dates": [{"day": row.day_text, "label": row.label} for row in answer.key_dates],
        "timeline": _timeline(assessment),
        "warnings": _(words.WARNINGS),
        "cautions": list(answer.cautions),
        "links": _(words.LINKS),
        "qr": [
            {"label": label, "url": url, "alt": _(page_words.QR_ALT).format(label=label, url=url)}
            for _name, label, url in qr_links(assessment)
        ],
        "source": answer.source_line,
        "who": _(words.WHO_TO_ASK),
    }


def checklist_document(
    pages: list[dict[str, Any]], *, title: str, page_size: str
) -> dict[str, Any]:
    """The whole document: its title (never a name), the paper, the pages, and each QR code
    once (as SVG, by address), however many pages show it."""
    urls = {entry["url"] for page in pages for entry in page["qr"]}
    return {
        "title": title,
        "heading": _(page_words.TITLE),
        "paper": PAPER[page_size],
        "qr": {url: qr_svg(url) for url in sorted(urls)},
        "pages": pages,
    }


def checklist_pdf(
    assessment: Assessment,
    details: Details | None = None,
    *,
    printed_on: date,
    page_size: str = "letter",
) -> bytes:
    """One person's checklist, dated ``printed_on``, as a one-page tagged PDF in memory."""
    page = checklist_page(assessment, details, printed_on=printed_on)
    title = page_words.document_title(printed_on)
    return typeset(TEMPLATE, checklist_document([page], title=title, page_size=page_size))


def checklists_pdf(
    people: Iterable[tuple[Assessment, Details]],
    *,
    title: str,
    printed_on: date,
    page_size: str = "letter",
    each: Callable[[int], None] | None = None,
    wait: Callable[[], None] | None = None,
) -> bytes:
    """One page per person, in order, as one tagged PDF.

    ``each(done)`` is called after each page's data is made, ``wait()`` while typst sets the
    pages; either may raise to stop (a cancelled job).
    """
    pages = []
    for done, (assessment, details) in enumerate(people, start=1):
        pages.append(checklist_page(assessment, details, printed_on=printed_on))
        if each is not None:
            each(done)
    data = checklist_document(pages, title=title, page_size=page_size)
    if wait is None:
        return typeset(TEMPLATE, data)
    return typeset_waiting(TEMPLATE, data, wait)
