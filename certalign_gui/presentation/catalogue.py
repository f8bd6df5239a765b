"""The one message catalogue: every sentence the presentation writes goes through here.

gettext through Babel. The catalogue is ``resources/locale/certalign.pot`` (made from the code
by ``make catalogue``, which runs Babel's extraction) and one ``.po`` file per language under
``resources/locale/<language>/LC_MESSAGES/``, with its ``.mo`` compiled by Babel beside it (also
by ``make catalogue``; committed, and a test fails when one is out of date). The program reads
the ``.mo`` with the standard library's gettext, once, when the first sentence is asked for:
reading the ``.po`` with Babel at run time cost about 20 ms of start-up.

English is the first catalogue (the English sentences are the catalogue's message ids);
``en_XA`` is a pseudo-locale made from the catalogue by ``tools/catalogue.py`` (every sentence
wrapped in ``⟦…⟧`` and about 40 % longer), for the test that proves nothing is left out.

The language is ``--lang`` or the system's (``LC_ALL``, ``LC_MESSAGES``, ``LANG``); English
when there is no catalogue for it. Dates and money are written by Babel for that language:
English says "February 15, 2025" and "$62.50".

Babel is imported only when the first date or amount is written: the window's first page
needs none.
"""

from __future__ import annotations

import os
from datetime import date
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path

if TYPE_CHECKING:
    import gettext
    from decimal import Decimal

    from babel import Locale

DOMAIN = "certalign"
ENGLISH = "en"
#: The pseudo-locale: generated, never shipped as a language choice in the window.
PSEUDO = "en_XA"
#: The Babel locale each catalogue formats dates and money with.
_FORMAT_LOCALES = {ENGLISH: "en_US", PSEUDO: "en_US"}
_ENVIRONMENT = ("LC_ALL", "LC_MESSAGES", "LANG")


def N_(message: str) -> str:
    """Mark a sentence for the catalogue where it is defined; `_` translates it where used."""
    return message


def locale_folder() -> Path:
    """``resources/locale``, wherever the program runs from."""
    return resource_path("locale")


def catalogue_file(language: str, suffix: str = ".po") -> Path:
    """The ``.po`` file of one language (``suffix=".mo"``: its compiled form)."""
    return locale_folder() / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


def languages() -> tuple[str, ...]:
    """The languages with a catalogue (English first)."""
    try:
        folder = locale_folder()
    except MissingResourceError:
        return (ENGLISH,)
    found = sorted(
        p.name for p in folder.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.mo").is_file()
    )
    return (ENGLISH, *(name for name in found if name != ENGLISH))


def _system_language() -> str:
    for name in _ENVIRONMENT:
        value = os.environ.get(name, "")
        if value:
            return value
    return ENGLISH


def choose_language(requested: str | None) -> str:
    """The catalogue for ``requested`` (a tag such as ``es``, ``es-MX``, ``es_MX.UTF-8``; None:
    the system's), or English when there is none for it."""
    tag = requested if requested else _system_language()
    tag = tag.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    available = {name.casefold(): name for name in languages()}
    for candidate in (tag, tag.split("_", 1)[0]):
        if candidate.casefold() in available:
            return available[candidate.casefold()]
    return ENGLISH


#: The catalogue in use; None until chosen (by `use_language`, or on first use: the system's).
_current: list[str] = []


def use_language(requested: str | None) -> str:
    """Speak ``requested`` (None: the system's language) from now on; returns the catalogue
    chosen (``en`` when there is none for it)."""
    _current[:] = [choose_language(requested)]
    return _current[0]


def language() -> str:
    """The catalogue in use (the system's language until `use_language` is called)."""
    return _current[0] if _current else use_language(None)


@cache
def _translations(language: str) -> gettext.NullTranslations:
    """The catalogue of ``language``, read from its compiled ``.mo`` file."""
    import gettext  # with the first sentence, not at start-up (the first page needs none)

    try:
        with catalogue_file(language, ".mo").open("rb") as mo:
            return gettext.GNUTranslations(mo)
    except (MissingResourceError, FileNotFoundError):
        # No catalogue at all: the English message ids are the English sentences.
        return gettext.NullTranslations()


def format_locale() -> str:
    """The locale dates and money are written for (``en_US`` for English), without Babel."""
    current = language()
    return _FORMAT_LOCALES.get(current, current)


@cache
def _babel_locale(language: str) -> Locale:
    from babel import Locale

    return Locale.parse(_FORMAT_LOCALES.get(language, language))


def _(message: str) -> str:
    """``message`` in the current language."""
    return _translations(language()).gettext(message)


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural sentence for ``count``, in the current language."""
    return _translations(language()).ngettext(singular, plural, count)


def long_date(day: date) -> str:
    """``date(2025, 2, 15)`` -> "February 15, 2025" (English), whatever the machine's locale."""
    from babel.dates import format_date

    return format_date(day, format="long", locale=_babel_locale(language()))


def month_day(month: int, day: int) -> str:
    """``(3, 31)`` -> "March 31": a day of every year (written with a leap year, so
    February 29 can be said)."""
    from babel.dates import format_skeleton

    return format_skeleton("MMMMd", date(2000, month, day), locale=_babel_locale(language()))


def month_name(month: int) -> str:
    """``3`` -> "March"."""
    from babel.dates import format_date

    return format_date(date(2000, month, 1), format="LLLL", locale=_babel_locale(language()))


def short_date(day: date) -> str:
    """``date(2027, 3, 31)`` -> "31-Mar-2027", as Excel writes it."""
    from babel.dates import format_date

    return format_date(day, format="d-MMM-y", locale=_babel_locale(language()))


def money(amount: Decimal, currency: str = "USD") -> str:
    """``Decimal("62.50")`` -> "$62.50"."""
    from babel.numbers import format_currency

    return format_currency(amount, currency, locale=_babel_locale(language()))


def number(value: int) -> str:
    """``1234`` -> "1,234"."""
    from babel.numbers import format_decimal

    return format_decimal(value, locale=_babel_locale(language()))
