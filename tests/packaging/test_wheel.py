"""The wheel, installed into a fresh venv, runs both programs with its resources."""

import importlib.util
import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from certalign_gui import __version__

ROOT = Path(__file__).resolve().parents[2]
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
    assert "certalign_gui/resources/policy/oems-alignment.toml" in names
    assert "certalign_gui/resources/icons/certalign.svg" in names
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
