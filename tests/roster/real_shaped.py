"""Roster files shaped like the ones training officers really have, each row's meaning beside it.

Every file is a list of `Line`: the cells as the file holds them, and what the row means:

- `Person(name, ma, status, nremt)`: a person assessed with exactly these values (ISO dates);
- `Fix(column, kind)`: a row listed to fix, the problem in that column (a header of the file)
  and of that kind (`roster.cells.Kind`, or ``inactive``, ``no_column``, ``other``);
- `SKIP`: a total, a footnote or a note, skipped and reported as such;
- `BLANK`: an empty row; `ABOVE`: a title or the header row (not data).

`FILES` makes each file in a folder (CSV text as Excel or Google Sheets saves it, .xlsx with
tabs, .ods, .xls) and says which sheet to expect. Advice date: `roster_files.AS_OF`.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from xml.sax.saxutils import escape

from openpyxl import Workbook


@dataclass(frozen=True)
class Person:
    name: str
    ma: str
    status: str
    nremt: str | None = None


@dataclass(frozen=True)
class Fix:
    column: str
    kind: str


SKIP, BLANK, ABOVE = "skipped", "blank", "above"
Meaning = Person | Fix | str


@dataclass(frozen=True)
class Line:
    cells: list[object]
    meaning: Meaning


@dataclass
class Shaped:
    """One file: its sheets (the roster's lines on ``sheet``), how it is saved."""

    name: str
    kind: str  # "csv" (Excel), "csv-google", "csv-semicolon", "tsv", "xlsx", "ods", "xls"
    sheets: dict[str, list[Line]]
    selected: str = ""
    sheet: str = ""  # the sheet that must be read (by default)
    column_fixes: dict[str, str] = field(default_factory=dict)  # column header -> kind

    def lines(self) -> list[Line]:
        return self.sheets[self.sheet or next(iter(self.sheets))]


H = ["Name", "MA expiration", "NREMT status", "NREMT expiration"]
D = date


def _csv_cell(value: object, kind: str) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return (
            f"{value.month}/{value.day}/{value.year}"
            if kind == "csv-google"
            else (value.strftime("%d-%b-%y"))
        )
    text = str(value)
    separator = {"csv-semicolon": ";", "tsv": "\t"}.get(kind, ",")
    if any(char in text for char in (separator, '"', "\n")):
        return '"' + text.replace('"', '""') + '"'
    return text


def write(shaped: Shaped, folder: Path) -> Path:
    """Save ``shaped`` in ``folder`` the way its program would."""
    suffix = {"xlsx": ".xlsx", "ods": ".ods", "xls": ".xls", "tsv": ".tsv"}.get(shaped.kind, ".csv")
    path = folder / f"{shaped.name}{suffix}"
    if shaped.kind == "xlsx":
        workbook = Workbook()
        workbook.remove(workbook.active)
        for title, lines in shaped.sheets.items():
            sheet = workbook.create_sheet(title)
            for line in lines:
                sheet.append(line.cells)
                for cell in sheet[sheet.max_row]:
                    if isinstance(cell.value, date):
                        cell.number_format = "d-mmm-yy"  # as the officer formatted it
        workbook.active = list(shaped.sheets).index(shaped.selected or next(iter(shaped.sheets)))
        for sheet in workbook.worksheets:
            sheet.sheet_view.tabSelected = sheet.title == (shaped.selected or sheet.title)
        workbook.save(path)
    elif shaped.kind == "ods":
        path.write_bytes(_ods(shaped))
    elif shaped.kind == "xls":
        path.write_bytes(_xls(shaped))
    else:
        separator = {"csv-semicolon": ";", "tsv": "\t"}.get(shaped.kind, ",")
        newline = "\n" if shaped.kind == "csv-google" else "\r\n"
        text = newline.join(
            separator.join(_csv_cell(value, shaped.kind) for value in line.cells)
            for line in shaped.lines()
        )
        bom = "" if shaped.kind == "csv-google" else "\ufeff"
        path.write_bytes((bom + text + newline).encode("utf-8"))
    return path


def _ods_cell(value: object) -> str:
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{value.isoformat()}">'
            f"<text:p>{value:%m/%d/%Y}</text:p></table:table-cell>"
        )
    if isinstance(value, bool):
        word = "true" if value else "false"
        return (
            f'<table:table-cell office:value-type="boolean" office:boolean-value="{word}">'
            f"<text:p>{word.upper()}</text:p></table:table-cell>"
        )
    return (
        '<table:table-cell office:value-type="string">'
        f"<text:p>{escape(str(value))}</text:p></table:table-cell>"
    )


