"""Run certalign-gui on a real X server under the system theme it is given, and measure its
colours as drawn: JSON for `test_station_theme.py`.

For every colour the program sets (`certalign_gui.gui.shell.colours`), the widget that shows it is
grabbed from the screen's own rendering and its background read from the picture (the most
common colour in it), so the contrast measured is against what is really behind the text.
The focus ring is looked for in the picture of a radio button, a check box and Next, with
and without the keyboard focus.

    python theme_probe.py --out FILE.json [--shot FILE.png]
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

from probe_events import settle, wait_until
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget, QWizard

TODAY = "2025-01-10"


def picture(widget: QWidget) -> QImage:
    """The widget as the screen shows it (the real pixels, whatever is behind it)."""
    settle()
    corner = widget.mapToGlobal(widget.rect().topLeft())
    shot = widget.screen().grabWindow(0, corner.x(), corner.y(), widget.width(), widget.height())
    return shot.toImage().convertToFormat(QImage.Format.Format_RGB32)


def colours_in(image: QImage) -> Counter[str]:
    counts: Counter[str] = Counter()
    for y in range(image.height()):
        for x in range(image.width()):
            counts[QColor(image.pixel(x, y)).name()] += 1
    return counts


def background(widget: QWidget) -> str:
    """The colour most of the widget's picture is: what its text stands on."""
    return colours_in(picture(widget)).most_common(1)[0][0]


def near(colour: str, target: str, tolerance: int = 40) -> bool:
    a, b = QColor(colour), QColor(target)
    return (
        abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) <= tolerance
    )


def ring_pixels(widget: QWidget, ring: str) -> int:
    """How many pixels of the widget's picture are the focus ring's colour."""
    return sum(n for colour, n in colours_in(picture(widget)).items() if near(colour, ring))


class Probe:
    def __init__(self, out: Path, shot: Path | None) -> None:
        self.out = out
        self.shot = shot
        self.result: dict[str, Any] = {"texts": [], "rings": []}

    def text(self, what: str, widget: QWidget, colour: str) -> None:
        assert widget.isVisible(), what
        self.result["texts"].append(
            {"what": what, "colour": colour, "background": background(widget)}
        )

    def ring(self, what: str, widget: QWidget, *, focused: bool, ring: str) -> None:
        if focused:
            assert wait_until(widget.hasFocus, 3000), f"{what} never got the focus"
        else:
            assert wait_until(lambda: not widget.hasFocus(), 3000), f"{what} kept the focus"
        self.result["rings"].append(
            {
                "what": what,
                "focused": focused,
                "ring_pixels": ring_pixels(widget, ring),
            }
        )

    def keys(
        self, *keys: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        for key in keys:
            QTest.keyClick(QApplication.focusWidget(), key, modifier)
            settle(30)

    def tab_to(self, target: QWidget) -> None:
        """Tab until ``target`` has the focus, as a person does (a dozen presses at most)."""
        seen = []
        for _ in range(12):
            if QApplication.focusWidget() is target:
                return
            seen.append(QApplication.focusWidget().objectName())
            self.keys(Qt.Key.Key_Tab)
        raise AssertionError(f"Tab never reached {target.objectName()}: {seen}")

    def type(self, text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        settle(30)

    def walk(self) -> None:
        from certalign_gui.gui.shell import colours

        app = QApplication.instance()
        wizard = next(w for w in app.topLevelWidgets() if w.objectName() == "alignmentWizard")
        assert wait_until(lambda: wizard.isVisible() and wizard.has_policy(), 20_000)
        wizard.activateWindow()
        assert wait_until(wizard.isActiveWindow, 5000), "the window never became active"
        settle(200)
        palette = app.palette()
        self.result["scheme"] = app.styleHints().colorScheme().name
        self.result["palette"] = {
            role: palette.color(getattr(QPalette.ColorRole, role)).name()
            for role in ("Window", "WindowText", "Base", "Text", "Button", "ButtonText")
        }
        self.result["tooltip_palette"] = {
            "ToolTipBase": palette.color(QPalette.ColorRole.ToolTipBase).name(),
            "ToolTipText": palette.color(QPalette.ColorRole.ToolTipText).name(),
        }
        ring = colours.FOCUS
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        # The Next button (the default one): no ring while the heading has the focus, a
        # ring once Tab reaches it; then it is pressed from the keyboard.
        self.ring("Next (the default button)", next_button, focused=False, ring=ring)
        self.tab_to(next_button)
        self.ring("Next (the default button)", next_button, focused=True, ring=ring)
        # Massachusetts: a date that cannot be, said in dark red.
        self.keys(Qt.Key.Key_Return)
        self.keys(Qt.Key.Key_Return)  # Enter on an empty date: "Type the date ..."
        self.text("the date problem", wizard.findChild(QLabel, "maExpirationEditProblem"),
                  colours.PROBLEM_TEXT)  # fmt: skip
        self.type("3/31/25")
        self.keys(Qt.Key.Key_Return)
        # NREMT: the first answer has the focus as the page opens (a radio button).
        radio = wizard.findChild(QWidget, "nremtActiveRadio")
        self.ring("a radio button", radio, focused=True, ring=ring)
        self.keys(Qt.Key.Key_Down, Qt.Key.Key_Space)  # "expired", chosen
        expired = wizard.findChild(QWidget, "nremtExpiredRadio")
        self.ring("a radio button", radio, focused=False, ring=ring)
        check = wizard.findChild(QWidget, "nremtKnowDateCheck")
        self.tab_to(check)
        self.ring("a check box", check, focused=True, ring=ring)
        self.keys(Qt.Key.Key_Space)
        self.tab_to(wizard.findChild(QWidget, "nremtExpirationEdit"))
        self.ring("a check box", check, focused=False, ring=ring)
        self.type("03/31/2026")  # after the advice date: said in words, in dark red
        self.text("the NREMT problem", wizard.findChild(QLabel, "nremtProblem"),
                  colours.PROBLEM_TEXT)  # fmt: skip
        assert expired.isVisible()
        self.keys(Qt.Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
        self.type("03/31/2024")
        self.keys(Qt.Key.Key_Return, Qt.Key.Key_Return)  # on, past the details
        view = wizard.results_page.view
        assert view is not None
        assert wait_until(view.isVisible, 3000)
        banner = view.banner
        for level in colours.BANNERS:
            banner.set_urgency(level, f"A {level} banner")  # set-up: each colour once
            self.text(f"the {level} banner", banner, colours.BANNER_TEXT)
        if self.shot is not None:
            view.show_assessment(wizard.assessment(), today=wizard.today())
            settle(200)
            wizard.screen().grabWindow(0).save(str(self.shot))

    def run(self) -> None:
        status = 0
        try:
            self.walk()
        except Exception:
            traceback.print_exc()
            status = 1
        self.out.write_text(json.dumps(self.result, indent=1), encoding="utf-8")
        QApplication.instance().exit(status)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--shot", type=Path)
    args = parser.parse_args()
    app = QApplication([sys.argv[0]])
    probe = Probe(args.out, args.shot)
    # What the system asks for, before the program asks for light.
    probe.result["system_scheme"] = app.styleHints().colorScheme().name
    QTimer.singleShot(0, app, probe.run)
    from certalign_gui.app import main as program

    return program(["--today", TODAY])


if __name__ == "__main__":
    sys.exit(main())
