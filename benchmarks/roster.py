"""The roster window's benchmark, in its own process (it needs a QApplication with widgets).

    python -m benchmarks.roster [--quick]    # prints one JSON object

- **open**: from the click that opens a roster of 5,000 rows to the table painted: the file
  read, every row assessed, the model filled, the window laid out and the rows on screen
  painted (`RosterWindow.open_file`, then a synchronous repaint). The median of several
  opens after a warm-up, and the first (cold) one.
- **scroll**: the view scrolled through every row a page at a time, each page painted at
  once (`verticalScrollBar().setValue` + `repaint()`): milliseconds per page.
- **sort** and **filter**: a header click's sort of 5,000 rows, one key in the filter box.
- **checklists**: "checklists for everyone", pages per second.

The roster is made here from a fixed seed: names, numbers, dates in the forms people type.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

SEED = 13
AS_OF = date(2025, 10, 1)
ROWS = 5_000
HEADERS = (
    "Name",
    "MA certification number",
    "MA expiration",
    "NREMT status",
    "NREMT expiration",
    "NREMT number",
)
FIRST = ("Ana", "Bo", "Chris", "Dee", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jo")
LAST = ("Alvarez", "Brennan", "Chen", "Doyle", "Ekwueme", "Fitzgerald", "Garcia", "Hughes")


def write_roster(path: Path, rows: int, seed: int = SEED) -> Path:
    """A roster of ``rows`` valid people over every situation, from a fixed seed."""
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADERS)
        for index in range(rows):
            year = rng.randint(2024, 2029)
            ma = date(year, 3, 31) if rng.random() < 0.85 else date(year, rng.randint(1, 12), 15)
            status = rng.choice(("active", "active", "active", "", "expired", "never"))
            nremt = ""
            if status in ("active", ""):
                day = date(year + rng.choice((-1, 0, 0, 1, 1, 1, 2)), 3, 31)
                nremt = rng.choice((f"{day:%m/%d/%Y}", day.isoformat(), f"{day:%m%d%Y}"))
            writer.writerow(
                [
                    f"{rng.choice(FIRST)} {rng.choice(LAST)} {index}",
                    f"{700000 + index}",
                    rng.choice((f"{ma:%m/%d/%Y}", ma.isoformat(), f"{ma.month}/{ma.day}/{ma:%y}")),
                    status,
                    nremt,
                    f"E{900000 + index}",
                ]
            )
    return path


def _ms(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def measure(*, quick: bool) -> dict[str, float]:
    """Every roster figure, in milliseconds (and pages a second for the checklists)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from certalign_gui.app import _application, dialog_save_flow, roster_window
    from certalign_gui.gui.roster.model import Column
    from certalign_gui.gui.shell.session import Session
    from certalign_gui.roster.checklists import checklists_pdf
    from certalign_gui.rules import load_policy

    app = _application(sys.argv[:1])
    window = roster_window(load_policy(), lambda: AS_OF, Session(), dialog_save_flow())
    window.resize(1180, 720)
    window.show()
    QTest.qWaitForWindowExposed(window)
    table = window.table

    def open_and_paint(path: Path) -> None:
        assert window.open_file(path)
        app.processEvents()
        table.viewport().repaint()

    with tempfile.TemporaryDirectory() as folder:
        path = write_roster(Path(folder) / "roster.csv", ROWS)
        first = _ms(lambda: open_and_paint(path))
        opens = [_ms(lambda: open_and_paint(path)) for _ in range(2 if quick else 7)]
    assert window.model.rowCount() == ROWS

    bar = table.verticalScrollBar()
    positions = list(range(0, bar.maximum() + 1, max(bar.pageStep(), 1)))
    if quick:
        positions = positions[:20]

    def scroll() -> None:
        for value in positions:
            bar.setValue(value)
            table.viewport().repaint()

    scrolled = _ms(scroll) / len(positions)

    def sort(column: Column) -> None:
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        table.viewport().repaint()

    sorts = [_ms(lambda column=column: sort(column)) for column in (Column.NAME, Column.DUE) * 2]

    def type_key(text: str) -> None:
        window.filter_edit.setText(text)
        table.viewport().repaint()

    filters = [_ms(lambda text=text: type_key(text)) for text in ("a", "an", "ana", "")]

    people = window.model.people()[: 8 if quick else 120]
    checklists_pdf(people[:2], printed_on=AS_OF)  # fonts and QR codes made once
    start = time.perf_counter()
    checklists_pdf(people, printed_on=AS_OF)
    pages_per_second = len(people) / (time.perf_counter() - start)
    window.forget()
    window.close()
    return {
        "rows": ROWS,
        "open_ms": statistics.median(opens),
        "open_first_ms": first,
        "open_us_per_row": statistics.median(opens) * 1000 / ROWS,
        "scroll_ms_per_page": scrolled,
        "scroll_pages": len(positions),
        "rows_per_page": table.viewport().height() // table.verticalHeader().defaultSectionSize(),
        "sort_ms": statistics.median(sorts),
        "filter_ms": statistics.median(filters),
        "checklist_pages_per_second": pages_per_second,
        "checklist_pages": len(people),
    }


def run(*, quick: bool) -> dict[str, float]:
    """`measure` in a fresh process (the caller may already hold a QGuiApplication)."""
    import subprocess

    argv = [sys.executable, "-m", "benchmarks.roster", *(["--quick"] if quick else [])]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    done = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parent.parent,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        raise RuntimeError(f"benchmarks.roster exited {done.returncode}: {done.stderr[-800:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="benchmarks.roster", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repeats and pages")
    args = parser.parse_args(argv)
    print(json.dumps(measure(quick=args.quick)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
