"""Privacy audit: after a whole session, the typed name and numbers are only where the user
chose to save them (the PDF), never in the .ics, the log, settings, caches or temp files.

The session runs `certalign-gui` in its own process with HOME, the XDG folders and TMPDIR
pointed at fresh folders, and the log at its default place. It types the dates, a name
and numbers (key events to the focused widget, Enter for Next, as a person types), saves
the PDF and the calendar file to chosen files, starts over, types again, meets a Qt
warning and an unexpected error that both carry the name, starts over from the error
dialog, and quits. Then every file those folders hold is searched.
"""

from __future__ import annotations

import io
import os
import textwrap
from pathlib import Path

import pypdf
from hardening_helpers import contains_secret
from qt_support import run_python

from certalign_gui.gui.shell import diagnostics

TIMEOUT_S = 180
SECRETS = ("Zebulon Quixote", "E7531902", "NR864209")
PIECES = (*SECRETS, "Zebulon", "Quixote")

SESSION = textwrap.dedent(
    """
    import sys
    from datetime import date
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer, qWarning
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication, QPushButton
    from certalign_gui import app
    from certalign_gui.gui.shell import crash
    from certalign_gui.gui.shell.save_flow import DialogQuestions

    name, ma_number, nremt_number, pdf, ics = sys.argv[1:6]
    qapp = QApplication(sys.argv[:1])
    chosen = {".pdf": Path(pdf), ".ics": Path(ics)}
    # The answers a user gives to the dialogs (a file chooser, a "saved" message).
    DialogQuestions.save_path = lambda self, parent, title, suggested, name_filter: chosen[
        suggested.suffix
    ]
    DialogQuestions.inform = lambda self, parent, title, text: print("SAVED")

    def no_error(self, parent, title, text):
        raise AssertionError(text)

    # The program's own questions object (app.py gives every window this one), answered
    # here as the person would.
    DialogQuestions.report_error = no_error

    def crash_dialog(parent, summary, *, can_start_over=True):
        print("CRASH DIALOG")
        return crash.CrashAction.START_OVER

    crash.ask_crash_action = crash_dialog

    def window():
        return next(w for w in qapp.topLevelWidgets() if w.objectName() == "alignmentWizard")

    def find(cls, object_name):
        found = window().findChild(cls, object_name)
        assert found is not None, object_name
        return found

    # Everything is typed or clicked, as a person does: keys go to the focused widget.
    def focused():
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(key, modifiers=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(focused(), key, modifiers)

    def type_text(text):
        QTest.keyClicks(focused(), text)

    def click(button):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def next_page(focus_lands_on):
        before = window().currentId()
        press(Qt.Key.Key_Return)
        assert window().currentId() == before + 1, (before, window().currentId())
        assert focused().objectName() == focus_lands_on, focused().objectName()

    def type_details():
        wizard = window()
        assert wizard.currentId() == 0, wizard.currentId()
        next_page("maExpirationEdit")
        type_text("03312025")
        next_page("nremtActiveRadio")
        press(Qt.Key.Key_Space)  # "Yes, it is active"
        press(Qt.Key.Key_Tab)
        assert focused().objectName() == "nremtExpirationEdit", focused().objectName()
        type_text("2026-03-31")
        next_page("nameEdit")
        type_text(name)
        press(Qt.Key.Key_Tab)
        type_text(ma_number)
        press(Qt.Key.Key_Tab)
        type_text(nremt_number)
        assert wizard.details().name == name

    def session():
        wizard = window()
        if not hasattr(wizard, "details_page"):  # the policy loads after the first paint
            QTimer.singleShot(20, session)
            return
        wizard.activateWindow()
        assert QTest.qWaitForWindowActive(wizard), "the window never became active"
        type_details()
        next_page("situationLabel")
        situation = wizard.assessment().situation
        assert (situation.ma_expiration, situation.nremt_expiration) == (
            date(2025, 3, 31), date(2026, 3, 31)
        ), situation
        click(find(QAbstractButton, "savePdfButton"))
        click(find(QAbstractButton, "saveIcsButton"))
        click(find(QAbstractButton, "startOverButton"))
        assert wizard.currentId() == 0
        type_details()
        qWarning(f"a warning that quotes {name} ({ma_number})")
        broken = QPushButton("broken")
        wizard.details_page.body.addWidget(broken)

        def fails():
            typed = wizard.details()
            raise ValueError(f"cannot use {typed.name} / {typed.ma_number} / {typed.nremt_number}")

        broken.clicked.connect(fails)
        click(broken)
        assert wizard.currentId() == 0, "the error dialog's Start over did not start over"
        assert wizard.details().is_empty()
        wizard.close()
        qapp.quit()

    def run():
        try:
            session()
        except BaseException:
            import traceback
            traceback.print_exc()
            qapp.exit(1)

    QTimer.singleShot(0, run)
    sys.exit(app.main(["--today", "2025-01-10"]))
    """
)


def _contains_secret(data: bytes) -> str | None:
    return contains_secret(data, PIECES)


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def test_typed_text_lives_only_in_the_pdf_the_user_saved(tmp_path):
    places = {
        "HOME": tmp_path / "home",
        "XDG_CONFIG_HOME": tmp_path / "config",
        "XDG_DATA_HOME": tmp_path / "data",
        "XDG_CACHE_HOME": tmp_path / "cache",
        "XDG_STATE_HOME": tmp_path / "state",
        "XDG_RUNTIME_DIR": tmp_path / "runtime",
        "TMPDIR": tmp_path / "tmp",
    }
    for folder in places.values():
        folder.mkdir(mode=0o700)
    documents = places["HOME"] / "Documents"
    documents.mkdir()
    pdf, ics = documents / "my checklist.pdf", documents / "my dates.ics"
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.pop(diagnostics.LOG_DIR_VARIABLE, None)  # the log goes where it goes for real users
    env.update({key: str(value) for key, value in places.items()}, QT_QPA_PLATFORM="offscreen")
    result = run_python(
        SESSION, *SECRETS, str(pdf), str(ics), env=env, cwd=tmp_path, timeout=TIMEOUT_S
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["SAVED", "SAVED", "CRASH DIALOG"]

    # The PDF the user chose holds the name and numbers: that is what it is for.
    printed = _pdf_text(pdf)
    assert all(secret in printed for secret in SECRETS)
    # The calendar file holds none of them (it ends up in cloud calendars).
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert _contains_secret(ics.read_bytes()) is None
    # The log was written (the warning and the error), in the app's data folder, without them.
    log_file = places["XDG_DATA_HOME"] / "certalign" / "Certalign" / "certalign.log"
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError: cannot use" in logged
    assert "a warning that quotes" in logged
    assert diagnostics.REMOVED in logged
    # Nothing else anywhere holds them, in content or in name.
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert {pdf, ics, log_file} <= set(files)
    for path in files:
        assert not any(piece.lower() in str(path).lower() for piece in PIECES), path
        if path != pdf:
            assert _contains_secret(path.read_bytes()) is None, f"typed text found in {path}"
    # Nor what the program printed.
    for stream in (result.stdout, result.stderr):
        assert not any(piece.lower() in stream.lower() for piece in PIECES)
