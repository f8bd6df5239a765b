"""Privacy audit of a roster session: after it, the crew's names are only in the roster file
itself and in the files the officer saved on purpose, never in the log, settings, the file
dialog's memory, caches or temporary files.

The session runs `certalign-gui` in its own process with HOME, the XDG folders and TMPDIR
pointed at fresh folders, and the log at its default place. It opens the roster window from
the welcome page (Tab, Space), opens a roster through the real file dialog (Qt's own: the
file name is typed into it) from a folder named after one of the crew, opens a person and
saves their PDF, saves the checklists for everyone, the summary and the CSV through the same
real dialog, types a name into the filter box, meets a Qt warning and an unexpected error
that both carry a name, starts over from the error dialog, opens the roster again, meets the
idle reset, and quits. Then every file those folders hold is searched.
"""

from __future__ import annotations

import os
import textwrap

from hardening_helpers import contains_secret
from qt_support import run_python

from certalign_gui.gui.shell import diagnostics

TIMEOUT_S = 180
CREW = (
    ("Zebulon Quixote", "E7531902", "NR864209"),
    ("Hortensia Vandermeer", "P4417730", "NR552871"),
    ("Ignatius Pemberton", "A9082261", "NR310994"),
)
SECRETS = tuple(value for person in CREW for value in person)
PIECES = (*SECRETS, *(word for person in CREW for word in person[0].split()))
ROSTER = (
    "Name,MA certification number,MA expiration,NREMT status,NREMT expiration,NREMT number\r\n"
    f"{CREW[0][0]},{CREW[0][1]},03/31/2026,active,03/31/2027,{CREW[0][2]}\r\n"
    f"{CREW[1][0]},{CREW[1][1]},03/31/2025,active,03/31/2026,{CREW[1][2]}\r\n"
    f"{CREW[2][0]},{CREW[2][1]},31/03/2026,expired,,{CREW[2][2]}\r\n"
)

