"""Finding the feeds a web page names, and telling a web page from a feed."""

from __future__ import annotations

import re
from html import unescape

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


# What the scan stops at: comments and scripts (whose text is skipped) and <link>/<base> tags.
_INTERESTING = re.compile(r"<!--|<(script|style)\b|<(link|base)\b", re.IGNORECASE)
_RAW_TEXT_END = {tag: re.compile(rf"</{tag}", re.IGNORECASE) for tag in ("script", "style")}
_ATTRIBUTE = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def _feed_tags(page: str) -> tuple[str | None, list[str]]:
    """The first <base href> and the hrefs of feed <link rel="alternate"> elements, in order.

    A linear scan rather than html.parser, which takes quadratic time on hostile pages.
    """
    base: str | None = None
    hrefs: list[str] = []
    pos = 0
    while (found := _INTERESTING.search(page, pos)) is not None:
        if found.group(0) == "<!--":
            end = page.find("-->", found.end())
            pos = len(page) if end < 0 else end + 3
            continue
        if found.group(1):
            closing = _RAW_TEXT_END[found.group(1).lower()].search(page, found.end())
            pos = len(page) if closing is None else closing.end()
            continue
        end = page.find(">", found.end())
        if end < 0:
            break
        pos = end + 1
        values: dict[str, str] = {}
        for attribute in _ATTRIBUTE.finditer(page, found.end(), end):
            name, *quoted = attribute.groups()
            value = next((v for v in quoted if v is not None), "")
            values.setdefault(name.lower(), unescape(value).strip())
        href = values.get("href", "")
        if found.group(2).lower() == "base":
            if base is None and href:  # browsers use the first <base href> only
                base = href
            continue
        rels = values.get("rel", "").lower().split()
        kind = values.get("type", "").split(";")[0].strip().lower()
        if "alternate" in rels and kind in _FEED_TYPES and href:
            hrefs.append(href)
    return base, hrefs


def find_feed_links(html: bytes | str, base_url: str) -> list[str]:
    """The feed URLs a page announces with <link rel="alternate" type=...>, in document order.

    Links resolve against the page's <base href> (itself against `base_url`); only http(s) links
    are returned, without duplicates.
    """
    page = (
        html[:_MAX_PAGE] if isinstance(html, str) else html[:_MAX_PAGE].decode("utf-8", "replace")
    )
    base_href, hrefs = _feed_tags(page)
    base = (safe_url(base_href, base_url) if base_href else None) or base_url
    links: dict[str, None] = {}
    for href in hrefs:
        url = safe_url(href, base)
        if url is not None:
            links.setdefault(url, None)
    return list(links)
