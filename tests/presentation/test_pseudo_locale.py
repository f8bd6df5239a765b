"""The pseudo-locale (en_XA, made from the catalogue by tools/catalogue.py) says every sentence
wrapped in ⟦…⟧: rendered in it, an answer shows no English outside the brackets. That is the
proof that a translator, given the catalogue, can put every sentence of these media into
another language.

Walked for every category: the plain text (`present` laid out), the checklist's HTML (the
PDF's source), the calendar file's texts, the CLI's text and its JSON ``words``, the typed-date
and situation refusals and the policy file's problems, and the roster table's cells that come
from the answer. What may stand outside the brackets: data, not sentences of the program:
the policy file's titles, link labels and quoted guidance (official OEMS text), web
addresses, and dates and amounts (Babel writes them for the language's locale).

Also walked here: the saved checklist PDF (typst), the printed page (QPainter) and the
checklists for everyone, read back with pypdf. Walked elsewhere: the window, the roster's
outputs (text, CSV headers, summary PDF) in tests/gui/test_pseudo_locale_window.py. Not
walked: the CLI's option help.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from icalendar import Calendar
from pydantic import ValidationError

from certalign_gui import cli
from certalign_gui.checklist.details import Details
from certalign_gui.checklist.html import checklist_html
from certalign_gui.checklist.ics import deadlines_ics
from certalign_gui.presentation import catalogue
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.date_words import date_refusal
from certalign_gui.presentation.input_words import situation_sentence
from certalign_gui.presentation.plain_text import layout
from certalign_gui.presentation.policy_words import policy_error_text
from certalign_gui.rules import PolicyError, Situation, assess, load_policy
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date
from tests.checklist.checklist_cases import PRINTED, SITUATIONS

OPEN, CLOSE = (
    "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}",
    "\N{MATHEMATICAL RIGHT WHITE SQUARE BRACKET}",
)
_WRAPPED = re.compile(f"{OPEN}[^{OPEN}{CLOSE}]*{CLOSE}")
_URL = re.compile(r"https://\S+")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
#: Dates and amounts as Babel writes them for en_XA's formatting locale.
_DATE = re.compile(rf"\b({_MONTHS}) \d{{1,2}}(, \d{{4}})?|\b\d{{1,2}}-[A-Z][a-z]{{2}}-\d{{4}}")
_MONEY = re.compile(r"\$[\d,]+\.\d\d")
#: Two letters in a row: a word.
_WORD = re.compile(r"[A-Za-z]{2,}")


def _policy_data() -> list[str]:
    """Every text of the policy file: data (names, labels, quotations), longest first."""
    policy = load_policy()
    texts = [policy.title, policy.publisher, policy.source]
    for link in policy.links.values():
        texts += [link.label, link.title]
    for cited in policy.citations.values():
        texts += [cited.text, cited.source]
    return sorted(set(texts), key=len, reverse=True)


POLICY_DATA = _policy_data()


def english_left(text: str) -> list[str]:
    """The words of ``text`` outside every ⟦…⟧, once data, addresses, dates and money are
    taken out."""
    while True:
        shorter = _WRAPPED.sub(" ", text)
        if shorter == text:
            break
        text = shorter
    text = _URL.sub(" ", text)
    for data in POLICY_DATA:
        text = text.replace(data, " ")
    text = _DATE.sub(" ", text)
    text = _MONEY.sub(" ", text)
    return _WORD.findall(text)


def test_the_check_finds_english_and_passes_wrapped_words_and_data():
    assert english_left("⟦Ðûé ⟦îñ 3 dáýš⟧⟧ — Due by March 31, 2025") == ["Due", "by"]
    assert english_left(f"⟦Wé⟧ {POLICY_DATA[0]} https://www.nremt.org/ $62.50") == []
    assert english_left("Printed on ⟦x⟧") == ["Printed", "on"]


@pytest.fixture(autouse=True)
def pseudo():
    before = catalogue.language()
    catalogue.use_language("en_XA")
    yield
    catalogue.use_language(before)


CASES = sorted(SITUATIONS)


@pytest.mark.parametrize("case", CASES)
def test_the_plain_text_answer_is_all_wrapped(case):
    text = layout(present(assess(SITUATIONS[case])))
    assert OPEN in text
    assert english_left(text) == []


@pytest.mark.parametrize("case", CASES)
def test_the_checklist_html_is_all_wrapped(case):
    details = Details(name="Qq", ma_number="E1234567", nremt_number="E12345678")
    page = checklist_html(assess(SITUATIONS[case]), details, printed_on=PRINTED, timeline=False)
    body = page.split("<body>", 1)[1]
    visible = re.sub(r"<[^>]+>", " ", body)
    import html

    assert english_left(html.unescape(visible).replace("Qq", "")) == []
    title = re.search(r"<title>(.*)</title>", page)
    assert title is not None
    assert english_left(html.unescape(title.group(1))) == []


@pytest.mark.parametrize("case", CASES)
def test_the_calendar_files_words_are_all_wrapped(case):
    calendar = Calendar.from_ical(deadlines_ics(assess(SITUATIONS[case])))
    said = []
    for component in calendar.walk():
        for key in ("summary", "description"):
            if key in component:
                said.append(str(component[key]))
    assert said
    for text in said:
        assert english_left(text) == [], text


def _cli(capsys, situation: Situation, *extra: str) -> str:
    args = ["--lang", "en-XA", "--ma-expires", situation.ma_expiration.isoformat()]
    args += ["--nremt-status", situation.nremt_status, "--as-of", situation.as_of.isoformat()]
    if situation.nremt_expiration is not None:
        args += ["--nremt-expires", situation.nremt_expiration.isoformat()]
    assert cli.main([*args, *extra]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("case", CASES)
def test_the_cli_text_and_the_json_words_are_all_wrapped(capsys, case):
    assert english_left(_cli(capsys, SITUATIONS[case])) == []
    answer = json.loads(_cli(capsys, SITUATIONS[case], "--json"))
    assert answer["language"] == "en_XA"
    # The words are sentences; codes, keys, dates as data and addresses are not.
    data_keys = {"kind", "id", "banner_level", "name", "url", "day", "advice_day"}

    def sentences(value, key=None):
        if isinstance(value, dict):
            for inner_key, item in value.items():
                yield from sentences(item, inner_key)
        elif isinstance(value, list):
            for item in value:
                yield from sentences(item, key)
        elif isinstance(value, str) and key not in data_keys:
            yield value

    said = list(sentences(answer["words"]))
    assert said
    for text in said:
        assert english_left(text) == [], text


@pytest.mark.parametrize(
    "typed", ["", "04/3", "13/01/2027", "04/31/2027", "02/30/2027", "3312027", "Marc 31 2027",
              "Mar 2027", "31-Feb-27", "1/1/1890", "x", "1/2/3/4"],
)  # fmt: skip
def test_every_typed_date_refusal_is_wrapped(typed):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(typed)
    said = date_refusal(refused.value)
    assert english_left(said) == [], said


@pytest.mark.parametrize(
    "changes",
    [
        {"nremt_expiration": None},
        {"nremt_status": "never"},
        {"as_of": date(1900, 1, 1)},
        {"ma_expiration": "2025-02-30"},
    ],
)
def test_a_refused_situation_is_wrapped(changes):
    data = {
        "ma_expiration": date(2025, 3, 31),
        "nremt_expiration": date(2026, 3, 31),
        "as_of": date(2025, 1, 10),
        **changes,
    }
    with pytest.raises(ValidationError) as raised:
        Situation.model_validate({k: v for k, v in data.items() if v is not None})
    said = situation_sentence(raised.value)
    # pydantic's own explanation of an unreadable date is pydantic's text, quoted in brackets.
    said = re.sub(r"\(Input should be[^)]*\)", "", said)
    assert english_left(said) == [], said


def test_a_broken_policy_file_is_said_wrapped(tmp_path):
    path = tmp_path / "policy.toml"
    path.write_text('schema_version = 1\ntitle = "x"\n', encoding="utf-8")
    with pytest.raises(PolicyError) as raised:
        load_policy(path)
    said = policy_error_text(raised.value).replace(str(path), "")
    # The field names are the file's own keys (data), e.g. "publisher".
    said = re.sub(r"\b[a-z_]+(\.[a-z_]+)*\b", "", said)
    assert english_left(said) == [], said


def test_the_roster_cells_that_come_from_the_answer_are_wrapped():
    from certalign_gui.roster.assess import Person
    from certalign_gui.roster.summary import table_row

    for situation in SITUATIONS.values():
        person = Person(
            row=2, name="Qq", ma_number="", nremt_number="", assessment=assess(situation)
        )
        row = table_row(person)
        for text in (row.situation, row.next_step, row.days_left_text):
            assert english_left(text) == [], text


def _pdf_words(data: bytes, assessments) -> str:
    """The PDF's text, without the QR codes' web addresses (printed cut over lines)."""
    import io

    import pypdf

    from certalign_gui.checklist.html import qr_links

    reader = pypdf.PdfReader(io.BytesIO(data))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    urls = {url for assessment in assessments for _n, _l, url in qr_links(assessment)}
    for url in sorted(urls, key=len, reverse=True):
        text = re.sub(r"\s*".join(re.escape(char) for char in url), " ", text)
    return text


@pytest.mark.parametrize("case", CASES)
def test_the_saved_and_the_printed_checklist_are_all_wrapped(qapp, case):
    # The saved PDF (typst, tagged) and the printed page (QPainter, what a printer gets).
    from certalign_gui.checklist.document import pdf_bytes, render_pdf

    details = Details(name="Qq", ma_number="E1234567", nremt_number="E12345678")
    assessment = assess(SITUATIONS[case])
    saved = pdf_bytes(assessment, details, printed_on=PRINTED)
    printed, _result = render_pdf(assessment, details, printed_on=PRINTED)
    for text in (_pdf_words(saved, [assessment]), _pdf_words(printed, [assessment])):
        assert text.count(OPEN) > 10
        assert english_left(re.sub(r"Qq|E\d+", " ", text)) == []


def test_the_checklists_for_everyone_are_all_wrapped(qapp, tmp_path):
    from certalign_gui.roster.assess import assess_roster
    from certalign_gui.roster.checklists import checklists_pdf
    from certalign_gui.roster.reader import read_roster

    roster = tmp_path / "crew.csv"
    roster.write_text(
        "Name,MA expiration,NREMT status,NREMT expiration\n"
        "Qq Rr,03/31/2025,active,03/31/2026\nSs Tt,03/31/2026,expired,\n",
        encoding="utf-8",
    )
    people = assess_roster(read_roster(roster), date(2025, 1, 10)).people
    text = _pdf_words(
        checklists_pdf(people, printed_on=PRINTED), [person.assessment for person in people]
    )
    assert text.count(OPEN) > 20
    assert english_left(text.replace("Qq Rr", "").replace("Ss Tt", "")) == []


#: Python's own argparse words (its gettext domain, not ours) and what the options are.
_ARGPARSE = re.compile(
    r"usage:|options:|positional arguments:|show this help message and exit"
    r"|show program's version number and exit"
    r"|\{[a-z0-9,]+\}|--?[a-z][a-z-]*|\b[A-Z]{2,}\b|certalign( roster)?"
)


@pytest.mark.parametrize("command", [[], ["roster"]], ids=["certalign", "certalign roster"])
def test_the_commands_help_is_wrapped(capsys, command):
    # The help is said in the language chosen before the parser is made.
    try:
        status = cli.main([*command, "--lang", "en_XA", "--help"])
    except SystemExit as done:  # `certalign --help` exits as argparse does
        status = done.code
    assert status == 0
    text = capsys.readouterr().out
    assert text.count(OPEN) > 10
    assert english_left(_ARGPARSE.sub(" ", text)) == []


@pytest.mark.parametrize(
    "arguments",
    [
        ["roster", "--csv", "out.csv"],  # needs a FILE
        ["roster"],  # nothing to do
        ["roster", "--json"],
        ["roster", "{folder}"],  # a folder, not a file
        ["roster", "{folder}/missing.csv"],
        ["roster", "{folder}/binary.csv"],
        ["roster", "{folder}/crew.csv", "--sheet", "Other"],
        ["roster", "--template", "{folder}/blank.txt"],
        ["roster", "{folder}/crew.csv", "--as-of", "13/45/2026"],
        ["roster", "{folder}/crew.csv", "--csv", "{folder}/crew.csv"],
        ["--ma-expires", "2025-03-31", "--nremt-status", "sometimes"],  # argparse's own words
    ],
)
def test_the_commands_refusals_are_wrapped(capsys, tmp_path, arguments):
    (tmp_path / "crew.csv").write_text("Name,MA expiration\nAnn,03/31/2026\n", encoding="utf-8")
    (tmp_path / "binary.csv").write_bytes(b"\x00\x01\x02" * 100)
    argv = [part.format(folder=tmp_path) for part in arguments]
    status = cli.main([*argv, "--lang", "en_XA"])
    line = capsys.readouterr().err.strip()
    assert status == 2
    assert OPEN in line
    # Argparse's own message about a choice is Python's; the rest is ours. File names and
    # option names are data.
    line = line.replace(str(tmp_path), " ")
    line = re.sub(r"argument --[a-z-]+: invalid choice: '\w+' \(choose from [^)]*\)", " ", line)
    assert english_left(_ARGPARSE.sub(" ", line)) == [], line
