"""Every colour the window sets itself, in one place (the rest comes from the palette).

The window is always light (`app._application` asks for the light colour scheme), so each
colour here is chosen against a light background; `tests/a11y/test_station_theme.py`
measures each one against the background it is really drawn on, under a light and a dark
system theme: text at least 4.5:1 and the focus ring at least 3:1 (WCAG 2.1 AA).
"""

from __future__ import annotations

#: The focus ring round whatever has the keyboard focus: 6.0:1 on white.
FOCUS = "#1d5fbf"
#: A problem in words ("April has only 30 days."): 9.4:1 on white, bold.
PROBLEM_TEXT = "#8e0000"
#: The urgency banner's words, on any of its backgrounds.
BANNER_TEXT = "#1a1a1a"
#: A step card's outline (decoration: the card's words and its focus ring carry it).
CARD_BORDER = "#9a9a9a"
#: The urgency banner per level: (background, border). Its words carry the meaning; the
#: colour and the icon only repeat them.
BANNERS: dict[str, tuple[str, str]] = {
    "expired": ("#fdecea", "#b71c1c"),
    "urgent": ("#fff1e0", "#a64d00"),
    "soon": ("#fff8d6", "#7a5c00"),
    "on_track": ("#e9f5ea", "#2e7d32"),
    "info": ("#e8f0fb", "#1d5fbf"),
}
