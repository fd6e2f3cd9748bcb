"""Hostile feed servers for end-to-end tests: bombs, slow and silent servers, bad redirects, error
statuses, XML entity tricks and a feed full of terminal escapes, beside a few ordinary feeds.

    endpoints = add_hostile_endpoints(server)      # on a started FeedServer
    opml = opml_for(endpoints)                      # every endpoint, for `digest import`
    with serve_hostile_endpoints() as (server, endpoints): ...
    [e.url for e in endpoints if e.expect == "error"]

Each `Endpoint` says what a fetch of it should come to: "error" (with a message matching
`error_pattern`) or "updated" (and then its `markers`, words from its entries, should reach the
digest). `serve_hostile_endpoints()` starts a FeedServer holding them all.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Literal
from xml.sax.saxutils import escape, quoteattr

from feedserver import FeedServer, compressed_zeros, zeros

__all__ = [
    "BAD_LINKS",
    "HOSTILE_TEXT",
    "Endpoint",
    "add_hostile_endpoints",
    "opml_for",
    "serve_hostile_endpoints",
]

Expect = Literal["error", "updated"]

_MB = 1024 * 1024
BOMB_SIZE = 1024 * _MB
"""What each compression bomb inflates to: far past the 60 MB limit and the memory budget."""
BIG_BODY = 60 * _MB
"""The oversized plain bodies, three times the 20 MB body limit."""

HOSTILE_TEXT: dict[str, str] = {
    "c0": "\x00\x01\x07\x08\x0b\x0c\x0e\x1f\x7f",
    "c1": "\x80\x85\x8d\x9b\x9c\x9f",
    "osc0": "\x1b]0;owned window title\x07",
    "osc52": "\x1b]52;c;cm0gLXJmIH4K\x07",
    "osc8": "\x1b]8;;file:///etc/passwd\x1b\\click me\x1b]8;;\x1b\\",
    "csi": "\x1b[2J\x1b[H\x1b[31;1m\x1b[?1049h\x9b6n",
    "bidi": "\u202egnp.exe\u202c \u202a\u202b\u202d\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
    "markup": "[@click=app.quit]x[/] [/ [bold red]loud[/bold red] [link=file:///etc/passwd]y[/link]",
    "html": '<script>alert(1)</script> "><img src=x onerror=alert(1)>',
}
"""Fragments that must never reach a terminal as controls, or a page as markup or a link."""

BAD_LINKS: tuple[str, ...] = (
    "javascript:alert(1)",
    "file:///etc/passwd",
    "-oProxyCommand=x",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    " JaVaScRiPt:alert(2)",
    "java\tscript:alert(3)",
    "\x1b]8;;https://evil.example/\x07",
    "vbscript:msgbox(1)",
    "https://ok.example/hostile/\x1b[31mred",
)
"""Entry links that must never come out as anything but http(s) (or no link at all)."""

# One distinct event per entry, so each is a story of its own; the place name is the marker.
_EVENTS: tuple[tuple[str, str], ...] = (
    ("Pellridge", "reopens its flooded library after a year of repairs"),
    ("Granholm", "ferry service resumes after the winter storms"),
    ("Dunmore", "volunteers replant a seagrass meadow in the bay"),
    ("Altavik", "chess prodigy wins the national junior title"),
    ("Merrowfield", "bakery cooperative doubles its bread output"),
    ("Kessling", "observatory astronomers spot a bright new comet"),
    ("Varden", "cyclists cross the plateau for a hospital fundraiser"),
    ("Corvin", "old lighthouse becomes a maritime museum"),
    ("Sollen", "beekeepers report a record honey harvest"),
)


@dataclass(frozen=True)
class Endpoint:
    """One feed URL and what fetching it should come to."""

    name: str
    url: str
    expect: Expect
    about: str
    """What the server does, for assertion messages."""
    error_pattern: str | None = None
    """A regular expression (case-insensitive) the error message should match."""
    markers: tuple[str, ...] = ()
    """Words from the feed's entries that the digest should show."""


