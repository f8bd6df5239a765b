"""The roster summary: landscape Letter, a table whose header repeats on every page.

The saved PDF (`summary_pdf`) is tagged PDF/UA-1, typeset by typst from plain data
(``resources/typst/summary.typ``): headings, the people and the rows to fix as tables with
header cells, the title without any name. Printing and its preview draw the same words
with QPainter (`paint_summary`; QtGui only, never widgets). Everything is made in memory
and handed back as bytes, so a cancelled job leaves no file; `write_summary_pdf` saves it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)

from certalign_gui import __version__
from certalign_gui.checklist.document import ensure_gui_application, print_font
from certalign_gui.presentation.answer import source_line
from certalign_gui.presentation.catalogue import N_, _, long_date
from certalign_gui.roster.assess import RosterResult
from certalign_gui.roster.output import Progress, save, tick
from certalign_gui.roster.summary import (
    TableRow,
    counts_line,
    rows_phrase,
    summary_line,
    table_rows,
)
from certalign_gui.roster.table_columns import PAPER
from certalign_gui.rules.policy import Policy, load_policy

TITLE = N_("Roster: OEMS and NREMT alignment")
ADVICE = N_("Advice as of {day}")
PRINTED = N_("printed on {day}")
PAGE = N_("Page {page} of {pages}")
FIXING_TITLE = N_("Rows that need fixing")
PEOPLE_TITLE = N_("Everyone on the roster")
SUMMARY_TEMPLATE = "summary"
NOBODY = N_("Nobody was assessed.")
#: Points: half an inch all round, and the sizes of the type.
MARGIN_PT = 36.0
BODY_PT, SMALL_PT, TITLE_PT = 8.5, 8.0, 13.0
PAD_PT = 2.5
#: Lines kept at the foot of every page for the source sentence.
FOOT_LINES = 2
#: The writer's unit is 1/720 inch: ten to a point.
RESOLUTION = 720
#: A cell shows at most this many characters (a name of 5,000 letters is a mistake; what
#: is wrong with a row, with how to fix it, needs about 300).
MAX_CELL_CHARS = 400
#: The problems table: (header, share of the width); its headers are said where drawn.
FIXING_COLUMNS = (
    (N_("Row"), 0.045),
    (N_("Name"), 0.15),
    (N_("Column"), 0.145),
    (N_("What is wrong"), 0.66),
)


def people_columns() -> tuple[tuple[str, float], ...]:
    """The people table: the paper's columns of `table_columns`, each its width against the
    others', with its header in the language of the moment."""
    total = sum(column.paper_chars for column in PAPER)
    return tuple((column.header, column.paper_chars / total) for column in PAPER)


def fixing_columns() -> tuple[tuple[str, float], ...]:
    """The problems table, with its headers in the language of the moment."""
    return tuple((_(title), share) for title, share in FIXING_COLUMNS)


COLUMN_FIXES_TITLE = N_("Whole columns to fix")
Columns = tuple[tuple[str, float], ...]
_TOP_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
WRAP = int(Qt.TextFlag.TextWordWrap) | _TOP_LEFT
WRAP_ANYWHERE = int(Qt.TextFlag.TextWrapAnywhere) | _TOP_LEFT


@dataclass(frozen=True, slots=True)
class _Block:
    """Something drawn across the page at a height: a paragraph, a table header or a row."""

    height: float
    draw: Callable[[QPainter, float], None]
    header: _Block | None = None  # a table row's header, drawn again at the top of a page
    keep: float = 0.0  # room that must follow on the same page (a title and its table)


