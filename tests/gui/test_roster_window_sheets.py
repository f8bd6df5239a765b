"""The roster window and a workbook with several tabs: the selected sheet is read, the others
are said, and the officer chooses another with the keys (issue 17)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollArea
from qt_support import activate, focused, key
from roster.roster_files import AS_OF, TWO_YEARS, write_workbook
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui.app import printing, roster_window
from certalign_gui.gui.roster.window import RosterWindow, roster_filter
from certalign_gui.gui.shell.save_flow import DialogQuestions
from certalign_gui.gui.shell.session import Session
from certalign_gui.roster.formats import SPREADSHEET_SUFFIXES


@pytest.fixture
def window(qtbot, policy) -> RosterWindow:
    shown = roster_window(policy, lambda: AS_OF, Session(), scripted_flow(ScriptedQuestions()))
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitExposed(shown)
    activate(qtbot, shown)
    return shown


def _names(window: RosterWindow) -> list[str]:
    return sorted(person.name for person in window.model.people())


def test_the_selected_sheet_is_read_and_the_other_roster_sheet_is_said(window, tmp_path):
    path = write_workbook(tmp_path / "crew.xlsx", TWO_YEARS, selected="2026")
    assert window.open_file(path)
    assert _names(window) == ["Ann Current", "Bo Current", "Cy Current"]
    assert window.sheet_row.isVisible()
    assert window.sheet_combo.currentText() == "2026"
    # Only the sheets that hold a roster are offered ("Notes" has none).
    items = [window.sheet_combo.itemText(i) for i in range(window.sheet_combo.count())]
    assert items == ["2025", "2026"]
    assert window.sheet_notice.text() == (
        'Showing the sheet "2026". Another sheet has a roster too: "2025". To see another, '
        "choose it in the Sheet list."
    )


def test_the_officer_chooses_another_sheet_with_the_keys(qtbot, window, tmp_path):
    path = write_workbook(tmp_path / "crew.xlsx", TWO_YEARS, selected="2026")
    assert window.open_file(path)
    key(qtbot, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # the label's &Sheet
    assert focused() is window.sheet_combo
    key(qtbot, Qt.Key.Key_Up)  # "2025", the tab before
    qtbot.waitUntil(lambda: _names(window) == ["Stale Person"])
    assert window.result().sheet == "2025"
    assert window.sheet_combo.currentText() == "2025"
    assert focused() is window.sheet_combo  # the officer can go on choosing
    assert 'Showing the sheet "2025". Another sheet has a roster too: "2026".' in (
        window.sheet_notice.text()
    )
    key(qtbot, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: window.result().sheet == "2026")
    assert _names(window) == ["Ann Current", "Bo Current", "Cy Current"]


def test_a_single_roster_sheet_shows_no_sheet_list(window, tmp_path):
    path = write_workbook(
        tmp_path / "crew.xlsx", {"Crew": TWO_YEARS["2026"], "Notes": TWO_YEARS["Notes"]},
        selected="Crew",
    )  # fmt: skip
    assert window.open_file(path)
    assert not window.sheet_row.isVisible()
    window.forget()
    assert window.sheet_combo.count() == 0


def test_the_open_dialog_offers_every_kind_of_file_the_reader_takes(window, tmp_path):
    dialog = DialogQuestions(printing=printing)._file_dialog(
        window, "Open", tmp_path, roster_filter()
    )
    try:
        offered = dialog.nameFilters()[0]
        for suffix in (*SPREADSHEET_SUFFIXES, ".csv", ".tsv", ".txt"):
            assert f"*{suffix}" in offered.split("(", 1)[1], suffix
    finally:
        dialog.deleteLater()
    assert QApplication.activeModalWidget() is None


def test_a_tab_separated_txt_file_is_read(window, tmp_path):
    text = "Name\tMA expiration\tNREMT status\nAnn\t31-Mar-27\tnever\n"
    path = Path(tmp_path / "crew.txt")
    path.write_text(text, encoding="utf-8")
    assert window.open_file(path)
    assert _names(window) == ["Ann"]


def test_on_a_small_screen_the_sheet_list_stays_in_view_when_the_roster_opens(
    qtbot, window, tmp_path
):
    # At 1024x768 and 150 % text the page scrolls; giving the table the focus once scrolled
    # the Sheet list (and the notice of the other roster sheet) out of view.
    window.resize(680, 400)
    qtbot.waitUntil(lambda: window.height() <= 460)
    path = write_workbook(tmp_path / "crew.xlsx", TWO_YEARS, selected="2026")
    assert window.open_file(path)
    qtbot.waitUntil(lambda: window.table.hasFocus() or focused() is window.table)
    scroll = next(
        area
        for area in window.findChildren(QScrollArea)
        if area.widget().isAncestorOf(window.sheet_row)
    )
    assert scroll.verticalScrollBar().maximum() > 0  # the page does scroll here
    for _ in range(3):  # the focus follower scrolls from posted events (timer 0)
        QApplication.processEvents()
    # The whole Sheet row is in view, and the table with the focus too.
    assert window.sheet_row.visibleRegion().boundingRect() == window.sheet_row.rect()
    assert window.table.visibleRegion().boundingRect() == window.table.rect()
