"""Links: one door (`open_url`, allow-listed https only), and no widget opens one by itself."""

from __future__ import annotations

import logging
import re
from datetime import date
from pathlib import Path

import pytest
from hardening_helpers import TODAY, click_next, to_details_page, wait_for_results
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser

import certalign_gui
from certalign_gui.app import build_wizard
from certalign_gui.gui.shell.open_link import open_url
from certalign_gui.rules import is_allowed_url

PACKAGE = Path(certalign_gui.__file__).parent
#: The only way to a browser from Python code.
OPENERS = re.compile(r"QDesktopServices|openUrl|setOpenExternalLinks|webbrowser")


def test_only_the_open_link_module_can_open_a_browser():
    found = sorted(
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if OPENERS.search(path.read_text(encoding="utf-8"))
    )
    assert found == ["gui/shell/open_link.py"]


@pytest.mark.parametrize(
    "url",
    [
        # Another scheme.
        "ftp://www.mass.gov/",
        "data:text/html,<script>alert(1)</script>",
        # A look-alike host, a host behind a backslash, an odd port.
        "https://www.mass.gov.example.net/",
        "https://evil.example\\.mass.gov/",
        "https://www.nremt.org:8443/",
        # Nothing at all.
        "",
    ],
)
def test_anything_off_the_allow_list_is_refused_and_logged(url, url_recorder, caplog):
    with caplog.at_level(logging.WARNING, logger="certalign_gui.gui.shell.open_link"):
        assert open_url(url) is False
    assert url_recorder.urls == []
    assert "allow-list" in caplog.text


def test_no_label_on_any_page_opens_links_by_itself(qtbot, policy, url_recorder):
    wizard = build_wizard(policy, today=TODAY)
    qtbot.addWidget(wizard)
    wizard.show()
    to_details_page(qtbot, wizard, ma=date(2025, 3, 31), nremt=date(2026, 3, 31))
    click_next(qtbot, wizard)
    wait_for_results(qtbot, wizard)
    for label in wizard.findChildren(QLabel):
        assert not label.openExternalLinks(), label.text()
    for browser in wizard.findChildren(QTextBrowser):
        assert not browser.openExternalLinks()
    # Every link button on the results page goes through the allow-list.
    buttons = [
        button
        for button in wizard.findChildren(QAbstractButton)
        if button.objectName() in ("elicensingButton", "nremtButton", "stepLinkButton")
    ]
    assert len(buttons) >= 4
    for button in buttons:
        button.click()
    assert len(url_recorder.urls) == len(buttons)
    assert all(is_allowed_url(url) for url in url_recorder.urls)
