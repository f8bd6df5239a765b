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
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QWidget
from scripted_questions import ScriptedQuestions, scripted_flow

from certalign_gui.app import printing
from certalign_gui.basics.file_writing import FileWriteError
from certalign_gui.checklist.details import Details
from certalign_gui.gui.shell import paper_size, save_flow
from certalign_gui.gui.shell.save_flow import DialogQuestions, SaveFlow, SaveRequest
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


def flow_with(questions: ScriptedQuestions, documents: Path | None = None, printers=()) -> SaveFlow:
    """The flow the wizard would be given, with ``questions`` answering."""
    return scripted_flow(questions, documents=documents, printers=printers)


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _pdf_text(path: Path) -> str:
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    return " ".join(reader.pages[0].extract_text().split())


def test_save_pdf_writes_the_one_page_checklist(parent, tmp_path):
    target = tmp_path / "mine.pdf"
    dialogs = ScriptedQuestions(target)
    flow = flow_with(dialogs)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    text = _pdf_text(target)
    assert "Jane Q. Public" in text
    assert "Due by February 15, 2025" in text
    assert dialogs.infos == [f"The checklist was saved as {target}."]
    assert dialogs.errors == []
    assert [p.name for p in tmp_path.iterdir()] == ["mine.pdf"]  # no temporary file left


def test_save_pdf_suggests_a_dated_name_in_documents(parent, tmp_path):
    dialogs = ScriptedQuestions(None)
    flow = flow_with(dialogs, documents=tmp_path)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
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
    assert save_flow.documents_folder() == (home / expected if expected else home)


def test_a_name_without_extension_gets_pdf(parent, tmp_path):
    flow = flow_with(ScriptedQuestions(tmp_path / "checklist"))
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert (tmp_path / "checklist.pdf").read_bytes().startswith(b"%PDF-")


def test_an_existing_file_is_kept_unless_the_user_says_replace(parent, tmp_path):
    target = tmp_path / f"alignment-checklist-{PRINTED.isoformat()}.pdf"
    target.write_bytes(b"the old checklist")
    dialogs = ScriptedQuestions(target, None)
    dialogs.overwrite_answers = [False]
    flow = flow_with(dialogs, documents=tmp_path)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert dialogs.asked_overwrite == [target]
    assert dialogs.suggested == [target, target]  # asked again, same name offered
    assert target.read_bytes() == b"the old checklist"

    dialogs = ScriptedQuestions(target)
    dialogs.overwrite_answers = [True]
    flow = flow_with(dialogs, documents=tmp_path)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert target.read_bytes().startswith(b"%PDF-")


def test_a_dangling_link_is_not_replaced_without_asking(parent, tmp_path):
    # The wizard used to write through a link to a file that is not there, silently.
    target = tmp_path / "checklist.pdf"
    target.symlink_to(tmp_path / "nowhere.pdf")
    dialogs = ScriptedQuestions(target, None)
    dialogs.overwrite_answers = [False]
    flow = flow_with(dialogs, documents=tmp_path)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert dialogs.asked_overwrite == [target]
    assert not (tmp_path / "nowhere.pdf").exists()


def test_a_folder_is_not_a_file_name(parent, tmp_path):
    folder = tmp_path / "stuff.pdf"
    folder.mkdir()
    dialogs = ScriptedQuestions(folder, None)
    flow = flow_with(dialogs)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert len(dialogs.errors) == 1
    assert str(folder) in dialogs.errors[0]
    assert "is a folder" in dialogs.errors[0]
    assert dialogs.suggested[1] == folder / f"alignment-checklist-{PRINTED.isoformat()}.pdf"


def test_a_missing_folder_is_reported_in_plain_words(parent, tmp_path):
    target = tmp_path / "gone" / "checklist.pdf"
    dialogs = ScriptedQuestions(target)
    flow = flow_with(dialogs)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
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

    # A full disk cannot be made here: the one write is replaced.
    monkeypatch.setattr(save_flow, "atomic_write", full)
    dialogs = ScriptedQuestions(target)
    dialogs.overwrite_answers = [True]
    flow = flow_with(dialogs)
    take_home.save_pdf(parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow)
    assert dialogs.errors[0].startswith(f"Could not save {target}: the disk is full.")
    assert target.read_bytes() == b"old"


def test_an_unexpected_failure_is_a_message_not_a_crash(parent, tmp_path, caplog):
    def broken(path):
        raise RuntimeError("Qt could not start a PDF page for Jane Q. Public")

    dialogs = ScriptedQuestions(tmp_path / "x.pdf")
    request = SaveRequest("Save", "x.pdf", "PDF files (*.pdf)", (".pdf",), "Saved as {path}.")
    assert flow_with(dialogs).save(parent, detached(), request, broken) is None
    assert dialogs.errors == ["Something went wrong while making x.pdf. Nothing was saved."]
    assert dialogs.infos == []
    assert list(tmp_path.iterdir()) == []
    assert "Making .pdf failed (RuntimeError)" in caplog.text
    assert "Jane" not in caplog.text  # the error's words may hold a name: never logged


#: The advice day of ASSESSMENT: every reminder of its calendar is still to come.
ADVICE_DAY = date(2025, 1, 10)


