"""The whole wizard, driven by object names, shows exactly what `assess()` says."""

from __future__ import annotations

from datetime import date

import pytest
from gui_helpers import answer, child
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QWidget
from qt_support import ARRIVALS, TEXT_FORMS, key, tab_to

from certalign_gui.gui.wizard.alignment_wizard import PageId
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.presentation.sentences import days_phrase, deadline_label
from certalign_gui.rules import Situation, assess


def texts(widget: QWidget) -> list[str]:
    """Every non-empty visible label text under ``widget``."""
    return [
        label.text() for label in widget.findChildren(QLabel) if label.text() and label.isVisible()
    ]


def table_rows(wizard) -> list[tuple[str, str, str]]:
    """The key dates table, row by row: (date, what, when)."""
    table = child(wizard, QTableWidget, "deadlinesList")
    assert [table.horizontalHeaderItem(col).text() for col in range(3)] == ["Date", "What", "When"]
    return [
        tuple(table.item(row, col).text() for col in range(3)) for row in range(table.rowCount())
    ]


CASES = [
    # RULES.md worked example 1: MA 2025 / NR 2026 in January, before the recommended date.
    pytest.param(
        date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 1, 10),
        "one_year_alignment", "open",
        [date(2025, 2, 15), date(2025, 3, 31), date(2026, 3, 31)], "$62.50",
        id="worked-1-alignment-open",
    ),
    # Worked example 2: the day after MA expired; late, cannot staff an ambulance.
    pytest.param(
        date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 4, 1),
        "one_year_alignment", "late", [date(2026, 3, 31)], "$62.50",
        id="worked-2-alignment-late",
    ),
    # Worked example 3: NR 2025 / MA 2026, reverse off cycle.
    pytest.param(
        date(2026, 3, 31), "active", date(2025, 3, 31), date(2025, 1, 10),
        "reverse_off_cycle", None, [date(2025, 3, 31), date(2026, 3, 31)], None,
        id="worked-3-reverse-off-cycle",
    ),
    # Worked example 4: NREMT expired (no date known).
    pytest.param(
        date(2026, 3, 31), "expired", None, date(2025, 6, 1),
        "expired_nremt", None, [date(2026, 3, 31)], None,
        id="worked-4-expired-nremt",
    ),
    # Worked example 5: MA 2026 / NR 2027, not yet due; the window opens September 1, 2025.
    pytest.param(
        date(2026, 3, 31), "active", date(2027, 3, 31), date(2025, 1, 10),
        "alignment_not_yet_due", None, [date(2025, 9, 1)], None,
        id="worked-5-not-yet-due",
    ),
    # Between February 15 and March 31: past the recommended date.
    pytest.param(
        date(2025, 3, 31), "active", date(2026, 3, 31), date(2025, 3, 1),
        "one_year_alignment", "past_recommended", [date(2025, 3, 31)], "$62.50",
        id="alignment-past-recommended",
    ),
    # Same year: already aligned.
    pytest.param(
        date(2025, 3, 31), "active", date(2025, 3, 31), date(2025, 1, 10),
        "already_aligned", None, [date(2025, 3, 31)], None,
        id="already-aligned",
    ),
    # Never held NREMT: outside the guidance.
    pytest.param(
        date(2025, 3, 31), "never", None, date(2025, 1, 10),
        "outside_guidance", None, [date(2025, 3, 31)], None,
        id="outside-guidance-never-held",
    ),
    # Expired, with the date known (on or before the advice date).
    pytest.param(
        date(2026, 3, 31), "expired", date(2025, 3, 31), date(2025, 6, 1),
        "expired_nremt", None, [date(2026, 3, 31)], None,
        id="expired-nremt-with-date",
    ),
    # Cycles three years apart: outside the guidance.
    pytest.param(
        date(2025, 3, 31), "active", date(2028, 3, 31), date(2025, 1, 10),
        "outside_guidance", None, [date(2025, 3, 31), date(2028, 3, 31)], None,
        id="outside-guidance-too-far-apart",
    ),
    # A projected cycle (MA 2027 / NR 2028) in its alignment window.
    pytest.param(
        date(2027, 3, 31), "active", date(2028, 3, 31), date(2026, 11, 2),
        "one_year_alignment", "open", [date(2027, 2, 15)], "$62.50",
        id="alignment-projected-cycle",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    ("ma", "status", "nremt", "as_of", "category", "phase", "dates", "fee"), CASES
)
def test_results_page_shows_the_assessment(
    qtbot, make_wizard, policy, request, ma, status, nremt, as_of, category, phase, dates, fee
):
    wizard = make_wizard(today=as_of)
    # Each case arrives in the date fields another way and writes the dates another way.
    number = [case.id for case in CASES].index(request.node.callspec.id)
    how = ARRIVALS[number % len(ARRIVALS)]
    form = TEXT_FORMS[number % len(TEXT_FORMS)]
    answer(qtbot, wizard, ma=ma, status=status, nremt=nremt, how=how, form=form)
    expected = assess(
        Situation(ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of),
        policy,
    )
    shown = wizard.assessment()
    assert shown == expected
    assert (shown.category, shown.phase) == (category, phase)

    words = present(expected)  # the sentences every medium shows
    assert child(wizard, QLabel, "situationLabel").text() == words.headline
    assert child(wizard, QLabel, "explanationLabel").text() == words.explanation
    assert child(wizard, QWidget, "urgencyBanner").accessibleName() == words.banner
    fee_text = child(wizard, QLabel, "feeLabel").text()
    assert fee_text == words.fee_line
    if fee is None:
        assert fee_text.startswith("Alignment fee: none.")
    else:
        assert fee in fee_text

    rows = table_rows(wizard)
    for day in dates:
        assert long_date(day) in [row[0] for row in rows]
    assert rows == [
        (long_date(d.date), deadline_label(d), days_phrase(d.days_from_as_of))
        for d in expected.deadlines
    ]

    step_texts = "\n".join(texts(child(wizard, QWidget, "stepsList")))
    for step, step_words in zip(expected.steps, words.steps, strict=True):
        assert step_words.numbered_title in step_texts
        assert step_words.detail in step_texts
        if step.due is not None:
            assert long_date(step.due) in step_words.due
            assert f"{step_words.due} ({days_phrase(step.days_left)})" in step_texts

    warnings = child(wizard, QWidget, "warningsList")
    assert warnings.isVisible() is bool(expected.warnings)
    warning_texts = "\n".join(texts(warnings))
    for warning in words.cautions:
        assert warning in warning_texts
    if expected.projected:  # projected advice says so among the warnings
        assert words.projected_caution in warning_texts
    assert child(wizard, QWidget, "timelineWidget").assessment() == expected


