"""Parsing feed documents: the shared real and edge corpora, each format, and hostile input."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from xml.sax.saxutils import escape

import pytest

from digest.feeds.parse import NotAFeedError, parse_feed

FEEDS = Path(__file__).resolve().parents[2] / "shared" / "data" / "feeds"
SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_cff2a28d3b2ef510.txt"
URL = "https://news.example.com/feeds/main.xml"


def _corpus(folder: str) -> list[object]:
    directory = FEEDS / folder
    if not directory.is_dir():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{directory} is absent"))]
    return [pytest.param(path, id=path.name) for path in sorted(directory.iterdir())]


def _rss(items: str, channel: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Example News</title><link>https://news.example.com/</link>{channel}{items}"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize("path", _corpus("real"))
def test_every_real_feed_parses_with_entries(path: Path) -> None:
    feed = parse_feed(path.read_bytes(), "https://example.org/feed")
    assert feed.entries
    for entry in feed.entries:
        assert entry.guid and entry.title
        assert entry.url is None or entry.url.startswith(("http://", "https://"))
        assert entry.published is None or entry.published.tzinfo is not None
        assert "\x1b" not in entry.text and "\x00" not in entry.text
    assert len({e.guid for e in feed.entries}) == len(feed.entries)


@pytest.mark.parametrize("path", _corpus("edge"))
def test_every_edge_feed_parses_or_fails_cleanly(path: Path) -> None:
    try:
        feed = parse_feed(path.read_bytes(), "https://example.org/feed")
    except NotAFeedError as exc:
        assert str(exc).startswith("not a feed: ")
    else:
        assert all(e.guid and e.title for e in feed.entries)


def test_real_feed_decodes_declared_latin1() -> None:
    path = FEEDS / "real" / "miniflux__encoding_ISO-8859-1.xml"
    if not path.exists():
        pytest.skip("shared data absent")
    feed = parse_feed(path.read_bytes(), "https://www.golem.de/rss.php")
    assert any("ü" in e.title or "ä" in e.title or "ö" in e.title for e in feed.entries)
    assert all("Ã" not in e.title for e in feed.entries)


def test_rss_091() -> None:
    body = b"""<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"
 "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old News</title><link>http://old.example.com/</link>
<description>d</description><language>en-us</language><copyright>Copyright Old News</copyright>
<item><title>First &amp; only</title><link>http://old.example.com/1</link>
<description>Something happened.</description></item></channel></rss>"""
    feed = parse_feed(body, "http://old.example.com/rss")
    assert (feed.title, feed.language, feed.rights) == ("Old News", "en-us", "Copyright Old News")
    (entry,) = feed.entries
    assert entry.title == "First & only"
    assert entry.url == entry.guid == "http://old.example.com/1"
    assert entry.text == "Something happened."
    assert entry.disclaimer == "Copyright Old News"  # the feed's rights, shown with the source


def test_rss_10_rdf() -> None:
    body = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://rdf.example.com/"><title>RDF News</title>
<link>https://rdf.example.com/</link><description>d</description></channel>
<item rdf:about="https://rdf.example.com/a"><title>RDF item</title>
<link>https://rdf.example.com/a</link><description>Body text.</description>
<dc:date>2024-03-01T10:00:00+02:00</dc:date><dc:creator>Ann Writer</dc:creator>
<dc:subject>Science</dc:subject></item></rdf:RDF>"""
    (entry,) = parse_feed(body, "https://rdf.example.com/rss").entries
    assert entry.title == "RDF item"
    assert entry.author == "Ann Writer"
    assert entry.published == datetime(2024, 3, 1, 8, 0, tzinfo=UTC)
    assert entry.categories == ("Science",)


def test_rss_20_fields() -> None:
    body = _rss(
        "<item><title>Markets &lt;b&gt;rally&lt;/b&gt;</title>"
        "<link>https://news.example.com/markets</link>"
        "<guid isPermaLink='false'>market-42</guid>"
        "<pubDate>Mon, 06 Sep 2021 16:45:00 +0200</pubDate>"
        "<author>desk@example.com (Business Desk)</author>"
        "<category>Business</category><category>business</category><category> Markets </category>"
        "<description>&lt;p&gt;Short.&lt;/p&gt;</description>"
        "<content:encoded xmlns:content='http://purl.org/rss/1.0/modules/content/'>"
        "<![CDATA[<p>Stocks rose on Monday.</p><p>Bonds fell.</p><script>x()</script>]]>"
        "</content:encoded></item>"
    )
    (entry,) = parse_feed(body, URL).entries
    assert entry.guid == "market-42"
    assert entry.title == "Markets rally"
    assert entry.published == datetime(2021, 9, 6, 14, 45, tzinfo=UTC)
    assert entry.author == "desk@example.com (Business Desk)"
    assert entry.categories == ("Business", "Markets")
    assert entry.text == "Stocks rose on Monday.\n\nBonds fell."  # the longest text wins


