"""A shared station: a reset ends a session for good, and every page tells the truth about when.

Each export (Save as PDF, Add to calendar, Print) asks its questions in dialogs with their
own event loops. The idle reset is fired at every one of those points; afterwards no file
holds the first person's name, no dialog is left open, and no question comes back.
"""

from __future__ import annotations

import ast
import io
from datetime import date, timedelta
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import (
    QPrinter,
    QPrinterInfo,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

import certalign_gui
from certalign_gui.app import build_wizard, printing
from certalign_gui.basics.file_writing import FileWriteError
from certalign_gui.gui.shell import open_link, save_flow
from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow
from certalign_gui.gui.wizard import take_home
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId

NAME = "Zebulon Quixote"
PRINT_DAY = date(2026, 12, 2)


# -- Driving the wizard as a person does: keys into whatever has the focus. ---------------


def _keys(qtbot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def _press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def _next(qtbot, wizard: AlignmentWizard) -> None:
    with qtbot.waitSignal(wizard.currentIdChanged):
        _press(qtbot, Qt.Key.Key_Return)


def _shown(qtbot, wizard: AlignmentWizard, today) -> None:
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    with qtbot.waitActive(wizard):
        wizard.activateWindow()


def answer(qtbot, wizard: AlignmentWizard, *, as_of: str | None = None, name: str = NAME) -> None:
    """Welcome → answer for MA 2025 / NREMT 2026 (advice date typed when given)."""
    if as_of is not None:
        _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Planning ahead?
        qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "asOfDateEdit")
        _keys(qtbot, as_of)
    _next(qtbot, wizard)
    _keys(qtbot, "03/31/2025")
    _next(qtbot, wizard)
    _press(qtbot, Qt.Key.Key_Space)  # the focus is on "Yes, it is active"
    _press(qtbot, Qt.Key.Key_Tab)
    _keys(qtbot, "03/31/2026")
    _next(qtbot, wizard)
    _keys(qtbot, name)
    _next(qtbot, wizard)
    assert wizard.currentId() == PageId.RESULTS
    assert QApplication.focusWidget().objectName() == "situationLabel"


@pytest.fixture
def flow(tmp_path) -> SaveFlow:
    """The wizard's save flow: Documents is the test's folder, no printer; each test sets
    its questions (a script below, or Qt's real dialogs)."""
    return SaveFlow(
        DialogQuestions(lambda: tmp_path, printing=printing),
        documents=lambda: tmp_path,
        printers=list,
    )


@pytest.fixture
def wizard(qtbot, policy, flow):
    made = build_wizard(policy, today=PRINT_DAY, save_flow=flow)
    _shown(qtbot, made, PRINT_DAY)
    answer(qtbot, made)
    return made


def _open_dialogs() -> list[QWidget]:
    """Dialogs on screen, other than the wizard (itself a QDialog)."""
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and not isinstance(w, AlignmentWizard) and w.isVisible()
    ]


def _assert_fresh_start(wizard: AlignmentWizard) -> None:
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.details().is_empty()
    assert wizard.ma_page.ma_expiration() is None
    assert _open_dialogs() == []


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _reset(wizard: AlignmentWizard) -> None:
    """What the idle timer does when it runs out."""
    wizard.idle.timed_out.emit()


# -- The idle reset at every point of Save as PDF and Add to calendar. ----------------------


class Questions:
    """The export's questions, answered by a script; ``reset_at`` fires the idle reset there."""

    def __init__(self, wizard, folder: Path, reset_at: str) -> None:
        self.wizard, self.folder, self.reset_at = wizard, folder, reset_at
        self.asked: list[str] = []
        # The wizard's own flow gets this script as the person answering its questions.
        wizard.save_flow.questions = self

    def _at(self, point: str) -> None:
        self.asked.append(point)
        if point == self.reset_at:
            _reset(self.wizard)

    def save_path(self, parent, title, suggested, name_filter):
        if self.asked.count("file dialog") >= 3:
            return None  # a question that keeps coming back: cancel, and let the test fail
        self._at("file dialog")
        # The dialog answers with a file name, as if clicked just as the reset came.
        return self.folder / suggested.name

    def open_path(self, parent, title, folder, name_filter):
        raise AssertionError("the wizard opens no file")

    def print_options(self, parent, printer, title):
        raise AssertionError("the wizard prints through its preview")

    def overwrite(self, parent, path):
        self._at("overwrite question")
        return False  # "Choose another name": the loop would ask for a file again

    def inform(self, parent, title, text):
        self._at("saved message")

    def report_error(self, parent, title, text):
        self._at("error message")

    def save_pdf_instead(self, parent, what):
        self._at("no printer question")
        return True

    def save_past_calendar(self, parent):
        # The 2025 answer's reminders are all past on the print day: "Save it anyway".
        self._at("past reminders question")
        return True