def _ods(shaped: Shaped) -> bytes:
    """An OpenDocument spreadsheet as LibreOffice saves one: tables, and the active one."""
    tables = "".join(
        f'<table:table table:name="{escape(title)}">'
        + "".join(
            "<table:table-row>" + "".join(_ods_cell(v) for v in line.cells) + "</table:table-row>"
            for line in lines
        )
        + "</table:table>"
        for title, lines in shaped.sheets.items()
    )
    office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    content = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {office} '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f"<office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    settings = (
        f'<?xml version="1.0" encoding="UTF-8"?><office:document-settings {office} '
        'xmlns:config="urn:oasis:names:tc:opendocument:xmlns:config:1.0" office:version="1.2">'
        '<office:settings><config:config-item-set config:name="ooo:view-settings">'
        '<config:config-item-map-indexed config:name="Views"><config:config-item-map-entry>'
        '<config:config-item config:name="ViewId" config:type="string">view1</config:config-item>'
        '<config:config-item config:name="ActiveTable" config:type="string">'
        f"{escape(shaped.selected)}</config:config-item>"
        "</config:config-item-map-entry></config:config-item-map-indexed>"
        "</config:config-item-set></office:settings></office:document-settings>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        '<manifest:file-entry manifest:full-path="settings.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("settings.xml", settings, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _xls(shaped: Shaped) -> bytes:
    """An Excel 97-2003 workbook (xlwt), its dates as date cells, the tab shown set."""
    import xlwt

    book = xlwt.Workbook()
    style = xlwt.easyxf(num_format_str="d-mmm-yy")
    for title, lines in shaped.sheets.items():
        sheet = book.add_sheet(title)
        for r, line in enumerate(lines):
            for c, value in enumerate(line.cells):
                if isinstance(value, date):
                    sheet.write(r, c, datetime(value.year, value.month, value.day), style)
                elif value is not None:
                    sheet.write(r, c, value)
    index = list(shaped.sheets).index(shaped.selected)
    book.active_sheet = index
    for number in range(len(shaped.sheets)):
        book.get_sheet(number).set_selected(number == index)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def P(name: str, ma: str, status: str, nremt: str | None = None) -> Person:
    return Person(name, ma, status, nremt)


FILES: list[Shaped] = [
    # Issue 17's workbook: last year's tab first, this year's selected, a notes tab.
    Shaped(
        "two-years",
        "xlsx",
        selected="2026",
        sheet="2026",
        sheets={
            "2025": [
                Line(["Crew roster 2025"], ABOVE),
                Line(H, ABOVE),
                Line(["Stale Person", D(2025, 3, 31), "active", D(2026, 3, 31)], Fix("", "")),
            ],
            "2026": [
                Line(["Crew roster 2026"], ABOVE),  # title row
                Line([], ABOVE),
                Line(H, ABOVE),
                Line(
                    ["Ann Align", D(2026, 3, 31), "active", D(2027, 3, 31)],
                    P("Ann Align", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Bo Aligned", D(2027, 3, 31), "Active", D(2027, 3, 31)],
                    P("Bo Aligned", "2027-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Cy Regain", D(2026, 3, 31), "expired", None],
                    P("Cy Regain", "2026-03-31", "expired"),
                ),
                Line(
                    ["Di Never", D(2026, 3, 31), "never", None],
                    P("Di Never", "2026-03-31", "never"),
                ),
                Line([None, None, None, None], BLANK),
                Line(["Total: 4", None, None, None], SKIP),  # a totals row
                Line(["* NREMT dates checked on nremt.org in January", None, None, None], SKIP),
            ],
            "Notes": [Line(["Ask the chief before changing this workbook."], ABOVE)],
        },
    ),
    # Excel's "Save as CSV" of a sheet whose date cells are formatted d-mmm-yy.
    Shaped(
        "excel-d-mmm-yy",
        "csv",
        sheets={
            "csv": [
                Line(["Station 5 crew", "", "", ""], ABOVE),
                Line(H, ABOVE),
                Line(
                    ["Eve Excel", D(2026, 3, 31), "", D(2027, 3, 31)],  # status read from the date
                    P("Eve Excel", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Fay Past", D(2026, 3, 31), "-", D(2025, 3, 31)],  # a dash is nothing written
                    P("Fay Past", "2026-03-31", "expired", "2025-03-31"),
                ),
                Line(
                    ["Gus Long", "March 31, 2027", "active", "Mar 31 2028"],
                    P("Gus Long", "2027-03-31", "active", "2028-03-31"),
                ),
                Line(
                    ["Hal Century", "12/31/99", "active", "03/31/2027"],
                    Fix("MA expiration", "year"),
                ),
                Line(["Note: ask Hal for his card", "", "", ""], SKIP),
            ]
        },
    ),
    # Google Sheets' CSV: M/D/YYYY, LF, no BOM, the names people give the columns.
    Shaped(
        "google-sheets",
        "csv-google",
        sheets={
            "csv": [
                Line(
                    [
                        "First Name",
                        "Last Name",
                        "OEMS Cert #",
                        "OEMS Exp",
                        "NREMT Cert #",
                        "Natl Registry Exp",
                        "NREMT Active",
                        "Phone",
                    ],
                    ABOVE,
                ),
                Line(
                    [
                        "Ida",
                        "Gray",
                        "P12345",
                        D(2026, 3, 31),
                        "NRP1",
                        D(2027, 3, 31),
                        "TRUE",
                        "555",
                    ],
                    P("Ida Gray", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Jo", "Hart", "E22222", D(2026, 3, 31), "", D(2025, 3, 31), "FALSE", ""],
                    P("Jo Hart", "2026-03-31", "expired", "2025-03-31"),
                ),  # not active, date passed
                Line(
                    ["Kit", "Ives", "E33333", D(2026, 3, 31), "", "", "No", ""],
                    Fix("NREMT Active", "other"),
                ),  # not active, no date: expired or never? ask
                Line(
                    ["Lu", "Jay", "P12345", D(2027, 3, 31), "NRP4", D(2027, 3, 31), "Yes", ""],
                    Fix("OEMS Cert #", "duplicate"),
                ),  # the same card number as Ida
            ]
        },
    ),
    # A staffing system's export: its own headers and status words.
    Shaped(
        "staffing-export",
        "csv",
        sheets={
            "csv": [
                Line(
                    [
                        "Employee Name",
                        "Mass Cert No.",
                        "Mass Cert Exp",
                        "NREMT Cert #",
                        "Natl Registry Exp",
                        "NR Status",
                        "Station",
                    ],
                    ABOVE,
                ),
                Line(
                    [
                        "Max Medic",
                        "P1",
                        "Mar 31 2026",
                        "N1",
                        "Mar 31 2027",
                        "Active - Paramedic",
                        "5",
                    ],
                    P("Max Medic", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Ned Nr", "E2", "31-Mar-2026", "N2", "31-Mar-2027", "NR", "5"],
                    P("Ned Nr", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Oli Reg", "E3", "03/31/2027", "N3", "03/31/2027", "National Registered", "7"],
                    P("Oli Reg", "2027-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Pat Inactive", "E4", "03/31/2026", "N4", "03/31/2027", "Inactive", "7"],
                    Fix("NR Status", "inactive"),
                ),  # held, not practised on: ask, never assume
                Line(
                    ["Quin Unknown", "E5", "03/31/2026", "N5", "03/31/2027", "Pending", "7"],
                    Fix("NR Status", "not_status"),
                ),
            ]
        },
    ),
    # The state's Check a Health License export: no NREMT columns at all.
    Shaped(
        "check-a-health-license",
        "csv",
        column_fixes={"NREMT status": "no_column"},
        sheets={
            "csv": [
                Line(
                    [
                        "License Number",
                        "License Type",
                        "License Status",
                        "Expiration Date",
                        "First Name",
                        "Last Name",
                    ],
                    ABOVE,
                ),
                Line(
                    ["P100", "Paramedic", "Current", "03/31/2026", "Rae", "Stone"],
                    Fix("NREMT status", "no_column"),
                ),
                Line(
                    ["E200", "EMT", "Current", "03/31/2027", "Sal", "Tate"],
                    Fix("NREMT status", "no_column"),
                ),
            ]
        },
    ),
    # MMDDYYYY typed into General cells: numbers without their leading zero.
    Shaped(
        "general-cells",
        "xlsx",
        selected="Crew",
        sheet="Crew",
        column_fixes={"MA expiration": "number"},
        sheets={
            "Crew": [
                Line(H, ABOVE),
                Line(["Tom One", 3312026, "never", None], Fix("MA expiration", "number")),
                Line(["Uma Two", 3312027, "never", None], Fix("MA expiration", "number")),
                Line(["Vic Three", 3312026, "never", None], Fix("MA expiration", "number")),
                Line(["Wes Whole", 12312026, "never", None], P("Wes Whole", "2026-12-31", "never")),
            ]
        },
    ),
    # Massachusetts only: no status column; "never" written where the NREMT date goes.
    Shaped(
        "ma-only",
        "csv",
        sheets={
            "csv": [
                Line(["Name", "MA expiration", "NREMT expiration"], ABOVE),
                Line(["Xan Never", "03/31/2026", "never"], P("Xan Never", "2026-03-31", "never")),
                Line(
                    ["Yul Lapsed", "03/31/2026", "expired"],
                    P("Yul Lapsed", "2026-03-31", "expired"),
                ),
                Line(["Zed Empty", "03/31/2026", ""], Fix("NREMT expiration", "empty")),
                Line(
                    ["Abe Active", "03/31/2026", "03/31/2027"],
                    P("Abe Active", "2026-03-31", "active", "2027-03-31"),
                ),
            ]
        },
    ),
    # European Excel: semicolons, day-first dates (refused, never swapped).
    Shaped(
        "semicolon-day-first",
        "csv-semicolon",
        column_fixes={"MA expiration": "day_first"},
        sheets={
            "csv": [
                Line(H, ABOVE),
                Line(["Bea", "31/03/2026", "never", ""], Fix("MA expiration", "day_first")),
                Line(["Cal", "31/03/2027", "never", ""], Fix("MA expiration", "day_first")),
                Line(["Dot", "30/03/2026", "never", ""], Fix("MA expiration", "day_first")),
                Line(["Ed", "03/31/2026", "never", ""], P("Ed", "2026-03-31", "never")),
            ]
        },
    ),
    # Tab-separated text.
    Shaped(
        "tab-separated",
        "tsv",
        sheets={
            "tsv": [
                Line(H, ABOVE),
                Line(
                    ["Flo", "31-Mar-26", "Registered", "31-Mar-27"],
                    P("Flo", "2026-03-31", "active", "2027-03-31"),
                ),
            ]
        },
    ),
    # LibreOffice: two tabs, the second shown; real date cells and a boolean column.
    Shaped(
        "libreoffice",
        "ods",
        selected="Current",
        sheet="Current",
        sheets={
            "Old": [Line(H, ABOVE), Line(["Gil Old", D(2024, 3, 31), "never", None], Fix("", ""))],
            "Current": [
                Line(["Name", "MA expiration", "NREMT Active", "NREMT expiration"], ABOVE),
                Line(
                    ["Hana", D(2026, 3, 31), True, D(2027, 3, 31)],
                    P("Hana", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Ivo", D(2026, 3, 31), False, D(2025, 3, 31)],
                    P("Ivo", "2026-03-31", "expired", "2025-03-31"),
                ),
                Line(["Updated by the training officer, January 2026."], SKIP),
            ],
        },
    ),
    # Excel 97-2003 (.xls): the second tab selected.
    Shaped(
        "excel-97",
        "xls",
        selected="Now",
        sheet="Now",
        sheets={
            "Before": [
                Line(H, ABOVE),
                Line(["Jan Before", "03/31/2024", "never", ""], Fix("", "")),
            ],
            "Now": [
                Line(H, ABOVE),
                Line(
                    ["Kai Now", D(2026, 3, 31), "current", D(2027, 3, 31)],
                    P("Kai Now", "2026-03-31", "active", "2027-03-31"),
                ),
                Line(
                    ["Lea Now", D(2026, 3, 31), "lapsed", None],
                    P("Lea Now", "2026-03-31", "expired"),
                ),
            ],
        },
    ),
]