def test_save_ics_writes_the_deadlines(parent, tmp_path):
    target = tmp_path / "dates.ics"
    dialogs = ScriptedQuestions(target)
    flow = flow_with(dialogs, documents=tmp_path)
    take_home.save_ics(parent, ASSESSMENT, today=ADVICE_DAY, token=detached(), flow=flow)
    assert dialogs.suggested == [tmp_path / f"alignment-deadlines-{ADVICE_DAY.isoformat()}.ics"]
    calendar = Calendar.from_ical(target.read_bytes())
    assert len(calendar.walk("VEVENT")) == len(ASSESSMENT.deadlines)
    assert str(target) in dialogs.infos[0]
    assert dialogs.asked_past_calendar == 0  # reminders to come: nothing to ask


@pytest.mark.parametrize("answer", [True, False])
def test_a_calendar_whose_every_reminder_is_past_is_saved_only_when_asked_to(
    parent, tmp_path, answer
):
    # Saved on December 2, 2026: the last reminder (NREMT, March 30, 2026) has passed.
    target = tmp_path / "dates.ics"
    dialogs = ScriptedQuestions(target)
    dialogs.past_calendar = answer
    take_home.save_ics(parent, ASSESSMENT, today=PRINTED, token=detached(), flow=flow_with(dialogs))
    assert dialogs.asked_past_calendar == 1
    assert target.exists() is answer
    assert len(dialogs.suggested) == (1 if answer else 0)  # "Don't save" asks nothing more


def test_print_without_a_printer_offers_a_pdf(parent, tmp_path):
    target = tmp_path / "instead.pdf"
    dialogs = ScriptedQuestions(target)
    dialogs.pdf_instead = True
    flow = flow_with(dialogs, printers=[])
    take_home.print_checklist(
        parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow
    )
    assert dialogs.asked_pdf_instead == ["the checklist"]
    assert "Jane Q. Public" in _pdf_text(target)


def test_print_without_a_printer_can_be_cancelled(parent, tmp_path):
    dialogs = ScriptedQuestions()
    dialogs.pdf_instead = False
    flow = flow_with(dialogs, printers=[])
    take_home.print_checklist(
        parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow
    )
    assert dialogs.suggested == []
    assert parent.findChild(QPrintPreviewDialog) is None


def test_print_preview_opens_without_blocking_and_draws_one_page(monkeypatch, qtbot, parent):
    # A printer-less QPrinter stands in for a real queue (see test_export_cups for one).
    flow = flow_with(ScriptedQuestions(), printers=[QPrinterInfo()])
    drawn = []
    paint = take_home.paint_checklist

    def recording_paint(*args, **kwargs):
        drawn.append(paint(*args, **kwargs))

    monkeypatch.setattr(take_home, "paint_checklist", recording_paint)
    take_home.print_checklist(
        parent, ASSESSMENT, DETAILS, today=PRINTED, token=detached(), flow=flow
    )
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
    assert paper_size.default_page_size(QLocale(locale)) == paper


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
    assert DialogQuestions(printing=printing).overwrite(parent, tmp_path / "a.pdf") is replace
    assert seen == [f"a.pdf already exists in {tmp_path}.\n\nDo you want to replace it?"]


@pytest.mark.parametrize(("button", "pdf"), [("Save as PDF…", True), ("Cancel", False)])
def test_the_no_printer_question_offers_a_pdf(monkeypatch, parent, button, pdf):
    seen: list[str] = []
    _answer_with(monkeypatch, button, seen)
    assert DialogQuestions(printing=printing).save_pdf_instead(parent, "the checklist") is pdf
    assert "no printer set up, so the checklist cannot be printed here" in seen[0]


@pytest.mark.parametrize("accept", [True, False])
def test_the_file_dialog_is_qt_s_own_and_does_not_ask_about_overwriting(
    monkeypatch, parent, tmp_path, accept
):
    seen = []

    def exec_(dialog: QFileDialog) -> int:
        seen.append((dialog.options(), dialog.acceptMode()))
        dialog.selectFile(str(tmp_path / "x.pdf"))
        return QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected

    monkeypatch.setattr(QFileDialog, "exec", exec_)
    chosen = DialogQuestions(lambda: tmp_path, printing=printing).save_path(
        parent, "Save", tmp_path / "y.pdf", "PDF files (*.pdf)"
    )
    assert chosen == (tmp_path / "x.pdf" if accept else None)
    ((options, mode),) = seen
    # Qt's own dialog (a system one adds the file to the desktop's recent files), and the
    # flow asks about replacing a file itself.
    assert options & QFileDialog.Option.DontUseNativeDialog
    assert options & QFileDialog.Option.DontConfirmOverwrite
    assert mode == QFileDialog.AcceptMode.AcceptSave


def test_the_wizards_buttons_save_what_the_user_typed(monkeypatch, qtbot, make_wizard, tmp_path):
    from gui_helpers import answer, child
    from PySide6.QtWidgets import QAbstractButton, QLineEdit

    pdf, ics = tmp_path / "c.pdf", tmp_path / "d.ics"
    dialogs = ScriptedQuestions(pdf, ics)
    wizard = make_wizard(save_flow=flow_with(dialogs))
    wizard.details_page.findChild(QLineEdit, "nameEdit").setText("<i>Pat</i> O'Neil")
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    child(wizard, QAbstractButton, "savePdfButton").click()
    child(wizard, QAbstractButton, "saveIcsButton").click()
    assert "Name: <i>Pat</i> O'Neil" in _pdf_text(pdf)
    assert b"Pat" not in ics.read_bytes()
    assert Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
