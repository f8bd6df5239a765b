"""`make test-windows`: the Windows installer, installed and run under Wine.

Not part of `make test` (it needs Wine). Everything happens in a temporary Wine prefix with
its own HOME, no Z: drive (the Linux file system) and no Wine menu builder, so the Windows
programs write nothing outside it; the folder is removed at the end.

Wine 8.0 (Debian 12) lacks two DLLs that every Windows 10 and 11 has; the prefix gets
stand-ins built from the C files next to this one (never shipped in the installer):
``bcryptprimitives.dll`` (ProcessPrng, imported by pydantic-core's and python-calamine's Rust
code: without it the command line cannot even start) and ``icuuc.dll`` (Windows' ICU, whose
legacy-encoding converters Qt6Core.dll imports: without it no Qt module loads). See
packaging/README.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pypdf
import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(HERE.parent))
import build_installer  # noqa: E402

UNINSTALL_KEY = r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\Certalign"
# RULES.md's worked examples, as command-line options.
WORKED_EXAMPLES = [
    ("--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"),
    ("--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-04-01"),
    ("--ma-expires", "2026-03-31", "--nremt-expires", "2025-03-31", "--as-of", "2025-01-10"),
    ("--ma-expires", "2026-03-31", "--nremt-status", "expired", "--as-of", "2025-06-01"),
    ("--ma-expires", "2026-03-31", "--nremt-expires", "2027-03-31", "--as-of", "2025-01-10"),
]
TIMEOUT = 300


@dataclass
class Wine:
    """A private Wine prefix: run Windows programs, map C:\\ paths to Linux ones."""

    top: Path
    prefix: Path
    env: dict[str, str]
    user: str

    def run(
        self, *args: str, timeout: float = TIMEOUT, display: str | None = None
    ) -> subprocess.CompletedProcess[bytes]:
        env = self.env | ({"DISPLAY": display} if display else {})
        # Pipes, not files: Wine 8.0 gives Python an invalid handle for a redirected file.
        return subprocess.run(
            ["wine", *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            env=env,
            cwd=self.prefix / "drive_c",
            timeout=timeout,
            check=False,
        )

    def wait(self) -> None:
        """Until every process of the prefix has ended (an uninstaller runs from a copy)."""
        subprocess.run(["wineserver", "-w"], env=self.env, check=True, timeout=TIMEOUT)

    def path(self, windows: str) -> Path:
        """C:\\... -> the file in the prefix."""
        drive, rest = windows.split(":", 1)
        assert drive.upper() == "C", windows
        return self.prefix / "drive_c" / Path(*rest.strip("\\").split("\\"))

    @property
    def home(self) -> str:
        return f"C:\\users\\{self.user}"

    @property
    def install_dir(self) -> str:
        return f"{self.home}\\AppData\\Local\\Programs\\Certalign"

    @property
    def menu_dir(self) -> str:
        return f"{self.home}\\AppData\\Roaming\\Microsoft\\Windows\\Start Menu\\Programs\\Certalign"

    def files(self) -> set[str]:
        """Every file under C:\\, relative, except the temporary folders."""
        drive = self.prefix / "drive_c"
        found = set()
        for path in drive.rglob("*"):
            relative = path.relative_to(drive).as_posix()
            if path.is_file() and not re.search(r"(^|/)(Temp|temp)/", relative):
                found.add(relative)
        return found


def timed(label: str, started: float) -> None:
    print(f"[{label}: {time.monotonic() - started:.1f} s]", flush=True)


@pytest.fixture(scope="module")
def installer() -> Path:
    version = build_installer.version_info.package_version(ROOT)
    path = ROOT / "dist" / f"certalign-{version}-setup.exe"
    if not path.is_file():
        pytest.fail(f"{path.relative_to(ROOT)} is missing: make windows-installer")
    print(f"installer: {path.name}, {path.stat().st_size / 1e6:.1f} MB")
    return path


@pytest.fixture(scope="module")
def wine() -> Iterator[Wine]:
    for tool in ("wine", "wineserver", "x86_64-w64-mingw32-gcc"):
        if shutil.which(tool) is None:
            pytest.fail(f"{tool} is missing: sh tools/system-deps.sh windows-test")
    top = Path(tempfile.mkdtemp(prefix="certalign-wine-"))
    home = top / "home"
    home.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "USER": "station",
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local" / "share"),
        "XDG_CACHE_HOME": str(home / ".cache"),
        "XDG_RUNTIME_DIR": str(top / "run"),
        "WINEPREFIX": str(top / "prefix"),
        "WINEARCH": "win64",
        "WINEDEBUG": "-all",
        # No Linux menu entries for the Start menu's shortcuts, no .NET/HTML installers.
        "WINEDLLOVERRIDES": "winemenubuilder.exe=d;mscoree=d;mshtml=d",
        "LANG": "C.UTF-8",
    }
    (top / "run").mkdir(mode=0o700)
    started = time.monotonic()
    subprocess.run(["wine", "wineboot", "--init"], env=env, capture_output=True, check=True)
    subprocess.run(["wineserver", "-w"], env=env, check=True)
    timed("wine prefix", started)
    prefix = top / "prefix"
    (user_dir,) = [p for p in (prefix / "drive_c" / "users").iterdir() if p.name != "Public"]
    box = Wine(top, prefix, env, user_dir.name)
    _sandbox(box)
    _stand_ins(box)
    try:
        yield box
    finally:
        subprocess.run(["wineserver", "-k"], env=env, check=False)
        shutil.rmtree(top, ignore_errors=True)


def _sandbox(box: Wine) -> None:
    """Folders Wine links to HOME become real folders, and Z: (the whole Linux file system)
    goes: a Windows program here can write only inside the prefix."""
    for folder in (box.prefix / "drive_c" / "users" / box.user).iterdir():
        if folder.is_symlink():
            folder.unlink()
            folder.mkdir()
    for drive in (box.prefix / "dosdevices").iterdir():
        if drive.name != "c:":
            drive.unlink()


def _stand_ins(box: Wine) -> None:
    system32 = box.prefix / "drive_c" / "windows" / "system32"
    for name, libraries in (("bcryptprimitives", ["-ladvapi32"]), ("icuuc", [])):
        subprocess.run(
            ["x86_64-w64-mingw32-gcc", "-shared", "-O2", "-s", "-o",
             str(system32 / f"{name}.dll"), str(HERE / f"{name}.c"), *libraries],
            check=True,
        )  # fmt: skip


@pytest.fixture(scope="module")
def installed(wine: Wine, installer: Path) -> tuple[set[str], set[str]]:
    """Installed silently (/S) from C:\\; returns the file lists before and after."""
    shutil.copy2(installer, wine.path("C:\\setup.exe"))
    before = wine.files() - {"setup.exe"}
    started = time.monotonic()
    result = wine.run("C:\\setup.exe", "/S")
    wine.wait()
    timed("silent install", started)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]
    wine.path("C:\\setup.exe").unlink()
    return before, wine.files()


def linux_certalign(*args: str) -> bytes:
    return subprocess.run(
        [str(Path(sys.executable).parent / "certalign"), *args],
        capture_output=True,
        check=True,
    ).stdout


def test_installs_the_programs_the_resources_and_the_start_menu(wine, installed):
    folder = wine.path(wine.install_dir)
    for name in ("certalign.exe", "certalign-gui.exe", "uninstall.exe", "python/python.exe"):
        assert (folder / name).is_file(), name
    resources = folder / "lib" / "certalign_gui" / "resources"
    expected = sorted(
        p.relative_to(ROOT / "resources").as_posix()
        for p in (ROOT / "resources").rglob("*")
        if p.is_file()
    )
    assert sorted(p.relative_to(resources).as_posix() for p in resources.rglob("*") if
                  p.is_file()) == expected  # fmt: skip
    for name in expected:
        assert (resources / name).read_bytes() == (ROOT / "resources" / name).read_bytes()
    # Byte-compiled at install time.
    assert list((folder / "lib" / "certalign_gui" / "__pycache__").glob("*.cpython-313.pyc"))
    files = [p for p in folder.rglob("*") if p.is_file()]
    print(f"[installed: {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {len(files)} files]")
    menu = wine.path(wine.menu_dir)
    assert sorted(p.name for p in menu.iterdir()) == [
        "Certalign crew roster.lnk",
        "Certalign.lnk",
    ]
    # The roster entry starts the window program with --roster (a .lnk stores it as UTF-16).
    roster_link = (menu / "Certalign crew roster.lnk").read_bytes()
    assert "--roster".encode("utf-16-le") in roster_link
    assert "certalign-gui.exe".encode("utf-16-le") in roster_link


def test_writes_nothing_outside_the_install_folder_and_the_start_menu(wine, installed):
    before, after = installed
    install = wine.path(wine.install_dir).relative_to(wine.prefix / "drive_c").as_posix()
    menu = wine.path(wine.menu_dir).relative_to(wine.prefix / "drive_c").as_posix()
    new = after - before
    outside = sorted(p for p in new if not p.startswith((f"{install}/", f"{menu}/")))
    assert outside == []
    assert sorted(before - after) == []


def test_uninstall_entry_for_settings_apps(wine, installed):
    result = wine.run("reg", "query", UNINSTALL_KEY)
    text = result.stdout.decode("utf-8", errors="replace")
    assert result.returncode == 0, text
    version = build_installer.version_info.package_version(ROOT)
    assert re.search(rf"DisplayVersion\s+REG_SZ\s+{re.escape(version)}", text)
    assert re.search(r"UninstallString\s+REG_SZ\s+\S.*uninstall\.exe", text)


@pytest.mark.parametrize("example", WORKED_EXAMPLES, ids=lambda e: "_".join(e[1::2]))
def test_cli_json_is_the_linux_output_byte_for_byte(wine, installed, example):
    started = time.monotonic()
    result = wine.run(f"{wine.install_dir}\\certalign.exe", *example, "--json")
    timed("certalign.exe --json", started)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]
    windows = result.stdout.replace(b"\r\n", b"\n")
    assert windows == linux_certalign(*example, "--json")
    assert json.loads(windows)["situation"]["as_of"] == example[-1]


def test_cli_pdf_reads_back(wine, installed, tmp_path):
    out = "C:\\out\\checklist.pdf"
    wine.path(out).parent.mkdir(exist_ok=True)
    example = WORKED_EXAMPLES[0]
    started = time.monotonic()
    result = wine.run(
        f"{wine.install_dir}\\certalign.exe", *example, "--pdf", out, "--name", "Pat Example"
    )
    timed("certalign.exe --pdf", started)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]
    assert (
        result.stdout.replace(b"\r\n", b"\n")
        == f"certalign: wrote the checklist to {out}\n".encode()
    )
    reader = pypdf.PdfReader(wine.path(out))
    assert len(reader.pages) == 1
    windows_text = reader.pages[0].extract_text()
    linux_pdf = tmp_path / "linux.pdf"
    linux_certalign(*example, "--pdf", str(linux_pdf), "--name", "Pat Example")
    linux_text = pypdf.PdfReader(linux_pdf).pages[0].extract_text()
    assert "Pat Example" in " ".join(windows_text.split())
    assert "$62.50" in windows_text
    assert windows_text.split() == linux_text.split()
    # typst, its template and the shipped fonts work on Windows: a tagged PDF (PDF/UA-1)
    # with the Linux PDF's structure, language, title and fonts.
    windows_pdf, linux_tags = tagged(wine.path(out)), tagged(linux_pdf)
    assert windows_pdf == linux_tags
    assert linux_tags["lang"] == "en-US"
    assert linux_tags["fonts"] == {"DejaVuSans", "DejaVuSans-Bold"}
    assert {"H1", "L", "Table", "TH", "Figure"} <= set(linux_tags["roles"])


def tagged(path: Path) -> dict[str, object]:
    """A tagged PDF's language, title, embedded fonts and structure roles in tree order."""
    import pikepdf

    def roles(element: object) -> list[str]:
        if isinstance(element, pikepdf.Array):
            return [role for child in element for role in roles(child)]
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            return [str(element.S).lstrip("/"), *roles(element.get("/K", pikepdf.Array()))]
        return []

    with pikepdf.open(path) as pdf:
        assert pdf.Root.MarkInfo.Marked
        fonts = pdf.pages[0].Resources.Font.values()
        return {
            "lang": str(pdf.Root.Lang),
            "title": str(pdf.docinfo.get("/Title")),
            "fonts": {str(font.BaseFont).split("+")[-1] for font in fonts},
            "roles": roles(pdf.Root.StructTreeRoot.K),
        }


