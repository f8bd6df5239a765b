"""Checklist fixtures: every case's PDF is drawn once per session (drawing takes ~0.1 s)."""

from __future__ import annotations

import io

import pypdf
import pytest
from checklist_cases import FULL_DETAILS, PRINTED, assessment_for

from certalign_gui.checklist.document import PageResult, render_pdf


class RenderedPdf:
    """One drawn checklist: the bytes, how it was drawn, and its first page's text."""

    def __init__(self, data: bytes, result: PageResult) -> None:
        self.data = data
        self.result = result
        self.reader = pypdf.PdfReader(io.BytesIO(data))
        raw = self.reader.pages[0].extract_text()
        #: Words separated by single spaces (Qt's PDF puts tabs between words).
        self.text = " ".join(raw.split())
        #: No white space at all: a URL that wraps across lines reads whole again.
        self.squashed = "".join(raw.split())


@pytest.fixture(scope="session")
def rendered(qapp):
    """``rendered(case, page_size="letter", details=FULL_DETAILS)``, cached."""
    cache: dict[tuple[str, str, object], RenderedPdf] = {}

    def get(case: str, page_size: str = "letter", details=FULL_DETAILS) -> RenderedPdf:
        key = (case, page_size, details)
        if key not in cache:
            data, result = render_pdf(
                assessment_for(case), details, printed_on=PRINTED, page_size=page_size
            )
            cache[key] = RenderedPdf(data, result)
        return cache[key]

    return get


@pytest.fixture(scope="session")
def policy():
    """The shipped policy, validated once."""
    from certalign_gui.rules import load_policy

    return load_policy()
