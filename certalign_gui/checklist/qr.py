"""QR codes for the printed links, made by segno (pure Python, no Qt)."""

from __future__ import annotations

import io
from dataclasses import dataclass
from functools import lru_cache

import segno

#: Quiet zone in modules. The standard asks for 4; the page margin and the white
#: table cell around each code add the rest, and 2 keeps four codes on one row.
BORDER = 2
#: Pixels per module in the PNG: crisp at 300 dpi when printed about 0.9 inch wide.
SCALE = 8


@dataclass(frozen=True)
class QrImage:
    """One QR code as PNG bytes, and its size in pixels (square)."""

    url: str
    png: bytes
    pixels: int


@lru_cache(maxsize=32)
def qr_png(url: str, *, scale: int = SCALE, border: int = BORDER) -> QrImage:
    """Encode ``url`` (error correction M: survives a crease or a coffee ring) as a PNG.

    Remembered: every page shows the same few links, and encoding is most of a page's
    drawing time (the result is immutable, so sharing it is safe).
    """
    code = segno.make(url, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=border)
    width, _height = code.symbol_size(scale=scale, border=border)
    return QrImage(url=url, png=buffer.getvalue(), pixels=width)


@lru_cache(maxsize=32)
def qr_svg(url: str, *, border: int = BORDER) -> str:
    """``url`` as the same QR code, in SVG (one path: vector, crisp at any size).

    The saved PDF embeds it as a figure; its size on paper is set by the page, not here.
    """
    code = segno.make(url, error="m", micro=False, boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="svg", border=border, xmldecl=False)
    return buffer.getvalue().decode("utf-8")
