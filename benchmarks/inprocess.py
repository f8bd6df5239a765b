"""In-process benchmarks: assess() throughput and the checklist outlets (HTML, PDF, .ics)."""

from __future__ import annotations

import os
import random
import statistics
import time
from collections.abc import Callable
from datetime import date, timedelta

from certalign_gui.rules import Situation, assess, load_policy

SEED = 20251


def situations(count: int, seed: int = SEED) -> list[Situation]:
    """A fixed, seeded set of valid situations spread over every category."""
    rng = random.Random(seed)
    found: list[Situation] = []
    while len(found) < count:
        ma_year = rng.randint(2020, 2035)
        ma = date(ma_year, 3, 31) if rng.random() < 0.9 else date(ma_year, rng.randint(1, 12), 1)
        as_of = ma - timedelta(days=rng.randint(-500, 900))
        status = rng.choices(("active", "expired", "never"), weights=(8, 1, 1))[0]
        nremt: date | None = None
        if status == "active":
            nremt = date(ma_year + rng.choice((-1, 0, 1, 1, 1, 2)), 3, 31)
        elif status == "expired" and rng.random() < 0.5:
            nremt = as_of - timedelta(days=rng.randint(0, 400))
        found.append(
            Situation(ma_expiration=ma, nremt_status=status, nremt_expiration=nremt, as_of=as_of)
        )
    return found


def assess_throughput(count: int) -> float:
    """Assessments per second over ``count`` fixed situations (policy loaded once)."""
    policy = load_policy()
    cases = situations(count)
    assess(cases[0], policy)  # warm-up
    start = time.perf_counter()
    for situation in cases:
        assess(situation, policy)
    return count / (time.perf_counter() - start)


def median_ms(action: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``action`` in milliseconds, after one warm-up call."""
    action()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


#: The saved PDF's row (typst, tagged PDF/UA-1, warm): the one with the 50 ms target. Each
#: PDF is another person's (another name, other dates), as at a station: typst remembers
#: what it laid out, so the same page again would take a few ms and measure nothing.
PDF_ROW = "checklist PDF, one page with QR and timeline (ms)"
#: The first saved PDF of a session: typst loads, reads the fonts and the template.
PDF_FIRST_ROW = "checklist PDF, the session's first (typst loads) (ms)"
#: The printed page (QPainter; what Print and the preview draw), written to a PDF, for the
#: same people.
PRINTED_ROW = "printed page via QPainter, as a PDF (ms)"


def outlet_timings(repeats: int) -> dict[str, float]:
    """Median ms for the checklist HTML, the saved PDF (typst) and the printed page (QPainter)
    in the same run, the first saved PDF of a session, and the .ics."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from certalign_gui.checklist.details import Details
    from certalign_gui.checklist.document import pdf_bytes, render_pdf
    from certalign_gui.checklist.html import checklist_html
    from certalign_gui.checklist.ics import deadlines_ics

    assessment = assess(
        Situation(
            ma_expiration=date(2025, 3, 31),
            nremt_expiration=date(2026, 3, 31),
            as_of=date(2025, 1, 10),
        )
    )
    details = Details(name="Pat Example", ma_number="E123456", nremt_number="E1234567")
    day = assessment.situation.as_of
    start = time.perf_counter()
    pdf_bytes(assessment, details, printed_on=day)
    first = (time.perf_counter() - start) * 1000
    # One person per call (the warm-up call included), never the same page twice.
    people = [
        (assess(situation), Details(name=f"Pat Example {n}", ma_number=f"E{123456 + n}"))
        for n, situation in enumerate(situations(repeats + 1))
    ]

    def each_person(make: Callable[..., object]) -> Callable[[], object]:
        queue = iter(people)

        def action() -> object:
            person, their_details = next(queue)
            return make(person, their_details, printed_on=person.situation.as_of)

        return action

    return {
        "checklist HTML (ms)": median_ms(
            lambda: checklist_html(assessment, details, printed_on=day), repeats
        ),
        PDF_ROW: median_ms(each_person(pdf_bytes), repeats),
        PDF_FIRST_ROW: first,
        PRINTED_ROW: median_ms(each_person(render_pdf), repeats),
        ".ics calendar (ms)": median_ms(lambda: deadlines_ics(assessment), repeats),
    }
