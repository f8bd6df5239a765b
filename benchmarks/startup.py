"""Start-up benchmark: each program against its floor, run alternately, in the same run.

Wall time and peak RSS of whole processes, A B A B ..., so machine noise hits both alike;
the ratio is taken per pair, and the median of those ratios is reported.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BIN = Path(sys.executable).parent
WORKED_EXAMPLE = [
    "--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10",
]  # fmt: skip


@dataclass(frozen=True)
class Sample:
    """One process run: wall seconds, peak resident memory in MB, and (GUI) first paint."""

    seconds: float
    peak_mb: float
    first_paint: float | None = None


def run_once(argv: list[str]) -> Sample:
    """Run a command to completion; measure its wall time and its own peak RSS (wait4)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CERTALIGN_STARTUP_TIMES="1")
    spawned = time.time()
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode != 0:
        raise RuntimeError(f"{argv[0]} exited {proc.returncode}: {stderr.strip()[-500:]}")
    return Sample(
        seconds=seconds, peak_mb=usage.ru_maxrss / 1024, first_paint=_first_paint(stderr, spawned)
    )


def _first_paint(stderr: str, spawned: float) -> float | None:
    """Seconds from spawn to the first paint, from a ``startup-times first_paint=<epoch>`` line."""
    for line in stderr.splitlines():
        if line.startswith("startup-times "):
            times = dict(part.split("=", 1) for part in line.split()[1:])
            if "first_paint" in times:
                return float(times["first_paint"]) - spawned
    return None


@dataclass(frozen=True)
class Comparison:
    """A program against its floor."""

    name: str
    program: list[Sample]
    floor: list[Sample]

    def median(self, which: str, attr: str) -> float:
        samples = self.program if which == "program" else self.floor
        return statistics.median(getattr(s, attr) for s in samples)

    def median_first_paint(self, which: str) -> float | None:
        samples = self.program if which == "program" else self.floor
        paints = [s.first_paint for s in samples if s.first_paint is not None]
        return statistics.median(paints) if paints else None

    def ratio(self, attr: str) -> float:
        pairs = zip(self.program, self.floor, strict=True)
        return statistics.median(getattr(p, attr) / getattr(f, attr) for p, f in pairs)


def compare(name: str, program: list[str], floor: list[str], runs: int) -> Comparison:
    """Alternate program and floor ``runs`` times each (after one untimed warm-up of each)."""
    run_once(program)
    run_once(floor)
    programs, floors = [], []
    for _ in range(runs):
        programs.append(run_once(program))
        floors.append(run_once(floor))
    return Comparison(name, programs, floors)


def gui_command() -> list[str]:
    return [sys.executable, "-m", "certalign_gui", "--exit-after-startup"]


def cli_command() -> list[str]:
    return [sys.executable, "-m", "certalign_gui.cli", *WORKED_EXAMPLE, "--json"]


def bare_wizard_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_wizard.py")]


def bare_pydantic_command() -> list[str]:
    return [sys.executable, str(HERE / "bare_pydantic.py")]


def run_all(runs: int) -> list[Comparison]:
    """Both comparisons of the issue: GUI vs the Qt+pydantic floor, CLI vs the pydantic floor."""
    return [
        compare("GUI --exit-after-startup vs bare QWizard+pydantic", gui_command(),
                bare_wizard_command(), runs),
        compare("CLI --json vs bare pydantic", cli_command(), bare_pydantic_command(), runs),
    ]  # fmt: skip