def test_atom() -> None:
    body = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">
<title type="html">Atom &lt;i&gt;News&lt;/i&gt;</title><rights>CC BY 4.0</rights>
<link href="https://atom.example.com/"/><id>urn:feed</id><updated>2024-01-01T00:00:00Z</updated>
<entry><id>tag:atom.example.com,2024:1</id><title type="xhtml">
<div xmlns="http://www.w3.org/1999/xhtml">An <b>xhtml</b> title</div></title>
<link rel="alternate" href="https://atom.example.com/1"/>
<link rel="enclosure" href="https://atom.example.com/1.mp3"/>
<updated>2024-01-02T03:04:05-05:00</updated>
<author><name>Jo Reporter</name></author><rights>Entry rights</rights>
<content type="html">&lt;p&gt;Atom body.&lt;/p&gt;</content>
<category term="Technology"/></entry></feed>"""
    feed = parse_feed(body, "https://atom.example.com/feed")
    assert (feed.title, feed.rights, feed.link) == (
        "Atom News",
        "CC BY 4.0",
        "https://atom.example.com/",
    )
    (entry,) = feed.entries
    assert entry.guid == "tag:atom.example.com,2024:1"
    assert entry.title == "An xhtml title"
    assert entry.url == "https://atom.example.com/1"
    assert entry.published == datetime(2024, 1, 2, 8, 4, 5, tzinfo=UTC)
    assert entry.author == "Jo Reporter"
    assert entry.disclaimer == "Entry rights"  # the entry's own rights beat the feed's
    assert entry.categories == ("Technology",)
    assert entry.text == "Atom body."


def test_json_feed_11() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "JSON \x1b[31mNews",
        "home_page_url": "https://json.example.com/",
        "language": "en",
        "items": [
            {
                "id": "1",
                "url": "/posts/1",
                "title": "Hello",
                "content_html": "<p>One.</p><p>Two.</p>",
                "date_published": "2024-05-01T12:00:00+02:00",
                "authors": [{"name": "Ann"}, {"name": "Bo"}],
                "tags": ["World", "world", 7],
            },
            {"id": 2, "content_text": "Plain text only.\nSecond line.", "date_modified": "bad"},
            {"id": "1", "title": "duplicate id"},
            "not an item",
        ],
    }
    feed = parse_feed(json.dumps(doc).encode(), "https://json.example.com/feed.json")
    assert (feed.title, feed.link, feed.language) == (
        "JSON News",
        "https://json.example.com/",
        "en",
    )
    first, second = feed.entries
    assert first.url == "https://json.example.com/posts/1"
    assert first.text == "One.\n\nTwo."
    assert first.published == datetime(2024, 5, 1, 10, tzinfo=UTC)
    assert first.author == "Ann, Bo"
    assert first.categories == ("World",)
    assert second.guid == "2"
    assert second.title == "Plain text only."  # the first paragraph stands in for a title
    assert second.text == "Plain text only.\n\nSecond line."
    assert second.published is None


def test_json_feed_10_by_content_type_and_bom() -> None:
    doc = {
        "version": "https://jsonfeed.org/version/1",
        "title": "Old JSON",
        "items": [{"id": "a", "summary": "Sum.", "author": {"name": "Cy"}}],
    }
    body = b"\xef\xbb\xbf  " + json.dumps(doc).encode()
    feed = parse_feed(body, "https://j.example.com/f", {"Content-Type": "application/feed+json"})
    assert feed.entries[0].author == "Cy"
    assert feed.entries[0].text == "Sum."


@pytest.mark.parametrize(
    "body",
    [b"{not json", b'{"items": 3}', b'{"title": "x"}', b"[" * 100_000, b'{"a": 1' + b"}" * 5],
)
def test_bad_json_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeedError, match="^not a feed: "):
        parse_feed(body, URL, {"content-type": "application/json"})


def test_relative_links_resolve_and_unsafe_links_are_dropped() -> None:
    body = _rss(
        "<item><title>rel</title><link>/stories/1</link></item>"
        "<item><title>js</title><link>javascript:alert(document.cookie)</link></item>"
        "<item><title>file</title><link>file:///etc/passwd</link></item>"
        "<item><title>data</title><link>data:text/html,hi</link></item>"
    )
    rel, js, file_, data = parse_feed(body, URL).entries
    assert rel.url == "https://news.example.com/stories/1"
    assert (js.url, file_.url, data.url) == (None, None, None)
    assert js.guid == "javascript:alert(document.cookie)"  # still a stable id


def test_local_feed_resolves_against_its_own_link() -> None:
    body = _rss("<item><title>rel</title><link>/stories/1</link></item>")
    (entry,) = parse_feed(body, "/home/user/feeds/local.xml").entries
    assert entry.url == "https://news.example.com/stories/1"


def test_guid_fallbacks() -> None:
    body = _rss(
        "<item><title>has guid</title><guid>g-1</guid><link>https://x.example/1</link></item>"
        "<item><title>link only</title><link>https://x.example/2</link></item>"
        "<item><title>nothing</title><description>text</description></item>"
    )
    first, second, third = parse_feed(body, URL).entries
    assert first.guid == "g-1"
    assert second.guid == "https://x.example/2"
    assert third.guid.startswith("sha1:") and len(third.guid) == 45
    assert parse_feed(body, URL).entries[2].guid == third.guid  # stable across parses


def test_guids_are_not_resolved_against_the_feed_url() -> None:
    # Otherwise every id would change when the feed moves to another address.
    body = _rss("<item><title>t</title><guid>12345</guid></item>")
    assert parse_feed(body, URL).entries[0].guid == "12345"
    assert parse_feed(body, "https://elsewhere.example/rss").entries[0].guid == "12345"


def test_duplicate_guids_keep_the_first() -> None:
    body = _rss(
        "<item><title>first</title><guid>same</guid></item>"
        "<item><title>second</title><guid>same</guid></item>"
        "<item><title>other</title><guid>other</guid></item>"
    )
    entries = parse_feed(body, URL).entries
    assert [e.title for e in entries] == ["first", "other"]


def test_missing_title_comes_from_text() -> None:
    words = "word " * 40
    body = _rss(f"<item><guid>x</guid><description>{words}</description></item>")
    title = parse_feed(body, URL).entries[0].title
    assert title.startswith("word word") and title.endswith("…") and len(title) <= 81


def test_huge_titles_and_ids_are_bounded() -> None:
    body = _rss(f"<item><title>{'word ' * 1000}</title><guid>{'g' * 5000}</guid></item>")
    (entry,) = parse_feed(body, URL).entries
    assert len(entry.title) <= 401 and entry.title.endswith("…")
    assert entry.guid.startswith("sha1:") and len(entry.guid) == 45


def test_dates_become_utc_and_absurd_dates_are_dropped() -> None:
    body = _rss(
        "<item><title>a</title><guid>a</guid><pubDate>Tue, 10 Jun 2003 04:00:00 -0500</pubDate>"
        "</item><item><title>b</title><guid>b</guid><pubDate>Sat, 01 Jan 1900 00:00:00 GMT"
        "</pubDate></item><item><title>c</title><guid>c</guid>"
        "<pubDate>Fri, 01 Jan 2100 00:00:00 GMT</pubDate></item>"
        "<item><title>d</title><guid>d</guid><pubDate>not a date</pubDate></item>"
    )
    a, b, c, d = parse_feed(body, URL).entries
    assert a.published == datetime(2003, 6, 10, 9, 0, tzinfo=UTC)
    assert (b.published, c.published, d.published) == (None, None, None)


def test_ill_formed_feed_still_gives_entries() -> None:
    body = _rss(
        "<item><title>Broken &amp unescaped & ampersand</title><guid>1</guid>"
        "<description>unclosed <b>tag</description></item>"
        "<item><title>Second</title><guid>2</guid></item>"
    ).replace(b"</channel></rss>", b"</channel>")
    entries = parse_feed(body, URL).entries
    assert [e.guid for e in entries] == ["1", "2"]


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html><head><title>Home</title></head><body>Hi</body></html>",
        b"\xef\xbb\xbf\n  <html lang='en'><body>x</body></html>",
        b"<?xml version='1.0'?><!-- c --><html xmlns='http://www.w3.org/1999/xhtml'></html>",
        b"<head><title>Moved</title></head><body><h1>Object Moved</h1></body>",
    ],
)
def test_html_page_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeedError, match="HTML"):
        parse_feed(body, URL, {"content-type": "text/html; charset=utf-8"})


@pytest.mark.parametrize("body", [b"", b"   \n\t ", b"\xef\xbb\xbf \n"])
def test_empty_document_is_not_a_feed(body: bytes) -> None:
    with pytest.raises(NotAFeedError, match="empty"):
        parse_feed(body, URL)


@pytest.mark.parametrize("body", [b"just some text", b"<note><to>x</to></note>", b"\x00\x01\x02"])
def test_other_documents_are_not_feeds(body: bytes) -> None:
    with pytest.raises(NotAFeedError, match="^not a feed: could not parse it"):
        parse_feed(body, URL)


def test_disclaimer_paragraph_moves_out_of_the_text() -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    html = "".join(f"<p>{escape(line)}</p>" for line in lines[1:])
    body = _rss(
        f"<item><title>{escape(lines[0])}</title><guid>seed</guid>"
        f"<description>{escape(html)}</description></item>",
        channel="<copyright>© Example News</copyright>",
    )
    (entry,) = parse_feed(body, URL).entries
    assert "Disclaimer" not in entry.text
    assert "Please verify" not in entry.text
    assert entry.text.startswith("President Trump Orders Military")
    assert "Secretary of State Marco Rubio" in entry.text
    assert entry.disclaimer is not None
    assert entry.disclaimer.startswith("© Example News Disclaimer: This content is aggregated")
    assert entry.disclaimer.endswith("contact us for removal.")


def test_plain_text_seed_in_description_keeps_its_paragraphs() -> None:
    if not SEED.exists():
        pytest.skip("seed article absent")
    text = SEED.read_text(encoding="utf-8")
    body = _rss(f"<item><title>Seed</title><description><![CDATA[{text}]]></description></item>")
    (entry,) = parse_feed(body, URL).entries
    assert entry.text.count("\n\n") >= 6
    assert entry.disclaimer is not None and entry.disclaimer.startswith("Disclaimer:")


def test_hostile_text_is_cleaned_everywhere() -> None:
    hostile = "\x1b]0;pwned\x07\x1b[2J\u202e"
    body = _rss(
        f"<item><title>T{hostile}itle [@click=app.quit]x[/]</title><guid>g{hostile}</guid>"
        f"<author>A{hostile}</author><category>C{hostile}</category>"
        f"<description>&lt;p&gt;B{hostile}ody&lt;/p&gt;</description></item>",
        channel=f"<copyright>R{hostile}</copyright><language>e{hostile}n</language>",
    )
    feed = parse_feed(body, URL)
    (entry,) = feed.entries
    assert entry.title == "Title [@click=app.quit]x[/]"
    assert (entry.guid, entry.author, entry.text) == ("g", "A", "Body")
    assert entry.categories == ("C",)
    assert (feed.rights, feed.language) == ("R", "en")


def test_escape_sequences_hidden_in_html_entities_are_removed() -> None:
    body = _rss(
        "<item><title>t</title><guid>1</guid>"
        "<description>&lt;p&gt;x&amp;#27;[31my&amp;#x202e;z&amp;#x9b;2Jw&lt;/p&gt;</description></item>"
    )
    # &#27; is an invalid reference (dropped); &#x9b; means "›" in HTML, as browsers show it.
    assert parse_feed(body, URL).entries[0].text == "x[31myz›2Jw"


def test_utf8_body_declared_as_latin1_is_read_as_utf8() -> None:
    body = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>“Café” — naïve</title><guid>1</guid></item></channel></rss>"
    ).encode()
    headers = {"Content-Type": "text/xml; charset=ISO-8859-1"}
    assert parse_feed(body, URL, headers).entries[0].title == "“Café” — naïve"


def test_real_latin1_body_stays_latin1() -> None:
    body = (
        '<?xml version="1.0" encoding="ISO-8859-1"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Café à la carte</title><guid>1</guid></item></channel></rss>"
    ).encode("latin-1")
    assert parse_feed(body, URL).entries[0].title == "Café à la carte"


def test_gzip_body_without_header_is_inflated() -> None:
    body = gzip.compress(_rss("<item><title>zipped</title><guid>z</guid></item>"))
    assert parse_feed(body, URL).entries[0].title == "zipped"


def test_gzip_bomb_is_refused() -> None:
    body = gzip.compress(b" " * (40 * 1024 * 1024))
    with pytest.raises(NotAFeedError, match="32 MiB"):
        parse_feed(body, URL)


def test_body_naming_a_local_file_is_not_opened(tmp_path: Path) -> None:
    # feedparser opens a file named by a str or bytes argument; parse_feed must never let it.
    secret = tmp_path / "secret.xml"
    secret.write_bytes(_rss("<item><title>SECRET FILE</title><guid>s</guid></item>"))
    with pytest.raises(NotAFeedError):
        parse_feed(str(secret).encode(), URL)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>t</title>
<item><title>laugh &lol9;</title><guid>b</guid><description>&lol9;</description></item>
</channel></rss>"""


