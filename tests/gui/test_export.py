"""Print, Save as PDF and Add to calendar, with every dialog replaced (nothing blocks)."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pypdf
import pytest
from icalendar import Calendar
from PySide6.QtCore import QLocale, Qt
from PySide6.QtPrintSupport import QPrinterInfo, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from certalign_gui.basics.file_writing import FileWriteError
from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell.session import detached
from certalign_gui.gui.wizard import take_home
from certalign_gui.rules import Situation, assess

ASSESSMENT = assess(
    Situation(
        ma_expiration=date(2025, 3, 31), nremt_expiration=date(2026, 3, 31), as_of=date(2025, 1, 10)
    )
)
DETAILS = Details(name="Jane Q. Public", ma_number="E1234567", nremt_number="E7654321")

#: The day the tests print or save on (the page says "Printed on" this day).
PRINTED = date(2026, 12, 2)


class Dialogs:
    """Stands in for every question and message; records what the user would have seen."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, *paths: Path | None) -> None:
        self.paths = list(paths)
        self.suggested: list[Path] = []
        self.overwrite_answers: list[bool] = []
        self.asked_overwrite: list[Path] = []
        self.pdf_instead: bool | None = None
        self.past_calendar: bool | None = None
        self.asked_past_calendar = 0
        self.infos: list[str] = []
        self.errors: list[str] = []
        monkeypatch.setattr(take_home, "ask_save_path", self._ask_save_path)
        monkeypatch.setattr(take_home, "ask_overwrite", self._ask_overwrite)
        monkeypatch.setattr(take_home, "ask_save_pdf_instead", self._ask_save_pdf_instead)
        monkeypatch.setattr(take_home, "ask_save_past_calendar", self._ask_save_past_calendar)
        monkeypatch.setattr(
            take_home, "inform", lambda parent, title, text: self.infos.append(text)
        )
        monkeypatch.setattr(
            take_home, "report_error", lambda parent, title, text: self.errors.append(text)
        )

    def _ask_save_path(self, parent, title, suggested, name_filter):
        self.suggested.append(suggested)
        return self.paths.pop(0) if self.paths else None

    def _ask_overwrite(self, parent, path):
        self.asked_overwrite.append(path)
        return self.overwrite_answers.pop(0)

    def _ask_save_past_calendar(self, parent):
        assert self.past_calendar is not None, "unexpected 'reminders in the past' question"
        self.asked_past_calendar += 1
        return self.past_calendar

    def _ask_save_pdf_instead(self, parent):
        assert self.pdf_instead is not None, "unexpected 'no printer' question"
        return self.pdf_instead


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_save_pdf_writes_the_one_page_checklist(monkeypatch, parent, tmp_path):
    target = tmp_path / "mine.pdf"
    dialogs = Dialogs(monkeypatch, target)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    text = _pdf_text(target)
    assert "Jane Q. Public" in text
    assert "Due by February 15, 2025" in text
    assert dialogs.infos == [f"The checklist was saved as {target}."]
    assert dialogs.errors == []
    assert [p.name for p in tmp_path.iterdir()] == ["mine.pdf"]  # no temporary file left


def test_save_pdf_suggests_a_dated_name_in_documents(monkeypatch, parent, tmp_path):
    monkeypatch.setattr(take_home, "documents_folder", lambda: tmp_path)
    dialogs = Dialogs(monkeypatch, None)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.suggested == [tmp_path / f"alignment-checklist-{PRINTED.isoformat()}.pdf"]
    assert list(tmp_path.iterdir()) == []  # cancelled: nothing written, nothing said
    assert dialogs.infos == dialogs.errors == []


@pytest.mark.skipif("sys.platform != 'linux'", reason="HOME and user-dirs.dirs are Linux's")
@pytest.mark.parametrize(
    ("folders", "user_dirs", "expected"),
    [
        # The usual Documents folder.
        (["Documents"], None, "Documents"),
        # The desktop names another folder (xdg-user-dirs): that one, not ~/Documents.
        (["Documents", "Papers"], 'XDG_DOCUMENTS_DIR="$HOME/Papers"\n', "Papers"),
        # No Documents folder: the home folder.
        ([], None, None),
        # The named folder was deleted: the home folder, not a folder that does not exist.
        (["Documents"], 'XDG_DOCUMENTS_DIR="$HOME/Papers"\n', None),
    ],
    ids=["documents", "user-dirs", "no-documents", "user-dirs-missing"],
)
def test_documents_folder_is_documents_or_else_home(
    monkeypatch, tmp_path, folders, user_dirs, expected
):
    home, config = tmp_path / "home", tmp_path / "config"
    for folder in folders:
        (home / folder).mkdir(parents=True)
    home.mkdir(exist_ok=True)
    config.mkdir()
    if user_dirs is not None:
        (config / "user-dirs.dirs").write_text(user_dirs, encoding="utf-8")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    assert take_home.documents_folder() == (home / expected if expected else home)


