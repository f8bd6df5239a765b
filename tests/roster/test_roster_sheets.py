"""A workbook's sheets: the one shown when it was saved is read (read from the file itself for
each kind of workbook), the others are said, and `--sheet` chooses another."""

from __future__ import annotations

import struct

import pytest
from real_shaped import FILES, write
from roster_files import AS_OF, TWO_YEARS, write_csv, write_workbook

from certalign_gui import cli
from certalign_gui.roster.reader import RosterFileError, read_roster
from certalign_gui.roster.sheets import active_sheet, xlsb_active_tab


@pytest.mark.parametrize("selected", ["2025", "2026", "Notes"])
def test_the_xlsx_tab_shown_when_saved_is_known(tmp_path, selected):
    path = write_workbook(tmp_path / "w.xlsx", TWO_YEARS, selected=selected)
    assert active_sheet(path.read_bytes()) == list(TWO_YEARS).index(selected)


@pytest.mark.parametrize("name", ["libreoffice", "excel-97"])
def test_the_ods_and_xls_tab_shown_when_saved_is_known(tmp_path, name):
    shaped = next(shaped for shaped in FILES if shaped.name == name)
    data = write(shaped, tmp_path).read_bytes()
    expected = shaped.selected if name == "libreoffice" else list(shaped.sheets).index(
        shaped.selected)  # fmt: skip
    assert active_sheet(data) == expected


def _record(kind: int, body: bytes) -> bytes:
    # BIFF12: type and size in 7-bit groups, the high bit saying another byte follows.
    def number(value: int) -> bytes:
        out = bytearray()
        while True:
            byte, value = value & 0x7F, value >> 7
            out.append(byte | (0x80 if value else 0))
            if not value:
                return bytes(out)

    return number(kind) + number(len(body)) + body


def test_the_xlsb_book_view_gives_the_selected_tab():
    view = struct.pack("<7I", 0, 0, 1000, 800, 600, 0, 2) + b"\x00" * 2
    data = _record(0x83, b"") + _record(0x99, b"\x01" * 200) + _record(0x9E, view)
    assert xlsb_active_tab(data) == 2
    assert xlsb_active_tab(_record(0x83, b"")) is None


@pytest.mark.parametrize("data", [b"", b"PK\x03\x04broken", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"])
def test_a_damaged_workbook_says_nothing_about_its_tab(data):
    assert active_sheet(data) is None


def test_a_workbook_without_a_selected_roster_sheet_reads_the_first_roster_sheet(tmp_path):
    path = write_workbook(tmp_path / "w.xlsx", TWO_YEARS, selected="Notes")
    roster = read_roster(path)
    assert roster.sheet == "2025"
    assert roster.notes[0].startswith('Read the sheet "2025" (the selected sheet "Notes" has no')
    assert 'Another sheet also holds a roster: "2026".' in roster.notes[0]


def test_the_sheet_option_reads_another_sheet(tmp_path, capsys):
    path = write_workbook(tmp_path / "w.xlsx", TWO_YEARS, selected="2026")
    status = cli.main(["roster", str(path), "--as-of", AS_OF.isoformat()])
    out = capsys.readouterr().out
    assert status == 0
    assert "Ann Current" in out
    assert "Stale Person" not in out
    assert 'Another sheet also holds a roster: "2025"' in out
    assert "To read another sheet: w.xlsx --sheet NAME." in out
    status = cli.main(["roster", str(path), "--as-of", AS_OF.isoformat(), "--sheet", "2025"])
    out = capsys.readouterr().out
    assert status == 0
    assert "Stale Person" in out
    assert "Ann Current" not in out
    assert 'Read the sheet "2025" (the sheet asked for' in out


@pytest.mark.parametrize(
    ("sheet", "words"),
    [("2024", 'has no sheet "2024"; its sheets are "2025", "2026", "Notes"')],
)
def test_an_unknown_sheet_is_refused_naming_the_sheets(tmp_path, capsys, sheet, words):
    path = write_workbook(tmp_path / "w.xlsx", TWO_YEARS, selected="2026")
    status = cli.main(["roster", str(path), "--sheet", sheet])
    assert status == 2
    assert words in capsys.readouterr().err


def test_a_sheet_name_in_another_case_is_that_sheet(tmp_path):
    sheets = {"Crew": TWO_YEARS["2026"], "Old crew": TWO_YEARS["2025"]}
    path = write_workbook(tmp_path / "w.xlsx", sheets, selected="Crew")
    assert read_roster(path, "old CREW").sheet == "Old crew"


def test_a_csv_has_no_sheets(tmp_path):
    path = write_csv(tmp_path / "r.csv", "Name,MA expiration\nAnn,03/31/2026\n")
    with pytest.raises(RosterFileError, match="a CSV file has no sheets"):
        read_roster(path, "2026")


def test_the_sheet_option_needs_a_file(capsys):
    assert cli.main(["roster", "--template", "x.csv", "--sheet", "2026"]) == 2
    assert "--sheet need a roster FILE" in capsys.readouterr().err
