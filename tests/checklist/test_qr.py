"""QR codes: real PNGs from segno, one for each printed link, registered in the document."""

from __future__ import annotations

import pytest
import segno
from checklist_cases import assessment_for
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from certalign_gui.checklist.document import checklist_document
from certalign_gui.checklist.html import QR_LINKS, QR_RESOURCE, qr_links
from certalign_gui.checklist.qr import BORDER, SCALE, qr_png

URLS = [link.url for link in assessment_for("alignment_open").policy.links.values()]


@pytest.mark.parametrize("url", URLS)
def test_each_link_becomes_a_crisp_square_png(qapp, url):
    code = qr_png(url)
    assert code.png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(code.png, "PNG")
    assert image.width() == image.height() == code.pixels
    modules = segno.make(url, error="m", micro=False, boost_error=False).symbol_size(1, 0)[0]
    assert code.pixels == (modules + 2 * BORDER) * SCALE
    # The top-left finder pattern starts right after the quiet zone: dark, not light.
    assert QImage.fromData(code.png).pixelColor(BORDER * SCALE, BORDER * SCALE).value() < 50
    assert image.pixelColor(0, 0).value() > 200  # quiet zone is white


def test_all_four_links_are_printed_with_a_code(qapp):
    assessment = assessment_for("alignment_open")
    assert [name for name, _label, _url in qr_links(assessment)] == list(QR_LINKS)
    document = checklist_document(
        assessment, None, printed_on=assessment.situation.as_of, timeline=False
    )
    for name in QR_LINKS:
        image = document.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE.format(name=name))
        )
        assert isinstance(image, QImage)
        assert not image.isNull()
    assert document.refused == []
