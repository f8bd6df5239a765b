"""What the bundle leaves out, in named groups, so each group's saving can be measured.

The spec applies every group unless `--keep GROUP` is given (packaging/build.py --measure
builds once per group kept). Paths are PyInstaller destination names, e.g.
``PySide6/Qt/plugins/platforms/libqxcb.so`` on Linux or ``PySide6/plugins/platforms/qwindows.dll``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

# Qt modules the program imports (checked by tests/packaging/test_spec.py against the code).
QT_MODULES_USED = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtSvg")

# Python modules nobody imports at run time but that hooks or optional imports may drag in.
UNUSED_QT_MODULES = (
    "PySide6.QtNetwork",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuick3D",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtDBus",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtXml",
    "PySide6.QtConcurrent",
    "PySide6.QtDesigner",
    "PySide6.QtUiTools",
    "PySide6.QtHelp",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtSvgWidgets",
    "PySide6.QtStateMachine",
    "PySide6.QtBluetooth",
    "PySide6.QtPositioning",
    "PySide6.QtSerialPort",
    "PySide6.QtWebSockets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtSensors",
    "PySide6.QtTextToSpeech",
    "PySide6.QtNfc",
    "PySide6.Qt3DCore",
    "PySide6.QtAxContainer",
    "PySide6.QtHttpServer",
    "PySide6.QtLocation",
    "PySide6.QtSpatialAudio",
    "PySide6.QtWebChannel",
)
UNUSED_STDLIB = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "lib2to3",
    "pydoc_data",
    "ensurepip",
    "venv",
    "test",
    "unittest",
    "doctest",
    "pdb",
    "xmlrpc",
    "curses",
    "sqlite3",
)

# Plugins kept inside groups that are otherwise dropped.
KEEP_PLATFORMS = {"qxcb", "qoffscreen", "qwayland", "qwindows", "qcocoa"}
KEEP_IMAGEFORMATS = {"qsvg"}


def _plugin(path: str) -> tuple[str, str] | None:
    """(plugin type, plugin name without lib/extension) for a Qt plugin path, else None."""
    match = re.search(r"PySide6/(?:Qt/)?plugins/([^/]+)/(?:lib)?([^/.]+)\.(?:so|dll|dylib)$", path)
    return (match.group(1), match.group(2)) if match else None


def _is_translation(path: str) -> bool:
    return bool(re.search(r"PySide6/(?:Qt/)?translations/[^/]+\.qm$", path))


def _imageformat(path: str) -> bool:
    plugin = _plugin(path)
    return plugin is not None and plugin[0] == "imageformats" and plugin[1] not in KEEP_IMAGEFORMATS


def _platform(path: str) -> bool:
    plugin = _plugin(path)
    if plugin is None:
        return False
    kind, name = plugin
    # eglfs/linuxfb/vnc/kms are for kiosks without a window system; egldeviceintegrations
    # are eglfs's back ends.
    return (kind == "platforms" and name not in KEEP_PLATFORMS) or kind == "egldeviceintegrations"


def _embedded_input(path: str) -> bool:
    plugin = _plugin(path)
    if plugin is None:
        return False
    kind, name = plugin
    # evdev/tuio read raw devices (kiosk use); the virtual keyboard needs QtQuick.
    return kind == "generic" or (kind == "platforminputcontexts" and "virtualkeyboard" in name)


#: The languages the program has a message catalogue for (resources/locale/<language>/), and
#: English: Babel's locale data for these is kept, the other thousand-odd locales dropped.
_LOCALE = Path(__file__).resolve().parents[2] / "resources" / "locale"
CATALOGUE_LANGUAGES = frozenset(
    {"en", *(path.name.split("_")[0] for path in _LOCALE.glob("*/LC_MESSAGES"))}
    if _LOCALE.is_dir()
    else {"en"}
)


def _babel_locale(path: str) -> bool:
    """Babel's CLDR data (``babel/locale-data/xx_YY.dat``) for a language without a catalogue;
    ``root`` (every locale's parent) is kept."""
    match = re.fullmatch(r"babel/locale-data/([^/]+)\.dat", path)
    if match is None:
        return False
    name = match.group(1)
    return name != "root" and name.split("_")[0] not in CATALOGUE_LANGUAGES


def _gtk3_theme(path: str) -> bool:
    plugin = _plugin(path)
    return plugin is not None and plugin[0] == "platformthemes" and "gtk3" in plugin[1]


# name -> (what it is, does this destination path belong to the group?)
FILE_GROUPS: dict[str, tuple[str, Callable[[str], bool]]] = {
    "translations": ("Qt's own translations (the program is English only)", _is_translation),
    "imageformats": ("image format plugins other than SVG (PNG is built into Qt)", _imageformat),
    "platforms": ("platform plugins other than xcb, wayland, offscreen (and Windows)", _platform),
    "embedded-input": ("evdev/tuio input and the QtQuick virtual keyboard", _embedded_input),
    "gtk3-theme": ("the GTK 3 platform theme and the GTK libraries it pulls in", _gtk3_theme),
    "babel-locales": ("Babel's locale data for languages without a catalogue", _babel_locale),
}
# pydantic's optional mypy and hypothesis plugins, and openpyxl's optional lxml and Pillow,
# reach these when the build venv has them.
DEV_TOOLS = (
    "hypothesis",
    "mypy",
    "pydantic.mypy",
    "pydantic.v1._hypothesis_plugin",
    "pytest",
    "_pytest",
    "pytestqt",
    "coverage",
    "pypdf",
    "PyInstaller",
    "setuptools",
    "pkg_resources",
    "pip",
    # The PDF checkers of the tests, and what they bring: openpyxl uses lxml and Pillow
    # when it finds them, and the program needs neither (a clean venv has neither).
    "outloud",
    "pdfua",
    "pikepdf",
    "pymupdf",
    "fitz",
    "lxml",
    "PIL",
)
MODULE_GROUPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "dev-tools": (
        "test tools (hypothesis, mypy, the PDF checkers) that pydantic and openpyxl reach",
        DEV_TOOLS,
    ),
    "qt-modules": ("Qt modules the program does not import", UNUSED_QT_MODULES),
    "stdlib": ("tkinter, unittest, pydoc data and other unused standard library", UNUSED_STDLIB),
}
# Not a file group: debug symbols stripped from the libraries (Linux; libpython ships them).
STRIP = "debug-symbols"
GROUPS = (*FILE_GROUPS, *MODULE_GROUPS, STRIP)
DESCRIPTIONS = {
    **{name: text for name, (text, _) in FILE_GROUPS.items()},
    **{name: text for name, (text, _) in MODULE_GROUPS.items()},
    STRIP: "debug symbols in the shared libraries (strip; Linux only)",
}


