"""Roster files for the tests: CSV text and workbooks made here, and a seeded generator."""

from __future__ import annotations

import io
import random
import zipfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from openpyxl import Workbook

from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.rules import Situation

#: The advice date of most tests (the 2025 cycle's alignment window is open).
AS_OF = date(2025, 10, 1)
HEADER = ",".join(TEMPLATE_HEADERS)


def write_csv(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` (lines joined by CRLF, as Excel does) in ``encoding``."""
    path.write_bytes("\r\n".join(text.strip("\n").split("\n")).encode(encoding) + b"\r\n")
    return path


def write_xlsx(path: Path, rows: list[list[object]], *, title: str = "Roster") -> Path:
    """A one-sheet workbook with ``rows`` from A1 (None leaves a cell empty)."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def with_cached_value(path: Path, formula: str, value: str) -> None:
    """Give the formula cell ``formula`` a saved result, as Excel does when it saves."""
    data = path.read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                # openpyxl writes an empty <v /> after a formula (<v></v> when lxml is
                # installed, as pikepdf brings it into the test set-up).
                empty = [f"<f>{formula}</f>{v}".encode() for v in ("<v />", "<v></v>")]
                old = next((form for form in empty if form in content), None)
                assert old is not None, "openpyxl writes an empty value after a formula"
                content = content.replace(old, f"<f>{formula}</f><v>{value}</v>".encode())
            target.writestr(item, content)
    path.write_bytes(out.getvalue())


def write_ods(path: Path, rows: list[list[str]]) -> Path:
    """A minimal OpenDocument spreadsheet (what LibreOffice saves, cut to the bone)."""
    cells = "".join(
        "<table:table-row>"
        + "".join(
            f'<table:table-cell office:value-type="string"><text:p>{cell}</text:p>'
            "</table:table-cell>"
            for cell in row
        )
        + "</table:table-row>"
        for row in rows
    )
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="Roster">'
        f"{cells}</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2">'
        '<manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet"
        )
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return path


@dataclass(frozen=True)
class Generated:
    """One generated person: the values, and the cells they were written as."""

    name: str
    ma_number: str
    ma: date
    status: str
    nremt: date | None
    nremt_number: str
    cells: list[object]

    def situation(self, as_of: date) -> Situation:
        """The Situation these values mean, built without the roster reader."""
        return Situation(
            ma_expiration=self.ma,
            nremt_status=self.status,
            nremt_expiration=self.nremt,
            as_of=as_of,
        )


def _date_text(rng: random.Random, day: date) -> str:
    """``day`` written one of the ways a roster may hold it."""
    forms = [
        f"{day.month:02d}/{day.day:02d}/{day.year}",
        f"{day.month}/{day.day}/{day.year}",
        day.isoformat(),
        f"{day.month:02d}{day.day:02d}{day.year}",
        f"{day.month}/{day.day}/{day.year % 100:02d}",
        f"{day.month:02d}-{day.day:02d}-{day.year}",
        f"{day.month:02d}/{day.day:02d}/{day.year} 00:00:00",
        f"  {day.month:02d}/{day.day:02d}/{day.year}  ",
        str((day - date(1899, 12, 30)).days),
    ]
    return rng.choice(forms)


def generate(count: int, *, seed: int = 13, as_of: date = AS_OF, spreadsheet: bool = False):
    """``count`` people in every category, each row valid, written in many date forms."""
    rng = random.Random(seed)
    people = []
    for index in range(count):
        year = rng.randint(2024, 2029)
        ma = date(year, 3, 31) if rng.random() < 0.8 else date(year, rng.randint(1, 12), 15)
        status = rng.choice(["active", "active", "active", "", "expired", "never"])
        nremt: date | None = None
        if status in ("active", ""):
            nremt = date(year + rng.choice([-2, -1, 0, 0, 1, 1, 1, 2]), 3, 31)
        elif status == "expired" and rng.random() < 0.5:
            nremt = as_of - timedelta(days=rng.randint(0, 900))
        name = rng.choice(["Ana", "Bo", "Chris", "Dee", "O'Neil", "José"]) + f" Person{index}"

        def cell(day: date | None) -> object:
            if day is None:
                return None if spreadsheet else ""
            if spreadsheet:
                choice = rng.random()
                if choice < 0.4:
                    return day
                if choice < 0.6:
                    return datetime(day.year, day.month, day.day)
                if choice < 0.8:
                    return (day - date(1899, 12, 30)).days
            return _date_text(rng, day)

        ma_number = f"{700000 + index}"
        nremt_number = f"E{900000 + index}"
        cells = [name, ma_number, cell(ma), status, cell(nremt), nremt_number]
        people.append(
            Generated(
                name=name,
                ma_number=ma_number,
                ma=ma,
                # An empty status with a date is read from the date (valid through its day).
                status=status or ("active" if nremt >= as_of else "expired"),
                nremt=nremt,
                nremt_number=nremt_number,
                cells=cells,
            )
        )
    return people


def generated_csv(path: Path, people: list[Generated]) -> Path:
    """The generated people as a CSV file with the template's header."""
    import csv

    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(TEMPLATE_HEADERS)
        for person in people:
            writer.writerow(person.cells)
    return path


def generated_xlsx(path: Path, people: list[Generated]) -> Path:
    """The generated people as a workbook with the template's header."""
    return write_xlsx(path, [list(TEMPLATE_HEADERS), *(p.cells for p in people)])


def write_workbook(path: Path, sheets: dict[str, list[list[object]]], *, selected: str) -> Path:
    """A workbook with one tab per entry of ``sheets`` (in order), saved with ``selected``
    as the tab shown, as Excel saves it (``<workbookView activeTab=…>``)."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in rows:
            sheet.append(row)
    workbook.active = list(sheets).index(selected)
    for sheet in workbook.worksheets:
        sheet.sheet_view.tabSelected = sheet.title == selected
    workbook.save(path)
    return path


#: Last year's tab first, this year's selected: issue 17's workbook (the meaning of each row
#: beside it; the advice date is `AS_OF`).
TWO_YEARS = {
    "2025": [
        ["Crew 2025"],  # a title row
        ["Name", "MA expiration", "NREMT status", "NREMT expiration"],
        ["Stale Person", "03/31/2025", "active", "03/31/2026"],  # last year's line
    ],
    "2026": [
        ["Crew 2026"],
        ["Name", "MA expiration", "NREMT status", "NREMT expiration"],
        ["Ann Current", date(2026, 3, 31), "active", date(2027, 3, 31)],  # must align
        ["Bo Current", date(2027, 3, 31), "active", date(2027, 3, 31)],  # aligned
        ["Cy Current", date(2026, 3, 31), "expired", None],  # must regain NREMT
    ],
    "Notes": [["Updated every January by the training officer."]],
}
