"""The wheel, installed into a fresh venv, runs both programs with its resources."""

import importlib.util
import json
import os
import subprocess
import sys
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest

from certalign_gui import __version__

ROOT = Path(__file__).resolve().parents[2]
# The checkout's top-level resources/ folder, installed as certalign_gui/resources/.
RESOURCES = sorted(
    path.relative_to(ROOT / "resources").as_posix()
    for path in (ROOT / "resources").rglob("*")
    if path.is_file()
)
WORKED = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]


@pytest.fixture(scope="session")
def wheel(tmp_path_factory) -> Path:
    """Build sdist, then the wheel from the sdist (so nothing stale in build/ can leak in)."""
    if importlib.util.find_spec("build") is None:
        pytest.skip("'build' is not installed (make test installs it: pip install .[package])")
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("certalign-*.whl")
    return found


@pytest.fixture(scope="session")
def installed(wheel, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel and its dependencies; returns its bin folder."""
    env_dir = tmp_path_factory.mktemp("venv")
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run(
        [str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
        check=True,
        capture_output=True,
    )
    return bindir


def clean_env(**extra: str) -> dict[str, str]:
    # Outside the project: a test must not pick up the source tree instead of the install.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return env | extra


def test_wheel_has_the_resources_and_no_tests(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "policy/oems-alignment.toml" in RESOURCES
    assert "icons/certalign.svg" in RESOURCES
    assert "translations/README.md" in RESOURCES
    assert (
        sorted(
            name.removeprefix("certalign_gui/resources/")
            for name in names
            if name.startswith("certalign_gui/resources/")
        )
        == RESOURCES
    )
    assert not [name for name in names if name.startswith("resources/")]
    assert not [name for name in names if name.startswith("tests/") or "/tests/" in name]
    assert not [name for name in names if name.startswith("packaging/")]
    assert wheel.name.startswith(f"certalign-{__version__}-py3-none-any")


def test_installed_cli_answers_the_worked_example(installed, tmp_path):
    result = subprocess.run(
        [str(installed / "certalign"), *WORKED, "--json"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        check=True,
    )
    answer = json.loads(result.stdout)
    assert answer["category"] == "one_year_alignment"
    assert answer["fee"]["amount"] == "62.50"
    # The installed catalogue and Babel's data: the words, their dates and money.
    assert answer["words"]["headline"] == "You need the one-year alignment"
    assert answer["words"]["steps"][1]["due"] == "Due by February 15, 2025"
    pseudo = subprocess.run(
        [str(installed / "certalign"), *WORKED, "--lang", "en-XA"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        check=True,
    )
    assert "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}" in pseudo.stdout


def test_installed_gui_starts_offscreen(installed, tmp_path):
    result = subprocess.run(
        [str(installed / "certalign-gui"), "--exit-after-startup"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(QT_QPA_PLATFORM="offscreen"),
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_installed_package_is_not_the_source_tree(installed, tmp_path):
    code = "import certalign_gui, sys; sys.stdout.write(certalign_gui.__file__)"
    result = subprocess.run(
        [str(installed / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        check=True,
    )
    assert Path(result.stdout).is_relative_to(installed.parent)


def test_sdist_has_the_top_level_resources(wheel):
    # The wheel is built from the sdist: resources/ has to be in it, at the top level.
    (sdist,) = wheel.parent.glob("certalign-*.tar.gz")
    with tarfile.open(sdist) as archive:
        top, *_ = archive.getnames()[0].split("/")
        names = {name.removeprefix(f"{top}/") for name in archive.getnames()}
    assert {f"resources/{name}" for name in RESOURCES} <= names
    assert not [name for name in names if name.startswith("certalign_gui/resources")]


# Where the installed program's own lookups lead (certalign_gui.basics.resource_lookup).
PROBE = (
    "import json, sys, sysconfig\n"
    "from certalign_gui.gui.shell.icons import icon_path\n"
    "from certalign_gui.rules import load_policy\n"
    "from certalign_gui.rules.policy import POLICY_RESOURCE\n"
    "from certalign_gui.basics.resource_lookup import resource_path\n"
    "load_policy()\n"
    "print(json.dumps({'site': sysconfig.get_path('purelib'), 'icon': icon_path(),\n"
    "    'policy': str(resource_path('policy', POLICY_RESOURCE))}))\n"
)


def test_installed_program_reads_the_resources_inside_its_package(installed, tmp_path):
    result = subprocess.run(
        [str(installed / "python"), "-c", PROBE],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(QT_QPA_PLATFORM="offscreen"),
        check=True,
    )
    where = json.loads(result.stdout)
    site = Path(where["site"])
    assert site.is_relative_to(installed.parent)
    inside = site / "certalign_gui" / "resources"
    assert Path(where["policy"]) == inside / "policy" / "oems-alignment.toml"
    assert Path(where["icon"]) == inside / "icons" / "certalign.svg"
    # The same files as the checkout's, and no second copy the lookup could fall back to.
    for name in RESOURCES:
        assert (inside / name).read_bytes() == (ROOT / "resources" / name).read_bytes(), name
    assert not (site / "resources").exists()
