"""The link allow-list: the only places certalign ever sends anyone."""

from __future__ import annotations

from urllib.parse import urlsplit

#: Hosts the program may open or print, as exact names or as parent domains.
ALLOWED_HOSTS: tuple[str, ...] = ("mass.gov", "nremt.org")


def is_allowed_url(url: str) -> bool:
    """Return True for an https URL on mass.gov, nremt.org or one of their subdomains.

    Anything else (http, javascript:, file:, a look-alike host such as
    ``mass.gov.example.com`` or ``evilmass.gov``, user info, odd ports) is refused.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return False
    if parts.scheme != "https" or port not in (None, 443):
        return False
    if parts.username is not None or parts.password is not None:
        return False
    host = (parts.hostname or "").rstrip(".")
    return any(host == allowed or host.endswith("." + allowed) for allowed in ALLOWED_HOSTS)
