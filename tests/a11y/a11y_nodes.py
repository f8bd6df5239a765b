"""What the screen reader client returns, read and written out.

A node is the JSON the client makes of one accessible object: role, name, description,
accessible id (Qt's path of object names), states, interfaces, extents, attributes,
relations, Text, Table, actions, and its children.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

Node = dict[str, Any]


def object_name(node: Node | None) -> str:
    """The Qt object name at the end of a node's accessible id ("" without one)."""
    return (node or {}).get("id", "").rsplit(".", 1)[-1]


def on_page(node: Node | None, page: str) -> bool:
    """True when ``node`` lies inside the wizard page ``page`` (by its accessible id)."""
    return f".{page}." in (node or {}).get("id", "")


def iter_nodes(node: Node, *, showing_only: bool = False) -> Iterator[Node]:
    """``node`` and everything under it, in tree order (depth first)."""
    if showing_only and "showing" not in node["states"]:
        return
    yield node
    for child in node.get("children", ()):
        yield from iter_nodes(child, showing_only=showing_only)


def find(tree: Node, name: str) -> Node | None:
    """The first node whose object name is ``name``."""
    return next((node for node in iter_nodes(tree) if object_name(node) == name), None)


def find_all(tree: Node, test: Callable[[Node], bool]) -> list[Node]:
    """Every node that passes ``test``, in tree order."""
    return [node for node in iter_nodes(tree) if test(node)]


def focusable_showing(tree: Node) -> list[Node]:
    """The controls a person can reach: focusable and on screen."""
    return find_all(tree, lambda n: {"focusable", "showing"} <= set(n["states"]))


def hidden_focusable(tree: Node) -> list[Node]:
    """What a screen reader lists as focusable although it is not on screen."""
    return find_all(tree, lambda n: "focusable" in n["states"] and "showing" not in n["states"])


def describe(node: Node | None, *, text_chars: int = 140) -> str:
    """One line: role "name" [states] #objectName, then description, Text, attributes."""
    if node is None:
        return "(nothing)"
    states = [
        state
        for state in node["states"]
        if state
        in {
            "showing",
            "focusable",
            "focused",
            "checked",
            "expandable",
            "expanded",
            "collapsed",
            "editable",
            "sensitive",
        }
    ]
    line = f'{node["role"]} "{node["name"]}" [{", ".join(states)}] #{object_name(node)}'
    if node.get("description"):
        line += f" desc={node['description'][:text_chars]!r}"
    text = node.get("text")
    if text:
        line += f" text={text[:text_chars]!r}"
    if node.get("attributes"):
        line += f" attrs={node['attributes']}"
    if node.get("table"):
        table = node["table"]
        line += f" table={table['rows']}x{table['columns']} headers={table['headers']}"
    return line


def format_tree(tree: Node, *, showing_only: bool = True, text_chars: int = 140) -> str:
    """The tree as indented lines (by default only what is on screen)."""
    lines: list[str] = []

    def add(node: Node, depth: int) -> None:
        if showing_only and "showing" not in node["states"]:
            return
        lines.append("  " * depth + describe(node, text_chars=text_chars))
        for child in node.get("children", ()):
            add(child, depth + 1)

    add(tree, 0)
    return "\n".join(lines)


def is_announcement(event: dict[str, Any]) -> bool:
    """An AT-SPI announcement: a message the screen reader says at once."""
    return str(event["type"]).startswith("object:announcement")
