"""Reading roster files: CSV as Excel saves it, workbooks, and every way a file can be wrong."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from roster_files import HEADER, with_cached_value, write_csv, write_ods, write_xlsx

from certalign_gui.roster import formats
from certalign_gui.roster.reader import RosterFileError, read_roster, read_roster_bytes

ROWS = f"""
{HEADER}
Ann Lee,12345,03/31/2026,active,03/31/2027,E1
"""


def _one(roster):
    assert len(roster.rows) == 1
    return roster.rows[0].cells


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_encodings_excel_saves(tmp_path, encoding):
    text = ROWS.replace("Ann Lee", "José Müller")
    roster = read_roster(write_csv(tmp_path / "r.csv", text, encoding))
    assert _one(roster)["name"] == "José Müller"
    assert roster.header_row == 1
    assert roster.rows[0].row == 2


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_csv_delimiter_is_sniffed(tmp_path, delimiter):
    text = ROWS.replace(",", delimiter)
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert _one(roster)["ma_expiration"] == "03/31/2026"


def test_semicolon_file_with_commas_inside_cells(tmp_path):
    text = "Name;MA expiration;NREMT status\nLee, Ann;03/31/2026;never\n"
    assert _one(read_roster(write_csv(tmp_path / "r.csv", text)))["name"] == "Lee, Ann"


def test_excel_sep_line_is_honoured_and_not_counted(tmp_path):
    text = "sep=;\nName;MA expiration;NREMT status\nAnn;03/31/2026;never\n"
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert roster.header_row == 1
    assert roster.rows[0].row == 2


def test_rows_are_numbered_as_the_file_shows_them_and_blank_rows_are_counted(tmp_path):
    text = f"{HEADER}\nAnn,1,03/31/2026,never,,\n,,,,,\n\nBo,2,03/31/2026,never,,\n   ,  ,,,,\n"
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert [row.row for row in roster.rows] == [2, 5]
    assert roster.blank_rows == (3, 4, 6)


def test_first_and_last_name_columns(tmp_path):
    text = "Last name,First name,MA expiration\nLee,Ann,03/31/2026\n"
    cells = _one(read_roster(write_csv(tmp_path / "r.csv", text)))
    assert (cells["first_name"], cells["last_name"]) == ("Ann", "Lee")


def test_a_title_above_the_header_is_skipped_and_said(tmp_path):
    text = f"Station 5 roster,,,,,\nPrinted Monday,,,,,\n{HEADER}\nAnn,1,03/31/2026,never,,\n"
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert roster.header_row == 3
    assert roster.rows[0].row == 4
    assert any("header is on row 3" in note for note in roster.notes)


def test_unused_columns_are_listed_in_a_note(tmp_path):
    text = "Name,Phone,MA expiration,Notes\nAnn,555,03/31/2026,x\n"
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert roster.ignored_columns == ("Phone", "Notes")
    assert any('"Phone", "Notes"' in note for note in roster.notes)


def test_xlsx_with_real_dates_serials_and_trailing_spaces(tmp_path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [
            ["Name ", " MA Expiration Date", "NREMT Status", "National Registry Expiration"],
            ["Ann  ", date(2026, 3, 31), "active", datetime(2027, 3, 31)],
            [],
            ["Bo", 46112, "Active ", "03/31/2027 "],
        ],
    )
    roster = read_roster(path)
    assert roster.is_spreadsheet
    assert [row.row for row in roster.rows] == [2, 4]
    assert roster.blank_rows == (3,)
    assert roster.rows[0].cells["ma_expiration"] == date(2026, 3, 31)
    assert roster.rows[1].cells["ma_expiration"] == 46112


def test_xlsx_rows_are_the_sheet_row_numbers_even_below_empty_rows(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [[], [], ["Name", "MA expiration"], ["Ann", "x"]])
    roster = read_roster(path)
    assert roster.header_row == 3
    assert roster.rows[0].row == 4


def test_the_roster_sheet_is_found_among_several(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "Read me"
    workbook.active.append(["This workbook lists the crew."])
    workbook.create_sheet("Crew").append(["Name", "MA expiration"])
    workbook["Crew"].append(["Ann", "03/31/2026"])
    workbook.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert roster.sheet == "Crew"
    assert (
        'Read the sheet "Crew" (the selected sheet "Read me" has no roster; '
        "the workbook has 2 sheets)." in roster.notes
    )


def test_merged_cells_fill_every_cell_they_cover(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Station 5", None, None])
    sheet.merge_cells("A1:C1")  # a title across the table: not a header
    sheet.append(["Name", "MA expiration", "NREMT status"])
    sheet.append(["Ann", "03/31/2026", "never"])
    sheet.append(["Bo", "03/31/2026", None])
    sheet.merge_cells("C3:C4")  # one status for two people
    workbook.save(tmp_path / "r.xlsx")
    roster = read_roster(tmp_path / "r.xlsx")
    assert [row.cells["nremt_status"] for row in roster.rows] == ["never", "never"]
    assert any("Merged cells" in note for note in roster.notes)


def test_formula_with_a_saved_result_reads_the_result(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"], ["Ann", "=DATE(2026,3,31)"]])
    with_cached_value(path, "DATE(2026,3,31)", "46112")
    assert _one(read_roster(path))["ma_expiration"] == 46112


def test_formula_without_a_saved_result_reads_as_empty(tmp_path):
    # openpyxl saves no result; Excel would. The row is then reported (tests of assess).
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"], ["Ann", "=DATE(2026,3,31)"]])
    assert _one(read_roster(path))["ma_expiration"] == ""


def test_ods_is_read(tmp_path):
    path = write_ods(tmp_path / "r.ods", [["Name", "MA expiration"], ["Ann", "03/31/2026"]])
    assert _one(read_roster(path))["ma_expiration"] == "03/31/2026"


def test_a_workbook_named_csv_is_still_read_as_a_workbook(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"], ["Ann", "03/31/2026"]])
    renamed = tmp_path / "r.csv"
    path.rename(renamed)
    assert _one(read_roster(renamed))["name"] == "Ann"


def test_markup_in_a_name_stays_plain_text(tmp_path):
    text = f'{HEADER}\n<b>x</b>,1,03/31/2026,never,,\n"=HYPERLINK(""http://e.x"",""y"")",2,03/31/2026,never,,\n'
    roster = read_roster(write_csv(tmp_path / "r.csv", text))
    assert [row.cells["name"] for row in roster.rows] == [
        "<b>x</b>",
        '=HYPERLINK("http://e.x","y")',
    ]


# --- Files that cannot be used: one sentence naming the file, never a traceback. ---


def _refused(path) -> str:
    with pytest.raises(RosterFileError) as caught:
        read_roster(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert "\n" not in message
    return message


@pytest.mark.parametrize("content", [b"", b"\r\n\r\n  \n", b"\xef\xbb\xbf", b",,,\r\n,,\r\n"])
def test_empty_file(tmp_path, content):
    path = tmp_path / "r.csv"
    path.write_bytes(content)
    assert "empty" in _refused(path)


def test_headers_only_is_an_empty_roster_not_an_error(tmp_path):
    roster = read_roster(write_csv(tmp_path / "r.csv", HEADER))
    assert roster.rows == ()
    assert roster.blank_rows == ()


def test_wrong_columns_name_what_was_found_and_what_is_expected(tmp_path):
    message = _refused(write_csv(tmp_path / "r.csv", "Employee,Phone,Notes\nAnn,555,x\n"))
    assert '"Employee", "Phone", "Notes"' in message
    assert "MA expiration" in message


def test_missing_ma_expiration_column(tmp_path):
    message = _refused(write_csv(tmp_path / "r.csv", "Name,NREMT expiration\nAnn,x\n"))
    assert '"Name", "NREMT expiration"' in message
    assert "needs Name (or First name and Last name) and MA expiration" in message


def test_two_columns_for_one_field(tmp_path):
    text = "Name,MA expiration,MA expiration date\nAnn,x,y\n"
    message = _refused(write_csv(tmp_path / "r.csv", text))
    assert "column B" in message
    assert "column C" in message
    assert "both look like MA expiration" in message


def test_a_file_over_the_size_limit_is_refused_and_the_limit_said(tmp_path):
    path = tmp_path / "r.csv"
    with path.open("wb") as handle:
        handle.truncate(formats.MAX_BYTES + 1)
    message = _refused(path)
    assert "at most 20 MB" in message


def test_binary_file_renamed_csv(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    assert "not a CSV text file" in _refused(path)


def test_binary_without_nul_bytes(tmp_path):
    path = tmp_path / "r.csv"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert "not a CSV text file" in _refused(path)


def test_random_bytes_renamed_xlsx(tmp_path):
    path = tmp_path / "r.xlsx"
    path.write_bytes(bytes(range(256)) * 10)
    assert "damaged or not a spreadsheet" in _refused(path)


def test_truncated_xlsx(tmp_path):
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"], ["Ann", "03/31/2026"]])
    path.write_bytes(path.read_bytes()[:1500])
    assert "damaged" in _refused(path)


def test_xlsx_with_damaged_xml(tmp_path):
    with zipfile.ZipFile(tmp_path / "r.xlsx", "w") as archive:
        archive.writestr("[Content_Types].xml", "<nope")
        archive.writestr("xl/workbook.xml", "<nope")
    assert "damaged" in _refused(tmp_path / "r.xlsx")


def test_a_zip_that_is_not_a_workbook(tmp_path):
    with zipfile.ZipFile(tmp_path / "r.xlsx", "w") as archive:
        archive.writestr("photo.jpg", b"x")
    assert "zip archive, not a spreadsheet" in _refused(tmp_path / "r.xlsx")


def test_password_protected_xlsx(tmp_path):
    # Excel saves an encrypted workbook as an OLE compound file holding an
    # "EncryptionInfo" stream (MS-OFFCRYPTO), not as a zip.
    header = formats.OLE_MAGIC + bytes(504)
    directory = "EncryptionInfo".encode("utf-16-le") + bytes(100)
    path = tmp_path / "r.xlsx"
    path.write_bytes(header + directory + bytes(2048))
    message = _refused(path)
    assert "password-protected" in message
    assert "save it again" in message


def test_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    path = tmp_path / "r.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", bytes(20 * 1024 * 1024))
    assert path.stat().st_size < 100_000
    assert "zip bomb" in _refused(path)


def test_declared_unpacked_size_is_limited(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_UNZIPPED", 1000)
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"], ["Ann", "03/31/2026"]])
    assert "would unpack to" in _refused(path)


def test_too_many_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_ROWS", 3)
    text = f"{HEADER}\n" + "Ann,1,03/31/2026,never,,\n" * 5
    assert "more than 3 rows" in _refused(write_csv(tmp_path / "r.csv", text))


def test_too_many_sheet_rows(tmp_path, monkeypatch):
    monkeypatch.setattr(formats, "MAX_ROWS", 3)
    path = write_xlsx(tmp_path / "r.xlsx", [["Name", "MA expiration"]] + [["Ann", "x"]] * 5)
    assert "more than 3 rows" in _refused(path)


def test_a_quote_that_never_closes(tmp_path):
    text = f'{HEADER}\nAnn,1,03/31/2026,never,,\n"Bo,2,03/31/2026,never,,\n' + "Cy,3,,,,\n" * 8
    message = _refused(write_csv(tmp_path / "r.csv", text))
    assert "row 3" in message
    assert "quote" in message


def test_missing_file_and_folder(tmp_path):
    assert "no such file" in _refused(tmp_path / "nope.csv")
    assert "folder" in _refused(tmp_path)


def test_read_from_bytes_names_the_given_source():
    with pytest.raises(RosterFileError, match=r"^dropped\.csv: the file is empty$"):
        read_roster_bytes(b"", "dropped.csv")
    data = io.BytesIO(f"{HEADER}\nAnn,1,03/31/2026,never,,\n".encode()).getvalue()
    assert read_roster_bytes(data, "dropped.csv").rows[0].cells["name"] == "Ann"
