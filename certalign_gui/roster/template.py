"""The blank roster a training officer fills in: the template's columns, as .csv or .xlsx."""

from __future__ import annotations

import io
import os
from pathlib import Path

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path
from certalign_gui.presentation.catalogue import _
from certalign_gui.roster.columns import LABELS, TEMPLATE_HEADERS
from certalign_gui.roster.output import save

#: The CSV template's whole text (the header row), made from the one list of headers; the
#: program ships it as `TEMPLATE_RESOURCE` (a test checks the two are the same).
TEMPLATE_CSV = ",".join(TEMPLATE_HEADERS) + "\r\n"
#: The shipped blank roster, under ``resources/`` (an officer can also copy it from there).
TEMPLATE_RESOURCE = ("roster", "roster-template.csv")
TEMPLATE_SUFFIXES = (".csv", ".xlsx")
#: Rows of the .xlsx template whose NREMT status offers a drop-down list.
FORMATTED_ROWS = 1000
_WIDTHS = (28, 24, 16, 14, 18, 16)
_STATUS_COLUMN = TEMPLATE_HEADERS.index(LABELS["nremt_status"])


class TemplateError(ValueError):
    """A template was asked for in a kind of file that is not offered."""


def template_bytes(suffix: str) -> bytes:
    """The blank template as the bytes of a ``.csv`` or ``.xlsx`` file."""
    suffix = suffix.casefold()
    if suffix == ".csv":
        return _shipped_csv()
    if suffix == ".xlsx":
        return _xlsx()
    shown = suffix or _("a name without one")
    raise TemplateError(
        _("a roster template ends in .csv or .xlsx, not {suffix}").format(suffix=shown)
    )


def write_template(path: str | os.PathLike[str], *, replace: bool = False) -> Path:
    """Write the blank template; its kind follows the file's suffix (.csv or .xlsx).

    Raises `TemplateError` for another suffix, `FileWriteError` when it cannot be written.
    """
    return save(path, template_bytes(Path(path).suffix), replace=replace)


def _shipped_csv() -> bytes:
    """The shipped template file's bytes; its text if a damaged install lost the file."""
    try:
        return resource_path(*TEMPLATE_RESOURCE).read_bytes()
    except MissingResourceError:
        return TEMPLATE_CSV.encode("utf-8")


def _xlsx() -> bytes:
    # openpyxl loads only here: nothing else in the program writes a workbook.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Roster")
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    status = get_column_letter(_STATUS_COLUMN + 1)
    choices = DataValidation(
        type="list", formula1='"active,expired,never"', allow_blank=True, showDropDown=False
    )
    choices.add(f"{status}2:{status}{FORMATTED_ROWS + 1}")
    sheet.data_validations.append(choices)
    header = []
    for text in TEMPLATE_HEADERS:
        cell = WriteOnlyCell(sheet, value=text)
        cell.font = Font(bold=True)
        header.append(cell)
    sheet.append(header)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
