"""The one-folder bundle (dist/certalign/) starts, answers, and ships only what it should."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from certalign_gui import __version__

WORKED = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
# Qt prints these when a plugin or library the bundle needs was left out.
MISSING = re.compile(r"Cannot load library|Could not (?:load|find)|cannot open shared object")


def run(program: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH"}} | env
    return subprocess.run(
        [str(program), *args], capture_output=True, text=True, env=environment, timeout=120
    )


def test_gui_starts_offscreen_and_exits_after_first_paint(bundle):
    result = run(bundle / "certalign-gui", "--exit-after-startup", QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert not MISSING.search(result.stderr), result.stderr
    assert "Traceback" not in result.stderr


def test_gui_starts_on_a_real_x_server(bundle):
    xvfb = shutil.which("xvfb-run")
    if xvfb is None:
        pytest.skip("xvfb-run is not installed (tools/system-deps.sh test installs it)")
    command = [xvfb, "-a", "-s", "-screen 0 1280x1024x24", str(bundle / "certalign-gui")]
    result = subprocess.run(
        [*command, "--exit-after-startup"],
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"},
        timeout=120,
    )
    # The xcb plugin and everything it links against made it into the bundle.
    assert result.returncode == 0, result.stderr
    assert not MISSING.search(result.stderr), result.stderr


def test_cli_answers_the_worked_example(bundle):
    result = run(bundle / "certalign", *WORKED, "--json")
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["category"] == "one_year_alignment"
    assert answer["fee"]["amount"] == "62.50"
    # The catalogue and Babel's data came along: the words, their dates and money.
    assert answer["words"]["headline"] == "You need the one-year alignment"
    assert answer["words"]["steps"][1]["due"] == "Due by February 15, 2025"
    assert "$62.50" in answer["words"]["fee_line"]


def test_cli_speaks_the_pseudo_locale_from_the_bundled_catalogue(bundle):
    result = run(bundle / "certalign", *WORKED, "--lang", "en-XA")
    assert result.returncode == 0, result.stderr
    assert "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}" in result.stdout


def test_both_programs_report_the_package_version(bundle):
    assert run(bundle / "certalign", "--version").stdout.strip() == f"certalign {__version__}"
    gui = run(bundle / "certalign-gui", "--version", QT_QPA_PLATFORM="offscreen")
    assert gui.stdout.strip() == f"certalign-gui {__version__}"


def test_cli_writes_a_pdf_checklist(bundle, tmp_path):
    if "--pdf" not in run(bundle / "certalign", "--help").stdout:
        pytest.skip("this certalign has no --pdf option yet")
    pdf = tmp_path / "checklist.pdf"
    result = run(bundle / "certalign", *WORKED, "--pdf", str(pdf), QT_QPA_PLATFORM="offscreen")
    assert result.returncode == 0, result.stderr
    assert not MISSING.search(result.stderr), result.stderr
    from pypdf import PdfReader

    text = PdfReader(pdf).pages[0].extract_text()
    assert "62.50" in text  # real text, not the black boxes of a bundle without fonts
    # typst, its template and the fonts came along: the bundle's PDF is the tagged one.
    import pikepdf

    with pikepdf.open(pdf) as document:
        assert "/StructTreeRoot" in document.Root
        assert document.Root.MarkInfo.Marked
        assert str(document.Root.Lang) == "en-US"
        fonts = {
            str(font.BaseFont).split("+")[-1] for font in document.pages[0].Resources.Font.values()
        }
        assert fonts == {"DejaVuSans", "DejaVuSans-Bold"}


def test_two_programs_share_one_internal_folder(bundle):
    internal = bundle / "_internal"
    assert (bundle / "certalign-gui").is_file()
    assert (bundle / "certalign").is_file()
    # The whole top-level resources/ folder, where certalign_gui.basics.resource_lookup looks first.
    bundled = internal / "certalign_gui" / "resources"
    root = Path(__file__).resolve().parents[2] / "resources"
    expected = sorted(p.relative_to(root) for p in root.rglob("*") if p.is_file())
    assert sorted(p.relative_to(bundled) for p in bundled.rglob("*") if p.is_file()) == expected
    assert Path("policy/oems-alignment.toml") in expected
    assert Path("icons/certalign.svg") in expected
    assert not (internal / "resources").exists()
    assert sorted(p.name for p in bundle.iterdir() if p.is_file() and os.access(p, os.X_OK)) == [
        "certalign",
        "certalign-gui",
    ]


def test_both_programs_read_the_resources_in_internal(bundle, tmp_path):
    # A copy of the bundle whose resources are changed, then taken away, one by one.
    copy = tmp_path / "certalign"
    shutil.copytree(bundle, copy, symlinks=True)
    resources = copy / "_internal" / "certalign_gui" / "resources"
    policy = resources / "policy" / "oems-alignment.toml"
    icon = resources / "icons" / "certalign.svg"
    text = policy.read_text(encoding="utf-8")
    assert text.count('amount = "62.50"') == 1
    policy.write_text(text.replace('amount = "62.50"', 'amount = "71.25"'), encoding="utf-8")
    answer = run(copy / "certalign", *WORKED, "--json")
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["fee"]["amount"] == "71.25"

    # Without the icon the window still starts, and the log says where it looked first.
    icon.unlink()
    window = run(copy / "certalign-gui", "--exit-after-startup", QT_QPA_PLATFORM="offscreen")
    assert window.returncode == 0, window.stderr
    assert f"resources/icons/certalign.svg is missing (looked for {icon} and " in window.stderr
    assert "Traceback" not in window.stderr

    # Without the policy: one clear line naming the file, no traceback.
    policy.unlink()
    answer = run(copy / "certalign", *WORKED)
    assert answer.returncode == 2
    assert "Traceback" not in answer.stderr
    (line,) = answer.stderr.splitlines()
    assert f"resources/policy/oems-alignment.toml is missing (looked for {policy} and " in line


def test_only_the_qt_modules_the_program_uses(bundle, exclusions):
    pyside = bundle / "_internal" / "PySide6"
    bindings = {p.name.split(".")[0] for p in pyside.glob("Qt*.*") if p.suffix in {".so", ".pyd"}}
    assert bindings == set(exclusions.QT_MODULES_USED)


def test_excluded_files_are_gone(bundle):
    internal = bundle / "_internal"
    plugins = internal / "PySide6" / "Qt" / "plugins"
    assert {p.stem.removeprefix("lib") for p in (plugins / "platforms").iterdir()} == {
        "qxcb",
        "qwayland",
        "qoffscreen",
    }
    assert [p.name for p in (plugins / "imageformats").iterdir()] == ["libqsvg.so"]
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    left_outs = ("tkinter", "hypothesis", "mypy", "_pytest", "unittest")
    # The tests' PDF checkers, and the Pillow and lxml they bring, which openpyxl would use.
    left_outs += ("outloud", "pdfua", "pikepdf", "pymupdf", "fitz", "PIL", "lxml")
    for left_out in left_outs:
        assert not list(internal.rglob(f"{left_out}*")), left_out
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]


def test_bundle_installs_its_own_menu_entry(bundle, tmp_path):
    # A station that only got the folder: the system python3 runs the copied script.
    python = shutil.which("python3") or sys.executable
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")} | {
        "HOME": str(tmp_path)
    }
    script = bundle / "linux" / "install_desktop.py"
    subprocess.run([python, str(script)], env=env, check=True, capture_output=True)
    applications = tmp_path / ".local" / "share" / "applications"
    entry = (applications / "io.github.certalign.Certalign.desktop").read_text(encoding="utf-8")
    assert f"Exec={bundle / 'certalign-gui'}" in entry.splitlines()
    icon = tmp_path / ".local/share/icons/hicolor/scalable/apps/io.github.certalign.Certalign.svg"
    assert (
        icon.read_bytes()
        == (bundle / "_internal/certalign_gui/resources/icons/certalign.svg").read_bytes()
    )


# PyInstaller leaves these to the system on purpose: they must match the running desktop.
SYSTEM_ONLY = re.compile(r"^lib(wayland-[a-z]+|GL|EGL|GLX|GLdispatch|OpenGL|xcb)\.so")


def test_every_bundled_library_finds_what_it_links_against(bundle):
    ldd = shutil.which("ldd")
    if ldd is None:
        pytest.skip("ldd is not installed")
    internal = bundle / "_internal"
    env = dict(os.environ) | {"LD_LIBRARY_PATH": str(internal)}
    missing = {}
    for path in internal.rglob("*.so*"):
        if path.is_symlink() or not path.is_file():
            continue
        listing = subprocess.run([ldd, str(path)], capture_output=True, text=True, env=env).stdout
        lost = [line.split()[0] for line in listing.splitlines() if "not found" in line]
        lost = [name for name in lost if not SYSTEM_ONLY.match(name)]
        if lost:
            missing[str(path.relative_to(internal))] = lost
    # A library dropped with an excluded plugin that something kept still needed shows here.
    assert missing == {}
