"""The Linux menu entry, AppStream metainfo and icon, and `make install-desktop`."""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from certalign_gui import __version__
from certalign_gui.app import APP_ID

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{APP_ID}.desktop"
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
ICON = ROOT / "resources" / "icons" / "certalign.svg"


def needs(tool: str) -> str:
    found = shutil.which(tool)
    if found is None:
        pytest.skip(f"{tool} is not installed (tools/system-deps.sh test installs it)")
    return found


def desktop_keys(text: str) -> dict[str, str]:
    return dict(re.findall(r"^([A-Za-z]+)=(.*)$", text, re.MULTILINE))


def test_desktop_file_is_valid():
    result = subprocess.run(
        [needs("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == ""  # not even a hint


def test_metainfo_is_valid_even_pedantically():
    command = [needs("appstreamcli"), "validate", "--no-net", "--pedantic", str(METAINFO)]
    result = subprocess.run(command, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_ids_match_the_application():
    keys = desktop_keys(DESKTOP.read_text(encoding="utf-8"))
    assert keys["Icon"] == APP_ID
    assert keys["Exec"] == "certalign-gui"
    assert keys["Terminal"] == "false"
    component = ET.parse(METAINFO).getroot()
    assert component.findtext("id") == APP_ID
    launchable = component.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name


def test_metainfo_release_is_the_package_version():
    releases = ET.parse(METAINFO).getroot().findall("releases/release")
    assert releases[0].get("version") == __version__


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/home/emt/certalign/certalign-gui", "/home/emt/certalign/certalign-gui"),
        ("/home/emt/My Programs/certalign-gui", '"/home/emt/My Programs/certalign-gui"'),
        ("/opt/100%/certalign-gui", "/opt/100%%/certalign-gui"),
        # Inside quotes: $ is escaped, then every backslash doubled for the string value.
        ("/opt/a$b c/certalign-gui", '"/opt/a\\\\$b c/certalign-gui"'),
    ],
)
def test_exec_paths_are_quoted_as_the_desktop_spec_says(install_desktop, path, expected):
    assert install_desktop.exec_argument(Path(path)) == expected


def home_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["HOME"] = str(home)
    return env


def test_make_install_desktop_installs_a_working_menu_entry(tmp_path):
    make = needs("make")
    bindir = Path(sys.executable).parent
    # -o: never rebuild the venv from inside a test; BIN: the venv running these tests.
    result = subprocess.run(
        [make, "-s", "-o", ".venv/.installed-stamp", "install-desktop", f"BIN={bindir}"],
        cwd=ROOT,
        env=home_env(tmp_path),
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    share = tmp_path / ".local" / "share"
    desktop = share / "applications" / f"{APP_ID}.desktop"
    metainfo = share / "metainfo" / f"{APP_ID}.metainfo.xml"
    icon = share / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"
    assert icon.read_bytes() == ICON.read_bytes()
    assert metainfo.read_bytes() == METAINFO.read_bytes()
    validate = shutil.which("desktop-file-validate")
    if validate:
        check = subprocess.run([validate, str(desktop)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout
    keys = desktop_keys(desktop.read_text(encoding="utf-8"))
    program = Path(keys["Exec"])
    assert program == (bindir / "certalign-gui").resolve()
    assert keys["TryExec"] == str(program)
    # What the menu would run, headless.
    env = home_env(tmp_path) | {"QT_QPA_PLATFORM": "offscreen"}
    started = subprocess.run(
        [str(program), "--exit-after-startup"], env=env, capture_output=True, text=True, timeout=120
    )
    assert started.returncode == 0, started.stderr


def test_install_then_uninstall_leaves_nothing(install_desktop, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    program = Path(sys.executable).parent / "certalign-gui"
    installed = install_desktop.main(["--exec", str(program)])
    assert installed == 0
    files = [p for p in (tmp_path / "data").rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {
        f"{APP_ID}.desktop",
        f"{APP_ID}.metainfo.xml",
        f"{APP_ID}.svg",
    }
    assert install_desktop.main(["--uninstall"]) == 0
    left = {p.name for p in (tmp_path / "data").rglob("*") if p.is_file()}
    assert left <= {"mimeinfo.cache"}  # update-desktop-database's own cache


def test_refuses_a_program_that_is_not_there(install_desktop, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    with pytest.raises(SystemExit, match="not an executable file"):
        install_desktop.main(["--exec", str(tmp_path / "certalign-gui")])
    assert not any(tmp_path.iterdir())


def test_the_icon_is_the_checkout_resources_one_else_the_bundle_one(install_desktop):
    checkout, bundle = install_desktop.icon_candidates()
    assert checkout == ICON
    # install_desktop.py is copied to <bundle>/linux/ (build.py); the SVG is in _internal/.
    assert bundle.relative_to(LINUX.parent) == Path(
        "_internal", "certalign_gui", "resources", "icons", "certalign.svg"
    )
    assert install_desktop.default_icon() == ICON
