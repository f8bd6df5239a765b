"""A hurried double-click on Next is one click: real X mouse events (xdotool) on the real
program, where the screen reader says Next is.

On the last question (step 4), Next is where the answer page has Back: without the guard,
the second click of the double-click would go back. The test then presses Tab, and waits
until the screen reader sees the focus move on the answer page: X events arrive in order,
so by then both clicks have been handled, and the page must still be the answer.
"""

from __future__ import annotations

from a11y_desktop import Desktop
from a11y_nodes import Node, describe, find_all, object_name
from a11y_program import running
from a11y_walk import NREMT_DATE, Session, Walk


def _centre(node: Node) -> tuple[int, int]:
    x, y, width, height = node["extents"]
    return x + width // 2, y + height // 2


def _button(session: Session, name: str) -> Node:
    tree = session.reader.tree()
    found = find_all(
        tree,
        lambda n: n["role"] == "push button" and n["name"] == name and "showing" in n["states"],
    )
    assert len(found) == 1, [describe(node) for node in found]
    return found[0]


def test_a_double_click_on_next_opens_the_answer_and_stays_there(desktop: Desktop) -> None:
    with running(desktop) as (app, reader):
        session = Session(desktop, app, reader, Walk())
        keys = session.keys
        session.wait_title(1)
        keys.key("Return")
        session.wait_title(2)
        keys.type("03/31/2025")
        keys.key("Return")
        session.wait_title(3)
        keys.key("alt+a")  # "Yes, it is &active"
        session.wait_focus(
            lambda n: object_name(n) == "nremtActiveRadio" and "checked" in n["states"],
            '"Yes, it is active" to be chosen',
        )
        keys.key("Tab")
        session.wait_focus(lambda n: object_name(n) == "nremtExpirationEdit", "the NREMT date")
        keys.type(NREMT_DATE)
        session.wait_focus(lambda n: n.get("text") == NREMT_DATE, "the NREMT date typed")
        keys.key("Return")
        session.wait_title(4)
        x, y = _centre(_button(session, "Next"))
        # Two clicks 80 ms apart on the same spot: one double-click to the system.
        desktop.xdotool("mousemove", str(x), str(y))
        desktop.xdotool("click", "--repeat", "2", "--delay", "80", "1")
        session.wait_title(5)
        session.wait_focus(lambda n: object_name(n) == "situationLabel", "the answer's headline")
        # What the answer page has where Next was: Back. It must not have been pressed.
        back = _button(session, "Back")
        assert abs(_centre(back)[0] - x) < back["extents"][2], "Back has moved: test the spot"
        keys.key("Tab")
        session.wait_focus(
            lambda n: object_name(n) == "explanationLabel", "Tab to reach the explanation"
        )
        assert session.title().startswith("Step 5 of 5"), session.title()
