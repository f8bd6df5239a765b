"""A private desktop for the accessibility tests: X server, D-Bus, AT-SPI bus, window manager.

`Desktop` starts Xvfb on a free display, a session D-Bus of its own, the AT-SPI bus
launcher and openbox, each in its own process group, and ends exactly those groups when
it stops. `Keyboard` sends real X key events (xdotool, through XTEST) to whatever window
has the focus. Nothing here depends on the machine's own session: HOME and the XDG
folders point into a temp folder.

Every wait has a deadline and fails with what it saw; nothing waits forever.
"""

from __future__ import annotations

import contextlib
import os
import select
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

#: Debian's Python: pyatspi and gi are Debian packages, not in the venv.
SYSTEM_PYTHON = "/usr/bin/python3"
SCREEN = "1280x1024x24"
#: The bus launcher moved between releases; Debian 12 and 13 use the first.
BUS_LAUNCHERS = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
    "/usr/lib/at-spi2/at-spi-bus-launcher",
)
#: What `Desktop` needs, and the Debian package that brings it (tools/system-deps.sh test).
NEEDS = {
    "Xvfb": "xvfb",
    "dbus-daemon": "dbus-daemon",
    "dbus-send": "dbus-bin",
    "openbox": "openbox",
    "xdotool": "xdotool",
    SYSTEM_PYTHON: "python3-pyatspi python3-gi",
}
#: Long enough for a slow CI machine; a hang becomes a failure, not a stuck run.
START_TIMEOUT_S = 30.0
STEP_TIMEOUT_S = 15.0

T = TypeVar("T")


class HarnessError(AssertionError):
    """The desktop, the program or the screen reader did not do what a step waited for."""


