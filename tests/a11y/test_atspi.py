"""What a screen reader gets, page by page, through the real Linux accessibility stack.

certalign-gui runs on a private desktop (Xvfb, openbox, D-Bus, the AT-SPI bus) and is
driven with real X key events; a small AT-SPI client (pyatspi, Debian's Python) reads
the tree between the steps (`a11y_walk.walk`). The walk runs once for this module; each
test below asserts one thing about what it recorded, and a failure prints the tree the
screen reader had (what is on screen, with roles, names, states and Text).

``.venv/bin/python tools/a11y_tree.py`` prints the same walk in full.
"""

from __future__ import annotations

import itertools
from collections import Counter
from datetime import date

import pytest
from a11y_desktop import Desktop
from a11y_nodes import (
    Node,
    describe,
    find,
    find_all,
    focusable_showing,
    format_tree,
    hidden_focusable,
    is_announcement,
    iter_nodes,
    object_name,
    on_page,
)
from a11y_walk import NAME, PAGES, Snapshot, TabStop, Walk, report, walk

from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.rules import Assessment, Situation, assess, load_policy

#: Snapshots with a whole tree: every page, and the states in between that matter.
TREES = (
    "welcome",
    "ma",
    "ma-impossible",
    "nremt",
    "nremt-answered",
    "details",
    "results",
    "why-expanded",
)
#: After each page change: (snapshot, page key in PAGES).
ARRIVALS = (
    ("welcome", "welcome"),
    ("ma", "ma"),
    ("nremt", "nremt"),
    ("details", "details"),
    ("results", "results"),
    ("back-to-details", "details"),
    ("results-again", "results"),
    ("start-over", "welcome"),
)
#: The answer page's bottom row, left to right (outside the scrolled answer).
BUTTON_ROW = ("printButton", "savePdfButton", "saveIcsButton", "startOverButton")
#: The answer page's section headings (level 2), as shown.
SECTION_HEADINGS = ("What to do", "Key dates", "Links")


@pytest.fixture(scope="module")
def record(desktop: Desktop) -> Walk:
    """The walk, once for every test here."""
    done = walk(desktop)
    (desktop.logs / "a11y-walk.txt").write_text(report(done))
    return done


@pytest.fixture(scope="module")
def answer() -> Assessment:
    """What the rules say for the walk's answers: the words the screen must show."""
    situation = Situation(
        as_of=date(2025, 1, 10),
        ma_expiration=date(2025, 3, 31),
        nremt_status="active",
        nremt_expiration=date(2026, 3, 31),
    )
    return assess(situation, load_policy())


def shot(record: Walk, step: str) -> Snapshot:
    """The snapshot of ``step``; fails with why the walk never got there."""
    found = record.snapshots.get(step)
    if found is None:
        pytest.fail(f"the walk never reached {step!r}: {record.error}")
    return found


def tree(record: Walk, step: str) -> Node:
    found = shot(record, step).tree
    assert found is not None, f"no tree was recorded at {step!r}"
    return found


def lines(nodes: list[Node]) -> str:
    return "\n".join(f"  {describe(node)}" for node in nodes)


def node_named(record: Walk, step: str, name: str) -> Node:
    """The node with object name ``name`` at ``step``; fails with the tree."""
    node = find(tree(record, step), name)
    if node is None:
        pytest.fail(f"no object {name!r} at {step!r}\n{shot(record, step).explain()}")
    return node


def test_the_walk_reaches_the_end(record: Walk, desktop: Desktop) -> None:
    assert record.error is None, f"{record.error}\n(logs and the whole walk: {desktop.logs})"
    assert "start-over" in record.snapshots


def test_the_program_prints_no_traceback(record: Walk) -> None:
    assert "Traceback" not in record.app_output, record.app_output


@pytest.mark.parametrize("step", TREES)
def test_every_focusable_control_has_a_name(record: Walk, step: str) -> None:
    unnamed = [node for node in focusable_showing(tree(record, step)) if not node["name"].strip()]
    assert not unnamed, (
        f"focusable controls without a name at {step!r}:\n{lines(unnamed)}\n"
        + shot(record, step).explain()
    )


