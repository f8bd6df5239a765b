"""The Windows .ico and the PNG are rendered from resources/icons/certalign.svg at build time."""

import struct
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
SVG = ROOT / "resources" / "icons" / "certalign.svg"
MAKE_ICON = ROOT / "packaging" / "pyinstaller" / "make_icon.py"


def ico_entries(data: bytes) -> list[tuple[int, bytes]]:
    """(width, image bytes) for each image of an ICO file; width 0 means 256."""
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    entries = []
    for index in range(count):
        width, _, _, _, _, _, size, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        entries.append((width or 256, data[offset : offset + size]))
    return entries


def test_icons_are_rendered_from_the_svg(tmp_path):
    subprocess.run([sys.executable, str(MAKE_ICON), str(SVG), str(tmp_path)], check=True)
    entries = ico_entries((tmp_path / "certalign.ico").read_bytes())
    assert [width for width, _ in entries] == [16, 24, 32, 48, 64, 128, 256]
    for width, png in entries:
        image = QImage.fromData(png, "PNG")
        assert (image.width(), image.height()) == (width, width)
    big = QImage(str(tmp_path / "certalign.png"))
    assert (big.width(), big.height()) == (256, 256)
    # Not blank: the corner is transparent and the middle is drawn.
    assert big.pixelColor(0, 0).alpha() == 0
    assert big.pixelColor(128, 128).alpha() == 255


def test_a_broken_svg_fails_the_build(tmp_path):
    broken = tmp_path / "broken.svg"
    broken.write_text("<svg", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(MAKE_ICON), str(broken), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert "not a valid SVG" in result.stderr
    assert not (tmp_path / "out").exists()