class _Sheet:
    """Fonts, measures and the drawing of text in cells, in the writer's own units."""

    def __init__(self, writer: QPagedPaintDevice) -> None:
        self.unit = writer.resolution() / 72
        self.width = float(writer.width())
        self.height = float(writer.height())
        self.body = print_font(BODY_PT)
        self.bold = print_font(BODY_PT)
        self.bold.setWeight(QFont.Weight.Bold)
        self.small = print_font(SMALL_PT)
        self.title = print_font(TITLE_PT)
        self.title.setWeight(QFont.Weight.Bold)
        self.metrics = {id(f): QFontMetricsF(f, writer) for f in self.fonts()}
        self.pad = PAD_PT * self.unit

    def fonts(self) -> tuple[QFont, ...]:
        return self.body, self.bold, self.small, self.title

    def text_height(self, font: QFont, text: str, width: float) -> float:
        return self.layout(font, text, width)[0]

    def layout(self, font: QFont, text: str, width: float) -> tuple[float, int]:
        """The height ``text`` needs at ``width``, and the flags that draw it so."""
        metrics = self.metrics[id(font)]
        if "\n" not in text and metrics.horizontalAdvance(text) <= width:
            return metrics.height(), WRAP
        box = metrics.boundingRect(QRectF(0, 0, width, 1e9), WRAP, text)
        if box.width() <= width + 0.5:
            return box.height(), WRAP
        # A word longer than the column (an e-mail address, say) is broken where it must be.
        return metrics.boundingRect(QRectF(0, 0, width, 1e9), WRAP_ANYWHERE, text).height(), (
            WRAP_ANYWHERE
        )

    def paragraph(self, font: QFont, text: str, space: float = 0.0) -> _Block:
        height = self.text_height(font, text, self.width) + space * self.unit

        def draw(painter: QPainter, y: float) -> None:
            painter.setFont(font)
            painter.drawText(QRectF(0, y, self.width, height), WRAP, text)

        return _Block(height, draw)

    def row(self, columns: Columns, cells: list[str], *, head: bool, shade: bool) -> _Block:
        font = self.bold if head else self.body
        widths = [share * self.width for _title, share in columns]
        texts = [_cut(cell) for cell in cells]
        laid = [
            self.layout(font, text, width - 2 * self.pad)
            for text, width in zip(texts, widths, strict=True)
        ]
        height = 2 * self.pad + max(needed for needed, _flags in laid)
        fill = QColor(225, 225, 225) if head else (QColor(243, 243, 243) if shade else None)

        def draw(painter: QPainter, y: float) -> None:
            if fill is not None:
                painter.fillRect(QRectF(0, y, self.width, height), fill)
            painter.setFont(font)
            x = 0.0
            for text, width, (_needed, flags) in zip(texts, widths, laid, strict=True):
                cell = QRectF(x + self.pad, y + self.pad, width - 2 * self.pad, height)
                painter.drawText(cell, flags, text)
                x += width
            painter.drawLine(QPointF(0, y + height), QPointF(self.width, y + height))

        return _Block(height, draw)


def _cut(text: str) -> str:
    if len(text) <= MAX_CELL_CHARS:
        return text
    return text[: MAX_CELL_CHARS - 1] + "\N{HORIZONTAL ELLIPSIS}"


def _table(
    sheet: _Sheet, columns: Columns, lines: list[list[str]], ticks: Callable[[], None]
) -> list[_Block]:
    """A table's rows, each knowing its header (drawn again at the top of every page)."""
    header = sheet.row(columns, [title for title, _share in columns], head=True, shade=False)
    blocks = []
    for number, cells in enumerate(lines):
        row = sheet.row(columns, cells, head=False, shade=number % 2 == 1)
        blocks.append(_Block(row.height, row.draw, header=header))
        ticks()
    return blocks


def _blocks(
    sheet: _Sheet,
    result: RosterResult,
    ticks: Callable[[], None],
    lines: list[TableRow] | None = None,
) -> list[_Block]:
    """Everything below the page heading, in order: people in ``lines``' order (the
    window's sort), else the roster's own (overdue first, then by the next due date)."""
    blocks = [
        sheet.paragraph(sheet.bold, summary_line(result), space=2),
        sheet.paragraph(sheet.body, counts_line(result), space=4),
        *(sheet.paragraph(sheet.small, note, space=1) for note in result.notes),
        sheet.paragraph(sheet.small, "", space=4),
    ]
    people = [
        [column.paper_text(r) for column in PAPER]
        for r in (table_rows(result) if lines is None else lines)
    ]
    blocks += _table(sheet, people_columns(), people, ticks) or [
        sheet.paragraph(sheet.body, _(NOBODY), space=4)
    ]
    if result.column_fixes:
        blocks.append(sheet.paragraph(sheet.bold, f"\n{_(COLUMN_FIXES_TITLE)}", space=3))
        blocks += [
            sheet.paragraph(sheet.body, f"{fix.message} ({rows_phrase(fix.rows)})", space=2)
            for fix in result.column_fixes
        ]
    if result.problems:
        fixing = [[str(p.row), p.name, p.column, result.problem_text(p)] for p in result.problems]
        rows = _table(sheet, fixing_columns(), fixing, ticks)
        title = sheet.paragraph(sheet.bold, f"\n{_(FIXING_TITLE)}", space=3)
        header = rows[0].header
        assert header is not None
        keep = header.height + rows[0].height
        blocks += [_Block(title.height, title.draw, keep=keep), *rows]
    return blocks


