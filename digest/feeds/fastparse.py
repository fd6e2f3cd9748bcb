"""A fast reader for plain, well-formed RSS 2.0 and Atom 1.0 documents, feedparser's shortcut.

feedparser reads anything, at about a millisecond per entry, mostly in its per-element Python
handlers. Most real feeds are plain: UTF-8, well-formed, no DOCTYPE, the common elements only.
For those, ElementTree (expat in C) builds the tree in a small fraction of that time, and this
module hands back the entries in feedparser's own shape (the keys and values `parse.py` reads),
so both paths share every later step.

It declines, returning None, whenever the document is anything but plain: a DOCTYPE (entities
stay feedparser's and expat's business), another encoding, ill-formed XML, RDF or RSS 0.9x, an
element in an entry it does not know, a repeated single-valued element, markup inside a text
element, xml:base, XHTML or out-of-line content, or a date it cannot read. feedparser then reads
the document as before. tests/test_fastparse.py checks over the real-feeds corpus that the two
paths give the same articles.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from typing import Any

from feedparser.datetimes import _parse_date
from feedparser.mixin import _FeedParserMixin

__all__ = ["read_plain_feed"]

Entry = dict[str, Any]

_ATOM = "{http://www.w3.org/2005/Atom}"
_CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
_DC = "{http://purl.org/dc/elements/1.1/}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_DECLARATION = re.compile(rb"<\?xml[^>]*?encoding\s*=\s*[\"']([^\"']*)[\"']", re.IGNORECASE)
_PLAIN_CHARSETS = {"", "utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1", "latin1"}
_CP1252 = {}
for _code in range(0x80, 0xA0):
    try:
        _CP1252[_code] = bytes([_code]).decode("cp1252")
    except UnicodeDecodeError:
        pass
_C1 = re.compile("[\x80-\x9f]")
_ENTITY_IN_LINK = re.compile("&([A-Za-z0-9_]+);")

# Elements read here; any other must be one feedparser files under a key parse.py never reads.
_ATOM_LINK = _ATOM + "link"
_RSS_ITEM = {"title", "link", "description", "guid", "pubDate", "author", "category"}
_RSS_ITEM |= {_CONTENT + "encoded", _DC + "creator", _DC + "date", _DC + "subject", _ATOM_LINK}
_ATOM_ENTRY = {_ATOM + n for n in ("title", "link", "id", "summary", "content", "published")}
_ATOM_ENTRY |= {_ATOM + n for n in ("updated", "author", "category", "rights")}
_SINGLE = {"title", "link", "description", "guid", "pubDate", "author", _CONTENT + "encoded"}
_SINGLE |= {_DC + "creator", _DC + "date"}
_SINGLE |= {_ATOM + n for n in ("title", "id", "summary", "content", "published", "updated")}
_SINGLE |= {_ATOM + "rights"}
_HARMLESS_HANDLERS = {"enclosure", "comments", "source", "media_content", "media_thumbnail"}
_HARMLESS_HANDLERS |= {"media_player", "media_credit", "media_rating", "media_restriction"}
_HARMLESS_HANDLERS |= {"media_license", "itunes_image", "itunes_explicit", "itunes_block"}
_HARMLESS_HANDLERS |= {"itunes_subtitle", "itunes_duration", "dc_publisher"}
"""Elements feedparser handles, but only under keys of their own (media_content, links...)."""
_CHANNEL_HANDLERS = {"description", "lastbuilddate", "pubdate", "generator", "docs", "ttl"}
_CHANNEL_HANDLERS |= {"managingeditor", "webmaster", "category", "cloud", "image", "textinput"}
_CHANNEL_HANDLERS |= {"dc_creator", "dc_publisher", "dc_date", "dc_subject", "updated"}
"""Channel elements feedparser handles without touching its title, link, rights or language."""


class _Decline(Exception):
    """The document is not plain enough for this reader; feedparser takes it."""


def read_plain_feed(body: bytes, headers: dict[str, str]) -> tuple[Entry, list[Entry]] | None:
    """(channel, entries) shaped as feedparser's `feed` and `entries`, or None to decline."""
    if b"<!DOCTYPE" in body or b"<!ENTITY" in body or b"xml:base" in body:
        return None
    if not _plain_encoding(body, headers):
        return None
    try:
        root = ET.fromstring(body)
    except ET.ParseError:
        return None
    try:
        if root.tag == "rss" and root.get("version") == "2.0":
            return _rss(root)
        if root.tag == _ATOM + "feed":
            return _atom(root)
    except _Decline:
        return None
    return None


