"""`certalign-gui` start-up: version, policy errors, first paint, and what it must not load."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QFont
from qt_support import offscreen_env, run_python

from certalign_gui import __version__, app
from certalign_gui.presentation.policy_words import policy_problem
from certalign_gui.rules import PolicyError
from certalign_gui.rules.policy import PolicyProblem

#: Longer than the program's own first-paint limit, so a stuck start-up reports exit 3.
STARTUP_TIMEOUT_S = 120


@pytest.fixture
def restore_app_font(qapp) -> Iterator[None]:
    """`main()` enlarges the shared test application's font; put it back."""
    font = QFont(qapp.font())
    yield
    qapp.setFont(font)


def run_gui(*args: str, env: dict[str, str] | None = None, prefix: tuple[str, ...] = ()):
    """Run ``python -m certalign_gui`` in a fresh process."""
    return subprocess.run(
        [*prefix, sys.executable, "-m", "certalign_gui", *args],
        capture_output=True,
        text=True,
        timeout=STARTUP_TIMEOUT_S,
        env=env,
        check=False,
    )


def test_version(capsys):
    assert app.main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"certalign-gui {__version__}"


@pytest.mark.usefixtures("restore_app_font")
def test_broken_policy_shows_a_dialog_and_exits_non_zero(tmp_path, monkeypatch, caplog):
    broken = tmp_path / "policy.toml"
    broken.write_text('schema_version = 1\ntitle = "x"\n', encoding="utf-8")
    shown: list[PolicyError] = []
    monkeypatch.setattr(app, "show_policy_error", shown.append)
    assert app.main(["--policy", str(broken)]) != 0
    assert len(shown) == 1
    assert shown[0].path == str(broken)
    assert "publisher" in policy_problem(shown[0])  # names the missing field
    assert str(broken) in caplog.text


@pytest.mark.usefixtures("restore_app_font")
def test_missing_policy_file_is_reported_too(tmp_path, monkeypatch):
    shown: list[PolicyError] = []
    monkeypatch.setattr(app, "show_policy_error", shown.append)
    assert app.main(["--policy", str(tmp_path / "nope.toml")]) != 0
    assert "does not exist" in policy_problem(shown[0])


def test_policy_error_dialog_text_names_file_and_problem(monkeypatch):
    seen = {}

    def fake_critical(parent, title, text):
        seen.update(title=title, text=text)

    from certalign_gui.gui.shell import message_boxes

    monkeypatch.setattr(message_boxes, "critical", fake_critical)
    app.show_policy_error(
        PolicyError("/x/policy.toml", PolicyProblem(field="fee.amount", code="missing"))
    )
    assert "cannot start" in seen["title"]
    assert "/x/policy.toml" in seen["text"]
    assert "field fee.amount: missing" in seen["text"]


def test_broken_policy_in_a_real_process_exits_non_zero_without_a_traceback(tmp_path):
    broken = tmp_path / "broken.toml"
    broken.write_text("this is not toml = = =", encoding="utf-8")
    # The dialog would block a real process: the test replaces it with one that prints.
    script = textwrap.dedent(
        f"""
        import sys
        from certalign_gui import app
        from certalign_gui.presentation.policy_words import policy_error_text
        app.show_policy_error = lambda error: print("DIALOG:", policy_error_text(error))
        sys.exit(app.main(["--policy", {str(broken)!r}]))
        """
    )
    result = run_python(script)
    assert result.returncode != 0
    assert "DIALOG: Policy file" in result.stdout
    assert "Traceback" not in result.stderr


def test_exit_after_startup_offscreen():
    result = run_gui("--exit-after-startup", env=offscreen_env())
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed")
def test_exit_after_startup_under_xvfb():
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)
    result = run_gui(
        "--exit-after-startup",
        env=env,
        prefix=("xvfb-run", "-a", "-s", "-screen 0 1280x1024x24"),
    )
    assert result.returncode == 0, result.stderr


