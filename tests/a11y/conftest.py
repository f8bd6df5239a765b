"""One private desktop (Xvfb, D-Bus, AT-SPI bus, openbox) for all the accessibility tests.

It never skips: a machine without the Debian packages fails with the command that
installs them (`sh tools/system-deps.sh test`, which `make test` runs first).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from a11y_desktop import Desktop


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    """The desktop; its logs stay in pytest's temp folder for a failed run to read."""
    with Desktop(tmp_path_factory.mktemp("a11y-desktop")) as started:
        yield started