@pytest.mark.parametrize("body", [BILLION_LAUGHS, BILLION_LAUGHS.replace(b"\n ", b" ")])
def test_billion_laughs_does_not_expand(body: bytes) -> None:
    start = time.perf_counter()
    try:
        feed = parse_feed(body, URL)
    except NotAFeedError:
        pass
    else:
        for entry in feed.entries:
            assert len(entry.title) < 1000 and len(entry.text) < 1000
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    "doctype",
    [
        b'<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
        b'<!DOCTYPE rss [\n<!ENTITY xxe SYSTEM "file:///etc/passwd">\n]>',
        b'<!DOCTYPE rss [\n<!ENTITY % p SYSTEM "file:///etc/passwd">\n%p;\n]>',
        b'<!DOCTYPE rss SYSTEM "file:///etc/passwd">',
    ],
)
def test_external_entities_are_not_read(doctype: bytes, tmp_path: Path) -> None:
    body = (
        b'<?xml version="1.0"?>\n' + doctype + b'\n<rss version="2.0"><channel><title>t</title>'
        b"<item><title>a &xxe; b</title><guid>x</guid><description>&xxe;</description></item>"
        b"</channel></rss>"
    )
    try:
        feed = parse_feed(body, URL)
    except NotAFeedError:
        return
    dumped = repr(feed)
    assert "root:" not in dumped and "/bin/" not in dumped


