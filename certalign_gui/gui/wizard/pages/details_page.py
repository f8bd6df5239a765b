"""Fourth page: optional name and numbers for the printout. Held in memory only."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLineEdit, QToolButton, QWidget
from typing_extensions import override

from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.widgets import plain_label, readable_label
from certalign_gui.gui.wizard.pages.base_page import BasePage
from certalign_gui.presentation.catalogue import _, ngettext

_MAX_NAME = 80
_MAX_NUMBER = 24


class DetailsPage(BasePage):
    """Name, Massachusetts and NREMT numbers: optional, for the printed page only."""

    def __init__(self, idle_minutes: int = 10, parent: QWidget | None = None) -> None:
        super().__init__("detailsPage", parent)
        self.set_heading(
            _("For the printout (optional)"),
            _("You can leave these empty. Press Next to see your answer."),
        )

        privacy = readable_label(
            _(
                "These go only on the printed checklist, so you know it is yours. Nothing is "
                "saved: Start over, closing the program, or leaving the computer untouched "
                "for {minutes} wipes them."
            ).format(minutes=self._minutes(idle_minutes)),
            object_name="privacyNote",
            focusable=False,
        )
        self.name = self._line_edit(
            "nameEdit", _MAX_NAME, _("Your name"), _("Optional. Printed at the top.")
        )
        self.ma_number = self._line_edit(
            "maNumberEdit",
            _MAX_NUMBER,
            _("Massachusetts certification number"),
            _("Optional. With its letter, for example E for EMT."),
        )
        self.nremt_number = self._line_edit(
            "nremtNumberEdit",
            _MAX_NUMBER,
            _("NREMT number"),
            _("Optional. As on your National Registry card."),
        )
        self.ma_number.setPlaceholderText(_("e.g. E123456"))

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for text, edit in (
            (_("Your na&me:"), self.name),
            (_("Massachusetts &certification number:"), self.ma_number),
            (_("N&REMT number:"), self.nremt_number),
        ):
            label = plain_label(text, wrap=False)
            label.setBuddy(edit)
            form.addRow(label, edit)

        layout = self.body
        layout.addWidget(privacy)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addStretch(1)

    def _line_edit(
        self, object_name: str, max_length: int, name: str, description: str
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        edit.setAccessibleName(name)
        edit.setAccessibleDescription(description)
        edit.setClearButtonEnabled(True)
        # The little clear button inside the field: named, so a screen reader can say it.
        for button in edit.findChildren(QToolButton):
            button.setAccessibleName(_("Clear: {name}").format(name=name))
        edit.setMinimumHeight(round(edit.fontMetrics().height() * 1.8))  # easy to hit by touch
        return edit

    def _minutes(self, count: int) -> str:
        return ngettext("{n} minute", "{n} minutes", count).format(n=count)

    def reset(self) -> None:
        """Wipe what was typed."""
        for edit in (self.name, self.ma_number, self.nremt_number):
            # setText, not clear(): clear() is undoable, and Ctrl+Z would bring the text back.
            edit.setText("")

    @override
    def focus_target(self) -> QWidget:
        return self.name

    def details(self) -> Details:
        """What was typed, trimmed."""
        return Details(
            name=self.name.text().strip(),
            ma_number=self.ma_number.text().strip(),
            nremt_number=self.nremt_number.text().strip(),
        )

    @override
    def cleanupPage(self) -> None:
        self.reset()
