"""The roster's columns: the template's headers and the many ways a file may spell them."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from certalign_gui.presentation.catalogue import N_, _, ngettext

if TYPE_CHECKING:
    from collections.abc import Sequence

    from certalign_gui.roster.cells import Cell

Field = Literal[
    "name",
    "first_name",
    "last_name",
    "ma_number",
    "ma_expiration",
    "nremt_status",
    "nremt_expiration",
    "nremt_number",
]

#: The blank template's header row, exactly: others import this one list.
TEMPLATE_HEADERS: tuple[str, ...] = (
    "Name",
    "MA certification number",
    "MA expiration",
    "NREMT status",
    "NREMT expiration",
    "NREMT number",
)

#: The name each field goes by in messages (the template's header).
LABELS: dict[Field, str] = {
    "name": "Name",
    "first_name": "First name",
    "last_name": "Last name",
    "ma_number": "MA certification number",
    "ma_expiration": "MA expiration",
    "nremt_status": "NREMT status",
    "nremt_expiration": "NREMT expiration",
    "nremt_number": "NREMT number",
}

#: Date columns: only these read Excel serial numbers as dates.
DATE_FIELDS: frozenset[Field] = frozenset({"ma_expiration", "nremt_expiration"})
#: What the header row must have (a name may also come from first and last name).
EXPECTED = N_("Name (or First name and Last name) and MA expiration")
#: The header row is the first row that names the roster's columns, among this many
#: non-empty rows: a title or a date above the table is allowed.
HEADER_SEARCH_ROWS = 10

#: Who issued the card: the state (Massachusetts, OEMS) or the National Registry.
_MA = ("ma", "mass", "massachusetts", "oems", "state", "emt", "commonwealth")
_NR = ("nremt", "nr", "nationalregistry", "registry", "natregistry", "natlregistry", "national",
       "natl", "nationalregistered", "nrmt")  # fmt: skip
#: What may stand between the issuer and what the column holds (``Mass Cert No.``).
_CARD = ("", "cert", "certification", "certificate", "license", "licence", "lic", "card")
_EXPIRES = ("expiration", "expirationdate", "expires", "expireson", "exp", "expdate",
            "expiry", "expirydate", "expire", "expiredate", "expiring", "expdt",
            "expirationdt")  # fmt: skip
_NUMBER = ("number", "no", "num", "nbr", "id", "idnumber", "numberno")
_STATUS = ("status", "certificationstatus", "active", "state", "activestatus", "isactive")
#: An expiration with no issuer named is the Massachusetts one: the state's own export
#: (Check a Health License: License Number, License Type, License Status, Expiration Date)
#: names only its own card, and a roster always names the National Registry's.
_ALONE = ("certification", "cert", "license", "licence", "lic", "")


def _product(*parts: tuple[str, ...]) -> set[str]:
    keys = {""}
    for part in parts:
        keys = {key + word for key in keys for word in part}
    return keys - {""}


#: Headers, reduced by `header_key`, and the field each one means.
SYNONYMS: dict[str, Field] = {
    **{key: "name" for key in ("name", "fullname", "providername", "employeename",
                               "membername", "personname", "employee", "provider", "member",
                               "lastfirst", "lastnamefirstname", "namelastfirst", "staffname",
                               "licenseename", "licenseholder")},
    **{key: "first_name" for key in ("firstname", "first", "givenname", "fname", "forename")},
    **{key: "last_name" for key in ("lastname", "last", "surname", "familyname", "lname")},
    **{key: "ma_number" for key in _product(_MA, _CARD, _NUMBER) | _product(
        ("cert", "certification", "certificate", "license", "licence", "lic"), _NUMBER)},
    **{key: "ma_expiration" for key in _product(_MA, _CARD, _EXPIRES) | _product(
        _ALONE, _EXPIRES)},
    **{key: "nremt_status" for key in _product(_NR, _CARD, _STATUS)},
    **{key: "nremt_expiration" for key in _product(_NR, _CARD, _EXPIRES)},
    **{key: "nremt_number" for key in _product(_NR, _CARD, _NUMBER)},
}  # fmt: skip


def header_key(header: str) -> str:
    """A header reduced to lower-case letters and digits (``NRemt #`` -> ``nremtnumber``)."""
    text = unicodedata.normalize("NFKC", header).casefold().replace("#", "number")
    return re.sub(r"[^a-z0-9]", "", text)


def field_of(header: str) -> Field | None:
    """The roster field a header names, or None for a column the roster does not use."""
    return SYNONYMS.get(header_key(header))


def column_letter(index: int) -> str:
    """A 0-based column index as a spreadsheet letter: 0 -> A, 27 -> AB."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Column:
    """Where a field is in the file, and the header the file gives it."""

    field: Field
    index: int
    header: str

    @property
    def label(self) -> str:
        """How a message names the column: its own header and its letter."""
        return _("{header} (column {letter})").format(
            header=self.header, letter=column_letter(self.index)
        )


@dataclass(frozen=True, slots=True)
class HeaderMatch:
    """What a header row means: the columns found, the ones ignored, the fields doubled."""

    columns: dict[Field, Column]
    ignored: tuple[str, ...]
    doubled: dict[Field, tuple[Column, ...]]

    @property
    def complete(self) -> bool:
        """True when the row names a name column and the MA expiration column."""
        has_name = bool({"name", "first_name", "last_name"} & self.columns.keys())
        return has_name and "ma_expiration" in self.columns


def match_headers(cells: list[str]) -> HeaderMatch:
    """Recognise a header row: each known field's first column, and what is left over."""
    columns: dict[Field, Column] = {}
    doubled: dict[Field, list[Column]] = {}
    ignored: list[str] = []
    for index, cell in enumerate(cells):
        header = " ".join(cell.split())
        field = field_of(header)
        if field is None:
            if header:
                ignored.append(header)
            continue
        column = Column(field, index, header)
        if field in columns:
            doubled.setdefault(field, [columns[field]]).append(column)
        else:
            columns[field] = column
    return HeaderMatch(columns, tuple(ignored), {f: tuple(c) for f, c in doubled.items()})


def missing_columns_message(found: list[str]) -> str:
    """Why a header row is not a roster: the columns found and the ones expected."""
    shown = [" ".join(cell.split()) for cell in found if cell.strip()]
    listed = _(", ").join(f'"{header}"' for header in shown[:20]) or _("none")
    if len(shown) > 20:
        more = len(shown) - 20
        listed = ngettext("{rows} and {n} more", "{rows} and {n} more", more).format(
            rows=listed, n=more
        )
    return _(
        "no roster header row found. The columns found are {listed}; a roster needs "
        "{expected} (the template's columns are {template})"
    ).format(listed=listed, expected=_(EXPECTED), template=", ".join(TEMPLATE_HEADERS))


def doubled_message(match: HeaderMatch) -> str:
    """Why a header row is ambiguous: two columns that mean the same thing."""
    parts = []
    for field, columns in match.doubled.items():
        names = _(" and ").join(column.label for column in columns)
        parts.append(_("{names} both look like {label}").format(names=names, label=LABELS[field]))
    return _("{problems}: rename or delete all but one").format(problems=_("; ").join(parts))


def find_header(rows: Sequence[Sequence[Cell]]) -> tuple[int, HeaderMatch] | None:
    """The index of the header row in ``rows`` and what it means; None when there is none."""
    from certalign_gui.roster.cells import plain_text

    looked = 0
    for index, row in enumerate(rows):
        cells = [plain_text(cell) for cell in row]
        if not any(cells):
            continue
        match = match_headers(cells)
        if match.complete:
            return index, match
        looked += 1
        if looked >= HEADER_SEARCH_ROWS:
            break
    return None