def _plain_encoding(body: bytes, headers: dict[str, str]) -> bool:
    """UTF-8 (or ASCII) text that says so or says nothing, under a plain charset header."""
    declared = _DECLARATION.match(body.removeprefix(b"\xef\xbb\xbf"))
    if declared and declared.group(1).decode("ascii", "replace").lower() not in ("utf-8", "utf8"):
        return False
    charset = ""
    for part in headers.get("content-type", "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset":
            charset = value.strip().strip("\"'").lower()
    if charset not in _PLAIN_CHARSETS:
        return False
    if body.isascii():
        return True
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return charset in ("", "utf-8", "utf8")


def _text(element: ET.Element) -> str:
    """An element's text as feedparser's strict parser hands it over."""
    if len(element):
        raise _Decline  # markup inside: feedparser re-serializes it
    value = (element.text or "").strip()
    if value.isascii():
        return value
    # feedparser undoes UTF-8 read as ISO-8859-1, and maps C1 codes to Windows-1252 characters.
    try:
        value = value.encode("iso-8859-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        pass
    return value.translate(_CP1252) if _C1.search(value) else value


def _guessed(value: str) -> dict[str, str]:
    """An RSS text element: plain, unless it looks like HTML (as feedparser guesses)."""
    kind = "text/html" if _FeedParserMixin.looks_like_html(value) else "text/plain"
    return {"value": value, "type": kind}


def _date(value: str) -> time.struct_time:
    parsed = _parse_date(value)
    if parsed is None:
        raise _Decline
    return parsed  # type: ignore[no-any-return]


def _children(parent: ET.Element, known: set[str]) -> Iterator[ET.Element]:
    """The children of an entry read here, each single-valued one at most once."""
    seen: set[str] = set()
    for child in parent:
        tag = child.tag
        if tag not in known:
            if not _harmless(child, _HARMLESS_HANDLERS):
                raise _Decline
            continue
        if tag in _SINGLE and tag in seen:
            raise _Decline
        seen.add(tag)
        yield child


def _harmless(element: ET.Element, handled: set[str]) -> bool:
    """Whether feedparser files `element` (and all inside it) under keys of its own."""
    if not isinstance(element.tag, str):
        return True  # a comment or processing instruction
    namespace, _, local = element.tag[1:].rpartition("}")
    if not element.tag.startswith("{"):
        namespace, local = "", element.tag
    local = local.lower()
    if local in handled and local in _CONTAINERS:
        return True
    prefix = _NAMESPACES.get(namespace.lower())
    # A namespace feedparser does not know is named by the document's prefix, maybe none.
    names = {local} if prefix is None or not prefix else {f"{prefix}_{local}"}
    for name in names:
        if name in _OUR_KEYS:
            return False
        has_handler = hasattr(_FeedParserMixin, f"_start_{name}") or hasattr(
            _FeedParserMixin, f"_end_{name}"
        )
        if has_handler and name not in handled:
            return False
    return all(_harmless(child, _HARMLESS_HANDLERS) for child in element)


_NAMESPACES = {uri.lower(): prefix for uri, prefix in _FeedParserMixin.namespaces.items()}
_CONTAINERS = {"image", "textinput"}
"""Channel elements whose titles and links feedparser files under the image or text input."""
_OUR_KEYS = {"title", "link", "id", "summary", "content", "author", "authors", "published"}
_OUR_KEYS |= {"updated", "tags", "rights", "language"}


def _rss(root: ET.Element) -> tuple[Entry, list[Entry]]:
    channel = root.find("channel")
    if channel is None or len(root) != 1:
        raise _Decline
    feed: Entry = {}
    entries: list[Entry] = []
    for child in channel:
        tag = child.tag
        if tag == "item":
            entries.append(_rss_item(child))
        elif tag in _CHANNEL_FIELDS:
            if tag == "title" or tag == _DC + "title":
                _once(feed, "title_detail", _guessed(_text(child)))
            elif tag == "link":
                _once(feed, "link", _text(child))
            elif tag == "language" or tag == _DC + "language":
                _once(feed, "language", _text(child))
            else:
                _once(feed, "rights_detail", _guessed(_text(child)))
        elif tag == _ATOM_LINK:
            _atom_link(feed, child)
        elif not _harmless(child, _HARMLESS_HANDLERS | _CHANNEL_HANDLERS):
            raise _Decline
    return feed, entries


_CHANNEL_FIELDS = {"title", "link", "language", "copyright", _DC + "rights", _DC + "title"}
_CHANNEL_FIELDS |= {_DC + "language"}


def _once(mapping: Entry, key: str, value: object) -> None:
    if key in mapping:
        raise _Decline
    mapping[key] = value


def _rss_item(item: ET.Element) -> Entry:
    entry: Entry = {}
    guid_is_link = False
    for child in _children(item, _RSS_ITEM):
        tag = child.tag
        if tag == "title":
            entry["title_detail"] = _guessed(_text(child))
        elif tag == "link":
            link = _text(child).replace("&amp;", "&")
            entry["link"] = _ENTITY_IN_LINK.sub(r"&\g<1>", link)
        elif tag == "description":
            entry["summary_detail"] = {"value": _text(child), "type": "text/html"}
        elif tag == _CONTENT + "encoded":
            entry["content"] = [{"value": _text(child), "type": "text/html"}]
        elif tag == "guid":
            entry["id"] = _text(child)
            guid_is_link = child.get("isPermaLink", "true") == "true"
        elif tag == "pubDate":
            entry["published_parsed"] = _date(_text(child))
        elif tag == _DC + "date":
            entry["updated_parsed"] = _date(_text(child))
        elif tag == "author" or tag == _DC + "creator":
            _once(entry, "author", _text(child))
        elif tag == "category" or tag == _DC + "subject":
            _tag(entry, _text(child), None)
        elif tag == _ATOM_LINK:
            _atom_link(entry, child)
    if guid_is_link and "link" not in entry and entry.get("id"):
        entry["link"] = entry["id"]
    return entry


def _tag(entry: Entry, term: str | None, label: str | None) -> None:
    if term or label:
        tags: list[dict[str, str | None]] = entry.setdefault("tags", [])
        value = {"term": term, "label": label}
        if value not in tags:
            tags.append(value)


_ATOM_TYPES = {"text": "text/plain", "html": "text/html"}


def _atom_text(element: ET.Element) -> dict[str, str]:
    kind = _ATOM_TYPES.get(element.get("type", "text"))
    if kind is None or element.get("src") is not None:
        raise _Decline  # XHTML or out-of-line content
    return {"value": _text(element), "type": kind}


def _atom(root: ET.Element) -> tuple[Entry, list[Entry]]:
    feed: Entry = {}
    language = root.get(_XML_LANG)
    if language:
        feed["language"] = language.replace("_", "-")
    entries: list[Entry] = []
    for child in root:
        tag = child.tag
        if tag == _ATOM + "entry":
            entries.append(_atom_entry(child))
        elif tag == _ATOM + "title":
            _once(feed, "title_detail", _atom_text(child))
        elif tag == _ATOM + "rights":
            _once(feed, "rights_detail", _atom_text(child))
        elif tag == _ATOM + "link":
            _atom_link(feed, child)
    return feed, entries


def _atom_link(target: Entry, link: ET.Element) -> None:
    """feedparser's choice: the last alternate link of an HTML type (the defaults) wins."""
    href = link.get("href")
    rel = link.get("rel", "alternate")
    kind = link.get("type", "application/atom+xml" if rel == "self" else "text/html")
    if href is not None and rel == "alternate" and kind in ("text/html", "application/xhtml+xml"):
        target["link"] = href


def _atom_entry(node: ET.Element) -> Entry:
    entry: Entry = {}
    handlers: dict[str, Callable[[ET.Element], None]] = {
        _ATOM + "title": lambda e: entry.__setitem__("title_detail", _atom_text(e)),
        _ATOM + "summary": lambda e: entry.__setitem__("summary_detail", _atom_text(e)),
        _ATOM + "content": lambda e: entry.__setitem__("content", [_atom_text(e)]),
        _ATOM + "rights": lambda e: entry.__setitem__("rights_detail", _atom_text(e)),
        _ATOM + "id": lambda e: entry.__setitem__("id", _text(e)),
        _ATOM + "published": lambda e: entry.__setitem__("published_parsed", _date(_text(e))),
        _ATOM + "updated": lambda e: entry.__setitem__("updated_parsed", _date(_text(e))),
        _ATOM + "link": lambda e: _atom_link(entry, e),
        _ATOM + "author": lambda e: _atom_author(entry, e),
        _ATOM + "category": lambda e: _tag(entry, e.get("term"), e.get("label")),
    }
    for child in _children(node, _ATOM_ENTRY):
        if child.tag == _ATOM + "category" and len(child):
            raise _Decline
        handlers[child.tag](child)
    return entry


def _atom_author(entry: Entry, node: ET.Element) -> None:
    """feedparser's `author`: the last author's "name (email)", or either alone."""
    name = email = ""
    for child in node:
        if child.tag == _ATOM + "name":
            name = _text(child)
        elif child.tag == _ATOM + "email":
            email = _text(child)
        elif child.tag != _ATOM + "uri":
            raise _Decline
    if name and email:
        entry["author"] = f"{name} ({email})"
    elif name or email:
        entry["author"] = name or email
