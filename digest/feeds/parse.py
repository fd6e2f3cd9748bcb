"""Parsing a fetched feed document (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into sanitized entries.

feedparser reads the XML formats, always from a byte stream: given a str or bytes it may open a
file or URL of that name. JSON Feed is read with json. Every text field leaves this module cleaned
(see digest.analysis.text) and every link is http(s) or None.

Choices worth knowing:

- feedparser is not told the feed's URL: it would resolve guids that look like relative paths
  against it, and the ids would change when the feed moves. Links are resolved here instead.
- A body that is valid UTF-8 is read as UTF-8 whatever it declares: servers that declare
  ISO-8859-1 for UTF-8 text are common, and real ISO-8859-1 text is almost never valid UTF-8.
- A gzip body (a server that compressed without saying so) is inflated, up to 32 MiB.
- Dates before 1970 or more than two days ahead are dropped (None): they are feed bugs, and a
  wrong date would misfile the article; the store then files it under the time it was first seen.
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import xml.sax
import zlib
from collections.abc import Callable, Iterable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import feedparser

from digest.analysis.boilerplate import split_disclaimer
from digest.analysis.text import (
    clean_line,
    fold_whitespace,
    html_to_text,
    safe_url,
    text_paragraphs,
)
from digest.errors import DigestError
from digest.feeds.discover import looks_like_html
from digest.feeds.fastparse import read_plain_feed
from digest.feeds.recode import as_utf8
from digest.models import ParsedEntry, ParsedFeed

__all__ = ["NotAFeedError", "parse_feed"]

_MAX_INFLATED = 32 * 1024 * 1024
_EARLIEST = datetime(1970, 1, 1, tzinfo=UTC)
_FUTURE_SLACK = timedelta(days=2)
_TITLE_FROM_TEXT = 80
_MAX_TITLE = 400
_MAX_ID = 512
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")


class NotAFeedError(DigestError):
    """The document is not a feed digest can read (an HTML page, empty, or unparseable)."""


def parse_feed(
    body: bytes, url: str, headers: Mapping[str, str] | None = None, *, fast: bool = True
) -> ParsedFeed:
    """Parse a feed document fetched from `url` (its response `headers`, if any, help decoding).

    Ill-formed feeds still give the entries that can be read. Raises NotAFeedError, with a
    message for a person, when the document holds no feed. With `fast`, a plain RSS 2.0 or Atom
    document is read by digest.feeds.fastparse (the same entries, several times faster).
    """
    lowered = {k.lower(): v for k, v in headers.items()} if headers else {}
    body = _inflate(body)
    start = _content_start(body)
    if not start:
        raise NotAFeedError("not a feed: the document is empty")
    media_type = lowered.get("content-type", "").split(";")[0].strip().lower()
    if start.startswith(b"{") or (media_type.endswith("json") and not start.startswith(b"<")):
        return _parse_json_feed(body, url)
    if looks_like_html(body):
        raise NotAFeedError("not a feed: got an HTML page")
    if b"<!ENTITY" in body:
        _refuse_risky_entities(body)
    return _parse_xml_feed(body, url, lowered, fast)


_ENTITY = re.compile(rb"""<!ENTITY\s+(%\s*)?[^\s%"']+\s+("[^"]*"|'[^']*'|\w+)""")


def _refuse_risky_entities(body: bytes) -> None:
    """Refuse entity declarations that read files or expand other entities.

    A few feeds declare plain text entities (say `<!ENTITY id "tag:example.com,">`), and those
    are read. Entities that nest (the billion-laughs bomb), parameter entities and external ones
    (SYSTEM or PUBLIC, which could read local files) have no honest use in a feed; expat would
    not expand them, but the document is refused outright rather than read half-resolved.
    """
    declarations = _ENTITY.findall(body)
    risky = len(declarations) != body.count(b"<!ENTITY") or any(
        parameter or value[:1] not in (b'"', b"'") or b"&" in value or b"%" in value
        for parameter, value in declarations
    )
    if risky:
        raise NotAFeedError(
            "not a feed: it declares XML entities that nest or read files "
            "(an entity expansion attack?), which digest refuses"
        )


def _content_start(body: bytes) -> bytes:
    """The first bytes after any byte-order mark and whitespace."""
    head = body[:1024]
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return head.lstrip()[:64]


def _inflate(body: bytes) -> bytes:
    """Inflate a gzip body that was sent without a Content-Encoding header."""
    if not body.startswith(b"\x1f\x8b"):
        return body
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        data = inflater.decompress(body, _MAX_INFLATED)
    except zlib.error as exc:
        raise NotAFeedError("not a feed: could not parse it (broken gzip data)") from exc
    if inflater.unconsumed_tail:
        raise NotAFeedError("not a feed: it inflates to more than 32 MiB")
    return data


def _decoding_headers(body: bytes, headers: Mapping[str, str]) -> dict[str, str]:
    """The response headers feedparser should see, with the charset corrected when it is UTF-8."""
    content_type = headers.get("content-type", "")
    # Without any Content-Type feedparser falls back to ISO-8859-1; an XML type lets it use the
    # document's own declaration, then UTF-8.
    media_type = content_type.split(";")[0].strip() or "application/xml"
    if not body.isascii() and b"\x00" not in body:
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            content_type = f"{media_type}; charset=utf-8"
    result = {"content-type": content_type or media_type}
    if headers.get("content-language"):
        result["content-language"] = headers["content-language"]
    return result


def _parse_xml_feed(body: bytes, url: str, headers: Mapping[str, str], fast: bool) -> ParsedFeed:
    plain = None
    if fast and "content-language" not in headers:
        plain = read_plain_feed(body, dict(headers))
    if plain is not None:
        return _xml_feed(*plain, url)
    result = _feedparser(body, headers)
    raw_entries: list[Any] = list(result.get("entries") or [])
    if not raw_entries and not result.get("version"):
        if b"<html" in body[:4096].lower():
            raise NotAFeedError("not a feed: got an HTML page")
        raise NotAFeedError(f"not a feed: could not parse it ({_reason(result)})")
    return _xml_feed(dict(result.get("feed") or {}), raw_entries, url)


def _xml_feed(channel: Mapping[str, Any], raw_entries: list[Any], url: str) -> ParsedFeed:
    """A feed from feedparser's channel and entries (or the fast reader's, shaped the same)."""
    rights = _detail_line(channel, "rights")
    link = safe_url(_text(channel.get("link")), url)
    base = link if link and not safe_url(url) else url
    entries = _unique(_xml_entry(raw, base, rights) for raw in raw_entries)
    return ParsedFeed(
        title=_detail_line(channel, "title"),
        link=link,
        rights=rights,
        language=clean_line(_text(channel.get("language"))) or None,
        entries=entries,
    )


def _feedparser(body: bytes, headers: Mapping[str, str]) -> Any:
    """feedparser's reading of `body`, retried when feedparser itself fails on it.

    feedparser raises on a few hostile documents: character references to surrogates or past
    U+10FFFF, and declared encodings Python cannot use ("undefined", a NUL in the name). The
    document is then retried without the bad references, and then as UTF-8 (or Windows-1252
    when it is not UTF-8) with its declaration corrected.
    """
    attempts: tuple[Callable[[bytes], bytes], ...] = (
        lambda data: data,
        _without_bad_references,
        lambda data: as_utf8(_without_bad_references(data)),
    )
    failure: Exception | None = None
    for prepare in attempts:
        data = prepare(body)
        try:
            return feedparser.parse(
                io.BytesIO(data),
                response_headers=_decoding_headers(data, headers),
                sanitize_html=False,
                resolve_relative_uris=False,
            )
        except (ValueError, LookupError) as exc:  # UnicodeError is a ValueError
            failure = exc
    raise NotAFeedError(
        f"not a feed: could not parse it ({type(failure).__name__}: unreadable characters)"
    )


_REFERENCE = re.compile(rb"&#([xX][0-9a-fA-F]+|[0-9]+);")


def _without_bad_references(body: bytes) -> bytes:
    """`body` without character references to NUL, surrogates or numbers past U+10FFFF."""

    def checked(match: re.Match[bytes]) -> bytes:
        digits = match.group(1)
        if len(digits) > 8:
            return b""
        value = int(digits[1:], 16) if digits[:1] in b"xX" else int(digits)
        return b"" if value == 0 or 0xD800 <= value <= 0xDFFF or value > 0x10FFFF else match[0]

    return _REFERENCE.sub(checked, body) if b"&#" in body else body


def _reason(result: Mapping[str, Any]) -> str:
    """Why feedparser found no feed, in a few words."""
    exc = result.get("bozo_exception")
    # Other bozo exceptions (a charset override, say) are not why there is no feed.
    if isinstance(exc, xml.sax.SAXParseException):
        return f"XML error at line {exc.getLineNumber()}: {clean_line(exc.getMessage())}"
    return "no RSS, Atom or JSON Feed found in it"


def _xml_entry(entry: Mapping[str, Any], base: str, feed_rights: str | None) -> ParsedEntry:
    # A plain copy: FeedParserDict maps missing keys to others, with a DeprecationWarning.
    raw: dict[str, Any] = dict(entry)
    candidates: list[Mapping[str, Any]] = [
        c for c in raw.get("content") or [] if isinstance(c, Mapping)
    ]
    summary = raw.get("summary_detail")
    if isinstance(summary, Mapping):
        candidates.append(summary)
    longest = max(candidates, key=lambda c: len(_text(c.get("value"))), default=None)
    text = _detail_text(longest) if longest is not None else ""
    author = _text(raw.get("author"))
    if not author:
        names = (_text(a.get("name")) for a in raw.get("authors") or [] if isinstance(a, Mapping))
        author = ", ".join(n for n in names if n)
    published = _struct_time_utc(raw.get("published_parsed") or raw.get("updated_parsed"))
    tags = (
        _text(t.get("term")) or _text(t.get("label"))
        for t in raw.get("tags") or []
        if isinstance(t, Mapping)
    )
    return _make_entry(
        guid=_text(raw.get("id")),
        link=_text(raw.get("link")),
        base=base,
        title=_detail_line(raw, "title") or "",
        author=author,
        published=published,
        text=text,
        categories=tags,
        rights=_detail_line(raw, "rights") or feed_rights,
    )


def _parse_json_feed(body: bytes, url: str) -> ParsedFeed:
    try:
        data = json.loads(body)
    except UnicodeDecodeError:
        data = _loads_lenient(body.decode("utf-8", "replace"))
    except (ValueError, RecursionError) as exc:
        raise NotAFeedError(f"not a feed: could not parse it (bad JSON: {exc})") from exc
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise NotAFeedError("not a feed: JSON, but not a JSON Feed (it has no items list)")
    home = safe_url(_text(data.get("home_page_url")), url)
    base = home if home and not safe_url(url) else url
    items = [item for item in data["items"] if isinstance(item, dict)]
    return ParsedFeed(
        title=clean_line(_text(data.get("title"))) or None,
        link=home,
        rights=None,
        language=clean_line(_text(data.get("language"))) or None,
        entries=_unique(_json_entry(item, base) for item in items),
    )


def _loads_lenient(text: str) -> Any:
    try:
        return json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise NotAFeedError(f"not a feed: could not parse it (bad JSON: {exc})") from exc


def _json_entry(item: Mapping[str, Any], base: str) -> ParsedEntry:
    ident = item.get("id")
    guid = str(ident) if isinstance(ident, str | int) and not isinstance(ident, bool) else ""
    if _text(item.get("content_html")):
        text = html_to_text(_text(item["content_html"]))
    else:
        text = text_paragraphs(_text(item.get("content_text")) or _text(item.get("summary")))
    people = item.get("authors")
    if not isinstance(people, list):
        people = [item.get("author")]
    names = (_text(p.get("name")) for p in people if isinstance(p, Mapping))
    tags = item.get("tags")
    published = _rfc3339_utc(_text(item.get("date_published")) or _text(item.get("date_modified")))
    return _make_entry(
        guid=guid,
        link=_text(item.get("url")) or _text(item.get("external_url")),
        base=base,
        title=clean_line(_text(item.get("title"))),
        author=", ".join(n for n in names if n),
        published=published,
        text=text,
        categories=(_text(t) for t in tags) if isinstance(tags, list) else (),
        rights=None,
    )


def _make_entry(
    *,
    guid: str,
    link: str,
    base: str,
    title: str,
    author: str,
    published: datetime | None,
    text: str,
    categories: Iterable[str],
    rights: str | None,
) -> ParsedEntry:
    """Assemble an entry from decoded fields: ids, fallback title, categories, disclaimer."""
    body, notice = split_disclaimer(text) if text else (text, None)
    if not title:
        title = _title_from_text(body) or "(untitled)"
    elif len(title) > _MAX_TITLE:
        title = _shorten(title, _MAX_TITLE)
    stable_id = clean_line(guid) or clean_line(link)
    if not stable_id:
        stable_id = "sha1:" + hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()
    elif len(stable_id) > _MAX_ID:  # still stable, but never a megabyte key in the store
        stable_id = "sha1:" + hashlib.sha1(stable_id.encode()).hexdigest()
    disclaimer = " ".join(part for part in (rights, notice) if part) or None
    return ParsedEntry(
        guid=stable_id,
        url=safe_url(link, base),
        title=title,
        author=clean_line(author) or None,
        published=published,
        text=body,
        categories=_categories(categories),
        disclaimer=disclaimer,
    )


def _title_from_text(text: str) -> str:
    """A title for an entry without one: the start of its first paragraph."""
    first = text[: _TITLE_FROM_TEXT * 2].split("\n\n", 1)[0]
    return _shorten(fold_whitespace(first), _TITLE_FROM_TEXT)


def _shorten(text: str, limit: int) -> str:
    """`text` cut at a word boundary to at most `limit` characters plus an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "…"


def _categories(terms: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for term in terms:
        name = clean_line(term)
        if name and name.casefold() not in seen:
            seen[name.casefold()] = name
    return tuple(seen.values())


def _unique(entries: Iterable[ParsedEntry]) -> list[ParsedEntry]:
    """Entries with duplicate guids dropped, the first kept."""
    kept: dict[str, ParsedEntry] = {}
    for entry in entries:
        kept.setdefault(entry.guid, entry)
    return list(kept.values())


def _text(value: object) -> str:
    """A feed value as a str: feedparser and JSON may hand over anything."""
    return value if isinstance(value, str) else ""


def _detail_text(detail: Mapping[str, Any]) -> str:
    """Text of a feedparser detail dict (value and type), as paragraphs."""
    value = _text(detail.get("value"))
    kind = _text(detail.get("type"))
    return html_to_text(value) if "html" in kind else text_paragraphs(value)


def _detail_line(container: Mapping[str, Any], key: str) -> str | None:
    """A one-line field (title, rights) read through its detail dict, markup removed."""
    detail = container.get(f"{key}_detail")
    if isinstance(detail, Mapping):
        return fold_whitespace(_detail_text(detail)) or None
    return clean_line(_text(container.get(key))) or None


def _checked(moment: datetime | None) -> datetime | None:
    if moment is None or moment < _EARLIEST or moment > datetime.now(UTC) + _FUTURE_SLACK:
        return None
    return moment


def _struct_time_utc(value: object) -> datetime | None:
    """feedparser's UTC struct_time as an aware datetime, or None when absent or absurd."""
    try:
        year, month, day, hour, minute, second = value[:6]  # type: ignore[index]
        return _checked(datetime(year, month, day, hour, minute, min(second, 59), tzinfo=UTC))
    except (TypeError, ValueError, OverflowError):
        return None


def _rfc3339_utc(value: str) -> datetime | None:
    """A JSON Feed date (RFC 3339) as an aware UTC datetime, or None."""
    if not value:
        return None
    parsers: tuple[Callable[[str], datetime], ...] = (
        datetime.fromisoformat,
        lambda v: datetime.fromisoformat(v.strip().replace("Z", "+00:00").replace(" ", "T")),
    )
    for parse in parsers:
        try:
            moment = parse(value)
        except ValueError:
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return _checked(moment.astimezone(UTC))
    return None
