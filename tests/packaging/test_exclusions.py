"""The bundle's exclusion groups: which files they drop, and which they must keep."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
LINUX = "PySide6/Qt/plugins"
WINDOWS = "PySide6\\plugins"


@pytest.mark.parametrize(
    "path",
    [
        f"{LINUX}/platforms/libqxcb.so",  # X11 desktops
        f"{LINUX}/platforms/libqwayland.so",  # Wayland desktops
        f"{LINUX}/platforms/libqoffscreen.so",  # tests and --exit-after-startup without a display
        f"{LINUX}/imageformats/libqsvg.so",  # the icon
        f"{LINUX}/iconengines/libqsvgicon.so",
        f"{LINUX}/printsupport/libcupsprintersupport.so",  # printing the checklist
        f"{LINUX}/platforminputcontexts/libibusplatforminputcontextplugin.so",  # typing (IBus)
        f"{LINUX}/platforminputcontexts/libcomposeplatforminputcontextplugin.so",  # dead keys
        f"{LINUX}/xcbglintegrations/libqxcb-glx-integration.so",
        f"{LINUX}/platformthemes/libqxdgdesktopportal.so",
        f"{WINDOWS}\\platforms\\qwindows.dll",
        f"{WINDOWS}\\imageformats\\qsvg.dll",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "certalign_gui/resources/policy/oems-alignment.toml",
        "certalign_gui/resources/locale/en/LC_MESSAGES/certalign.po",
        # Babel's data for English (the catalogue's language) and the root every locale uses.
        "babel/locale-data/en.dat",
        "babel/locale-data/en_US.dat",
        "babel/locale-data/root.dat",
        "babel/global.dat",
    ],
)
def test_what_the_program_needs_is_kept(exclusions, path):
    assert exclusions.excluded_files([path], keep=[]) == set()


@pytest.mark.parametrize(
    ("path", "group"),
    [
        (f"{LINUX}/platforms/libqeglfs.so", "platforms"),
        (f"{LINUX}/platforms/libqvnc.so", "platforms"),
        (f"{LINUX}/platforms/libqlinuxfb.so", "platforms"),
        (f"{LINUX}/egldeviceintegrations/libqeglfs-kms-integration.so", "platforms"),
        (f"{WINDOWS}\\platforms\\qdirect2d.dll", "platforms"),
        (f"{LINUX}/imageformats/libqpdf.so", "imageformats"),  # pulls in QtPdf
        (f"{LINUX}/imageformats/libqjpeg.so", "imageformats"),
        (f"{WINDOWS}\\imageformats\\qico.dll", "imageformats"),
        ("PySide6/Qt/translations/qtbase_de.qm", "translations"),
        ("PySide6\\translations\\qtbase_fr.qm", "translations"),
        (f"{LINUX}/generic/libqevdevmouseplugin.so", "embedded-input"),
        (f"{LINUX}/platforminputcontexts/libqtvirtualkeyboardplugin.so", "embedded-input"),
        (f"{LINUX}/platformthemes/libqgtk3.so", "gtk3-theme"),
        ("babel/locale-data/de_DE.dat", "babel-locales"),
        ("babel/locale-data/zh_Hant_TW.dat", "babel-locales"),
    ],
)
def test_each_group_drops_its_files_unless_kept(exclusions, path, group):
    assert exclusions.excluded_files([path], keep=[]) == {path}
    assert exclusions.excluded_files([path], keep=[group]) == set()


def test_module_groups_become_analysis_excludes(exclusions):
    excludes = exclusions.module_excludes(keep=[])
    assert {"tkinter", "hypothesis", "mypy", "PySide6.QtNetwork", "PySide6.QtQml"} <= set(excludes)
    assert "tkinter" not in exclusions.module_excludes(keep=["stdlib"])
    assert "hypothesis" not in exclusions.module_excludes(keep=["dev-tools"])


def test_no_used_qt_module_is_excluded(exclusions):
    used = {f"PySide6.{name}" for name in exclusions.QT_MODULES_USED}
    assert used.isdisjoint(exclusions.module_excludes(keep=[]))


def test_every_qt_module_the_code_imports_is_bundled(exclusions):
    imported = set()
    for path in (ROOT / "certalign_gui").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        imported |= set(re.findall(r"^\s*(?:from|import) PySide6\.(Qt\w+)", text, re.MULTILINE))
    assert imported <= set(exclusions.QT_MODULES_USED), imported - set(exclusions.QT_MODULES_USED)


def test_every_group_is_described(exclusions):
    assert set(exclusions.DESCRIPTIONS) == set(exclusions.GROUPS)


# A small link graph: the eglfs plugin needs two libraries, one of which Qt's GUI needs too.
GRAPH = {
    "plugins/libqeglfs.so": {"libQt6EglFSDeviceIntegration.so.6", "libQt6Gui.so.6"},
    "lib/libQt6EglFSDeviceIntegration.so.6": {"libQt6EglFsKmsSupport.so.6", "libdrm.so.2"},
    "lib/libQt6EglFsKmsSupport.so.6": {"libdrm.so.2"},
    "plugins/libqxcb.so": {"libQt6XcbQpa.so.6"},
    "lib/libQt6XcbQpa.so.6": {"libQt6Gui.so.6", "libdrm.so.2"},
    "lib/libQt6Gui.so.6": set(),
    "lib/libdrm.so.2": set(),
}
NAMES = {path.rsplit("/", 1)[1]: path for path in GRAPH}


def test_libraries_only_a_dropped_plugin_needs_go_too(exclusions):
    dropped = {"plugins/libqeglfs.so"}
    orphans = exclusions.orphans(dropped, set(GRAPH) - dropped, GRAPH.__getitem__, NAMES)
    # libdrm stays: the kept xcb plugin reaches it through libQt6XcbQpa.
    assert orphans == {"lib/libQt6EglFSDeviceIntegration.so.6", "lib/libQt6EglFsKmsSupport.so.6"}


def test_nothing_dropped_means_no_orphans(exclusions):
    assert exclusions.orphans(set(), set(GRAPH), GRAPH.__getitem__, NAMES) == set()
