"""The fast reader for plain feeds gives exactly the articles feedparser gives, or declines."""

from __future__ import annotations

from pathlib import Path

import pytest

from digest.feeds.fastparse import read_plain_feed
from digest.feeds.parse import NotAFeedError, parse_feed
from digest.models import ParsedFeed
from digest.paths import seeds_dir

URL = "https://news.example.com/feed.xml"
XML = {"content-type": "application/xml"}
DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds"


def both(body: bytes, headers: dict[str, str] = XML) -> tuple[ParsedFeed | str, ParsedFeed | str]:
    """(feedparser's result, the fast path's result); an error is given as its message."""
    results: list[ParsedFeed | str] = []
    for fast in (False, True):
        try:
            results.append(parse_feed(body, URL, headers, fast=fast))
        except NotAFeedError as exc:
            results.append(str(exc))
    return results[0], results[1]


def rss(
    items: str,
    channel: str = "<title>Chan</title><link>https://news.example.com/</link>",
    *,
    prolog: str = '<?xml version="1.0" encoding="utf-8"?>',
    namespaces: str = "",
) -> bytes:
    return (
        f'{prolog}<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"'
        f' xmlns:dc="http://purl.org/dc/elements/1.1/"'
        f' xmlns:atom="http://www.w3.org/2005/Atom" {namespaces}>'
        f"<channel>{channel}{items}</channel></rss>"
    ).encode()


def atom(entries: str, head: str = "<title>Chan</title>", lang: str = "") -> bytes:
    lang_attr = f' xml:lang="{lang}"' if lang else ""
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"'
        f' xmlns:media="http://search.yahoo.com/mrss/"{lang_attr}>{head}{entries}</feed>'
    ).encode()


ITEM = (
    "<item><title>Port strike ends</title><link>https://news.example.com/a?x=1&amp;y=2</link>"
    "<guid isPermaLink='false'>tag:1</guid><pubDate>Mon, 23 Nov 2026 10:00:00 +0100</pubDate>"
    "<description>&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</description>"
    "<content:encoded><![CDATA[<p>Dock workers voted on Monday.</p><p>Ships sail.</p>]]>"
    "</content:encoded><category>Business</category><category>Ports</category>"
    "<dc:creator>A. Writer</dc:creator></item>"
)

SAME_AND_FAST = {
    "plain rss item": rss(ITEM),
    "guid as link": rss("<item><title>T</title><guid>https://news.example.com/g</guid></item>"),
    "guid not a link": rss(
        "<item><title>T</title><guid isPermaLink='false'>https://x.example/g</guid></item>"
    ),
    "title that looks like html": rss(
        "<item><title>A &amp;amp; B &lt;b&gt;x&lt;/b&gt;</title></item>"
    ),
    "title with a bare ampersand": rss("<item><title>AT&amp;T buys</title></item>"),
    "mojibake and C1 codes": rss("<item><title>CafÃ© \u0093quoted\u0094</title></item>"),
    "dc date only": rss("<item><title>T</title><dc:date>2026-11-23T10:00:00Z</dc:date></item>"),
    "harmless extras": rss(
        "<item><title>T</title><comments>https://x.example/c</comments>"
        "<enclosure url='https://x.example/a.mp3' length='1' type='audio/mpeg'/>"
        "<slash:comments>4</slash:comments></item>",
        namespaces='xmlns:slash="http://purl.org/rss/1.0/modules/slash/"',
    ),
    "channel extras": rss(
        ITEM,
        "<title>Chan</title><link>https://news.example.com/</link><language>de-DE</language>"
        "<atom:link href='https://news.example.com/feed.xml' rel='self'"
        " type='application/rss+xml'/><copyright>(c) Chan</copyright>"
        "<image><url>https://x.example/i.png</url><title>Logo</title><link>https://x.example/</link>"
        "</image><lastBuildDate>Mon, 23 Nov 2026 10:00:00 GMT</lastBuildDate>",
    ),
    "atom": atom(
        "<entry><title type='html'>Hello &lt;b&gt;world&lt;/b&gt;</title><id>urn:1</id>"
        "<link rel='alternate' href='https://news.example.com/1'/><link rel='self' href='/self'/>"
        "<published>2026-11-23T10:00:00+02:00</published><updated>2026-11-24T10:00:00Z</updated>"
        "<author><name>Ann</name><email>ann@example.com</email></author>"
        "<category term='tech' label='Technology'/><summary>Plain &lt;summary&gt;</summary>"
        "<content type='html'>&lt;p&gt;Body one.&lt;/p&gt;</content>"
        "<media:thumbnail url='https://x.example/t.jpg'/></entry>",
        head="<title>Chan</title><link href='https://news.example.com/'/><rights>CC BY</rights>",
        lang="fr_FR",
    ),
    "no items": rss(""),
    "dc language at the channel": rss(ITEM, "<title>C</title><dc:language>de</dc:language>"),
}


