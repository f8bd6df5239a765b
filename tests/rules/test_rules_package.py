"""`certalign_gui.rules` loads its names on first use, and only the ones it documents."""

import subprocess
import sys

import pytest

import certalign_gui.rules as rules


def test_every_documented_name_resolves():
    for name in rules.__all__:
        assert getattr(rules, name) is not None


def test_the_documented_names_are_exactly_the_lazy_ones():
    assert sorted(rules.__all__) == sorted(rules._HOME_OF)
    assert set(rules.__all__) <= set(dir(rules))


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="nonsense"):
        _ = rules.nonsense


def test_typed_dates_their_words_and_links_load_without_pydantic_or_babel():
    # The window paints its first page with these before the models are needed; Babel
    # loads with the first sentence, date or amount said, not with the modules.
    code = (
        "import sys\n"
        "from certalign_gui.presentation.date_words import date_refusal\n"
        "from certalign_gui.presentation.catalogue import long_date\n"
        "from certalign_gui.rules.typed_dates import parse_typed_date\n"
        "from certalign_gui.rules import is_allowed_url\n"
        "from certalign_gui.rules.limits import MIN_YEAR\n"
        "assert 'pydantic' not in sys.modules, 'pydantic was imported'\n"
        "assert 'babel' not in sys.modules, 'babel was imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
