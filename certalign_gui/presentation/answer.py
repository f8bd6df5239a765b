"""An `Assessment` as a person reads it: one model that the screen, the paper and the CLI render.

`present()` writes every sentence of the answer once: the headline, the banner, each step's
title and due line, the fee line, the key dates, the cautions and the source line. Each
medium only lays these out (labels, HTML, plain text); none of them writes its own.
Pure Python: no Qt, no clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from certalign_gui.presentation import words
from certalign_gui.presentation.catalogue import _, long_date
from certalign_gui.presentation.sentences import (
    Sentences,
    days_phrase,
    deadline_label,
    fee_text,
    projected_text,
    usual_date_check,
)
from certalign_gui.rules.models import Assessment, Step


@dataclass(frozen=True)
class StepText:
    """One step of the checklist, in words."""

    id: str
    number: int
    total: int
    #: "Submit the alignment application and pay $62.50"
    title: str
    detail: str
    #: "Due by February 15, 2025", or None for a step without a date.
    due: str | None
    #: "in 36 days" (from the advice date), or None.
    due_in: str | None
    #: "Where: eLicensing.", or None for a step without a link.
    where: str | None
    link_label: str | None
    url: str | None
    #: "From the OEMS guidance, How:" (says so when the quote is from another cycle).
    why_label: str
    #: The quoted sentence, in quotation marks.
    why_quote: str

    @property
    def numbered_title(self) -> str:
        """ "2. Submit the alignment application and pay $62.50"."""
        return f"{self.number}. {self.title}"


@dataclass(frozen=True)
class DateRow:
    """One key date: the day, what it is, how far away."""

    kind: str
    day: date
    day_text: str
    label: str
    when: str


@dataclass(frozen=True)
class LinkText:
    """A link the answer offers: short label, full title, address."""

    name: str
    label: str
    title: str
    url: str


@dataclass(frozen=True)
class Answer:
    """Everything a person reads about one assessment, each sentence once."""

    headline: str
    explanation: str
    banner_level: str
    banner: str
    staff_line: str
    steps: tuple[StepText, ...]
    fee_line: str
    key_dates: tuple[DateRow, ...]
    #: The rules' warnings, most serious first (a projected-advice caution among them).
    cautions: tuple[str, ...]
    advice_day: date
    advice_line: str
    source_line: str
    #: The rules' caution for advice projected onto another cycle (also among `cautions`).
    projected_caution: str | None
    links: tuple[LinkText, ...]


def present(assessment: Assessment) -> Answer:
    """The words of ``assessment``, ready for any medium, in the current language."""
    total = len(assessment.steps)
    policy = assessment.policy
    said = Sentences(assessment)
    fee = fee_text(assessment)
    return Answer(
        headline=said.headline(),
        explanation=said.explanation(),
        banner_level=assessment.urgency.level,
        banner=said.banner(assessment.urgency),
        staff_line=_(words.CAN_STAFF if assessment.can_staff_ambulance else words.CANNOT_STAFF),
        steps=tuple(
            _step(step, number, total, said)
            for number, step in enumerate(assessment.steps, start=1)
        ),
        fee_line=_(words.FEE).format(fee=fee) if fee else _(words.NO_FEE),
        key_dates=tuple(
            DateRow(
                kind=deadline.kind,
                day=deadline.date,
                day_text=long_date(deadline.date),
                label=deadline_label(deadline),
                when=days_phrase(deadline.days_from_as_of),
            )
            for deadline in assessment.deadlines
        ),
        cautions=tuple(said.caution(caution) for caution in assessment.warnings),
        advice_day=assessment.situation.as_of,
        advice_line=_(words.ADVICE_AS_OF).format(day=long_date(assessment.situation.as_of)),
        source_line=source_line(policy.title, policy.last_checked),
        projected_caution=(
            projected_text(policy.cycle, assessment.situation.ma_expiration.year)
            if assessment.projected
            else None
        ),
        links=tuple(
            LinkText(name=name, label=link.label, title=link.title, url=link.url)
            for name, link in policy.links.items()
        ),
    )


def source_line(title: str, last_checked: date) -> str:
    """Where the rules come from, when they were checked, and that this is guidance."""
    return _(words.SOURCE).format(title=title, checked=long_date(last_checked))


def _step(step: Step, number: int, total: int, said: Sentences) -> StepText:
    cited = step.citation
    assessment = said.assessment
    ma_year = assessment.situation.ma_expiration.year
    if cited.cycle is not None and cited.cycle != ma_year:
        why_label = _(words.WHY_FROM_OTHER_CYCLE).format(
            source=cited.source, cycle=cited.cycle, ma_year=ma_year
        )
    else:
        why_label = _(words.WHY_FROM).format(source=cited.source)
    link = assessment.policy.links[step.link] if step.link is not None else None
    link_label = link.label if link is not None else None
    return StepText(
        id=step.id,
        number=number,
        total=total,
        title=said.step_title(step),
        detail=said.step_detail(step),
        due=_(words.DUE_BY).format(day=long_date(step.due)) if step.due is not None else None,
        due_in=days_phrase(step.days_left) if step.days_left is not None else None,
        where=_(words.WHERE).format(label=link_label or step.url) if step.url else None,
        link_label=link_label,
        url=step.url,
        why_label=why_label,
        why_quote=_(words.QUOTE).format(text=cited.text),
    )


def not_usual_note(usual: str) -> str:
    """The note under a date field that is not the usual day ("This is not March 31. …")."""
    return _(words.NOT_USUAL).format(usual=usual, check=usual_date_check(usual))