def test_a_name_without_extension_gets_pdf(monkeypatch, parent, tmp_path):
    Dialogs(monkeypatch, tmp_path / "checklist")
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert (tmp_path / "checklist.pdf").read_bytes().startswith(b"%PDF-")


def test_an_existing_file_is_kept_unless_the_user_says_replace(monkeypatch, parent, tmp_path):
    monkeypatch.setattr(take_home, "documents_folder", lambda: tmp_path)
    target = tmp_path / f"alignment-checklist-{PRINTED.isoformat()}.pdf"
    target.write_bytes(b"the old checklist")
    dialogs = Dialogs(monkeypatch, target, None)
    dialogs.overwrite_answers = [False]
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.asked_overwrite == [target]
    assert dialogs.suggested == [target, target]  # asked again, same name offered
    assert target.read_bytes() == b"the old checklist"

    dialogs = Dialogs(monkeypatch, target)
    dialogs.overwrite_answers = [True]
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_folder_is_not_a_file_name(monkeypatch, parent, tmp_path):
    folder = tmp_path / "stuff.pdf"
    folder.mkdir()
    dialogs = Dialogs(monkeypatch, folder, None)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert len(dialogs.errors) == 1
    assert str(folder) in dialogs.errors[0]
    assert "is a folder" in dialogs.errors[0]
    assert dialogs.suggested[1] == folder / f"alignment-checklist-{PRINTED.isoformat()}.pdf"


def test_a_missing_folder_is_reported_in_plain_words(monkeypatch, parent, tmp_path):
    target = tmp_path / "gone" / "checklist.pdf"
    dialogs = Dialogs(monkeypatch, target)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.errors == [
        f"Could not save {target}: that folder does not exist. "
        "Choose another folder, such as Documents, and try again."
    ]
    assert dialogs.infos == []


def test_a_full_disk_is_reported_and_the_old_file_kept(monkeypatch, parent, tmp_path):
    target = tmp_path / "checklist.pdf"
    target.write_bytes(b"old")

    def full(path, data):
        raise FileWriteError(Path(path), "the disk is full")

    monkeypatch.setattr(take_home, "atomic_write", full)
    dialogs = Dialogs(monkeypatch, target)
    dialogs.overwrite_answers = [True]
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.errors[0].startswith(f"Could not save {target}: the disk is full.")
    assert target.read_bytes() == b"old"


def test_an_unexpected_failure_is_a_message_not_a_crash(monkeypatch, parent, tmp_path, caplog):
    def broken(*args, **kwargs):
        raise RuntimeError("Qt could not start a PDF page")

    monkeypatch.setattr(take_home, "pdf_bytes", broken)
    dialogs = Dialogs(monkeypatch, tmp_path / "x.pdf")
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.errors == ["Something went wrong while making x.pdf. Nothing was saved."]
    assert list(tmp_path.iterdir()) == []
    assert "making x.pdf failed" in caplog.text


#: The advice day of ASSESSMENT: every reminder of its calendar is still to come.
ADVICE_DAY = date(2025, 1, 10)


