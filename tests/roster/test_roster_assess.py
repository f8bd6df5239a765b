"""Every row through the same rules; rows that cannot be assessed are listed, never dropped."""

from __future__ import annotations

from datetime import date

import pytest
from roster_files import AS_OF, HEADER, write_csv, write_xlsx

from certalign_gui.roster.assess import assess_roster
from certalign_gui.roster.reader import read_roster
from certalign_gui.roster.summary import (
    CATEGORY_PHRASES,
    counts,
    counts_line,
    summary_line,
    table_rows,
)
from certalign_gui.rules import Situation, assess
from certalign_gui.rules.models import Category


def _assessed(tmp_path, body: str, as_of: date = AS_OF, header: str = HEADER):
    return assess_roster(read_roster(write_csv(tmp_path / "r.csv", f"{header}\n{body}")), as_of)


def test_each_row_gets_exactly_what_assess_gives(tmp_path):
    result = _assessed(tmp_path, "Ann,1,03/31/2026,,03/31/2027,E1\nBo,2,3/31/26,expired,,E2\n")
    expected = [
        assess(Situation(ma_expiration=date(2026, 3, 31), nremt_expiration=date(2027, 3, 31),
                         as_of=AS_OF)),
        assess(Situation(ma_expiration=date(2026, 3, 31), nremt_status="expired", as_of=AS_OF)),
    ]  # fmt: skip
    assert [person.assessment for person in result.people] == expected
    assert [(p.row, p.name, p.ma_number, p.nremt_number) for p in result.people] == [
        (2, "Ann", "1", "E1"),
        (3, "Bo", "2", "E2"),
    ]
    assert result.problems == ()


def test_the_advice_date_is_the_one_given(tmp_path):
    result = _assessed(tmp_path, "Ann,1,03/31/2026,,03/31/2027,\n", as_of=date(2026, 1, 5))
    assert result.people[0].assessment.situation.as_of == date(2026, 1, 5)
    assert result.as_of == date(2026, 1, 5)


@pytest.mark.parametrize(
    ("row", "column", "words"),
    [
        # An unreadable date: the cell and what is wrong.
        ("Ann,1,31/03/2026,,03/31/2027,", "MA expiration",
         'MA expiration (column C) holds "31/03/2026": There is no month 31'),
        # The MA date is missing.
        ("Ann,1,,,03/31/2027,", "MA expiration", "MA expiration (column C) is empty"),
        # The status contradicts the date.
        ("Ann,1,03/31/2026,never,03/31/2027,", "NREMT status",
         "says never, but NREMT expiration (column E) holds"),
        ("Ann,1,03/31/2026,expired,03/31/2027,", "NREMT status",
         "says expired, but the NREMT expiration (March 31, 2027) is after the advice date"),
        ("Ann,1,03/31/2026,active,,", "NREMT expiration",
         "an active NREMT certification needs its date"),
        # An unknown status word.
        ("Ann,1,03/31/2026,pending,03/31/2027,", "NREMT status",
         'NREMT status (column D) holds "pending": This is not an NREMT status'),
        # Neither a status nor a date.
        ("Ann,1,03/31/2026,,,", "NREMT status", "write active with the NREMT expiration date"),
        # No name.
        (",1,03/31/2026,,03/31/2027,", "Name", "every person needs a name"),
        # An unreadable NREMT date.
        ("Ann,1,03/31/2026,,soon,", "NREMT expiration", 'holds "soon"'),
    ],
)  # fmt: skip
def test_a_row_with_a_problem_is_listed_and_the_others_still_assessed(tmp_path, row, column, words):
    body = f"Bo,7,03/31/2026,,03/31/2027,\n{row}\nCy,8,03/31/2026,,03/31/2026,\n"
    result = _assessed(tmp_path, body)
    assert [person.row for person in result.people] == [2, 4]
    assert result.problem_rows == (3,)
    problem = result.problems[0]
    assert (problem.row, problem.column) == (3, column)
    assert words in problem.message
    assert result.unassessed[0].row == 3