def add_hostile_endpoints(server: FeedServer, now: datetime | None = None) -> list[Endpoint]:
    """Register every hostile endpoint and ordinary feed on `server`; returns them in order."""
    moment = now or datetime.now(UTC)
    url = server.url
    endpoints: list[Endpoint] = []

    def error(name: str, path: str, about: str, pattern: str) -> None:
        endpoints.append(Endpoint(name, url(path), "error", about, pattern))

    server.add(
        "/gzip-bomb",
        compressed_zeros(BOMB_SIZE, "gzip"),
        headers={"Content-Encoding": "gzip"},
    )
    error("gzip-bomb", "/gzip-bomb", "1 GiB of zeros as a 1 MB gzip body", r"too large")
    server.add(
        "/brotli-bomb", compressed_zeros(BOMB_SIZE, "br"), headers={"Content-Encoding": "br"}
    )
    error("brotli-bomb", "/brotli-bomb", "1 GiB of zeros as a 13 KB brotli body", r"too large")
    server.add("/gzip-undeclared", compressed_zeros(BOMB_SIZE, "gzip"))
    error(
        "gzip-undeclared",
        "/gzip-undeclared",
        "the gzip bomb without Content-Encoding (inflated by the parser)",
        r"too large|inflat|MiB|not a feed",
    )
    server.add_stream("/huge-with-length", zeros(BIG_BODY), content_length=BIG_BODY)
    error("huge-with-length", "/huge-with-length", "60 MB body with Content-Length", r"too large")
    server.add_stream("/huge-no-length", zeros(BIG_BODY))
    error("huge-no-length", "/huge-no-length", "60 MB body ended by closing", r"too large")
    server.add("/trickle", _rss("Trickle Times", _ordinary_items(moment)), trickle=(2, 0.5))
    error("trickle", "/trickle", "a valid feed at 4 bytes a second", r"timed out")
    server.add("/silent", _rss("Silent Post", _ordinary_items(moment)), delay=3600)
    error("silent", "/silent", "accepts the connection and says nothing", r"timed out")
    server.add_redirect("/loop-a", "/loop-b", status=302)
    server.add_redirect("/loop-b", "/loop-a", status=302)
    error("redirect-loop", "/loop-a", "redirects between two paths for ever", r"redirect")
    for hop in range(12):
        server.add_redirect(f"/hop/{hop}", f"/hop/{hop + 1}")
    error("redirect-chain", "/hop/0", "twelve redirects in a row", r"redirect")
    server.add_redirect("/to-file", "file:///etc/passwd", status=302)
    error("redirect-to-file", "/to-file", "redirects to file:///etc/passwd", r"redirect")
    server.add(
        "/rate-limited",
        b"slow down",
        status=429,
        headers={"Retry-After": "3600", "Content-Type": "text/plain"},
    )
    error("429", "/rate-limited", "429 with Retry-After: 3600", r"429")
    server.add("/server-error", b"<h1>oops</h1>", status=500, headers={"Content-Type": "text/html"})
    error("500", "/server-error", "500 Internal Server Error", r"500")
    later = format_datetime(moment + timedelta(hours=2), usegmt=True)
    server.add("/unavailable", b"maintenance", status=503, headers={"Retry-After": later})
    error("503", "/unavailable", "503 with an HTTP-date Retry-After", r"503")
    server.add("/page.html", _HTML_PAGE, headers={"Content-Type": "text/html; charset=utf-8"})
    error("html", "/page.html", "an HTML page that names no feed", r"html|not a feed")
    server.add("/laughs.xml", _billion_laughs())
    error(
        "billion-laughs",
        "/laughs.xml",
        "an RSS feed with nested entity definitions (billion laughs)",
        r"entit|dtd|doctype|xml|not a feed",
    )
    server.add("/xxe.xml", _external_entity())
    error(
        "external-entity",
        "/xxe.xml",
        'an RSS feed with <!ENTITY x SYSTEM "file:///etc/passwd">',
        r"entit|dtd|doctype|xml|not a feed",
    )

    for name, path, body, markers in _valid_feeds(moment):
        server.add(path, body)
        endpoints.append(Endpoint(name, url(path), "updated", f"valid feed {path}", None, markers))
    return endpoints


def opml_for(endpoints: Sequence[Endpoint]) -> str:
    """An OPML 2.0 document subscribing to every endpoint.

    Endpoints expected to fail are named after themselves; the feeds are left unnamed, so that
    their own (hostile) titles name them.
    """
    outlines = []
    for endpoint in endpoints:
        named = f" text={quoteattr(endpoint.name)}" if endpoint.expect == "error" else ""
        outlines.append(f'    <outline type="rss"{named} xmlUrl={quoteattr(endpoint.url)}/>')
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n'
        "  <head><title>hostile servers</title></head>\n  <body>\n"
        + "\n".join(outlines)
        + "\n  </body>\n</opml>\n"
    )