def test_save_ics_writes_the_deadlines(monkeypatch, parent, tmp_path):
    monkeypatch.setattr(take_home, "documents_folder", lambda: tmp_path)
    target = tmp_path / "dates.ics"
    dialogs = Dialogs(monkeypatch, target)
    take_home.save_ics(parent, ASSESSMENT, today=ADVICE_DAY, token=detached())
    assert dialogs.suggested == [tmp_path / f"alignment-deadlines-{ADVICE_DAY.isoformat()}.ics"]
    calendar = Calendar.from_ical(target.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(ASSESSMENT.deadlines)
    assert str(target) in dialogs.infos[0]
    assert dialogs.asked_past_calendar == 0  # reminders to come: nothing to ask


@pytest.mark.parametrize("answer", [True, False])
def test_a_calendar_whose_every_reminder_is_past_is_saved_only_when_asked_to(
    monkeypatch, parent, tmp_path, answer
):
    # Saved on December 2, 2026: the last reminder (NREMT, March 30, 2026) has passed.
    target = tmp_path / "dates.ics"
    dialogs = Dialogs(monkeypatch, target)
    dialogs.past_calendar = answer
    take_home.save_ics(parent, ASSESSMENT, today=PRINTED, token=detached())
    assert dialogs.asked_past_calendar == 1
    assert target.exists() is answer
    assert len(dialogs.suggested) == (1 if answer else 0)  # "Don't save" asks nothing more


def test_print_without_a_printer_offers_a_pdf(monkeypatch, parent, tmp_path):
    monkeypatch.setattr(take_home, "available_printers", list)
    target = tmp_path / "instead.pdf"
    dialogs = Dialogs(monkeypatch, target)
    dialogs.pdf_instead = True
    take_home.print_checklist(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert "Jane Q. Public" in _pdf_text(target)


def test_print_without_a_printer_can_be_cancelled(monkeypatch, parent, tmp_path):
    monkeypatch.setattr(take_home, "available_printers", list)
    dialogs = Dialogs(monkeypatch)
    dialogs.pdf_instead = False
    take_home.print_checklist(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    assert dialogs.suggested == []
    assert parent.findChild(QPrintPreviewDialog) is None


def test_print_preview_opens_without_blocking_and_draws_one_page(monkeypatch, qtbot, parent):
    # A printer-less QPrinter stands in for a real queue (see test_export_cups for one).
    monkeypatch.setattr(take_home, "available_printers", lambda: [QPrinterInfo()])
    Dialogs(monkeypatch)
    drawn = []
    paint = take_home.paint_checklist

    def recording_paint(*args, **kwargs):
        drawn.append(paint(*args, **kwargs))

    monkeypatch.setattr(take_home, "paint_checklist", recording_paint)
    take_home.print_checklist(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached())
    preview = parent.findChild(QPrintPreviewDialog, "printPreviewDialog")
    assert preview is not None
    assert preview.isVisible()
    qtbot.waitUntil(lambda: drawn == [True])
    widget = preview.findChild(QPrintPreviewWidget)
    with qtbot.waitSignal(preview.paintRequested):
        widget.updatePreview()
    assert widget.pageCount() == 1
    assert preview.printer().docName() == (
        "OEMS and NREMT alignment checklist \N{EM DASH} Printed on December 2, 2026"
    )
    preview.close()


@pytest.mark.parametrize(
    ("locale", "paper"),
    [
        ("en_US", "letter"),
        ("en_CA", "letter"),  # metric, but Letter paper
        ("es_MX", "letter"),
        ("en_GB", "a4"),
        ("de_DE", "a4"),
        ("C", "letter"),  # no territory: the US default
    ],
)
def test_default_paper_follows_the_locale(locale, paper):
    assert take_home.default_page_size(QLocale(locale)) == paper


def _answer_with(monkeypatch, button_text: str, seen: list[str]) -> None:
    """Make every QMessageBox press ``button_text`` instead of waiting for a person."""

    def exec_(box: QMessageBox) -> int:
        seen.append(box.text())
        assert box.textFormat() == Qt.TextFormat.PlainText
        (button,) = [b for b in box.buttons() if b.text() == button_text]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


@pytest.mark.parametrize(
    ("button", "replace"), [("Replace it", True), ("Choose another name", False)]
)
def test_the_overwrite_question_names_the_file(monkeypatch, parent, tmp_path, button, replace):
    seen: list[str] = []
    _answer_with(monkeypatch, button, seen)
    assert take_home.ask_overwrite(parent, tmp_path / "a.pdf") is replace
    assert seen == [f"a.pdf already exists in {tmp_path}.\n\nDo you want to replace it?"]


@pytest.mark.parametrize(("button", "pdf"), [("Save as PDF…", True), ("Cancel", False)])
def test_the_no_printer_question_offers_a_pdf(monkeypatch, parent, button, pdf):
    seen: list[str] = []
    _answer_with(monkeypatch, button, seen)
    assert take_home.ask_save_pdf_instead(parent) is pdf
    assert "no printer" in seen[0]


def test_the_file_dialog_does_not_ask_about_overwriting_itself(monkeypatch, parent, tmp_path):
    calls = []

    def fake(*args):
        calls.append(args)
        return str(tmp_path / "x.pdf"), "PDF files (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
    chosen = take_home.ask_save_path(parent, "Save", tmp_path / "y.pdf", "PDF files (*.pdf)")
    assert chosen == tmp_path / "x.pdf"
    assert calls[0][-1] == QFileDialog.Option.DontConfirmOverwrite
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: ("", ""))
    assert take_home.ask_save_path(parent, "Save", tmp_path / "y.pdf", "PDF files (*.pdf)") is None


def test_the_wizards_buttons_save_what_the_user_typed(monkeypatch, qtbot, make_wizard, tmp_path):
    from gui_helpers import answer, child
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    wizard = make_wizard()
    wizard.details_page.findChild(QLineEdit, "nameEdit").setText("<i>Pat</i> O'Neil")
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    pdf, ics = tmp_path / "c.pdf", tmp_path / "d.ics"
    Dialogs(monkeypatch, pdf, ics)
    child(wizard, QAbstractButton, "savePdfButton").click()
    child(wizard, QAbstractButton, "saveIcsButton").click()
    assert "Name: <i>Pat</i> O'Neil" in _pdf_text(pdf)
    assert b"Pat" not in ics.read_bytes()
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
