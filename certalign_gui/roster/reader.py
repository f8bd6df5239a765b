"""Reading a roster file: CSV (any of the ways Excel saves it) or a spreadsheet, to rows.

The reader finds the header row, recognises the columns (`columns.SYNONYMS`) and hands
back each data row's cells by field, with the row number the file shows (for a CSV, the
record number; for a sheet, the sheet's row number; the header's row counts). Turning
cells into dates is `roster.assess`'s job, so every problem is reported with its row.
Empty rows are skipped and counted, never silently dropped.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from certalign_gui.roster.cells import Cell, is_blank, plain_text
from certalign_gui.roster.columns import (
    Column,
    Field,
    doubled_message,
    find_header,
    missing_columns_message,
)
from certalign_gui.roster.formats import (
    MAX_BYTES,
    Grid,
    RosterFileError,
    read_bytes,
    read_grid,
)

__all__ = ["MAX_BYTES", "RawRow", "RosterFile", "RosterFileError", "read_roster"]

_EMPTY_BYTES = b" \t\r\n\x0c\xef\xbb\xbf"


@dataclass(frozen=True, slots=True)
class RawRow:
    """One person's row as the file holds it: the row number and the cells by field."""

    row: int
    cells: dict[Field, Cell]


@dataclass(frozen=True)
class RosterFile:
    """What a roster file holds, before any rule is applied."""

    source: str
    kind: str
    header_row: int
    columns: dict[Field, Column]
    rows: tuple[RawRow, ...]
    blank_rows: tuple[int, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    sheet: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def is_spreadsheet(self) -> bool:
        """True for .xlsx, .xls and .ods (their cells may hold formulas)."""
        return self.kind == "spreadsheet"


def read_roster(path: str | os.PathLike[str]) -> RosterFile:
    """Read a roster file; a file that cannot be used raises `RosterFileError`."""
    source = os.fspath(path)
    return read_roster_bytes(read_bytes(Path(source).expanduser(), source), source)


def read_roster_bytes(data: bytes, source: str) -> RosterFile:
    """Read a roster from its bytes; ``source`` is the file name messages use."""
    if not data.strip(_EMPTY_BYTES):
        raise RosterFileError(source, "the file is empty")
    return roster_from_grid(read_grid(data, source), source)


def roster_from_grid(grid: Grid, source: str) -> RosterFile:
    """Find the header in a grid of cells and pick each row's cells by field."""
    if not any(not is_blank(cell) for row in grid.rows for cell in row):
        raise RosterFileError(source, "the file is empty" if grid.sheet is None else (
            f'the sheet "{grid.sheet}" is empty'))  # fmt: skip
    found = find_header(grid.rows)
    if found is None:
        first = next(row for row in grid.rows if any(not is_blank(cell) for cell in row))
        raise RosterFileError(source, missing_columns_message([plain_text(c) for c in first]))
    index, match = found
    if match.doubled:
        raise RosterFileError(source, doubled_message(match))
    rows = _fill_merged(grid, after=index)
    people: list[RawRow] = []
    blank: list[int] = []
    columns = list(match.columns.values())
    for number, row in zip(grid.numbers[index + 1 :], rows[index + 1 :], strict=True):
        cells = {c.field: row[c.index] if c.index < len(row) else None for c in columns}
        if all(is_blank(cell) for cell in cells.values()):
            blank.append(number)
        else:
            people.append(RawRow(number, cells))
    return RosterFile(
        source=source,
        kind=grid.kind,
        header_row=grid.numbers[index],
        columns=dict(match.columns),
        rows=tuple(people),
        blank_rows=tuple(blank),
        ignored_columns=match.ignored,
        sheet=grid.sheet,
        notes=tuple(_notes(grid, index, match.ignored)),
    )


def _fill_merged(grid: Grid, after: int) -> Sequence[list[Cell]]:
    """Give every cell of a merged range (below the header) the value its first cell shows."""
    if not grid.merged:
        return grid.rows
    rows = [list(row) for row in grid.rows]
    for (top, left), (bottom, right) in grid.merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for r in range(max(top, after + 1), min(bottom, len(rows) - 1) + 1):
            for c in range(left, min(right, len(rows[r]) - 1) + 1):
                rows[r][c] = value
    return rows


def _notes(grid: Grid, index: int, ignored: tuple[str, ...]) -> list[str]:
    """What a reader should know about how the file was read (never a cell's content)."""
    notes = []
    if grid.sheet is not None and grid.sheet_count > 1:
        notes.append(f'Read the sheet "{grid.sheet}" (the workbook has {grid.sheet_count}).')
    above = sum(1 for row in grid.rows[:index] if any(not is_blank(cell) for cell in row))
    if above:
        notes.append(
            f"The header is on row {grid.numbers[index]}; the {_rows(above)} above it "
            "(a title, say) were not read as people."
        )
    if any(bottom > index for (_top, _left), (bottom, _right) in grid.merged):
        notes.append("Merged cells were read as if each of their cells held the merged value.")
    if ignored:
        shown = ", ".join(f'"{header}"' for header in ignored[:10])
        more = f" and {len(ignored) - 10} more" if len(ignored) > 10 else ""
        notes.append(f"Columns not used: {shown}{more}.")
    return notes


def _rows(count: int) -> str:
    return "1 row" if count == 1 else f"{count} rows"
