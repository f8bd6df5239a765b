"""The deadlines as an iCalendar (.ics) file: one all-day event each, with two reminders.

Only what the `Assessment` says goes in. There is deliberately no parameter for the
name or certification numbers: an .ics file ends up in cloud calendars.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from certalign_gui import __version__, clock
from certalign_gui.presentation import words
from certalign_gui.presentation.answer import present
from certalign_gui.presentation.catalogue import N_, _, long_date, ngettext
from certalign_gui.presentation.sentences import deadline_label
from certalign_gui.rules.models import Assessment, Deadline, DeadlineKind, Step, StepId

PRODID = f"-//certalign//One-Year Alignment checklist {__version__}//EN"
#: Namespace of the event UIDs: the same deadline always gets the same UID, so importing a
#: second export updates the event instead of adding a copy.
UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "certalign:deadline")
UID_DOMAIN = "certalign"
#: Reminders, in days before the event.
REMINDER_DAYS = (14, 1)

#: A reminder's first words.
TOMORROW = N_("Tomorrow")

#: The step each kind of deadline is about, in order of preference. This is only which
#: sentence to show in the description; the dates themselves come from the Assessment.
_STEP_FOR_KIND: dict[DeadlineKind, tuple[StepId, ...]] = {
    "recommended": ("submit_alignment_application",),
    "late_submission": ("submit_alignment_application",),
    "ma_expiration": ("submit_alignment_application", "renew_ma", "complete_alignment_after_nremt"),
    "nremt_expiration": ("renew_nremt", "recertify_nremt", "regain_nremt"),
    "alignment_window_opens": ("wait_for_instructions",),
}


def event_uid(deadline: Deadline) -> str:
    """A stable UID for one deadline: uuid5 over its kind and date."""
    name = f"{deadline.kind}:{deadline.date.isoformat()}"
    return f"{uuid.uuid5(UID_NAMESPACE, name)}@{UID_DOMAIN}"


def step_for(deadline: Deadline, steps: Sequence[Step]) -> Step | None:
    """The checklist step a deadline belongs to (or the first step, or None without steps)."""
    by_id = {step.id: step for step in steps}
    for step_id in _STEP_FOR_KIND.get(deadline.kind, ()):
        if step_id in by_id:
            return by_id[step_id]
    return steps[0] if steps else None


def event_description(assessment: Assessment, deadline: Deadline) -> str:
    """Plain text for the event: the date, what to do, where, and where the rule comes from."""
    answer = present(assessment)
    label = deadline_label(deadline)
    lines = [f"{label}: {long_date(deadline.date)}.", "", answer.headline + "."]
    step = step_for(deadline, assessment.steps)
    if step is not None:
        said = next(text for text in answer.steps if text.id == step.id)
        lines += ["", f"{_(words.WHAT_TO_DO)}: {said.title}.", said.detail]
        if said.url:
            lines.append(f"{said.link_label}: {said.url}")
    if answer.projected_caution:
        lines += ["", answer.projected_caution]
    lines += ["", answer.source_line]
    return "\n".join(lines)


def reminder_days(assessment: Assessment) -> list[date]:
    """The days the calendar file's reminders go off, soonest first."""
    return sorted(
        deadline.date - timedelta(days=days)
        for deadline in assessment.deadlines
        for days in REMINDER_DAYS
    )


def has_coming_reminder(assessment: Assessment, today: date) -> bool:
    """True when at least one reminder goes off today or later (a file of reminders that
    are all past would remind the person of nothing)."""
    return any(day >= today for day in reminder_days(assessment))


def deadlines_calendar(assessment: Assessment, *, now: datetime | None = None) -> Calendar:
    """Build the calendar; ``now`` (UTC) stamps the events and defaults to the clock."""
    stamp = (now or clock.now_utc()).astimezone(UTC).replace(microsecond=0)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", assessment.policy.title)
    for deadline in assessment.deadlines:
        calendar.add_component(_event(assessment, deadline, stamp))
    return calendar


def deadlines_ics(assessment: Assessment, *, now: datetime | None = None) -> bytes:
    """The .ics file's bytes (RFC 5545: CRLF line ends, long lines folded)."""
    return deadlines_calendar(assessment, now=now).to_ical()


def _event(assessment: Assessment, deadline: Deadline, stamp: datetime) -> Event:
    event = Event()
    event.add("uid", event_uid(deadline))
    event.add("dtstamp", stamp)
    event.add("summary", f"{deadline_label(deadline)} ({assessment.policy.title})")
    event.add("dtstart", deadline.date)
    # All-day events end the next day: DTEND is exclusive (RFC 5545, 3.6.1).
    event.add("dtend", deadline.date + timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    event.add("description", event_description(assessment, deadline))
    step = step_for(deadline, assessment.steps)
    if step is not None and step.url:
        event.add("url", step.url)
    for days in REMINDER_DAYS:
        event.add_component(_alarm(deadline, days))
    return event


def _alarm(deadline: Deadline, days: int) -> Alarm:
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-days))
    when = _(TOMORROW) if days == 1 else ngettext("In {days} day", "In {days} days", days)
    alarm.add(
        "description",
        f"{when.format(days=days)}: {deadline_label(deadline)} ({long_date(deadline.date)})",
    )
    return alarm
