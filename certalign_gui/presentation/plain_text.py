"""The answer as plain text for a terminal: the words of `present()`, laid out in 78 columns."""

from __future__ import annotations

import textwrap

from certalign_gui.presentation import words
from certalign_gui.presentation.answer import Answer, present
from certalign_gui.presentation.catalogue import _
from certalign_gui.rules.models import Assessment

WIDTH = 78
_STEP_INDENT = " " * 9


def _wrap(text: str, indent: str, first: str | None = None) -> list[str]:
    first = indent if first is None else first
    return textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=indent) or [""]


def answer_text(assessment: Assessment) -> str:
    """The whole answer, as the window and the printout say it."""
    return layout(present(assessment))


def layout(answer: Answer) -> str:
    """Lay ``answer`` out as text."""
    out = [
        answer.advice_line,
        "",
        answer.headline,
        "=" * len(answer.headline),
        *_wrap(answer.explanation, ""),
        "",
        answer.banner,
        "",
        f"{_(words.WHAT_TO_DO)}:",
    ]
    for step in answer.steps:
        title = f"  [ ] {step.numbered_title}"
        if step.due is not None:
            title += f" \N{EM DASH} {step.due} ({step.due_in})"
        out += _wrap(title, _STEP_INDENT, first="")
        out += _wrap(step.detail, _STEP_INDENT)
        if step.url:
            out.append(f"{_STEP_INDENT}{step.link_label}: {step.url}")
    out += ["", answer.fee_line, "", f"{_(words.KEY_DATES)}:"]
    for row in answer.key_dates:
        out += _wrap(f"  {row.day_text:>20}  {row.label} ({row.when})", " " * 24, first="")
    if answer.cautions:
        out += ["", f"{_(words.WARNINGS)}:"]
        for caution in answer.cautions:
            out += _wrap(caution, "    ", first="  ! ")
    out += ["", f"{_(words.LINKS)}:"]
    out += [f"  {link.label}: {link.url}" for link in answer.links]
    out += ["", *_wrap(answer.source_line, ""), *_wrap(_(words.WHO_TO_ASK), "")]
    return "\n".join(out) + "\n"
