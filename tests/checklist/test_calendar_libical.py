"""The .ics as libical reads it: parsed whole, and `check_restrictions` (RFC 5546) clean.

libical is what Evolution and many servers use; its GObject introspection (ICalGLib) is a
Debian package, so, as tests/a11y's pyatspi client does, the check runs in Debian's own
Python (``/usr/bin/python3``, python3-gi and gir1.2-ical-3.0 from `tools/system-deps.sh
test`): ``ical_check.py`` reads the file on stdin and answers in JSON. Without those
packages the test fails and names them; it never skips.
"""

from __future__ import annotations

import json
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from checklist_cases import SITUATIONS, assessment_for

from certalign_gui.checklist.ics import deadlines_ics

SYSTEM_PYTHON = "/usr/bin/python3"
CHECKER = Path(__file__).with_name("ical_check.py")
NOW = datetime(2025, 1, 10, 15, 30, tzinfo=UTC)


def libical(data: bytes) -> dict[str, object]:
    """What libical says about ``data``."""
    probe = subprocess.run(
        [SYSTEM_PYTHON, "-I", "-c", "import gi; gi.require_version('ICalGLib', '3.0')"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert probe.returncode == 0, (
        "libical's GObject introspection is missing for /usr/bin/python3 "
        "(Debian: python3-gi gir1.2-ical-3.0; `sh tools/system-deps.sh test` installs them)\n"
        + probe.stderr.decode(errors="replace")
    )
    run = subprocess.run(
        [SYSTEM_PYTHON, "-I", str(CHECKER)],
        input=data,
        capture_output=True,
        timeout=60,
        check=True,
    )
    return json.loads(run.stdout)


@pytest.mark.parametrize("case", sorted(SITUATIONS))
def test_libical_parses_the_file_whole_and_its_restrictions_hold(case):
    assessment = assessment_for(case)
    report = libical(deadlines_ics(assessment, now=NOW))
    assert report["parsed"]
    assert report["kind"] == "VCALENDAR"
    assert report["events"] == len(assessment.deadlines)
    assert report["parse_errors"] == []
    assert report["errors"] == []
    assert report["restrictions_hold"] is True
    # A plain calendar file, not an iTIP message: no METHOD, so no ORGANIZER is needed
    # (and no person is named in it).
    assert report["method"] is False


def test_the_checker_does_catch_a_broken_file():
    # The file as it was before: METHOD:PUBLISH without an ORGANIZER fails RFC 5546.
    data = deadlines_ics(assessment_for("alignment_open"), now=NOW)
    broken = data.replace(b"VERSION:2.0\r\n", b"VERSION:2.0\r\nMETHOD:PUBLISH\r\n", 1)
    report = libical(broken)
    assert report["restrictions_hold"] is False
    assert any("ORGANIZER" in error for error in report["errors"])