@pytest.mark.parametrize("name", sorted(SAME_AND_FAST))
def test_plain_documents_take_the_fast_path_with_the_same_result(name: str) -> None:
    body = SAME_AND_FAST[name]
    assert read_plain_feed(body, XML) is not None
    slow, fast = both(body)
    assert isinstance(slow, ParsedFeed)
    assert fast == slow


DECLINED = {
    "doctype": rss(ITEM, prolog='<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "b">]>'),
    "latin-1 declared": rss(ITEM, prolog='<?xml version="1.0" encoding="iso-8859-1"?>'),
    "ill-formed": rss(ITEM).replace(b"</channel>", b""),
    "itunes summary fills the summary": rss(
        "<item><title>T</title><itunes:summary>Said here</itunes:summary></item>",
        namespaces='xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"',
    ),
    "media title inside a group": atom(
        "<entry><id>1</id><media:group><media:title>Inner</media:title></media:group></entry>"
    ),
    "markup inside a title": rss("<item><title>A <b>bold</b> claim</title></item>"),
    "two titles": rss("<item><title>One</title><title>Two</title></item>"),
    "xhtml content": atom(
        "<entry><id>1</id><content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'>"
        "<p>x</p></div></content></entry>"
    ),
    "xml:base": atom("<entry xml:base='https://other.example/'><id>1</id></entry>"),
    "unreadable date": rss("<item><title>T</title><pubDate>sometime soon</pubDate></item>"),
    "rss 0.91": rss(ITEM).replace(b'version="2.0"', b'version="0.91"'),
}


@pytest.mark.parametrize("name", sorted(DECLINED))
def test_anything_not_plain_is_left_to_feedparser(name: str) -> None:
    body = DECLINED[name]
    assert read_plain_feed(body, XML) is None
    slow, fast = both(body)
    assert fast == slow


def test_a_charset_header_other_than_utf8_is_declined() -> None:
    body = rss("<item><title>Café</title></item>")
    assert read_plain_feed(body, {"content-type": "application/xml; charset=windows-1252"}) is None
    assert read_plain_feed(body, {"content-type": "application/xml; charset=utf-8"}) is not None


def test_the_fast_path_keeps_links_safe() -> None:
    body = rss(
        "<item><title>a</title><link>javascript:alert(1)</link><guid>g1</guid></item>"
        "<item><title>b</title><link>-oProxyCommand=x</link><guid>g2</guid></item>"
        "<item><title>c\x1b]0;owned\x07</title><link>/relative</link><guid>g3</guid></item>".replace(
            "\x1b", "&#27;"
        ).replace("\x07", "&#7;")
    )
    slow, fast = both(body)
    assert isinstance(fast, ParsedFeed) and fast == slow
    assert [e.url for e in fast.entries] == [
        None,
        "https://news.example.com/-oProxyCommand=x",
        "https://news.example.com/relative",
    ]
    assert fast.entries[2].title == "c"


def feed_files() -> list[Path]:
    files = sorted((seeds_dir() / "feeds").glob("*.xml"))
    if DATA.is_dir():
        files += sorted(p for p in DATA.glob("*/*") if p.suffix != ".md")
    return files


@pytest.mark.parametrize("path", feed_files(), ids=lambda p: p.name)
def test_real_feeds_give_the_same_articles_on_both_paths(path: Path) -> None:
    slow, fast = both(path.read_bytes())
    assert fast == slow


def test_most_real_feeds_take_the_fast_path() -> None:
    if not DATA.is_dir():
        pytest.skip(f"real feeds not found: {DATA}")
    real = sorted((DATA / "real").glob("*.xml")) + sorted((DATA / "real").glob("*.atom"))
    real += sorted((DATA / "real").glob("*.rss"))
    fast = [p.name for p in real if read_plain_feed(p.read_bytes(), XML) is not None]
    # Measured when written: 15 of the 37 XML feeds (the rest use RDF, DOCTYPEs, xml:base,
    # iTunes or Media RSS titles and summaries, or are not well-formed).
    assert len(fast) >= 12, fast
