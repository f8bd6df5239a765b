"""The roster table's columns, described once: the window, the text, the CSV and the PDF read it.

Each `TableColumn` says what the column is called (on screen and on paper, and to a screen
reader), how wide it wants to be (in average characters), what a person's line shows in it
(`text` on screen, `paper` on paper, `terse` on the terminal's one line), what a spreadsheet gets
(`value`: dates as ISO, numbers as numbers) and what it sorts by. Each medium only chooses
which columns it shows, in which order: `WINDOW`, `PAPER` and `CSV_RESULTS`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from certalign_gui.presentation.catalogue import N_, _
from certalign_gui.roster.summary import CATEGORY_PHRASES, URGENCY_WORDS, TableRow
from certalign_gui.rules.typed_dates import typed_form

_URGENCY_ORDER = {level: rank for rank, level in enumerate(URGENCY_WORDS)}


@dataclass(frozen=True, slots=True)
class TableColumn:
    """One column of the roster table, for every medium."""

    key: str
    header_id: str  # above the column, on screen and on paper (the catalogue's message id)
    spoken_id: str  # what the tooltip and a screen reader say, and the CSV's header (the same)
    width: int  # how many average characters it wants on screen (the paper's share)
    text: Callable[[TableRow], str]
    sort_key: Callable[[TableRow], Any]
    numeric: bool = False  # right-aligned
    paper: Callable[[TableRow], str] | None = None  # on paper (cells wrap); else `text`
    terse: Callable[[TableRow], str] | None = None  # on one terminal line; else the paper's
    value: Callable[[TableRow], str | int] | None = None  # in a spreadsheet; else `text`
    paper_width: int | None = None  # on paper, when its paper text is shorter; else `width`

    @property
    def header(self) -> str:
        """The column's name above it, in the current language."""
        return _(self.header_id)

    @property
    def spoken(self) -> str:
        """The column's name said in full, in the current language."""
        return _(self.spoken_id)

    def paper_text(self, line: TableRow) -> str:
        """What ``line`` shows in this column on paper."""
        return (self.paper or self.text)(line)

    def terse_text(self, line: TableRow) -> str:
        """What ``line`` shows in this column on a terminal's one line."""
        return (self.terse or self.paper or self.text)(line)

    @property
    def paper_chars(self) -> int:
        """How many average characters it wants on paper."""
        return self.paper_width or self.width

    def cell_value(self, line: TableRow) -> str | int:
        """What a spreadsheet gets for ``line`` in this column."""
        return (self.value or self.text)(line)


# Each column's functions take a person's line, `r`.


def _iso(line: TableRow) -> str:
    return line.due.isoformat() if line.due is not None else ""


COLUMNS: tuple[TableColumn, ...] = (
    TableColumn("row", N_("Row"), N_("Row in the file"), 6, lambda r: str(r.row), lambda r: r.row,
                numeric=True, value=lambda r: r.row),
    TableColumn("name", N_("Name"), N_("Name"), 24, lambda r: r.name, lambda r: r.name.casefold()),
    TableColumn("ma_number", N_("MA number"), N_("MA certification number"), 12,
                lambda r: r.ma_number, lambda r: r.ma_number.casefold()),
    TableColumn("urgency", N_("Urgency"), N_("Urgency"), 13, lambda r: r.urgency_text,
                lambda r: _URGENCY_ORDER[r.urgency]),
    TableColumn("due", N_("Due"), N_("Next step due"), 17, lambda r: r.due_text,
                # Ties and the roster's own order: see the window's model.
                lambda r: 0,
                paper=lambda r: typed_form(r.due) if r.due is not None else "", value=_iso,
                paper_width=13),
    TableColumn("days_left", N_("Days left"), N_("Days left"), 13, lambda r: r.days_left_text,
                lambda r: (r.days_left is None, r.days_left or 0), numeric=True,
                value=lambda r: "" if r.days_left is None else r.days_left),
    TableColumn("can_staff", N_("Can staff"), N_("Can staff an ambulance"), 9,
                lambda r: r.staff_text, lambda r: r.can_staff_ambulance),
    TableColumn("situation", N_("Situation"), N_("Situation"), 34, lambda r: r.situation,
                lambda r: r.situation.casefold(), terse=lambda r: _(CATEGORY_PHRASES[r.category])),
    TableColumn("next_step", N_("Next step"), N_("Next step"), 34, lambda r: r.next_step,
                lambda r: r.next_step.casefold()),
    TableColumn("fee", N_("Fee"), N_("Fee"), 10, lambda r: r.fee_text,
                lambda r: (r.fee is None, r.fee or 0), numeric=True,
                value=lambda r: "" if r.fee is None else f"{r.fee:.2f}"),
)  # fmt: skip
BY_KEY: dict[str, TableColumn] = {column.key: column for column in COLUMNS}


def columns(*keys: str) -> tuple[TableColumn, ...]:
    """The columns named ``keys``, in that order."""
    return tuple(BY_KEY[key] for key in keys)


#: The window: who, how urgent and by when first (they fit on a small screen), then the
#: situation and the next step in words, the file's row last.
WINDOW = columns(
    "name", "ma_number", "urgency", "due", "days_left", "can_staff", "situation", "next_step",
    "fee", "row",
)  # fmt: skip
#: The summary PDF and the command line's table: the file's row first, as a list to work down.
PAPER = columns(
    "row", "name", "ma_number", "urgency", "situation", "next_step", "due", "days_left",
    "can_staff", "fee",
)  # fmt: skip
#: What the results CSV adds after the template's own columns.
CSV_RESULTS = columns("situation", "next_step", "due", "days_left", "can_staff", "fee")
