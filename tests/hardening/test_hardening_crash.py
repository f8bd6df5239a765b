"""Unexpected errors: a calm dialog, a log without typed text, and a wizard that still works."""

from __future__ import annotations

import html
import logging
import platform
import sys
from pathlib import Path

import pytest
from hardening_helpers import SECRETS, TODAY, child, to_details_page, type_details
from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, qWarning
from PySide6.QtGui import QGuiApplication, QPaintEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QPushButton, QWidget
from qt_support import activate, assert_arrival_focus

from certalign_gui import app
from certalign_gui.app import build_wizard, rotating_log_file
from certalign_gui.gui.shell import crash, diagnostics
from certalign_gui.gui.shell.crash import CrashAction
from certalign_gui.gui.shell.crash_dialog import CrashDialog
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId


@pytest.fixture
def wizard(qtbot, policy) -> AlignmentWizard:
    window = build_wizard(policy, today=TODAY)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


class DialogChoices:
    """Stands in for the error dialog: builds the real one, copies the details, answers."""

    def __init__(self, qtbot, monkeypatch, answer: CrashAction = CrashAction.START_OVER):
        self.qtbot = qtbot
        self.answer = answer
        self.summaries: list[str] = []
        self.clipboard: list[str] = []
        self.parents: list[QWidget | None] = []
        monkeypatch.setattr(crash, "ask_crash_action", self.ask)

    def ask(self, parent, summary, *, can_start_over=True) -> CrashAction:
        dialog = CrashDialog(summary, parent, can_start_over=can_start_over)
        self.qtbot.addWidget(dialog)
        dialog.open()
        dialog.copy_button.click()
        assert dialog.isVisible()  # copying does not close it
        self.clipboard.append(QGuiApplication.clipboard().text())
        self.summaries.append(summary)
        self.parents.append(parent)
        button = (
            dialog.start_over_button
            if self.answer is CrashAction.START_OVER
            else dialog.quit_button
        )
        button.click()
        assert not dialog.isVisible()
        return dialog.action


def back_to_the_window(qtbot, wizard: AlignmentWizard) -> None:
    """After the stand-in dialog: the wizard is the active window again.

    The real dialog runs its own event loop, so the window system activates it while it is
    open. The stand-in answers at once, inside the failing click or paint: the activation
    is delivered only after it closed, to the hidden dialog. Let that pass, then activate
    the wizard, as a window manager does when a dialog closes.
    """
    QApplication.processEvents()
    activate(qtbot, wizard)


def assert_no_secrets(text: str) -> None:
    for secret in SECRETS.values():
        for part in (secret, *secret.split()):
            assert part.lower() not in text.lower(), f"{part!r} leaked"


def assert_started_over(wizard: AlignmentWizard) -> None:
    assert wizard.isVisible()
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.details().is_empty()
    for name in SECRETS:
        assert child(wizard, QLineEdit, name).text() == ""


def test_an_error_in_a_button_slot_keeps_typed_text_out_of_log_and_clipboard(
    qtbot, wizard, monkeypatch, log_dir, caplog
):
    to_details_page(qtbot, wizard)
    type_details(qtbot, wizard, SECRETS)
    dialogs = DialogChoices(qtbot, monkeypatch)
    button = QPushButton("Broken")
    wizard.details_page.body.addWidget(button)

    def broken_slot() -> None:
        details = wizard.details()  # a local variable holding the name: never in the report
        raise ValueError(f"could not use {details.name!r} with {details.ma_number}")

    button.clicked.connect(broken_slot)
    with (
        diagnostics.logging_session(rotating_log_file) as log_file,
        crash.handling(crash.handler_for(wizard)) as handler,
        caplog.at_level(logging.WARNING),
        qtbot.waitSignal(wizard.currentIdChanged),
    ):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert handler.handled == 1
    assert dialogs.parents == [wizard]
    summary = dialogs.summaries[0]
    assert dialogs.clipboard == [summary]
    for expected in ("Certalign", "Python", "Traceback", "broken_slot", "ValueError: could not"):
        assert expected in summary
    assert diagnostics.REMOVED in summary
    assert_no_secrets(summary)
    assert_no_secrets(caplog.text)
    assert "Unexpected error" in caplog.text
    assert log_file is not None
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError: could not use" in logged
    assert_no_secrets(logged)
    assert_started_over(wizard)
    # The wizard still works after the reset.
    back_to_the_window(qtbot, wizard)
    to_details_page(qtbot, wizard)


class FailsToPaintOnce(QWidget):
    """A widget whose first paint raises, as a bug in a paint event would."""

    def __init__(self) -> None:
        super().__init__()
        self.setMinimumSize(20, 20)
        self.failed = False

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.failed:
            self.failed = True
            raise ZeroDivisionError("paint")


