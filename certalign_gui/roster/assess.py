"""Every roster row through the same `assess()`, with one advice date for the whole roster.

A row that cannot be assessed becomes one or more `Problem` (row, column, what the cell
held, what is wrong); every other row is still assessed. Pure: no clock, no files.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from certalign_gui.presentation.catalogue import N_, _, long_date, number
from certalign_gui.presentation.input_words import situation_sentence
from certalign_gui.roster.cells import (
    STATUS_HELP,
    CellError,
    Status,
    is_nothing,
    plain_text,
    read_date,
    read_status,
    shown,
)
from certalign_gui.roster.columns import LABELS, Field, header_key
from certalign_gui.roster.reader import RawRow, RosterFile
from certalign_gui.rules.engine import assess
from certalign_gui.rules.models import (
    Assessment,
    NremtStatus,
    Situation,
)
from certalign_gui.rules.policy import Policy

#: Said once for a spreadsheet's column with many empty cells: a formula without a saved
#: result reads as empty.
FORMULA_HINT = N_(
    "If those cells hold formulas, their results were never saved: open the file in Excel "
    "or LibreOffice and save it again."
)
#: An expiration date later than this many years after the advice date, or before
#: `EARLIEST_YEAR`, cannot be a card's (a two-digit year 99 reads as 2099): the row is
#: listed to fix, never assessed.
YEARS_AHEAD = 6
EARLIEST_YEAR = 2000
#: Problems of one kind in one column get one message about the whole column when there
#: are at least this many and they are most of the rows.
COLUMN_AT_LEAST = 3
#: What to do about a whole column, by the way its cells failed (`cells.Kind`, and the
#: row-level kinds below). ``{label}`` is the column, ``{count}`` how many rows.
COLUMN_FIXES: dict[str, str] = {
    "number": N_(
        "{label}: {count} cells hold numbers, not dates. A spreadsheet drops the leading "
        "zero of a date typed as digits (03312027 becomes 3312027). Select the whole column, "
        "format it as Date (or as Text), then type those dates again, for example 03/31/2027."
    ),
    "day_first": N_(
        "{label}: {count} dates have the day first (31/03/2027). The month comes first: "
        "type them again as 03/31/2027, or format the column as Date in the spreadsheet "
        "so that it shows the month's name (31-Mar-2027)."
    ),
    "not_a_date": N_(
        "{label}: {count} cells are not dates that can be read. Write each as 03/31/2027 or "
        "31-Mar-2027; in a spreadsheet, formatting the whole column as Date fixes them all "
        "at once."
    ),
    "year": N_(
        "{label}: {count} dates have a year that cannot be a card's. A two-digit year such "
        "as 99 reads as 2099: type every year with four digits."
    ),
    "not_status": N_("{label}: {count} cells are not an NREMT status: {help}."),
    "empty": N_("{label} is empty in {count} rows: fill it in."),
    "inactive": N_(
        "{label}: {count} people have NREMT status Inactive. Ask each of them (or look them "
        "up on nremt.org) and write active with the expiration date, or expired."
    ),
    "no_column": "",  # the problem's own message
}


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one row was not assessed: its row, the column, what the cell held, what is wrong."""

    row: int
    column: str
    value: str
    message: str
    name: str = ""
    kind: str = "other"
    #: What the cell holds, without how to fix it (a column's message says that once).
    short: str = ""


@dataclass(frozen=True, slots=True)
class ColumnFix:
    """Most rows of one column failed the same way: one message for the column, and its rows."""

    column: str
    kind: str
    rows: tuple[int, ...]
    message: str


@dataclass(frozen=True, slots=True)
class Person:
    """One assessed row."""

    row: int
    name: str
    ma_number: str
    nremt_number: str
    assessment: Assessment


@dataclass(frozen=True, slots=True)
class Unassessed:
    """A row that needs fixing: its number and its cells as plain text, for the table."""

    row: int
    name: str
    cells: dict[Field, str]


