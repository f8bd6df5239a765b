"""Shared set-up for the packaging tests: the packaging scripts, and one bundle per session."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
# The worked example of RULES.md: one-year alignment, $62.50.
WORKED_EXAMPLE = ("--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31")
WORKED_AS_OF = ("--as-of", "2025-01-10")


def load_script(relative: str) -> ModuleType:
    """Import a packaging script (not a package module) by its path."""
    path = PACKAGING / relative
    name = f"packaging_{path.stem}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def exclusions() -> ModuleType:
    return load_script("pyinstaller/exclusions.py")


@pytest.fixture(scope="session")
def version_info() -> ModuleType:
    return load_script("pyinstaller/version_info.py")


@pytest.fixture(scope="session")
def install_desktop() -> ModuleType:
    return load_script("linux/install_desktop.py")


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    return load_script("build.py")


@pytest.fixture(scope="session")
def bundle() -> Path:
    """dist/certalign/, built now unless a build newer than every source file exists."""
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip("PyInstaller is not installed (make test installs it: pip install .[package])")
    subprocess.run(
        [sys.executable, str(PACKAGING / "build.py"), "--if-stale"], check=True, cwd=ROOT
    )
    folder = ROOT / "dist" / "certalign"
    info = json.loads((folder / "build-info.json").read_text(encoding="utf-8"))
    print(f"bundle: {info['bytes'] / 1e6:.1f} MB, {info['files']} files, {info['seconds']} s")
    return folder