SESSION = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from PySide6.QtCore import Qt, QTimer, qWarning
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton
    from certalign_gui import app
    from certalign_gui.gui.shell import crash
    from certalign_gui.gui.shell.save_flow import DialogQuestions

    roster_file, documents = Path(sys.argv[1]), Path(sys.argv[2])
    qapp = QApplication(sys.argv[:1])
    # The answers an officer gives: a file name for one person's PDF, and "OK" to each
    # "saved" message. The roster's own file dialogs are the real ones.
    real_save_path = DialogQuestions.save_path

    def save_path(self, parent, title, suggested, name_filter):
        if title == "Save the checklist as PDF":  # one person's answer
            return documents / "one.pdf"
        return real_save_path(self, parent, title, suggested, name_filter)

    DialogQuestions.save_path = save_path
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

    def wizard():
        return next(w for w in qapp.topLevelWidgets() if w.objectName() == "alignmentWizard")

    def focused():
        widget = QApplication.focusWidget()
        assert widget is not None, "nothing has the keyboard focus"
        return widget

    def press(key, modifiers=Qt.KeyboardModifier.NoModifier):
        QTest.keyClick(focused(), key, modifiers)

    def click(button):
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)

    def button(window, name):
        found = window.findChild(QPushButton, name)
        assert found is not None, name
        return found

    def type_into_file_dialog(path):
        # When the file dialog is up, go into the file's folder (its name and Enter), then
        # give the file's name and Enter. Pasted, not typed: the completer's list would
        # take the Enter.
        def enter(dialog, text):
            edit = dialog.findChild(QLineEdit, "fileNameEdit")
            edit.setFocus()
            edit.setText(text)
            QTest.keyClick(edit, Qt.Key.Key_Return)

        def attempt():
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QFileDialog):
                QTimer.singleShot(20, attempt)
                return
            enter(dialog, str(path.parent))
            QTimer.singleShot(20, lambda: in_folder(dialog))

        def in_folder(dialog):
            if Path(dialog.directory().absolutePath()) != path.parent:
                QTimer.singleShot(20, lambda: in_folder(dialog))
                return
            enter(dialog, path.name)

        QTimer.singleShot(0, attempt)

    def activate(window):
        # After a dialog closes, the window below it is active again (at once, on a desktop).
        window.activateWindow()
        assert QTest.qWaitForWindowActive(window), window.objectName()

    def save_through_dialog(window, name, path):
        type_into_file_dialog(path)
        click(button(window, name))
        assert path.exists(), path
        activate(window)

    def session():
        main = wizard()
        if not hasattr(main, "details_page"):  # the policy loads after the first paint
            QTimer.singleShot(20, session)
            return
        main.activateWindow()
        assert QTest.qWaitForWindowActive(main), "the window never became active"
        for _ in range(30):  # Tab to the second door, and Space
            if focused().objectName() == "rosterButton":
                break
            press(Qt.Key.Key_Tab)
        press(Qt.Key.Key_Space)
        roster = main.roster_window
        assert roster is not None and roster.isVisible()
        assert QTest.qWaitForWindowActive(roster)
        type_into_file_dialog(roster_file)
        click(button(roster, "openRosterButton"))
        assert roster.model.rowCount() == 2, roster.model.rowCount()
        assert roster.problems_model.rowCount() == 1
        activate(roster)
        # One person's answer, saved as a PDF with their name.
        roster.table.setFocus()
        press(Qt.Key.Key_Return)
        person = roster.person_dialog()
        assert QTest.qWaitForWindowActive(person)
        click(button(person, "savePdfButton"))
        person.close()
        activate(roster)
        save_through_dialog(roster, "checklistsButton", documents / "everyone.pdf")
        save_through_dialog(roster, "saveSummaryButton", documents / "summary.pdf")
        save_through_dialog(roster, "exportCsvButton", documents / "results.csv")
        roster.filter_edit.setFocus()
        QTest.keyClicks(roster.filter_edit, "Hortensia")
        assert roster.proxy.rowCount() == 1
        name = roster.model.people()[0].name
        qWarning(f"a warning that quotes {name}")
        broken = QPushButton("broken")
        roster.status_label.parentWidget().layout().addWidget(broken)

        def fails():
            raise ValueError(f"cannot use {name} / {roster.model.people()[0].ma_number}")

        broken.clicked.connect(fails)
        click(broken)
        assert not roster.isVisible(), "the error dialog's Start over left the roster open"
        assert roster.model.rowCount() == 0
        # Opened again, through the file dialog: the last folder it saw is the crew's.
        main.open_roster()
        activate(roster)
        type_into_file_dialog(roster_file)
        click(button(roster, "openRosterButton"))
        assert roster.model.rowCount() == 2
        main.idle.timed_out.emit()
        assert not roster.isVisible() and roster.model.rowCount() == 0
        main.close()
        qapp.quit()

    def run():
        try:
            session()
        except BaseException:
            import traceback
            traceback.print_exc()
            qapp.exit(1)

    QTimer.singleShot(0, run)
    sys.exit(app.main(["--today", "2025-10-01"]))
    """
)


def _contains_secret(data: bytes) -> str | None:
    return contains_secret(data, PIECES)


def test_a_roster_lives_only_in_its_file_and_the_files_saved_on_purpose(tmp_path):
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
    # The roster sits in a folder named after one of the crew: the file dialog must not
    # remember that folder anywhere.
    source = tmp_path / "shared" / f"{CREW[0][0]} crew"
    source.mkdir(parents=True)
    roster = source / "roster.csv"
    roster.write_text(ROSTER, encoding="utf-8", newline="")
    env = {key: value for key, value in os.environ.items() if not key.startswith("XDG_")}
    env.pop(diagnostics.LOG_DIR_VARIABLE, None)  # the log goes where it goes for real users
    env.update({key: str(value) for key, value in places.items()}, QT_QPA_PLATFORM="offscreen")
    result = run_python(
        SESSION, str(roster), str(documents), env=env, cwd=tmp_path, timeout=TIMEOUT_S
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["SAVED"] * 4 + ["CRASH DIALOG"]

    on_purpose = {
        documents / "one.pdf",
        documents / "everyone.pdf",
        documents / "summary.pdf",
        documents / "results.csv",
    }
    assert all(path.stat().st_size > 0 for path in on_purpose)
    # Qt's file dialog wrote its settings (it always does), without the roster's folder.
    settings = places["XDG_CONFIG_HOME"] / "QtProject.conf"
    assert settings.is_file()
    assert "crew" not in settings.read_text(encoding="utf-8", errors="replace")
    # The log was written (the warning and the error), without the names.
    log_file = places["XDG_DATA_HOME"] / "certalign" / "Certalign" / "certalign.log"
    logged = log_file.read_text(encoding="utf-8")
    assert "ValueError: cannot use" in logged
    assert "a warning that quotes" in logged
    assert diagnostics.REMOVED in logged
    files = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert on_purpose | {roster, settings, log_file} <= set(files)
    for path in files:
        if path == roster or path in on_purpose:
            continue
        inside = path.relative_to(tmp_path)
        assert not any(piece.lower() in str(inside).lower() for piece in PIECES), path
        assert _contains_secret(path.read_bytes()) is None, f"a roster name found in {path}"
    # Nor what the program printed.
    for stream in (result.stdout, result.stderr):
        assert not any(piece.lower() in stream.lower() for piece in PIECES), stream