def test_entity_declared_safely_in_doctype_is_used() -> None:
    body = b"""<!DOCTYPE rss [
  <!ENTITY id "tag:example.com,">
]>
<rss version="2.0"><channel><item><guid isPermaLink='false'>&id;2006:/blog/</guid>
<title>t</title></item></channel></rss>"""
    assert parse_feed(body, URL).entries[0].guid == "tag:example.com,2006:/blog/"


def test_many_entries_parse_quickly() -> None:
    items = "".join(
        f"<item><title>Story {i}</title><guid>g{i}</guid><link>/s/{i}</link>"
        f"<description>&lt;p&gt;Paragraph {i} of the story.&lt;/p&gt;&lt;p&gt;More.&lt;/p&gt;"
        "</description></item>"
        for i in range(2000)
    )
    start = time.perf_counter()
    feed = parse_feed(_rss(items), URL)
    elapsed = time.perf_counter() - start
    assert len(feed.entries) == 2000
    assert elapsed < 10  # about 0.5 ms an entry here; a quadratic step would blow this up


def test_parsing_modules_import_no_ui_or_summarizer() -> None:
    # `digest fetch` must start fast: no textual, rich, sumy or nltk behind the parsing path.
    code = (
        "import sys, digest.feeds.parse, digest.feeds.opml, digest.feeds.discover, "
        "digest.analysis.text; "
        "print(sorted(m for m in ('textual', 'rich', 'sumy', 'nltk') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


RISKY_ENTITIES = {
    "nested": '<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;">',
    "external": '<!ENTITY leak SYSTEM "file:///etc/passwd">',
    "public": '<!ENTITY leak PUBLIC "-//x//y" "http://127.0.0.1/dtd">',
    "parameter": '<!ENTITY % p "x">',
    "unreadable": "<!ENTITY>",
}


@pytest.mark.parametrize("name", sorted(RISKY_ENTITIES))
def test_risky_entity_declarations_are_refused(name: str) -> None:
    body = (
        f"<?xml version='1.0'?><!DOCTYPE rss [{RISKY_ENTITIES[name]}]>"
        "<rss version='2.0'><channel><item><title>x</title></item></channel></rss>"
    ).encode()
    with pytest.raises(NotAFeedError, match="entities that nest or read files"):
        parse_feed(body, URL)


def test_plain_text_entities_are_read() -> None:
    body = (
        b"<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY id 'tag:example.com,'>]>"
        b"<rss version='2.0'><channel><item><guid isPermaLink='false'>&id;2006</guid>"
        b"<title>x</title></item></channel></rss>"
    )
    assert parse_feed(body, URL).entries[0].guid == "tag:example.com,2006"