def test_every_problem_of_a_row_is_listed(tmp_path):
    result = _assessed(tmp_path, ",1,13/01/2026,maybe,03/31/2027,\n")
    assert [p.column for p in result.problems] == ["Name", "MA expiration", "NREMT status"]
    assert result.problem_rows == (2,)


def test_a_situation_the_rules_refuse_is_a_problem_in_plain_words(tmp_path):
    result = _assessed(tmp_path, "Ann,1,03/31/2026,,03/31/2027,\n", as_of=date(2300, 1, 1))
    assert result.people == ()
    assert result.problems[0].message == "Advice date: the year must be between 1950 and 2199."


def test_an_empty_formula_result_says_how_to_fix_it(tmp_path):
    path = write_xlsx(
        tmp_path / "r.xlsx",
        [["Name", "MA expiration", "NREMT status"], ["Ann", "=DATE(2026,3,31)", "never"]],
    )
    result = assess_roster(read_roster(path), AS_OF)
    assert "is empty" in result.problems[0].message
    (fix,) = result.column_fixes
    assert "If those cells hold formulas, their results were never saved" in fix.message
    assert fix.rows == (2,)


def test_a_roster_without_nremt_columns_says_so(tmp_path):
    result = _assessed(tmp_path, "Ann,03/31/2026\n", header="Name,MA expiration")
    assert "no NREMT status or NREMT expiration column" in result.problems[0].message


def test_first_and_last_names_are_joined(tmp_path):
    header = "First name,Last name,MA expiration,NREMT status"
    result = _assessed(tmp_path, "Ann,Lee,03/31/2026,never\n", header=header)
    assert result.people[0].name == "Ann Lee"


def test_the_same_ma_number_twice_is_a_problem_on_the_later_row(tmp_path):
    body = (
        "Ann,MA-1,03/31/2026,never,,\nBo,2,03/31/2026,never,,\n"
        "Ann again,ma-1 ,03/31/2026,never,,\nCy,,03/31/2026,never,,\nDee,,03/31/2026,never,,\n"
    )
    result = _assessed(tmp_path, body)
    assert [p.row for p in result.people] == [2, 3, 5, 6]  # empty numbers are not duplicates
    assert result.problem_rows == (4,)
    assert "the same number as row 2" in result.problems[0].message


def test_summary_line(tmp_path):
    body = (
        "Ann,1,03/31/2026,never,,\n,,,,,\nBo,2,bad,never,,\nCy,3,03/31/2026,never,,\n"
        ",,,,,\nDee,4,,never,,\n"
    )
    result = _assessed(tmp_path, body)
    assert summary_line(result) == "4 rows: 2 assessed, 2 need fixing (rows 4, 7), 2 blank"


def test_summary_line_singular_and_empty(tmp_path):
    result = _assessed(tmp_path, "Bo,2,bad,never,,\n")
    assert summary_line(result) == "1 row: 0 assessed, 1 needs fixing (row 2)"
    empty = _assessed(tmp_path, "")
    assert summary_line(empty) == "0 rows: nobody to assess (the file has only its header row)"
    assert counts_line(empty) == "nobody assessed"


def test_summary_line_cuts_a_long_list_of_rows(tmp_path):
    result = _assessed(tmp_path, "Bo,,bad,never,,\n" * 14)
    assert summary_line(result) == (
        "14 rows: 0 assessed, 14 need fixing (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 4 more)"
    )


CATEGORY_ROWS: dict[Category, str] = {
    "one_year_alignment": "03/31/2026,,03/31/2027",
    "alignment_not_yet_due": "03/31/2027,,03/31/2028",
    "reverse_off_cycle": "03/31/2027,,03/31/2026",
    "expired_nremt": "03/31/2026,expired,",
    "already_aligned": "03/31/2026,,03/31/2026",
    "outside_guidance": "03/31/2026,never,",
}


