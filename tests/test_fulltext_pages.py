"""Fetching article pages (digest.fulltext.pages) from a real server on 127.0.0.1."""

from __future__ import annotations

from feedserver import FeedServer
from test_fulltext import STORY, semantic_page

from digest.config import FetchSettings
from digest.fulltext.pages import PageRequest, PageResult, fetch_articles

HTML = {"Content-Type": "text/html; charset=utf-8"}
PAGE = semantic_page().encode()
FAST = FetchSettings(connect_timeout=2, read_timeout=2, feed_deadline=5)


async def _fetch(
    server: FeedServer, *paths: str, settings: FetchSettings = FAST
) -> list[PageResult]:
    return await fetch_articles([PageRequest(server.url(path)) for path in paths], settings)


async def test_page_text_and_validators(feed_server: FeedServer) -> None:
    feed_server.add(
        "/story", PAGE, headers=HTML, etag='"v1"', last_modified="Tue, 03 Mar 2026 10:00:00 GMT"
    )
    [result] = await _fetch(feed_server, "/story")
    assert result.status == "updated", result.error
    assert result.text == "\n\n".join(STORY)
    assert result.url == feed_server.url("/story")
    assert (result.etag, result.last_modified) == ('"v1"', "Tue, 03 Mar 2026 10:00:00 GMT")
    assert result.error is None


async def test_conditional_get_gives_not_modified(feed_server: FeedServer) -> None:
    feed_server.add("/story", PAGE, headers=HTML, etag='"v1"')
    url = feed_server.url("/story")
    [again] = await fetch_articles([PageRequest(url, etag='"v1"')], FAST)
    assert again.status == "not_modified"
    assert again.text is None and again.etag == '"v1"'
    assert feed_server.last_headers["/story"]["if-none-match"] == '"v1"'
    feed_server.add("/dated", PAGE, headers=HTML, last_modified="Tue, 03 Mar 2026 10:00:00 GMT")
    since = "Tue, 03 Mar 2026 10:00:00 GMT"
    [dated] = await fetch_articles(
        [PageRequest(feed_server.url("/dated"), last_modified=since)], FAST
    )
    assert dated.status == "not_modified"
    assert feed_server.last_headers["/dated"]["if-modified-since"] == since


async def test_http_errors_are_messages_for_a_person(feed_server: FeedServer) -> None:
    feed_server.add("/gone", b"", status=410)
    feed_server.add("/broken", b"oops", status=500, headers=HTML)
    missing, gone, broken = await _fetch(feed_server, "/missing", "/gone", "/broken")
    assert (missing.status, missing.error) == ("error", "server said 404 Not Found")
    assert (gone.status, gone.error) == ("error", "the page is gone (410)")
    assert broken.error == "server said 500 Internal Server Error"
    assert missing.text is gone.text is broken.text is None


async def test_oversized_page_is_refused(feed_server: FeedServer) -> None:
    feed_server.add("/huge", PAGE * 20, headers=HTML)
    feed_server.add("/huge-gzip", PAGE * 200, headers=HTML, encoding="gzip")
    small = FetchSettings(max_body_mb=0.05, max_decompressed_mb=0.5, feed_deadline=5)
    huge, bomb = await _fetch(feed_server, "/huge", "/huge-gzip", settings=small)
    assert huge.status == "error" and huge.error == "too large: more than 0.05 MB"
    assert bomb.status == "error" and bomb.error is not None
    assert bomb.error.startswith("too large: more than 0.5 MB when decompressed")


async def test_slow_page_times_out(feed_server: FeedServer) -> None:
    feed_server.add("/slow", PAGE, headers=HTML, trickle=(200, 0.2))
    feed_server.add("/fast", PAGE, headers=HTML)
    settings = FetchSettings(connect_timeout=2, read_timeout=2, feed_deadline=0.6)
    slow, fast = await _fetch(feed_server, "/slow", "/fast", settings=settings)
    assert (slow.status, slow.error) == ("error", "timed out after 0.6 s")
    assert fast.status == "updated"


async def test_non_html_and_empty_pages(feed_server: FeedServer) -> None:
    feed_server.add(
        "/image", b"\x89PNG\r\n\x1a\n" + bytes(300), headers={"Content-Type": "image/png"}
    )
    feed_server.add("/pdf", b"%PDF-1.4", headers={"Content-Type": "application/pdf; x=y"})
    nav = b"<html><body><nav><a href=/a>Home</a> <a href=/b>News</a></nav></body></html>"
    feed_server.add("/nav", nav, headers=HTML)
    feed_server.add("/plain", "\n\n".join(STORY).encode(), headers={"Content-Type": "text/plain"})
    image, pdf, empty, plain = await _fetch(feed_server, "/image", "/pdf", "/nav", "/plain")
    assert (image.status, image.error) == ("error", "not a web page (image/png)")
    assert pdf.error == "not a web page (application/pdf)"
    assert (empty.status, empty.error) == ("error", "no article text found on the page")
    assert plain.status == "updated" and plain.text == "\n\n".join(STORY)


async def test_only_http_urls_are_fetched(feed_server: FeedServer) -> None:
    feed_server.add("/story", PAGE, headers=HTML)
    urls = ["file:///etc/passwd", "javascript:alert(1)", "/etc/passwd", "ftp://example.org/x", ""]
    results = await fetch_articles([PageRequest(url, etag="e") for url in urls], FAST)
    for url, result in zip(urls, results, strict=True):
        assert result.url == url
        assert result.status == "error"
        assert result.error == "only http and https pages can be fetched"
        assert result.etag == "e"
    assert sum(feed_server.hits.values()) == 0


async def test_redirects_order_and_per_host_cap(feed_server: FeedServer) -> None:
    feed_server.add("/story", PAGE, headers=HTML)
    feed_server.add_redirect("/old", "/story")
    for index in range(8):
        feed_server.add(f"/p{index}", PAGE, headers=HTML, delay=0.15)
    settings = FetchSettings(per_host=2, concurrency=8, feed_deadline=10)
    paths = ["/old", *(f"/p{index}" for index in range(8)), "/missing"]
    results = await _fetch(feed_server, *paths, settings=settings)
    assert [r.url for r in results] == [feed_server.url(p) for p in paths]
    assert results[0].status == "updated"
    assert results[0].final_url == feed_server.url("/story")
    assert all(r.status == "updated" for r in results[1:-1])
    assert results[-1].status == "error"
    assert feed_server.max_active_by_host["127.0.0.1"] <= 2


async def test_nothing_to_fetch() -> None:
    assert await fetch_articles([], FAST) == []
