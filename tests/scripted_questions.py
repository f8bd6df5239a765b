"""A scripted stand-in for the person who answers the save flow's questions.

The program passes `DialogQuestions` (real dialogs) to its `SaveFlow`; tests pass this:
each answer is queued up front, each question asked and each message shown is recorded,
and a question no answer was queued for fails the test (it would have blocked on a dialog).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import QWidget

from certalign_gui.gui.shell.save_flow import SaveFlow


class ScriptedQuestions:
    """Answers `Questions` from queues; records what the person would have seen."""

    def __init__(self, *paths: Path | None) -> None:
        #: Answers to "where to save?" / "which file to open?" (None: Cancel), in order.
        self.paths: list[Path | None] = list(paths)
        self.overwrite_answers: list[bool] = []
        #: The answer to "no printer: save a PDF instead?" (None: the question must not come).
        self.pdf_instead: bool | None = None
        #: The answer to "every reminder is past: save anyway?" (None: must not come).
        self.past_calendar: bool | None = None
        #: The answer to the print dialog (None: must not come).
        self.print_answer: bool | None = None
        #: Called with the dialog's arguments when a question is asked (to act meanwhile,
        #: e.g. Start over while the question waits).
        self.while_asking: Callable[[str], None] | None = None
        self.suggested: list[Path] = []
        self.filters: list[str] = []
        self.titles: list[str] = []
        self.asked_overwrite: list[Path] = []
        self.asked_pdf_instead: list[str] = []
        self.asked_past_calendar = 0
        self.infos: list[str] = []
        self.errors: list[str] = []

    def _asking(self, what: str) -> None:
        if self.while_asking is not None:
            self.while_asking(what)

    def save_path(
        self, parent: QWidget, title: str, suggested: Path, name_filter: str
    ) -> Path | None:
        self.titles.append(title)
        self.suggested.append(suggested)
        self.filters.append(name_filter)
        self._asking("save_path")
        return self.paths.pop(0) if self.paths else None

    def open_path(self, parent: QWidget, title: str, folder: Path, name_filter: str) -> Path | None:
        self.titles.append(title)
        self.suggested.append(folder)
        self.filters.append(name_filter)
        self._asking("open_path")
        return self.paths.pop(0) if self.paths else None

    def overwrite(self, parent: QWidget, path: Path) -> bool:
        self.asked_overwrite.append(path)
        self._asking("overwrite")
        assert self.overwrite_answers, f"unexpected 'replace {path.name}?' question"
        return self.overwrite_answers.pop(0)

    def save_pdf_instead(self, parent: QWidget, what: str) -> bool:
        assert self.pdf_instead is not None, "unexpected 'no printer' question"
        self.asked_pdf_instead.append(what)
        self._asking("save_pdf_instead")
        return self.pdf_instead

    def print_options(self, parent: QWidget, printer: object, title: str) -> bool:
        assert self.print_answer is not None, "unexpected print dialog"
        self.titles.append(title)
        self._asking("print_options")
        return self.print_answer

    def save_past_calendar(self, parent: QWidget) -> bool:
        assert self.past_calendar is not None, "unexpected 'reminders in the past' question"
        self.asked_past_calendar += 1
        self._asking("save_past_calendar")
        return self.past_calendar

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        self.infos.append(text)

    def report_error(self, parent: QWidget, title: str, text: str) -> None:
        self.errors.append(text)


def scripted_flow(
    questions: ScriptedQuestions,
    *,
    documents: Path | None = None,
    printers: Sequence[object] = (),
) -> SaveFlow:
    """A `SaveFlow` that asks ``questions``, finds Documents at ``documents`` (else the real
    one) and sees ``printers`` (none by default, as on many station computers)."""
    if documents is None:
        return SaveFlow(questions, printers=lambda: list(printers))
    folder = documents
    return SaveFlow(questions, documents=lambda: folder, printers=lambda: list(printers))