class _RealDialogsBut(DialogQuestions):
    """Qt's real dialogs, except the file dialog or the error message given."""

    def __init__(self, folder: Path, save_path=None, report_error=None) -> None:
        super().__init__(lambda: folder, printing=printing)
        self._save_path, self._report_error = save_path, report_error

    def save_path(self, parent, title, suggested, name_filter):
        if self._save_path is None:
            return super().save_path(parent, title, suggested, name_filter)
        return self._save_path(parent, title, suggested, name_filter)

    def report_error(self, parent, title, text):
        if self._report_error is None:
            return super().report_error(parent, title, text)
        return self._report_error(parent, title, text)


def _press_button(qtbot, wizard, name: str) -> None:
    button = wizard.findChild(QPushButton, name)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("button", ["savePdfButton", "saveIcsButton"])
@pytest.mark.parametrize("reset_at", ["file dialog", "overwrite question"])
def test_a_reset_during_a_save_question_writes_nothing(
    qtbot, monkeypatch, wizard, tmp_path, button, reset_at
):
    if reset_at == "overwrite question":
        name = (
            take_home.default_pdf_name(PRINT_DAY)
            if button == "savePdfButton"
            else (take_home.default_ics_name(PRINT_DAY))
        )
        (tmp_path / name).write_bytes(b"last week's file")
    questions = Questions(wizard, tmp_path, reset_at)
    _press_button(qtbot, wizard, button)
    qtbot.wait(50)  # anything queued after the reset has run
    # The reset came at ``reset_at``, and no question came back afterwards.
    expected = ["file dialog"] if reset_at == "file dialog" else ["file dialog", reset_at]
    if button == "saveIcsButton":
        expected = ["past reminders question", *expected]
    assert questions.asked == expected
    _assert_fresh_start(wizard)
    if reset_at == "overwrite question":
        assert [p.read_bytes() for p in _files(tmp_path)] == [b"last week's file"]
    else:
        assert _files(tmp_path) == []


def test_a_reset_at_the_past_reminders_question_writes_nothing(
    qtbot, monkeypatch, wizard, tmp_path
):
    questions = Questions(wizard, tmp_path, "past reminders question")
    _press_button(qtbot, wizard, "saveIcsButton")
    qtbot.wait(50)  # anything queued after the reset has run
    assert questions.asked == ["past reminders question"]  # no file dialog after it
    _assert_fresh_start(wizard)
    assert _files(tmp_path) == []


def test_a_reset_at_the_error_message_ends_the_save(qtbot, monkeypatch, wizard, tmp_path):

    def full_disk(path, data):
        raise FileWriteError(Path(path), "the disk is full")

    monkeypatch.setattr(save_flow, "atomic_write", full_disk)  # a full disk cannot be made
    questions = Questions(wizard, tmp_path, "error message")
    _press_button(qtbot, wizard, "savePdfButton")
    qtbot.wait(50)
    assert questions.asked == ["file dialog", "error message"]
    _assert_fresh_start(wizard)
    assert _files(tmp_path) == []


def test_a_reset_at_the_saved_message_leaves_only_the_file_asked_for(
    qtbot, monkeypatch, wizard, tmp_path
):
    questions = Questions(wizard, tmp_path, "saved message")
    _press_button(qtbot, wizard, "savePdfButton")
    qtbot.wait(50)
    assert questions.asked == ["file dialog", "saved message"]
    _assert_fresh_start(wizard)
    # The file was saved on purpose before the reset: that one stays, and only that one.
    assert [p.name for p in _files(tmp_path)] == [take_home.default_pdf_name(PRINT_DAY)]


def test_a_reset_at_the_no_printer_question_opens_no_save_dialog(
    qtbot, monkeypatch, wizard, tmp_path
):
    questions = Questions(wizard, tmp_path, "no printer question")
    _press_button(qtbot, wizard, "printButton")
    qtbot.wait(50)
    assert questions.asked == ["no printer question"]
    _assert_fresh_start(wizard)
    assert _files(tmp_path) == []


# -- The same with Qt's real dialogs: the reset closes them while they wait. ---------------


