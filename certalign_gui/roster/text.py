"""The roster as plain text, for the command line: summary, counts, table, rows to fix."""

from __future__ import annotations

from pathlib import Path

from certalign_gui.presentation.catalogue import _, long_date
from certalign_gui.roster.assess import Problem, RosterResult
from certalign_gui.roster.summary import (
    counts_line,
    other_sheets,
    rows_phrase,
    summary_line,
    table_rows,
)
from certalign_gui.roster.table_columns import PAPER

#: A column of the terminal's table is as wide as its longest text, up to this many
#: characters (the next step's, about 60, is cut with an ellipsis).
MAX_TEXT_WIDTH = 40


def format_text(result: RosterResult) -> str:
    """The summary line, the counts, the table (next due first), then the rows to fix."""
    out = [
        _("{file}: advice as of {day}").format(
            file=Path(result.source).name, day=long_date(result.as_of)
        ),
        summary_line(result),
        counts_line(result),
        *result.notes,
    ]
    if other_sheets(result):
        out.append(
            _("To read another sheet: {file} --sheet NAME.").format(file=Path(result.source).name)
        )
    rows = table_rows(result)
    if rows:
        table = [[column.terse_text(row) for column in PAPER] for row in rows]
        widths = [
            min(max(len(column.header), *(len(cells[i]) for cells in table)), MAX_TEXT_WIDTH)
            for i, column in enumerate(PAPER)
        ]
        out += ["", _line([column.header for column in PAPER], widths)]
        out += [_line(cells, widths) for cells in table]
    if result.problems:
        out += ["", _("Rows that need fixing:")]
        out += [
            "  " + _("{fix} ({rows})").format(fix=fix.message, rows=rows_phrase(fix.rows))
            for fix in result.column_fixes
        ]
        out += [f"  {problem_line(problem, result)}" for problem in result.problems]
    return "\n".join(out) + "\n"


def _line(cells: list[str], widths: list[int]) -> str:
    parts = []
    for text, width in zip(cells, widths, strict=True):
        if len(text) > width:
            text = text[: width - 1] + "\N{HORIZONTAL ELLIPSIS}"
        parts.append(text.ljust(width))
    return " ".join(parts).rstrip()


def problem_line(problem: Problem, result: RosterResult) -> str:
    """ "Row 11 (Ann Lee): MA expiration (column C) holds …": the row, the name, the message
    (only what the cell holds when its column's message says how to fix it)."""
    if problem.name:
        return _("Row {row} ({name}): {problem}").format(
            row=problem.row, name=problem.name, problem=result.problem_text(problem)
        )
    return _("Row {row}: {problem}").format(row=problem.row, problem=result.problem_text(problem))
