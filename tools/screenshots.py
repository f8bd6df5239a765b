"""Save a PNG of every wizard page, and of the results for a few cases, in docs/screenshots/.

Run `make screenshots`. Uses a real X server (Xvfb, through xvfb-run) when one is
installed, else Qt's offscreen platform. Look at every picture before calling a GUI
change done.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1024, 768)
_CHILD = "CERTALIGN_SCREENSHOTS_CHILD"

#: name, advice date, MA expiration, NREMT status, NREMT expiration
RESULTS = (
    ("results", date(2025, 1, 10), date(2025, 3, 31), "active", date(2026, 3, 31)),
    ("results-late", date(2025, 4, 1), date(2025, 3, 31), "active", date(2026, 3, 31)),
    ("results-not-yet-due", date(2025, 1, 10), date(2026, 3, 31), "active", date(2027, 3, 31)),
)


def _relaunch_under_xvfb() -> int | None:
    """Run this script again under xvfb-run; None when that is not possible or wanted."""
    if os.environ.get(_CHILD) or os.environ.get("QT_QPA_PLATFORM") or not shutil.which("xvfb-run"):
        return None
    env = dict(os.environ, **{_CHILD: "1"})
    command = ["xvfb-run", "-a", "-s", f"-screen 0 {SIZE[0] + 256}x{SIZE[1] + 256}x24"]
    return subprocess.call([*command, sys.executable, *sys.argv], env=env)


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    """Let queued shows, layouts and paints happen."""
    from PySide6.QtTest import QTest

    for _ in range(5):
        app.processEvents()
        QTest.qWait(20)


def _save(widget, name: str, app) -> Path:  # type: ignore[no-untyped-def]
    _settle(app)
    path = OUT / f"{name}.png"
    # Quality 0 is the strongest PNG compression (still lossless).
    if not widget.grab().save(str(path), "PNG", 0):
        raise SystemExit(f"could not write {path}")
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")
    return path


#: The walks of tests/a11y that also take pictures: a station screen, and a dark system theme.
PROBES = Path(__file__).resolve().parent.parent / "tests" / "a11y"
#: (picture, screen, environment, the probe's step picture or None for the theme probe)
STATION_SHOTS = (
    ("station-1024x768-150-answer", "1024x768", {"QT_SCALE_FACTOR": "1.5"}, "07-answer.png"),
    ("station-1024x768-150-roster", "1024x768", {"QT_SCALE_FACTOR": "1.5"}, "09-roster.png"),
    (
        "dark-theme-answer",
        "1366x768",
        {"QT_QPA_PLATFORMTHEME": "gtk3", "GTK_THEME": "Adwaita:dark"},
        None,
    ),
)


def _station_shots() -> None:
    """The whole screen of a station (Xvfb of that size, openbox framing the windows)."""
    import tempfile

    for name, screen, extra, step in STATION_SHOTS:
        with tempfile.TemporaryDirectory() as folder:
            work = Path(folder)
            (work / "crew.csv").write_text(ROSTER, encoding="utf-8")
            target = OUT / f"{name}.png"
            if step is None:
                probe = [str(PROBES / "theme_probe.py"), "--out", str(work / "o.json")]
                probe += ["--shot", str(target)]
            else:
                probe = [str(PROBES / "station_probe.py"), "--roster", str(work / "crew.csv")]
                probe += ["--out", str(work / "o.json"), "--shots", str(work)]
            # openbox frames the window as a desktop would; `--startup` tells when it is up.
            ready = work / "wm-ready"
            script = (
                f'openbox --sm-disable --startup "touch {ready}" & '
                f"while [ ! -e {ready} ]; do sleep 0.1; done; "
                f'exec "{sys.executable}" "$@"'
            )
            env = dict(os.environ, QT_QPA_PLATFORM="xcb", CERTALIGN_LOG_DIR="", **extra)
            env.pop(_CHILD, None)
            subprocess.run(
                [
                    "xvfb-run",
                    "-a",
                    "-s",
                    f"-screen 0 {screen}x24",
                    "sh",
                    "-c",
                    script,
                    "sh",
                    *probe,
                ],
                env=env,
                check=True,
            )
            if step is not None:
                shutil.copyfile(work / step, target)
            print(f"{target.relative_to(OUT.parent.parent)}  {target.stat().st_size // 1024} KB")


def main() -> int:
    """Write the screenshots; return the exit status."""
    argparse.ArgumentParser(description=__doc__).parse_args()
    if not os.environ.get(_CHILD) and shutil.which("xvfb-run") and shutil.which("openbox"):
        _station_shots()
    relaunched = _relaunch_under_xvfb()
    if relaunched is not None:
        return relaunched
    os.environ.setdefault("QT_QPA_PLATFORM", "xcb" if os.environ.get("DISPLAY") else "offscreen")

    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractButton, QApplication

    from certalign_gui.app import _application, build_wizard
    from certalign_gui.gui.wizard.alignment_wizard import AlignmentWizard
    from certalign_gui.rules import load_policy

    app = _application(sys.argv[:1])
    policy = load_policy()
    OUT.mkdir(parents=True, exist_ok=True)
    print(f"platform: {app.platformName()}, font: {app.font().pointSizeF():.1f} pt")

    def make(today: date) -> AlignmentWizard:
        wizard = build_wizard(policy, today=today)
        wizard.resize(*SIZE)
        wizard.show()
        QTest.qWaitForWindowExposed(wizard)
        wizard.activateWindow()
        _settle(app)
        return wizard

    def press(key: Qt.Key) -> None:
        # As a person does: into whatever has the keyboard focus.
        QTest.keyClick(QApplication.focusWidget(), key)
        _settle(app)

    def type_text(text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        _settle(app)

    def choose(wizard: AlignmentWizard, status: str) -> None:
        wizard.findChild(QAbstractButton, f"nremt{status.capitalize()}Radio").click()
        _settle(app)

    wizard = make(date(2025, 1, 10))
    _save(wizard, "01-welcome", app)
    press(Qt.Key.Key_Return)
    _save(wizard, "02-massachusetts-empty", app)
    type_text("04/31/2025")
    _save(wizard, "02-massachusetts-impossible", app)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    type_text("3/31/25")
    _save(wizard, "02-massachusetts", app)
    press(Qt.Key.Key_Return)
    choose(wizard, "active")
    press(Qt.Key.Key_Tab)
    type_text("03312026")
    _save(wizard, "03-nremt", app)
    press(Qt.Key.Key_Return)
    _save(wizard, "04-details", app)
    wizard.close()

    for name, today, ma, status, nremt in RESULTS:
        wizard = make(today)
        press(Qt.Key.Key_Return)
        type_text(ma.strftime("%m/%d/%Y"))
        press(Qt.Key.Key_Return)
        choose(wizard, status)
        press(Qt.Key.Key_Tab)
        type_text(nremt.strftime("%m/%d/%Y"))
        press(Qt.Key.Key_Return)
        press(Qt.Key.Key_Return)
        # The answer opens with the keyboard on its headline (the ring shows where).
        _save(wizard, name, app)
        wizard.close()
    _roster(app, policy, make, press)
    return 0


#: A made-up crew for the roster pictures (no real person), and the roster's advice date.
ROSTER_DAY = date(2025, 10, 1)
ROSTER = """\
Name,MA certification number,MA expiration,NREMT status,NREMT expiration,NREMT number
Avery Castellano,P123401,03/31/2026,active,03/31/2027,E1045521
Jordan Whitfield,E223402,03/31/2025,active,03/31/2026,E1045522
Riley Okonkwo,E223403,03/31/2026,active,03/31/2026,E1045523
Morgan Delacroix,A323404,03/31/2026,expired,,
Casey Lindqvist,E223405,03/31/2027,never,,
Taylor Nakamura,P123406,03/31/2026,active,03/31/2027,E1045526
Quinn Abernathy,E223407,03/31/2027,active,03/31/2028,E1045527
Devon Marchetti,E223408,03/31/2026,active,03/31/2028,E1045528
Skyler Oyelaran,A323409,06/30/2026,active,03/31/2027,E1045529
Reese Halvorsen,E223410,31/03/2026,active,03/31/2027,E1045530
Emerson Tran,E223411,03/31/2026,active,03/31/2027,E1045531
Parker Vasquez,P123412,,active,03/31/2027,E1045532
Harper Kowalski,E223413,03/31/2028,active,03/31/2028,E1045533
"""


def _roster(app, policy, make, press) -> None:  # type: ignore[no-untyped-def]
    """The training officer's window, one person's answer from it, and page 1 of each PDF."""
    import tempfile

    from PySide6.QtCore import Qt

    from certalign_gui.roster.assess import assess_roster
    from certalign_gui.roster.checklists import checklists_pdf
    from certalign_gui.roster.pdf import summary_pdf
    from certalign_gui.roster.reader import read_roster

    with tempfile.TemporaryDirectory() as folder:
        roster = Path(folder) / "engine-3-crew.csv"
        roster.write_text(ROSTER, encoding="utf-8")
        wizard = make(ROSTER_DAY)
        wizard.open_roster(roster)
        window = wizard.roster_window
        window.resize(1180, 720)
        window.activateWindow()
        _save(window, "roster", app)
        press(Qt.Key.Key_Down)
        press(Qt.Key.Key_Return)
        _save(window.person_dialog(), "roster-person", app)
        window.close()
        wizard.close()
        result = assess_roster(read_roster(roster), ROSTER_DAY, policy)
        for name, data in (
            ("roster-summary", summary_pdf(result, printed_on=ROSTER_DAY, policy=policy)),
            ("roster-checklists", checklists_pdf(result.people[:3], printed_on=ROSTER_DAY)),
        ):
            pdf = Path(folder) / f"{name}.pdf"
            pdf.write_bytes(data)
            _page_one(pdf, OUT.parent / f"{name}-page1")


def _page_one(pdf: Path, stem: Path) -> None:
    """Page 1 of ``pdf`` as ``stem``.png, at 60 dpi (pdftoppm, from poppler-utils)."""
    if not shutil.which("pdftoppm"):
        print(f"pdftoppm is not installed: no {stem.name}.png")
        return
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    path = stem.with_suffix(".png")
    print(f"{path.relative_to(OUT.parent.parent)}  {path.stat().st_size // 1024} KB")


if __name__ == "__main__":
    sys.exit(main())
