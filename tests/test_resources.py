"""The top-level resources/ folder is found from a checkout, run as it is or installed editable.

The wheel and the PyInstaller bundle have their own tests (tests/packaging/test_wheel.py,
tests/packaging/test_bundle.py). Here: the lookup itself, what `load_policy` and the icon do
without it, that the wheel's package list is complete, and two real runs of a copy of this
checkout, one with no install at all and one installed in editable mode in a fresh venv.
"""

from __future__ import annotations

import ast
import functools
import json
import logging
import os
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path, resource_roots
from certalign_gui.gui.shell import icons
from certalign_gui.presentation.policy_words import policy_path, policy_problem
from certalign_gui.rules import PolicyError, load_policy
from certalign_gui.rules import policy as policy_module
from certalign_gui.rules.policy import POLICY_RESOURCE

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "certalign_gui"
POLICY = ("policy", POLICY_RESOURCE)
ICON = ("icons", "certalign.svg")
WORKED = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
#: Printed by PROBE: where the program's resource lookups lead, as the program itself does them.
PROBE = (
    "import json, certalign_gui\n"
    "from certalign_gui.gui.shell.icons import icon_path\n"
    "from certalign_gui.rules.policy import POLICY_RESOURCE\n"
    "from certalign_gui.basics.resource_lookup import resource_path\n"
    "print(json.dumps({'package': certalign_gui.__file__, 'icon': icon_path(),\n"
    "    'policy': str(resource_path('policy', POLICY_RESOURCE))}))\n"
)
#: A fee no real policy has: seen in the output, it proves which policy file was read.
MARKED_FEE = "71.25"
TIMEOUT_S = 180


def fake_tree(base: Path, *, installed: bool, checkout: bool) -> Path:
    """A package folder with the policy in the installed place, the checkout place, or both."""
    package = base / "certalign_gui"
    package.mkdir(parents=True)
    for root, wanted in ((package / "resources", installed), (base / "resources", checkout)):
        if wanted:
            (root / "policy").mkdir(parents=True)
            (root / "policy" / POLICY_RESOURCE).write_text(str(root), encoding="utf-8")
    return package


# --- the lookup ---------------------------------------------------------------------------


def test_this_checkout_reads_the_top_level_folder():
    assert resource_path(*POLICY) == ROOT / "resources" / "policy" / POLICY_RESOURCE
    assert icons.icon_path() == str(ROOT / "resources" / "icons" / "certalign.svg")
    assert resource_path("translations").is_dir()
    # Nothing is left in the package (it would shadow the top-level folder).
    assert not (PACKAGE / "resources").exists()


def test_an_installed_copy_comes_before_a_checkout_folder(tmp_path):
    package = fake_tree(tmp_path, installed=True, checkout=True)
    assert resource_roots(package) == (package / "resources", tmp_path / "resources")
    found = resource_path(*POLICY, package=package)
    assert found == package / "resources" / "policy" / POLICY_RESOURCE


def test_a_checkout_folder_is_used_when_there_is_no_installed_copy(tmp_path):
    package = fake_tree(tmp_path, installed=False, checkout=True)
    assert resource_path(*POLICY, package=package) == tmp_path / "resources" / "policy" / (
        POLICY_RESOURCE
    )


def test_a_missing_resource_names_what_and_where(tmp_path):
    package = fake_tree(tmp_path, installed=False, checkout=False)
    with pytest.raises(MissingResourceError) as caught:
        resource_path(*ICON, package=package)
    error = caught.value
    assert isinstance(error, FileNotFoundError)
    assert error.name == "resources/icons/certalign.svg"
    assert error.looked_in == (
        package / "resources" / "icons" / "certalign.svg",
        tmp_path / "resources" / "icons" / "certalign.svg",
    )
    assert str(error) == (
        "certalign's resources/icons/certalign.svg is missing (looked for "
        f"{package}/resources/icons/certalign.svg and {tmp_path}/resources/icons/certalign.svg)"
    )


def test_the_built_in_policy_without_its_file_is_a_policy_error(tmp_path, monkeypatch):
    package = fake_tree(tmp_path, installed=False, checkout=False)
    lookup = functools.partial(resource_path, package=package)
    monkeypatch.setattr(policy_module, "resource_path", lookup)
    with pytest.raises(PolicyError) as caught:
        load_policy()
    assert policy_path(caught.value) == f"(built in) {POLICY_RESOURCE}"
    problem = policy_problem(caught.value)
    assert "resources/policy/oems-alignment.toml is missing" in problem
    assert str(package / "resources" / "policy" / POLICY_RESOURCE) in problem


def test_a_broken_built_in_policy_names_the_file_it_read(tmp_path, monkeypatch):
    package = fake_tree(tmp_path, installed=True, checkout=False)
    monkeypatch.setattr(
        policy_module, "resource_path", functools.partial(resource_path, package=package)
    )
    with pytest.raises(PolicyError) as caught:
        load_policy()  # the fake file holds a folder name, not TOML
    assert caught.value.path == str(package / "resources" / "policy" / POLICY_RESOURCE)


def test_the_window_icon_without_its_file_is_empty_and_logged(qapp, tmp_path, monkeypatch, caplog):
    assert not icons.app_icon().isNull()
    package = fake_tree(tmp_path, installed=False, checkout=False)
    monkeypatch.setattr(icons, "resource_path", functools.partial(resource_path, package=package))
    with caplog.at_level(logging.WARNING, logger=icons.log.name):
        assert icons.app_icon().isNull()
    with pytest.raises(MissingResourceError) as expected:
        resource_path(*ICON, package=package)
    assert [record.getMessage() for record in caplog.records] == [str(expected.value)]


