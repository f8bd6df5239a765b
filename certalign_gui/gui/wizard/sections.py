"""The parts of the results page: urgency banner, step cards, key dates, warnings.

Each part is a Tab stop a screen reader reads as text (see `accessibility`), in the order
the page shows it; the key dates are a real table, with rows and column headers.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from certalign_gui.gui.shell import accessibility, colours
from certalign_gui.gui.shell.open_link import open_url
from certalign_gui.gui.shell.widgets import plain_label, readable_label
from certalign_gui.presentation.answer import DateRow, StepText
from certalign_gui.presentation.catalogue import N_, _

#: The icon per urgency level (the colours are in `colours.BANNERS`). The banner's words
#: carry the meaning; colour and icon only repeat it.
_ICONS = {
    "expired": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "urgent": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "soon": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "on_track": QStyle.StandardPixmap.SP_DialogApplyButton,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
}
#: What the icon means, for a screen reader (the words beside it say the rest).
_ICON_NAMES = {
    "expired": N_("Expired"),
    "urgent": N_("Urgent"),
    "soon": N_("Due soon"),
    "on_track": N_("On track"),
    "info": N_("Information"),
}
_TEXT = colours.BANNER_TEXT
_FOCUS = colours.FOCUS


def _icon_label(widget: QWidget, pixmap: QStyle.StandardPixmap, size: int, name: str) -> QLabel:
    label = QLabel()
    label.setPixmap(widget.style().standardIcon(pixmap).pixmap(QSize(size, size)))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    label.setAccessibleName(name)
    return label


def clear_layout(layout: QVBoxLayout) -> None:
    """Remove and delete every widget in ``layout``."""
    while (item := layout.takeAt(0)) is not None:
        if (widget := item.widget()) is not None:
            widget.hide()
            widget.deleteLater()


class UrgencyBanner(QFrame):
    """Icon and words for how urgent the situation is; colour only repeats them."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urgencyBanner")
        self.icon = QLabel()
        self.icon.setObjectName("urgencyIcon")
        self.text = plain_label(object_name="urgencyText")
        font = self.text.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.text.setFont(font)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.text, 1)
        self.level = ""
        accessibility.mark_readable(self, self.text.text)

    def set_urgency(self, level: str, text: str) -> None:
        """Show the urgency ``level`` (colour and icon) and its words."""
        background, border = colours.BANNERS[level]
        pixmap = _ICONS[level]
        self.level = level
        size = self.text.fontMetrics().height() * 2
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(QSize(size, size)))
        self.icon.setAccessibleName(_(_ICON_NAMES[level]))
        self.text.setText(text)
        self.setStyleSheet(
            f"#urgencyBanner {{ background: {background}; border: 2px solid {border};"
            f" border-left: 8px solid {border}; border-radius: 4px; }}"
            f" #urgencyBanner:focus {{ border: 3px solid {_FOCUS}; border-left: 8px solid"
            f" {_FOCUS}; }}"
            f" #urgencyText {{ color: {_TEXT}; background: transparent; border: none; }}"
            " #urgencyIcon { background: transparent; border: none; }"
        )
        self.setAccessibleName(text)


