"""Headers: the template's exactly, and the usual synonyms whatever the case and punctuation."""

from __future__ import annotations

import pytest

from certalign_gui.roster import columns
from certalign_gui.roster.columns import (
    TEMPLATE_HEADERS,
    column_letter,
    field_of,
    find_header,
    header_key,
    match_headers,
    missing_columns_message,
)

SYNONYMS = [
    # The template's own headers.
    ("Name", "name"),
    ("MA certification number", "ma_number"),
    ("MA expiration", "ma_expiration"),
    ("NREMT status", "nremt_status"),
    ("NREMT expiration", "nremt_expiration"),
    ("NREMT number", "nremt_number"),
    # Names.
    ("Full name", "name"),
    ("Employee name", "name"),
    ("Last, First", "name"),
    ("First name", "first_name"),
    ("FIRST", "first_name"),
    ("Given name", "first_name"),
    ("Last name", "last_name"),
    ("Surname", "last_name"),
    # The Massachusetts card.
    ("Massachusetts expiration", "ma_expiration"),
    ("MA expiration date", "ma_expiration"),
    ("MA Exp.", "ma_expiration"),
    ("Mass. Expiration Date", "ma_expiration"),
    ("OEMS expiration", "ma_expiration"),
    ("State expiration", "ma_expiration"),
    ("Certification expiration date", "ma_expiration"),
    ("License expiration", "ma_expiration"),
    ("MA Cert Expires", "ma_expiration"),
    ("License number", "ma_number"),
    ("License #", "ma_number"),
    ("Certification number", "ma_number"),
    ("Cert #", "ma_number"),
    ("MA #", "ma_number"),
    ("MA cert no.", "ma_number"),
    ("Massachusetts certification number", "ma_number"),
    # The National Registry.
    ("National Registry expiration", "nremt_expiration"),
    ("NREMT expiration date", "nremt_expiration"),
    ("NR exp", "nremt_expiration"),
    ("NREMT Expires", "nremt_expiration"),
    ("National Registry status", "nremt_status"),
    ("NR status", "nremt_status"),
    ("NRemt #", "nremt_number"),
    ("NREMT ID", "nremt_number"),
    ("National Registry number", "nremt_number"),
    ("Registry No.", "nremt_number"),
    # Issue 17: the names real rosters and exports give them.
    ("OEMS Cert #", "ma_number"),
    ("Mass Cert No.", "ma_number"),
    ("OEMS Exp", "ma_expiration"),
    ("Mass Cert Exp", "ma_expiration"),
    ("Natl Registry Exp", "nremt_expiration"),
    ("NREMT Cert #", "nremt_number"),
    ("National Registry Cert. No.", "nremt_number"),
    ("NREMT Active", "nremt_status"),
    ("Natl Registry Status", "nremt_status"),
    ("Cert. No.", "ma_number"),
    ("MA Lic #", "ma_number"),
    ("NREMT Expires", "nremt_expiration"),
    # The state's Check a Health License export names only its own card.
    ("License Number", "ma_number"),
    ("Expiration Date", "ma_expiration"),
    ("Expiration", "ma_expiration"),
    ("Expires", "ma_expiration"),
]


@pytest.mark.parametrize(("header", "field"), SYNONYMS)
def test_header_synonym_is_recognised(header, field):
    assert field_of(header) == field


@pytest.mark.parametrize(
    "spelling",
    ["MA expiration", "ma expiration", "MA_EXPIRATION", " MA-Expiration ", "M.A. expiration",
     "MA\u00a0expiration", "\uff2d\uff21 expiration"],  # a no-break space; full-width
)  # fmt: skip
def test_headers_match_whatever_the_case_spaces_and_punctuation(spelling):
    assert field_of(spelling) == "ma_expiration"


@pytest.mark.parametrize(
    "header", ["Notes", "Phone", "Date", "Station", "License Type", "License Status", "Status", ""]
)
def test_other_headers_are_not_roster_columns(header):
    assert field_of(header) is None


def test_no_synonym_means_two_fields():
    # The table is built from several lists; a spelling in two of them would silently
    # take whichever came last.
    lists = {
        "ma_number": columns._product(
            (*columns._MA, "certification", "cert", "license", "licence"), columns._NUMBER
        ),
        "ma_expiration": columns._product(columns._MA, columns._EXPIRES),
        "nremt_status": columns._product(columns._NR, columns._STATUS),
        "nremt_expiration": columns._product(columns._NR, columns._EXPIRES),
        "nremt_number": columns._product(columns._NR, columns._NUMBER),
    }
    for field, keys in lists.items():
        for other, other_keys in lists.items():
            if other != field:
                assert not keys & other_keys, (field, other, keys & other_keys)


def test_header_key_spells_the_number_sign():
    assert header_key("NRemt #") == "nremtnumber"


def test_the_template_headers_name_every_field_once():
    match = match_headers(list(TEMPLATE_HEADERS))
    assert match.complete
    assert not match.doubled
    assert not match.ignored
    assert [column.header for column in match.columns.values()] == list(TEMPLATE_HEADERS)


def test_first_and_last_name_stand_for_the_name():
    assert match_headers(["First name", "Last name", "MA expiration"]).complete


def test_two_columns_for_one_field_are_reported():
    match = match_headers(["Name", "MA expiration", "Massachusetts expiration"])
    assert set(match.doubled) == {"ma_expiration"}
    message = columns.doubled_message(match)
    assert "column B" in message
    assert "column C" in message


def test_header_row_may_follow_a_title():
    rows = [["Station 5 roster"], [], ["as of the fall"], ["Name", "MA exp"], ["Al", "x"]]
    index, match = find_header(rows)
    assert index == 3
    assert set(match.columns) == {"name", "ma_expiration"}


def test_missing_columns_message_lists_the_found_and_the_expected():
    message = missing_columns_message(["Employee", "Phone", "", "Expires"])
    assert '"Employee", "Phone", "Expires"' in message
    assert "MA expiration" in message
    assert "Name (or First name and Last name)" in message


@pytest.mark.parametrize(
    ("index", "letter"), [(0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ")]
)
def test_column_letters(index, letter):
    assert column_letter(index) == letter
