"""Assertions that text and links coming out of the feed pipeline are safe to show and open."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# C0 controls but tab and newline, DEL, C1, bidi controls, and lone surrogates.
UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def check_text(value: str | None, what: str, *, one_line: bool = False) -> None:
    """`value` holds no unsafe character (and, with `one_line`, no line break or tab)."""
    if value is None:
        return
    found = UNSAFE.search(value)
    assert found is None, f"{what} holds {found.group()!r}: {value!r}"
    if one_line:
        assert "\n" not in value and "\t" not in value, f"{what} is not one line: {value!r}"


def check_link(url: str | None, what: str) -> None:
    """`url` is absent or an http(s) link with a host, one line, never starting with "-"."""
    if url is None:
        return
    check_text(url, what, one_line=True)
    assert url.startswith(("http://", "https://")), f"{what} is not http(s): {url!r}"
    assert urlsplit(url).hostname, f"{what} has no host: {url!r}"
    assert not url.startswith("-") and " " not in url, f"{what}: {url!r}"
