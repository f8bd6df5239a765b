"""The application icon: an SVG among the program's resources (see `basics.resource_lookup`)."""

from __future__ import annotations

import logging

from PySide6.QtGui import QIcon

from certalign_gui.basics.resource_lookup import MissingResourceError, resource_path

ICON = ("icons", "certalign.svg")

log = logging.getLogger(__name__)


def icon_path() -> str:
    """Where the SVG is (always a real file: nothing is installed zipped).

    Raises:
        MissingResourceError: the resources folder, or the icon in it, is missing.
    """
    return str(resource_path(*ICON))


def app_icon() -> QIcon:
    """The window icon; without its file, an empty icon and one line in the log.

    The window still opens: a program without its resources then stops at the policy file,
    with a dialog that names what is missing, instead of a traceback before any window.
    """
    try:
        return QIcon(icon_path())
    except MissingResourceError as exc:
        log.warning("%s", exc)
        return QIcon()
