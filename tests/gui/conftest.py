"""Shared GUI fixtures: no test ever opens a browser, and wizards start on a fixed day."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date

import pytest
from gui_helpers import TODAY
from qt_support import UrlRecorder, recording_urls
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui.app import build_wizard, take_home_actions
from certalign_gui.gui.shell.save_flow import SaveFlow
from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard
from certalign_gui.gui.wizard.results_view import TakeHomeProvider
from certalign_gui.rules import Policy, load_policy


@pytest.fixture(autouse=True)
def url_recorder(qapp) -> Iterator[UrlRecorder]:
    """Every http/https/mailto/file link goes here, from Python or from C++."""
    with recording_urls() as recorder:
        yield recorder


@pytest.fixture(scope="session")
def policy() -> Policy:
    """The shipped policy, validated once."""
    return load_policy()


@pytest.fixture
def make_wizard(qtbot, policy) -> Callable[..., AlignmentWizard]:
    """Build a shown wizard whose clock says ``today`` (default: January 10, 2025)."""

    def make(
        today: date | None = TODAY,
        idle_timeout_ms: int = 600_000,
        save_flow: SaveFlow | None = None,
        take_home: TakeHomeProvider = take_home_actions,
    ) -> AlignmentWizard:
        # The save flow's questions: scripted (tests/scripted_questions.py) unless a test
        # brings its own; a question no answer was queued for fails the test.
        flow = save_flow or scripted_flow(ScriptedQuestions())
        wizard = build_wizard(
            policy,
            today=today,
            idle_timeout_ms=idle_timeout_ms,
            save_flow=flow,
            take_home=take_home,
        )
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        return wizard

    return make
