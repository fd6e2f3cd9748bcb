"""Finding the feeds a web page names, and telling a web page from a feed."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from digest.analysis.text import safe_url

__all__ = ["find_feed_links", "looks_like_html"]

_FEED_TYPES = frozenset(
    ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json")
)
# Feed links live in <head>; a huge page is not read to its end for them.
_MAX_PAGE = 2 * 1024 * 1024
_HTML_START = re.compile(rb"<(?:!doctype\s+html|html|head|body)[\s>/]", re.IGNORECASE)
# Comments, processing instructions (<?xml ...?>) and whitespace that may precede the first tag.
_PROLOGUE = re.compile(rb"(?:\s+|<!--.*?-->|<\?.*?\?>)*", re.DOTALL)


def looks_like_html(body: bytes) -> bool:
    """True when `body` starts as an HTML page does (a doctype, <html>, <head> or <body>).

    Only the first KB is read, after any byte-order mark, whitespace, comments and an XML
    declaration (so XHTML pages count too).
    """
    head = body[:1024]
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:]
    prologue = _PROLOGUE.match(head)
    offset = prologue.end() if prologue else 0
    return bool(_HTML_START.match(head, offset))


class _LinkCollector(HTMLParser):
    """Collects <base href> and the hrefs of feed <link rel="alternate"> elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in ("link", "base"):
            return
        values = {name: value or "" for name, value in attrs}
        href = values.get("href", "").strip()
        if tag == "base":
            if self.base is None and href:  # browsers use the first <base href> only
                self.base = href
            return
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in _FEED_TYPES and href:
            self.hrefs.append(href)


def find_feed_links(html: bytes | str, base_url: str) -> list[str]:
    """The feed URLs a page announces with <link rel="alternate" type=...>, in document order.

    Links resolve against the page's <base href> (itself against `base_url`); only http(s) links
    are returned, without duplicates.
    """
    text = html if isinstance(html, str) else html[:_MAX_PAGE].decode("utf-8", "replace")
    collector = _LinkCollector()
    try:
        collector.feed(text[:_MAX_PAGE])
        collector.close()
    except (AssertionError, ValueError):  # pragma: no cover - html.parser is lenient
        pass
    base = safe_url(collector.base, base_url) if collector.base else None
    base = base or base_url
    links: dict[str, None] = {}
    for href in collector.hrefs:
        url = safe_url(href, base)
        if url is not None:
            links.setdefault(url, None)
    return list(links)