def _reset_while_a_dialog_waits(qtbot, wizard, dialog_type: type) -> list[str]:
    """Fire the idle reset as soon as a ``dialog_type`` is on screen; record what it was."""
    seen: list[str] = []

    def check() -> None:
        waiting = [w for w in _open_dialogs() if isinstance(w, dialog_type)]
        if waiting:
            seen.append(waiting[0].windowTitle())
            _reset(wizard)
        elif not seen:
            QTimer.singleShot(20, check)

    QTimer.singleShot(20, check)
    return seen


def test_the_real_file_dialog_is_closed_by_the_reset_and_nothing_is_saved(
    qtbot, monkeypatch, wizard, tmp_path
):
    seen = _reset_while_a_dialog_waits(qtbot, wizard, QFileDialog)
    _press_button(qtbot, wizard, "savePdfButton")
    qtbot.waitUntil(lambda: seen and _open_dialogs() == [])
    qtbot.wait(50)
    assert seen == ["Save the checklist as PDF"]
    _assert_fresh_start(wizard)
    assert _files(tmp_path) == []


def test_the_real_overwrite_question_is_closed_by_the_reset_and_the_old_file_kept(
    qtbot, monkeypatch, wizard, tmp_path
):
    old = tmp_path / "mine.pdf"
    old.write_bytes(b"last week's file")
    asked = []

    def ask_save_path(parent, title, suggested, name_filter):
        asked.append(title)
        return old if len(asked) == 1 else None  # asked again: cancel (and fail below)

    wizard.save_flow.questions = _RealDialogsBut(tmp_path, ask_save_path)
    seen = _reset_while_a_dialog_waits(qtbot, wizard, QMessageBox)
    _press_button(qtbot, wizard, "savePdfButton")
    qtbot.waitUntil(lambda: seen and _open_dialogs() == [])
    qtbot.wait(50)
    assert seen == ["Replace the file?"]
    assert asked == ["Save the checklist as PDF"]  # the save dialog did not come back
    _assert_fresh_start(wizard)
    assert old.read_bytes() == b"last week's file"
    assert _files(tmp_path) == [old]


def test_the_print_preview_is_closed_by_the_reset_and_nothing_is_drawn_after(
    qtbot, monkeypatch, wizard, tmp_path
):
    wizard.save_flow.printers = lambda: [QPrinterInfo()]
    calls: list[tuple[tuple, dict]] = []
    paint = take_home.paint_checklist

    def recording_paint(*args, **kwargs):
        calls.append((args, kwargs))
        return paint(*args, **kwargs)

    monkeypatch.setattr(take_home, "paint_checklist", recording_paint)
    _press_button(qtbot, wizard, "printButton")
    qtbot.waitUntil(lambda: len(calls) == 1)
    _reset_while_a_dialog_waits(qtbot, wizard, QPrintPreviewDialog)
    qtbot.waitUntil(lambda: _open_dialogs() == [])
    _assert_fresh_start(wizard)
    # The print that preview would have sent now (its Print button, a late repaint): the
    # previous person's page is not drawn, so nothing reaches a printer or a file.
    args, kwargs = calls[0]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "late-print.pdf"))
    assert paint(args[0], printer, *args[2:], **kwargs) is False
    assert _files(tmp_path) == []


# -- Dates that tell the truth. ------------------------------------------------------------


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(reader.pages[0].extract_text().split())


def test_planning_ahead_prints_the_print_date_and_the_advice_date_each_labelled(
    qtbot, policy, tmp_path, flow
):
    wizard = build_wizard(policy, today=PRINT_DAY, save_flow=flow)
    _shown(qtbot, wizard, PRINT_DAY)
    answer(qtbot, wizard, as_of="01/10/2027")
    assert wizard.assessment().situation.as_of == date(2027, 1, 10)
    Questions(wizard, tmp_path, reset_at="never")
    _press_button(qtbot, wizard, "savePdfButton")
    (saved,) = _files(tmp_path)
    assert saved.name == "alignment-checklist-2026-12-02.pdf"  # the day it was made
    text = _pdf_text(saved)
    assert "Printed on December 2, 2026" in text
    assert "Advice as of January 10, 2027" in text
    assert "Prepared on" not in text


def test_a_window_left_open_past_midnight_advises_for_the_new_day(qtbot, policy):
    day = [date(2026, 12, 1)]
    wizard = build_wizard(policy, today=lambda: day[0])
    _shown(qtbot, wizard, day[0])
    summary = wizard.findChild(QLabel, "asOfSummary")
    assert summary.text() == "The advice is for today, December 1, 2026."
    day[0] += timedelta(days=1)  # midnight passes with the window open
    _next(qtbot, wizard)
    with qtbot.waitSignal(wizard.currentIdChanged):
        _press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)  # Back
    assert summary.text() == "The advice is for today, December 2, 2026."
    answer(qtbot, wizard)
    assert wizard.assessment().situation.as_of == date(2026, 12, 2)