@dataclass(frozen=True)
class RosterResult:
    """The whole roster's answer: the people assessed and the rows that need fixing."""

    source: str
    as_of: date
    people: tuple[Person, ...]
    problems: tuple[Problem, ...]
    blank_rows: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    unassessed: tuple[Unassessed, ...] = ()
    column_fixes: tuple[ColumnFix, ...] = ()
    skipped_rows: tuple[int, ...] = ()
    sheet: str | None = None
    roster_sheets: tuple[str, ...] = ()
    problem_rows: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "problem_rows", tuple(sorted({problem.row for problem in self.problems}))
        )

    def problem_text(self, problem: Problem) -> str:
        """The problem's message, or only what the cell holds when a message about its whole
        column (`column_fixes`) already says how to fix it."""
        for fix in self.column_fixes:
            if (fix.column, fix.kind) == (problem.column, problem.kind) and problem.short:
                return problem.short
        return problem.message

    @property
    def row_count(self) -> int:
        """Rows that held something: assessed plus those that need fixing."""
        return len(self.people) + len(self.problem_rows)


class _RowError(Exception):
    """The problems found in one row (internal: collected, never shown as an exception)."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(len(problems))
        self.problems = problems


def assess_roster(roster: RosterFile, as_of: date, policy: Policy | None = None) -> RosterResult:
    """Assess every row of ``roster`` as of ``as_of`` (the caller passes today)."""
    people: list[Person] = []
    problems: list[Problem] = []
    unassessed: list[Unassessed] = []
    seen_numbers: dict[str, int] = {}
    # One advice date for the whole roster, and most cards expire on March 31: many rows are
    # the same Situation. assess() is pure, so each different one is assessed once.
    answers: dict[Situation, Assessment] = {}
    for raw in roster.rows:
        reader = _RowReader(roster, raw, answers)
        try:
            person = reader.person(as_of, policy)
        except _RowError as exc:
            problems.extend(exc.problems)
            person = None
        number_key = "".join(reader.text("ma_number").split()).casefold()
        if number_key:
            first = seen_numbers.setdefault(number_key, raw.row)
            if first != raw.row:
                # One person holds one Massachusetts card: two rows with one number mean one
                # of them is a mistake, so the later row is not assessed until it is fixed.
                problems.append(reader.duplicate(first))
                person = None
        if person is not None:
            people.append(person)
        else:
            unassessed.append(Unassessed(raw.row, reader.name(), reader.texts))
    return RosterResult(
        source=roster.source,
        as_of=as_of,
        people=tuple(people),
        problems=tuple(problems),
        blank_rows=roster.blank_rows,
        notes=roster.notes,
        unassessed=tuple(unassessed),
        column_fixes=column_fixes(problems, roster),
        skipped_rows=roster.skipped_rows,
        sheet=roster.sheet,
        roster_sheets=roster.roster_sheets,
    )


def column_fixes(problems: list[Problem], roster: RosterFile) -> tuple[ColumnFix, ...]:
    """One message per column for each way most of its rows failed, in the columns' order."""
    labels = {column.header: column.label for column in roster.columns.values()}
    rows = len(roster.rows)
    groups: dict[tuple[str, str], list[Problem]] = {}
    for problem in problems:
        if problem.kind in COLUMN_FIXES:
            groups.setdefault((problem.column, problem.kind), []).append(problem)
    fixes = []
    for (column, kind), found in groups.items():
        found_rows = tuple(sorted({problem.row for problem in found}))
        enough = kind == "no_column" or len(found_rows) in (rows, *range(COLUMN_AT_LEAST, rows))
        if not enough or 2 * len(found_rows) <= rows:
            continue
        label = labels.get(column, column)
        message = (
            found[0].message
            if kind == "no_column"
            else _(COLUMN_FIXES[kind]).format(
                label=label, count=number(len(found_rows)), help=_(STATUS_HELP)
            )
        )
        if kind == "empty" and roster.is_spreadsheet:
            message += " " + _(FORMULA_HINT)
        fixes.append(ColumnFix(column, kind, found_rows, message))
    return tuple(fixes)


