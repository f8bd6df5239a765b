"""`open_url`: only allow-listed https links ever reach the browser."""

import logging

import pytest

from certalign_gui.gui.shell.open_link import open_url


@pytest.mark.parametrize(
    "url",
    [
        "https://www.nremt.org/",
        "https://www.mass.gov/info-details/oems-elicensing-faqs",
        "https://checkahealthlicense.mass.gov/",
    ],
)
def test_allowed_link_is_opened(url, url_recorder):
    assert open_url(url) is True
    assert url_recorder.urls == [url]


@pytest.mark.parametrize(
    "url",
    [
        "http://www.nremt.org/",  # not https
        "https://mass.gov.example.com/",  # look-alike host
        "https://evilmass.gov/",
        "file:///etc/passwd",
        "mailto:someone@mass.gov",
        "javascript:alert(1)",
        "https://user:secret@www.mass.gov/",
    ],
)
def test_other_link_is_refused_and_logged_without_the_address(url, url_recorder, caplog):
    with caplog.at_level(logging.WARNING, logger="certalign_gui.gui.shell.open_link"):
        assert open_url(url) is False
    assert url_recorder.urls == []
    assert "allow-list" in caplog.text
    assert url not in caplog.text
    assert "secret" not in caplog.text
