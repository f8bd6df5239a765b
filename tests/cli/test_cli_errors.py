"""`certalign` bad input: exit status 2, exactly one line on stderr naming the option."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from certalign_gui import cli
from certalign_gui.basics.resource_lookup import resource_path

GOOD = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]
BUILT_IN_TEXT = resource_path("policy", "oems-alignment.toml").read_text(encoding="utf-8")


def _with(option, value):
    """GOOD with one option's value replaced (or the option removed when value is None)."""
    argv = list(GOOD)
    index = argv.index(option)
    del argv[index : index + 2]
    return argv if value is None else [*argv, option, value]


def _fails(capsys, argv):
    status = cli.main(argv)
    out, err = capsys.readouterr()
    assert status == 2
    assert out == ""
    assert err.endswith("\n")
    assert err.count("\n") == 1, err
    assert err.startswith("certalign: error: ")
    assert "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("argv", "names"),
    [
        # Nothing at all: the Massachusetts date is required.
        ([], "--ma-expires"),
        # An option without its value.
        (["--ma-expires"], "--ma-expires"),
        # Not a date.
        (_with("--ma-expires", "tomorrow"), "--ma-expires"),
        (_with("--ma-expires", ""), "--ma-expires"),
        # Not a real calendar date.
        (_with("--ma-expires", "2025-02-29"), "--ma-expires"),
        (_with("--ma-expires", "2025-02-30"), "--ma-expires"),
        # Day first is not month first: there is no month 31.
        (_with("--ma-expires", "31/03/2025"), "--ma-expires"),
        (_with("--nremt-expires", "2026-13-01"), "--nremt-expires"),
        (_with("--nremt-expires", ""), "--nremt-expires"),
        (_with("--as-of", "2025-04-31"), "--as-of"),
        (_with("--as-of", "Jan 10"), "--as-of"),
        # An empty --as-of is a mistake, not "today".
        (_with("--as-of", ""), "--as-of"),
        # Active without a date.
        (_with("--nremt-expires", None), "--nremt-expires"),
        # Never held, with a date.
        ([*GOOD, "--nremt-status", "never"], "--nremt-expires"),
        # Expired, dated after the as-of day.
        ([*GOOD, "--nremt-status", "expired"], "--nremt-expires"),
        # A status that does not exist.
        ([*GOOD, "--nremt-status", "lapsed"], "--nremt-status"),
        # Years no certification has.
        (_with("--ma-expires", "1900-03-31"), "--ma-expires"),
        (_with("--as-of", "2300-01-01"), "--as-of"),
        # An option that does not exist.
        ([*GOOD, "--pdf-please"], "--pdf-please"),
        # A stray argument.
        ([*GOOD, "2025-03-31"], "2025-03-31"),
        # The policy file: missing, empty name, a folder.
        ([*GOOD, "--policy", "no-such-policy.toml"], "--policy"),
        ([*GOOD, "--policy", ""], "--policy"),
        ([*GOOD, "--json", "--policy", "."], "--policy"),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_option(capsys, argv, names):
    err = _fails(capsys, argv)
    assert names in err


def test_a_bad_date_message_says_what_is_wrong(capsys):
    err = _fails(capsys, _with("--ma-expires", "2025-02-30"))
    assert err == (
        "certalign: error: --ma-expires: '2025-02-30' is not a date: "
        "February 2025 has only 28 days.\n"
    )


def test_an_unreadable_date_message_says_how_to_write_it(capsys):
    err = _fails(capsys, _with("--ma-expires", "soon"))
    assert "Type the date with numbers, for example 03/31/2027." in err
    err = _fails(capsys, _with("--ma-expires", "March 31"))  # no year
    assert "the month, the day and the year, for example March 31, 2027." in err


@pytest.mark.parametrize(
    "written",
    ["03/31/2025", "3/31/25", "03312025", "2025-03-31", "31-Mar-25", "March 31, 2025"],
)
def test_the_command_reads_every_date_the_window_reads(capsys, written):
    from certalign_gui.cli import main

    assert main(["--ma-expires", written, "--nremt-expires", "2026-03-31",
                 "--as-of", "2025-01-10", "--json"]) == 0  # fmt: skip
    assert '"ma_expiration": "2025-03-31"' in capsys.readouterr().out


def test_a_missing_nremt_date_message_reads_plainly(capsys):
    err = _fails(capsys, _with("--nremt-expires", None))
    assert err == (
        "certalign: error: NREMT expiration date (--nremt-expires): an active NREMT "
        "certification needs its expiration date\n"
    )


@pytest.mark.parametrize(
    ("old", "new", "field"),
    [
        # Three decimals in the fee.
        ('amount = "62.50"', 'amount = "62.499"', "fee.amount"),
        # A link to another host.
        ('url = "https://www.nremt.org/"', 'url = "https://mass.gov.evil.com/"', "links.nremt.url"),
        # An unknown key.
        ("schema_version = 1", "schema_version = 1\ncolour = 1", "colour"),
        # A key with a line break still gives one line.
        ("schema_version = 1", 'schema_version = 1\n"a\\nb" = 1', "unknown key"),
    ],
)
def test_a_bad_policy_file_exits_2_naming_the_file_and_the_field(capsys, tmp_path, old, new, field):
    path = tmp_path / "policy.toml"
    assert old in BUILT_IN_TEXT
    path.write_text(BUILT_IN_TEXT.replace(old, new, 1), encoding="utf-8")
    err = _fails(capsys, [*GOOD, "--policy", str(path)])
    assert err.startswith(f"certalign: error: --policy: Policy file {path}: ")
    assert field in err


def test_a_policy_file_name_with_a_line_break_still_gives_one_line(capsys, tmp_path):
    err = _fails(capsys, [*GOOD, "--policy", str(tmp_path / "two\nlines.toml")])
    assert "does not exist" in err


def test_a_broken_built_in_policy_is_one_line_too(tmp_path):
    # A real broken installation: a copy of the package whose own policy file (found through
    # certalign_gui.basics.resource_lookup, as a checkout has it) lacks the fee amount. A fresh
    # process loads it, as `certalign` would.
    package = Path(cli.__file__).resolve().parent
    ignore = shutil.ignore_patterns("__pycache__", "resources")
    shutil.copytree(package, tmp_path / "certalign_gui", ignore=ignore)
    broken = tmp_path / "resources" / "policy" / "oems-alignment.toml"
    broken.parent.mkdir(parents=True)
    assert 'amount = "62.50"\n' in BUILT_IN_TEXT
    broken.write_text(BUILT_IN_TEXT.replace('amount = "62.50"\n', "", 1), encoding="utf-8")
    program = "import sys; from certalign_gui.cli import main; sys.exit(main())"
    result = subprocess.run(
        [sys.executable, "-c", program, *GOOD],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stdout) == (2, ""), result.stderr
    # Exactly one line, naming the file it read and the broken field; no traceback.
    assert result.stderr == f"certalign: error: Policy file {broken}: field fee.amount: missing\n"
