"""The Windows version resource (file properties, Details tab) built from the package version."""

from __future__ import annotations

import re
from pathlib import Path

COMPANY = "certalign"
DESCRIPTION = "Massachusetts OEMS / NREMT one-year alignment checklist"
PRODUCT = "certalign"


def package_version(root: Path) -> str:
    """`certalign_gui.__version__`, read from the source without importing the package."""
    text = (root / "certalign_gui" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"$', text, re.MULTILINE)
    if match is None:
        raise ValueError("certalign_gui/__init__.py has no __version__ line")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``0.1.0`` -> (0, 1, 0, 0); a suffix such as ``rc1`` or ``.dev2`` is dropped."""
    match = re.match(r"^(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?", version)
    if match is None:
        raise ValueError(f"not a version number: {version!r}")
    numbers = [int(part) for part in match.groups(default="0")]
    return (numbers[0], numbers[1], numbers[2], numbers[3])


def version_file_text(version: str, exe_name: str) -> str:
    """PyInstaller's version-file format (a VSVersionInfo expression) for one executable."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": exe_name,
        "OriginalFilename": f"{exe_name}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3F,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0),
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
          {table}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [0x0409, 1200])]),
  ],
)
"""
