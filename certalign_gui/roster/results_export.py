"""The roster's results as JSON (for scripts) and as CSV (for Excel), without widgets."""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.roster.assess import RosterResult
from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.roster.output import Progress, save, tick
from certalign_gui.roster.summary import counts, summary_line, table_rows
from certalign_gui.roster.table_columns import CSV_RESULTS

#: A spreadsheet runs a cell that starts with one of these as a formula (OWASP, "CSV
#: Injection"): such a cell is written with a single quote in front, so it stays text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
#: The results after the template's columns: the table's own (`table_columns.CSV_RESULTS`,
#: by their full names), then what needs fixing. The catalogue's message ids: `csv_headers`
#: says them; the template's own column names are the file format's (the reader knows them),
#: the same in every language.
RESULT_HEADERS = (*(column.spoken_id for column in CSV_RESULTS), N_("Needs fixing"))
CSV_HEADERS = (N_("Row"), *TEMPLATE_HEADERS, *RESULT_HEADERS)
#: Rows written between two progress reports.
PROGRESS_EVERY = 250


def csv_headers() -> list[str]:
    """The results CSV's header row in the current language."""
    template = set(TEMPLATE_HEADERS)
    return [header if header in template else _(header) for header in CSV_HEADERS]


def roster_json(result: RosterResult) -> dict[str, Any]:
    """The whole result as JSON-ready data (`write_json`'s document, as one object)."""
    return json.loads("".join(json_chunks(result)))  # type: ignore[no-any-return]


def write_json(result: RosterResult, stream: TextIO) -> None:
    """Write the result as JSON to ``stream``, a person at a time (`json_chunks`)."""
    for chunk in json_chunks(result):
        stream.write(chunk)


def json_chunks(result: RosterResult) -> Iterator[str]:
    """The result as JSON text, in pieces: the policy once at the top, then each person on
    one line (their assessment without the policy), then the rows that need fixing.

    Most people share an assessment (one advice date, cards that expire on March 31): each
    different one is turned into JSON once, so 50,000 people cost little more than their
    lines. People and problems are in the file's order.
    """
    policy = result.people[0].assessment.policy if result.people else None
    head = {
        "as_of": result.as_of.isoformat(),
        "sheet": result.sheet,
        "policy": policy.model_dump(mode="json") if policy is not None else None,
        "summary": {
            "text": summary_line(result),
            "rows": result.row_count,
            "assessed": len(result.people),
            "need_fixing": list(result.problem_rows),
            "blank": list(result.blank_rows),
            "skipped": list(result.skipped_rows),
            "counts": counts(result),
        },
    }
    yield json.dumps(head, indent=2, ensure_ascii=False)[:-2] + ',\n  "people": ['
    answers: dict[int, str] = {}
    separator = "\n    "
    for person in result.people:
        answer = answers.get(id(person.assessment))
        if answer is None:
            answer = answers[id(person.assessment)] = json.dumps(
                person.assessment.model_dump(mode="json", exclude={"policy"}),
                ensure_ascii=False,
                separators=(",", ":"),
            )
        who = json.dumps(
            {"row": person.row, "name": person.name, "ma_number": person.ma_number,
             "nremt_number": person.nremt_number},
            ensure_ascii=False, separators=(",", ":"),
        )  # fmt: skip
        yield f'{separator}{who[:-1]},"assessment":{answer}}}'
        separator = ",\n    "
    tail = {
        "problems": [
            {"row": p.row, "name": p.name, "column": p.column, "value": p.value,
             "message": p.message}
            for p in result.problems
        ],
        "column_problems": [
            {"column": fix.column, "rows": list(fix.rows), "message": fix.message}
            for fix in result.column_fixes
        ],
        "notes": list(result.notes),
    }  # fmt: skip
    rest = json.dumps(tail, indent=2, ensure_ascii=False)[2:]
    yield ("\n  ],\n" if result.people else "],\n") + rest + "\n"


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
    writer.writerow(csv_headers())
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
                    cells.get("nremt_number", ""))),
                *("" for _column in CSV_RESULTS),
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
                    line.nremt_number)),
                *(_cell(column.cell_value(line)) for column in CSV_RESULTS),
                "",
            ]
        )  # fmt: skip
        done += 1
        if done % PROGRESS_EVERY == 0:
            tick(progress, done, total)
    tick(progress, total, total)
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value: str | int) -> str | int:
    """A table value for the CSV: text never runs as a formula; numbers stay numbers."""
    return neutralised(value) if isinstance(value, str) else value


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
