"""No English in the rules: they return facts (codes, dates, numbers), the presentation says them.

The rule, precisely. Every string literal in ``certalign_gui/rules/*.py`` (f-string parts
included) that holds an ASCII letter must be one of:

1. a docstring (the first statement of a module, class or function);
2. a code or identifier: lowercase ``snake_case`` (dotted for module paths, such as
   ``certalign_gui.rules.engine``), or ALL-CAPS (``USD``, ``JSON``), or a name the module
   itself defines or imports (the names listed in ``__all__``);
3. a file, host or codec name: ``oems-alignment.toml``, ``.json``, ``mass.gov``, ``utf-8``;
4. the format spec of an f-string field (the ``02d`` of ``{month:02d}``);
5. a regular expression: it holds a group ``(?``, a class ``[a-z`` or an escape ``\\d``,
   which no sentence does.

Anything else (a sentence, a capitalised word such as "Massachusetts", a "field: message"
string) fails, naming the file, the line and the text.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import certalign_gui.rules

RULES = Path(certalign_gui.rules.__file__).parent
_LETTER = re.compile(r"[A-Za-z]")
_CODE = re.compile(r"[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)*|[A-Z][A-Z0-9_]*")
_FILE_OR_HOST = re.compile(r"[a-z0-9][a-z0-9-]*(\.[a-z0-9-]+)+|\.[a-z0-9]+|[a-z]+-[0-9]+")
_REGEX = re.compile(r"\(\?|\[a-z|\\d")


def _defined_names(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).rsplit(".", 1)[-1])
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
    return names


def english_literals(source: str) -> list[tuple[int, str]]:
    """The string literals of ``source`` that the rule above refuses, with their lines."""
    tree = ast.parse(source)
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
        and isinstance(node.body[0].value.value, str)
    }
    format_specs = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.FormattedValue) and node.format_spec is not None
        for part in ast.walk(node.format_spec)
    }
    names = _defined_names(tree)
    refused = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            continue
        text = node.value
        if (
            not _LETTER.search(text)
            or id(node) in docstrings
            or id(node) in format_specs
            or _CODE.fullmatch(text)
            or text in names
            or _FILE_OR_HOST.fullmatch(text)
            or _REGEX.search(text)
        ):
            continue
        refused.append((node.lineno, text))
    return refused


@pytest.mark.parametrize("path", sorted(RULES.glob("*.py")), ids=lambda path: path.name)
def test_no_english_in_the_rules(path):
    assert english_literals(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize(
    ("source", "refused"),
    [
        # A sentence, a capitalised word, a "field: message" string, an f-string's words.
        ('X = "the year must be between 1950 and 2199"',
         [(1, "the year must be between 1950 and 2199")]),
        ('which = "Massachusetts"', [(1, "Massachusetts")]),
        ('raise ValueError("nremt_expiration: leave it empty")',
         [(1, "nremt_expiration: leave it empty")]),
        ('x = f"Policy file {path}"', [(1, "Policy file ")]),
        # Codes, identifiers, files, hosts, format specs, patterns and docstrings pass.
        ('"""A docstring: any words."""\nX = ("missing", "USD", "oems-alignment.toml")', []),
        ('HOSTS = ("mass.gov", "www.nremt.org")\nX = "utf-8"\nY = ".json"', []),
        ('x = f"{month:02d}/{day:02d}"', []),
        ('import re\nP = re.compile(r"(?P<month>[a-z]+)")\nQ = r"(\\d{4})"', []),
        ('__all__ = ["Policy"]\nclass Policy: pass', []),
    ],
)  # fmt: skip
def test_the_rule_refuses_sentences_and_passes_codes(source, refused):
    assert english_literals(source) == refused
