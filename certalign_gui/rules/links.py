"""The link allow-list: the only places certalign ever sends anyone."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

#: Hosts the program may open or print.
ALLOWED_HOSTS: tuple[str, ...] = ("mass.gov", "nremt.org", "www.nremt.org")
#: Of those, the ones whose subdomains are allowed too: every state agency site is under
#: mass.gov, while NREMT is allowed only under its own two names.
ALLOWED_PARENT_DOMAINS: tuple[str, ...] = ("mass.gov",)

_DNS_LABEL = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")


def is_allowed_url(url: str) -> bool:
    """Return True for an https URL on mass.gov (or a subdomain), nremt.org or www.nremt.org.

    Anything else (http, javascript:, file:, a look-alike host such as
    ``mass.gov.example.com`` or ``evilmass.gov``, user info, odd ports) is refused.
    """
    # Browsers read a backslash as "/" and drop tabs and newlines, so such a URL can reach
    # another host than the one parsed here ("https://evil.com\.mass.gov/" goes to
    # evil.com). Non-ASCII hosts can imitate ours. Refuse them all before parsing.
    if not url.isascii() or any(c == "\\" or c.isspace() or not c.isprintable() for c in url):
        return False
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme != "https" or port not in (None, 443):
        return False
    if parts.username is not None or parts.password is not None:
        return False
    host = parts.hostname or ""
    if not all(_DNS_LABEL.fullmatch(label) for label in host.split(".")):
        return False
    return host in ALLOWED_HOSTS or any(
        host.endswith("." + parent) for parent in ALLOWED_PARENT_DOMAINS
    )
