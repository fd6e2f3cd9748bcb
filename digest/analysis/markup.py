"""A linear scan of HTML into text runs and tags, shared by the feed-text and page readers.

A hand-written scanner rather than html.parser: Python 3.11's parser takes quadratic time on
hostile input such as a long run of "<a" or unclosed quotes (minutes for 100 KB), and a feed or
page must not be able to stall a fetch. This one does linear work: every search starts where the
last one ended, and once a quote-aware scan for ">" has run to the end of the input, later tags
end at the next ">" whatever the quotes. Comments and declarations are dropped, and so is the
content of raw-text elements (script, style and the like), which is never reading matter.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import NamedTuple

__all__ = ["RAW_TEXT_TAGS", "Cdata", "Tag", "markup_events"]

RAW_TEXT_TAGS = frozenset("script style noscript iframe textarea title xmp noembed".split())
"""Elements holding no tags, only text up to their end tag, and never article text (`title`
only occurs in a full page's head)."""

_TAG_START = re.compile(r"<(?:(/?)([a-zA-Z][a-zA-Z0-9:_-]*)|!--|!\[CDATA\[|[!?])")
# Attributes up to the tag's ">", minding quoted values (a quote opens one only after "=", as
# in browsers: stray quotes are common). Possessive: no backtracking on a tag that never closes.
_TAG_REST = re.compile(r"""(?:[^>"'=]++|=\s*+(?:"[^"]*+"|'[^']*+')?+|["'])*+>""")
_RAW_TEXT_END = {
    tag: re.compile(rf"</{tag}[\s/>]|</{tag}\Z", re.IGNORECASE) for tag in RAW_TEXT_TAGS
}


class Tag(NamedTuple):
    """A start or end tag; `name` lower-cased, `attributes` as written."""

    name: str
    closing: bool
    self_closing: bool
    attributes: str


class Cdata(NamedTuple):
    """The content of a CDATA section."""

    text: str


def markup_events(markup: str) -> Iterator[str | Cdata | Tag]:
    """Text runs (entities still encoded; a stray "<" is text), CDATA sections and tags, in
    document order. A tag cut off by the end of the text ends the scan, as browsers drop it."""
    quotes_balanced = True
    pos, size = 0, len(markup)
    while pos < size:
        lt = markup.find("<", pos)
        if lt < 0:
            lt = size
        if lt > pos:
            yield markup[pos:lt]
        if lt == size:
            return
        start = _TAG_START.match(markup, lt)
        if start is None:  # a "<" that opens nothing, as in "a < b"
            yield "<"
            pos = lt + 1
            continue
        opener = start.group(0)
        if opener == "<!--":
            end = markup.find("-->", start.end())
            pos = size if end < 0 else end + 3
            continue
        if opener == "<![CDATA[":
            end = markup.find("]]>", start.end())
            yield Cdata(markup[start.end() : size if end < 0 else end])
            pos = size if end < 0 else end + 3
            continue
        rest = _TAG_REST.match(markup, start.end()) if quotes_balanced else None
        if rest is not None:
            tag_end = rest.end()
        else:
            quotes_balanced = False
            tag_end = markup.find(">", start.end()) + 1
            if tag_end == 0:
                return
        pos = tag_end
        name = start.group(2)
        if name is None:  # <!doctype ...>, <?xml ...?> and other declarations
            continue
        name = name.lower()
        self_closing = markup[tag_end - 2] == "/"
        if name in RAW_TEXT_TAGS and not start.group(1):
            if not self_closing:
                end_tag = _RAW_TEXT_END[name].search(markup, pos)
                pos = size if end_tag is None else end_tag.start()
            continue
        yield Tag(name, bool(start.group(1)), self_closing, markup[start.end() : tag_end - 1])
