"""`make bench` is a benchmark, not a timed test: here it only has to run, once, quickly, and
every row has to have measured something."""

import re
import subprocess
import sys
from pathlib import Path
from typing import get_args

ROOT = Path(__file__).resolve().parents[2]

# Each row of `python -m benchmarks.run --quick`: its unit, and whether it is compared with
# a floor (a bare program run the same way), which then has a value and a ratio too.
ROWS = {
    "GUI --exit-after-startup: wall": ("s", True),
    "GUI --exit-after-startup: peak RSS": ("MB", True),
    "CLI --json: wall": ("s", True),
    "CLI --json: peak RSS": ("MB", True),
    "assess() throughput": ("/s", False),
    "checklist HTML (ms)": ("ms", False),
    "checklist PDF, one page with QR and timeline (ms)": ("ms", False),
    "checklist PDF, the session's first (typst loads) (ms)": ("ms", False),
    "printed page via QPainter, as a PDF (ms)": ("ms", False),
    ".ics calendar (ms)": ("ms", False),
    "GUI time to first paint": ("s", True),
    "roster: 5,000 rows read, assessed and shown (ms)": ("ms", False),
    "roster: table scrolled one page (ms)": ("ms", False),
    "roster: sorted by a header click (ms)": ("ms", False),
    "roster: filter box, one key (ms)": ("ms", False),
    "roster: checklists for everyone (pages/s)": ("/s", False),
    "roster --json, 5,000 rows: wall (text table as floor)": ("s", True),
    "roster --json, 5,000 rows: peak RSS": ("MB", True),
    "roster --json, 50,000 rows: wall (text table as floor)": ("s", True),
    "roster --json, 50,000 rows: peak RSS": ("MB", True),
}
# What a real measurement of this program can be, per unit: a process starts in well under
# two minutes and needs a few MB at least; an outlet takes under a minute; assess() runs at
# least once a second. Zero, NaN, a missing value or a wrong unit is not a measurement.
PLAUSIBLE = {
    "s": (0.0, 120.0),
    "MB": (5.0, 16_384.0),
    "ms": (0.0, 60_000.0),
    "/s": (1.0, 1e9),
    "x": (0.0, 100.0),
}
QUANTITY = re.compile(r"(?P<number>[0-9][0-9,]*(?:\.[0-9]+)?) ?(?P<unit>s|MB|ms|/s|x)")


def _quantity(label, cell, unit):
    """The number in ``cell`` ("0.387 s", "33,681 /s", "1.55x"), checked for ``unit``."""
    match = QUANTITY.fullmatch(cell)
    assert match, f"{label}: {cell!r} is not a number with a unit"
    assert match["unit"] == unit, f"{label}: {cell!r} is not in {unit}"
    value = float(match["number"].replace(",", ""))
    low, high = PLAUSIBLE[unit]
    assert low < value <= high, f"{label}: {cell!r} measures nothing"
    return value


def _table(stdout):
    """The Markdown table's rows, label -> cells (header and rule left out)."""
    rows = {}
    for line in stdout.splitlines():
        if not line.startswith("| ") or line.startswith(("| measurement", "| ---")):
            continue
        label, *cells = (cell.strip() for cell in line.strip().strip("|").split("|"))
        assert label not in rows, f"{label} twice"
        rows[label] = cells
    return rows


def test_quick_benchmark_measures_something_in_every_row():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    table = _table(result.stdout)
    assert set(table) == set(ROWS), result.stdout
    for label, (unit, compared) in ROWS.items():
        program, floor, ratio, _target = table[label]
        _quantity(label, program, unit)
        if compared:
            _quantity(label, floor, unit)
            _quantity(label, ratio, "x")
        else:
            assert (floor, ratio) == ("", ""), label


def test_the_benchmark_situations_are_fixed_and_cover_every_category():
    from benchmarks.inprocess import situations
    from certalign_gui.rules import assess
    from certalign_gui.rules.models import Category

    first, second = situations(2000), situations(2000)
    assert first == second
    assert {assess(s).category for s in first} == set(get_args(Category))
