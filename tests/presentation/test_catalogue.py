"""The one message catalogue: up to date with the code, read with Babel, chosen by --lang or
the system's language, English when there is none; dates and money are Babel's."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from certalign_gui.presentation import catalogue
from tools import catalogue as catalogue_tool

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def restore_language():
    before = catalogue.language()
    yield
    catalogue.use_language(before)


def test_the_catalogue_files_are_up_to_date_with_the_code():
    # `make catalogue` (tools/catalogue.py) makes them; run it after changing a sentence.
    assert catalogue_tool.stale() == []


def test_the_template_holds_the_sentences_of_every_medium():
    with catalogue.locale_folder().joinpath("certalign.pot").open("rb") as pot:
        ids = {message.id for message in read_po(pot) if message.id}
    for sentence in (
        "You need the one-year alignment",  # the rules' headline
        "Alignment fee: {fee}, paid in eLicensing.",  # the frame around the answer
        "There is no day {day} in a month. Check the day.",  # a refused typed date
        "an active NREMT certification needs its expiration date",  # a refused situation
        "the file does not exist",  # a broken policy file
        "OEMS and NREMT alignment checklist",  # the paper's title
        "Today",  # the timeline
    ):
        assert sentence in ids
    assert ("in {days} day", "in {days} days") in ids  # plural forms, for other languages


def test_english_is_the_message_ids_themselves():
    with catalogue.catalogue_file("en").open("rb") as po:
        english = read_po(po)
    for message in list(english)[1:]:  # after the header
        strings = [message.string] if isinstance(message.string, str) else message.string
        assert not any(strings), message.id


@pytest.mark.parametrize(
    ("requested", "environment", "chosen"),
    [
        # --lang wins; a region or an encoding finds the language's catalogue.
        ("en", {"LANG": "en_XA.UTF-8"}, "en"),
        ("en-XA", {}, "en_XA"),
        ("en_US.UTF-8", {}, "en"),
        # No catalogue for it: English (no machine translations are shipped).
        ("es", {}, "en"),
        ("de-DE", {}, "en"),
        # None: the system's language, LC_ALL first, then LC_MESSAGES, then LANG.
        (None, {"LANG": "en_XA.UTF-8"}, "en_XA"),
        (None, {"LC_ALL": "en_XA", "LANG": "es_ES.UTF-8"}, "en_XA"),
        (None, {"LC_MESSAGES": "fr_FR.UTF-8", "LANG": "en_XA"}, "en"),
        (None, {"LANG": "C"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {}, "en"),
    ],
)
def test_the_language_is_lang_or_the_systems_else_english(
    monkeypatch, restore_language, requested, environment, chosen
):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert catalogue.use_language(requested) == chosen
    assert catalogue.language() == chosen


def test_dates_and_money_are_written_by_babel_as_before(restore_language):
    catalogue.use_language("en")
    assert catalogue.long_date(date(2025, 2, 15)) == "February 15, 2025"
    assert catalogue.month_day(3, 31) == "March 31"
    assert catalogue.month_day(2, 29) == "February 29"
    assert catalogue.month_name(4) == "April"
    assert catalogue.short_date(date(2027, 3, 31)) == "31-Mar-2027"
    assert catalogue.money(Decimal("62.50")) == "$62.50"
    assert catalogue.money(Decimal("1234.50")) == "$1,234.50"
    assert catalogue.number(5000) == "5,000"


def test_a_sentence_is_said_in_the_chosen_language(restore_language):
    catalogue.use_language("en_XA")
    said = catalogue._("You need the one-year alignment")
    assert said.startswith("\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}")
    assert said.endswith("\N{MATHEMATICAL RIGHT WHITE SQUARE BRACKET}")
    assert catalogue.ngettext("in {days} day", "in {days} days", 3) != "in {days} days"
    catalogue.use_language("en")
    assert catalogue._("You need the one-year alignment") == "You need the one-year alignment"
    assert catalogue.ngettext("in {days} day", "in {days} days", 3) == "in {days} days"


def test_the_pseudo_locale_wraps_lengthens_and_keeps_placeholders():
    text = "Due by {day} and pay {fee}."
    said = catalogue_tool.pseudo(text)
    assert said[0] == "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}"
    assert said[-1] == "\N{MATHEMATICAL RIGHT WHITE SQUARE BRACKET}"
    assert "{day}" in said
    assert "{fee}" in said
    assert len(said) >= len(text) * 1.4
    assert said.format(day="D", fee="F").count("D") >= 1


def test_babel_is_not_loaded_until_a_date_or_amount_is_written():
    # The window's first page imports these modules; Babel costs start-up time. A sentence
    # needs only the compiled catalogue (the standard library's gettext).
    code = (
        "import sys\n"
        "from certalign_gui.presentation import catalogue, date_words\n"
        "assert 'babel' not in sys.modules\n"
        "catalogue.use_language('en_XA')\n"
        "assert catalogue._('Today') != 'Today'\n"
        "assert 'babel' not in sys.modules\n"
        "catalogue.long_date(__import__('datetime').date(2025, 2, 15))\n"
        "assert 'babel' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_without_any_catalogue_the_words_are_english(monkeypatch, tmp_path, restore_language):
    # A damaged install (resources/locale missing): English sentences, never a crash.
    missing = tmp_path / "no-such-folder"
    monkeypatch.setattr(
        catalogue,
        "locale_folder",
        lambda: (_ for _ in ()).throw(catalogue.MissingResourceError("locale", (missing,))),
    )
    catalogue._translations.cache_clear()
    try:
        assert catalogue.languages() == ("en",)
        assert catalogue.use_language("en-XA") == "en"
        assert catalogue.format_locale() == "en_US"
        assert catalogue._("Today") == "Today"
        assert catalogue.ngettext("in {days} day", "in {days} days", 2) == "in {days} days"
    finally:
        catalogue._translations.cache_clear()


def test_the_window_says_an_expired_date_after_the_advice_date_in_its_own_words():
    from certalign_gui.presentation.input_words import expired_after_advice_date

    assert expired_after_advice_date(date(2025, 1, 11), date(2025, 1, 10)) == (
        'You chose "I had one, but it has expired", but the date you typed, January 11, '
        "2025, is after the advice date, January 10, 2025. If your NREMT certification is "
        'still valid, choose "Yes, it is active". If it has expired, check the date on your '
        "card."
    )
