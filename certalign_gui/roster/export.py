"""The roster's results as JSON (for scripts) and as CSV (for Excel), without widgets."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from certalign_gui.roster.assess import RosterResult
from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.roster.output import Progress, save, tick
from certalign_gui.roster.summary import counts, summary_line, table_rows

#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
#: Injection"): such a cell is written with a single quote in front, so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
RESULT_HEADERS = (
    "Situation",
    "Next step",
    "Due",
    "Days left",
    "Can staff an ambulance",
    "Fee",
    "Needs fixing",
)
CSV_HEADERS = ("Row", *TEMPLATE_HEADERS, *RESULT_HEADERS)
#: Rows written between two progress reports.
PROGRESS_EVERY = 250


def roster_json(result: RosterResult) -> dict[str, Any]:
    """The whole result as JSON-ready data: people and problems in the file's row order."""
    return {
        "as_of": result.as_of.isoformat(),
        "summary": {
            "text": summary_line(result),
            "rows": result.row_count,
            "assessed": len(result.people),
            "need_fixing": list(result.problem_rows),
            "blank": list(result.blank_rows),
            "counts": counts(result),
        },
        "people": [
            {
                "row": person.row,
                "name": person.name,
                "ma_number": person.ma_number,
                "nremt_number": person.nremt_number,
                "assessment": person.assessment.model_dump(mode="json"),
            }
            for person in result.people
        ],
        "problems": [
            {"row": p.row, "column": p.column, "value": p.value, "message": p.message}
            for p in result.problems
        ],
        "notes": list(result.notes),
    }


def neutralised(text: str) -> str:
    """``text`` as a spreadsheet will show it: never run as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def results_csv(result: RosterResult, progress: Progress | None = None) -> bytes:
    """The table as CSV (UTF-8 with a BOM, for Excel): rows that need fixing first.

    The input columns are the template's, so the file can be corrected and read again.
    Raises `CancelledError` when ``progress`` returns False.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADERS)
    total = len(result.unassessed) + len(result.people)
    done = 0
    tick(progress, done, total)
    messages: dict[int, list[str]] = {}
    for problem in result.problems:
        messages.setdefault(problem.row, []).append(problem.message)
    for row in result.unassessed:
        cells = row.cells
        writer.writerow(
            [
                row.row,
                *(neutralised(text) for text in (
                    row.name, cells.get("ma_number", ""), cells.get("ma_expiration", ""),
                    cells.get("nremt_status", ""), cells.get("nremt_expiration", ""),
                    cells.get("nremt_number", ""), "", "", "")),
                "", "", "",
                neutralised(" ".join(messages.get(row.row, []))),
            ]
        )  # fmt: skip
        done += 1
        if done % PROGRESS_EVERY == 0:
            tick(progress, done, total)
    by_row = {person.row: person for person in result.people}
    for line in table_rows(result):
        situation = by_row[line.row].assessment.situation
        writer.writerow(
            [
                line.row,
                *(neutralised(text) for text in (
                    line.name, line.ma_number, situation.ma_expiration.isoformat(),
                    situation.nremt_status, _iso(situation.nremt_expiration),
                    line.nremt_number, line.situation, line.next_step, _iso(line.due))),
                "" if line.days_left is None else line.days_left,
                line.staff_text,
                "" if line.fee is None else f"{line.fee:.2f}",
                "",
            ]
        )  # fmt: skip
        done += 1
        if done % PROGRESS_EVERY == 0:
            tick(progress, done, total)
    tick(progress, total, total)
    return buffer.getvalue().encode("utf-8-sig")


def _iso(day: object) -> str:
    return "" if day is None else day.isoformat()  # type: ignore[attr-defined]


def write_csv(
    path: str | os.PathLike[str],
    result: RosterResult,
    *,
    replace: bool = False,
    progress: Progress | None = None,
) -> Path:
    """Write `results_csv` to ``path`` in one step; an existing file needs ``replace``.

    Raises `CancelledError` (nothing written) or `FileWriteError` (one sentence, names the file).
    """
    return save(path, results_csv(result, progress), replace=replace)
