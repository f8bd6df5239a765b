"""A real print job: a private CUPS with a cups-pdf queue receives the checklist.

`make test` installs `cups` and `printer-driver-cups-pdf` (tools/system-deps.sh). The
fixture starts its own cupsd (config, spool and socket in a temporary folder, never the
system's), adds a cups-pdf queue, points this process's libcups at it, and stops the
daemon by its PID afterwards. cups-pdf runs Ghostscript, whose output keeps no
extractable text, so the test checks that the job completed and a PDF file appeared.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import pwd
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QWidget
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.session import detached
from certalign_gui.gui.wizard import take_home
from certalign_gui.rules import Situation, assess

QUEUE = "certalign-test"
PPDS = (
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"),
    Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd"),
)
BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
ANONYMOUS = Path("/var/spool/cups-pdf/ANONYMOUS")
CUPS_PDF_CONF = Path("/etc/cups/cups-pdf.conf")

CUPSD_CONF = """\
Listen {socket}
LogLevel info
WebInterface No
Browsing No
DefaultAuthType None
<Location />
  Order allow,deny
  Allow all
</Location>
<Location /admin>
  Order allow,deny
  Allow all
</Location>
<Policy default>
  JobPrivateAccess all
  JobPrivateValues none
  SubscriptionPrivateAccess all
  SubscriptionPrivateValues none
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
FILES_CONF = """\
ServerRoot {root}
RequestRoot {root}/spool
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/tmp
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
SystemGroup root
User lp
Group lp
FileDevice No
"""


@dataclass
class PrivateCups:
    """A running private cupsd with one cups-pdf queue."""

    root: Path
    socket: Path
    process: subprocess.Popen[bytes]
    started: float = field(default_factory=time.time)

    def env(self) -> dict[str, str]:
        """The environment for CUPS command-line tools talking to this daemon."""
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def lp(self, *argv: str) -> subprocess.CompletedProcess[str]:
        """Run a CUPS client tool against this daemon."""
        return subprocess.run(
            list(argv), capture_output=True, text=True, timeout=30, env=self.env(), check=False
        )