def test_an_error_in_a_paint_event_is_reported_and_the_wizard_starts_over(
    qtbot, wizard, monkeypatch
):
    dialogs = DialogChoices(qtbot, monkeypatch)
    failing = FailsToPaintOnce()
    failing.hide()  # shown once the details are typed: the error meets typed text
    wizard.details_page.body.addWidget(failing)
    with crash.handling(crash.handler_for(wizard)) as handler:
        to_details_page(qtbot, wizard)
        type_details(qtbot, wizard, SECRETS)
        failing.show()
        qtbot.waitUntil(lambda: handler.handled == 1)
    assert "in paintEvent" in dialogs.summaries[0]
    assert "ZeroDivisionError: paint" in dialogs.summaries[0]
    assert_no_secrets(dialogs.summaries[0])
    assert_started_over(wizard)
    back_to_the_window(qtbot, wizard)
    assert_arrival_focus(wizard)


def test_an_error_in_a_timer_is_reported_and_quit_ends_the_event_loop(qtbot, wizard, monkeypatch):
    DialogChoices(qtbot, monkeypatch, answer=CrashAction.QUIT)
    exits: list[int] = []
    monkeypatch.setattr(QCoreApplication, "exit", exits.append)

    def fails() -> None:
        raise KeyError("timer")

    with crash.handling(crash.handler_for(wizard)) as handler:
        QTimer.singleShot(0, fails)
        qtbot.waitUntil(lambda: handler.handled == 1)
    assert exits == [crash.EXIT_AFTER_ERROR]


def test_the_hook_is_restored_afterwards(wizard):
    before = sys.excepthook
    with crash.handling(crash.handler_for(wizard)) as handler:
        assert sys.excepthook is handler
    assert sys.excepthook is before


def _raise(error: BaseException) -> tuple[type[BaseException], BaseException, object]:
    try:
        raise error
    except BaseException as caught:
        return type(caught), caught, caught.__traceback__


def test_errors_while_the_dialog_is_open_are_logged_once_then_counted(monkeypatch, caplog):
    handler = crash.CrashHandler(start_over=lambda: None, private_text=tuple)

    def ask(parent, summary, *, can_start_over=True):
        for _ in range(5):  # the window behind the dialog repaints, and fails each time
            handler(*_raise(RuntimeError("again")))
        return CrashAction.START_OVER

    monkeypatch.setattr(crash, "ask_crash_action", ask)
    handler(*_raise(RuntimeError("first")))
    assert handler.handled == 6
    assert caplog.text.count("RuntimeError: again") == 1
    assert "(4 more errors while the error dialog was open)" in caplog.text


def test_a_failing_dialog_is_logged_and_does_not_escape(monkeypatch, caplog):
    def broken_dialog(parent, summary, *, can_start_over=True):
        raise RuntimeError("no screen")

    monkeypatch.setattr(crash, "ask_crash_action", broken_dialog)
    handler = crash.CrashHandler(start_over=lambda: None, private_text=tuple)
    handler(*_raise(ValueError("first")))
    assert "The error dialog failed" in caplog.text
    assert "RuntimeError: no screen" in caplog.text


def test_when_typed_text_cannot_be_read_only_code_is_reported(monkeypatch, caplog):
    answers: list[str] = []

    def ask(parent, summary, *, can_start_over=True):
        answers.append(summary)
        return CrashAction.START_OVER

    monkeypatch.setattr(crash, "ask_crash_action", ask)

    def unreadable() -> tuple[str, ...]:
        raise RuntimeError("the window is gone")

    handler = crash.CrashHandler(start_over=lambda: None, private_text=unreadable)
    handler(*_raise(ValueError("Zebulon Quixote typed this")))
    assert answers[0].startswith("[message withheld]")
    assert "Zebulon" not in answers[0]
    assert "_raise" in answers[0]  # the code's own lines stay


def test_the_summary_has_versions_type_message_and_code_but_no_locals_or_home():
    secret = "Zebulon Quixote"  # a local variable: must never be in the summary
    summary = diagnostics.technical_summary(*_raise(LookupError("plain message")), values=())
    assert summary.startswith("Certalign ")
    assert f"Python {platform.python_version()}, Qt " in summary
    assert "PySide6" in summary
    assert "System: " in summary
    assert "LookupError: plain message" in summary
    assert "tests/hardening/test_hardening_crash.py" in summary
    assert secret not in summary
    project = Path(diagnostics.__file__).resolve().parents[2]
    assert str(project) not in summary  # paths are relative: shorter, no account names


