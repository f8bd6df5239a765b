"""The application icon, shipped as an SVG inside the package."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QIcon


def icon_path() -> str:
    """Where the SVG is (a real file: the package is installed unzipped)."""
    return str(resources.files("certalign_gui") / "resources" / "icons" / "certalign.svg")


def app_icon() -> QIcon:
    """The window icon."""
    return QIcon(icon_path())
