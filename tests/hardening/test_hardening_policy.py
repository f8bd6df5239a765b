"""Every way the policy file can be wrong: the CLI and the window both name the file and field.

One table drives both: ``certalign --policy FILE`` exits 2 with one line on stderr, and
``certalign-gui --policy FILE`` shows the "cannot start" dialog and exits non-zero.
"""

from __future__ import annotations

import json
import logging
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pytest

from certalign_gui import app, cli
from certalign_gui.basics.resource_lookup import resource_path
from certalign_gui.presentation.policy_words import policy_error_text, policy_problem
from certalign_gui.rules import PolicyError

BUILT_IN_TEXT = resource_path("policy", "oems-alignment.toml").read_text(encoding="utf-8")
GOOD = ["--ma-expires", "2025-03-31", "--nremt-expires", "2026-03-31", "--as-of", "2025-01-10"]


def _toml(old: str, new: str) -> str:
    assert old in BUILT_IN_TEXT, old
    return BUILT_IN_TEXT.replace(old, new, 1)


def _json(**changes: object) -> str:
    """The built-in policy as JSON, with dotted keys set (``fee__amount=62.5``)."""
    data = tomllib.loads(BUILT_IN_TEXT)
    for dotted, value in changes.items():
        *parents, last = dotted.split("__")
        target = data
        for key in parents:
            target = target[key]
        target[last] = value
    return json.dumps(data, default=lambda value: value.isoformat())


@dataclass(frozen=True)
class Case:
    """A broken policy file: its name, its content (None: no file), and what the message says."""

    name: str
    content: str | bytes | None
    says: str

    def make(self, folder: Path) -> Path:
        """Write the file (or the folder, for a name ending in /) and return its path."""
        path = folder / self.name
        if self.name.endswith("/"):
            path.mkdir()
        elif isinstance(self.content, bytes):
            path.write_bytes(self.content)
        elif self.content is not None:
            path.write_text(self.content, encoding="utf-8")
        return path


CASES = {
    # Missing.
    "missing": Case("nowhere.toml", None, "the file does not exist"),
    # Empty, or only blank lines.
    "empty": Case("empty.toml", "", "the file is empty"),
    "blank": Case("blank.toml", "\n   \n", "the file is empty"),
    # A folder where the file should be.
    "folder": Case("policy.toml/", None, "this is a folder"),
    # Not TOML; not JSON; JSON that is not a table; not UTF-8 text.
    "not TOML": Case("p.toml", "this is = = not toml", "is not valid TOML"),
    "not JSON": Case("p.json", '{"schema_version": 1,', "is not valid JSON"),
    "JSON list": Case("p.json", "[1, 2]", "the top level must be a table"),
    "not UTF-8": Case("p.toml", b'title = "caf\xe9"\n', "is not UTF-8 text"),
    # Wrong types.
    "cycle as text": Case(
        "p.toml", _toml("published_cycle = 2025", 'published_cycle = "2025"'),
        "field published_cycle",
    ),
    "years as a float": Case(
        "p.toml", _toml("late_window_years = 1", "late_window_years = 1.5"),
        "field late_window_years",
    ),
    "links as text": Case("p.json", _json(links="yes"), "field links"),
    "date as text": Case(
        "p.toml", _toml("last_checked = 2026-11-01", 'last_checked = "recently"'),
        "field last_checked",
    ),
    # A URL that is not https.
    "http URL": Case(
        "p.toml", _toml('url = "https://www.nremt.org/"', 'url = "http://www.nremt.org/"'),
        "field links.nremt.url",
    ),
    "javascript URL": Case(
        "p.toml", _toml('url = "https://www.nremt.org/"', 'url = "javascript:alert(1)"'),
        "field links.nremt.url",
    ),
    # A URL on another host, or on a look-alike of ours.
    "other host": Case(
        "p.toml", _toml('url = "https://www.nremt.org/"', 'url = "https://example.com/"'),
        "field links.nremt.url",
    ),
    "look-alike host": Case(
        "p.toml",
        _toml('url = "https://checkahealthlicense.mass.gov/"', 'url = "https://mass.gov.evil.com/"'),
        "field links.verification.url",
    ),
    # Fees that are not money.
    "negative fee": Case("p.toml", _toml('amount = "62.50"', 'amount = "-62.50"'),
                         "field fee.amount"),
    "fee 62.499": Case("p.toml", _toml('amount = "62.50"', 'amount = "62.499"'),
                       "field fee.amount"),
    "fee as a float": Case("p.toml", _toml('amount = "62.50"', "amount = 62.50"),
                           "field fee.amount"),
    "fee as a JSON float": Case("p.json", _json(fee__amount=62.5), "field fee.amount"),
    # Cycle years out of range (2000 to 2100).
    "cycle 1999": Case("p.toml", _toml("published_cycle = 2025", "published_cycle = 1999"),
                       "field published_cycle"),
    "cycle 2101": Case("p.toml", _toml("published_cycle = 2025", "published_cycle = 2101"),
                       "field published_cycle"),
    # Unknown keys, at the top and inside a table.
    "unknown key": Case("p.toml", _toml("schema_version = 1", 'schema_version = 1\ncolour = 1'),
                        "field colour: unknown key"),
    "unknown fee key": Case("p.toml", _toml('currency = "USD"', 'currency = "USD"\ntax = "0.00"'),
                            "field fee.tax: unknown key"),
    # A field left out.
    "missing field": Case("p.json", _json(publisher=None).replace('"publisher": null, ', ""),
                          "field publisher: missing"),
}  # fmt: skip


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_cli_names_the_file_and_the_field_on_one_line(capsys, tmp_path, case):
    path = case.make(tmp_path)
    assert cli.main([*GOOD, "--policy", str(path)]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith(f"certalign: error: --policy: Policy file {path}: ")
    assert case.says in err
    assert "Traceback" not in err


@pytest.mark.usefixtures("restore_app", "log_dir")
@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_the_window_shows_the_file_and_the_field_and_exits_non_zero(
    monkeypatch, caplog, tmp_path, case
):
    path = case.make(tmp_path)
    shown: list[PolicyError] = []
    monkeypatch.setattr(app, "show_policy_error", shown.append)
    with caplog.at_level(logging.ERROR):
        status = app.main(["--policy", str(path)])
    assert status != 0
    assert len(shown) == 1
    error = shown[0]
    assert error.path == str(path)
    problem = policy_problem(error)
    assert case.says in problem
    assert policy_error_text(error) == f"Policy file {path}: {problem}"
    assert "\n" not in problem
    assert str(path) in caplog.text  # the log names the file for whoever looks after it