def wait_for(
    probe: Callable[[], T | None],
    what: str,
    timeout: float = STEP_TIMEOUT_S,
    interval: float = 0.05,
    explain: Callable[[], str] | None = None,
) -> T:
    """Poll ``probe`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            detail = f"\n{explain()}" if explain is not None else ""
            raise HarnessError(f"timed out after {timeout:.0f} s waiting for {what}{detail}")
        time.sleep(interval)


def missing_tools() -> list[str]:
    """The commands this harness needs that are not installed, with their packages."""
    missing = []
    for command, package in NEEDS.items():
        if shutil.which(command) is None:
            missing.append(f"{command} (Debian: {package})")
    if bus_launcher() is None:
        missing.append("at-spi-bus-launcher (Debian: at-spi2-core)")
    if shutil.which(SYSTEM_PYTHON) and not _system_python_has_pyatspi():
        missing.append("pyatspi for /usr/bin/python3 (Debian: python3-pyatspi python3-gi)")
    return missing


def _system_python_has_pyatspi() -> bool:
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-I", "-c", "import gi, pyatspi"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    return probe.returncode == 0


def bus_launcher() -> str | None:
    """Where this Debian keeps at-spi-bus-launcher."""
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def read_line(stream: Any, timeout: float, what: str) -> str:
    """One line from a pipe, or a failure after ``timeout`` seconds (never a hang)."""
    fd = stream.fileno()
    data = b""
    deadline = time.monotonic() + timeout
    while not data.endswith(b"\n"):
        left = deadline - time.monotonic()
        if left <= 0:
            raise HarnessError(f"timed out after {timeout:.0f} s waiting for {what}")
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        chunk = os.read(fd, 1)
        if not chunk:
            raise HarnessError(f"{what}: the process closed its output ({data!r})")
        data += chunk
    return data.decode().strip()


class ProcessGroup:
    """A process started in its own session, so that everything it starts ends with it."""

    def __init__(self, name: str, process: subprocess.Popen[bytes], log: Path | None) -> None:
        self.name = name
        self.process = process
        self.log = log

    def stop(self, timeout: float = 5.0) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout)
        # Helpers it started (the accessibility bus, its registry) may outlive it.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.process.pid, signal.SIGKILL)
        for stream in (self.process.stdin, self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def log_tail(self, chars: int = 3000) -> str:
        if self.log is None or not self.log.exists():
            return ""
        return self.log.read_text(errors="replace")[-chars:]


class Desktop:
    """Xvfb + session D-Bus + AT-SPI bus + openbox, private to one test session."""

    def __init__(self, workdir: Path | None = None, *, screen: str = SCREEN) -> None:
        self._own_workdir = workdir is None
        #: Xvfb's screen, WIDTHxHEIGHTxDEPTH.
        self.screen = screen
        self.workdir = Path(workdir or tempfile.mkdtemp(prefix="certalign-a11y-"))
        self.home = self.workdir / "home"
        self.logs = self.workdir / "logs"
        self.display = ""
        self.bus_address = ""
        self._groups: list[ProcessGroup] = []

    # -- The environment every process on this desktop gets. ------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        """A clean environment: this display, this bus, temp HOME and XDG folders."""
        home = self.home
        env = {
            "PATH": os.environ.get("PATH", "/usr/local/bin:/usr/bin:/bin"),
            "HOME": str(home),
            "USER": os.environ.get("USER", "tester"),
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
            "TZ": "America/New_York",
            "DISPLAY": self.display,
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "XDG_CONFIG_HOME": str(home / ".config"),
            "XDG_DATA_HOME": str(home / ".local" / "share"),
            "XDG_CACHE_HOME": str(home / ".cache"),
            "XDG_STATE_HOME": str(home / ".local" / "state"),
            "XDG_RUNTIME_DIR": str(self.workdir / "runtime"),
            "XDG_DOCUMENTS_DIR": str(home / "Documents"),
        }
        env.update(extra)
        return env

    def _spawn(
        self, name: str, argv: list[str], *, stdout: int | None = None, **kwargs: Any
    ) -> ProcessGroup:
        log = self.logs / f"{name}.log"
        with log.open("ab") as sink:
            process = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=stdout if stdout is not None else sink,
                stderr=sink,
                env=kwargs.pop("env", self.env()),
                start_new_session=True,
                **kwargs,
            )
        group = ProcessGroup(name, process, log)
        self._groups.append(group)
        return group

    # -- Start and stop. ------------------------------------------------------------------

    def start(self) -> Desktop:
        missing = missing_tools()
        if missing:
            raise HarnessError(
                "the accessibility tests need: "
                + ", ".join(missing)
                + ". Run `sh tools/system-deps.sh test` as root (make test does)."
            )
        for folder in (
            self.home / "Documents",
            self.home / ".config",
            self.home / ".cache",
            self.home / ".local" / "share",
            self.home / ".local" / "state",
            self.workdir / "runtime",
            self.logs,
        ):
            folder.mkdir(parents=True, exist_ok=True)
        (self.workdir / "runtime").chmod(0o700)
        # Documents is where "Save as PDF" suggests a file (QStandardPaths reads this file).
        (self.home / ".config" / "user-dirs.dirs").write_text(
            'XDG_DOCUMENTS_DIR="$HOME/Documents"\n'
        )
        try:
            self._start_x()
            self._start_bus()
            self._start_accessibility_bus()
            self._start_window_manager()
        except BaseException:
            self.stop()
            raise
        return self

    def _start_x(self) -> None:
        read_end, write_end = os.pipe()
        try:
            group = self._spawn(
                "xvfb",
                # -displayfd: Xvfb picks a free display and writes its number when ready.
                [
                    "Xvfb",
                    "-displayfd",
                    str(write_end),
                    "-screen",
                    "0",
                    self.screen,
                    "-nolisten",
                    "tcp",
                    "-noreset",
                ],
                pass_fds=(write_end,),
            )
            os.close(write_end)
            with os.fdopen(read_end, "rb", buffering=0) as reader:
                number = read_line(reader, START_TIMEOUT_S, "Xvfb to start")
        except HarnessError as error:
            raise HarnessError(f"{error}\n{self._log('xvfb')}") from None
        if group.process.poll() is not None or not number.isdigit():
            raise HarnessError(f"Xvfb did not start ({number!r})\n{self._log('xvfb')}")
        self.display = f":{number}"

    def _start_bus(self) -> None:
        group = self._spawn(
            "dbus",
            ["dbus-daemon", "--session", "--nofork", "--nopidfile", "--print-address=1"],
            stdout=subprocess.PIPE,
        )
        self.bus_address = read_line(group.process.stdout, START_TIMEOUT_S, "dbus-daemon")

    def _name_has_owner(self, name: str) -> bool:
        reply = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.freedesktop.DBus",
                "/org/freedesktop/DBus",
                "org.freedesktop.DBus.NameHasOwner",
                f"string:{name}",
            ],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=10,
            check=False,
        )
        return "boolean true" in reply.stdout

    def _start_accessibility_bus(self) -> None:
        launcher = bus_launcher()
        assert launcher is not None
        self._spawn("at-spi-bus-launcher", [launcher, "--launch-immediately"])
        wait_for(
            lambda: self._name_has_owner("org.a11y.Bus"),
            "the AT-SPI bus launcher (org.a11y.Bus)",
            START_TIMEOUT_S,
            explain=lambda: self._log("at-spi-bus-launcher"),
        )

    def _start_window_manager(self) -> None:
        ready = self.workdir / "openbox-ready"
        # openbox runs --startup once it manages the screen: then windows get the focus.
        self._spawn("openbox", ["openbox", "--sm-disable", "--startup", f"touch {ready}"])
        wait_for(
            ready.exists, "openbox to start", START_TIMEOUT_S, explain=lambda: self._log("openbox")
        )

    def stop(self) -> None:
        """End every process group this desktop started, newest first."""
        while self._groups:
            self._groups.pop().stop()
        if self._own_workdir and not os.environ.get("CERTALIGN_A11Y_KEEP"):
            shutil.rmtree(self.workdir, ignore_errors=True)

    def _log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        text = path.read_text(errors="replace")[-3000:] if path.exists() else ""
        return f"--- {name} log ---\n{text}"

    def __enter__(self) -> Desktop:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- X helpers. -----------------------------------------------------------------------

    def xdotool(self, *args: str, check: bool = True) -> str:
        """Run xdotool on this display; its output."""
        result = subprocess.run(
            ["xdotool", *args],
            env=self.env(),
            capture_output=True,
            text=True,
            timeout=20,
            check=False,
        )
        if check and result.returncode != 0:
            raise HarnessError(f"xdotool {' '.join(args)} failed: {result.stderr.strip()}")
        return result.stdout.strip()

    def active_window(self) -> int | None:
        """The window the keyboard goes to (None: none)."""
        out = self.xdotool("getactivewindow", check=False)
        return int(out) if out.isdigit() else None

    def visible_windows(self, pid: int) -> list[int]:
        """``pid``'s mapped top-level windows."""
        out = self.xdotool("search", "--onlyvisible", "--pid", str(pid), check=False)
        return [int(line) for line in out.split() if line.isdigit()]

    def window_name(self, window: int) -> str:
        return self.xdotool("getwindowname", str(window), check=False)


class Keyboard:
    """Real key events (XTEST) for whatever window has the focus, as a person types."""

    def __init__(self, desktop: Desktop) -> None:
        self.desktop = desktop

    def key(self, *keys: str) -> None:
        """Press and release each key (xdotool names: Return, Tab, shift+Tab, alt+d)."""
        self.desktop.xdotool("key", "--delay", "40", *keys)

    def type(self, text: str) -> None:
        """Type ``text`` character by character."""
        self.desktop.xdotool("type", "--delay", "40", text)
