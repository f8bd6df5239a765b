"""Which sheet of a workbook was selected when it was saved (python-calamine does not say).

Each kind of workbook keeps it in its own place, read here with the standard library:

- ``.xlsx``/``.xlsm``: ``xl/workbook.xml``, ``<workbookView activeTab="N">`` (N counts the
  ``<sheet>`` entries, in the order calamine lists them);
- ``.xlsb``: ``xl/workbook.bin``, the BrtBookView record's ``itabCur``;
- ``.ods``: ``settings.xml``, the ``ActiveTable`` item (a sheet's name);
- ``.xls``: the ``Workbook`` stream of the compound file, the WINDOW1 record's ``itabCur``.

Each function returns the sheet's index or name, or None when the file does not say (a
workbook written by a program that leaves it out): the caller then takes the first sheet.
Nothing here raises for a damaged file: a roster is read whatever this finds.
"""

from __future__ import annotations

import html
import io
import re
import struct
import zipfile

#: How much of a part is looked at: the book view sits near the start of the workbook part.
_HEAD = 1024 * 1024
_ACTIVE_TAB = re.compile(rb"<(?:\w+:)?workbookView\b[^>]*?\bactiveTab=\"(\d+)\"")
_ACTIVE_TABLE = re.compile(
    rb"<config:config-item\s+config:name=\"ActiveTable\"\s+config:type=\"string\">"
    rb"([^<]*)</config:config-item>"
)
#: BIFF8 (.xls) records: WINDOW1 holds the selected tab; EOF ends the workbook's globals.
_WINDOW1, _EOF = 0x003D, 0x000A
#: BIFF12 (.xlsb) record: the book view.
_BRT_BOOK_VIEW = 0x9E
#: The compound file's "no more sectors" marks (end of chain, free, FAT and DIFAT sectors).
_END_OF_CHAIN = 0xFFFFFFFE


def active_sheet(data: bytes) -> int | str | None:
    """The selected sheet of a workbook's bytes: an index (xlsx, xlsb, xls) or a name (ods)."""
    try:
        if data.startswith(b"PK"):
            return _zipped(data)
        if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            return _xls(data)
    except (zipfile.BadZipFile, KeyError, ValueError, struct.error, IndexError, OSError):
        return None
    return None


def _zipped(data: bytes) -> int | str | None:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = set(archive.namelist())
        if "xl/workbook.xml" in names:
            with archive.open("xl/workbook.xml") as part:
                match = _ACTIVE_TAB.search(part.read(_HEAD))
            return int(match.group(1)) if match else None
        if "xl/workbook.bin" in names:
            with archive.open("xl/workbook.bin") as part:
                return xlsb_active_tab(part.read(_HEAD))
        if "settings.xml" in names:
            with archive.open("settings.xml") as part:
                match = _ACTIVE_TABLE.search(part.read(_HEAD))
            return html.unescape(match.group(1).decode("utf-8")) if match else None
    return None


def _varint(data: bytes, at: int, most: int) -> tuple[int, int]:
    """A BIFF12 number of up to ``most`` bytes, 7 bits each (the high bit: more follow)."""
    value = 0
    for count in range(most):
        byte = data[at + count]
        value |= (byte & 0x7F) << (7 * count)
        if not byte & 0x80:
            return value, at + count + 1
    return value, at + most


def xlsb_active_tab(data: bytes) -> int | None:
    """``itabCur`` of the first BrtBookView record in ``xl/workbook.bin``'s bytes."""
    at = 0
    while at < len(data):
        # A record's type is written in at most 2 bytes, its size in at most 4.
        kind, at = _varint(data, at, 2)
        size, at = _varint(data, at, 4)
        if kind == _BRT_BOOK_VIEW and size >= 28:
            return int(struct.unpack_from("<I", data, at + 24)[0])
        at += size
    return None


def _xls(data: bytes) -> int | None:
    stream = _compound_stream(data, ("Workbook", "Book"))
    if stream is None:
        return None
    at = 0
    while at + 4 <= len(stream):
        kind, size = struct.unpack_from("<HH", stream, at)
        if kind == _WINDOW1 and size >= 12:
            return int(struct.unpack_from("<H", stream, at + 4 + 10)[0])
        if kind == _EOF:
            return None
        at += 4 + size
    return None


def _compound_stream(data: bytes, wanted: tuple[str, ...]) -> bytes | None:
    """The first stream named in ``wanted`` of an OLE compound file (its regular sectors).

    A workbook stream is never under the 4,096 bytes a "mini stream" holds (Excel and the
    other writers pad it); a smaller one is not read, and the first sheet is taken.
    """
    (shift,) = struct.unpack_from("<H", data, 0x1E)
    sector = 1 << shift
    fat_count, first_dir = struct.unpack_from("<I I", data, 0x2C)
    (cutoff,) = struct.unpack_from("<I", data, 0x38)
    difat_first, difat_count = struct.unpack_from("<I I", data, 0x44)
    sectors = (len(data) - sector) // sector

    def read(number: int) -> bytes:
        start = sector + number * sector
        return data[start : start + sector]

    fat_sectors = list(struct.unpack_from("<109I", data, 0x4C))
    next_difat = difat_first
    for _ in range(min(difat_count, sectors)):
        if next_difat >= _END_OF_CHAIN - 2:
            break
        entries = struct.unpack(f"<{sector // 4}I", read(next_difat))
        fat_sectors += entries[:-1]
        next_difat = entries[-1]
    fat: list[int] = []
    for number in fat_sectors[:fat_count]:
        fat += struct.unpack(f"<{sector // 4}I", read(number))

    def chain(start: int) -> bytes:
        parts, number = [], start
        for _ in range(sectors):
            if number >= len(fat) or number >= _END_OF_CHAIN - 2:
                break
            parts.append(read(number))
            number = fat[number]
        return b"".join(parts)

    directory = chain(first_dir)
    for at in range(0, len(directory) - 127, 128):
        (length,) = struct.unpack_from("<H", directory, at + 64)
        name = directory[at : at + max(length - 2, 0)].decode("utf-16-le", "replace")
        kind = directory[at + 66]
        start, size = struct.unpack_from("<I I", directory, at + 116)
        if kind == 2 and name in wanted:
            return chain(start)[:size] if size >= cutoff else None
    return None
