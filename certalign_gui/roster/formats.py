"""A roster file's bytes to a grid of cells: size limits, kinds of file, text and spreadsheets.

Every refusal is a `RosterFileError` naming the file and what is wrong in plain words.
Nothing here logs or keeps a copy of what it reads.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from pathlib import Path

from certalign_gui.presentation.catalogue import N_, _, number
from certalign_gui.roster.cells import Cell
from certalign_gui.roster.columns import find_header

#: A roster is a few thousand lines; a file larger than this is not one.
MAX_BYTES = 20 * 1024 * 1024
#: Rows of a sheet or records of a CSV (the header counts); more is refused, not cut.
MAX_ROWS = 100_000
#: Zip limits for .xlsx and .ods, checked on the sizes the archive declares before any of
#: it is unpacked: a small file that unpacks to gigabytes is a "zip bomb".
MAX_UNZIPPED = 256 * 1024 * 1024
MAX_RATIO = 200
MAX_ENTRIES = 10_000

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
#: The stream an encrypted (password-protected) Office file keeps, as its name is stored.
ENCRYPTED_STREAM = "EncryptionInfo".encode("utf-16-le")
SPREADSHEET_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".xls", ".ods")
DELIMITERS = (",", ";", "\t")
#: Records read to choose the delimiter (the header row is among the first few).
HEAD_RECORDS = 40
#: A cell with more line breaks than this is a quote that was never closed.
MAX_LINES_IN_CELL = 5
#: Said after a workbook that cannot be read (a message of the catalogue: `_` where used).
SAVE_AGAIN = N_("open it in Excel or LibreOffice and save it again as .xlsx or .csv")


class RosterFileError(Exception):
    """A roster file that cannot be used. ``str()`` names the file and says what is wrong."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(_("{file}: {problem}").format(file=source, problem=problem))
        self.source = source
        self.problem = problem


@dataclass(frozen=True)
class Grid:
    """A file's cells: ``rows[i]`` is the file's row ``numbers[i]``."""

    kind: str
    rows: list[list[Cell]]
    numbers: list[int]
    sheet: str | None = None
    sheet_count: int = 1
    merged: tuple[tuple[tuple[int, int], tuple[int, int]], ...] = ()
    #: The visible sheets with a roster header row, in the workbook's order.
    roster_sheets: tuple[str, ...] = ()
    #: The sheet selected when the workbook was saved (None when the file does not say).
    selected: str | None = None
    #: The sheet was named by the officer (``--sheet``, the window's Sheet list).
    chosen: bool = False


def read_bytes(path: Path, source: str) -> bytes:
    """The whole file, or `RosterFileError` (missing, a folder, unreadable, too large)."""
    try:
        if path.is_dir():
            raise RosterFileError(source, _("this is a folder, not a roster file"))
        if path.exists() and not path.is_file():
            raise RosterFileError(source, _("this is not a regular file"))
        with path.open("rb") as handle:
            size = path.stat().st_size
            if size > MAX_BYTES:
                raise RosterFileError(source, too_large(size))
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise RosterFileError(source, _("there is no such file")) from None
    except PermissionError:
        raise RosterFileError(source, _("you do not have permission to read it")) from None
    except OSError as exc:
        reason = (exc.strerror or "the operating system refused").lower()
        raise RosterFileError(
            source, _("it could not be read ({reason})").format(reason=reason)
        ) from None
    if len(data) > MAX_BYTES:
        raise RosterFileError(source, too_large(len(data)))
    return data