@pytest.mark.parametrize(
    ("text", "typed", "expected"),
    [
        # The whole value, in any case.
        ("name='ZEBULON QUIXOTE'", ["Zebulon Quixote"], "name='[typed text removed]'"),
        # Each word of it on its own.
        ("hello Quixote!", ["Zebulon Quixote"], "hello [typed text removed]!"),
        # As Python writes it in a repr, and as HTML escapes it.
        (r"'O\'Hara'", ["O'Hara"], "'[typed text removed]'"),
        ("&lt;b&gt;x", ["<b>x"], "[typed text removed]"),
        # Two letters identify no one: they stay (a traceback full of holes helps no one).
        ("in Alignment", ["Al"], "in Alignment"),
        # Nothing typed: nothing changes.
        ("Traceback", [], "Traceback"),
    ],
)
def test_scrub(text, typed, expected):
    assert diagnostics.scrub(text, typed) == expected


def test_the_dialog_offers_start_over_quit_and_copy(qtbot):
    dialog = CrashDialog("Certalign 0.1.0\nValueError: x")
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Something went wrong"
    heading = child(dialog, QWidget, "crashHeading")
    assert heading.text() == "Something went wrong \u2014 your answers were not saved anywhere"
    assert heading.textFormat() == Qt.TextFormat.PlainText
    texts = [button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()]
    assert sorted(texts) == ["&Copy details", "&Quit", "&Start over"]
    assert dialog.start_over_button.isDefault()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "Certalign 0.1.0\nValueError: x"
    assert child(dialog, QWidget, "crashCopied").isVisible()

    def nothing_clipped() -> None:
        for label in dialog.findChildren(QLabel):
            if label.isVisible() and label.wordWrap():
                assert label.height() >= label.heightForWidth(label.width()), label.text()

    qtbot.waitUntil(nothing_clipped)
    dialog.reject()  # Esc or the close button: the safe choice, a fresh start
    assert dialog.action is CrashAction.START_OVER


def test_without_a_window_the_dialog_offers_quit_and_copy_only(qtbot):
    dialog = CrashDialog("summary", can_start_over=False)
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    texts = [button.text() for button in dialog.findChildren(QPushButton) if button.isVisible()]
    assert sorted(texts) == ["&Copy details", "&Quit"]
    dialog.reject()
    assert dialog.action is CrashAction.QUIT


@pytest.mark.qt_log_ignore("Quixote")
def test_qt_warnings_go_to_the_log_without_typed_text(log_dir, qtlog):
    handler = crash.CrashHandler(private_text=lambda: ("Zebulon Quixote",))
    with diagnostics.logging_session(rotating_log_file) as log_file, crash.handling(handler):
        qWarning("a Qt warning about Zebulon Quixote")
    assert log_file is not None
    logged = log_file.read_text(encoding="utf-8")
    assert "Qt (default): a Qt warning about [typed text removed]" in logged
    assert "Quixote" not in logged
    # The previous handler (here pytest-qt's) still saw it.
    assert any("Zebulon" in record.message for record in qtlog.records)


def test_the_log_file_stays_small(log_dir):
    with diagnostics.logging_session(rotating_log_file) as log_file:
        for number in range(3000):
            logging.getLogger("certalign_gui.test").warning("line %d %s", number, "x" * 200)
    assert log_file is not None
    files = sorted(log_dir.iterdir())
    assert [path.name for path in files] == ["certalign.log", "certalign.log.1"]
    assert all(path.stat().st_size <= diagnostics.LOG_MAX_BYTES for path in files)


def test_no_warning_no_log_file(log_dir):
    with diagnostics.logging_session(rotating_log_file) as log_file:
        logging.getLogger("certalign_gui.test").info("routine")
    assert log_file == log_dir / "certalign.log"
    assert not log_dir.exists()


def test_an_unwritable_log_says_so_once_and_the_program_goes_on(tmp_path, monkeypatch, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the log folder should be", encoding="utf-8")
    monkeypatch.setenv(diagnostics.LOG_DIR_VARIABLE, str(blocker))
    with diagnostics.logging_session(rotating_log_file):
        for _ in range(3):
            logging.getLogger("certalign_gui.test").error("something to log")
    err = capsys.readouterr().err
    assert err.count("cannot write the log file") == 1
    assert err.count("something to log") == 3  # stderr still has every line
    assert "Traceback" not in err


def test_an_empty_log_dir_turns_the_file_off(monkeypatch):
    monkeypatch.setenv(diagnostics.LOG_DIR_VARIABLE, "")
    assert diagnostics.log_path() is None


def test_by_default_the_log_is_in_the_apps_local_data_folder(monkeypatch):
    monkeypatch.delenv(diagnostics.LOG_DIR_VARIABLE, raising=False)
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppLocalDataLocation)
    assert diagnostics.log_path() == Path(folder) / "certalign.log"


