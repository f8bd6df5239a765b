"""A QTextDocument that shows only the pictures we put in it, and never reads a file.

Qt reads local files for a document in two places: ``QTextDocument.loadResource`` (for
``<img src="file:///…">`` and relative names) and, when that gives nothing, the image
handler itself, which calls ``QImage.load(name)`` directly. The checklist escapes
everything it prints, so no typed text can become an ``<img>``; this is the second lock:
the resource loader refuses, and the image handler draws only what `addResource` added.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPainter, QPyTextObject, QTextDocument, QTextFormat
from typing_extensions import override

#: Picture sizes in HTML are in pixels of a 96-per-inch screen (CSS pixels), on every
#: machine: a fixed ruler, unlike Qt's own handler, which follows the screen's scaling.
CSS_DPI = 96.0


class SealedImageHandler(QPyTextObject):
    """Draws ``<img>`` from the document's own resources only; anything else stays blank."""

    @staticmethod
    def _image(doc: QTextDocument, format: QTextFormat) -> QImage:
        data = doc.resource(
            QTextDocument.ResourceType.ImageResource, QUrl(format.toImageFormat().name())
        )
        return data if isinstance(data, QImage) else QImage()

    @override
    def intrinsicSize(
        self, doc: QTextDocument, pos_in_document: int, format: QTextFormat
    ) -> QSizeF:
        """The width and height the HTML asked for (or the picture's own), in device pixels."""
        image_format = format.toImageFormat()
        width, height = image_format.width(), image_format.height()
        if width <= 0 or height <= 0:
            image = self._image(doc, format)
            width, height = float(image.width()), float(image.height())
        device = doc.documentLayout().paintDevice()
        scale = device.logicalDpiX() / CSS_DPI if device is not None else 1.0
        return QSizeF(width * scale, height * scale)

    @override
    def drawObject(
        self,
        painter: QPainter,
        rect: QRectF,
        doc: QTextDocument,
        pos_in_document: int,
        format: QTextFormat,
    ) -> None:
        """Draw the registered picture into ``rect``; an unknown name draws nothing."""
        image = self._image(doc, format)
        if not image.isNull():
            painter.drawImage(rect, image)


class SealedDocument(QTextDocument):
    """A QTextDocument whose pictures come only from `addResource`; ``refused`` lists the rest."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []
        self._images = SealedImageHandler(self)
        self.documentLayout().registerHandler(
            QTextFormat.ObjectTypes.ImageObject.value, self._images
        )

    @override
    def loadResource(self, kind: int, name: QUrl) -> object:
        """Refuse every resource that was not added with `addResource`."""
        self.refused.append(name.toString())
        # An empty byte array: "no picture", and no fallback to Qt's file loading.
        return QByteArray()