def test_roster_spreadsheet_through_the_cli(wine, installed, tmp_path):
    """An .xlsx (read by python-calamine's Rust code) gives the Linux JSON."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "MA expiration", "NREMT status", "NREMT expiration"])
    sheet.append(["Pat Example", "03/31/2025", "active", "03/31/2026"])
    sheet.append(["Sam Sample", "03/31/2026", "expired", ""])
    sheet.append(["Lee Bad", "02/30/2026", "active", "03/31/2027"])
    wine.path("C:\\out").mkdir(exist_ok=True)
    book.save(wine.path("C:\\out\\crew.xlsx"))
    args = ("roster", "--as-of", "2025-01-10", "--json")
    result = wine.run(f"{wine.install_dir}\\certalign.exe", *args[:1], "C:\\out\\crew.xlsx",
                      *args[1:])  # fmt: skip
    assert result.returncode == 3, result.stderr.decode(errors="replace")[-3000:]
    linux = subprocess.run(
        [str(Path(sys.executable).parent / "certalign"), "roster",
         str(wine.path("C:\\out\\crew.xlsx")), *args[1:]],
        capture_output=True, check=False,
    )  # fmt: skip
    assert linux.returncode == 3
    assert result.stdout.replace(b"\r\n", b"\n") == linux.stdout


def test_roster_pdfs_through_the_cli(wine, installed):
    """The summary and everyone's checklists (Qt, on Windows' own platform) read back."""
    out = wine.path("C:\\out")
    if not (out / "crew.xlsx").exists():
        pytest.skip("needs test_roster_spreadsheet_through_the_cli's crew.xlsx")
    result = wine.run(
        f"{wine.install_dir}\\certalign.exe", "roster", "C:\\out\\crew.xlsx", "--as-of",
        "2025-01-10", "--pdf", "C:\\out\\summary.pdf", "--checklists",
        "C:\\out\\everyone.pdf",
    )  # fmt: skip
    assert result.returncode == 3, result.stderr.decode(errors="replace")[-3000:]
    summary = " ".join(
        page.extract_text() for page in pypdf.PdfReader(out / "summary.pdf").pages
    ).split()
    assert "Pat" in summary
    assert "Sam" in summary
    everyone = pypdf.PdfReader(out / "everyone.pdf")
    assert len(everyone.pages) == 2  # the two people assessed; Lee's row needs fixing


@pytest.fixture(scope="module")
def display() -> Iterator[str]:
    """A private Xvfb server for the window."""
    if shutil.which("Xvfb") is None:
        pytest.fail("Xvfb is missing: sh tools/system-deps.sh windows-test")
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    try:
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("roster", [False, True], ids=["wizard", "roster-window"])
def test_gui_starts_and_paints(wine, installed, display, roster):
    """certalign-gui.exe (the Start menu's two entries) paints its window and exits 0."""
    args = ["--roster"] if roster else []
    started = time.monotonic()
    result = wine.run(
        f"{wine.install_dir}\\certalign-gui.exe", *args, "--exit-after-startup", display=display
    )
    timed(f"certalign-gui.exe {' '.join(args)} --exit-after-startup", started)
    assert result.returncode == 0, result.stderr.decode(errors="replace")[-3000:]


def test_the_program_logged_only_what_wine_lacks(wine, installed, display):
    """The window's runs logged no warning of their own.

    Its log (%LOCALAPPDATA%\\certalign\\Certalign\\certalign.log) is written only when
    something goes wrong. Under Wine 8.0 Qt warns that user32's EnableNonClientDpiScaling is
    not implemented (every Windows 10 and 11 has it): that, and nothing else, is allowed.
    """
    log = wine.path(f"{wine.home}\\AppData\\Local\\certalign\\Certalign\\certalign.log")
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    print(f"log: {len(lines)} lines")
    wine_only = re.compile(r"EnableNonClientDpiScaling\(\) failed for HWND \w+ \(120\)")
    assert [line for line in lines if not wine_only.search(line)] == []


def test_uninstall_removes_everything_it_installed(wine, installed):
    before, _ = installed
    # What the tests themselves made (C:\out) is not the installer's.
    shutil.rmtree(wine.path("C:\\out"), ignore_errors=True)
    started = time.monotonic()
    result = wine.run(f"{wine.install_dir}\\uninstall.exe", "/S")
    wine.wait()
    timed("silent uninstall", started)
    assert result.returncode == 0
    assert not wine.path(wine.install_dir).exists()
    assert not wine.path(wine.menu_dir).exists()
    assert wine.files() == before
    assert wine.run("reg", "query", UNINSTALL_KEY).returncode != 0