def _why_no_cups() -> str | None:
    if os.geteuid() != 0:
        return "the cups-pdf backend runs only for a root cupsd (tests are not root here)"
    for tool in ("cupsd", "lpadmin", "lpstat"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (make test installs cups)"
    if not BACKEND.exists() or not any(p.exists() for p in PPDS):
        return "cups-pdf is not installed (make test installs printer-driver-cups-pdf)"
    if ctypes.util.find_library("cups") is None:
        return "libcups is not installed"
    return None


def _wait(predicate, timeout: float, qapp) -> bool:
    """Poll ``predicate`` while Qt's event loop runs, for at most ``timeout`` seconds."""
    from PySide6.QtTest import QTest

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        QTest.qWait(50)
    return bool(predicate())


@pytest.fixture(scope="session")
def private_cups(qapp) -> Iterator[PrivateCups]:
    """Start cupsd in a temporary folder with a cups-pdf queue; stop it by PID afterwards."""
    reason = _why_no_cups()
    if reason:
        pytest.skip(reason)
    # Not under pytest's tmp_path: that is private to this user, and CUPS filters run as lp.
    root = Path(tempfile.mkdtemp(prefix="certalign-cups-"))
    root.chmod(0o755)
    for sub in ("spool", "cache", "state", "log"):
        (root / sub).mkdir()
    (root / "tmp").mkdir(mode=0o1777)
    (root / "tmp").chmod(0o1777)
    socket = root / "cups.sock"
    (root / "cupsd.conf").write_text(CUPSD_CONF.format(socket=socket))
    (root / "cups-files.conf").write_text(FILES_CONF.format(root=root))
    process = subprocess.Popen(
        ["cupsd", "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    cups = PrivateCups(root, socket, process)
    previous_server = os.environ.get("CUPS_SERVER")
    libcups = ctypes.CDLL(ctypes.util.find_library("cups"))
    try:
        if not _wait(lambda: "is running" in cups.lp("lpstat", "-r").stdout, 20, qapp):
            pytest.skip("the private cupsd did not start: " + _log(root))
        ppd = next(p for p in PPDS if p.exists())
        added = cups.lp("lpadmin", "-p", QUEUE, "-E", "-v", "cups-pdf:/", "-P", str(ppd))
        if added.returncode != 0:
            pytest.skip(f"lpadmin could not add the cups-pdf queue: {added.stderr.strip()}")
        # libcups reads CUPS_SERVER once per thread; Qt may already have asked the system.
        os.environ["CUPS_SERVER"] = str(socket)
        libcups.cupsSetServer(str(socket).encode())
        yield cups
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)
        if previous_server is None:
            os.environ.pop("CUPS_SERVER", None)
        else:
            os.environ["CUPS_SERVER"] = previous_server
        libcups.cupsSetServer(previous_server.encode() if previous_server else None)
        shutil.rmtree(root, ignore_errors=True)


def _log(root: Path) -> str:
    log = root / "log" / "error_log"
    return log.read_text(errors="replace")[-500:] if log.exists() else "(no log)"


def _output_folders() -> list[Path]:
    """Where cups-pdf puts files: its ``Out`` folder for the user, and ``AnonDirName``."""
    user = pwd.getpwuid(os.geteuid())
    settings = {"Out": "${HOME}/PDF", "AnonDirName": str(ANONYMOUS)}
    if CUPS_PDF_CONF.exists():
        for line in CUPS_PDF_CONF.read_text(errors="replace").splitlines():
            key, _, value = line.strip().partition(" ")
            if key in settings and value.strip():
                settings[key] = value.strip()
    return [
        Path(value.replace("${HOME}", user.pw_dir).replace("${USER}", user.pw_name))
        for value in settings.values()
    ]


def _completed_job_ids(cups: PrivateCups) -> list[str]:
    listing = cups.lp("lpstat", "-W", "completed", "-o", QUEUE).stdout
    return [line.split()[0].rsplit("-", 1)[-1] for line in listing.splitlines() if line.strip()]


def test_the_checklist_prints_to_a_real_cups_queue(private_cups, qtbot, qapp):
    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    if QUEUE not in names:
        pytest.skip(f"Qt's CUPS support does not see the private queue (it sees {names})")
    home_pdf = _output_folders()[0]
    home_pdf_existed = home_pdf.exists()
    before = {p for folder in _output_folders() if folder.exists() for p in folder.iterdir()}

    parent = QWidget()
    qtbot.addWidget(parent)
    printer = QPrinter(QPrinterInfo.printerInfo(QUEUE), QPrinter.PrinterMode.HighResolution)
    printer.setDocName("certalign checklist test")
    assessment = assess(
        Situation(
            ma_expiration=date(2025, 3, 31),
            nremt_expiration=date(2026, 3, 31),
            as_of=date(2025, 1, 10),
        )
    )
    questions = ScriptedQuestions()
    assert take_home.paint_checklist(
        parent,
        printer,
        assessment,
        Details(name="Print Test"),
        printed_on=date(2025, 1, 10),
        token=detached(),
        errors=take_home.PaintErrors(parent, detached(), scripted_flow(questions)),
    )
    assert questions.errors == []

    found: list[Path] = []

    def job_done_and_file_written() -> None:
        # Cheap first: a new file in cups-pdf's output; only then ask CUPS about the job.
        new = [
            p
            for folder in _output_folders()
            if folder.exists()
            for p in folder.iterdir()
            if p not in before and p.suffix == ".pdf"
        ]
        assert new, "no PDF from cups-pdf yet"
        jobs = _completed_job_ids(private_cups)
        assert jobs, "the job has not completed yet"
        (output,) = new
        assert output.name.endswith(f"-job_{jobs[-1]}.pdf")
        found.append(output)

    try:
        qtbot.waitUntil(job_done_and_file_written, timeout=60_000)
        data = found[-1].read_bytes()
        assert data.startswith(b"%PDF-")
        assert len(data) > 5_000  # a drawn page, not an empty document
        assert b"/Count 1" in data  # one page
    finally:
        for folder in _output_folders():
            if folder.exists():
                for path in set(folder.iterdir()) - before:
                    path.unlink()
        if not home_pdf_existed and home_pdf.exists() and not any(home_pdf.iterdir()):
            home_pdf.rmdir()


def _all_job_ids(cups: PrivateCups) -> list[str]:
    listing = cups.lp("lpstat", "-W", "all", "-o", QUEUE).stdout
    return [line.split()[0] for line in listing.splitlines() if line.strip()]


def test_the_idle_reset_during_the_print_dialog_prints_nothing(private_cups, qtbot, policy):
    """Print in the preview opens the print dialog; the idle reset comes while it waits."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog
    from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QPushButton

    from certalign_gui.app import build_wizard
    from certalign_gui.gui.wizard.alignment_wizard import PageId

    names = [info.printerName() for info in QPrinterInfo.availablePrinters()]
    if QUEUE not in names:
        pytest.skip(f"Qt's CUPS support does not see the private queue (it sees {names})")
    jobs_before = _all_job_ids(private_cups)
    before = {p for folder in _output_folders() if folder.exists() for p in folder.iterdir()}

    wizard = build_wizard(policy, today=date(2025, 1, 10))
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    with qtbot.waitActive(wizard):
        wizard.activateWindow()
    for text in (None, "03/31/2025", "03/31/2026", "Print Reset Person"):
        if text == "03/31/2026":
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # "active"
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if text is not None:
            qtbot.keyClicks(QApplication.focusWidget(), text)
        with qtbot.waitSignal(wizard.currentIdChanged):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert wizard.currentId() == PageId.RESULTS

    qtbot.mouseClick(wizard.findChild(QPushButton, "printButton"), Qt.MouseButton.LeftButton)
    preview = wizard.findChild(QPrintPreviewDialog, "printPreviewDialog")
    assert preview is not None
    (print_action,) = [a for a in preview.findChildren(QAction) if a.text() == "Print"]
    seen: list[str] = []

    def reset_when_the_print_dialog_waits() -> None:
        waiting = [w for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog)]
        if waiting and waiting[0].isVisible():
            seen.append(waiting[0].printer().printerName())
            wizard.idle.timed_out.emit()
        else:
            QTimer.singleShot(20, reset_when_the_print_dialog_waits)

    QTimer.singleShot(20, reset_when_the_print_dialog_waits)
    # Should the reset not close the dialogs, close them after a while, so the test fails
    # below instead of waiting for ever (the timer goes with the wizard at teardown).
    safety = QTimer(wizard)
    safety.setSingleShot(True)
    safety.timeout.connect(
        lambda: [w.reject() for w in QApplication.topLevelWidgets() if isinstance(w, QPrintDialog)]
    )
    safety.start(15_000)
    print_action.trigger()  # the print dialog's own event loop runs until the reset
    qtbot.waitUntil(lambda: bool(seen))
    assert wizard.currentId() == PageId.WELCOME
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QDialog) and w is not wizard and w.isVisible()
    ]
    assert wizard.findChild(QLineEdit, "nameEdit").text() == ""
    qtbot.wait(2_000)  # long enough for a job to reach the queue, were one sent
    assert _all_job_ids(private_cups) == jobs_before
    after = {p for folder in _output_folders() if folder.exists() for p in folder.iterdir()}
    assert after == before
