"""The rules core is pure: no Qt, no clock, only the standard library, pydantic and dateutil."""

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

import certalign_gui.rules

RULES_DIR = Path(certalign_gui.rules.__file__).parent
SOURCES = sorted(RULES_DIR.glob("*.py"))


@pytest.mark.parametrize("module", ["certalign_gui.rules", "certalign_gui.cli"])
def test_importing_loads_no_qt(module):
    code = (
        f"import sys, {module}\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(qt)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_rules_package_sources_exist():
    assert {path.name for path in SOURCES} >= {"engine.py", "models.py", "policy.py"}


@pytest.mark.parametrize(
    "pattern",
    [
        # The clock: "today" is always a parameter.
        r"date\.today",
        r"datetime\.now",
        r"datetime\.today",
        r"datetime\.utcnow",
        r"time\.time",
        r"time\.localtime",
        # Qt, in any binding.
        r"PySide6",
        r"PyQt",
        r"\bQt[A-Z]",
        r"shiboken",
    ],
)
def test_rules_source_never_mentions(pattern):
    for path in SOURCES:
        found = re.search(pattern, path.read_text(encoding="utf-8"))
        assert found is None, f"{path.name}: {found.group(0) if found else ''}"


def test_rules_import_only_the_standard_library_pydantic_and_dateutil():
    # pydantic_core is pydantic's own compiled half (its error types live there).
    allowed = set(sys.stdlib_module_names) | {
        "pydantic",
        "pydantic_core",
        "dateutil",
        "certalign_gui",
        "__future__",
    }
    for path in SOURCES:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                assert name.split(".")[0] in allowed, f"{path.name} imports {name}"
