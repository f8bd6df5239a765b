"""Render the SVG app icon into a multi-size Windows .ico and a 256 px PNG, with Qt.

    python make_icon.py SOURCE.svg OUTDIR

The .ico holds PNG-compressed images (read by Windows Vista and later), so no image format
plugin is needed to write it.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes, size x size pixels, transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px icon as PNG")
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """An ICO file (header, directory, PNG images) for {size: png}."""
    header = struct.pack("<HHH", 0, 1, len(pngs))
    offset = len(header) + 16 * len(pngs)
    directory, images = b"", b""
    for size, png in sorted(pngs.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        images += png
        offset += len(png)
    return header + directory + images


def main(argv: list[str]) -> int:
    """Write certalign.ico and certalign.png into OUTDIR."""
    source, outdir = Path(argv[0]), Path(argv[1])
    _app = QGuiApplication([sys.argv[0]])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        print(f"make_icon: {source} is not a valid SVG", file=sys.stderr)
        return 1
    pngs = {size: render_png(renderer, size) for size in ICO_SIZES}
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "certalign.ico").write_bytes(ico_bytes(pngs))
    (outdir / "certalign.png").write_bytes(pngs[256])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
