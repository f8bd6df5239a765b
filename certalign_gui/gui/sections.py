"""The parts of the results page: urgency banner, step cards, dates, warnings."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from certalign_gui.gui.links import open_url
from certalign_gui.gui.widgets import plain_label
from certalign_gui.rules.models import Deadline, Step, Urgency
from certalign_gui.rules.wording import days_phrase, long_date

#: Background, border and icon per urgency level. The banner's words carry the meaning;
#: colour and icon only repeat it.
_LEVELS = {
    "expired": ("#fdecea", "#b71c1c", QStyle.StandardPixmap.SP_MessageBoxCritical),
    "urgent": ("#fff1e0", "#a64d00", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "soon": ("#fff8d6", "#7a5c00", QStyle.StandardPixmap.SP_MessageBoxWarning),
    "on_track": ("#e9f5ea", "#2e7d32", QStyle.StandardPixmap.SP_DialogApplyButton),
    "info": ("#e8f0fb", "#1d5fbf", QStyle.StandardPixmap.SP_MessageBoxInformation),
}
_TEXT = "#1a1a1a"


def _icon_label(widget: QWidget, pixmap: QStyle.StandardPixmap, size: int) -> QLabel:
    label = QLabel()
    label.setPixmap(widget.style().standardIcon(pixmap).pixmap(QSize(size, size)))
    label.setAlignment(Qt.AlignmentFlag.AlignTop)
    return label


def clear_layout(layout: QGridLayout | QVBoxLayout) -> None:
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

    def set_urgency(self, urgency: Urgency) -> None:
        """Show ``urgency``."""
        background, border, pixmap = _LEVELS[urgency.level]
        self.level = urgency.level
        size = self.text.fontMetrics().height() * 2
        self.icon.setPixmap(self.style().standardIcon(pixmap).pixmap(QSize(size, size)))
        self.text.setText(urgency.text)
        self.setStyleSheet(
            f"#urgencyBanner {{ background: {background}; border: 2px solid {border};"
            f" border-left: 8px solid {border}; border-radius: 4px; }}"
            f" #urgencyText {{ color: {_TEXT}; background: transparent; border: none; }}"
            " #urgencyIcon { background: transparent; border: none; }"
        )
        self.setAccessibleName(urgency.text)


class StepCard(QFrame):
    """One checklist step: number, title, detail, due date, link, and "Why?"."""

    def __init__(self, number: int, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"step_{step.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.step = step
        title = plain_label(f"{number}. {step.title}")
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        title.setFont(font)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(plain_label(step.detail))
        if step.due is not None and step.days_left is not None:
            due = plain_label(
                self.tr("Due: {day} ({when})").format(
                    day=long_date(step.due), when=days_phrase(step.days_left)
                ),
                object_name="stepDue",
            )
            due.setFont(font)
            layout.addWidget(due)

        row = QHBoxLayout()
        self.why = QToolButton()
        self.why.setObjectName("whyButton")
        self.why.setText(self.tr("Why?"))
        self.why.setCheckable(True)
        self.why.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.why.setArrowType(Qt.ArrowType.RightArrow)
        self.why.setAccessibleName(
            self.tr("Why? Show the guidance for: {title}").format(title=step.title)
        )
        row.addWidget(self.why)
        if step.url is not None:
            self.link = QPushButton(
                self.tr("Open {label}").format(label=step.url_label or step.url)
            )
            self.link.setObjectName("stepLinkButton")
            self.link.setToolTip(step.url)
            self.link.setAutoDefault(False)
            url = step.url
            self.link.clicked.connect(lambda: open_url(url))
            row.addWidget(self.link)
        row.addStretch(1)
        layout.addLayout(row)

        self.citation = plain_label(
            self.tr("\u201c{text}\u201d\n\u2014 {source}").format(
                text=step.citation.text, source=step.citation.source
            ),
            object_name="stepCitation",
        )
        italic = self.citation.font()
        italic.setItalic(True)
        self.citation.setFont(italic)
        self.citation.setContentsMargins(16, 0, 0, 0)
        self.citation.hide()
        layout.addWidget(self.citation)
        self.why.toggled.connect(self._toggle_why)

    def _toggle_why(self, shown: bool) -> None:
        self.citation.setVisible(shown)
        self.why.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)


def fill_deadlines(grid: QGridLayout, deadlines: tuple[Deadline, ...]) -> None:
    """One row per deadline: long date, what it is, how far away."""
    clear_layout(grid)
    for row, deadline in enumerate(deadlines):
        day = plain_label(long_date(deadline.date), wrap=False)
        font = day.font()
        font.setBold(True)
        day.setFont(font)
        grid.addWidget(day, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(plain_label(deadline.label, wrap=False), row, 1, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(
            plain_label(days_phrase(deadline.days_from_as_of), wrap=False),
            row,
            2,
            Qt.AlignmentFlag.AlignTop,
        )
    # The free space goes after the last column, so "in 36 days" stays next to its label.
    grid.setColumnStretch(3, 1)


def fill_warnings(box: QVBoxLayout, owner: QWidget, warnings: tuple[str, ...]) -> None:
    """One row per warning, each with a warning icon and the word "Warning"."""
    clear_layout(box)
    size = owner.fontMetrics().height()
    for text in warnings:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(_icon_label(owner, QStyle.StandardPixmap.SP_MessageBoxWarning, size))
        label = plain_label(owner.tr("Warning: {text}").format(text=text))
        label.setAccessibleName(text)
        layout.addWidget(label, 1)
        box.addWidget(row)