def test_counts_in_plain_words_for_every_category(tmp_path):
    body = "".join(f"P{i}{c},,{CATEGORY_ROWS[c]},\n" * (i + 1) for i, c in enumerate(CATEGORY_ROWS))
    result = _assessed(tmp_path, body)
    assert counts(result) == {
        "one_year_alignment": 1,
        "expired_nremt": 4,
        "outside_guidance": 6,
        "reverse_off_cycle": 3,
        "alignment_not_yet_due": 2,
        "already_aligned": 5,
    }
    assert counts_line(result) == (
        "1 must align · 4 must regain NREMT · 6 must contact OEMS · 3 reverse off cycle · "
        "2 not due yet · 5 aligned"
    )
    assert set(CATEGORY_PHRASES) == set(CATEGORY_ROWS)


def test_counts_line_shows_only_the_categories_that_occur(tmp_path):
    result = _assessed(tmp_path, f"A,,{CATEGORY_ROWS['already_aligned']},\n")
    assert counts_line(result) == "1 aligned"


def test_table_rows_say_what_a_person_must_do_next(tmp_path):
    result = _assessed(tmp_path, f"Ann,55,{CATEGORY_ROWS['one_year_alignment']},E5\n")
    (row,) = table_rows(result)
    assert (row.row, row.name, row.ma_number, row.nremt_number) == (2, "Ann", "55", "E5")
    assert row.situation == "You need the one-year alignment"
    assert row.next_step == "Submit the alignment application and pay $62.50"
    assert row.due == date(2026, 2, 15)  # the first step with a date
    assert row.days_left == (date(2026, 2, 15) - AS_OF).days
    assert (row.due_text, row.days_left_text) == ("February 15, 2026", "in 137 days")
    assert (row.can_staff_ambulance, row.staff_text) == (True, "Yes")
    assert (str(row.fee), row.fee_text) == ("62.50", "$62.50")


def test_a_person_without_dated_steps_gets_the_first_step(tmp_path):
    result = _assessed(tmp_path, f"Ann,55,{CATEGORY_ROWS['outside_guidance']},\n")
    (row,) = table_rows(result)
    assert (row.next_step, row.due, row.days_left, row.due_text) == ("Contact OEMS", None, None, "")
    assert row.fee is None
    assert row.fee_text == ""


def test_table_is_sorted_by_next_due_date_overdue_first(tmp_path):
    body = (
        "Later,,03/31/2028,,03/31/2028,\n"  # aligned: renew NREMT by March 31, 2028
        "Undated,,03/31/2026,never,,\n"  # can staff, no dated step: last
        "Soon,,03/31/2026,,03/31/2026,\n"  # aligned: due March 31, 2026
        "Expired card,,03/31/2025,,03/31/2026,\n"  # cannot staff an ambulance: first
        "Align,,03/31/2026,,03/31/2027,\n"  # due February 15, 2026
    )
    result = _assessed(tmp_path, body)
    assert [row.name for row in table_rows(result)] == [
        "Expired card",
        "Align",
        "Soon",
        "Later",
        "Undated",
    ]


def test_the_table_puts_the_overdue_then_the_urgent_then_the_next_due_then_the_rest(tmp_path):
    # As of October 1, 2025: Late cannot staff (expired March 31, 2025); Regain must regain
    # NREMT (no date, but urgent); Soon and Later have dated steps; Never has nothing due.
    text = (
        f"{HEADER}\n"
        "Never,1,03/31/2026,never,,\n"
        "Later,2,03/31/2027,,03/31/2028,\n"
        "Regain,3,03/31/2026,expired,,\n"
        "Soon,4,03/31/2026,,03/31/2027,\n"
        "Late,5,03/31/2025,,03/31/2026,\n"
    )
    roster = read_roster(write_csv(tmp_path / "order.csv", text))
    rows = table_rows(assess_roster(roster, date(2025, 10, 1)))
    assert [row.name for row in rows] == ["Late", "Regain", "Soon", "Later", "Never"]
