"""The roster as plain text, for the command line: summary, counts, table, rows to fix."""

from __future__ import annotations

from pathlib import Path

from certalign_gui.presentation.catalogue import long_date
from certalign_gui.roster.assess import Problem, RosterResult
from certalign_gui.roster.summary import (
    CATEGORY_PHRASES,
    counts_line,
    other_sheets,
    rows_phrase,
    summary_line,
    table_rows,
)

#: The table's columns: (header, width); longer text is cut with an ellipsis.
TEXT_COLUMNS = (
    ("Row", 5),
    ("Name", 24),
    ("MA number", 10),
    ("Urgency", 11),
    ("Situation", 17),
    ("Next step", 40),
    ("Due", 10),
    ("Days left", 13),
    ("Staff", 5),
    ("Fee", 6),
)


def format_text(result: RosterResult) -> str:
    """The summary line, the counts, the table (next due first), then the rows to fix."""
    out = [
        f"{Path(result.source).name}: advice as of {long_date(result.as_of)}",
        summary_line(result),
        counts_line(result),
        *result.notes,
    ]
    if other_sheets(result):
        out.append(f"To read another sheet: {Path(result.source).name} --sheet NAME.")
    rows = table_rows(result)
    if rows:
        out += ["", _line([title for title, _width in TEXT_COLUMNS])]
        for row in rows:
            due = row.due.isoformat() if row.due else ""
            situation = CATEGORY_PHRASES[row.category]
            cells = [str(row.row), row.name, row.ma_number, row.urgency_text, situation,
                     row.next_step, due]  # fmt: skip
            out.append(_line([*cells, row.days_left_text, row.staff_text, row.fee_text]))
    if result.problems:
        out += ["", "Rows that need fixing:"]
        out += [f"  {fix.message} ({rows_phrase(fix.rows)})" for fix in result.column_fixes]
        out += [f"  {problem_line(problem, result)}" for problem in result.problems]
    return "\n".join(out) + "\n"


def _line(cells: list[str]) -> str:
    parts = []
    for text, (_title, width) in zip(cells, TEXT_COLUMNS, strict=True):
        if len(text) > width:
            text = text[: width - 1] + "\N{HORIZONTAL ELLIPSIS}"
        parts.append(text.ljust(width))
    return " ".join(parts).rstrip()


def problem_line(problem: Problem, result: RosterResult) -> str:
    """ "Row 11 (Ann Lee): MA expiration (column C) holds …": the row, the name, the message
    (only what the cell holds when its column's message says how to fix it)."""
    who = f" ({problem.name})" if problem.name else ""
    return f"Row {problem.row}{who}: {result.problem_text(problem)}"
