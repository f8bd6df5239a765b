"""What the timeline shows and where, as pure data: the drawing on screen and on the printed
page (QPainter, `timeline_layout`) and the saved PDF's (typst) all place their markers here.

No Qt: the saved PDF is made without it.
"""

from __future__ import annotations

from datetime import date

from certalign_gui.presentation.catalogue import N_, _, long_date
from certalign_gui.presentation.sentences import deadline_label
from certalign_gui.rules import Assessment

AS_OF = "as_of"
#: What the timeline calls the advice date (messages of the one catalogue).
TODAY = N_("Today")
ADVICE_DATE = N_("Advice date")


def as_of_title(assessment: Assessment, today: date) -> str:
    """What the advice date is called: "Today" on the day itself, else "Advice date"."""
    return _(TODAY) if assessment.situation.as_of == today else _(ADVICE_DATE)


def timeline_entries(
    assessment: Assessment, today: date
) -> list[tuple[date, list[str], list[str]]]:
    """What the timeline shows, in date order: (day, kinds, titles), one entry per day."""
    return _groups(assessment, as_of_title(assessment, today))


def _groups(assessment: Assessment, as_of_label: str) -> list[tuple[date, list[str], list[str]]]:
    """Markers grouped by day, in date order: (day, kinds, titles)."""
    by_day: dict[date, tuple[list[str], list[str]]] = {}
    by_day.setdefault(assessment.situation.as_of, ([], []))
    kinds, titles = by_day[assessment.situation.as_of]
    kinds.append(AS_OF)
    titles.append(as_of_label)
    for deadline in assessment.deadlines:
        kinds, titles = by_day.setdefault(deadline.date, ([], []))
        kinds.append(deadline.kind)
        titles.append(deadline_label(deadline))
    return [(day, *by_day[day]) for day in sorted(by_day)]


def fractions(days: list[date]) -> list[float]:
    """Positions 0..1 proportional to the dates, pushed apart so close days stay readable."""
    if len(days) == 1:
        return [0.5]
    span = (days[-1] - days[0]).days or 1
    raw = [(day - days[0]).days / span for day in days]
    gap = min(0.16, 0.9 / (len(days) - 1))
    pushed = [raw[0]]
    for value in raw[1:]:
        pushed.append(max(value, pushed[-1] + gap))
    return [value / pushed[-1] for value in pushed]


def describe_timeline(assessment: Assessment, today: date) -> str:
    """The timeline in words, for screen readers: the picture's own labels and dates."""
    parts = [
        _("{what}: {day}").format(what=_(" and ").join(titles), day=long_date(day))
        for day, _kinds, titles in timeline_entries(assessment, today)
    ]
    return ". ".join(parts) + "."