@contextmanager
def serve_hostile_endpoints() -> Iterator[tuple[FeedServer, list[Endpoint]]]:
    """A started FeedServer with every endpoint; raises at the end if the server itself broke."""
    server = FeedServer().start()
    try:
        yield server, add_hostile_endpoints(server)
    finally:
        server.stop()
    if server.errors:
        raise AssertionError(f"the test server failed: {server.errors!r}")


# Feed bodies


def _rss(title: str, items: Sequence[str], link: str = "https://example.org/") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
        f"<title>{escape(title)}</title><link>{escape(link)}</link>"
        f"<description>a test feed</description>\n{''.join(items)}\n</channel></rss>\n"
    ).encode()


def _rss_item(guid: str, title: str, link: str | None, when: datetime, text: str) -> str:
    link_element = f"<link>{escape(link)}</link>" if link is not None else ""
    return (
        f"<item><title>{escape(title)}</title>{link_element}"
        f'<guid isPermaLink="false">{escape(guid)}</guid>'
        f"<pubDate>{format_datetime(when)}</pubDate>"
        f"<description>{escape(text)}</description></item>\n"
    )


def _ordinary_items(moment: datetime) -> list[str]:
    return [
        _rss_item(
            "trickle-1",
            "Harbour authority approves a new container terminal",
            "https://example.org/terminal",
            moment - timedelta(hours=1),
            "The harbour authority approved a new container terminal on Tuesday. "
            "Construction starts next spring and should take three years.",
        )
    ]


def _valid_feeds(moment: datetime) -> list[tuple[str, str, bytes, tuple[str, ...]]]:
    """(name, path, body, markers) of the ordinary feeds and the two full of hostile text."""
    hour = timedelta(hours=1)
    courier = _rss(
        "Northwind Courier",
        [
            _rss_item(
                "nw-1",
                "Tidewater council votes to rebuild the Quarry Street bridge",
                "https://northwind.example/bridge",
                moment - 2 * hour,
                "The Tidewater council voted on Monday to rebuild the Quarry Street bridge. "
                "Engineers found cracks in two of its supports last autumn. "
                "Work is expected to start in March and to last eighteen months.",
            ),
            _rss_item(
                "nw-2",
                "Glassworks in Oresund Falls hires two hundred workers",
                "https://northwind.example/glassworks",
                moment - 3 * hour,
                "A glassworks in Oresund Falls will hire two hundred workers this year. "
                "The company said demand for insulated windows had doubled. "
                "The town's mayor called it the best news in a decade.",
            ),
        ],
        "https://northwind.example/",
    )
    review = (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Lakeside Science Review</title><id>urn:lakeside</id>"
        f"<updated>{moment.isoformat()}</updated>"
        '<link href="https://lakeside.example/"/>'
        "<entry><title>Marine biologists tag a rare Halvorsen shark</title>"
        "<id>urn:lakeside:1</id>"
        '<link href="https://lakeside.example/shark"/>'
        f"<updated>{(moment - 4 * hour).isoformat()}</updated>"
        '<content type="html">&lt;p&gt;Marine biologists tagged a rare Halvorsen shark off the '
        "northern coast. The tag will report its position for a year.&lt;/p&gt;&lt;p&gt;Only "
        "a few dozen sightings of the species were ever recorded.&lt;/p&gt;</content></entry>"
        "</feed>\n"
    ).encode()
    weekly = json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Ferrous Tech Weekly",
            "home_page_url": "https://ferrous.example/",
            "items": [
                {
                    "id": "fw-1",
                    "url": "https://ferrous.example/battery",
                    "title": "Startup in Brennick unveils a sodium battery for homes",
                    "date_published": (moment - 5 * hour).isoformat(),
                    "content_text": "A startup in Brennick unveiled a sodium battery for homes. "
                    "It stores a day of power for a family and costs less than lithium packs. "
                    "Deliveries begin in the autumn.",
                }
            ],
        }
    ).encode()
    return [
        ("rss", "/courier.xml", courier, ("Tidewater", "Oresund Falls")),
        ("atom", "/review.atom", review, ("Halvorsen",)),
        ("json-feed", "/weekly.json", weekly, ("Brennick",)),
        ("hostile-rss", "/hostile.xml", _hostile_rss(moment), tuple(p for p, _ in _EVENTS)),
        ("hostile-json", "/hostile.json", _hostile_json(moment), tuple(p for p, _ in _EVENTS)),
    ]