def too_large(size: int) -> str:
    """The sentence for a file over `MAX_BYTES`."""
    return _(
        "the file is {size} MB; a roster file can be at most {most} MB (split it into "
        "smaller files)"
    ).format(size=f"{size / 1024 / 1024:.1f}", most=MAX_BYTES // 1024 // 1024)


def read_grid(data: bytes, source: str, sheet: str | None = None) -> Grid:
    """The cells of a CSV text, or of one sheet of a spreadsheet: ``sheet`` when given, else
    the sheet selected when the workbook was saved, if it has a roster, else the first
    visible sheet that has one."""
    suffix = Path(source).suffix.casefold()
    if data.startswith(ZIP_MAGIC):
        check_zip(data, source)
        return _spreadsheet(data, source, sheet)
    if data.startswith(OLE_MAGIC):
        if ENCRYPTED_STREAM in data:
            raise RosterFileError(source, password_message())
        return _spreadsheet(data, source, sheet)
    if sheet is not None:
        raise RosterFileError(
            source,
            _('a CSV file has no sheets, so the sheet "{sheet}" cannot be read from it').format(
                sheet=sheet
            ),
        )
    text = decode_text(data, source, suffix)
    return text_grid(text, source)


def password_message() -> str:
    """What to say about a password-protected workbook."""
    return _(
        "the workbook is password-protected, so it cannot be read. Open it in Excel, "
        "remove the password (File > Info > Protect Workbook > Encrypt with Password, "
        "then clear it) and save it again, or save a copy as .csv"
    )


def check_zip(data: bytes, source: str) -> None:
    """Refuse a damaged archive, or one whose declared contents are too large to unpack."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, ValueError, EOFError):
        raise RosterFileError(
            source,
            _("the workbook is damaged and cannot be read; {save_again}").format(
                save_again=_(SAVE_AGAIN)
            ),
        ) from None
    if len(entries) > MAX_ENTRIES:
        raise RosterFileError(
            source, _("the workbook holds {count} parts, too many").format(count=len(entries))
        )
    total = 0
    for entry in entries:
        total += entry.file_size
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > 1024 * 1024 and ratio > MAX_RATIO:
            raise RosterFileError(
                source,
                _(
                    "the workbook would unpack to {ratio} times its size (a zip bomb?); "
                    "it was not opened"
                ).format(ratio=f"{ratio:.0f}"),
            )
    if total > MAX_UNZIPPED:
        raise RosterFileError(
            source,
            _(
                "the workbook would unpack to {size} MB; at most {most} MB is read (it was "
                "not opened)"
            ).format(size=f"{total / 1024 / 1024:.0f}", most=MAX_UNZIPPED // 1024 // 1024),
        )
    names = {entry.filename for entry in entries}
    if not ({"xl/workbook.xml", "xl/workbook.bin", "content.xml"} & names):
        raise RosterFileError(
            source, _("this is a zip archive, not a spreadsheet; save the roster as .xlsx or .csv")
        )


#: Rows of each other sheet looked at for a roster header (`columns.HEADER_SEARCH_ROWS`
#: non-empty rows at most, with room for empty ones between).
HEADER_PEEK_ROWS = 60


def _spreadsheet(data: bytes, source: str, wanted: str | None) -> Grid:
    # Loaded here, on first use: the window and the plain CLI start without it.
    import python_calamine

    from certalign_gui.roster.sheets import active_sheet

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
    except python_calamine.PasswordError:
        raise RosterFileError(source, password_message()) from None
    except Exception:  # calamine raises several kinds for a damaged file; all mean the same
        raise RosterFileError(
            source,
            _("the workbook is damaged or of an unknown kind; {save_again}").format(
                save_again=_(SAVE_AGAIN)
            ),
        ) from None
    with workbook:
        every = list(workbook.sheet_names)
        names = [
            meta.name
            for meta in workbook.sheets_metadata
            if meta.typ == python_calamine.SheetTypeEnum.WorkSheet
            and meta.visible == python_calamine.SheetVisibleEnum.Visible
        ] or every
        if not names:
            raise RosterFileError(source, _("the workbook has no sheets"))
        active = active_sheet(data)
        selected = every[active] if isinstance(active, int) and active < len(every) else active
        if selected not in names:
            selected = None
        roster_sheets = tuple(name for name in names if _has_header(workbook, name))
        if wanted is not None:
            name = _named_sheet(wanted, every, source)
        elif selected is not None and (selected in roster_sheets or not roster_sheets):
            name = selected
        else:
            name = roster_sheets[0] if roster_sheets else names[0]
        grid = _sheet(workbook, name, source, len(names))
    return Grid(
        kind=grid.kind,
        rows=grid.rows,
        numbers=grid.numbers,
        sheet=name,
        sheet_count=len(names),
        merged=grid.merged,
        roster_sheets=roster_sheets,
        selected=selected,
        chosen=wanted is not None,
    )


def _named_sheet(wanted: str, every: list[str], source: str) -> str:
    """The sheet the officer named: exactly, else the one whose name differs only in case."""
    if wanted in every:
        return wanted
    folded = [name for name in every if name.casefold() == wanted.strip().casefold()]
    if len(folded) == 1:
        return folded[0]
    listed = _(", ").join(_('"{name}"').format(name=name) for name in every)
    raise RosterFileError(
        source,
        _('the workbook has no sheet "{wanted}"; its sheets are {listed}').format(
            wanted=wanted, listed=listed
        ),
    )


def _has_header(workbook: object, name: str) -> bool:
    """True when the sheet's first rows hold a roster header row."""
    try:
        sheet = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
        head = []
        for row in sheet.iter_rows():
            head.append(list(row))
            if len(head) >= HEADER_PEEK_ROWS:
                break
    except Exception:  # a damaged sheet is said when (if) it is read
        return False
    return find_header(head) is not None


def _sheet(workbook: object, name: str, source: str, count: int) -> Grid:
    try:
        sheet = workbook.get_sheet_by_name(name)  # type: ignore[attr-defined]
        end = sheet.end
        if end is not None and end[0] + 1 > MAX_ROWS:
            raise RosterFileError(source, too_many_rows())
        rows = sheet.to_python(skip_empty_area=False)
        merged = tuple(sheet.merged_cell_ranges or ())
    except RosterFileError:
        raise
    except Exception:
        raise RosterFileError(
            source,
            _('the sheet "{name}" is damaged and cannot be read; {save_again}').format(
                name=name, save_again=_(SAVE_AGAIN)
            ),
        ) from None
    return Grid(
        kind="spreadsheet",
        rows=[list(row) for row in rows],
        numbers=list(range(1, len(rows) + 1)),
        sheet=name,
        sheet_count=count,
        merged=merged,
    )


def too_many_rows() -> str:
    """The sentence for a file over `MAX_ROWS`."""
    return _("the file has more than {most} rows; split it into smaller files").format(
        most=number(MAX_ROWS)
    )


def decode_text(data: bytes, source: str, suffix: str) -> str:
    """CSV text: UTF-8 (with or without a BOM), UTF-16 with a BOM, else Windows-1252."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise RosterFileError(source, not_text(suffix)) from None
    if b"\x00" in data:
        raise RosterFileError(source, not_text(suffix))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise RosterFileError(source, not_text(suffix)) from None
    controls = sum(1 for char in text[:65536] if ord(char) < 32 and char not in "\t\r\n\f")
    if controls > 8:
        raise RosterFileError(source, not_text(suffix))
    return text


def not_text(suffix: str) -> str:
    """The sentence for bytes that are neither text nor a workbook."""
    if suffix in SPREADSHEET_SUFFIXES:
        return _("the workbook is damaged or not a spreadsheet; {save_again}").format(
            save_again=_(SAVE_AGAIN)
        )
    return _(
        "this is not a CSV text file: it holds binary data (was another kind of file "
        "renamed?). Save the roster from Excel as CSV or .xlsx"
    )


def text_grid(text: str, source: str) -> Grid:
    """A CSV text as rows, split on the delimiter (comma, semicolon or tab) its header uses."""
    first_line = text.split("\n", 1)[0].strip()
    delimiters: tuple[str, ...] = DELIMITERS
    if first_line.casefold().startswith("sep=") and len(first_line) == 5:
        # Excel's hint line; Excel hides it, so its row numbers start after it.
        delimiters = (first_line[4],)
        text = text.split("\n", 1)[1] if "\n" in text else ""
    chosen, widest = delimiters[0], -1
    for delimiter in delimiters:
        head = _split(text, delimiter, source, limit=HEAD_RECORDS)
        if find_header(head) is not None:
            chosen = delimiter
            break
        width = max((len(row) for row in head), default=0)
        if width > widest:
            chosen, widest = delimiter, width
    rows = _split(text, chosen, source)
    return Grid(kind="CSV", rows=rows, numbers=list(range(1, len(rows) + 1)))


def _split(text: str, delimiter: str, source: str, limit: int | None = None) -> list[list[Cell]]:
    """The records of ``text``: all of them (at most `MAX_ROWS`), or the first ``limit``."""
    rows: list[list[Cell]] = []
    try:
        for record in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            if any(cell.count("\n") > MAX_LINES_IN_CELL for cell in record):
                raise RosterFileError(source, unclosed_quote(len(rows) + 1))
            rows.append(list(record))
            if limit is not None and len(rows) >= limit:
                break
            if len(rows) > MAX_ROWS:
                raise RosterFileError(source, too_many_rows())
    except csv.Error:
        raise RosterFileError(source, unclosed_quote(len(rows) + 1)) from None
    return rows


def unclosed_quote(row: int) -> str:
    """The sentence for a CSV record that swallows the lines after it."""
    return _(
        'row {row} cannot be read: a quote (") opens a cell that never closes, so the '
        "lines after it would become one cell. Remove the stray quote or close it"
    ).format(row=row)
