"""Reading a roster file: CSV (any of the ways Excel saves it) or a spreadsheet, to rows.

The reader finds the header row, recognises the columns (`columns.SYNONYMS`) and hands
back each data row's cells by field, with the row number the file shows (for a CSV, the
record number; for a sheet, the sheet's row number; the header's row counts). Turning
cells into dates is `roster.assess`'s job, so every problem is reported with its row.
Empty rows are skipped and counted, never silently dropped; so are totals, footnotes and
notes under the table (`is_note_row`), which are reported as skipped, not as people.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from certalign_gui.presentation.catalogue import _, ngettext
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
    skipped_rows: tuple[int, ...] = ()
    #: The workbook's visible sheets that hold a roster (the one read among them).
    roster_sheets: tuple[str, ...] = ()

    @property
    def is_spreadsheet(self) -> bool:
        """True for .xlsx, .xls and .ods (their cells may hold formulas)."""
        return self.kind == "spreadsheet"


#: A row under the table that is not a person: a total, a footnote, a note.
_NOTE_START = re.compile(r"^\s*(?:\*|totals?\b|notes?\b|n\.\s?b\.)", re.IGNORECASE)
#: A lone cell this long (in words) is a sentence, not a name.
NOTE_WORDS = 4


def read_roster(path: str | os.PathLike[str], sheet: str | None = None) -> RosterFile:
    """Read a roster file (a workbook's ``sheet``, when given); a file that cannot be used
    raises `RosterFileError`."""
    source = os.fspath(path)
    return read_roster_bytes(read_bytes(Path(source).expanduser(), source), source, sheet)


def read_roster_bytes(data: bytes, source: str, sheet: str | None = None) -> RosterFile:
    """Read a roster from its bytes; ``source`` is the file name messages use."""
    if not data.strip(_EMPTY_BYTES):
        raise RosterFileError(source, _("the file is empty"))
    return roster_from_grid(read_grid(data, source, sheet), source)


def is_note_row(row: Sequence[Cell], used: set[int]) -> bool:
    """True for a row that is a total, a footnote or a note rather than a person: its first
    filled cell starts with Total, Note or ``*``, or its only filled cell is text that is not
    in a roster column, or reads as a sentence (``NOTE_WORDS`` words or more, a colon, a
    full stop at the end). ``used`` holds the roster's column indexes. A lone name in the
    name column is still a person (whose dates are missing)."""
    filled = [(index, cell) for index, cell in enumerate(row) if not is_blank(cell)]
    if not filled:
        return False
    first = filled[0][1]
    if isinstance(first, str) and _NOTE_START.match(first):
        return True
    if len(filled) != 1 or not isinstance(first, str):
        return False
    text = plain_text(first)
    sentence = len(text.split()) >= NOTE_WORDS or ":" in text or text.endswith(".")
    return filled[0][0] not in used or sentence


def roster_from_grid(grid: Grid, source: str) -> RosterFile:
    """Find the header in a grid of cells and pick each row's cells by field."""
    if not any(not is_blank(cell) for row in grid.rows for cell in row):
        raise RosterFileError(source, _("the file is empty") if grid.sheet is None else (
            _('the sheet "{sheet}" is empty').format(sheet=grid.sheet)))  # fmt: skip
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
    skipped: list[int] = []
    columns = list(match.columns.values())
    used = {column.index for column in columns}
    for number, row in zip(grid.numbers[index + 1 :], rows[index + 1 :], strict=True):
        cells = {c.field: row[c.index] if c.index < len(row) else None for c in columns}
        if is_note_row(row, used):
            skipped.append(number)
        elif all(is_blank(cell) for cell in cells.values()):
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
        notes=tuple(_notes(grid, index, match.ignored, skipped)),
        skipped_rows=tuple(skipped),
        roster_sheets=grid.roster_sheets,
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


def _notes(grid: Grid, index: int, ignored: tuple[str, ...], skipped: list[int]) -> list[str]:
    """What a reader should know about how the file was read (never a cell's content)."""
    notes = []
    if grid.sheet is not None and grid.sheet_count > 1:
        notes.append(sheet_note(grid))
    above = sum(1 for row in grid.rows[:index] if any(not is_blank(cell) for cell in row))
    if above:
        notes.append(
            ngettext(
                "The header is on row {row}; the {n} row above it (a title, say) was not read "
                "as people.",
                "The header is on row {row}; the {n} rows above it (a title, say) were not read "
                "as people.",
                above,
            ).format(row=grid.numbers[index], n=above)
        )
    if any(bottom > index for (_top, _left), (bottom, _right) in grid.merged):
        notes.append(_("Merged cells were read as if each of their cells held the merged value."))
    if skipped:
        listed = _(", ").join(str(row) for row in skipped[:10])
        if len(skipped) > 10:
            more = len(skipped) - 10
            listed = ngettext("{rows} and {n} more", "{rows} and {n} more", more).format(
                rows=listed, n=more
            )
        notes.append(
            ngettext(
                "Skipped as totals or notes, not people: row {rows}.",
                "Skipped as totals or notes, not people: rows {rows}.",
                len(skipped),
            ).format(rows=listed)
        )
    if ignored:
        shown = _(", ").join(f'"{header}"' for header in ignored[:10])
        if len(ignored) > 10:
            more = len(ignored) - 10
            shown = ngettext("{rows} and {n} more", "{rows} and {n} more", more).format(
                rows=shown, n=more
            )
        notes.append(_("Columns not used: {columns}.").format(columns=shown))
    return notes


def sheet_note(grid: Grid) -> str:
    """Which sheet of the workbook was read, why, and the other sheets that hold a roster."""
    name = grid.sheet
    if grid.chosen:
        why = _("the sheet asked for")
    elif name == grid.selected:
        why = _("the sheet shown when the workbook was saved")
    elif grid.selected is not None:
        why = _('the selected sheet "{sheet}" has no roster').format(sheet=grid.selected)
    else:
        why = _("the first sheet with a roster")
    note = _('Read the sheet "{sheet}" ({why}; the workbook has {n} sheets).').format(
        sheet=name, why=why, n=grid.sheet_count
    )
    others = [sheet for sheet in grid.roster_sheets if sheet != name]
    if others:
        listed = _(", ").join(f'"{sheet}"' for sheet in others)
        note += " " + ngettext(
            'Another sheet also holds a roster: {sheets}. Check that "{sheet}" is the one you '
            "mean.",
            'Other sheets also hold a roster: {sheets}. Check that "{sheet}" is the one you mean.',
            len(others),
        ).format(sheets=listed, sheet=name)
    return note
