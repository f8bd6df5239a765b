"""Typed dates: every accepted form gives exactly its date; anything else is refused in words."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certalign_gui.presentation.date_words import date_refusal
from certalign_gui.rules.limits import MAX_YEAR, MIN_YEAR
from certalign_gui.rules.typed_dates import DateTextError, parse_typed_date, typed_form


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("04/30/2029", date(2029, 4, 30)),  # MM/DD/YYYY
        ("4/3/2029", date(2029, 4, 3)),  # M/D/YYYY
        ("04302029", date(2029, 4, 30)),  # MMDDYYYY
        ("2029-04-30", date(2029, 4, 30)),  # YYYY-MM-DD
        ("2029/4/30", date(2029, 4, 30)),  # year first with slashes
        ("4/3/29", date(2029, 4, 3)),  # a two-digit year is 20YY
        ("043029", date(2029, 4, 30)),  # MMDDYY
        ("03-31-2027", date(2027, 3, 31)),  # dashes, month first
        ("03.31.2027", date(2027, 3, 31)),  # dots
        (" 03 / 31 / 2027 ", date(2027, 3, 31)),  # spaces are ignored
        ("02/29/2028", date(2028, 2, 29)),  # a leap day
        ("01/01/1950", date(MIN_YEAR, 1, 1)),
        ("12/31/2199", date(MAX_YEAR, 12, 31)),
    ],
)
def test_each_accepted_form_gives_exactly_its_date(text, expected):
    assert parse_typed_date(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("02/30/2029", "February 2029 has only 28 days."),
        ("02/29/2029", "February 2029 has only 28 days."),
        ("13/45/2029", "There is no month 13."),
        ("04/31/2029", "April has only 30 days."),
        ("00/10/2029", "There is no month 0."),
        ("01/00/2029", "There is no day 0"),
        ("01/32/2029", "There is no day 32"),
        ("1/1/1890", "Check the year: 1890"),
        ("2300-01-01", "Check the year: 2300"),
        ("abc", "with numbers"),
        ("Smarch 31, 2027", "with numbers"),  # not a month's name
        ("03/31-2027", "This is not a date"),
        ("03/31/20271", "This is not a date"),
        ("123456789", "This is not a date"),
    ],
)
def test_an_impossible_or_unreadable_date_is_refused_in_words(text, words):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert words in date_refusal(refused.value)
    assert not refused.value.incomplete


@pytest.mark.parametrize(
    "text", ["", "  ", "0", "04", "04/", "04/3", "04/30/", "04/30/202", "0430", "2029", "2029-04",
             "2029-04-", "0430202", "02/29/", "1999", "13", "0229"],
)  # fmt: skip
def test_a_half_typed_date_is_incomplete_never_guessed(text):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert refused.value.incomplete
    assert str(refused.value) == refused.value.code  # a code, never a sentence


@pytest.mark.parametrize(
    ("text", "said_at_once"),
    [
        ("3312027", True),  # March 31, 2027 without the leading zero: month 33 cannot be
        ("1312027", True),  # month 13
        ("0230202", True),  # February 30
        ("0430202", False),  # April 30, 202... : one more digit makes it a date
        ("0229202", False),  # February 29 exists in some years
    ],
)
def test_seven_digits_say_how_to_write_the_date(text, said_at_once):
    with pytest.raises(DateTextError, match="seven_digits") as refused:
        parse_typed_date(text)
    # A date that can never grow into one is refused as it is typed, not only on Enter.
    assert refused.value.incomplete is not said_at_once


@given(st.dates(min_value=date(MIN_YEAR, 1, 1), max_value=date(MAX_YEAR, 12, 31)))
def test_every_form_of_a_date_reads_back_as_that_date(day):
    forms = [
        typed_form(day),
        f"{day.month}/{day.day}/{day.year}",
        f"{day.month:02d}{day.day:02d}{day.year}",
        day.isoformat(),
    ]
    if 2000 <= day.year <= 2099:
        forms += [f"{day.month}/{day.day}/{day.year % 100:02d}", day.strftime("%m%d%y")]
    for text in forms:
        assert parse_typed_date(text) == day, text


@given(st.text(max_size=12))
def test_any_text_is_a_date_or_a_sentence(text):
    try:
        parsed = parse_typed_date(text)
    except DateTextError as refused:
        said = date_refusal(refused)
    else:
        said = ""
        assert MIN_YEAR <= parsed.year <= MAX_YEAR
    assert said == "" or said.endswith(".")


def test_the_fields_show_a_four_digit_year_month_first():
    assert typed_form(date(2027, 3, 1)) == "03/01/2027"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("13/", "There is no month 13."),  # the month is known once a separator follows
        ("32-", "There is no month 32."),  # not even a day before a month's name (31-Mar)
        ("13-3", "There is no month 13."),
        ("00/", "There is no month 0."),
        ("04/31", "April has only 30 days."),  # two digits: the day is known
        ("04/31/", "April has only 30 days."),
        ("04/31/2", "April has only 30 days."),
        ("04/31/20", "April has only 30 days."),  # not "April 31, 2020", then nothing
        ("04/31/202", "April has only 30 days."),
        ("04/00/", "There is no day 0"),
        ("04/32/", "There is no day 32"),
        ("02/30/", "February has at most 29 days."),
        ("0431", "April has only 30 days."),  # digits only: month and day known
        ("04312", "April has only 30 days."),
        ("1331", "There is no month 13."),
    ],
)
def test_a_month_or_day_that_can_never_be_right_is_said_while_typing(text, words):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert words in date_refusal(refused.value)
    assert not refused.value.incomplete


def test_typing_an_impossible_date_says_the_same_thing_from_the_day_on():
    typed = "04/31/2025"
    said = []
    for end in range(1, len(typed) + 1):
        try:
            parse_typed_date(typed[:end])
        except DateTextError as refused:
            said.append(None if refused.incomplete else date_refusal(refused))
    assert said == [None, None, None, None] + ["April has only 30 days."] * 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("31-Mar-27", date(2027, 3, 31)),  # Excel's d-mmm-yy, as a CSV holds it
        ("31-Mar-2027", date(2027, 3, 31)),  # d-mmm-yyyy
        ("Mar 31 2027", date(2027, 3, 31)),  # a staffing system's export
        ("March 31, 2027", date(2027, 3, 31)),  # as people write it
        ("31 March 2027", date(2027, 3, 31)),  # day first, with the name it cannot mislead
        ("Mar. 31, 2027", date(2027, 3, 31)),  # an abbreviation with its dot
        ("Sept 30, 2027", date(2027, 9, 30)),
        ("MAR-31-27", date(2027, 3, 31)),  # any case
        ("1-Feb-28", date(2028, 2, 1)),  # one-digit day
        ("March 31st, 2027", date(2027, 3, 31)),
        ("31 - Mar - 27", date(2027, 3, 31)),  # spaces around the separators
        ("  may  5  2027 ", date(2027, 5, 5)),  # runs of spaces are one
    ],
)
def test_a_month_name_with_day_and_year_gives_exactly_its_date(text, expected):
    assert parse_typed_date(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Mar 2027", "with the day and the year"),  # no day: never March 20, 2027
        ("2027 Mar 31", "with the day and the year"),
        ("Feb 30 2027", "February 2027 has only 28 days."),
        ("31-Apr-27", "April has only 30 days."),
        ("Mar 31 1890", "Check the year: 1890"),
        ("Marc 31 2027", "with numbers"),  # neither a name nor its three letters
    ],
)
def test_a_month_name_form_that_is_not_one_date_is_refused_in_words(text, words):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert words in date_refusal(refused.value)
    assert not refused.value.incomplete


@pytest.mark.parametrize(
    "text", ["M", "Ma", "Mar", "Mar.", "March ", "March 3", "March 31", "March 31,",
             "31-", "31-M", "31-Mar", "31-Mar-", "31-Mar-2", "Sept"],
)  # fmt: skip
def test_a_month_name_being_typed_is_incomplete(text):
    with pytest.raises(DateTextError) as refused:
        parse_typed_date(text)
    assert refused.value.incomplete, text


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)))
def test_every_month_name_form_reads_back_as_that_date(day):
    forms = [
        day.strftime("%d-%b-%y"),
        day.strftime("%d-%b-%Y"),
        day.strftime("%b %d %Y"),
        day.strftime("%B %d, %Y"),
        f"{day.day} {day:%B} {day.year}",
    ]
    for text in forms:
        assert parse_typed_date(text) == day, text