def _hostile_entries(moment: datetime) -> Iterator[tuple[str, str, str, datetime, str]]:
    """(guid, title, link, published, text) for each event, every one carrying hostile text."""
    fragments = list(HOSTILE_TEXT.values())
    for n, (place, event) in enumerate(_EVENTS):
        bad = fragments[n % len(fragments)]
        other = fragments[(n + 4) % len(fragments)]
        title = f"{place} {event} {bad} {HOSTILE_TEXT['markup']}"
        text = (
            f"The town of {place} {event} this week. {bad}"
            f"Residents of {place} gathered to mark the occasion {other} on Saturday. "
            f"Local officials in {place} said more such projects would follow next year."
        )
        yield f"ev-{n}", title, BAD_LINKS[n % len(BAD_LINKS)], moment - timedelta(minutes=n), text


def _hostile_rss(moment: datetime) -> bytes:
    """An RSS feed carrying the fragments as raw characters, as a hostile server would send them.

    XML 1.0 forbids most C0 controls even as character references, so the document is not
    well-formed; feed readers (feedparser's loose mode) read such feeds all the same.
    """
    items = [
        _rss_item(guid, title, link, when, text)
        for guid, title, link, when, text in _hostile_entries(moment)
    ]
    # An item without <link> whose permalink guid is a script: feedparser makes it the link.
    items.append(
        "<item><title>Sollen beekeepers open a honey museum</title>"
        '<guid isPermaLink="true">javascript:alert(document.cookie)</guid>'
        f"<pubDate>{format_datetime(moment)}</pubDate>"
        "<description>The beekeepers of Sollen opened a honey museum.</description></item>"
    )
    channel_title = f"Hostile Gazette {HOSTILE_TEXT['osc0']}{HOSTILE_TEXT['bidi']}"
    return _rss(channel_title, items, "javascript:alert('channel')")


def _hostile_json(moment: datetime) -> bytes:
    """A well-formed JSON Feed: JSON can carry every control character, escaped."""
    items = [
        {
            "id": guid,
            "url": link,
            "title": title,
            "content_text": text,
            "date_published": when.isoformat(),
            "authors": [{"name": f"Mallory {HOSTILE_TEXT['osc52']}{HOSTILE_TEXT['c1']}"}],
            "tags": [HOSTILE_TEXT["csi"], "[@click=app.quit]"],
        }
        for guid, title, link, when, text in _hostile_entries(moment)
    ]
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": f"Hostile JSON {HOSTILE_TEXT['osc8']}{HOSTILE_TEXT['c0']}",
            "home_page_url": "file:///etc/passwd",
            "items": items,
        }
    ).encode()


_HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>Welcome</title></head>"
    b"<body><h1>Our news</h1><p>No feed here, only a page.</p></body></html>"
)


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)
    ]
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f"<!DOCTYPE rss [\n{chr(10).join(entities)}\n]>\n"
        '<rss version="2.0"><channel><title>Laughing &lol3;</title>'
        "<link>https://laughs.example/</link><description>d</description>"
        "<item><title>Laughs &lol9;</title><link>https://laughs.example/1</link>"
        "<guid>laugh-1</guid><description>&lol9;</description></item>"
        "</channel></rss>\n"
    ).encode()


def _external_entity() -> bytes:
    return (
        b'<?xml version="1.0" encoding="utf-8"?>\n'
        b'<!DOCTYPE rss [<!ENTITY leak SYSTEM "file:///etc/passwd">]>\n'
        b'<rss version="2.0"><channel><title>Leaky &leak;</title>'
        b"<link>https://leak.example/</link><description>d</description>"
        b"<item><title>Leak &leak;</title><link>https://leak.example/1</link>"
        b"<guid>leak-1</guid><description>Here it is: &leak; (end)</description></item>"
        b"</channel></rss>\n"
    )