@pytest.mark.parametrize("step", TREES)
def test_nothing_hidden_is_focusable(record: Walk, step: str) -> None:
    hidden = hidden_focusable(tree(record, step))
    assert not hidden, f"focusable but not showing at {step!r}:\n{lines(hidden)}"


@pytest.mark.parametrize("step", TREES)
def test_controls_on_screen_have_distinct_names(record: Walk, step: str) -> None:
    # Table cells repeat dates and "in 445 days" by nature; arrows, not Tab, reach them.
    controls = [
        node for node in focusable_showing(tree(record, step)) if node["role"] != "table cell"
    ]
    counts = Counter(node["name"] for node in controls)
    repeated = [node for node in controls if counts[node["name"]] > 1]
    assert not repeated, f"the same name twice at {step!r}:\n{lines(repeated)}"


@pytest.mark.parametrize(("step", "page"), ARRIVALS)
def test_focus_after_a_page_change_is_on_the_page_shown(record: Walk, step: str, page: str) -> None:
    snapshot = shot(record, step)
    number, page_name, target = PAGES[page]
    focused = snapshot.focused
    assert snapshot.title.startswith(f"Step {number} of 5"), snapshot.title
    assert focused is not None, f"nothing has the focus\n{snapshot.explain()}"
    assert "showing" in focused["states"], f"the focus is not on screen\n{snapshot.explain()}"
    assert on_page(focused, page_name), f"the focus is not on {page_name}\n{snapshot.explain()}"
    page_node = next((a for a in snapshot.ancestors if object_name(a) == page_name), None)
    assert page_node is not None, snapshot.explain()
    assert "showing" in page_node["states"], snapshot.explain()
    assert object_name(focused) == target, f"the focus should be on {target}\n{snapshot.explain()}"


def test_keys_typed_on_the_answer_change_nothing_hidden(record: Walk) -> None:
    back = shot(record, "back-to-details")
    assert back.focused is not None, back.explain()
    assert object_name(back.focused) == "nameEdit", back.explain()
    assert back.focused.get("text") == NAME, (
        f"the name changed while the answer was shown: {back.focused.get('text')!r}"
    )


# -- The answer, read as text. ------------------------------------------------------------


def test_headline_is_a_heading_read_as_text(record: Walk, answer: Assessment) -> None:
    headline = node_named(record, "results", "situationLabel")
    said = present(answer)
    assert said.headline == "You need the one-year alignment"
    assert headline.get("text") == said.headline, describe(headline)
    assert headline["role"] == "heading", describe(headline)
    assert headline["attributes"].get("level") == "1", describe(headline)


def test_urgency_banner_is_read_as_text(record: Walk, answer: Assessment) -> None:
    banner = node_named(record, "results", "urgencyBanner")
    banner_text = present(answer).banner
    assert banner_text == "Due in 36 days"
    assert banner.get("text") == banner_text, describe(banner)
    shown = node_named(record, "results", "urgencyText")
    assert shown["name"] == banner_text, describe(shown)


def test_step_due_dates_are_read_as_text(record: Walk, answer: Assessment) -> None:
    results = tree(record, "results")
    due_steps = [step for step in answer.steps if step.due is not None]
    assert [long_date(step.due) for step in due_steps] == ["February 15, 2025", "March 31, 2026"]
    for step in due_steps:
        card = find(results, f"step_{step.id}")
        assert card is not None, f"no card for step {step.id}\n{format_tree(results)}"
        text = card.get("text") or ""
        wanted = f"Due by {long_date(step.due)}"
        assert wanted in text, f"{wanted!r} is not Text of {describe(card)}"
        # The same words as the card shows: each of its lines is in what it reads as.
        shown = [
            n["name"]
            for n in card.get("children", ())
            if object_name(n) in {"stepTitle", "stepDetail", "stepDue"}
        ]
        missing = [line for line in shown if line not in text]
        assert shown, format_tree(card)
        assert not missing, f"shown but not read: {missing}\n{describe(card, text_chars=600)}"


