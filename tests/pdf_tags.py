"""A tagged PDF read as assistive technology reads it, with tools no one here wrote.

outloud (PDF/UA-1 and WCAG checks, on pikepdf) checks each PDF and gives its structure tree
in document order, each element with the text of its marked content; pdfua (pikepdf, no JVM)
runs its own machine-checkable subset of PDF/UA-1; pikepdf reads the catalogue, the metadata
and the fonts. Nothing here knows how the PDF was made.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

import outloud
import pdfua
import pikepdf
from outloud.model import Document
from outloud.rules._common import element_text


@dataclass(frozen=True)
class Tag:
    """One structure element: its standard role, its own text (not its children's), its
    /Alt, how deep it sits, and the text of it with everything under it."""

    role: str
    text: str
    alt: str | None
    depth: int
    whole: str


def squashed(text: str) -> str:
    """No white space at all: a sentence broken across lines reads whole again."""
    return "".join(text.split())


def structure(path: Path) -> list[Tag]:
    """Every structure element, in the structure tree's (reading) order."""
    doc = Document(str(path))
    try:
        return [
            Tag(
                role=element.type,
                text=element_text(doc, element, include_children=False),
                alt=element.alt,
                depth=element.depth,
                whole=element_text(doc, element),
            )
            for element in doc.elements
        ]
    finally:
        doc.close()


def reading_text(tags: list[Tag]) -> str:
    """What a screen reader says, in order: each element's own text (alt text for figures)."""
    return " ".join(tag.alt if tag.role == "Figure" and tag.alt else tag.text for tag in tags)


def assert_in_order(text: str, sentences: list[str], where: str) -> None:
    """Each sentence occurs in ``text``, after the one before it (white space ignored)."""
    flat, position = squashed(text), 0
    for sentence in sentences:
        found = flat.find(squashed(sentence), position)
        assert found >= 0, f"{where}: {sentence!r} missing, or not after the sentence before it"
        position = found + len(squashed(sentence))


def outloud_findings(path: Path) -> list[outloud.findings.Finding]:
    """outloud's findings (PDF/UA-1 conformance and the semantic layer); its crash fails."""
    result = outloud.check(str(path))
    assert result.error is None, result.error
    assert result.stats["tagged"]
    return result.findings


def pdfua_findings(path: Path) -> list[str]:
    """pdfua's findings, as "RULE: message" lines."""
    report = pdfua.validate(str(path))
    return [f"{finding.rule_id}: {finding.message}" for finding in report.findings]


def catalogue(data: bytes) -> dict[str, object]:
    """What the PDF's catalogue says about it: language, marked, title shown, PDF/UA part."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        with pdf.open_metadata() as xmp:
            part = xmp.get("pdfuaid:part")
            xmp_text = str(xmp)
        info = " ".join(str(value) for value in pdf.docinfo.values())
        fonts = {
            str(font.get("/BaseFont")) + (" embedded" if _embedded(font) else " not embedded")
            for page in pdf.pages
            for font in page.Resources.get("/Font", {}).values()
        }
        return {
            "lang": str(root.get("/Lang")),
            "marked": bool(root.MarkInfo.get("/Marked")),
            "display_title": bool(root.ViewerPreferences.get("/DisplayDocTitle")),
            "pdfua_part": part,
            "title": str(pdf.docinfo.get("/Title")),
            "metadata": f"{info} {xmp_text}",
            "fonts": fonts,
        }


def _embedded(font: pikepdf.Object) -> bool:
    for descendant in font.get("/DescendantFonts", [font]):
        descriptor = descendant.get("/FontDescriptor")
        if descriptor is not None and any(
            key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
        ):
            return True
    return False
