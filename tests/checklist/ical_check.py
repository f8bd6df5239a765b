"""Check an .ics the way libical does: parse it, then `check_restrictions` (RFC 5545/5546).

Run with Debian's Python (``/usr/bin/python3``), which has gi and libical's GObject
introspection (Debian: python3-gi, gir1.2-ical-3.0); the project's venv has neither, as
for tests/a11y's pyatspi client. Reads the file's bytes on stdin and prints one JSON
object: what libical parsed, whether the restrictions hold, and every X-LIC-ERROR it added.
"""

import json
import sys

import gi

gi.require_version("ICalGLib", "3.0")
from gi.repository import ICalGLib  # noqa: E402


def kind_name(component):
    """ "VCALENDAR", "VEVENT", "VALARM"."""
    return ICalGLib.Component.kind_to_string(component.isa())


def errors_in(component, found):
    """Every X-LIC-ERROR libical put on ``component`` and below, as text."""
    prop = component.get_first_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    while prop is not None:
        found.append(f"{kind_name(component)}: {prop.get_xlicerror()}")
        prop = component.get_next_property(ICalGLib.PropertyKind.XLICERROR_PROPERTY)
    child = component.get_first_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    while child is not None:
        errors_in(child, found)
        child = component.get_next_component(ICalGLib.ComponentKind.ANY_COMPONENT)
    return found


def main():
    text = sys.stdin.buffer.read().decode("utf-8")
    calendar = ICalGLib.Component.new_from_string(text)
    if calendar is None:
        print(json.dumps({"parsed": False}))
        return
    parse_errors = errors_in(calendar, [])
    valid = bool(calendar.check_restrictions())
    events = calendar.count_components(ICalGLib.ComponentKind.VEVENT_COMPONENT)
    report = {
        "parsed": True,
        "kind": kind_name(calendar),
        "events": events,
        "parse_errors": parse_errors,
        "restrictions_hold": valid,
        "errors": errors_in(calendar, []),
        "method": calendar.get_first_property(ICalGLib.PropertyKind.METHOD_PROPERTY) is not None,
    }
    print(json.dumps(report))


if __name__ == "__main__":
    main()
