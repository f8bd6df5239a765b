"""The link allow-list: https on mass.gov (and its subdomains), nremt.org, www.nremt.org."""

import pytest

from certalign_gui.rules import is_allowed_url, load_policy


@pytest.mark.parametrize(
    "url",
    [
        # The policy's own links.
        "https://www.mass.gov/info-details/oems-elicensing-faqs",
        "https://www.mass.gov/orgs/office-of-emergency-medical-services",
        "https://checkahealthlicense.mass.gov/",
        "https://www.nremt.org/",
        # The bare domains.
        "https://mass.gov",
        "https://nremt.org/",
        # Capitals in the host, the https port written out, a query and a fragment.
        "https://WWW.MASS.GOV/x",
        "https://www.mass.gov:443/x",
        "https://www.mass.gov/x?a=1#b",
    ],
)
def test_allowed_urls(url):
    assert is_allowed_url(url)


@pytest.mark.parametrize(
    "url",
    [
        # Not https.
        "http://www.mass.gov/",
        "ftp://www.mass.gov/",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html,hi",
        # Other hosts and look-alikes.
        "https://example.com/",
        "https://mass.gov.evil.com/",
        "https://evilmass.gov/",
        "https://www.nremt.org.evil.com/",
        "https://nremt.org@evil.com/",
        "https://evil.com/?https://www.mass.gov/",
        # NREMT only under its own two names.
        "https://support.nremt.org/",
        "https://evil.nremt.org/",
        # Browsers read a backslash as "/": this goes to evil.com.
        "https://evil.com\\.mass.gov/",
        # Encoded characters and unusual hosts.
        "https://evil.com%2F.mass.gov/",
        "https://www.mass.gov./",
        "https://-.mass.gov/",
        "https://a..mass.gov/",
        "https://www.ma\u0455s.gov/",
        # Tabs, newlines and spaces.
        "https://www.mass.gov\t/",
        "https://www.mass.gov\n.evil.com/",
        "https://www.mass.gov /",
        # User info and odd ports.
        "https://user:pw@www.mass.gov/",
        "https://user@www.mass.gov/",
        "https://www.mass.gov:8443/",
        "https://www.mass.gov:99999/",
        "https://www.mass.gov:abc/",
        # Broken or empty.
        "https://[::1/",
        "https://",
        "",
        "www.mass.gov",
    ],
)
def test_refused_urls(url):
    assert not is_allowed_url(url)


def test_every_policy_link_is_allowed():
    for link in load_policy().links.values():
        assert is_allowed_url(link.url)
