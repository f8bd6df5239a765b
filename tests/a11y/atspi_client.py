"""A tiny screen reader: what AT-SPI shows of one application, as JSON lines.

Run with Debian's Python (``/usr/bin/python3``), which has pyatspi and gi; the project's
venv has neither. The tests (``a11y_program.ScreenReader``) start it once per application
and talk to it over stdin/stdout, one JSON object per line each way::

    {"cmd": "tree"}               -> {"ok": true, "tree": NODE}  (NODE: see `_node`)
    {"cmd": "focused"}            -> {"ok": true, "focused": NODE or null, "ancestors": [...]}
    {"cmd": "focused", "ancestors": false}  -> the same without the ancestors (quicker)
    {"cmd": "events"}             -> {"ok": true, "events": [...]}  (and forgets them)
    {"cmd": "quit"}               -> {"ok": true}, then exits

The application is found by its process id (``--pid``). Events (announcements, focus,
expanded) are collected from the moment the client starts, by a GLib main loop that
also reads the commands. Only each object's list of interfaces is cached; every other
answer is read from the application when asked.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback

import gi

gi.require_version("Atspi", "2.0")
import pyatspi  # noqa: E402
from gi.repository import Atspi, GLib  # noqa: E402

#: The events a screen reader would speak from (and that the tests look at).
EVENTS = (
    "object:announcement",
    "object:state-changed:focused",
    "object:state-changed:expanded",
    "window:activate",
)
#: A tree deeper than this is a loop, not a window.
MAX_DEPTH = 40


def _states(acc) -> list[str]:
    states = acc.get_state_set().get_states()
    return sorted(Atspi.StateType(state).value_nick for state in states)


def _safe(getter, default=None):
    try:
        return getter()
    except Exception:  # an object that went away, or an interface it does not have
        return default


def _text(acc) -> str | None:
    iface = _safe(acc.get_text_iface)
    if iface is None:
        return None
    count = _safe(iface.get_character_count, 0)
    return _safe(lambda: iface.get_text(0, count), None)


def _extents(acc) -> list[int] | None:
    component = _safe(acc.get_component_iface)
    if component is None:
        return None
    rect = _safe(lambda: component.get_extents(Atspi.CoordType.SCREEN))
    return None if rect is None else [rect.x, rect.y, rect.width, rect.height]


def _table(acc) -> dict | None:
    table = _safe(acc.get_table_iface)
    if table is None:
        return None
    rows = _safe(table.get_n_rows, 0)
    columns = _safe(table.get_n_columns, 0)
    headers = [_safe(lambda c=c: table.get_column_description(c), "") for c in range(columns)]
    cells = []
    for row in range(rows):
        line = []
        for column in range(columns):
            cell = _safe(lambda r=row, c=column: table.get_accessible_at(r, c))
            line.append(_safe(cell.get_name, "") if cell is not None else None)
        cells.append(line)
    return {"rows": rows, "columns": columns, "headers": headers, "cells": cells}


def _relations(acc) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for relation in _safe(acc.get_relation_set, []) or []:
        kind = Atspi.RelationType(relation.get_relation_type()).value_nick
        targets = [
            _safe(relation.get_target(i).get_name, "") for i in range(relation.get_n_targets())
        ]
        found[kind] = targets
    return found


def _brief(acc) -> dict:
    """Just enough to know an object again: role, name, id, states, extents."""
    return {
        "role": _safe(acc.get_role_name, "?"),
        "name": _safe(acc.get_name, "") or "",
        "id": _safe(acc.get_accessible_id, "") or "",
        "states": _safe(lambda: _states(acc), []),
        "extents": _extents(acc),
    }


def _node(acc, *, children: bool = True, depth: int = 0) -> dict:
    """Everything a screen reader could say about ``acc`` (and, by default, its subtree)."""
    states = _safe(lambda: _states(acc), [])
    if "showing" not in states and depth > 0:
        # Off screen (another page, a closed panel): only what the hidden-focus check needs.
        info = _brief(acc)
        kids = [] if depth >= MAX_DEPTH else _children(acc)
        info["children"] = [_node(child, depth=depth + 1) for child in kids]
        return info
    interfaces = _safe(acc.get_interfaces, []) or []
    info = {
        "role": _safe(acc.get_role_name, "?"),
        "name": _safe(acc.get_name, "") or "",
        "description": _safe(acc.get_description, "") or "",
        "id": _safe(acc.get_accessible_id, "") or "",
        "states": states,
        "interfaces": sorted(interfaces),
        "extents": _extents(acc),
        "attributes": _safe(acc.get_attributes, {}) or {},
        "relations": _relations(acc),
    }
    text = _text(acc)
    if text is not None:
        info["text"] = text
    table = _table(acc) if "Table" in interfaces else None
    if table is not None:
        info["table"] = table
    if "Action" in interfaces:
        count = _safe(acc.get_n_actions, 0)
        info["actions"] = [_safe(lambda i=i: acc.get_action_name(i), "") for i in range(count)]
    if children and depth < MAX_DEPTH:
        info["children"] = [_node(child, depth=depth + 1) for child in _children(acc)]
    return info


def _children(acc) -> list:
    kids = []
    for index in range(_safe(acc.get_child_count, 0)):
        child = _safe(lambda i=index: acc.get_child_at_index(i))
        if child is not None:
            kids.append(child)
    return kids


class Reader:
    """The application's accessible root, the events seen, and the commands."""

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.app = None
        self.events: list[dict] = []
        self.focused = None

    def find_app(self, timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            desktop = Atspi.get_desktop(0)
            for index in range(desktop.get_child_count()):
                app = _safe(lambda d=desktop, i=index: d.get_child_at_index(i))
                if app is not None and _safe(app.get_process_id) == self.pid:
                    # Read every property from the application each time (no stale states
                    # or names), except which interfaces an object has: that never changes,
                    # and asking costs a few milliseconds per object.
                    _safe(lambda a=app: a.set_cache_mask(Atspi.Cache.INTERFACES))
                    self.app = app
                    return True
            time.sleep(0.1)
        return False

    def on_event(self, event) -> None:
        source = event.source
        if _safe(source.get_process_id) != self.pid:
            return
        if event.type.startswith("object:state-changed:focused") and event.detail1:
            self.focused = source
        self.events.append(
            {
                "type": event.type,
                "detail1": event.detail1,
                "data": event.any_data if isinstance(event.any_data, str) else None,
                "time": time.monotonic(),
                "source": _safe(lambda: _brief(source), {}),
            }
        )

    def _ancestors(self, acc) -> list[dict]:
        chain = []
        parent = _safe(acc.get_parent)
        while parent is not None and len(chain) < MAX_DEPTH:
            chain.append(_brief(parent))
            if _safe(parent.get_role) == Atspi.Role.APPLICATION:
                break
            parent = _safe(parent.get_parent)
        return chain

    def _find_focused(self, acc, found: list, depth: int = 0) -> None:
        """Every showing object with the focused state, in tree order."""
        states = _safe(acc.get_state_set)
        if states is None or (depth > 1 and not states.contains(Atspi.StateType.SHOWING)):
            return
        if states.contains(Atspi.StateType.FOCUSED):
            found.append(acc)
        for child in _children(acc):
            self._find_focused(child, found, depth + 1)

    def _focus(self):
        """The object with the keyboard focus: the last focus event's, or a search.

        Qt also marks a table's current cell "focused" while the focus is elsewhere, so a
        table cell counts only when nothing else is focused.
        """
        acc = self.focused
        states = _safe(acc.get_state_set) if acc is not None else None
        if states is not None and states.contains(Atspi.StateType.FOCUSED):
            return acc
        found: list = []
        self._find_focused(self.app, found)
        real = [a for a in found if _safe(a.get_role) != Atspi.Role.TABLE_CELL]
        return (real or found or [None])[0]

    def command(self, request: dict) -> dict:
        cmd = request.get("cmd")
        if cmd == "tree":
            return {"ok": True, "tree": _node(self.app)}
        if cmd == "focused":
            acc = self._focus()
            if acc is None:
                return {"ok": True, "focused": None, "ancestors": []}
            return {
                "ok": True,
                "focused": _node(acc, children=False),
                "ancestors": self._ancestors(acc) if request.get("ancestors", True) else [],
            }
        if cmd == "events":
            events, self.events = self.events, []
            return {"ok": True, "events": events}
        if cmd == "quit":
            return {"ok": True, "quit": True}
        return {"ok": False, "error": f"unknown command {cmd!r}"}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pid", type=int, required=True)
    parser.add_argument("--timeout", type=float, default=20.0)
    args = parser.parse_args()

    reader = Reader(args.pid)
    for kind in EVENTS:
        pyatspi.Registry.registerEventListener(reader.on_event, kind)
    found = reader.find_app(args.timeout)
    out = sys.stdout
    out.write(json.dumps({"ok": found, "error": None if found else "application not found"}))
    out.write("\n")
    out.flush()
    if not found:
        return 1

    loop = GLib.MainLoop()
    pending = b""

    def on_input(fd: int, _condition: GLib.IOCondition) -> bool:
        nonlocal pending
        chunk = os.read(fd, 65536)
        if not chunk:
            loop.quit()
            return False
        pending += chunk
        while b"\n" in pending:
            line, pending = pending.split(b"\n", 1)
            try:
                answer = reader.command(json.loads(line))
            except Exception:
                answer = {"ok": False, "error": traceback.format_exc()}
            out.write(json.dumps(answer) + "\n")
            out.flush()
            if answer.get("quit"):
                loop.quit()
                return False
        return True

    GLib.unix_fd_add_full(
        GLib.PRIORITY_DEFAULT,
        sys.stdin.fileno(),
        GLib.IOCondition.IN | GLib.IOCondition.HUP,
        on_input,
    )
    loop.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
