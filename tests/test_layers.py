"""Only the window (`gui`) and the program's start (`app`) know widgets.

import-linter (`make lint`) checks the layers between the program's own packages; it cannot
forbid a part of an outside package, so this test reads every module's imports for Qt's
widget and printing modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import certalign_gui

PACKAGE = Path(certalign_gui.__file__).parent
WIDGETS = ("PySide6.QtWidgets", "PySide6.QtPrintSupport")
#: Where widgets belong.
ALLOWED = ("gui", "app.py")


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def _modules_outside_the_window() -> list[Path]:
    return [
        path
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.relative_to(PACKAGE).parts[0] not in ALLOWED
    ]


@pytest.mark.parametrize(
    "path", _modules_outside_the_window(), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_widgets_outside_the_window(path):
    widgets = {name for name in _imports(path) if name.startswith(WIDGETS)}
    assert widgets == set()


def test_the_scan_sees_the_window_s_widgets():
    # The same scan finds them where they belong: it is not blind.
    assert "PySide6.QtWidgets" in _imports(PACKAGE / "gui" / "wizard" / "alignment_wizard.py")


def test_every_module_name_is_used_once():
    # `export`, `cli`, `details`, `links` and `timeline` once each named two modules in
    # different layers; a traceback or a log line naming one was ambiguous.
    seen: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name not in ("__init__.py", "__main__.py"):
            seen.setdefault(path.stem, []).append(str(path.relative_to(PACKAGE)))
    assert {name: paths for name, paths in seen.items() if len(paths) > 1} == {}


def test_the_gui_has_its_three_rooms_and_nothing_loose():
    # Every window module lives in a room: the wizard, the roster window, or the shell.
    loose = sorted(p.name for p in (PACKAGE / "gui").glob("*.py") if p.name != "__init__.py")
    rooms = sorted(p.name for p in (PACKAGE / "gui").iterdir() if (p / "__init__.py").exists())
    assert (loose, rooms) == ([], ["roster", "shell", "wizard"])
