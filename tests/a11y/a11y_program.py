"""certalign-gui on the private desktop, and the screen reader that watches it.

`App` runs ``python -m certalign_gui --today 2025-01-10`` with the venv's Python on a
`Desktop`; `ScreenReader` is the AT-SPI client (``atspi_client.py``, run with Debian's
Python, which has pyatspi), spoken to in JSON lines. `running()` gives both, and ends both.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from a11y_desktop import (
    START_TIMEOUT_S,
    STEP_TIMEOUT_S,
    SYSTEM_PYTHON,
    Desktop,
    HarnessError,
    ProcessGroup,
    read_line,
    wait_for,
)

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLIENT = HERE / "atspi_client.py"
#: The first worked example's advice date (RULES.md).
TODAY = "2025-01-10"


class App:
    """``certalign-gui --today 2025-01-10`` on ``desktop``, as a subprocess."""

    def __init__(self, desktop: Desktop, *args: str, name: str = "app") -> None:
        self.desktop = desktop
        self.log = desktop.logs / f"{name}.log"
        env = desktop.env(
            QT_QPA_PLATFORM="xcb",
            QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
            CERTALIGN_LOG_DIR=str(desktop.workdir / "app-logs"),
            PYTHONDONTWRITEBYTECODE="1",
        )
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "certalign_gui", "--today", TODAY, *args],
                stdin=subprocess.DEVNULL,
                stdout=sink,
                stderr=subprocess.STDOUT,
                env=env,
                cwd=ROOT,
                start_new_session=True,
            )
        self._group = ProcessGroup(name, self.process, self.log)
        self.window = 0

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        """What the program printed (warnings, errors)."""
        return self._group.log_tail(6000)

    def wait_for_window(self) -> int:
        """Wait until the wizard is mapped and has the keyboard; its X window id."""

        def probe() -> int | None:
            if self.process.poll() is not None:
                raise HarnessError(
                    f"certalign-gui exited ({self.process.returncode}):\n{self.output()}"
                )
            windows = self.desktop.visible_windows(self.pid)
            return windows[0] if windows else None

        self.window = wait_for(probe, "the certalign-gui window", START_TIMEOUT_S)
        self.activate()
        return self.window

    def activate(self) -> None:
        """Give the wizard the keyboard (openbox usually already has)."""
        if self.desktop.active_window() != self.window:
            self.desktop.xdotool("windowactivate", str(self.window), check=False)
        wait_for(
            lambda: self.desktop.active_window() == self.window,
            "the wizard window to have the keyboard",
            explain=lambda: f"active window: {self.desktop.active_window()}",
        )

    def stop(self) -> None:
        self._group.stop()

    def __enter__(self) -> App:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


class ScreenReader:
    """The AT-SPI client (Debian's Python + pyatspi) for one application."""

    def __init__(self, desktop: Desktop, pid: int) -> None:
        self.desktop = desktop
        self.log = desktop.logs / f"screen-reader-{pid}.log"
        with self.log.open("wb") as sink:
            self.process = subprocess.Popen(
                [SYSTEM_PYTHON, "-I", str(CLIENT), "--pid", str(pid)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=sink,
                env=desktop.env(),
                start_new_session=True,
            )
        self._group = ProcessGroup("screen-reader", self.process, self.log)
        hello = json.loads(read_line(self.process.stdout, START_TIMEOUT_S, "the screen reader"))
        if not hello.get("ok"):
            self.stop()
            raise HarnessError(f"the screen reader cannot see the program: {hello}")

    def ask(self, cmd: str, timeout: float = STEP_TIMEOUT_S, **options: Any) -> dict[str, Any]:
        """Send one command (with ``options``); its answer."""
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps({"cmd": cmd, **options}) + "\n").encode())
        self.process.stdin.flush()
        try:
            answer = json.loads(read_line(self.process.stdout, timeout, f"screen reader {cmd!r}"))
        except HarnessError as error:
            raise HarnessError(f"{error}\n{self._group.log_tail()}") from None
        if not answer.get("ok"):
            raise HarnessError(f"screen reader {cmd!r} failed: {answer.get('error')}")
        return answer

    def tree(self) -> dict[str, Any]:
        """The whole application, as the screen reader sees it."""
        return self.ask("tree", timeout=60)["tree"]

    def focused(
        self, *, ancestors: bool = True
    ) -> tuple[dict[str, Any] | None, list[dict[str, Any]]]:
        """The focused object and (unless not wanted) its ancestors, nearest first."""
        answer = self.ask("focused", ancestors=ancestors)
        return answer["focused"], answer["ancestors"]

    def events(self) -> list[dict[str, Any]]:
        """Events since the last call."""
        return self.ask("events")["events"]

    def stop(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(Exception):
                self.ask("quit", timeout=5)
        self._group.stop()

    def __enter__(self) -> ScreenReader:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.stop()


@contextlib.contextmanager
def running(desktop: Desktop, *args: str) -> Iterator[tuple[App, ScreenReader]]:
    """The program on ``desktop`` with its window up, and a screen reader on it."""
    app = App(desktop, *args)
    try:
        app.wait_for_window()
        reader = ScreenReader(desktop, app.pid)
        try:
            yield app, reader
        finally:
            reader.stop()
    finally:
        app.stop()
