"""The checklist as a Qt document, drawn on exactly one page of a printer (and its preview).

The PDF that is saved is typeset apart, as tagged PDF/UA-1 (`pdf_bytes`, through
`certalign_gui.checklist.tagged`): QPdfWriter cannot write a structure tree. Both say the
same sentences, from `present()` (tests/presentation/test_same_words.py).

`checklist_html` makes the text; this module adds the QR codes (in-memory pictures) and
the timeline (drawn in place by `certalign_gui.checklist.timeline.paint_timeline`), and draws
the page itself. Drawing it ourselves, instead of ``QTextDocument.print_()``, means no
page numbers and never a second page: were a page to overflow (four warnings on Letter,
say), the content is scaled down to fit rather than cut. Every Assessment the rules give
for a real case fits at full size (tests/checklist/test_checklist_pdf.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPyTextObject,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from typing_extensions import override

from certalign_gui import __version__
from certalign_gui.checklist import page_words
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.html import (
    QR_RESOURCE,
    TIMELINE_RESOURCE,
    checklist_html,
    qr_links,
)
from certalign_gui.checklist.qr import qr_png
from certalign_gui.checklist.sealed import SealedDocument
from certalign_gui.checklist.timeline import paint_timeline
from certalign_gui.checklist.timeline_layout import timeline_layout
from certalign_gui.rules.models import Assessment

PAGE_SIZES = {"letter": QPageSize.PageSizeId.Letter, "a4": QPageSize.PageSizeId.A4}
DEFAULT_PAGE_SIZE = "letter"
#: 0.4 inch all round: well inside what office printers can reach (about 0.25 inch).
MARGIN_PT = 28.8
#: Fonts in order of preference: DejaVu ships with Linux (and is in our set-up), the rest
#: are on every Windows and macOS machine.
FONT_FAMILIES = ["DejaVu Sans", "Segoe UI", "Arial", "Helvetica", "Liberation Sans"]
BODY_PT = 12.0
TIMELINE_PT = 9.0
#: A printout is read days later: the advice date is never "Today" on paper.
NOT_TODAY = date.max
#: List indent (96-per-inch pixels): room for the check box, less than Qt's 40.
INDENT_PX = 26
OBJECT_REPLACEMENT = "\N{OBJECT REPLACEMENT CHARACTER}"


@dataclass(frozen=True)
class PageResult:
    """What drawing the page did: ``scale`` is 1.0 unless content had to shrink to fit."""

    scale: float
    content_height: float
    page_height: float


def page_layout(page_size: str = DEFAULT_PAGE_SIZE) -> QPageLayout:
    """Portrait, 0.4-inch margins, Letter (default) or A4."""
    return QPageLayout(
        QPageSize(PAGE_SIZES[page_size]),
        QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT),
        QPageLayout.Unit.Point,
    )


def print_font(point_size: float = BODY_PT) -> QFont:
    """The printed font, with ligatures off so "certification" prints (and copies) as typed."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSizeF(point_size)
    for feature in ("liga", "clig", "dlig", "hlig"):
        font.setFeature(QFont.Tag(feature), 0)
    return font


class TimelineObject(QPyTextObject):
    """Draws `paint_timeline` inside the document, as vector lines and real (copyable) text.

    A text object, not a picture: the timeline is drawn with the page's own painter at the
    printer's resolution, in black, with the dates as text a PDF reader can find.
    """

    OBJECT_TYPE = QTextFormat.ObjectTypes.UserObject.value + 1

    def __init__(self, assessment: Assessment) -> None:
        super().__init__()
        self._assessment = assessment
        self._font = print_font(TIMELINE_PT)

    @override
    def intrinsicSize(
        self, doc: QTextDocument, pos_in_document: int, format: QTextFormat
    ) -> QSizeF:
        """As wide as the text, as tall as the timeline needs at that width."""
        width = max(1.0, doc.textWidth() - 1)
        layout = timeline_layout(
            QRectF(0, 0, width, 1e9),
            self._assessment,
            font=self._font,
            device=doc.documentLayout().paintDevice(),
            today=NOT_TODAY,
        )
        return QSizeF(width, math.ceil(layout.height))

    @override
    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF,
        doc: QTextDocument,
        pos_in_document: int,
        format: QTextFormat,
    ) -> None:
        """Paint the timeline, black on white, into the space the layout gave it."""
        painter.save()
        try:
            painter.setPen(QColor("black"))
            paint_timeline(
                painter, rect, self._assessment, font=self._font, monochrome=True, today=NOT_TODAY
            )
        finally:
            painter.restore()