class Recorder:
    """Stands in for the dialog: remembers each question, gives one answer."""

    def __init__(self, monkeypatch, answer: CrashAction) -> None:
        self.asked: list[tuple[str, bool]] = []
        self.answer = answer
        monkeypatch.setattr(crash, "ask_crash_action", self.ask)

    def ask(self, parent, summary, *, can_start_over=True) -> CrashAction:
        self.asked.append((summary, can_start_over))
        return self.answer


@pytest.mark.usefixtures("restore_app")
def test_a_window_that_cannot_be_built_is_reported_and_exits_4(monkeypatch, log_dir):
    dialogs = Recorder(monkeypatch, CrashAction.QUIT)

    def broken_build(self, *args, **kwargs):
        raise MemoryError("no room for the window")

    monkeypatch.setattr(AlignmentWizard, "__init__", broken_build)
    assert app.main([]) == crash.EXIT_AFTER_ERROR
    [(summary, can_start_over)] = dialogs.asked
    assert can_start_over is False  # there is no window to start over
    assert "MemoryError: no room for the window" in summary
    assert "MemoryError" in (log_dir / "certalign.log").read_text(encoding="utf-8")


@pytest.mark.usefixtures("restore_app")
def test_quit_in_the_dialog_ends_the_program_with_status_4(monkeypatch, log_dir):
    dialogs = Recorder(monkeypatch, CrashAction.QUIT)

    def fails() -> None:
        raise OSError("a bug")

    hook = sys.excepthook
    QTimer.singleShot(0, fails)
    assert app.main(["--today", "2025-01-10"]) == crash.EXIT_AFTER_ERROR
    assert sys.excepthook is hook  # put back once the window has gone
    assert dialogs.asked[0][1] is True
    logged = (log_dir / "certalign.log").read_text(encoding="utf-8")
    assert "OSError: a bug" in logged
    assert "Quit after an unexpected error" in logged


@pytest.mark.parametrize(
    ("button", "action"),
    [("crashStartOverButton", CrashAction.START_OVER), ("crashQuitButton", CrashAction.QUIT)],
)
def test_the_real_dialog_waits_for_the_users_choice(qtbot, button, action):
    pressed: list[str] = []

    def press() -> None:
        # Runs inside the dialog's own event loop, once it is on screen.
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CrashDialog):
            QTimer.singleShot(10, press)
            return
        pressed.append(dialog.objectName())
        child(dialog, QPushButton, button).click()

    QTimer.singleShot(0, press)
    assert crash.ask_crash_action(None, "summary") is action
    assert pressed == ["crashDialog"]


def test_start_over_after_an_error_closes_dialogs_left_open(qtbot, wizard, monkeypatch):
    DialogChoices(qtbot, monkeypatch)
    to_details_page(qtbot, wizard)
    type_details(qtbot, wizard, SECRETS)
    # A window that may show the name (a print preview, say), still open.
    preview = QDialog(wizard)
    preview.setWindowTitle(SECRETS["nameEdit"])
    preview.open()
    qtbot.waitExposed(preview)
    with crash.handling(crash.handler_for(wizard)) as handler:
        handler(*_raise(RuntimeError("while the preview was open")))
    assert not preview.isVisible()
    assert_started_over(wizard)


def test_if_typed_text_cannot_be_read_the_log_keeps_only_code(log_dir, caplog):
    def unreadable() -> tuple[str, ...]:
        raise RuntimeError("the window is gone")

    with (
        diagnostics.logging_session(rotating_log_file) as log_file,
        crash.handling(crash.CrashHandler(private_text=unreadable)),
    ):
        typed = SECRETS["nameEdit"]
        try:
            raise ValueError(typed)
        except ValueError:
            logging.getLogger("certalign_gui.test").exception("failed for %s", typed)
    assert log_file is not None
    logged = log_file.read_text(encoding="utf-8")
    assert "[message withheld]" in logged
    assert "Zebulon" not in logged
    assert "test_if_typed_text_cannot_be_read_the_log_keeps_only_code" in logged


@pytest.mark.parametrize("typed", ["O'Neil & <b>Sons</b>", 'say "hi"', "plain", "&amp; already"])
def test_a_typed_value_is_scrubbed_as_html_writes_it_too(typed):
    # The log may hold a value as HTML wrote it (a label's rich text); the scrubbing's
    # escape, written out to keep `html` out of start-up, agrees with the library's.
    assert diagnostics._html_escaped(typed) == html.escape(typed)
    assert diagnostics.scrub(f"shown: {html.escape(typed)}", [typed]).count(typed) == 0
