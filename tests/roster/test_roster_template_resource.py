"""The blank roster ships in resources/: the same header row as the one list in `columns`."""

from __future__ import annotations

import csv
import io

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path
from certalign_gui.roster import template
from certalign_gui.roster.columns import TEMPLATE_HEADERS
from certalign_gui.roster.reader import read_roster


def test_the_shipped_file_is_exactly_the_template_headers():
    shipped = resource_path(*template.TEMPLATE_RESOURCE).read_bytes()
    assert shipped == template.TEMPLATE_CSV.encode("utf-8")
    # One row, the headers in their order, ended as Excel ends a line.
    assert list(csv.reader(io.StringIO(shipped.decode("utf-8")))) == [list(TEMPLATE_HEADERS)]
    assert shipped.endswith(b"\r\n")
    assert not shipped.startswith(b"\xef\xbb\xbf")


def test_save_a_blank_template_writes_the_shipped_file(tmp_path):
    written = template.write_template(tmp_path / "blank.csv")
    assert written.read_bytes() == resource_path(*template.TEMPLATE_RESOURCE).read_bytes()
    roster = read_roster(written)
    assert roster.rows == ()
    assert set(roster.columns) == {
        "name",
        "ma_number",
        "ma_expiration",
        "nremt_status",
        "nremt_expiration",
        "nremt_number",
    }


def test_a_lost_resource_still_gives_the_same_template(monkeypatch):
    def missing(*parts: str):
        raise MissingResourceError("/".join(parts), ())

    monkeypatch.setattr(template, "resource_path", missing)
    assert template.template_bytes(".csv") == template.TEMPLATE_CSV.encode("utf-8")
