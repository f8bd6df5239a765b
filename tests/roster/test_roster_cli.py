"""`certalign roster`: output, files, exit statuses, and a 5,000-row roster checked row by row."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pypdf
import pytest
from roster_files import (
    AS_OF,
    HEADER,
    generate,
    generated_csv,
    generated_xlsx,
    write_csv,
    write_xlsx,
)

from certalign_gui import cli
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.reader import read_roster
from certalign_gui.rules import assess

GOOD = f"{HEADER}\nAnn,1,03/31/2026,,03/31/2027,E1\nBo,2,03/31/2026,expired,,E2\n"
WITH_PROBLEM = GOOD + "Cy,3,13/45/2026,,03/31/2027,E3\n"


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    status = cli.main(["roster", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def _error_line(err: str) -> str:
    assert err.count("\n") == 1, err
    assert err.startswith("certalign: error: ")
    assert "Traceback" not in err
    return err


def test_all_rows_assessed_exits_0_and_prints_summary_counts_and_table(capsys, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD)
    status, out, err = _run(capsys, str(path), "--as-of", "10/01/2025")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[:3] == [
        "r.csv: advice as of October 1, 2025",
        "2 rows: 2 assessed",
        "1 must align · 1 must regain NREMT",
    ]
    # The summary PDF's columns, in its order (roster/table_columns.py: PAPER).
    assert lines[4].split() == [
        "Row", "Name", "MA", "number", "Urgency", "Situation", "Next", "step", "Due", "Days",
        "left", "Can", "staff", "Fee",
    ]  # fmt: skip
    # Regaining NREMT has no date but is urgent: it comes before the dated alignment.
    assert lines[5].split()[:2] == ["3", "Bo"]
    assert "regain" in lines[5].lower()
    assert lines[6].split()[:2] == ["2", "Ann"]
    assert "must align" in lines[6]
    assert "02/15/2026" in lines[6]  # the date as the checklist and the PDF write it
    assert "$62.50" in lines[6]


def test_rows_that_need_fixing_exit_3_and_are_listed_after_the_table(capsys, tmp_path):
    path = write_csv(tmp_path / "r.csv", WITH_PROBLEM)
    status, out, _err = _run(capsys, str(path), "--as-of", "2025-10-01")
    assert status == 3
    assert "3 rows: 2 assessed, 1 needs fixing (row 4)" in out
    assert out.rstrip().endswith(
        'Row 4 (Cy): MA expiration (column C) holds "13/45/2026": There is no month 13. Type the '
        "month first, then the day, for example 03/31/2027."
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["nope.csv"], "nope.csv: there is no such file"),
        (["{empty}"], "the file is empty"),
        (["{good}", "--as-of", "31/03/2026"], "--as-of: '31/03/2026' is not a date"),
        (["{good}", "--bogus"], "unrecognized arguments: --bogus"),
        ([], "give a roster FILE, or --template OUT"),
        (["--csv", "{out}"], "--csv needs a roster FILE"),
        (["{good}", "--csv", "{good}"], "is the roster itself"),
        (["{good}", "--csv", "{out}", "--pdf", "{out}"], "is also given to another option"),
        (["{good}", "--csv", "{folder}"], "that is a folder"),
        (["{good}", "--csv", "{nowhere}/x.csv"], "that folder does not exist"),
        (["--template", "{folder}/t.txt"], "must end in .csv or .xlsx"),
        (["{wrong}"], 'The columns found are "Employee", "Phone"'),
    ],
)
def test_unusable_input_exits_2_with_one_line(capsys, tmp_path, argv, words):
    names = {
        "empty": tmp_path / "empty.csv",
        "good": write_csv(tmp_path / "good.csv", GOOD),
        "wrong": write_csv(tmp_path / "wrong.csv", "Employee,Phone\nAnn,555\n"),
        "out": tmp_path / "out.csv",
        "folder": tmp_path,
        "nowhere": tmp_path / "nowhere",
    }
    names["empty"].write_bytes(b"")
    status, out, err = _run(capsys, *(arg.format(**names) for arg in argv))
    assert status == 2
    assert out == ""
    assert words in _error_line(err)


def test_existing_files_are_refused_unless_forced(capsys, tmp_path):
    path = write_csv(tmp_path / "r.csv", GOOD)
    target = tmp_path / "out.csv"
    target.write_text("keep")
    status, out, err = _run(capsys, str(path), "--csv", str(target))
    assert status == 2
    assert "already exists; add --force to replace it" in _error_line(err)
    assert out == ""
    assert target.read_text() == "keep"
    status, out, _err = _run(capsys, str(path), "--csv", str(target), "--force")
    assert status == 0
    assert out.splitlines()[-1] == f"certalign: wrote the results (CSV) to {target}"
    assert target.read_bytes().startswith(b"\xef\xbb\xbfRow,Name")


def test_template_without_a_file(capsys, tmp_path):
    for suffix in (".csv", ".xlsx"):
        target = tmp_path / f"blank{suffix}"
        status, out, err = _run(capsys, "--template", str(target))
        assert (status, err) == (0, "")
        assert out == f"certalign: wrote the blank roster template to {target}\n"
        assert read_roster(target).rows == ()


def test_json_goes_to_stdout_and_file_lines_to_stderr(capsys, tmp_path, qapp):
    path = write_csv(tmp_path / "r.csv", WITH_PROBLEM)
    argv = [str(path), "--as-of", "2025-10-01", "--json"]
    files = ["--csv", "out.csv", "--pdf", "summary.pdf", "--checklists", "all.pdf"]
    status, out, err = _run(capsys, *argv, *(str(tmp_path / a) if "." in a else a for a in files))
    assert status == 3
    data = json.loads(out)
    assert [p["row"] for p in data["people"]] == [2, 3]
    assert data["problems"][0]["row"] == 4
    assert err.splitlines() == [
        f"certalign: wrote the results (CSV) to {tmp_path / 'out.csv'}",
        f"certalign: wrote the roster summary to {tmp_path / 'summary.pdf'}",
        f"certalign: wrote the checklists for everyone to {tmp_path / 'all.pdf'}",
    ]
    assert len(pypdf.PdfReader(tmp_path / "all.pdf").pages) == 2


def test_checklists_for_nobody_write_no_file(capsys, tmp_path, qapp):
    path = write_csv(tmp_path / "r.csv", HEADER)
    status, out, err = _run(capsys, str(path), "--checklists", str(tmp_path / "all.pdf"))
    assert status == 0
    assert "nobody to assess" in out
    assert "nobody was assessed, so no file was written" in err
    assert not (tmp_path / "all.pdf").exists()


def test_help_exits_0(capsys):
    status, out, _err = _run(capsys, "--help")
    assert status == 0
    assert "certalign roster" in out
    assert "--checklists" in out


def _check_every_person(data: dict, people) -> None:
    assert data["problems"] == []
    assert len(data["people"]) == len(people)
    for entry, person in zip(data["people"], people, strict=True):
        expected = assess(person.situation(AS_OF)).model_dump(mode="json")
        assert data["policy"] == expected.pop("policy")
        assert entry["assessment"] == expected, entry["row"]
        assert (entry["name"], entry["ma_number"]) == (person.name, person.ma_number)


def test_5000_rows_each_equal_to_assess_computed_independently(capsys, tmp_path, record_property):
    people = generate(5000)
    categories = {assess(person.situation(AS_OF)).category for person in people}
    assert len(categories) == 6  # every category occurs
    path = generated_csv(tmp_path / "big.csv", people)
    start = time.perf_counter()
    result = assess_roster(read_roster(path), AS_OF)
    elapsed = time.perf_counter() - start
    record_property("csv_5000_rows_ms", round(elapsed * 1000))
    with capsys.disabled():
        per_row = elapsed * 200  # µs: 1e6 / 5000
        print(f"\n5,000 CSV rows read + assessed: {elapsed * 1000:.0f} ms, {per_row:.0f} µs/row")
    assert len(result.people) == 5000
    status, out, _err = _run(capsys, str(path), "--as-of", AS_OF.isoformat(), "--json")
    assert status == 0
    _check_every_person(json.loads(out), people)


def test_5000_rows_from_a_workbook(capsys, tmp_path, record_property):
    people = generate(5000, seed=14, spreadsheet=True)
    path = generated_xlsx(tmp_path / "big.xlsx", people)
    start = time.perf_counter()
    assess_roster(read_roster(path), AS_OF)
    elapsed = time.perf_counter() - start
    record_property("xlsx_5000_rows_ms", round(elapsed * 1000))
    with capsys.disabled():
        per_row = elapsed * 200  # µs: 1e6 / 5000
        print(f"\n5,000 .xlsx rows read + assessed: {elapsed * 1000:.0f} ms, {per_row:.0f} µs/row")
    status, out, _err = _run(capsys, str(path), "--as-of", AS_OF.isoformat(), "--json")
    assert status == 0
    _check_every_person(json.loads(out), people)


def _subprocess(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    code = "import sys; from certalign_gui.cli import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code, *argv],
        capture_output=True, text=True, timeout=120, cwd=cwd, check=False,
    )  # fmt: skip


def _imported(stderr: str) -> set[str]:
    lines = [line for line in stderr.splitlines() if line.startswith("import time:")]
    return {line.rsplit("|", 1)[-1].strip().split(".")[0] for line in lines}


def test_subprocess_exit_statuses_and_what_is_imported(tmp_path):
    good = write_csv(tmp_path / "good.csv", GOOD)
    fixing = write_csv(tmp_path / "fix.csv", WITH_PROBLEM)
    ok = _subprocess("roster", str(good), "--as-of", "2025-10-01", cwd=tmp_path)
    assert ok.returncode == 0
    assert "2 rows: 2 assessed" in ok.stdout
    # A CSV needs neither Qt nor the spreadsheet libraries.
    assert not _imported(ok.stderr) & {"PySide6", "shiboken6", "python_calamine", "openpyxl"}
    assert _subprocess("roster", str(fixing), cwd=tmp_path).returncode == 3
    bad = _subprocess("roster", str(tmp_path / "nope.csv"), cwd=tmp_path)
    assert bad.returncode == 2
    assert bad.stdout == ""
    errors = [line for line in bad.stderr.splitlines() if not line.startswith("import time:")]
    assert errors == [f"certalign: error: {tmp_path / 'nope.csv'}: there is no such file"]
    plain = _subprocess("--ma-expires", "2026-03-31", "--nremt-status", "never", cwd=tmp_path)
    assert plain.returncode == 0
    assert not _imported(plain.stderr) & {"python_calamine", "openpyxl"}
    assert "certalign_gui" in _imported(plain.stderr)


def test_a_workbook_loads_only_the_reader(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration", "NREMT status"],
                                             ["Ann", "03/31/2026", "never"]])  # fmt: skip
    run = _subprocess("roster", str(path), cwd=tmp_path)
    assert run.returncode == 0
    imported = _imported(run.stderr)
    assert "python_calamine" in imported
    assert not imported & {"PySide6", "openpyxl"}


def test_the_roster_as_read_by_the_cli_equals_the_package(tmp_path, capsys):
    path = write_csv(tmp_path / "r.csv", WITH_PROBLEM)
    result = assess_roster(read_roster(path), AS_OF)
    _status, out, _err = _run(capsys, str(path), "--as-of", "2025-10-01", "--json")
    data = json.loads(out)
    assert [p["assessment"] for p in data["people"]] == [
        p.assessment.model_dump(mode="json", exclude={"policy"}) for p in result.people
    ]