def _paginate(blocks: list[_Block], room: float) -> list[list[tuple[_Block, float]]]:
    """Blocks placed on pages: a table's header starts every page the table goes on."""
    pages: list[list[tuple[_Block, float]]] = [[]]
    y, shown_header = 0.0, None
    for block in blocks:
        needs_header = block.header is not None and shown_header is not block.header
        header_height = block.header.height if needs_header and block.header else 0.0
        need = block.height + block.keep + header_height
        if y + need > room and pages[-1]:
            pages.append([])
            y, shown_header = 0.0, None
            needs_header = block.header is not None
        if needs_header and block.header is not None:
            pages[-1].append((block.header, y))
            y += block.header.height
            shown_header = block.header
        pages[-1].append((block, y))
        y += block.height
    return pages


def page_layout() -> QPageLayout:
    """The summary's page: landscape Letter with half an inch all round."""
    return QPageLayout(
        QPageSize(QPageSize.PageSizeId.Letter),
        QPageLayout.Orientation.Landscape,
        QMarginsF(MARGIN_PT, MARGIN_PT, MARGIN_PT, MARGIN_PT),
        QPageLayout.Unit.Point,
    )


def summary_pdf(
    result: RosterResult,
    *,
    printed_on: date | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
    lines: list[TableRow] | None = None,
) -> bytes:
    """The roster summary, in memory, as tagged PDF/UA-1 (typst; `paint_summary` prints it).

    ``printed_on`` (the caller's today) is shown beside the advice date when they differ.
    Raises `CancelledError` when ``progress`` returns False.
    """
    from certalign_gui.checklist.typeset import typeset_waiting

    total = len(result.people) + len(result.problems) + 1
    done = 0
    tick(progress, 0, total)

    def row_made() -> None:
        nonlocal done
        done += 1
        if done % 100 == 0:
            tick(progress, done, total)

    data = _summary_data(result, printed_on, policy, lines, row_made)
    # typst cannot say how far it is: the bar waits on its last step, and Cancel still works.
    pdf = typeset_waiting(SUMMARY_TEMPLATE, data, lambda: tick(progress, total - 1, total))
    tick(progress, total, total)
    return pdf


def printed_summary_pdf(
    result: RosterResult,
    *,
    printed_on: date | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
    lines: list[TableRow] | None = None,
) -> bytes:
    """The printed summary (what `paint_summary` gives a printer), as a PDF in memory.

    Print draws it this way first, behind its progress dialog, so a long job can be
    cancelled and one that fails does so before anything reaches the printer. Raises
    `CancelledError` when ``progress`` returns False.
    """
    ensure_gui_application()
    check_fonts()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout())
    writer.setResolution(RESOLUTION)
    writer.setTitle(_(TITLE))  # no name or number in the metadata
    writer.setCreator(f"certalign {__version__}")
    paint_summary(
        writer, result, printed_on=printed_on, policy=policy, progress=progress, lines=lines
    )
    data = QByteArray(buffer.data()).data()
    buffer.close()
    return bytes(data)


def _summary_data(
    result: RosterResult,
    printed_on: date | None,
    policy: Policy | None,
    lines: list[TableRow] | None,
    row_made: Callable[[], None],
) -> dict[str, object]:
    """Everything the summary says, as plain text for ``resources/typst/summary.typ``."""
    people = []
    for r in table_rows(result) if lines is None else lines:
        people.append([column.paper_text(r) for column in PAPER])
        row_made()
    fixing = []
    for p in result.problems:
        fixing.append([str(p.row), p.name, p.column, result.problem_text(p)])
        row_made()
    return {
        "title": _(TITLE),
        "dates": _dates(result, printed_on),
        "source": _source(result, policy),
        "page": _(PAGE),
        "summary": summary_line(result),
        "counts": counts_line(result),
        "notes": list(result.notes),
        "people_title": _(PEOPLE_TITLE),
        "people": _table_data(people_columns(), people),
        "nobody": _(NOBODY),
        "column_fixes_title": _(COLUMN_FIXES_TITLE),
        "column_fixes": [f"{fix.message} ({rows_phrase(fix.rows)})" for fix in result.column_fixes],
        "fixing_title": _(FIXING_TITLE),
        "fixing": _table_data(fixing_columns(), fixing),
    }


