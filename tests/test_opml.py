"""OPML import and export: nesting, odd exporters, round trips, hostile and malicious files."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.analysis.text import clean_line
from digest.errors import OpmlError
from digest.feeds.opml import Outline, read_opml, write_opml


def test_reads_opml_20_with_nested_folders() -> None:
    data = b"""<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="Top level feed" type="rss" xmlUrl="https://top.example/rss" htmlUrl="https://top.example/"/>
  <outline text="News" title="News">
    <outline text="World desk" title="World desk label" type="rss" xmlUrl="https://world.example/rss"/>
    <outline text="Europe">
      <outline text="EU feed" xmlUrl="https://eu.example/atom"/>
    </outline>
    <outline text="After the subfolder" type="rss" xmlUrl="https://after.example/rss"/>
  </outline>
  <outline text="Tech"><outline text="" xmlUrl="https://tech.example/feed"/></outline>
</body></opml>"""
    assert read_opml(data) == [
        Outline("https://top.example/rss", "Top level feed", None),
        Outline("https://world.example/rss", "World desk label", "News"),
        Outline("https://eu.example/atom", "EU feed", "Europe"),
        Outline("https://after.example/rss", "After the subfolder", "News"),
        Outline("https://tech.example/feed", None, "Tech"),
    ]


def test_reads_opml_10_and_odd_exporters() -> None:
    data = b"""<?xml version="1.0" encoding="ISO-8859-1"?>
<opml version="1.0"><head><title>old</title></head><body>
<outline title="Caf\xe9 feed" type="link" xmlurl="http://cafe.example/rss"/>
<outline text="Legacy" XMLURL="feed://legacy.example/rss"/>
<outline text="Scheme" xmlUrl="feed:https://scheme.example/rss"/>
<outline text="Cat" xmlUrl="https://cat.example/rss" category="/News/Science,/Other"/>
<outline text="Dup" xmlUrl="http://cafe.example/rss"/>
<outline text="No feed here" htmlUrl="https://page.example/"/>
<outline text="  spaced  " xmlUrl="  https://spaced.example/rss  "/>
</body></opml>"""
    assert read_opml(data) == [
        Outline("http://cafe.example/rss", "Café feed", None),
        Outline("http://legacy.example/rss", "Legacy", None),
        Outline("https://scheme.example/rss", "Scheme", None),
        Outline("https://cat.example/rss", "Cat", "Science"),
        Outline("https://spaced.example/rss", "spaced", None),
    ]


def test_local_paths_are_passed_through_for_the_caller_to_check() -> None:
    data = b'<opml version="2.0"><body><outline text="l" xmlUrl="feeds/local.xml"/></body></opml>'
    assert read_opml(data)[0].url == "feeds/local.xml"


def test_titles_are_cleaned() -> None:
    data = (
        b'<opml version="2.0"><body><outline text="T&#x9d;0;x&#x9c;i&#x9b;31mtle &#x202e;[/]" '
        b'xmlUrl="https://x.example/rss"/></body></opml>'
    )
    (outline,) = read_opml(data)
    assert outline.title == "Title [/]"


def test_empty_body_gives_no_outlines() -> None:
    assert read_opml(b'<opml version="2.0"><head/><body/></opml>') == []


@pytest.mark.parametrize(
    ("data", "match"),
    [
        (b"", "not readable OPML"),
        (b"this is not xml", "not readable OPML"),
        (b"<opml><body><outline text='x'></body></opml>", "mismatched tag"),
        (b"<rss version='2.0'><channel/></rss>", "root element is <rss>"),
        (b"<opml><body><outline text='&undefined;'/></body></opml>", "not readable OPML"),
    ],
)
def test_unreadable_files_raise_opml_error_naming_the_file(data: bytes, match: str) -> None:
    with pytest.raises(OpmlError, match=match) as info:
        read_opml(data, "/home/me/subs.opml")
    assert "/home/me/subs.opml" in str(info.value)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE opml [
 <!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">
 <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
 <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
 <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
 <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
 <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
 <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
]>
<opml version="2.0"><body><outline text="&g;" xmlUrl="https://x.example/&g;"/></body></opml>"""


@pytest.mark.parametrize(
    "data",
    [
        BILLION_LAUGHS,
        BILLION_LAUGHS.decode().encode("utf-16"),  # the byte check alone would miss this one
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<opml version="2.0"><body><outline text="&x;" xmlUrl="https://x.example/"/></body></opml>',
        b'<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>'
        b'<opml version="2.0"><body/></opml>',
    ],
)
def test_entity_declarations_are_refused(data: bytes) -> None:
    start = time.perf_counter()
    with pytest.raises(OpmlError, match="entities") as info:
        read_opml(data, "evil.opml")
    assert "evil.opml" in str(info.value)
    assert time.perf_counter() - start < 1


def test_external_dtd_is_not_fetched() -> None:
    data = (
        b'<?xml version="1.0"?><!DOCTYPE opml SYSTEM "file:///etc/passwd">'
        b'<opml version="2.0"><body><outline text="ok" xmlUrl="https://x.example/"/></body></opml>'
    )
    assert read_opml(data) == [Outline("https://x.example/", "ok", None)]


def test_write_groups_by_topic_and_escapes() -> None:
    text = write_opml(
        [
            Outline("https://a.example/rss?x=1&y=2", 'A & B <"news">', "World & Co"),
            Outline("https://b.example/rss", None, None),
            Outline("https://c.example/rss", "C", "World & Co"),
        ],
        title="Mine <3",
    )
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<opml version="2.0">')
    assert "<title>Mine &lt;3</title>" in text
    assert 'xmlUrl="https://a.example/rss?x=1&amp;y=2"' in text
    assert text.count('<outline text="World &amp; Co"') == 1
    assert read_opml(text.encode()) == [
        Outline("https://a.example/rss?x=1&y=2", 'A & B <"news">', "World & Co"),
        Outline("https://c.example/rss", "C", "World & Co"),
        Outline("https://b.example/rss", None, None),
    ]


def test_round_trip_with_hostile_titles_and_unicode() -> None:
    outlines = [
        Outline("https://x.example/1", "[@click=app.quit]x[/]", "Tom [/] Jerry"),
        Outline("https://x.example/2", "Ünïcödé — 日本語 🗞️ عربي", "Наука"),
        Outline("https://x.example/3", "quote \" apostrophe ' amp & lt < gt >", "Наука"),
        Outline("https://x.example/4?a=<b>&c='d'", "]]> <![CDATA[ --> <!--", None),
    ]
    back = read_opml(write_opml(outlines).encode())
    assert sorted(back, key=lambda o: o.url) == sorted(outlines, key=lambda o: o.url)


_titles = st.one_of(st.none(), st.text(max_size=40))


@given(st.lists(st.tuples(_titles, _titles), max_size=8))
def test_round_trip_property(pairs: list[tuple[str | None, str | None]]) -> None:
    outlines = [Outline(f"https://x.example/{i}", t, topic) for i, (t, topic) in enumerate(pairs)]
    back = {o.url: o for o in read_opml(write_opml(outlines).encode())}
    assert len(back) == len(outlines)
    for original in outlines:
        read = back[original.url]
        assert read.title == (clean_line(original.title) or None)
        assert read.topic == (clean_line(original.topic) or None)
