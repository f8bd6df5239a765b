"""`make bench` is a benchmark, not a timed test: here it only has to run, once, quickly."""

import subprocess
import sys
from pathlib import Path
from typing import get_args

ROOT = Path(__file__).resolve().parents[2]


def test_quick_benchmark_runs_every_measurement():
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    for row in (
        "GUI --exit-after-startup: wall",
        "GUI --exit-after-startup: peak RSS",
        "CLI --json: wall",
        "assess() throughput",
        "checklist PDF",
        ".ics calendar",
        "GUI time to first paint",
    ):
        assert row in result.stdout


def test_the_benchmark_situations_are_fixed_and_cover_every_category():
    from benchmarks.inprocess import situations
    from certalign_gui.rules import assess
    from certalign_gui.rules.models import Category

    first, second = situations(2000), situations(2000)
    assert first == second
    assert {assess(s).category for s in first} == set(get_args(Category))
