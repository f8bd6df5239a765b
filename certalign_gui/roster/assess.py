"""Every roster row through the same `assess()`, with one advice date for the whole roster.

A row that cannot be assessed becomes one or more `Problem` (row, column, what the cell
held, what is wrong); every other row is still assessed. Pure: no clock, no files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from pydantic import ValidationError

from certalign_gui.roster.cells import CellError, plain_text, read_date, read_status, shown
from certalign_gui.roster.columns import LABELS, Field
from certalign_gui.roster.reader import RawRow, RosterFile
from certalign_gui.rules.engine import assess
from certalign_gui.rules.models import (
    Assessment,
    NremtStatus,
    Situation,
    describe_situation_error,
)
from certalign_gui.rules.policy import Policy
from certalign_gui.rules.wording import long_date

#: Added to "is empty" for a spreadsheet: a formula without a saved result reads as empty.
FORMULA_HINT = (
    " (A formula whose result was never saved also reads as empty: open the file in Excel "
    "or LibreOffice and save it again.)"
)


@dataclass(frozen=True, slots=True)
class Problem:
    """Why one row was not assessed: its row, the column, what the cell held, what is wrong."""

    row: int
    column: str
    value: str
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
    problem_rows: tuple[int, ...] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "problem_rows", tuple(sorted({problem.row for problem in self.problems}))
        )

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
    )


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

    def add(self, name: Field, message: str) -> None:
        value = self.text(name)
        self.problems.append(Problem(self.raw.row, self.header(name), value, message))

    def empty(self, name: Field, why: str) -> None:
        if name not in self.roster.columns:
            self.add(name, f"The roster has no {LABELS[name]} column: {why}.")
            return
        hint = FORMULA_HINT if self.roster.is_spreadsheet else ""
        self.add(name, f"{self.label(name)} is empty: {why}.{hint}")

    def cell_error(self, name: Field, exc: CellError) -> None:
        self.add(name, f"{self.label(name)} holds {shown(self.raw.cells.get(name))}: {exc}")

    def day(self, name: Field) -> date | None:
        if not self.text(name):
            return None
        try:
            return read_date(self.raw.cells.get(name))
        except CellError as exc:
            self.cell_error(name, exc)
            return None

    def name(self) -> str:
        if "name" in self.roster.columns:
            return self.text("name")
        return " ".join(part for part in (self.text("first_name"), self.text("last_name")) if part)

    def person(self, as_of: date, policy: Policy | None) -> Person:
        name = self.name()
        if not name:
            which: Field = "name" if "name" in self.roster.columns else (
                "last_name" if "last_name" in self.roster.columns else "first_name")  # fmt: skip
            self.empty(which, "every person needs a name")
        ma = self.day("ma_expiration")
        if ma is None and not self.text("ma_expiration"):
            self.empty("ma_expiration", "type the date on the Massachusetts card")
        status = self.status()
        nremt = self.day("nremt_expiration")
        nremt_given = bool(self.text("nremt_expiration"))
        status = self.check_nremt(status, nremt, nremt_given, as_of)
        if self.problems or ma is None or status is None:
            raise _RowError(self.problems)
        try:
            situation = Situation(
                ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of
            )
        except ValidationError as exc:
            # "advice date (as_of): ..." without the field's code name, as a sentence.
            words = re.sub(r" \([a-z_]+\)", "", describe_situation_error(exc))
            self.problems.append(Problem(self.raw.row, "", "", f"{words[:1].upper()}{words[1:]}."))
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

    def status(self) -> NremtStatus | None:
        try:
            return read_status(self.raw.cells.get("nremt_status"))
        except CellError as exc:
            self.cell_error("nremt_status", exc)
            return None

    def check_nremt(
        self, status: NremtStatus | None, nremt: date | None, given: bool, as_of: date
    ) -> NremtStatus | None:
        """The status the row means, or None after adding the problem that stops it."""
        stated = bool(self.text("nremt_status"))
        if not stated:
            if nremt is not None:
                return "active"  # an empty status with a date means active
            if given:
                return None  # the date's own problem is already listed
            if {"nremt_status", "nremt_expiration"} & self.roster.columns.keys():
                which: Field = (
                    "nremt_status" if "nremt_status" in self.roster.columns else "nremt_expiration"
                )
                self.empty(which, "write active with the NREMT expiration date, expired, or never")
            else:
                self.add(
                    "nremt_status",
                    "The roster has no NREMT status or NREMT expiration column: add them "
                    "(NREMT status: active, expired or never).",
                )
            return None
        if status == "active" and nremt is None and not given:
            self.empty("nremt_expiration", "an active NREMT certification needs its date")
        elif status == "never" and given:
            self.add(
                "nremt_status",
                f"{self.label('nremt_status')} says never, but {self.label('nremt_expiration')} "
                f"holds {shown(self.raw.cells.get('nremt_expiration'))}: write the status the "
                "card shows, or clear the date.",
            )
        elif status == "expired" and nremt is not None and nremt > as_of:
            self.add(
                "nremt_status",
                f"{self.label('nremt_status')} says expired, but the NREMT expiration "
                f"({long_date(nremt)}) is after the advice date ({long_date(as_of)}): write "
                "active if it is still valid, or correct the date.",
            )
        return status

    def duplicate(self, first: int) -> Problem:
        return Problem(
            self.raw.row,
            self.header("ma_number"),
            self.text("ma_number"),
            f"{self.label('ma_number')} holds {shown(self.raw.cells.get('ma_number'))}, the "
            f"same number as row {first}: one person has one Massachusetts card, so one of "
            "the two rows is a mistake. Correct or delete one of them.",
        )
