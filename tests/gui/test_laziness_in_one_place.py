"""What loads when is decided in one place: the composition root, `certalign_gui.app`.

Every module of the window imports at its top. An import inside a function is allowed only
where loading later is the point, and then only in app.py, which hands what it loaded to
the parts that need it.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "certalign_gui"

#: Every import inside a function (file, what it imports), and why loading later is the point.
ALLOWED = {
    # The rules bring pydantic and the policy file: they load right after the first paint.
    ("app.py", "from certalign_gui.rules import PolicyError, load_policy"),
    # The question and answer pages (and the rules through them): after the first paint.
    ("app.py", "from certalign_gui.gui.wizard.later_pages import build_later_pages"),
    # The answer's content: when the first answer is shown.
    ("app.py", "from certalign_gui.gui.wizard.results_view import ResultsView"),
    # Print, PDF and calendar (QtPrintSupport, segno, icalendar): when a button asks.
    ("app.py", "from certalign_gui.gui.wizard import take_home"),
    # The printers and the print dialog (QtPrintSupport): when printing is asked for.
    ("app.py", "from certalign_gui.gui.shell import printing"),
    # The training officer's roster window: when it is first opened.
    ("app.py", "from certalign_gui.gui.roster.window import RosterWindow"),
    # A screen reader's interfaces: when an assistive technology first asks.
    ("app.py", "from certalign_gui.gui.shell import accessible_interfaces"),
    # The words for a broken policy file (they import the rules): only when it is broken.
    ("app.py", "from certalign_gui.presentation import policy_words"),
    ("app.py", "from certalign_gui.gui.shell import message_boxes"),
    # The save flow's dialogs (QFileDialog, QMessageBox, atomic writes): with the later pages.
    ("app.py", "from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow"),
    # The log file's writer (logging.handlers brings pickle, queue, socket): first log line.
    ("app.py", "from logging.handlers import RotatingFileHandler"),
}


def imports_inside_functions(path: Path) -> list[tuple[int, str]]:
    """(line, the statement) of every import inside a function of ``path``."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inside = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
            if in_function and isinstance(child, ast.Import):
                found.extend((child.lineno, f"import {alias.name}") for alias in child.names)
            elif in_function and isinstance(child, ast.ImportFrom):
                source = "." * child.level + (child.module or "")
                names = ", ".join(alias.name for alias in child.names)
                found.append((child.lineno, f"from {source} import {names}"))
            visit(child, inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


def window_modules() -> list[Path]:
    return [PACKAGE / "app.py", *sorted((PACKAGE / "gui").rglob("*.py"))]


def test_the_window_imports_at_the_top_except_where_the_composition_root_waits():
    found = {
        (str(path.relative_to(PACKAGE)), module, line)
        for path in window_modules()
        for line, module in imports_inside_functions(path)
    }
    unexpected = sorted(item for item in found if item[:2] not in ALLOWED)
    assert not unexpected, f"imports inside functions; move them to the top: {unexpected}"
    # The list stays short and true: every entry is still needed.
    assert {item[:2] for item in found} == ALLOWED


def test_the_counter_finds_imports_in_functions_and_methods_only(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import os\n"
        "from typing import TYPE_CHECKING\n"
        "if TYPE_CHECKING:\n"
        "    import json\n"
        "def f():\n"
        "    import html\n"
        "    def g():\n"
        "        from . import sibling\n"
        "class C:\n"
        "    def m(self):\n"
        "        from logging import handlers\n",
        encoding="utf-8",
    )
    assert imports_inside_functions(sample) == [
        (6, "import html"),
        (8, "from . import sibling"),
        (11, "from logging import handlers"),
    ]
