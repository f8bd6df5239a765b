"""From the first page to a saved PDF with the keyboard alone: real X key events, no mouse.

certalign-gui runs under Xvfb + openbox; xdotool types into whatever has the focus, as a
person would. Between keys the test only waits (on the window title, and on the focus
as the AT-SPI screen reader sees it); it never sets a widget or clicks. At the end the
PDF is read back with pypdf.
"""

from __future__ import annotations

from pathlib import Path

from a11y_desktop import Desktop
from a11y_nodes import Node, describe, object_name, on_page
from a11y_program import running
from a11y_walk import NREMT_DATE, Session, Walk
from pypdf import PdfReader

MA_DATE = "03/31/2025"
NAME = "Jane Doe"
HEADLINE = "You need the one-year alignment"
#: The due dates of the worked example's steps (RULES.md): what the paper must say.
DUE_DATES = ("February 15, 2025", "March 31, 2026")


def _in_dialog(node: Node, ancestors: list[Node], title: str) -> bool:
    return any(a["role"] in {"dialog", "alert"} and a["name"] == title for a in ancestors)


def test_keyboard_alone_goes_from_the_first_page_to_a_saved_pdf(
    desktop: Desktop, tmp_path: Path
) -> None:
    target = tmp_path / "saved by keyboard" / "my checklist.pdf"
    target.parent.mkdir()
    with running(desktop) as (app, reader):
        session = Session(desktop, app, reader, Walk())
        keys = session.keys

        def focus_on(name: str, what: str) -> Node:
            return session.wait_focus(lambda n: object_name(n) == name, what)

        session.wait_title(1)
        focus_on("pageHeading", "the welcome heading to have the focus")
        keys.key("Return")

        session.wait_title(2)
        focus_on("maExpirationEdit", "the Massachusetts date to have the focus")
        keys.type(MA_DATE)
        session.wait_focus(lambda n: n.get("text") == MA_DATE, f"the field to show {MA_DATE}")
        keys.key("Return")

        session.wait_title(3)
        focus_on("nremtActiveRadio", "the first answer to have the focus")
        keys.key("alt+a")  # "Yes, it is &active"
        session.wait_focus(
            lambda n: object_name(n) == "nremtActiveRadio" and "checked" in n["states"],
            '"Yes, it is active" to be chosen',
        )
        keys.key("Tab")
        focus_on("nremtExpirationEdit", "Tab to reach the NREMT date")
        keys.type(NREMT_DATE)
        session.wait_focus(lambda n: n.get("text") == NREMT_DATE, f"the field to show {NREMT_DATE}")
        keys.key("Return")

        session.wait_title(4)
        focus_on("nameEdit", "the name field to have the focus")
        keys.type(NAME)
        session.wait_focus(lambda n: n.get("text") == NAME, f"the name field to show {NAME}")
        keys.key("Return")

        session.wait_title(5)
        headline = focus_on("situationLabel", "the headline to have the focus")
        assert headline["name"] == HEADLINE, describe(headline)

        keys.key("alt+d")  # "Save as P&DF"
        file_name = focus_on("fileNameEdit", "the file dialog's name field to have the focus")
        _node, ancestors = session.focused()
        assert _in_dialog(file_name, ancestors, "Save the checklist as PDF"), ancestors
        assert file_name.get("text") == "alignment-checklist-2025-01-10.pdf", describe(file_name)
        keys.key("ctrl+a")
        keys.type(str(target))
        session.wait_focus(
            lambda n: object_name(n) == "fileNameEdit" and n.get("text") == str(target),
            f"the file name to read {target}",
        )
        keys.key("Return")

        def on_saved_box(node: Node) -> bool:
            _focused, chain = session.focused()
            return _in_dialog(node, chain, "Saved")

        ok = session.wait_focus(on_saved_box, 'the "Saved" message to have the focus')
        assert ok["role"] == "push button", describe(ok)
        keys.key("Return")
        # Alt+D pressed the button without moving the focus: it goes back where it was.
        back = session.wait_focus(
            lambda n: on_page(n, "resultsPage") and "showing" in n["states"],
            "the focus back on the answer",
        )
        assert object_name(back) == "situationLabel", describe(back)

    assert target.is_file(), f"no PDF at {target}: {sorted(target.parent.iterdir())}"
    # pypdf gives the words with tabs and line breaks between them: compare words.
    text = " ".join(
        " ".join((page.extract_text() or "").split()) for page in PdfReader(target).pages
    )
    for words in (NAME, HEADLINE, *DUE_DATES, "$62.50"):
        assert words in text, f"{words!r} is not in the PDF:\n{text}"
