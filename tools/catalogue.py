"""The message catalogue, made from the code with Babel (`make catalogue`).

- ``resources/locale/certalign.pot``: every sentence marked in ``certalign_gui`` (``_``,
  ``N_``, ``ngettext``), extracted by Babel;
- ``resources/locale/en/LC_MESSAGES/certalign.po``: English, the first catalogue (its message
  ids are the English sentences, so its translations stay empty);
- ``resources/locale/en_XA/LC_MESSAGES/certalign.po``: the pseudo-locale, generated: every
  sentence wrapped in ``⟦…⟧`` and about 40 % longer, placeholders kept. A test renders every
  answer in it and finds no sentence left outside the catalogue;
- ``certalign.mo`` beside each ``.po``: compiled by Babel. The program reads these with the
  standard library's gettext (reading a .po at run time costs about 20 ms of start-up); they
  are committed, so a fresh clone, the wheel and the bundle have them without a build step.

``python tools/catalogue.py`` writes the three; ``--check`` says whether they are up to date
(tests/presentation/test_catalogue.py runs the same check). The output has no dates or line
numbers, so it changes only when a sentence does.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from datetime import datetime
from io import BytesIO
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "certalign_gui"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "certalign"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}
#: The same header every time, so the files change only with the sentences.
_FIXED_DATE = datetime(2026, 1, 1)
PSEUDO = "en_XA"
OPEN, CLOSE = (
    "\N{MATHEMATICAL LEFT WHITE SQUARE BRACKET}",
    "\N{MATHEMATICAL RIGHT WHITE SQUARE BRACKET}",
)
#: How much longer a pseudo sentence is (translations run about 40 % longer than English).
GROWTH = 0.4
_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")
_ACCENTS = str.maketrans(
    "aeiouyAEIOUYcnsz",
    "\u00e1\u00e9\u00ee\u00f6\u00fb\u00fd\u00c1\u00c9\u00ce\u00d6\u00db\u00dd\u00e7\u00f1\u0161\u017e",
)


def _new_catalog(locale: str | None) -> Catalog:
    return Catalog(
        locale=locale,
        domain=DOMAIN,
        project="certalign",
        version="",
        copyright_holder="certalign",
        msgid_bugs_address="",
        creation_date=_FIXED_DATE,
        revision_date=_FIXED_DATE,
        fuzzy=False,
    )


def extract() -> Catalog:
    """Every marked sentence of the program, with the files it is in."""
    catalog = _new_catalog(None)
    found = extract_from_dir(
        str(PACKAGE), method_map=[("**.py", "python")], keywords=KEYWORDS, comment_tags=("#:",)
    )
    for filename, _lineno, message, comments, context in found:
        location = (f"certalign_gui/{filename}", None)
        catalog.add(message, None, [location], auto_comments=comments, context=context)
    return catalog


def pseudo(text: str) -> str:
    """``"Due by {day}"`` -> ``"⟦Ðûé ƀý {day} ·····⟧"``: accented, longer, wrapped; the
    placeholders are kept as they are."""
    parts = _PLACEHOLDER.split(text)
    holders = _PLACEHOLDER.findall(text)
    out = parts[0].translate(_ACCENTS)
    for holder, part in zip(holders, parts[1:], strict=True):
        out += holder + part.translate(_ACCENTS)
    padding = "\N{MIDDLE DOT}" * max(1, math.ceil(len(text) * GROWTH) - 2)
    return f"{OPEN}{out} {padding}{CLOSE}"


def translated(template: Catalog, locale: str, translate) -> Catalog:
    """A catalogue for ``locale`` with every message of ``template`` said by ``translate``
    (None: left empty, which means "the message id itself")."""
    catalog = _new_catalog(locale)
    for message in template:
        if not message.id:
            continue
        if translate is None:
            string = () if message.pluralizable else ""
            if message.pluralizable:
                string = ("",) * catalog.num_plurals
        elif message.pluralizable:
            singular, plural = message.id
            string = tuple([translate(singular)] + [translate(plural)] * (catalog.num_plurals - 1))
        else:
            string = translate(message.id)
        catalog.add(message.id, string, message.locations, auto_comments=message.auto_comments)
    return catalog


def _po_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, width=100, sort_output=True, include_lineno=False)
    # Babel's version is no part of the catalogue (it would make the check fail elsewhere).
    return re.sub(rb'"Generated-By: [^"]*"\n', b"", out.getvalue())


def _mo_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_mo(out, catalog)
    return out.getvalue()


def languages() -> list[str]:
    """The languages with a catalogue (a translator's .po file, or the generated ones)."""
    found = {path.parent.parent.name for path in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po")}
    return sorted(found | {"en", PSEUDO})


def outputs() -> dict[Path, bytes]:
    """What each catalogue file should hold, made from the code as it is now: the template,
    English and the pseudo-locale from the code; every language's compiled .mo from its .po
    (the program reads the .mo, with the standard library's gettext)."""
    template = extract()
    made = {
        "en": translated(template, "en", None),
        PSEUDO: translated(template, PSEUDO, pseudo),
    }
    files = {LOCALE / f"{DOMAIN}.pot": _po_bytes(template)}
    for language in languages():
        folder = LOCALE / language / "LC_MESSAGES"
        if language in made:
            catalog = made[language]
            files[folder / f"{DOMAIN}.po"] = _po_bytes(catalog)
        else:
            with (folder / f"{DOMAIN}.po").open("rb") as po:
                catalog = read_po(po, locale=language, domain=DOMAIN)
        files[folder / f"{DOMAIN}.mo"] = _mo_bytes(catalog)
    return files


def stale() -> list[Path]:
    """The catalogue files that differ from what the code says (or are missing)."""
    return [
        path for path, data in outputs().items() if not path.is_file() or path.read_bytes() != data
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--check", action="store_true", help="only say whether it is up to date")
    args = parser.parse_args(argv)
    if args.check:
        old = stale()
        for path in old:
            print(f"out of date: {path.relative_to(ROOT)} (run make catalogue)")
        return 1 if old else 0
    for path, data in outputs().items():
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