class _RowReader:
    """One row's cells to a `Person`, collecting every problem before giving up."""

    def __init__(
        self, roster: RosterFile, raw: RawRow, answers: dict[Situation, Assessment]
    ) -> None:
        self.roster = roster
        self.raw = raw
        self.answers = answers
        self.problems: list[Problem] = []
        self.texts = {name: plain_text(cell) for name, cell in raw.cells.items()}

    def header(self, name: Field) -> str:
        column = self.roster.columns.get(name)
        return column.header if column is not None else LABELS[name]

    def label(self, name: Field) -> str:
        column = self.roster.columns.get(name)
        return column.label if column is not None else LABELS[name]

    def text(self, name: Field) -> str:
        return self.texts.get(name, "")

    def add(self, name: Field, message: str, kind: str = "other", short: str = "") -> None:
        value = self.text(name)
        self.problems.append(
            Problem(self.raw.row, self.header(name), value, message, self.name(), kind, short)
        )

    def empty(self, name: Field, why: str) -> None:
        if name not in self.roster.columns:
            self.add(
                name,
                _("The roster has no {column} column: {why}.").format(column=LABELS[name], why=why),
                "no_column",
            )
            return
        label = self.label(name)
        self.add(
            name,
            _("{column} is empty: {why}.").format(column=label, why=why),
            "empty",
            _("{column} is empty.").format(column=label),
        )

    def cell_error(self, name: Field, exc: CellError) -> None:
        holds = _("{column} holds {value}").format(
            column=self.label(name), value=shown(self.raw.cells.get(name))
        )
        self.add(
            name,
            _("{holds}: {problem}").format(holds=holds, problem=exc),
            exc.kind,
            _("{holds}.").format(holds=holds),
        )

    def day(self, name: Field, as_of: date) -> date | None:
        if not self.text(name):
            return None
        try:
            day = read_date(self.raw.cells.get(name))
        except CellError as exc:
            self.cell_error(name, exc)
            return None
        if day.year < EARLIEST_YEAR or day.year > as_of.year + YEARS_AHEAD:
            when = (
                _("before {year}").format(year=EARLIEST_YEAR)
                if day.year < EARLIEST_YEAR
                else _("more than {n} years after the advice date").format(n=YEARS_AHEAD)
            )
            read_as = _("{column} holds {value}, read as {day}").format(
                column=self.label(name), value=shown(self.raw.cells.get(name)), day=long_date(day)
            )
            self.add(
                name,
                (
                    _(
                        "{read_as}: {when}, which cannot be a card's expiration (a two-digit "
                        "year such as 99 reads as 2099). Type the date with a four-digit year."
                    )
                    if day.year >= 2070
                    else _(
                        "{read_as}: {when}, which cannot be a card's expiration. Type the date "
                        "with a four-digit year."
                    )
                ).format(read_as=read_as, when=when),
                "year",
                _("{read_as}.").format(read_as=read_as),
            )
            return None
        return day

    def name(self) -> str:
        if "name" in self.roster.columns:
            return self.text("name")
        return " ".join(part for part in (self.text("first_name"), self.text("last_name")) if part)

    def person(self, as_of: date, policy: Policy | None) -> Person:
        name = self.name()
        if not name:
            which: Field = "name" if "name" in self.roster.columns else (
                "last_name" if "last_name" in self.roster.columns else "first_name")  # fmt: skip
            self.empty(which, _("every person needs a name"))
        ma = self.day("ma_expiration", as_of)
        if ma is None and not self.text("ma_expiration"):
            self.empty("ma_expiration", _("type the date on the Massachusetts card"))
        stated = self.status()
        nremt_given = not is_nothing(self.raw.cells.get("nremt_expiration"))
        written = self.status_in_date_column(stated) if nremt_given else None
        if written is not None:
            stated, nremt_given, nremt = written, False, None
        else:
            nremt = self.day("nremt_expiration", as_of) if nremt_given else None
        status = self.check_nremt(stated, nremt, nremt_given, as_of)
        if self.problems or ma is None or status is None:
            raise _RowError(self.problems)
        try:
            situation = Situation(
                ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of
            )
        except ValidationError as exc:
            self.problems.append(Problem(self.raw.row, "", "", situation_sentence(exc), name))
            raise _RowError(self.problems) from None
        assessment = self.answers.get(situation)
        if assessment is None:
            assessment = self.answers[situation] = assess(situation, policy)
        return Person(
            row=self.raw.row,
            name=name,
            ma_number=self.text("ma_number"),
            nremt_number=self.text("nremt_number"),
            assessment=assessment,
        )

    def status(self) -> Status | None:
        column = self.roster.columns.get("nremt_status")
        yes_no = column is not None and "active" in header_key(column.header)
        try:
            return read_status(self.raw.cells.get("nremt_status"), yes_no=yes_no)
        except CellError as exc:
            self.cell_error("nremt_status", exc)
            return None

    def status_in_date_column(self, stated: Status | None) -> Status | None:
        """A status word written where the NREMT date goes (``never``, ``expired``), when
        the status column says nothing else; None when the cell is not a status word."""
        cell = self.raw.cells.get("nremt_expiration")
        if isinstance(cell, str) and any(char.isdigit() for char in cell):
            return None
        try:
            word = read_status(cell)
        except CellError:
            return None
        if word is None or word == "active" or stated not in (None, word):
            return None
        return word

    def check_nremt(
        self, status: Status | None, nremt: date | None, given: bool, as_of: date
    ) -> NremtStatus | None:
        """The status the row means, or None after adding the problem that stops it."""
        if status == "inactive":
            self.add(
                "nremt_status",
                _(
                    "{column} says Inactive. NREMT's Inactive status is a certification held but "
                    "not practised on, so it is neither assumed active nor expired: ask the "
                    "person (or look them up on nremt.org), then write active with the expiration "
                    "date, or expired."
                ).format(column=self.label("nremt_status")),
                "inactive",
            )
            return None
        if status == "not_active":
            if nremt is not None and nremt < as_of:
                return "expired"
            self.add(
                "nremt_status",
                _(
                    "{column} says no (not active): write expired if the person held NREMT "
                    "before, or never if they never did."
                ).format(column=self.label("nremt_status"))
                if nremt is None
                else _(
                    "{column} says no (not active), but the NREMT expiration ({day}) is not "
                    "past: write yes if it is still valid, or correct the date."
                ).format(column=self.label("nremt_status"), day=long_date(nremt)),
                "other",
            )
            return None
        if status is None:
            if nremt is not None:
                # Nothing written (or a dash): the date says it. Valid through its day.
                return "active" if nremt >= as_of else "expired"
            if given or not is_nothing(self.raw.cells.get("nremt_status")):
                return None  # the date's (or the status's) own problem is already listed
            if {"nremt_status", "nremt_expiration"} & self.roster.columns.keys():
                which: Field = (
                    "nremt_status" if "nremt_status" in self.roster.columns else "nremt_expiration"
                )
                self.empty(
                    which,
                    _("write the NREMT expiration date, or expired or never (in either column)")
                    if which == "nremt_expiration"
                    else _("write active with the NREMT expiration date, expired, or never"),
                )
            else:
                self.add(
                    "nremt_status",
                    _(
                        "The roster has no NREMT status or NREMT expiration column, so nobody's "
                        "NREMT certification is known: add an NREMT expiration column (and an "
                        "NREMT status column: active, expired or never) and fill them in."
                    ),
                    "no_column",
                )
            return None
        if status == "active" and nremt is None and not given:
            self.empty("nremt_expiration", _("an active NREMT certification needs its date"))
        elif status == "never" and given:
            self.add(
                "nremt_status",
                _(
                    "{status} says never, but {column} holds {value}: write the status the card "
                    "shows, or clear the date."
                ).format(
                    status=self.label("nremt_status"),
                    column=self.label("nremt_expiration"),
                    value=shown(self.raw.cells.get("nremt_expiration")),
                ),
            )
        elif status == "expired" and nremt is not None and nremt > as_of:
            self.add(
                "nremt_status",
                _(
                    "{column} says expired, but the NREMT expiration ({day}) is after the "
                    "advice date ({advice_day}): write active if it is still valid, or correct "
                    "the date."
                ).format(
                    column=self.label("nremt_status"),
                    day=long_date(nremt),
                    advice_day=long_date(as_of),
                ),
            )
        return status

    def duplicate(self, first: int) -> Problem:
        return Problem(
            self.raw.row,
            self.header("ma_number"),
            self.text("ma_number"),
            _(
                "{column} holds {value}, the same number as row {row}: one person has one "
                "Massachusetts card, so one of the two rows is a mistake. Correct or delete one "
                "of them."
            ).format(
                column=self.label("ma_number"),
                value=shown(self.raw.cells.get("ma_number")),
                row=first,
            ),
            self.name(),
            "duplicate",
        )