def test_late_example_says_cannot_staff_an_ambulance(qtbot, make_wizard):
    wizard = make_wizard(today=date(2025, 4, 1))
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    banner = child(wizard, QWidget, "urgencyBanner")
    assert "cannot staff an ambulance" in banner.accessibleName()
    assert banner.level == "expired"
    warnings = texts(child(wizard, QWidget, "warningsList"))
    assert "cannot staff an ambulance" in warnings[0]


def test_planning_ahead_date_is_the_advice_date(qtbot, make_wizard):
    wizard = make_wizard(today=date(2024, 12, 1))
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31), as_of=date(2025, 1, 10))
    assert wizard.assessment().situation.as_of == date(2025, 1, 10)
    assert wizard.assessment().phase == "open"


def test_result_buttons_exist_and_are_enabled(qtbot, make_wizard):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    page = wizard.page(PageId.RESULTS)
    for name in (
        "elicensingButton",
        "nremtButton",
        "printButton",
        "savePdfButton",
        "saveIcsButton",
        "startOverButton",
    ):
        button = page.findChild(QPushButton, name)
        assert button is not None, name
        assert button.isVisible()
        assert button.isEnabled()


@pytest.mark.parametrize(
    ("name", "link"), [("elicensingButton", "elicensing"), ("nremtButton", "nremt")]
)
def test_link_buttons_open_the_policy_url(qtbot, make_wizard, policy, url_recorder, name, link):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    tab_to(qtbot, child(wizard, QPushButton, name))
    key(qtbot, Qt.Key.Key_Space)
    assert url_recorder.urls == [policy.url(link)]


def test_each_step_link_opens_its_url_and_why_shows_the_citation(qtbot, make_wizard, url_recorder):
    wizard = make_wizard()
    answer(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    for step in wizard.assessment().steps:
        card = child(wizard, QWidget, f"step_{step.id}")
        citation = card.findChild(QLabel, "stepCitation")
        assert not citation.isVisible()
        tab_to(qtbot, card.findChild(QWidget, "whyButton"))
        key(qtbot, Qt.Key.Key_Space)
        qtbot.waitUntil(citation.isVisible)
        assert step.citation.text in citation.text()
        assert step.citation.source in citation.text()
        tab_to(qtbot, card.findChild(QPushButton, "stepLinkButton"))
        key(qtbot, Qt.Key.Key_Space)
        assert url_recorder.urls[-1] == step.url
