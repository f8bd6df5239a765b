"""What the roster window and the command line show: the summary, the counts, the table."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from certalign_gui.presentation.catalogue import N_, _, long_date, money, ngettext, number
from certalign_gui.presentation.sentences import Sentences, days_phrase
from certalign_gui.roster.assess import Person, RosterResult
from certalign_gui.rules.models import Category, UrgencyLevel

#: Each category in plain words, most pressing first (the order of the counts line); the
#: catalogue's message ids, said with `_` where shown.
CATEGORY_PHRASES: dict[Category, str] = {
    "one_year_alignment": N_("must align"),
    "expired_nremt": N_("must regain NREMT"),
    "outside_guidance": N_("must contact OEMS"),
    "reverse_off_cycle": N_("reverse off cycle"),
    "alignment_not_yet_due": N_("not due yet"),
    "already_aligned": N_("aligned"),
}
#: Each urgency in words (the window's icon only repeats them), most pressing first.
URGENCY_WORDS: dict[UrgencyLevel, str] = {
    "expired": N_("Expired"),
    "urgent": N_("Urgent"),
    "soon": N_("Due soon"),
    "on_track": N_("On track"),
    "info": N_("Information"),
}
SEPARATOR = " \N{MIDDLE DOT} "
#: Row numbers listed in the summary line before "and N more".
LISTED_ROWS = 10


def rows_phrase(rows: tuple[int, ...]) -> str:
    """ "row 17", or "rows 17, 80, 233", cut after `LISTED_ROWS` numbers."""
    listed = _(", ").join(str(row) for row in rows[:LISTED_ROWS])
    if len(rows) > LISTED_ROWS:
        more = len(rows) - LISTED_ROWS
        listed = ngettext("{rows} and {n} more", "{rows} and {n} more", more).format(
            rows=listed, n=number(more)
        )
    return ngettext("row {rows}", "rows {rows}", len(rows)).format(rows=listed)


def summary_line(result: RosterResult) -> str:
    """ "412 rows: 409 assessed, 3 need fixing (rows 17, 80, 233), 2 blank, 1 skipped"."""
    parts = [_("{n} assessed").format(n=number(len(result.people)))]
    if not result.row_count:
        parts = [_("nobody to assess (the file has only its header row)")]
    if result.problem_rows:
        count = len(result.problem_rows)
        parts.append(
            ngettext("{n} needs fixing ({rows})", "{n} need fixing ({rows})", count).format(
                n=number(count), rows=rows_phrase(result.problem_rows)
            )
        )
    if result.blank_rows:
        parts.append(_("{n} blank").format(n=number(len(result.blank_rows))))
    if result.skipped_rows:
        parts.append(
            _("{n} skipped as totals or notes ({rows})").format(
                n=number(len(result.skipped_rows)), rows=rows_phrase(result.skipped_rows)
            )
        )
    return ngettext("{n} row: {parts}", "{n} rows: {parts}", result.row_count).format(
        n=number(result.row_count), parts=_(", ").join(parts)
    )


def counts(result: RosterResult) -> dict[Category, int]:
    """How many people fall in each category, every category listed (in phrase order)."""
    tally = dict.fromkeys(CATEGORY_PHRASES, 0)
    for person in result.people:
        tally[person.assessment.category] += 1
    return tally


def counts_line(result: RosterResult) -> str:
    """ "7 must align · 2 must regain NREMT · 30 aligned": the categories that occur."""
    phrases = [
        _("{n} {phrase}").format(n=number(n), phrase=_(CATEGORY_PHRASES[c]))
        for c, n in counts(result).items()
        if n
    ]
    return SEPARATOR.join(phrases) or _("nobody assessed")


@dataclass(frozen=True, slots=True)
class TableRow:
    """One person as a line of the roster table: each value, and its text as shown."""

    row: int
    name: str
    ma_number: str
    nremt_number: str
    category: Category
    situation: str
    next_step: str
    due: date | None
    days_left: int | None
    can_staff_ambulance: bool
    fee: Decimal | None
    urgency: UrgencyLevel
    sort_key: tuple[int, int, date, str, int]

    @property
    def due_text(self) -> str:
        """ "March 31, 2026", or "" when the next step has no date."""
        return long_date(self.due) if self.due is not None else ""

    @property
    def days_left_text(self) -> str:
        """ "in 23 days", "5 days ago", or ""."""
        return days_phrase(self.days_left) if self.days_left is not None else ""

    @property
    def staff_text(self) -> str:
        """ "Yes" or "No", the same in the window, the text, the PDF and the CSV."""
        return _("Yes") if self.can_staff_ambulance else _("No")

    @property
    def urgency_text(self) -> str:
        """ "Expired", "Urgent", "Due soon", "On track" or "Information"."""
        return _(URGENCY_WORDS[self.urgency])

    @property
    def fee_text(self) -> str:
        """ "$62.50", or "" when there is no fee."""
        return money(self.fee) if self.fee is not None else ""


def table_row(person: Person) -> TableRow:
    """The table line for one person: the next step is the first with a due date."""
    a = person.assessment
    step = next((s for s in a.steps if s.due is not None), a.steps[0])
    overdue = not a.can_staff_ambulance or (step.days_left is not None and step.days_left < 0)
    return TableRow(
        row=person.row,
        name=person.name,
        ma_number=person.ma_number,
        nremt_number=person.nremt_number,
        category=a.category,
        situation=Sentences(a).headline(),
        next_step=Sentences(a).step_title(step),
        due=step.due,
        days_left=step.days_left,
        can_staff_ambulance=a.can_staff_ambulance,
        fee=a.fee.amount if a.fee is not None else None,
        urgency=a.urgency.level,
        # Overdue (or unable to staff) first; then what needs doing now but has no date
        # (regain NREMT); then by the next due date; the rest (nothing due) last.
        sort_key=(
            0 if overdue else 1,
            _undated_rank(a.urgency.level) if step.due is None else 1,
            step.due or date.max,
            person.name.casefold(),
            person.row,
        ),
    )


def _undated_rank(level: UrgencyLevel) -> int:
    """Where a line with no due date goes: before the dated ones when it is urgent."""
    return 0 if level in ("expired", "urgent") else 2


def table_rows(result: RosterResult) -> list[TableRow]:
    """Every assessed person as a table line, sorted: next due date, overdue first."""
    return sorted((table_row(person) for person in result.people), key=lambda r: r.sort_key)


def people_in_order(result: RosterResult, lines: list[TableRow] | None = None) -> list[Person]:
    """Everyone in the table's order: ``lines`` (the window's current sort), else the
    roster's own (overdue first, then by the next due date)."""
    by_row = {person.row: person for person in result.people}
    return [by_row[line.row] for line in (table_rows(result) if lines is None else lines)]


def other_sheets(result: RosterResult) -> list[str]:
    """The workbook's other sheets that also hold a roster (not the one read)."""
    return [sheet for sheet in result.roster_sheets if sheet != result.sheet]
