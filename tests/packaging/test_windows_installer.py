"""The Inno Setup script and the Windows version resource agree with the spec and the package.

Neither can be built on Linux; these tests check what would break the Windows build.
"""

import ast
import re
from pathlib import Path

import pytest

from certalign_gui import __version__

ROOT = Path(__file__).resolve().parents[2]
ISS = (ROOT / "packaging" / "windows" / "certalign.iss").read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "pyinstaller" / "certalign.spec").read_text(encoding="utf-8")


def setup_value(key: str) -> str:
    match = re.search(rf"^{key}=(.*)$", ISS, re.MULTILINE)
    assert match, f"[Setup] has no {key}="
    return match.group(1).strip()


def iss_sources() -> list[str]:
    return re.findall(r'^Source: "\{#BundleDir\}\\([^"]+)"', ISS, re.MULTILINE)


def spec_executables() -> set[str]:
    return set(re.findall(r'program\(\w+, "([^"]+)", console=', SPEC))


def test_spec_builds_a_windowed_and_a_console_program():
    assert re.search(r'program\(gui, "certalign-gui", console=False\)', SPEC)
    assert re.search(r'program\(cli, "certalign", console=True\)', SPEC)
    assert re.search(r'name="certalign",\n\)', SPEC), "COLLECT folder must be dist/certalign"


def test_installer_copies_exactly_the_spec_executables_and_internal_folder():
    sources = iss_sources()
    exes = {name.removesuffix(".exe") for name in sources if name.endswith(".exe")}
    assert exes == spec_executables()
    assert "_internal\\*" in sources
    assert setup_value("UninstallDisplayIcon") == "{app}\\certalign-gui.exe"


def test_bundle_dir_default_is_the_spec_output_folder():
    assert '#define BundleDir "..\\..\\dist\\certalign"' in ISS
    # PyInstaller's default contents folder is the _internal the script copies.
    assert "contents_directory" not in SPEC


def test_installs_per_user_without_administrator_rights():
    assert setup_value("PrivilegesRequired") == "lowest"
    assert setup_value("DefaultDirName").startswith("{autopf}\\")
    assert "PrivilegesRequiredOverridesAllowed" not in ISS


def test_start_menu_entry_and_an_optional_desktop_icon():
    icons = re.findall(
        r"^Name: \"(\{auto\w+\})\\Certalign\"; Filename: \"([^\"]+)\"(.*)$", ISS, re.M
    )
    by_place = {place: (target, rest) for place, target, rest in icons}
    assert by_place["{autoprograms}"][0] == "{app}\\certalign-gui.exe"
    assert "Tasks: desktopicon" in by_place["{autodesktop}"][1]
    assert re.search(r'^Name: "desktopicon";.*Flags: unchecked$', ISS, re.MULTILINE)


def test_app_id_is_the_fixed_guid():
    # Changing it would make Windows treat an upgrade as a second program.
    assert setup_value("AppId") == "{{BBC6C881-A5E2-4E6C-A8D0-41CC46DC39BE}"


def test_version_comes_from_the_command_line_never_hard_coded():
    assert setup_value("AppVersion") == "{#AppVersion}"
    assert "#ifndef AppVersion\n  #error" in ISS


def test_a_pre_release_version_still_gives_windows_four_numbers(build_script):
    command = build_script.iscc_command("0.2.0rc1", "ISCC.exe")
    assert "/DAppVersion=0.2.0rc1" in command
    assert "/DAppNumericVersion=0.2.0.0" in command
    assert setup_value("VersionInfoVersion") == "{#AppNumericVersion}"


def test_build_script_passes_the_package_version(build_script):
    command = build_script.iscc_command(__version__, "ISCC.exe")
    assert command[0] == "ISCC.exe"
    assert f"/DAppVersion={__version__}" in command
    numeric = ".".join(map(str, build_script.version_info.version_tuple(__version__)))
    assert f"/DAppNumericVersion={numeric}" in command
    assert command[-1].endswith("certalign.iss")
    bundle_arg = next(arg for arg in command if arg.startswith("/DBundleDir="))
    assert Path(bundle_arg.split("=", 1)[1]) == ROOT / "dist" / "certalign"


def test_installer_option_refuses_to_run_off_windows(build_script, capsys):
    with pytest.raises(SystemExit) as stopped:
        build_script.main(["--installer"])
    assert stopped.value.code == 2
    assert "Inno Setup" in capsys.readouterr().err


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
