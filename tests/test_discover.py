"""Finding feed links in web pages, and telling pages from feeds."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from digest.feeds.discover import find_feed_links, looks_like_html

PAGE = "https://site.example/blog/post.html"


def test_finds_feed_links_in_document_order() -> None:
    html = """<!doctype html><html><head>
    <link rel="stylesheet" href="/style.css">
    <link rel="alternate" type="application/atom+xml" title="Atom" href="/feed.atom">
    <link rel="alternate" type="text/html" hreflang="de" href="/de/">
    <link REL="Alternate" TYPE="application/RSS+XML; charset=utf-8" href="rss.xml">
    <link rel="alternate" type="application/feed+json" href="https://cdn.example/feed.json"/>
    <link rel="alternate" type="application/json" href="//api.example/feed">
    <link rel="alternate" type="application/rss+xml" href="/feed.atom">
    <link rel="alternate nofollow" type="application/rss+xml" href="/other.xml">
    </head><body><a href="/not-a-link-element.xml">rss</a></body></html>"""
    assert find_feed_links(html, PAGE) == [
        "https://site.example/feed.atom",
        "https://site.example/blog/rss.xml",
        "https://cdn.example/feed.json",
        "https://api.example/feed",
        "https://site.example/other.xml",
    ]


def test_base_href_is_honoured() -> None:
    html = b"""<html><head><base href="https://static.example/news/">
    <base href="https://ignored.example/">
    <link rel="alternate" type="application/rss+xml" href="rss">
    <link rel="alternate" type="application/rss+xml" href="/top.xml"></head></html>"""
    assert find_feed_links(html, PAGE) == [
        "https://static.example/news/rss",
        "https://static.example/top.xml",
    ]


def test_relative_base_href_resolves_against_the_page() -> None:
    html = '<head><base href="/sub/"><link rel=alternate type=application/rss+xml href=f.xml>'
    assert find_feed_links(html, PAGE) == ["https://site.example/sub/f.xml"]


def test_only_http_links_are_returned() -> None:
    html = """<head>
    <link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
    <link rel="alternate" type="application/rss+xml" href="file:///etc/passwd">
    <link rel="alternate" type="application/rss+xml" href="data:application/rss+xml,x">
    <link rel="alternate" type="application/rss+xml" href="">
    <link rel="alternate" type="application/rss+xml">
    <link rel="alternate" type="application/rss+xml" href=" https://ok.example/rss ">
    </head>"""
    assert find_feed_links(html, PAGE) == ["https://ok.example/rss"]


def test_base_href_with_bad_scheme_falls_back_to_the_page() -> None:
    html = '<base href="javascript:x"><link rel=alternate type=application/atom+xml href=/a>'
    assert find_feed_links(html, PAGE) == ["https://site.example/a"]


def test_page_without_feeds_and_broken_pages() -> None:
    assert find_feed_links(b"<html><head><title>x</title></head></html>", PAGE) == []
    assert find_feed_links(b"\xff\xfe<link rel='alternate", PAGE) == []
    assert find_feed_links("", PAGE) == []


def test_non_utf8_page_still_gives_its_links() -> None:
    html = (
        "<html><head><meta charset='windows-1252'><title>Caf\xe9</title>"
        "<link rel='alternate' type='application/rss+xml' href='/rss'></head></html>"
    ).encode("cp1252")
    assert find_feed_links(html, PAGE) == ["https://site.example/rss"]


def test_links_in_comments_and_scripts_are_ignored_and_entities_decoded() -> None:
    html = """<head><!-- <link rel="alternate" type="application/rss+xml" href="/old.xml"> -->
    <script>document.write('<link rel="alternate" type="application/rss+xml" href="/js.xml">')
    </script><link rel='alternate' type='application/rss+xml' href='/rss?a=1&amp;b=2'>"""
    assert find_feed_links(html, PAGE) == ["https://site.example/rss?a=1&b=2"]


@pytest.mark.parametrize(
    "hostile",
    ["<link rel=alternate " * 100_000, "<a" * 300_000, "<!--" * 200_000, "<link x='" * 100_000],
)
def test_find_feed_links_is_linear_on_hostile_pages(hostile: str) -> None:
    start = time.perf_counter()
    assert find_feed_links(hostile, PAGE) == []
    assert time.perf_counter() - start < 2


@given(st.text())
def test_find_feed_links_never_raises(html: str) -> None:
    for url in find_feed_links(html, PAGE):
        assert url.startswith(("http://", "https://"))


@pytest.mark.parametrize(
    "body",
    [
        b"<!DOCTYPE html><html>",
        b"<!doctype HTML>\n<html lang=en>",
        b"\xef\xbb\xbf  \n<html>",
        b"<html lang='en'>",
        b"<HEAD><TITLE>Moved</TITLE></HEAD>",
        b"<body>hi</body>",
        b"<!-- generated --><!DOCTYPE html><html>",
        b'<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0'
        b' Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n<html>',
    ],
)
def test_looks_like_html(body: bytes) -> None:
    assert looks_like_html(body)


@pytest.mark.parametrize(
    "body",
    [
        b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>',
        b'<?xml version="1.0"?>\n<?xml-stylesheet href="s.xsl"?>\n<feed xmlns="x"></feed>',
        b"<rdf:RDF></rdf:RDF>",
        b'{"version": "https://jsonfeed.org/version/1.1"}',
        b"",
        b"<htmlish/>",
        b"plain text mentioning <html> later",
        b"<rss><channel><description>&lt;html&gt;</description></channel></rss>",
    ],
)
def test_does_not_look_like_html(body: bytes) -> None:
    assert not looks_like_html(body)
