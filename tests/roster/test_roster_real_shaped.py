"""Real-shaped roster files (`real_shaped.FILES`): every row read as its meaning says, and
every person's answer exactly `assess()` of the values written beside the row."""

from __future__ import annotations

import json
from datetime import date

import pytest
from real_shaped import ABOVE, BLANK, FILES, SKIP, Fix, Person, Shaped, write
from roster_files import AS_OF

from certalign_gui import cli
from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.reader import read_roster
from certalign_gui.rules import Situation, assess


def _situation(person: Person) -> Situation:
    return Situation(
        ma_expiration=date.fromisoformat(person.ma),
        nremt_status=person.status,
        nremt_expiration=date.fromisoformat(person.nremt) if person.nremt else None,
        as_of=AS_OF,
    )


@pytest.mark.parametrize("shaped", FILES, ids=lambda shaped: shaped.name)
def test_every_row_means_what_is_written_beside_it(shaped: Shaped, tmp_path):
    result = assess_roster(read_roster(write(shaped, tmp_path)), AS_OF)
    assert result.sheet == (shaped.sheet or None)
    people = {person.row: person for person in result.people}
    for row, line in enumerate(shaped.lines(), start=1):
        meaning = line.meaning
        if isinstance(meaning, Person):
            person = people.pop(row)
            assert person.name == meaning.name, row
            assert person.assessment.situation == _situation(meaning), row
            assert person.assessment == assess(_situation(meaning)), row
        elif isinstance(meaning, Fix):
            found = [(p.column, p.kind) for p in result.problems if p.row == row]
            assert (meaning.column, meaning.kind) in found, (row, found)
            assert all(p.name for p in result.problems if p.row == row), row
        elif meaning == SKIP:
            assert row in result.skipped_rows, row
        elif meaning == BLANK:
            assert row in result.blank_rows, row
        else:
            assert meaning == ABOVE
            assert row not in result.problem_rows, row
            assert row not in result.skipped_rows, row
    assert people == {}, "people read that the file does not hold"
    fixes = {row for row, line in enumerate(shaped.lines(), 1) if isinstance(line.meaning, Fix)}
    assert set(result.problem_rows) == fixes
    assert {fix.column: fix.kind for fix in result.column_fixes} == shaped.column_fixes


@pytest.mark.parametrize("shaped", FILES, ids=lambda shaped: shaped.name)
def test_the_command_line_reads_the_same(shaped: Shaped, tmp_path, capsys):
    path = write(shaped, tmp_path)
    status = cli.main(["roster", str(path), "--as-of", AS_OF.isoformat(), "--json"])
    data = json.loads(capsys.readouterr().out)
    result = assess_roster(read_roster(path), AS_OF)
    assert status == (3 if result.problems else 0)
    assert [p["row"] for p in data["people"]] == [p.row for p in result.people]
    assert data["summary"]["skipped"] == list(result.skipped_rows)
    assert data["sheet"] == result.sheet
