"""Test set-up shared by every test. The first lines must run before anything imports Qt."""

import os

# Without a display Qt aborts the whole run (exit 134): use the offscreen platform unless
# a test session deliberately runs under a real X server (make screenshots uses Xvfb).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LANG", "C.UTF-8")
# certalign-gui writes warnings to a log file in the user's data folder; tests that call
# main() must not fill the real one (tests of the log itself point it at a temp folder).
os.environ.setdefault("CERTALIGN_LOG_DIR", "")

from hypothesis import HealthCheck, settings

# "dev" keeps `make test` quick on a laptop; CI=true selects the long fuzz profile.
settings.register_profile("dev", max_examples=300, deadline=None)
settings.register_profile(
    "ci",
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))


import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def quick_double_click(request: pytest.FixtureRequest):
    """Tests click faster than people: a double-click lasts 120 ms here, not the platform's
    400 or 500, so that a test that clicks Next twice on the same spot (the second click
    waits for the first one's double-click to be over, as a person's would) stays quick.
    Tests of the double-click guard itself use the platform's interval."""
    if "qapp" not in request.fixturenames and "qtbot" not in request.fixturenames:
        yield
        return
    from PySide6.QtGui import QGuiApplication

    request.getfixturevalue("qapp")
    hints = QGuiApplication.styleHints()
    before = hints.mouseDoubleClickInterval()
    hints.setMouseDoubleClickInterval(120)
    yield
    hints.setMouseDoubleClickInterval(before)
