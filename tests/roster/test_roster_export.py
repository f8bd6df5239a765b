"""JSON and CSV results, the blank template, and files written only when and where asked."""

from __future__ import annotations

import csv
import io
import json

import pytest
from roster_files import AS_OF, HEADER, write_csv

from certalign_gui.basics.file_writing import FileWriteError
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.output import CancelledError
from certalign_gui.roster.reader import read_roster, read_roster_bytes
from certalign_gui.roster.results_export import (
    CSV_HEADERS,
    neutralised,
    results_csv,
    roster_json,
)
from certalign_gui.roster.results_export import (
    write_csv as write_results_csv,
)
from certalign_gui.roster.template import (
    TEMPLATE_CSV,
    TemplateError,
    template_bytes,
    write_template,
)

BODY = (
    "Ann,1,03/31/2026,,03/31/2027,E1\n"
    "Bo,2,not a date,,03/31/2027,E2\n"
    '"=HYPERLINK(""http://x"",""y"")",+3,03/31/2026,never,,@4\n'
    "<b>x</b>,-5,03/31/2025,,03/31/2026,\n"
)


@pytest.fixture
def result(tmp_path):
    return assess_roster(read_roster(write_csv(tmp_path / "in.csv", f"{HEADER}\n{BODY}")), AS_OF)


def _csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads the file as UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_json_shape(result):
    data = json.loads(json.dumps(roster_json(result)))
    assert data["as_of"] == "2025-10-01"
    assert [p["row"] for p in data["people"]] == [2, 4, 5]
    person = data["people"][0]
    assert set(person) == {"row", "name", "ma_number", "nremt_number", "assessment"}
    # The policy once at the top; each person's assessment is the rest of assess()'s answer.
    full = result.people[0].assessment.model_dump(mode="json")
    assert data["policy"] == full.pop("policy")
    assert person["assessment"] == full
    assert data["problems"] == [
        {
            "row": 3,
            "name": "Bo",
            "column": "MA expiration",
            "value": "not a date",
            "message": 'MA expiration (column C) holds "not a date": Type the date with numbers, '
            "for example 03/31/2027.",
        }
    ]
    assert data["summary"]["text"] == "4 rows: 3 assessed, 1 needs fixing (row 3)"
    assert data["summary"]["need_fixing"] == [3]
    assert data["summary"]["counts"]["one_year_alignment"] == 2


def test_markup_names_stay_plain_text_in_json(result):
    names = [p["name"] for p in roster_json(result)["people"]]
    assert names == ["Ann", '=HYPERLINK("http://x","y")', "<b>x</b>"]


@pytest.mark.parametrize(
    ("text", "written"),
    [("=1+2", "'=1+2"), ("+3", "'+3"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"),
     ("\tx", "'\tx"), ("\rx", "'\rx"), ("Ann", "Ann"), ("", ""), ("a=b", "a=b")],
)  # fmt: skip
def test_csv_injection_is_neutralised(text, written):
    assert neutralised(text) == written


def test_csv_export_has_no_cell_a_spreadsheet_would_run(result):
    rows = _csv_rows(results_csv(result))
    assert rows[0] == list(CSV_HEADERS)
    for row in rows[1:]:
        for header, cell in zip(CSV_HEADERS, row, strict=True):
            if header != "Days left":  # a number the program wrote, such as -5
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (header, cell)
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name['\'=HYPERLINK("http://x","y")'][2] == "'+3"
    assert by_name["<b>x</b>"][2] == "'-5"


def test_csv_export_lists_rows_to_fix_first_then_by_next_due_date(result):
    rows = _csv_rows(results_csv(result))
    assert [row[0] for row in rows[1:]] == ["3", "5", "2", "4"]
    fixing = dict(zip(CSV_HEADERS, rows[1], strict=True))
    assert fixing["MA expiration"] == "not a date"
    assert "Type the date with numbers" in fixing["Needs fixing"]
    ann = dict(zip(CSV_HEADERS, rows[3], strict=True))
    assert ann["MA expiration"] == "2026-03-31"
    assert ann["Next step due"] == "2026-02-15"
    assert ann["Days left"] == "137"
    assert ann["Fee"] == "62.50"
    assert ann["Can staff an ambulance"] == "Yes"


def test_csv_export_reads_back_as_the_same_roster(result):
    again = assess_roster(read_roster_bytes(results_csv(result), "results.csv"), AS_OF)
    assert sorted((p.name, p.assessment) for p in again.people if p.name == "Ann") == [
        (p.name, p.assessment) for p in result.people if p.name == "Ann"
    ]
    assert len(again.people) == len(result.people)


def test_csv_is_not_written_over_an_existing_file_unless_asked(tmp_path, result):
    target = tmp_path / "out.csv"
    target.write_text("keep me")
    with pytest.raises(FileWriteError, match="already exists"):
        write_results_csv(target, result)
    assert target.read_text() == "keep me"
    write_results_csv(target, result, replace=True)
    assert target.read_bytes() == results_csv(result)


def test_cancelling_leaves_no_file(tmp_path, result):
    calls = []

    def cancel(done, total):
        calls.append((done, total))
        return False

    with pytest.raises(CancelledError):
        write_results_csv(tmp_path / "out.csv", result, progress=cancel)
    assert calls == [(0, 4)]
    assert list(tmp_path.iterdir()) == [tmp_path / "in.csv"]


def test_progress_runs_to_the_end(result):
    seen = []
    results_csv(result, progress=lambda done, total: seen.append((done, total)) or True)
    assert seen[0] == (0, 4)
    assert seen[-1] == (4, 4)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".XLSX"])
def test_template_reads_back_as_an_empty_roster(tmp_path, suffix):
    path = write_template(tmp_path / f"blank{suffix}")
    roster = read_roster(path)
    assert roster.rows == ()
    assert [column.header for column in roster.columns.values()] == HEADER.split(",")
    assert assess_roster(roster, AS_OF).row_count == 0


def test_csv_template_is_the_header_row():
    assert template_bytes(".csv").decode() == TEMPLATE_CSV == HEADER + "\r\n"


def test_template_refuses_another_kind_and_an_existing_file(tmp_path):
    with pytest.raises(TemplateError, match=r"\.csv or \.xlsx, not \.pdf"):
        write_template(tmp_path / "blank.pdf")
    (tmp_path / "blank.csv").write_text("mine")
    with pytest.raises(FileWriteError, match="already exists"):
        write_template(tmp_path / "blank.csv")
    assert (tmp_path / "blank.csv").read_text() == "mine"