def test_startup_leaves_printing_and_exports_unloaded():
    script = textwrap.dedent(
        """
        import sys
        from certalign_gui.app import main
        status = main(["--exit-after-startup"])
        heavy = ("PySide6.QtPrintSupport", "segno", "icalendar",
                 "certalign_gui.gui.wizard.take_home", "certalign_gui.checklist.html",
                 "certalign_gui.checklist.document", "certalign_gui.checklist.ics",
                 "certalign_gui.checklist.qr", "certalign_gui.gui.shell.printing",
                 "certalign_gui.gui.wizard.results_view", "logging.handlers")
        print("LOADED:", ",".join(name for name in heavy if name in sys.modules))
        sys.exit(status)
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert "LOADED: \n" in result.stdout


PRIVACY_SESSION = """
import sys
from datetime import date
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from certalign_gui.app import _application
from certalign_gui.rules import load_policy

app = _application(sys.argv[:1])
from certalign_gui.app import build_wizard
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId

wizard = build_wizard(load_policy(), today=date(2025, 1, 10))
wizard.show()

# Everything is typed, as a person types: key events go to the widget with the focus.
def focused():
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget

def press(key, modifiers=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(focused(), key, modifiers)

def type_text(text):
    QTest.keyClicks(focused(), text)

def next_page(focus_lands_on):
    before = wizard.currentId()
    press(Qt.Key.Key_Return)
    assert wizard.currentId() == before + 1, (before, wizard.currentId())
    assert focused().objectName() == focus_lands_on, focused().objectName()

def run():
    wizard.activateWindow()
    assert QTest.qWaitForWindowActive(wizard), "the window never became active"
    next_page("maExpirationEdit")
    type_text("03/31/2025")
    next_page("nremtActiveRadio")
    press(Qt.Key.Key_Space)  # "Yes, it is active"
    press(Qt.Key.Key_Tab)
    assert focused().objectName() == "nremtExpirationEdit", focused().objectName()
    type_text("3/31/2026")
    next_page("nameEdit")
    type_text(sys.argv[1])
    press(Qt.Key.Key_Tab)
    type_text(sys.argv[2])
    press(Qt.Key.Key_Tab)
    type_text(sys.argv[3])
    next_page("situationLabel")
    situation = wizard.assessment().situation
    assert situation.ma_expiration == date(2025, 3, 31), situation
    assert situation.nremt_expiration == date(2026, 3, 31), situation
    assert wizard.details().name == sys.argv[1]
    press(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # Start over
    assert wizard.currentId() == PageId.WELCOME
    assert wizard.details().is_empty()
    wizard.close()
    app.quit()

def run_or_fail():
    try:
        run()
    except BaseException:
        import traceback
        traceback.print_exc()
        app.exit(1)

QTimer.singleShot(0, run_or_fail)
sys.exit(app.exec())
"""


def test_nothing_typed_is_written_to_disk(tmp_path):
    home = tmp_path / "home"
    dirs = {
        "HOME": home,
        "XDG_CONFIG_HOME": tmp_path / "config",
        "XDG_DATA_HOME": tmp_path / "data",
        "XDG_CACHE_HOME": tmp_path / "cache",
        "XDG_STATE_HOME": tmp_path / "state",
        "XDG_RUNTIME_DIR": tmp_path / "runtime",
        "TMPDIR": tmp_path / "tmp",
    }
    for folder in dirs.values():
        folder.mkdir(mode=0o700)
    secrets = ("Zebulon Quixote", "E7531902", "NR86420975")
    env = offscreen_env(**{key: str(value) for key, value in dirs.items()})
    result = run_python(PRIVACY_SESSION, *secrets, env=env, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    for path in written:
        data = path.read_bytes()
        for secret in secrets:
            for encoding in ("utf-8", "utf-16-le"):
                assert secret.encode(encoding) not in data, f"{secret!r} found in {path}"
    for secret in secrets:
        assert secret not in result.stdout + result.stderr
        assert not any(secret in str(path) for path in written)


def test_python_dash_m_and_the_script_are_the_same_entry_point():
    script = Path(sys.executable).with_name("certalign-gui")
    if not script.exists():
        pytest.skip("the certalign-gui script is not installed in this environment")
    result = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=60, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"certalign-gui {__version__}"
    assert run_gui("--version").stdout == result.stdout


def test_an_unexpected_error_is_reported_and_the_window_stays_up():
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        from certalign_gui import app
        from certalign_gui.gui.shell import crash

        qapp = QApplication(sys.argv[:1])

        def ask(parent, summary, *, can_start_over=True):
            print("REPORTED to", parent.objectName())
            return crash.CrashAction.START_OVER

        crash.ask_crash_action = ask

        def fail():
            raise RuntimeError("boom")

        def still_up():
            print("VISIBLE", [w.objectName() for w in qapp.topLevelWidgets() if w.isVisible()])
            qapp.quit()

        QTimer.singleShot(0, fail)
        QTimer.singleShot(50, still_up)
        sys.exit(app.main([]))
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert "REPORTED to alignmentWizard" in result.stdout
    assert "VISIBLE ['alignmentWizard']" in result.stdout
    assert "RuntimeError: boom" in result.stderr  # logged for whoever looks after the machine
