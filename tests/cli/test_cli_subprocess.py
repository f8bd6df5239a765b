"""`certalign` as a real program: the installed script, `python -m`, and what it imports."""

import json
import subprocess
import sys
from pathlib import Path

DONE_CHECK = [
    "--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10",
    "--json",
]  # fmt: skip


def _run(command):
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_installed_certalign_script_passes_the_issue_done_check():
    script = Path(sys.executable).with_name("certalign")
    assert script.exists(), "pip install -e . creates the certalign script"
    result = _run([str(script), *DONE_CHECK])
    assert (result.returncode, result.stderr) == (0, "")
    answer = json.loads(result.stdout)
    assert (answer["category"], answer["phase"]) == ("one_year_alignment", "open")
    assert answer["fee"] == {"amount": "62.50", "currency": "USD"}
    deadlines = {d["kind"]: d["date"] for d in answer["deadlines"]}
    assert deadlines["recommended"] == "2025-02-15"
    assert deadlines["late_submission"] == "2026-03-31"


def test_python_dash_m_runs_and_reports_bad_input_on_one_line():
    good = _run([sys.executable, "-m", "certalign_gui.cli", *DONE_CHECK[:-1]])
    assert good.returncode == 0
    assert "You need the one-year alignment\n===" in good.stdout
    bad = _run([sys.executable, "-m", "certalign_gui.cli", "--ma-expires", "2025-02-30"])
    assert bad.returncode == 2
    assert bad.stdout == ""
    assert bad.stderr.count("\n") == 1
    assert bad.stderr.startswith("certalign: error: --ma-expires: ")


def test_cli_start_up_imports_no_qt():
    result = _run([sys.executable, "-X", "importtime", "-m", "certalign_gui.cli", "--help"])
    assert result.returncode == 0
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines()]
    assert "certalign_gui.rules" in imported
    assert not [name for name in imported if name.split(".")[0] in ("PySide6", "shiboken6")]
