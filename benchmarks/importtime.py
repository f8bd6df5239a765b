"""`python -X importtime` for the GUI and the CLI: the 15 costliest imports (cumulative)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from benchmarks.startup import WORKED_EXAMPLE

RESULTS = Path(__file__).resolve().parent / "results"


def top_imports(argv: list[str], count: int = 15) -> list[tuple[int, int, str]]:
    """(cumulative µs, self µs, module) of the ``count`` costliest imports of a command."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", *argv],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    rows = []
    for line in proc.stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, cumulative, name = (part.strip() for part in line[len("import time:") :].split("|"))
        rows.append((int(cumulative), int(own), name.strip()))
    return sorted(rows, reverse=True)[:count]


def write_reports() -> dict[str, Path]:
    """Write the GUI's and the CLI's top 15 to benchmarks/results/ and return the paths."""
    RESULTS.mkdir(exist_ok=True)
    commands = {
        "gui": ["-m", "certalign_gui", "--exit-after-startup"],
        "cli": ["-m", "certalign_gui.cli", *WORKED_EXAMPLE, "--json"],
    }
    written = {}
    for name, argv in commands.items():
        path = RESULTS / f"importtime-{name}.txt"
        lines = [f"python -X importtime {' '.join(argv)}", "cumulative_us  self_us  module"]
        lines += [f"{cum:>13}  {own:>7}  {mod}" for cum, own, mod in top_imports(argv)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written[name] = path
    return written
