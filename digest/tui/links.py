"""Which links the reader may hand to a browser: http and https only, and nothing odd."""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

__all__ = ["safe_link"]

# Control, format (bidi, zero-width), line and paragraph separators, unassigned.
_UNSAFE = frozenset({"Cc", "Cf", "Zl", "Zp", "Cn"})


def safe_link(url: str | None) -> str | None:
    """`url` when it is a plain http(s) link with a host; None for anything else.

    Rejected: other schemes (javascript:, file:, data:), anything starting with "-" (which a
    browser command line would read as an option), whitespace, control and bidi characters.
    """
    if not url or url.startswith("-"):
        return None
    if any(ch.isspace() or unicodedata.category(ch) in _UNSAFE for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