def _table_data(columns: Columns, rows: list[list[str]]) -> dict[str, object]:
    """A table for the typst template: its headers, their shares of the width, its cells."""
    return {
        "columns": [title for title, _share in columns],
        "widths": [share for _title, share in columns],
        "rows": [[_cut(cell) for cell in row] for row in rows],
    }


def paint_summary(
    device: QPagedPaintDevice,
    result: RosterResult,
    *,
    printed_on: date | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
    lines: list[TableRow] | None = None,
) -> int:
    """Draw the summary on ``device`` (a PDF writer, or a printer), its page layout set.

    Returns the number of pages. Raises `CancelledError` when ``progress`` returns False.
    """
    ensure_gui_application()
    check_fonts()
    sheet = _Sheet(device)
    total = 2 * (len(result.people) + len(result.problems)) + 1
    done = 0

    def ticks() -> None:
        nonlocal done
        done += 1
        if done % 100 == 0:
            tick(progress, done, total)

    tick(progress, 0, total)
    blocks = _blocks(sheet, result, ticks, lines)
    top = sheet.metrics[id(sheet.title)].height() + 6 * sheet.unit
    bottom = FOOT_LINES * sheet.metrics[id(sheet.small)].height() + 6 * sheet.unit
    pages = _paginate(blocks, sheet.height - top - bottom)
    source = _source(result, policy)
    painter = QPainter()
    if not painter.begin(device):
        raise RuntimeError("Qt could not start a page")
    try:
        painter.setPen(QPen(QColor(0, 0, 0), 0.4 * sheet.unit))
        for number, page in enumerate(pages, start=1):
            if number > 1:
                device.newPage()
            _frame(painter, sheet, _dates(result, printed_on), (number, len(pages)), source, top)
            for block, y in page:
                block.draw(painter, top + y)
                if block.header is not None or block.keep:
                    ticks()
    finally:
        painter.end()
    tick(progress, total, total)
    return len(pages)


def _dates(result: RosterResult, printed_on: date | None) -> str:
    advice = _(ADVICE).format(day=long_date(result.as_of))
    if printed_on is None or printed_on == result.as_of:
        return advice
    return f"{advice} \N{MIDDLE DOT} {_(PRINTED).format(day=long_date(printed_on))}"


def _frame(
    painter: QPainter, sheet: _Sheet, dates: str, page: tuple[int, int], source: str, top: float
) -> None:
    """The heading and the foot every page has: title, advice date, source, page n of m."""
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
    left = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    painter.setFont(sheet.title)
    painter.drawText(QRectF(0, 0, sheet.width, top), left, _(TITLE))
    painter.setFont(sheet.bold)
    painter.drawText(QRectF(0, 0, sheet.width, top), right, dates)
    foot = sheet.metrics[id(sheet.small)].height()
    painter.setFont(sheet.small)
    # The source sentence may need two lines: it is wrapped, never cut off.
    y = sheet.height - FOOT_LINES * foot
    painter.drawText(QRectF(0, y, sheet.width * 0.8, FOOT_LINES * foot), WRAP, source)
    painter.drawText(
        QRectF(0, sheet.height - foot, sheet.width, foot),
        right,
        _(PAGE).format(page=page[0], pages=page[1]),
    )


def _source(result: RosterResult, policy: Policy | None) -> str:
    if result.people:
        info = result.people[0].assessment.policy
        return source_line(info.title, info.last_checked)
    used = policy or load_policy()
    return source_line(used.title, used.last_checked)


def check_fonts() -> None:
    """Refuse to make a PDF without fonts (Qt would write boxes and no text, silently)."""
    if not QFontDatabase.families():
        raise RuntimeError("no fonts are installed (on Debian: apt-get install fonts-dejavu-core)")


def write_summary_pdf(
    path: str | os.PathLike[str],
    result: RosterResult,
    *,
    replace: bool = False,
    printed_on: date | None = None,
    policy: Policy | None = None,
    progress: Progress | None = None,
) -> Path:
    """Write `summary_pdf` to ``path`` in one step; an existing file needs ``replace``."""
    data = summary_pdf(result, printed_on=printed_on, policy=policy, progress=progress)
    return save(path, data, replace=replace)
