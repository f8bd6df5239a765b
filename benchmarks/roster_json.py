"""`certalign roster FILE --json` against `certalign roster FILE` (the text table), same run.

For a 5,000-row and a 50,000-row roster (made here from a fixed seed by
`benchmarks.roster.write_roster`), the two commands run alternately (JSON, text, JSON, text
...), each a whole process with its output sent to /dev/null: wall time and the child's own
peak RSS (`startup.run_once`). The text table is the "floor": it reads and assesses the same
rows and prints one line a person, so the ratio is what writing JSON adds.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.roster import AS_OF, write_roster
from benchmarks.startup import Comparison, run_once

SIZES = (5_000, 50_000)
#: Goals of issue 17: wall seconds for each size, and peak RSS in MB for the larger one.
WALL_TARGETS = {5_000: 1.0, 50_000: 6.0}
RSS_TARGET_MB = 200.0


def command(path: Path, *options: str) -> list[str]:
    """``certalign roster PATH --as-of … [options]`` in this interpreter."""
    return [
        sys.executable, "-m", "certalign_gui.cli", "roster", str(path),
        "--as-of", AS_OF.isoformat(), *options,
    ]  # fmt: skip


def run(runs: int, *, quick: bool = False) -> dict[int, Comparison]:
    """Each size's JSON against its text, ``runs`` pairs (after a warm-up pair unless quick)."""
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for rows in SIZES:
            path = write_roster(Path(folder) / f"roster-{rows}.csv", rows)
            as_json, as_text = command(path, "--json"), command(path)
            if not quick:
                run_once(as_json)
                run_once(as_text)
            programs, floors = [], []
            for _ in range(runs):
                programs.append(run_once(as_json))
                floors.append(run_once(as_text))
            results[rows] = Comparison(f"roster --json, {rows:,} rows", programs, floors)
    return results
