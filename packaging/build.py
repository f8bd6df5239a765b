"""Build the one-folder bundle dist/certalign/ with PyInstaller, from the running venv.

    python packaging/build.py                 build (always from scratch)
    python packaging/build.py --if-stale      build only if sources changed since the last one
    python packaging/build.py --measure       build once per exclusion group kept; print a table

Run it with the Python whose site-packages should be bundled: `make bundle` uses the project
venv. Test and lint tools in that venv are left out by the spec's "dev-tools" group, so the
result matches a build from a clean venv with only `pip install .[package]`.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "pyinstaller" / "certalign.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
BUNDLE = DIST / "certalign"
INFO = "build-info.json"
# A bundle is stale when any of these is newer than it.
SOURCES = (
    "certalign_gui",
    "resources",
    "packaging/pyinstaller",
    "packaging/linux",
    "pyproject.toml",
)
LINUX_FILES = (
    "io.github.certalign.Certalign.desktop",
    "io.github.certalign.Certalign.metainfo.xml",
    "install_desktop.py",
)

sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
import exclusions  # noqa: E402


def tree_size(folder: Path) -> tuple[int, int]:
    """(bytes, files) of a folder, symbolic links not followed or counted."""
    total = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            count += 1
    return total, count


def newest_source(root: Path = ROOT) -> float:
    """Modification time of the newest file the bundle is built from."""
    newest = 0.0
    for name in SOURCES:
        top = root / name
        files = [top] if top.is_file() else top.rglob("*")
        for path in files:
            if path.is_file() and "__pycache__" not in path.parts:
                newest = max(newest, path.stat().st_mtime)
    return newest


def is_fresh(bundle: Path = BUNDLE, root: Path = ROOT) -> bool:
    """True when bundle was built (completely) after the last change to its sources."""
    info = bundle / INFO
    return info.is_file() and info.stat().st_mtime > newest_source(root)


def build(dist: Path, work: Path, keep: list[str]) -> dict[str, object]:
    """Run PyInstaller on the spec; returns size, file count and seconds."""
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN"]
    command += ["--distpath", str(dist), "--workpath", str(work), str(SPEC)]
    if keep:
        command += ["--", *(arg for name in keep for arg in ("--keep", name))]
    started = time.monotonic()
    subprocess.run(command, check=True, cwd=ROOT)
    seconds = time.monotonic() - started
    bundle = dist / "certalign"
    if sys.platform.startswith("linux"):
        # So a station that only gets this folder can add the menu entry (see README).
        (bundle / "linux").mkdir(exist_ok=True)
        for name in LINUX_FILES:
            shutil.copy2(ROOT / "packaging" / "linux" / name, bundle / "linux" / name)
    size, files = tree_size(bundle)
    info = {"bytes": size, "files": files, "seconds": round(seconds, 1), "kept": keep}
    # Written last: its presence means the build finished (is_fresh relies on it).
    (bundle / INFO).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return info


def measure() -> str:
    """A markdown table: what each exclusion group saves, measured by keeping only it."""
    base = ROOT / "build" / "measure"
    runs = {"(all exclusions applied)": [], **{g: [g] for g in exclusions.GROUPS}}
    runs["(nothing excluded)"] = list(exclusions.GROUPS)
    results = {}
    for label, keep in runs.items():
        slug = label.strip("()").replace(" ", "-")
        print(f"measuring: {label}", flush=True)
        results[label] = build(base / slug / "dist", base / slug / "work", keep)
    applied = results["(all exclusions applied)"]
    rows = [
        "| left out | bundle with it kept | saves | files saved |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, info in results.items():
        saves = int(info["bytes"]) - int(applied["bytes"])
        files = int(info["files"]) - int(applied["files"])
        what = exclusions.DESCRIPTIONS.get(label, label)
        name = f"`{label}`: {what}" if label in exclusions.DESCRIPTIONS else label
        rows.append(f"| {name} | {_mb(info['bytes'])} | {_mb(saves)} | {files} |")
    return "\n".join(rows)


def _mb(size: object) -> str:
    return f"{int(size) / 1_000_000:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--if-stale", action="store_true", help="skip if the bundle is fresh")
    parser.add_argument("--measure", action="store_true", help="measure every exclusion group")
    parser.add_argument("--keep", action="append", default=[], choices=exclusions.GROUPS)
    args = parser.parse_args(argv)
    if args.measure:
        print(measure())
        return 0
    with _build_lock():
        if args.if_stale and is_fresh():
            print(f"{BUNDLE.relative_to(ROOT)} is up to date")
        else:
            info = build(DIST, WORK, args.keep)
            print(
                f"built {BUNDLE.relative_to(ROOT)}: {_mb(info['bytes'])} in {info['files']} "
                f"files, {info['seconds']} s"
            )
    return 0


@contextlib.contextmanager
def _build_lock() -> Iterator[None]:
    # Two test runs in one checkout must not build into dist/certalign/ at the same time.
    if sys.platform == "win32":
        yield
        return
    import fcntl

    WORK.parent.mkdir(parents=True, exist_ok=True)
    with open(WORK.parent / ".bundle.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
