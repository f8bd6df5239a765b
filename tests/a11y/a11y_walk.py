"""Walk the wizard with real keys and record what a screen reader sees at each step.

`walk()` is shared by the AT-SPI test (which asserts on what it records) and by
``tools/a11y_tree.py`` (which prints it). It runs the first worked example of RULES.md:
advice date January 10, 2025; Massachusetts expires March 31, 2025; NREMT active until
March 31, 2026. A step that cannot go on stops the walk; `Walk.error` says where and why,
with the tree as it was.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from a11y_desktop import STEP_TIMEOUT_S, Desktop, HarnessError, Keyboard, wait_for
from a11y_nodes import (
    Node,
    describe,
    format_tree,
    hidden_focusable,
    is_announcement,
    object_name,
    on_page,
)
from a11y_program import App, ScreenReader, running

MA_IMPOSSIBLE = "04/31/2025"
MA_DATE = "3/31/2025"
NREMT_DATE = "03/31/2026"
NAME = "Jane Doe"
STRAY_KEY = "Q"
#: The wizard's pages: (step in the title, page object name, where focus must land).
PAGES = {
    "welcome": (1, "welcomePage", "pageHeading"),
    "ma": (2, "maPage", "maExpirationEdit"),
    "nremt": (3, "nremtPage", "nremtActiveRadio"),
    "details": (4, "detailsPage", "nameEdit"),
    "results": (5, "resultsPage", "situationLabel"),
}
#: How long the program may take to move the focus after a key (it takes a few ms).
FOCUS_WAIT_S = 3.0
#: Enough Tab presses to go round the answer page (about 30 stops) and back to the top.
MAX_TABS = 80


@dataclass
class Snapshot:
    """What the screen reader had at one step."""

    step: str
    title: str
    focused: Node | None
    ancestors: list[Node]
    tree: Node | None = None
    events: list[dict[str, Any]] = field(default_factory=list)

    def explain(self) -> str:
        """The snapshot in words, for a failure message."""
        lines = [
            f"step {self.step!r}: window title {self.title!r}",
            f"focused: {describe(self.focused)}",
        ]
        if self.ancestors:
            lines.append(
                "focus inside: "
                + " < ".join(describe(a, text_chars=40) for a in self.ancestors[:4])
            )
        if self.tree is not None:
            lines.append("tree (showing):\n" + format_tree(self.tree))
        return "\n".join(lines)


@dataclass
class TabStop:
    """Where one Tab press left the focus on the answer page."""

    node: Node | None
    ancestors: list[Node]

    def content_rect(self) -> tuple[int, int, int, int] | None:
        """Extents inside the scrolled answer (so scrolling does not change them)."""
        if self.node is None or self.node.get("extents") is None:
            return None
        x, y, w, h = self.node["extents"]
        content = next((a for a in self.ancestors if object_name(a) == "resultsContent"), None)
        if content is None or content.get("extents") is None:
            return None
        cx, cy, _cw, _ch = content["extents"]
        return (x - cx, y - cy, w, h)


@dataclass(repr=False)
class Walk:
    """Everything recorded, by step name; ``error`` when the walk had to stop."""

    snapshots: dict[str, Snapshot] = field(default_factory=dict)
    tab_stops: list[TabStop] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    error: str | None = None
    seconds: float = 0.0
    app_output: str = ""

    def __repr__(self) -> str:
        steps = ", ".join(self.snapshots)
        return f"<Walk {self.seconds:.0f} s: {steps}; error={self.error is not None}>"


class Session:
    """One running program, its screen reader and a keyboard, with waits that explain."""

    def __init__(self, desktop: Desktop, app: App, reader: ScreenReader, record: Walk) -> None:
        self.desktop = desktop
        self.app = app
        self.reader = reader
        self.keys = Keyboard(desktop)
        self.record = record

    def title(self) -> str:
        return self.desktop.window_name(self.app.window)

    def collect_events(self) -> list[dict[str, Any]]:
        new = self.reader.events()
        self.record.events.extend(new)
        return new

    def focused(self, *, ancestors: bool = True) -> tuple[Node | None, list[Node]]:
        return self.reader.focused(ancestors=ancestors)

    def snapshot(
        self, step: str, *, tree: bool = True, events: list[Any] | None = None
    ) -> Snapshot:
        focused, ancestors = self.focused()
        shot = Snapshot(
            step=step,
            title=self.title(),
            focused=focused,
            ancestors=ancestors,
            tree=self.reader.tree() if tree else None,
            events=list(events or []),
        )
        self.record.snapshots[step] = shot
        return shot

    def wait_title(self, step: int) -> str:
        prefix = f"Step {step} of 5"
        return wait_for(
            lambda: (title := self.title()).startswith(prefix) and title,
            f"the window title to say {prefix!r}",
            explain=lambda: f"title: {self.title()!r}",
        )

    def wait_focus(
        self, test: Callable[[Node], bool], what: str, timeout: float = STEP_TIMEOUT_S
    ) -> Node:
        def probe() -> Node | None:
            node, _ancestors = self.focused(ancestors=False)
            return node if node is not None and test(node) else None

        return wait_for(
            probe, what, timeout, explain=lambda: f"focused: {describe(self.focused()[0])}"
        )

    def wait_event(
        self, test: Callable[[dict[str, Any]], bool], what: str, timeout: float = STEP_TIMEOUT_S
    ) -> dict[str, Any]:
        seen: list[dict[str, Any]] = []

        def probe() -> dict[str, Any] | None:
            seen.extend(self.collect_events())
            return next((event for event in seen if test(event)), None)

        return wait_for(
            probe,
            what,
            timeout,
            explain=lambda: (
                "events seen:\n"
                + "\n".join(
                    f"  {e['type']} {e.get('data')!r} on {describe(e['source'])}" for e in seen
                )
            ),
        )

    def events_until(self, test: Callable[[dict[str, Any]], bool], timeout: float) -> list[Any]:
        """Every event until one passes ``test`` (or ``timeout``): what the program said."""
        seen: list[dict[str, Any]] = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen.extend(self.collect_events())
            if any(test(event) for event in seen):
                break
            time.sleep(0.05)
        return seen

    def settle_focus(self, test: Callable[[Node], bool], timeout: float) -> Node | None:
        """Wait up to ``timeout`` for the focus to pass ``test``; the focus either way.

        For what the program is being tested on: a wrong focus is recorded, not fatal.
        """
        with contextlib.suppress(HarnessError):
            return self.wait_focus(test, "the focus", timeout)
        return self.focused()[0]

    def arrive(self, page: str, *, tree: bool = True, step: str | None = None) -> Snapshot:
        """After a page change: the title first, then the focus, then what is on screen."""
        number, page_name, target = PAGES[page]
        self.wait_title(number)
        self.settle_focus(
            lambda node: object_name(node) == target and on_page(node, page_name), FOCUS_WAIT_S
        )
        self.collect_events()
        return self.snapshot(step or page, tree=tree)


def _same(node: Node | None, other: Node | None) -> bool:
    """The same object (by accessible id and name), for "did the focus move"."""
    if node is None or other is None:
        return node is other
    return (node["id"], node["name"]) == (other["id"], other["name"])


def _walk_answer_page(session: Session) -> None:
    """Tab from the headline round the answer page; open the first "Why?" on the way."""
    record = session.record
    first, ancestors = session.focused()
    record.tab_stops.append(TabStop(first, ancestors))
    opened_why = False
    previous = first
    for _ in range(MAX_TABS):
        session.keys.key("Tab")
        session.wait_focus(
            lambda node, previous=previous: _same(node, previous) is False,
            "Tab to move the focus",
        )
        # The ancestors with the node as it is now (extents after any scrolling).
        node, ancestors = session.focused()
        if _same(node, first):
            break
        record.tab_stops.append(TabStop(node, ancestors))
        if not opened_why and object_name(node) == "whyButton":
            opened_why = True
            session.collect_events()
            session.snapshot("why-collapsed", tree=False)
            session.keys.key("space")
            session.settle_focus(lambda n: "expanded" in n["states"], FOCUS_WAIT_S)
            said = session.events_until(is_announcement, FOCUS_WAIT_S)
            session.snapshot("why-expanded", tree=True, events=said)
        previous = node


def walk(desktop: Desktop) -> Walk:
    """Run the worked example from the first page to the answer, recording each step."""
    record = Walk()
    started = time.monotonic()
    try:
        with running(desktop) as (app, reader):
            session = Session(desktop, app, reader, record)
            try:
                _steps(session)
            except HarnessError as error:
                record.error = str(error)
                try:
                    record.snapshots["failed"] = session.snapshot("failed")
                    record.error += "\n" + record.snapshots["failed"].explain()
                except HarnessError as again:
                    record.error += f"\n(no tree either: {again})"
            record.app_output = app.output()
    except HarnessError as error:
        record.error = str(error)
    record.seconds = time.monotonic() - started
    return record


def _steps(session: Session) -> None:
    keys = session.keys
    session.arrive("welcome")

    keys.key("Return")
    session.arrive("ma")

    keys.type(MA_IMPOSSIBLE)
    said = session.events_until(
        lambda e: is_announcement(e) and "30 days" in (e["data"] or ""), FOCUS_WAIT_S
    )
    session.snapshot("ma-impossible", events=said)

    keys.key("ctrl+a")
    keys.type(MA_DATE)
    session.wait_focus(lambda n: n.get("text") == MA_DATE, f"the field to hold {MA_DATE}")
    session.snapshot("ma-typed", tree=False)
    keys.key("Return")
    session.arrive("nremt")

    keys.key("space")
    session.wait_focus(lambda n: "checked" in n["states"], "the radio to be checked")
    keys.key("Tab")
    session.wait_focus(
        lambda n: object_name(n) == "nremtExpirationEdit", "Tab to reach the NREMT date"
    )
    keys.type(NREMT_DATE)
    session.wait_focus(lambda n: n.get("text") == NREMT_DATE, f"the field to hold {NREMT_DATE}")
    session.snapshot("nremt-answered")

    keys.key("Return")
    session.arrive("details")
    keys.type(NAME)
    session.wait_focus(lambda n: n.get("text") == NAME, f"the name field to hold {NAME}")

    keys.key("Return")
    session.arrive("results")
    # A letter typed on the answer must reach nothing hidden (it once went into the name).
    keys.type(STRAY_KEY)
    _walk_answer_page(session)

    # Later visits: Back, Next again, Start over (Ctrl+N).
    session.keys.key("alt+b")
    session.arrive("details", tree=False, step="back-to-details")
    keys.key("Return")
    session.arrive("results", tree=False, step="results-again")
    keys.key("ctrl+n")
    session.arrive("welcome", tree=False, step="start-over")


#: The snapshots a report prints, in the order a person meets them.
REPORTED = (
    ("welcome", "Page 1: welcome"),
    ("ma", "Page 2: Massachusetts (empty, on arrival)"),
    ("ma-impossible", "Page 2: Massachusetts, after typing 04/31/2025"),
    ("nremt", "Page 3: NREMT (on arrival)"),
    ("nremt-answered", "Page 3: NREMT, active, 03/31/2026 typed"),
    ("details", "Page 4: details (on arrival)"),
    ("results", "Page 5: the answer (on arrival)"),
    ("why-expanded", 'Page 5: the answer, first "Why?" open'),
)


def report(record: Walk) -> str:
    """The walk as text."""
    out: list[str] = []
    for step, heading in REPORTED:
        shot = record.snapshots.get(step)
        if shot is None:
            continue
        out += [f"== {heading}", f"window title: {shot.title}", f"focus: {describe(shot.focused)}"]
        for event in filter(is_announcement, shot.events):
            out.append(
                f"announced: {event.get('data')!r} (on {describe(event['source'], text_chars=40)})"
            )
        if shot.tree is not None:
            out.append(format_tree(shot.tree))
            hidden = hidden_focusable(shot.tree)
            out.append(f"(not showing but focusable: {len(hidden)})")
        out.append("")
    if record.tab_stops:
        out.append("== Page 5: the answer, top to bottom (each Tab press, from the headline)")
        for number, stop in enumerate(record.tab_stops):
            where = stop.content_rect() or tuple(stop.node["extents"] or ()) if stop.node else ()
            out.append(f"{number:2d}. {describe(stop.node, text_chars=400)} at {where}")
        out.append("")
    for step in ("back-to-details", "results-again", "start-over"):
        shot = record.snapshots.get(step)
        if shot is not None:
            out.append(f"after {step}: {shot.title!r}, focus: {describe(shot.focused)}")
    if record.error:
        out.append(f"\nTHE WALK STOPPED: {record.error}")
    out.append(f"\n({record.seconds:.1f} s)")
    return "\n".join(out)
