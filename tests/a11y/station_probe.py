"""Run certalign-gui on a real X server and measure every window a person meets, as JSON.

Started by `test_station_screens.py` with QT_SCALE_FACTOR / QT_FONT_DPI set, on an Xvfb
screen of a station's size with openbox managing the windows. The program is the real one
(`certalign_gui.app.main`); this only adds a walker, started from the event loop, that
goes through the wizard as a person does (keys into whatever has the focus), opens the
answer, then the roster window and one person's window, and after each step writes what
it measured: the screen's free area, the window's frame, and every visible button's place,
size and wanted size. The test decides what is right; this file only measures.

    python station_probe.py --roster FILE --out FILE.json
"""

from __future__ import annotations

import argparse
import json
import sys
import traceback
from pathlib import Path
from typing import Any

from probe_events import settle, wait_until
from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QTableView, QWidget

#: The first worked example (RULES.md): the answer page is at its longest.
TODAY = "2025-01-10"
#: Long enough for openbox to frame a window on a slow machine.
FRAME_WAIT_MS = 5000


def rect(r: QRect) -> list[int]:
    return [r.x(), r.y(), r.width(), r.height()]


def scroll_area_of(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        content = parent.widget() if isinstance(parent, QScrollArea) else None
        if content is not None and content.isAncestorOf(widget):
            return parent
        parent = parent.parentWidget()
    return None


def describe_button(button: QAbstractButton) -> dict[str, Any]:
    top_left = button.mapToGlobal(button.rect().topLeft())
    area = scroll_area_of(button)
    entry: dict[str, Any] = {
        "name": button.objectName() or button.text() or button.accessibleName(),
        "text": button.text(),
        "global": [top_left.x(), top_left.y(), button.width(), button.height()],
        "size_hint": [button.sizeHint().width(), button.sizeHint().height()],
        "visible_region": rect(button.visibleRegion().boundingRect()),
        "in_scroll_area": area is not None,
    }
    if area is not None:
        viewport = area.viewport()
        corner = viewport.mapToGlobal(viewport.rect().topLeft())
        entry["viewport"] = [corner.x(), corner.y(), viewport.width(), viewport.height()]
    return entry


def describe_focus(focus: QWidget | None, window: QWidget) -> dict[str, Any] | None:
    """Where the focused widget is, and the part of its scrolling page that shows."""
    if focus is None or focus.window() is not window:
        return None
    area = scroll_area_of(focus)
    if area is None:
        return None
    corner = focus.mapToGlobal(focus.rect().topLeft())
    viewport = area.viewport()
    view_corner = viewport.mapToGlobal(viewport.rect().topLeft())
    return {
        "global": [corner.x(), corner.y(), focus.width(), focus.height()],
        "viewport": [view_corner.x(), view_corner.y(), viewport.width(), viewport.height()],
    }


def overlaps(window: QWidget) -> list[str]:
    """Parts of a date field drawn over each other (the date in words over the box)."""
    from certalign_gui.gui.wizard.date_field import DateField

    found = []
    for field in window.findChildren(DateField):
        if not field.isVisible() or field.window() is not window:
            continue
        rects = {
            part.objectName() or type(part).__name__: part.geometry()
            for part in field.findChildren(QWidget)
            if part.isVisible() and part.parentWidget() is field
        }
        names = sorted(rects)
        for i, first in enumerate(names):
            for second in names[i + 1 :]:
                if rects[first].intersects(rects[second]):
                    found.append(f"{first} over {second}")
    return found


def describe_scroll(area: QScrollArea) -> dict[str, Any]:
    content = area.widget()
    bar = area.verticalScrollBar()
    # The lowest bottom edge among the content's visible leaf widgets.
    lowest = 0
    for child in content.findChildren(QWidget):
        if child.isVisible() and not child.findChildren(QWidget):
            bottom = child.mapTo(content, child.rect().bottomLeft()).y()
            lowest = max(lowest, bottom)
    return {
        "name": area.objectName(),
        "viewport_height": area.viewport().height(),
        "content_height": content.height(),
        "scroll_max": bar.maximum(),
        "scroll_value": bar.value(),
        "lowest_widget_bottom": lowest,
        "horizontal_max": area.horizontalScrollBar().maximum(),
    }


class Walker:
    def __init__(self, roster: Path, out: Path, shots: Path | None) -> None:
        self.roster = roster
        self.out = out
        self.shots = shots
        self.records: list[dict[str, Any]] = []

    def record(self, step: str, window: QWidget) -> None:
        settle(150)
        screen = window.screen()
        buttons = [
            describe_button(button)
            for button in window.findChildren(QAbstractButton)
            if button.isVisible() and button.window() is window
        ]
        scrolls = [
            describe_scroll(area)
            for area in window.findChildren(QScrollArea)
            if area.isVisible() and area.window() is window and area.widget() is not None
        ]
        focus = QApplication.focusWidget()
        if self.shots is not None:
            # The whole screen, as the person sees it (frame and all).
            screen.grabWindow(0).save(str(self.shots / f"{len(self.records):02d}-{step}.png"))
        self.records.append(
            {
                "step": step,
                "window": window.objectName(),
                "available": rect(screen.availableGeometry()),
                "screen": rect(screen.geometry()),
                "frame": rect(window.frameGeometry()),
                "geometry": rect(window.geometry()),
                "minimum": [window.minimumSize().width(), window.minimumSize().height()],
                "minimum_hint": [
                    window.minimumSizeHint().width(),
                    window.minimumSizeHint().height(),
                ],
                "focus": focus.objectName() if focus is not None else None,
                "focus_place": describe_focus(focus, window),
                "overlaps": overlaps(window),
                "buttons": buttons,
                "scrolls": scrolls,
                "tables": [
                    {
                        "name": view.objectName(),
                        "horizontal_max": view.horizontalScrollBar().maximum(),
                    }
                    for view in window.findChildren(QTableView)
                    if view.isVisible() and view.window() is window
                ],
            }
        )

    def keys(
        self, *keys: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        for key in keys:
            QTest.keyClick(QApplication.focusWidget(), key, modifier)
            settle(30)

    def type(self, text: str) -> None:
        QTest.keyClicks(QApplication.focusWidget(), text)
        settle(30)

    def walk(self) -> None:
        wizard = next(
            w for w in QApplication.topLevelWidgets() if w.objectName() == "alignmentWizard"
        )
        assert wait_until(lambda: wizard.isVisible() and wizard.has_policy(), 20_000), "no policy"
        wizard.activateWindow()
        # The frame is known once the window manager has framed the window.
        wait_until(lambda: wizard.frameGeometry().size() != wizard.size(), FRAME_WAIT_MS)
        settle(300)
        self.record("welcome", wizard)
        self.keys(Qt.Key.Key_P, modifier=Qt.KeyboardModifier.AltModifier)  # Planning ahead?
        assert wait_until(
            lambda: QApplication.focusWidget().objectName() == "asOfDateEdit", 3000
        ), "the advice date never got the focus"
        self.type("1/10/25")
        self.record("welcome-planning-ahead", wizard)
        self.keys(Qt.Key.Key_Return)
        self.record("massachusetts-empty", wizard)
        self.type("4/31/25")  # refused in words: the problem line appears
        self.record("massachusetts-impossible", wizard)
        self.keys(Qt.Key.Key_A, modifier=Qt.KeyboardModifier.ControlModifier)
        self.type("3/31/25")
        self.record("massachusetts", wizard)
        self.keys(Qt.Key.Key_Return)
        self.keys(Qt.Key.Key_Space, Qt.Key.Key_Tab)  # "Yes, it is active", then the date
        self.type("03/31/2026")
        self.record("nremt", wizard)
        self.keys(Qt.Key.Key_Return)
        self.record("details", wizard)
        self.keys(Qt.Key.Key_Return)
        self.record("answer", wizard)
        view = wizard.results_page.view
        assert view is not None
        view.scroll_area.verticalScrollBar().setValue(
            view.scroll_area.verticalScrollBar().maximum()
        )
        self.record("answer-scrolled-to-end", wizard)

        wizard.open_roster(self.roster)
        roster = wizard.roster_window
        assert roster is not None
        assert wait_until(lambda: roster.isVisible() and roster.proxy.rowCount() > 0, 10_000)
        wait_until(lambda: roster.frameGeometry().size() != roster.size(), FRAME_WAIT_MS)
        settle(300)
        self.record("roster", roster)
        roster.table.setFocus()
        self.keys(Qt.Key.Key_Return)  # the first person's answer
        person = roster.person_dialog()
        assert person is not None
        assert wait_until(person.isVisible, 5000)
        wait_until(lambda: person.frameGeometry().size() != person.size(), FRAME_WAIT_MS)
        settle(300)
        self.record("roster-person", person)

    def run(self) -> None:
        status = 0
        try:
            self.walk()
        except Exception:
            traceback.print_exc()
            status = 1
        self.out.write_text(json.dumps(self.records, indent=1), encoding="utf-8")
        QApplication.instance().exit(status)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--roster", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--shots", type=Path, help="save a screenshot of each step here")
    args = parser.parse_args()
    # The program makes its QApplication only if none exists: this one, so the walker can
    # be queued before the program's event loop starts.
    app = QApplication([sys.argv[0]])
    walker = Walker(args.roster, args.out, args.shots)
    QTimer.singleShot(0, app, walker.run)
    from certalign_gui.app import main as program

    return program(["--today", TODAY])


if __name__ == "__main__":
    sys.exit(main())