def test_no_other_module_builds_a_resource_path():
    # Only certalign_gui/basics/resource_lookup.py may know where the folder is.
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path == PACKAGE / "basics" / "resource_lookup.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            said = None
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                said = node.value if node.value.split("/")[0] == "resources" else None
            elif isinstance(node, ast.ImportFrom) and node.module == "importlib":
                said = (
                    "importlib.resources" if "resources" in [a.name for a in node.names] else None
                )
            elif isinstance(node, ast.Import):
                said = next((a.name for a in node.names if a.name == "importlib.resources"), None)
            if said:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: {said!r}")
    assert offenders == []


# --- the wheel's package list ----------------------------------------------------------------


def test_every_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]
    listed = config["setuptools"]["packages"]
    on_disk = {
        ".".join(folder.relative_to(ROOT).parts)
        for folder in [PACKAGE, *PACKAGE.rglob("*")]
        if folder.is_dir() and "__pycache__" not in folder.parts and any(folder.glob("*.py"))
    }
    # Every folder of Python code, and the resources mapped in as certalign_gui.resources.
    assert sorted(listed) == sorted(on_disk | {"certalign_gui.resources"})
    assert config["setuptools"]["package-dir"] == {"certalign_gui.resources": "resources"}
    assert config["setuptools"]["package-data"] == {"certalign_gui.resources": ["**/*"]}


# --- real runs of a copy of this checkout -----------------------------------------------------


def copy_checkout(target: Path) -> Path:
    """The checkout's files as they are now (tracked, or new and not ignored), in ``target``."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listing.split("\0")):
        source = ROOT / name
        if source.is_file():  # deleted or moved files are still listed until committed
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def mark_policy(resources: Path) -> None:
    """Give this copy's policy a fee of its own."""
    file = resources / "policy" / POLICY_RESOURCE
    text = file.read_text(encoding="utf-8")
    assert text.count('amount = "62.50"') == 1
    file.write_text(text.replace('amount = "62.50"', f'amount = "{MARKED_FEE}"'), encoding="utf-8")


def outside_env() -> dict[str, str]:
    # Nothing may point Python at this checkout: the copy (or its install) must be what runs.
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return env | {"QT_QPA_PLATFORM": "offscreen", "PYTHONDONTWRITEBYTECODE": "1"}


def run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=outside_env(), capture_output=True, text=True, timeout=TIMEOUT_S
    )


def assert_reads_from(python: Path, cwd: Path, copy: Path) -> None:
    probe = run([str(python), "-c", PROBE], cwd)
    assert probe.returncode == 0, probe.stderr
    where = json.loads(probe.stdout)
    assert Path(where["package"]) == copy / "certalign_gui" / "__init__.py"
    assert Path(where["policy"]) == copy / "resources" / "policy" / POLICY_RESOURCE
    assert Path(where["icon"]) == copy / "resources" / "icons" / "certalign.svg"


@pytest.fixture
def checkout(tmp_path) -> Path:
    return copy_checkout(tmp_path / "checkout")


def test_a_plain_checkout_runs_with_its_top_level_resources(checkout):
    # `python -m` from the checkout, no install of it: the copy's package is imported first.
    mark_policy(checkout / "resources")
    assert_reads_from(Path(sys.executable), checkout, checkout)
    answer = run([sys.executable, "-m", "certalign_gui.cli", *WORKED, "--json"], checkout)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["fee"]["amount"] == MARKED_FEE
    window = run([sys.executable, "-m", "certalign_gui", "--exit-after-startup"], checkout)
    assert window.returncode == 0, window.stderr
    assert "missing" not in window.stderr
    assert "Traceback" not in window.stderr


def test_a_checkout_without_resources_says_what_is_missing(checkout):
    shutil.rmtree(checkout / "resources")
    answer = run([sys.executable, "-m", "certalign_gui.cli", *WORKED], checkout)
    assert answer.returncode == 2
    assert answer.stdout == ""
    assert "Traceback" not in answer.stderr
    (line,) = answer.stderr.splitlines()
    assert "resources/policy/oems-alignment.toml is missing" in line
    assert str(checkout / "resources" / "policy" / POLICY_RESOURCE) in line
    assert str(checkout / "certalign_gui" / "resources" / "policy" / POLICY_RESOURCE) in line
    # (The window's way is the policy-error dialog, which waits for a click: see
    # tests/hardening/test_hardening_policy.py; its icon is test_the_window_icon_... above.)


def test_an_editable_install_runs_with_the_checkout_resources(checkout, tmp_path):
    # What `make run` does (pip install -e, then the certalign-gui script), in a fresh venv
    # whose only other packages are this venv's (a path entry, so nothing is downloaded).
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bindir / "python"
    site = run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], tmp_path
    )
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (Path(site.stdout.strip()) / "certalign-deps.pth").write_text(
        "\n".join(ours) + "\n", encoding="utf-8"
    )
    install = run(
        [str(python), "-m", "pip", "install", "--quiet", "--no-deps", "-e", str(checkout)],
        tmp_path,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    mark_policy(checkout / "resources")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert_reads_from(python, elsewhere, checkout)
    answer = run([str(bindir / "certalign"), *WORKED, "--json"], elsewhere)
    assert answer.returncode == 0, answer.stderr
    assert json.loads(answer.stdout)["fee"]["amount"] == MARKED_FEE
    window = run([str(bindir / "certalign-gui"), "--exit-after-startup"], elsewhere)
    assert window.returncode == 0, window.stderr
    assert "missing" not in window.stderr
