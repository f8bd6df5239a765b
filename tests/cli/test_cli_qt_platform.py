"""The platform the commands make their PDFs on: offscreen, except on Windows.

On Windows Qt's offscreen platform has no fonts (it reads only Qt's own fonts folder,
which a wheel does not ship), so `certalign --pdf` would refuse with "no fonts are
installed"; there the native platform is kept. `make test-windows` checks the real thing.
"""

import pytest

from certalign_gui.terminal import headless_qt_platform


@pytest.mark.parametrize("platform", ["linux", "darwin", "freebsd14"])
def test_offscreen_where_there_is_no_display_to_rely_on(platform):
    assert headless_qt_platform(platform) == "offscreen"


def test_windows_keeps_qt_s_own_platform_which_has_the_system_fonts():
    assert headless_qt_platform("win32") is None