class StepCard(QFrame):
    """One checklist step: number, title, detail, due date, link, and "Why?".

    The card is one Tab stop that reads as its whole text; then come "Why?" (which shows
    the guidance sentence) and the step's link, each named for this step.
    """

    def __init__(self, step: StepText, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"step_{step.id}")
        self.setProperty("stepCard", True)
        self.setStyleSheet(
            f'QFrame[stepCard="true"] {{ border: 1px solid {colours.CARD_BORDER};'
            " border-radius: 4px; }"
            f' QFrame[stepCard="true"]:focus {{ border: 3px solid {_FOCUS}; }}'
            " QLabel { border: none; }"
        )
        self.step = step
        number = step.number
        title = plain_label(step.numbered_title, object_name="stepTitle")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(plain_label(step.detail, object_name="stepDetail"))
        self.due_text = ""
        if step.due is not None:
            self.due_text = f"{step.due} ({step.due_in})" if step.due_in else step.due
            due = plain_label(self.due_text, object_name="stepDue")
            due.setFont(font)
            layout.addWidget(due)
        self.setAccessibleName(
            _("Step {n} of {total}: {title}").format(n=number, total=step.total, title=step.title)
        )
        accessibility.mark_readable(self, self.readable_text)

        row = QHBoxLayout()
        self.why = QToolButton()
        self.why.setObjectName("whyButton")
        self.why.setText(_("Why?"))
        self.why.setCheckable(True)
        self.why.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.why.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why.setArrowType(Qt.ArrowType.RightArrow)
        self.why.setAccessibleName(_("Why? The guidance behind step {n}").format(n=number))
        accessibility.mark_expander(self.why)
        row.addWidget(self.why)
        self.link: QPushButton | None = None
        if step.url is not None:
            label = step.link_label or step.url
            self.link = QPushButton(_("Open {label}").format(label=label))
            self.link.setObjectName("stepLinkButton")
            self.link.setToolTip(step.url)
            self.link.setAccessibleName(
                _("Open {label} for step {n}: {title}").format(
                    label=label, n=number, title=step.title
                )
            )
            self.link.setAutoDefault(False)
            url = step.url
            self.link.clicked.connect(lambda: open_url(url, self))
            row.addWidget(self.link)
        row.addStretch(1)
        layout.addLayout(row)

        self.citation = readable_label(
            f"{step.why_label}\n{step.why_quote}", object_name="stepCitation"
        )
        italic = self.citation.font()
        italic.setItalic(True)
        self.citation.setFont(italic)
        self.citation.setContentsMargins(16, 0, 0, 0)
        self.citation.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a Tab stop only when shown
        self.citation.hide()
        layout.addWidget(self.citation)
        self.why.toggled.connect(self._toggle_why)

    def readable_text(self) -> str:
        """The card as one passage: title, detail, due date."""
        parts = [f"{self.step.numbered_title}.", self.step.detail]
        if self.due_text:
            parts.append(self.due_text + ".")
        return " ".join(parts)

    def focus_order(self) -> list[QWidget]:
        """The card's Tab stops, top to bottom."""
        stops: list[QWidget] = [self, self.why]
        if self.link is not None:
            stops.append(self.link)  # beside "Why?"; the guidance text opens below them
        stops.append(self.citation)
        return stops

    def _toggle_why(self, shown: bool) -> None:
        self.citation.setFocusPolicy(
            Qt.FocusPolicy.StrongFocus if shown else Qt.FocusPolicy.NoFocus
        )
        self.citation.setVisible(shown)
        self.why.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            accessibility.announce(self.why, self.citation.text())


class DeadlinesTable(QTableWidget):
    """The key dates as a table (date, what, how far): rows and headers for screen readers."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setObjectName("deadlinesList")
        self.setAccessibleName(_("Key dates"))
        self.setHorizontalHeaderLabels([_("Date"), _("What"), _("When")])
        self.verticalHeader().hide()
        header = self.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside it
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setStyleSheet(
            f"QTableWidget:focus {{ border: 2px solid {_FOCUS}; }}"
            " QTableWidget { border: 2px solid transparent; }"
        )

    def set_deadlines(self, rows: tuple[DateRow, ...]) -> None:
        """One row per key date: the long date (bold), what it is, how far away."""
        self.clearContents()
        self.setRowCount(len(rows))
        for row, key_date in enumerate(rows):
            day = QTableWidgetItem(key_date.day_text)
            bold = day.font()
            bold.setBold(True)
            day.setFont(bold)
            self.setItem(row, 0, day)
            self.setItem(row, 1, QTableWidgetItem(key_date.label))
            self.setItem(row, 2, QTableWidgetItem(key_date.when))
        self.resizeRowsToContents()
        height = self.horizontalHeader().height() + 2 * self.frameWidth() + 4
        height += sum(self.rowHeight(row) for row in range(self.rowCount()))
        self.setFixedHeight(height)


def fill_warnings(box: QVBoxLayout, owner: QWidget, warnings: tuple[str, ...]) -> list[QWidget]:
    """One row per warning, each with a warning icon (named "Warning"); the Tab stops."""
    clear_layout(box)
    size = owner.fontMetrics().height()
    stops: list[QWidget] = []
    for text in warnings:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(
            _icon_label(owner, QStyle.StandardPixmap.SP_MessageBoxWarning, size, _("Warning"))
        )
        label = readable_label(text)
        label.setObjectName("warningText")
        layout.addWidget(label, 1)
        box.addWidget(row)
        stops.append(label)
    return stops
