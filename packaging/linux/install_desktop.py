#!/usr/bin/env python3
"""Install (or remove) certalign's menu entry, AppStream metainfo and icon for this user.

Standard library only, so it also runs with the system python3 from inside a bundle folder.

    install_desktop.py [--exec PATH] [--icon SVG] [--uninstall]

Files go under $XDG_DATA_HOME (default ~/.local/share): applications/, metainfo/ and
icons/hicolor/scalable/apps/, each named after the application id.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.certalign.Certalign"
HERE = Path(__file__).resolve().parent
DESKTOP = HERE / f"{APP_ID}.desktop"
METAINFO = HERE / f"{APP_ID}.metainfo.xml"
# The icon among the program's resources: in a checkout, the top-level resources/ folder;
# in a bundle, _internal/certalign_gui/resources/ (see certalign_gui/basics/resource_lookup.py).
ICON_IN_RESOURCES = Path("icons", "certalign.svg")
# Characters that force quoting of an Exec argument (Desktop Entry spec, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def data_home() -> Path:
    """The user's XDG data folder."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def targets(base: Path) -> dict[str, Path]:
    """Where each installed file goes."""
    return {
        "desktop": base / "applications" / f"{APP_ID}.desktop",
        "metainfo": base / "metainfo" / f"{APP_ID}.metainfo.xml",
        "icon": base / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg",
    }


def default_exec() -> Path:
    """The bundle's certalign-gui when run from a bundle folder, else this Python's."""
    bundled = HERE.parent / "certalign-gui"
    if bundled.is_file():
        return bundled
    return Path(sys.executable).parent / "certalign-gui"


def icon_candidates() -> tuple[Path, Path]:
    """Where the SVG may be: the checkout this script is in, then the bundle folder it is in."""
    checkout = HERE.parent.parent / "resources"
    bundle = HERE.parent / "_internal" / "certalign_gui" / "resources"
    return checkout / ICON_IN_RESOURCES, bundle / ICON_IN_RESOURCES


def default_icon() -> Path:
    """The program's SVG icon: the checkout's first, then a bundle's (else the checkout's path,
    which install() reports as not found)."""
    candidates = icon_candidates()
    for path in candidates:
        if path.is_file():
            return path
    return candidates[0]


def exec_argument(path: Path) -> str:
    """Quote a program path for an Exec= line (quoting rules, then string escaping)."""
    text = str(path).replace("%", "%%")
    if _RESERVED.intersection(text):
        for char in ("\\", '"', "`", "$"):
            text = text.replace(char, "\\" + char)
        text = f'"{text}"'
    return text.replace("\\", "\\\\")


def desktop_entry(template: str, program: Path) -> str:
    """The .desktop text with Exec/TryExec pointing at this program."""
    lines = []
    for line in template.splitlines():
        if line.startswith("Exec="):
            line = f"Exec={exec_argument(program)}"
        elif line.startswith("TryExec="):
            line = f"TryExec={program}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def install(program: Path, icon: Path, base: Path) -> dict[str, Path]:
    """Write the three files; returns where they went."""
    if not (program.is_file() and os.access(program, os.X_OK)):
        raise SystemExit(f"install-desktop: {program} is not an executable file")
    if not icon.is_file():
        raise SystemExit(f"install-desktop: icon {icon} not found")
    where = targets(base)
    for path in where.values():
        path.parent.mkdir(parents=True, exist_ok=True)
    text = desktop_entry(DESKTOP.read_text(encoding="utf-8"), program.resolve())
    where["desktop"].write_text(text, encoding="utf-8")
    shutil.copyfile(METAINFO, where["metainfo"])
    shutil.copyfile(icon, where["icon"])
    _refresh_menu(where["desktop"].parent)
    return where


def uninstall(base: Path) -> list[Path]:
    """Remove the installed files; returns the ones that existed."""
    removed = [path for path in targets(base).values() if path.is_file()]
    for path in removed:
        path.unlink()
    _refresh_menu(targets(base)["desktop"].parent)
    return removed


def _refresh_menu(applications: Path) -> None:
    # Menus pick up new entries by themselves too; the cache only makes it immediate.
    tool = shutil.which("update-desktop-database")
    if tool and applications.is_dir():
        subprocess.run([tool, "-q", str(applications)], check=False)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry; returns the exit status."""
    parser = argparse.ArgumentParser(prog="install_desktop.py", description=__doc__.split("\n")[0])
    parser.add_argument("--exec", type=Path, help="the certalign-gui to start from the menu")
    parser.add_argument("--icon", type=Path, help="the SVG icon to install")
    parser.add_argument("--uninstall", action="store_true", help="remove the installed files")
    args = parser.parse_args(argv)
    base = data_home()
    if args.uninstall:
        for path in uninstall(base):
            print(f"removed {path}")
        return 0
    program = (args.exec or default_exec()).absolute()
    for path in install(program, args.icon or default_icon(), base).values():
        print(f"installed {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