def test_fee_is_read_as_text(record: Walk, answer: Assessment) -> None:
    fee = node_named(record, "results", "feeLabel")
    assert present(answer).fee_line == "Alignment fee: $62.50, paid in eLicensing."
    assert "$62.50" in (fee.get("text") or ""), describe(fee)


def test_timeline_is_a_chart_with_its_dates_as_text(record: Walk, answer: Assessment) -> None:
    timeline = node_named(record, "results", "timelineWidget")
    text = timeline.get("text") or ""
    assert timeline["role"] == "chart", describe(timeline)
    # The picture's own words: "Today" on the advice date, each deadline's label and date.
    wanted = [f"Today: {long_date(answer.situation.as_of)}"] + [
        row.label for row in present(answer).key_dates
    ]
    wanted += [long_date(deadline.date) for deadline in answer.deadlines]
    missing = [words for words in wanted if words not in text]
    assert not missing, (
        f"not in the timeline's Text: {missing}\n{describe(timeline, text_chars=600)}"
    )


def test_key_dates_are_a_table_with_rows(record: Walk, answer: Assessment) -> None:
    table = node_named(record, "results", "deadlinesList")
    assert table["role"] == "table", describe(table)
    info = table.get("table")
    assert info is not None, f"no Table interface: {describe(table)}"
    assert info["rows"] == len(answer.deadlines), info
    assert info["headers"] == ["Date", "What", "When"], info
    assert [row[0] for row in info["cells"]] == [long_date(d.date) for d in answer.deadlines]
    assert [row[1] for row in info["cells"]] == [row.label for row in present(answer).key_dates]


@pytest.mark.parametrize("step", ["welcome", "ma", "nremt", "details"])
def test_page_headings_have_the_heading_role(record: Walk, step: str) -> None:
    page_name = PAGES[step][1]
    headings = find_all(
        tree(record, step),
        lambda n: object_name(n) == "pageHeading" and on_page(n, page_name),
    )
    assert headings, shot(record, step).explain()
    for heading in headings:
        assert heading["role"] == "heading", describe(heading)
        assert heading["attributes"].get("level") == "1", describe(heading)


def test_answer_section_headings_have_the_heading_role(record: Walk) -> None:
    results = tree(record, "results")
    wrong = []
    for title in SECTION_HEADINGS:
        # The words themselves (the key dates table has the same name, as it should).
        found = [
            n
            for n in iter_nodes(results, showing_only=True)
            if n["name"] == title and n["role"] in {"heading", "label", "static"}
        ]
        assert found, f"no {title!r} on the answer page\n{format_tree(results)}"
        wrong += [n for n in found if n["role"] != "heading" or n["attributes"].get("level") != "2"]
    assert not wrong, f"section headings not exposed as heading level 2:\n{lines(wrong)}"


# -- Expanders and announcements. ---------------------------------------------------------


def test_planning_ahead_is_an_expander(record: Walk) -> None:
    toggle = node_named(record, "welcome", "planningAheadToggle")
    assert {"expandable", "collapsed"} <= set(toggle["states"]), describe(toggle)
    assert "checked" not in toggle["states"], describe(toggle)


def test_why_is_a_collapsed_expander(record: Walk) -> None:
    why = shot(record, "why-collapsed").focused
    assert why is not None
    assert object_name(why) == "whyButton", describe(why)
    assert why["role"] != "check box", f'"Why?" is announced as a check box: {describe(why)}'
    assert {"expandable", "collapsed"} <= set(why["states"]), describe(why)


def test_why_opens_expanded_and_its_text_is_announced(record: Walk) -> None:
    opened = shot(record, "why-expanded")
    why = opened.focused
    assert why is not None, opened.explain()
    assert object_name(why) == "whyButton", opened.explain()
    assert "expanded" in why["states"], f'"Why?" does not say it is expanded: {describe(why)}'
    assert "checked" not in why["states"], describe(why)
    citations = find_all(
        opened.tree or {},
        lambda n: object_name(n) == "stepCitation" and "showing" in n["states"],
    )
    assert len(citations) == 1, lines(citations)
    citation = citations[0]
    assert citation["name"], describe(citation)
    assert citation.get("text") == citation["name"], (
        f"the revealed guidance is not readable as Text: {describe(citation)}"
    )
    said = [event["data"] for event in opened.events if is_announcement(event)]
    assert citation["name"] in said, f"announced: {said}; revealed: {citation['name']!r}"


