"""QR codes: real PNGs from segno, one for each printed link, registered in the document."""

from __future__ import annotations

import subprocess

import pytest
import segno
import zxingcpp
from checklist_cases import assessment_for
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from certalign_gui.checklist.document import checklist_document, pdf_bytes
from certalign_gui.checklist.html import QR_LINKS, QR_RESOURCE, qr_links
from certalign_gui.checklist.qr import BORDER, SCALE, qr_png


def decoded(image: QImage) -> list[zxingcpp.Barcode]:
    """The codes zxing-cpp finds in ``image`` (given as rows of grey bytes)."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    data = bytes(grey.constBits())
    rows = b"".join(data[y * stride : y * stride + width] for y in range(height))
    return zxingcpp.read_barcodes(memoryview(rows).cast("B", (height, width)))


URLS = [link.url for link in assessment_for("alignment_open").policy.links.values()]


@pytest.mark.parametrize("url", URLS)
def test_each_link_becomes_a_crisp_square_png(qapp, url):
    code = qr_png(url)
    # A phone reads the link back exactly (zxing-cpp, a decoder no one here wrote).
    [found] = decoded(QImage.fromData(code.png, "PNG"))
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    assert found.text == url
    assert code.png.startswith(b"\x89PNG\r\n\x1a\n")
    image = QImage.fromData(code.png, "PNG")
    assert image.width() == image.height() == code.pixels
    modules = segno.make(url, error="m", micro=False, boost_error=False).symbol_size(1, 0)[0]
    assert code.pixels == (modules + 2 * BORDER) * SCALE
    # The top-left finder pattern starts right after the quiet zone: dark, not light.
    assert QImage.fromData(code.png).pixelColor(BORDER * SCALE, BORDER * SCALE).value() < 50
    assert image.pixelColor(0, 0).value() > 200  # quiet zone is white


def test_the_codes_on_the_saved_page_read_back_as_its_links(qapp, tmp_path):
    """Page 1 of the saved PDF, as a printer would put it on paper (150 dpi, pdftoppm):
    every code on it decodes to one of the page's links, and every link has its code."""
    assessment = assessment_for("alignment_open")
    pdf = tmp_path / "checklist.pdf"
    pdf.write_bytes(pdf_bytes(assessment, None, printed_on=assessment.situation.as_of))
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            str(pdf),
            str(tmp_path / "page"),
        ],
        check=True,
        timeout=60,
    )
    page = QImage(str(tmp_path / "page.png"))
    assert not page.isNull()
    found = sorted(code.text for code in decoded(page))
    assert found == sorted(url for _name, _label, url in qr_links(assessment))


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
