"""Start-up paints the first page before pydantic and the policy load, and loses nothing."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtWidgets import QWizard
from qt_support import press_next, run_python

from certalign_gui.app import build_wizard, dialog_save_flow, later_pages, roster_window
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard, PageId


def test_a_wizard_waiting_for_its_policy_has_only_the_first_page(qtbot):
    wizard = AlignmentWizard(roster=roster_window, save_flow=dialog_save_flow())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert wizard.pageIds() == [PageId.WELCOME]
    assert not wizard.has_policy()
    assert wizard.assessment() is None
    assert wizard.details().is_empty()
    wizard.start_over()  # must not fail before the policy is in
    with pytest.raises(RuntimeError, match="not loaded"):
        wizard.policy()


def test_next_appears_once_the_policy_is_in(qtbot, policy):
    wizard = AlignmentWizard(roster=roster_window, save_flow=dialog_save_flow())
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    with qtbot.waitSignal(wizard.policy_ready):
        wizard.set_policy(policy, later_pages())
    assert wizard.pageIds() == list(PageId)
    assert next_button.isVisible()
    assert next_button.isEnabled()
    # Enter, as a person would, and the keyboard lands in the Massachusetts date field.
    press_next(qtbot, wizard, "enter")
    assert wizard.currentId() == PageId.MA


def test_the_policy_is_set_once_only(qtbot, policy):
    wizard = build_wizard(policy)
    qtbot.addWidget(wizard)
    with pytest.raises(RuntimeError, match="already"):
        wizard.set_policy(policy, later_pages())


def test_the_first_paint_comes_before_pydantic_and_babel_are_imported():
    # The real program, offscreen: record which modules exist when the window first paints.
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QEvent, QObject
        from PySide6.QtWidgets import QApplication
        import certalign_gui.app as app_module

        seen = {}

        class Spy(QObject):
            def eventFilter(self, watched, event):
                if event.type() == QEvent.Type.Paint and "pydantic" not in seen:
                    seen["pydantic"] = "pydantic" in sys.modules
                    seen["babel"] = "babel" in sys.modules
                return False

        original = app_module._Startup.__init__

        def spying_init(self, app, wizard, *args, **kwargs):
            original(self, app, wizard, *args, **kwargs)
            self._spy = Spy()
            wizard.installEventFilter(self._spy)

        app_module._Startup.__init__ = spying_init
        status = app_module.main(["--exit-after-startup"])
        print("status", status, "pydantic-at-first-paint", seen.get("pydantic"),
              "babel-at-first-paint", seen.get("babel"))
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert "status 0 pydantic-at-first-paint False babel-at-first-paint False" in result.stdout


def test_exit_after_startup_reports_its_times_when_asked():
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", CERTALIGN_STARTUP_TIMES="1")
    result = subprocess.run(
        [sys.executable, "-m", "certalign_gui", "--exit-after-startup"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("startup-times "))
    times = dict(part.split("=") for part in line.split()[1:])
    assert float(times["first_paint"]) <= float(times["ready"])


def test_what_start_up_made_is_frozen_out_of_garbage_collection():
    # Start-up objects live as long as the program; full collections and the one at exit
    # skip them (measured: about 15 ms at exit). In its own process: freezing is for good.
    script = textwrap.dedent(
        """
        import gc
        from certalign_gui import app
        status = app.main(["--exit-after-startup"])
        print("status", status, "frozen", gc.get_freeze_count() > 1000)
        """
    )
    result = run_python(script)
    assert result.returncode == 0, result.stderr
    assert "status 0 frozen True" in result.stdout