def _insert_timeline(document: QTextDocument, assessment: Assessment) -> None:
    """Swap the placeholder picture for the timeline text object."""
    handler = TimelineObject(assessment)
    handler.setParent(document)  # lives exactly as long as the document
    document.documentLayout().registerHandler(TimelineObject.OBJECT_TYPE, handler)
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            char_format = fragment.charFormat()
            if (
                char_format.isImageFormat()
                and char_format.toImageFormat().name() == TIMELINE_RESOURCE
            ):
                cursor = QTextCursor(document)
                cursor.setPosition(fragment.position())
                cursor.setPosition(
                    fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                )
                object_format = QTextCharFormat()
                object_format.setObjectType(TimelineObject.OBJECT_TYPE)
                cursor.insertText(OBJECT_REPLACEMENT, object_format)
                return
            it += 1
        block = block.next()
    raise RuntimeError("the checklist HTML has no timeline placeholder")


def checklist_document(
    assessment: Assessment, details: Details | None, *, printed_on: date, timeline: bool = True
) -> SealedDocument:
    """The page as a document: text, QR codes and (unless turned off) the timeline."""
    document = SealedDocument()
    document.setDefaultFont(print_font())
    document.setDocumentMargin(0)
    document.setIndentWidth(INDENT_PX)
    document.setMetaInformation(
        QTextDocument.MetaInformation.DocumentTitle, page_words.document_title(printed_on)
    )
    for name, _label, url in qr_links(assessment):
        image = QImage.fromData(qr_png(url).png, "PNG")
        document.addResource(
            QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE.format(name=name)), image
        )
    document.setHtml(checklist_html(assessment, details, printed_on=printed_on, timeline=timeline))
    if timeline:
        _insert_timeline(document, assessment)
    return document


def fit_scale(document: QTextDocument, width: float, height: float) -> float:
    """The largest scale (at most 1) at which the document fits ``width`` x ``height``.

    Shrinking lets the text run wider, which makes it shorter too, so the answer lies
    between the plain ratio of heights and 1; a few halvings find it to within 0.5 %.
    """
    document.setTextWidth(width)
    needed = document.size().height()
    if needed <= height:
        return 1.0
    low, high = height / needed, 1.0
    for _round in range(8):
        middle = (low + high) / 2
        document.setTextWidth(width / middle)
        if document.size().height() * middle <= height:
            low = middle
        else:
            high = middle
    return low


def draw_page(
    painter: QPainter,
    device: QPagedPaintDevice,
    assessment: Assessment,
    details: Details | None,
    *,
    printed_on: date,
) -> PageResult:
    """Draw the checklist, dated ``printed_on``, on the page ``painter`` is open on."""
    width, height = float(device.width()), float(device.height())
    document = checklist_document(assessment, details, printed_on=printed_on)
    document.documentLayout().setPaintDevice(device)
    scale = fit_scale(document, width, height)
    document.setTextWidth(width / scale)
    needed = document.size().height()
    painter.save()
    try:
        painter.scale(scale, scale)
        document.drawContents(painter, QRectF(0, 0, width / scale, height / scale))
    finally:
        painter.restore()
    return PageResult(scale=scale, content_height=needed * scale, page_height=height)


def render_pdf(
    assessment: Assessment,
    details: Details | None = None,
    *,
    printed_on: date,
    page_size: str = DEFAULT_PAGE_SIZE,
) -> tuple[bytes, PageResult]:
    """The printed page (what `draw_page` gives a printer) as a PDF, and how it was drawn.

    Printing and the print preview draw this page; the PDF that is saved is `pdf_bytes`.
    """
    ensure_gui_application()
    if not QFontDatabase.families():
        # Qt would write black boxes and no text, silently: refuse instead.
        raise RuntimeError("no fonts are installed (on Debian: apt-get install fonts-dejavu-core)")
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(page_size))
    writer.setResolution(600)
    # Metadata carries no name or number: only what the page is and when it was made.
    writer.setTitle(page_words.document_title(printed_on))
    writer.setCreator(f"certalign {__version__}")
    painter = QPainter()
    if not painter.begin(writer):
        raise RuntimeError("Qt could not start a PDF page")
    try:
        result = draw_page(painter, writer, assessment, details, printed_on=printed_on)
    finally:
        painter.end()
    data = QByteArray(buffer.data()).data()
    buffer.close()
    return bytes(data), result


def pdf_bytes(
    assessment: Assessment,
    details: Details | None = None,
    *,
    printed_on: date,
    page_size: str = DEFAULT_PAGE_SIZE,
) -> bytes:
    """The saved PDF, dated ``printed_on``, in memory: tagged PDF/UA-1, typeset by typst.

    The same words as the printed page (`draw_page`), laid out as the screen orders them;
    see `certalign_gui.checklist.tagged`.
    """
    from certalign_gui.checklist.tagged import checklist_pdf

    return checklist_pdf(assessment, details, printed_on=printed_on, page_size=page_size)


def ensure_gui_application() -> QGuiApplication:
    """Fonts and images need a Qt application object; make one if there is none yet."""
    app = QGuiApplication.instance()
    if app is None:
        app = QGuiApplication([])
    assert isinstance(app, QGuiApplication)
    return app


def page_size_points(page_size: str) -> QSizeF:
    """The paper size in points (612 x 792 for Letter)."""
    return QPageSize(PAGE_SIZES[page_size]).size(QPageSize.Unit.Point)