def test_an_impossible_date_is_announced_and_refused(record: Walk) -> None:
    refused = shot(record, "ma-impossible")
    said = [event["data"] for event in refused.events if is_announcement(event)]
    assert "April has only 30 days." in said, f"announced: {said}\n{refused.explain()}"
    problem = node_named(record, "ma-impossible", "maExpirationEditProblem")
    assert "showing" in problem["states"], describe(problem)
    assert problem["name"] == "April has only 30 days.", describe(problem)
    field = node_named(record, "ma-impossible", "maExpirationEdit")
    assert "April has only 30 days." in field["description"], describe(field)
    next_button = [
        n for n in iter_nodes(refused.tree or {}, showing_only=True) if n["name"] == "Next"
    ]
    assert next_button, refused.explain()
    assert "sensitive" not in next_button[0]["states"], f"Next is enabled: {lines(next_button)}"


# -- Tab order on the answer page. -------------------------------------------------------


def _out_of_order(before: tuple[int, ...], after: tuple[int, ...]) -> bool:
    """True when ``after`` is read before ``before``: above it, or left of it on its row."""
    ax, ay, _aw, ah = before
    bx, by, _bw, bh = after
    same_row = abs((ay + ah / 2) - (by + bh / 2)) < min(ah, bh) / 2
    return bx < ax if same_row else by < ay


def _stop_lines(stops: list[TabStop]) -> str:
    out = []
    for number, stop in enumerate(stops):
        where = stop.content_rect() or (stop.node or {}).get("extents")
        out.append(f"  {number:2d}. {describe(stop.node, text_chars=50)} at {where}")
    return "\n".join(out)


def test_tab_order_on_the_answer_goes_top_to_bottom(record: Walk) -> None:
    stops = record.tab_stops
    assert len(stops) > len(BUTTON_ROW), f"the Tab walk did not get far:\n{_stop_lines(stops)}"
    names = [object_name(stop.node) for stop in stops]
    assert names[0] == "situationLabel", _stop_lines(stops)
    assert "printButton" in names, f"Tab never reached Print:\n{_stop_lines(stops)}"
    first_button = names.index("printButton")
    answer_part, button_part = stops[:first_button], stops[first_button:]

    outside = [s for s in answer_part if s.content_rect() is None]
    assert not outside, f"Tab left the answer before the buttons:\n{_stop_lines(outside)}"
    problems = [
        f"{describe(b.node, text_chars=40)} at {b.content_rect()} comes after "
        f"{describe(a.node, text_chars=40)} at {a.content_rect()}"
        for a, b in itertools.pairwise(answer_part)
        if _out_of_order(a.content_rect() or (), b.content_rect() or ())
    ]
    assert not problems, "Tab goes up the page:\n" + "\n".join(problems) + "\n" + _stop_lines(stops)

    row = [object_name(stop.node) for stop in button_part][: len(BUTTON_ROW)]
    assert tuple(row) == BUTTON_ROW, f"the bottom row in Tab order: {row}\n{_stop_lines(stops)}"
    xs = [stop.node["extents"][0] for stop in button_part[: len(BUTTON_ROW)]]
    assert xs == sorted(xs), xs


def test_tab_reaches_every_control_of_the_answer(record: Walk) -> None:
    results = tree(record, "results")
    reached = {(s.node["id"], s.node["name"]) for s in record.tab_stops if s.node}
    # Table cells are reached with the arrow keys once the table has the focus.
    wanted = [
        node
        for node in focusable_showing(results)
        if node["role"] != "table cell" and on_page(node, "resultsPage")
    ]
    missed = [node for node in wanted if (node["id"], node["name"]) not in reached]
    assert not missed, f"never reached with Tab:\n{lines(missed)}\n{_stop_lines(record.tab_stops)}"