def test_midnight_reaches_the_answer_even_without_a_second_look_at_the_welcome_page(qtbot, policy):
    day = [date(2026, 12, 1)]
    wizard = build_wizard(policy, today=lambda: day[0])
    _shown(qtbot, wizard, day[0])
    _next(qtbot, wizard)
    day[0] += timedelta(days=1)
    with qtbot.waitSignal(wizard.currentIdChanged):
        _press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    answer(qtbot, wizard)
    assert wizard.assessment().situation.as_of == date(2026, 12, 2)
    for label in ("Today", "December 2, 2026"):
        assert label in wizard.findChild(QWidget, "timelineWidget").description()


def test_an_advice_date_the_person_chose_does_not_follow_the_clock(qtbot, policy):
    day = [date(2026, 12, 1)]
    wizard = build_wizard(policy, today=lambda: day[0])
    _shown(qtbot, wizard, day[0])
    _press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget().objectName() == "asOfDateEdit")
    _keys(qtbot, "01/10/2027")
    day[0] += timedelta(days=1)
    _next(qtbot, wizard)
    with qtbot.waitSignal(wizard.currentIdChanged):
        _press(qtbot, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    assert wizard.welcome_page.as_of_date() == date(2027, 1, 10)


_CLOCK_CALLS = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "today"),
    ("datetime", "utcnow"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
}


def test_only_the_clock_module_reads_the_date():
    package = Path(certalign_gui.__file__).parent
    readers = []
    for path in sorted(package.rglob("*.py")):
        if path.name == "clock.py" and path.parent == package:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in _CLOCK_CALLS
            ):
                readers.append(f"{path.relative_to(package)}:{node.lineno}")
    assert readers == []


# -- Links that say when they cannot open. -------------------------------------------------


@pytest.mark.qt_log_ignore("does not support QPlatformServices::openUrl")
def test_a_link_the_computer_cannot_open_shows_the_address_and_copy(qtbot, wizard):
    from PySide6.QtGui import QDesktopServices

    # No handler and no browser: the offscreen platform cannot open anything.
    QDesktopServices.unsetUrlHandler("https")
    button = wizard.findChild(QPushButton, "nremtButton")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = wizard.findChild(QDialog, "linkNotOpenedDialog")
    assert dialog is not None
    assert dialog.isVisible()
    address = dialog.findChild(QLabel, "linkAddress")
    assert address.text() == "https://www.nremt.org/"
    copy = dialog.findChild(QPushButton, "copyLinkButton")
    qtbot.mouseClick(copy, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "https://www.nremt.org/"
    assert dialog.isVisible()  # copying does not close it: the address stays to read
    _reset(wizard)
    assert _open_dialogs() == []


def test_a_link_that_opens_shows_no_message(qtbot, wizard, url_recorder):
    qtbot.mouseClick(wizard.findChild(QPushButton, "nremtButton"), Qt.MouseButton.LeftButton)
    assert url_recorder.urls == ["https://www.nremt.org/"]
    assert wizard.findChild(QDialog, "linkNotOpenedDialog") is None
    assert open_link.open_url("https://www.nremt.org/")


# -- No dialog from paint code. ------------------------------------------------------------


def test_a_failing_preview_paint_is_reported_once_after_the_paint(
    qtbot, monkeypatch, wizard, tmp_path
):
    wizard.save_flow.printers = lambda: [QPrinterInfo()]
    painting = [False]
    reports: list[tuple[str, bool]] = []

    def broken_draw(*args, **kwargs):
        painting[0] = True
        try:
            raise RuntimeError("the page could not be drawn")
        finally:
            painting[0] = False

    def report_error(parent, title, text):
        reports.append((text, painting[0]))

    monkeypatch.setattr(take_home, "draw_page", broken_draw)
    wizard.save_flow.questions = _RealDialogsBut(tmp_path, report_error=report_error)
    _press_button(qtbot, wizard, "printButton")
    preview = wizard.findChild(QPrintPreviewDialog, "printPreviewDialog")
    widget = preview.findChild(QPrintPreviewWidget)
    for _ in range(3):  # zooming or resizing paints again
        with qtbot.waitSignal(preview.paintRequested):
            widget.updatePreview()
    qtbot.waitUntil(lambda: len(reports) == 1)
    qtbot.wait(50)
    assert reports == [("Something went wrong drawing the page.", False)]
