"""Reading and writing OPML subscription lists (OPML 1.0 and 2.0); folders are topics.

The reader drives expat directly rather than through ElementTree so that it can refuse entity
declarations outright: no internal entity expansion (the "billion laughs"), no external entities,
whatever the file's encoding. OPML never needs them.
"""

from __future__ import annotations

import xml.parsers.expat
from collections.abc import Sequence
from dataclasses import dataclass

from digest.analysis.text import clean_line
from digest.errors import OpmlError
from digest.feeds.recode import as_utf8

__all__ = ["Outline", "read_opml", "write_opml"]


@dataclass(frozen=True)
class Outline:
    """One subscription in an OPML file."""

    url: str
    """The feed URL (xmlUrl) as the file gives it; checking it is up to the caller."""
    title: str | None
    topic: str | None
    """The name of the innermost folder outline holding the feed, if any."""
    extra: tuple[tuple[str, str], ...] = ()
    """digest's own attributes (digestEvery, digestLimit, digestFullText), kept as written."""


# Per-feed settings travel as attributes of the feed's outline; other readers ignore them.
_EXTRA = ("digestEvery", "digestLimit", "digestFullText")


class _EntityDeclared(Exception):
    """Raised from inside expat when the document declares an entity."""


def _refuse_entity(*_args: object) -> None:
    raise _EntityDeclared


def _refuse_external(*_args: object) -> int:
    raise _EntityDeclared


def _attribute(attributes: dict[str, str], name: str) -> str:
    """An attribute by case-insensitive name: exporters spell xmlUrl every way."""
    value = attributes.get(name)
    if value is None:
        lowered = name.lower()
        value = next((v for k, v in attributes.items() if k.lower() == lowered), "")
    return value


def _feed_url(raw: str) -> str:
    url = clean_line(raw)
    lowered = url.lower()
    # The old feed: pseudo-scheme ("feed://host/x", "feed:https://host/x").
    if lowered.startswith("feed://"):
        return "http://" + url[7:]
    if lowered.startswith("feed:http"):
        return url[5:]
    return url


class _OpmlReader:
    """Expat callbacks that collect feed outlines and track the enclosing folders."""

    def __init__(self) -> None:
        self.root: str | None = None
        self.outlines: dict[str, Outline] = {}
        # One entry per open <outline>: the folder name it gives its children, if it is a folder.
        self._stack: list[str | None] = []

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        if self.root is None:
            self.root = tag
        if tag != "outline":
            return
        url = _feed_url(_attribute(attributes, "xmlUrl"))
        name = clean_line(_attribute(attributes, "title") or _attribute(attributes, "text"))
        if url:
            folders = [f for f in self._stack if f]
            topic = folders[-1] if folders else _category(_attribute(attributes, "category"))
            title = name if name and name != url else None
            extra = tuple((k, clean_line(v)) for k, v in attributes.items() if k in _EXTRA)
            self.outlines.setdefault(url, Outline(url, title, topic, extra))
            self._stack.append(None)
        else:
            self._stack.append(name or None)

    def end(self, tag: str) -> None:
        if tag == "outline" and self._stack:
            self._stack.pop()


def _category(value: str) -> str | None:
    """The last step of the first OPML category path ("/News/World,/Tech" gives "World")."""
    first = value.split(",")[0]
    steps = [clean_line(s) for s in first.split("/")]
    steps = [s for s in steps if s]
    return steps[-1] if steps else None


def read_opml(data: bytes, source: str = "OPML file", *, retry: bool = True) -> list[Outline]:
    """The feeds an OPML document lists, in order, without duplicate URLs.

    A feed is an <outline> with an xmlUrl; the innermost enclosing outline without one names its
    topic. A document in an encoding expat cannot read (Shift_JIS, an unknown name) is read
    again as UTF-8, or Windows-1252 when it is not UTF-8. Raises OpmlError, naming `source`,
    when the document cannot be read.
    """
    reader = _OpmlReader()
    parser = xml.parsers.expat.ParserCreate()
    parser.StartElementHandler = reader.start
    parser.EndElementHandler = reader.end
    parser.EntityDeclHandler = _refuse_entity
    parser.UnparsedEntityDeclHandler = _refuse_entity
    parser.ExternalEntityRefHandler = _refuse_external
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    try:
        parser.Parse(data, True)
    except _EntityDeclared:
        raise OpmlError(
            f"{source} declares XML entities, which digest refuses to read for safety: "
            "export the subscriptions again from your feed reader, or remove the <!DOCTYPE> part."
        ) from None
    except xml.parsers.expat.ExpatError as exc:
        raise OpmlError(
            f"{source} is not readable OPML ({xml.parsers.expat.ErrorString(exc.code)} "
            f"at line {exc.lineno}): check that it is the OPML file your feed reader exported."
        ) from None
    except (LookupError, ValueError) as exc:  # an encoding expat cannot use, or none at all
        if not retry:
            raise OpmlError(
                f"{source} is not readable OPML (its characters cannot be decoded: {exc}): "
                "export it again from your feed reader, as UTF-8."
            ) from None
        return read_opml(as_utf8(data, ("utf-8", "shift_jis", "windows-1252")), source, retry=False)
    if reader.root != "opml":
        raise OpmlError(
            f"{source} is XML but not OPML (its root element is <{reader.root}>): "
            "export the subscriptions from your feed reader as OPML."
        )
    return list(reader.outlines.values())


def _escape(value: str) -> str:
    """Text made safe inside a double-quoted XML attribute (line breaks kept as references)."""
    return (
        value.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("\t", "&#9;")
        .replace("\n", "&#10;")
    )


def _feed_element(outline: Outline, indent: str) -> str:
    url = clean_line(outline.url)
    title = clean_line(outline.title) or url
    attributes = f'type="rss" text="{_escape(title)}"'
    if outline.title and clean_line(outline.title):
        attributes += f' title="{_escape(title)}"'
    extra = "".join(f' {k}="{_escape(clean_line(v))}"' for k, v in outline.extra if k in _EXTRA)
    return f'{indent}<outline {attributes} xmlUrl="{_escape(url)}"{extra}/>'


def write_opml(outlines: Sequence[Outline], title: str = "digest subscriptions") -> str:
    """The outlines as an OPML 2.0 document, one folder per topic (in order of first use).

    Feeds without a topic sit at the top level. `read_opml` reads the result back unchanged.
    """
    groups: dict[str | None, list[Outline]] = {}
    for outline in outlines:
        groups.setdefault(clean_line(outline.topic) or None, []).append(outline)
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<opml version="2.0">',
        "  <head>",
        f"    <title>{_escape(clean_line(title))}</title>",
        "  </head>",
        "  <body>",
    ]
    for topic, members in groups.items():
        if topic is None:
            lines += [_feed_element(o, "    ") for o in members]
            continue
        lines.append(f'    <outline text="{_escape(topic)}" title="{_escape(topic)}">')
        lines += [_feed_element(o, "      ") for o in members]
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
