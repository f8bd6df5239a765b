"""The .ics file, parsed back with icalendar: one all-day event per deadline, two reminders."""

from __future__ import annotations

import inspect
from datetime import UTC, date, datetime, timedelta

import pytest
from checklist_cases import SITUATIONS, assessment_for
from icalendar import Calendar

from certalign_gui.checklist.ics import deadlines_ics, event_uid, step_for
from certalign_gui.presentation.catalogue import long_date
from certalign_gui.presentation.sentences import deadline_label

NOW = datetime(2025, 1, 10, 15, 30, tzinfo=UTC)


def _events(case: str):
    calendar = Calendar.from_ical(deadlines_ics(assessment_for(case), now=NOW))
    return calendar, calendar.walk("VEVENT")


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_one_all_day_event_per_deadline_with_exclusive_end(case):
    assessment = assessment_for(case)
    _calendar, events = _events(case)
    assert len(events) == len(assessment.deadlines)
    for event, deadline in zip(events, assessment.deadlines, strict=True):
        start, end = event.decoded("dtstart"), event.decoded("dtend")
        assert type(start) is date  # VALUE=DATE: all day, no time zone
        assert start == deadline.date
        assert end == deadline.date + timedelta(days=1)  # DTEND is exclusive
        assert deadline_label(deadline) in str(event["summary"])
        assert long_date(deadline.date) in str(event["description"])


def test_the_file_is_rfc5545_shaped():
    raw = deadlines_ics(assessment_for("alignment_open"), now=NOW)
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n")
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")  # CRLF only
    assert max(len(line) for line in raw.split(b"\r\n")) <= 75  # folded
    assert b"DTSTART;VALUE=DATE:20250215\r\n" in raw
    assert b"DTEND;VALUE=DATE:20250216\r\n" in raw
    calendar, events = _events("alignment_open")
    assert str(calendar["version"]) == "2.0"
    assert "certalign" in str(calendar["prodid"])
    # A calendar file, not an iTIP message: METHOD:PUBLISH would need an ORGANIZER (RFC 5546).
    assert "method" not in calendar
    assert b"ORGANIZER" not in raw
    for event in events:
        assert event.decoded("dtstamp") == NOW
        assert event["uid"]


def test_each_event_has_reminders_two_weeks_and_one_day_before():
    _calendar, events = _events("alignment_open")
    for event in events:
        alarms = event.walk("VALARM")
        assert [alarm.decoded("trigger") for alarm in alarms] == [
            timedelta(days=-14),
            timedelta(days=-1),
        ]
        for alarm in alarms:
            assert str(alarm["action"]) == "DISPLAY"
            assert str(alarm["description"]).strip()
            assert "REPEAT" not in alarm  # Outlook ignores it


def test_uids_are_stable_across_exports_and_distinct_within_one():
    first = [str(e["uid"]) for e in _events("alignment_open")[1]]
    later = Calendar.from_ical(
        deadlines_ics(assessment_for("alignment_open"), now=NOW + timedelta(days=3))
    ).walk("VEVENT")
    assert [str(e["uid"]) for e in later] == first
    assert len(set(first)) == len(first)  # two deadlines on March 31, 2026 stay two events
    deadline = assessment_for("alignment_open").deadlines[0]
    assert first[0] == event_uid(deadline)
    assert first[0].endswith("@certalign")


def test_the_description_says_what_to_do_and_where():
    assessment = assessment_for("alignment_open")
    _calendar, events = _events("alignment_open")
    recommended = next(e for e in events if e.decoded("dtstart") == date(2025, 2, 15))
    text = str(recommended["description"])
    assert "Submit the alignment application and pay $62.50" in text
    assert "https://www.mass.gov/info-details/oems-elicensing-faqs" in text
    assert str(recommended["url"]) == "https://www.mass.gov/info-details/oems-elicensing-faqs"
    assert "guidance, not a certification decision" in text
    nremt = next(d for d in assessment.deadlines if d.kind == "nremt_expiration")
    assert step_for(nremt, assessment.steps).id == "renew_nremt"


def test_projected_events_carry_the_caution():
    _calendar, events = _events("projected_late")
    for event in events:
        assert "confirm the fee and dates in eLicensing" in str(event["description"])


def test_a_deadline_without_its_own_step_points_to_the_first_step():
    assessment = assessment_for("expired_nremt")
    (deadline,) = assessment.deadlines
    assert step_for(deadline, assessment.steps).id == "regain_nremt"
    assert step_for(deadline, ()) is None


def test_no_name_or_number_can_reach_the_calendar():
    # Nothing typed on the details page can get in: there is no parameter for it.
    assert list(inspect.signature(deadlines_ics).parameters) == ["assessment", "now"]
    raw = deadlines_ics(assessment_for("alignment_open"), now=NOW).decode()
    for marker in ("Name:", "certification number", "NREMT number:"):
        assert marker not in raw
