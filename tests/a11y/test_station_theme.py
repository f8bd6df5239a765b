"""Light or dark system theme, the window is the same: light, every colour it sets readable
against what is really behind it, and the keyboard focus visible on every kind of control.

`theme_probe.py` runs the real program on a private X screen, once with no desktop theme
and once under GTK's dark Adwaita (QT_QPA_PLATFORMTHEME=gtk3, GTK_THEME=Adwaita:dark), and
measures the colours in the screen's own pixels. Text must reach WCAG 2.1 AA's 4.5:1; the
focus ring (a non-text indicator) 3:1, and it shows only on the control that has the focus.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from a11y_desktop import Desktop

from certalign_gui.gui.shell import colours

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROBE = HERE / "theme_probe.py"
THEMES = {
    "light": {},
    "dark": {"QT_QPA_PLATFORMTHEME": "gtk3", "GTK_THEME": "Adwaita:dark"},
}
#: A ring of 2 pixels round a control is hundreds of pixels; anti-aliasing a few stray ones.
RING_SEEN = 40
RING_ABSENT = 4


def luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_the_contrast_formula_matches_wcag():
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.fixture(scope="module")
def station(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    with Desktop(tmp_path_factory.mktemp("theme"), screen="1366x768x24") as desktop:
        yield desktop


def measure(desktop: Desktop, theme: str, tmp_path: Path) -> dict[str, Any]:
    out = tmp_path / "colours.json"
    done = subprocess.run(
        [sys.executable, str(PROBE), "--out", str(out)],
        env=desktop.env(
            QT_QPA_PLATFORM="xcb",
            CERTALIGN_LOG_DIR=str(tmp_path / "logs"),
            PYTHONDONTWRITEBYTECODE="1",
            **THEMES[theme],
        ),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, f"the probe failed:\n{done.stdout}\n{done.stderr}"
    return json.loads(out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("theme", sorted(THEMES))
def test_every_colour_reads_and_the_focus_shows_in_a_light_and_a_dark_theme(
    station, theme, tmp_path
):
    measured = measure(station, theme, tmp_path)
    # The system theme really was what this case is about (GTK's dark Adwaita needs
    # Debian's libgtk-3-0, which `tools/system-deps.sh test` installs).
    assert measured["system_scheme"] == ("Dark" if theme == "dark" else "Unknown"), measured
    palette = measured["palette"]
    # Light whatever the system says: the colours below are chosen for a light page.
    assert luminance(palette["Window"]) > 0.7, palette
    assert luminance(palette["Base"]) > 0.9, palette
    for text, ground in (("WindowText", "Window"), ("Text", "Base"), ("ButtonText", "Button")):
        assert contrast(palette[text], palette[ground]) >= 4.5, (text, palette)
    tips = measured["tooltip_palette"]
    assert contrast(tips["ToolTipText"], tips["ToolTipBase"]) >= 4.5, tips
    low = [
        f"{t['what']}: {t['colour']} on {t['background']} is "
        f"{contrast(t['colour'], t['background']):.2f}:1"
        for t in measured["texts"]
        if contrast(t["colour"], t["background"]) < 4.5
    ]
    assert not low, "\n".join(low)
    assert len(measured["texts"]) == 2 + len(colours.BANNERS)
    for ring in measured["rings"]:
        if ring["focused"]:
            assert ring["ring_pixels"] >= RING_SEEN, f"no focus ring on {ring['what']}: {ring}"
        else:
            assert ring["ring_pixels"] <= RING_ABSENT, f"a ring without the focus: {ring}"
    # The ring stands out from the button face, the window and the page it is drawn on.
    for ground in ("Button", "Window", "Base"):
        assert contrast(colours.FOCUS, palette[ground]) >= 3.0, ground
    kinds = {ring["what"] for ring in measured["rings"]}
    assert kinds == {"Next (the default button)", "a radio button", "a check box"}