def module_excludes(keep: Iterable[str]) -> list[str]:
    """Module names for Analysis(excludes=...), leaving out the kept groups."""
    kept = set(keep)
    return [
        name for group, (_, names) in MODULE_GROUPS.items() if group not in kept for name in names
    ]


def excluded_files(paths: Iterable[str], keep: Iterable[str]) -> set[str]:
    """The destination paths that some applied (not kept) file group drops."""
    active = [test for group, (_, test) in FILE_GROUPS.items() if group not in set(keep)]
    # Windows destination names use backslashes.
    return {path for path in paths if any(test(path.replace("\\", "/")) for test in active)}


def orphans(
    dropped: set[str], kept: set[str], needs: Callable[[str], set[str]], names: dict[str, str]
) -> set[str]:
    """Libraries only the dropped files need: drop them too.

    ``needs(path)`` gives the library file names a binary links against; ``names`` maps a
    library file name to its destination path. A library stays if anything kept reaches it.
    """

    def closure(roots: Iterable[str]) -> set[str]:
        seen: set[str] = set()
        todo = list(roots)
        while todo:
            path = todo.pop()
            for lib in needs(path):
                dest = names.get(lib)
                if dest is not None and dest not in seen:
                    seen.add(dest)
                    todo.append(dest)
        return seen

    candidates = closure(dropped) - dropped
    reachable = closure(kept - candidates)
    return candidates - reachable
