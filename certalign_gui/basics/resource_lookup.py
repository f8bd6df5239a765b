"""Where the program's non-code files (policy data, icons, translations) are, however it runs.

They live in the checkout's top-level ``resources/`` folder. A wheel installs that folder as
``certalign_gui/resources/`` (a setuptools ``package-dir`` mapping), and the PyInstaller bundle
puts it at ``_internal/certalign_gui/resources/``; a checkout, run as it is or installed in
editable mode, has it next to the package. This module is the one place that knows this:
everything else asks `resource_path`.
"""

from __future__ import annotations

from pathlib import Path

#: The package folder: this file is ``certalign_gui/basics/resource_lookup.py`` (in a bundle too,
#: where PyInstaller sets ``__file__`` to the same place under ``sys._MEIPASS``).
_PACKAGE = Path(__file__).resolve().parent.parent
FOLDER = "resources"


class MissingResourceError(FileNotFoundError):
    """A resource is in none of the places looked in; ``str()`` names the file and the places."""

    def __init__(self, name: str, looked_in: tuple[Path, ...]) -> None:
        places = " and ".join(str(path) for path in looked_in)
        super().__init__(f"certalign's {name} is missing (looked for {places})")
        self.name = name
        self.looked_in = looked_in


def resource_roots(package: Path = _PACKAGE) -> tuple[Path, Path]:
    """Where resources may be, in the order looked: the installed or bundled copy inside the
    package, then the checkout's top-level folder next to the package."""
    return package / FOLDER, package.parent / FOLDER


def resource_path(*parts: str, package: Path = _PACKAGE) -> Path:
    """The file (or folder) ``resources/<parts...>``, e.g. ``resource_path("icons", "x.svg")``.

    Raises:
        MissingResourceError: it is in neither place; the message names both paths.
    """
    candidates = tuple(root.joinpath(*parts) for root in resource_roots(package))
    for candidate in candidates:
        if candidate.exists():
            return candidate
    raise MissingResourceError("/".join((FOLDER, *parts)), candidates)
