"""digest.feeds.fetch against a real HTTP server on 127.0.0.1: validators, redirects, errors,
compression, size and time limits, concurrency caps and local files."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import tracemalloc
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import pytest
from feedserver import FeedServer, compress, compressed_zeros, zeros

from digest import __version__
from digest.config import FetchSettings
from digest.feeds.fetch import (
    FetchRequest,
    FetchResult,
    fetch_all,
    fetch_all_sync,
    user_agent,
)

FEED = b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>"
FAST = replace(FetchSettings(), connect_timeout=2.0, read_timeout=2.0, feed_deadline=5.0)


async def fetch_one(
    url: str, settings: FetchSettings = FAST, **request: str | bool | None
) -> FetchResult:
    (result,) = await fetch_all([FetchRequest(url, **request)], settings)  # type: ignore[arg-type]
    return result


# Conditional GET


async def test_etag_gives_not_modified_on_the_second_fetch(feed_server: FeedServer) -> None:
    feed_server.add("/feed", FEED, etag='"v1"')
    first = await fetch_one(feed_server.url("/feed"))
    assert first.status == "updated"
    assert first.body == FEED
    assert first.etag == '"v1"'
    assert first.headers["content-type"].startswith("application/xml")
    assert first.final_url == feed_server.url("/feed")
    assert "if-none-match" not in feed_server.last_headers["/feed"]

    second = await fetch_one(feed_server.url("/feed"), etag=first.etag)
    assert feed_server.last_headers["/feed"]["if-none-match"] == '"v1"'
    assert second.status == "not_modified"
    assert second.body is None
    assert second.etag == '"v1"'
    assert second.error is None


async def test_changed_etag_gives_the_new_body(feed_server: FeedServer) -> None:
    feed_server.add("/feed", FEED + b" ", etag='"v2"')
    result = await fetch_one(feed_server.url("/feed"), etag='"v1"')
    assert result.status == "updated"
    assert result.body == FEED + b" "
    assert result.etag == '"v2"'


async def test_last_modified_gives_not_modified(feed_server: FeedServer) -> None:
    stamp = "Mon, 02 Nov 2026 10:00:00 GMT"
    feed_server.add("/feed", FEED, last_modified=stamp)
    first = await fetch_one(feed_server.url("/feed"))
    assert first.status == "updated"
    assert first.last_modified == stamp
    assert first.etag is None

    second = await fetch_one(feed_server.url("/feed"), last_modified=first.last_modified)
    assert feed_server.last_headers["/feed"]["if-modified-since"] == stamp
    assert second.status == "not_modified"
    assert second.body is None
    assert second.last_modified == stamp


# Redirects


async def test_permanent_redirects_report_the_new_url(feed_server: FeedServer) -> None:
    feed_server.add_redirect("/a", "/b", status=301)  # relative Location
    feed_server.add_redirect("/b", feed_server.url("/c"), status=308)
    feed_server.add("/c", FEED)
    result = await fetch_one(feed_server.url("/a"))
    assert result.status == "updated"
    assert result.body == FEED
    assert result.url == feed_server.url("/a")
    assert result.moved_to == feed_server.url("/c")
    assert result.final_url == feed_server.url("/c")


async def test_a_temporary_hop_means_no_move(feed_server: FeedServer) -> None:
    feed_server.add_redirect("/a", "/b", status=301)
    feed_server.add_redirect("/b", "/c", status=302)
    feed_server.add("/c", FEED)
    result = await fetch_one(feed_server.url("/a"))
    assert result.status == "updated"
    assert result.moved_to is None
    assert result.final_url == feed_server.url("/c")


async def test_no_redirect_means_no_move(feed_server: FeedServer) -> None:
    feed_server.add("/c", FEED)
    assert (await fetch_one(feed_server.url("/c"))).moved_to is None


async def test_redirect_loop_is_an_error(feed_server: FeedServer) -> None:
    feed_server.add_redirect("/a", "/b")
    feed_server.add_redirect("/b", "/a")
    result = await fetch_one(feed_server.url("/a"))
    assert result.status == "error"
    assert result.error is not None and result.error.startswith("redirect loop")
    assert feed_server.hits["/a"] == 1


async def test_redirect_to_a_local_file_is_refused(feed_server: FeedServer, tmp_path: Path) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_bytes(b"<rss>secret</rss>")
    feed_server.add_redirect("/a", secret.as_uri())
    # Even for a feed the user gave as local-ok: the redirect is the server's choice, not theirs.
    result = await fetch_one(feed_server.url("/a"), local_ok=True)
    assert result.status == "error"
    assert result.error == "redirect to a non-http URL refused"
    assert result.body is None


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ftp://example.com/feed", "redirect to a non-http URL refused"),
        ("javascript:alert(1)", "redirect to a non-http URL refused"),
        ("data:text/xml,<rss/>", "redirect to a non-http URL refused"),
        ("http://[::1/feed", "redirect to an invalid URL refused"),
    ],
)
async def test_redirect_to_other_schemes_is_refused(
    feed_server: FeedServer, target: str, message: str
) -> None:
    feed_server.add_redirect("/a", target)
    result = await fetch_one(feed_server.url("/a"))
    assert result.status == "error"
    assert result.error == message


@pytest.mark.parametrize(("hops", "status"), [(5, "updated"), (6, "error")])
async def test_at_most_max_redirects_are_followed(
    feed_server: FeedServer, hops: int, status: str
) -> None:
    for hop in range(hops):
        feed_server.add_redirect(f"/r{hop}", f"/r{hop + 1}", status=302)
    feed_server.add(f"/r{hops}", FEED)
    result = await fetch_one(feed_server.url("/r0"), replace(FAST, max_redirects=5))
    assert result.status == status
    if status == "error":
        assert result.error == "too many redirects (more than 5)"
        assert feed_server.hits[f"/r{hops}"] == 0


# HTTP errors


@pytest.mark.parametrize(
    ("code", "message"),
    [(404, "server said 404 Not Found"), (500, "server said 500 Internal Server Error")],
)
async def test_http_errors_name_the_code(feed_server: FeedServer, code: int, message: str) -> None:
    feed_server.add("/feed", b"oops", status=code)
    result = await fetch_one(feed_server.url("/feed"), etag='"old"')
    assert result.status == "error"
    assert result.error == message
    assert result.body is None
    assert result.retry_after is None
    assert result.etag == '"old"'  # kept, so storing the result never loses the validator


async def test_410_means_gone(feed_server: FeedServer) -> None:
    feed_server.add("/feed", status=410)
    result = await fetch_one(feed_server.url("/feed"))
    assert result.status == "gone"
    assert result.error == "the feed is gone (410)"


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_in_seconds(feed_server: FeedServer, code: int) -> None:
    feed_server.add("/feed", status=code, headers={"Retry-After": "120"})
    before = datetime.now(UTC)
    result = await fetch_one(feed_server.url("/feed"))
    assert result.status == "error"
    assert result.error is not None and result.error.startswith(f"server said {code}")
    assert result.retry_after is not None
    assert result.retry_after.tzinfo is not None
    expected = before + timedelta(seconds=120)
    assert abs((result.retry_after - expected).total_seconds()) < 5


async def test_retry_after_as_an_http_date(feed_server: FeedServer) -> None:
    when = datetime.now(UTC).replace(microsecond=0) + timedelta(hours=2)
    feed_server.add("/feed", status=429, headers={"Retry-After": format_datetime(when, True)})
    result = await fetch_one(feed_server.url("/feed"))
    assert result.retry_after == when
    assert result.error is not None and "Too Many Requests" in result.error


async def test_bad_retry_after_is_ignored(feed_server: FeedServer) -> None:
    feed_server.add("/feed", status=503, headers={"Retry-After": "soon-ish"})
    result = await fetch_one(feed_server.url("/feed"))
    assert result.status == "error"
    assert result.retry_after is None


# Compression


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "deflate-raw", "br"])
async def test_compressed_bodies_are_decoded(feed_server: FeedServer, encoding: str) -> None:
    body = FEED * 2000
    feed_server.add("/feed", body, encoding=encoding)
    result = await fetch_one(feed_server.url("/feed"))
    assert feed_server.last_headers["/feed"]["accept-encoding"] == "gzip, deflate, br"
    assert result.status == "updated"
    assert result.body == body


async def test_stacked_encodings_are_undone_in_order(feed_server: FeedServer) -> None:
    feed_server.add(
        "/feed", compress(compress(FEED, "gzip"), "br"), headers={"Content-Encoding": "gzip, br"}
    )
    result = await fetch_one(feed_server.url("/feed"))
    assert result.body == FEED


async def test_unknown_encoding_is_an_error(feed_server: FeedServer) -> None:
    feed_server.add("/feed", FEED, headers={"Content-Encoding": "zstd"})
    result = await fetch_one(feed_server.url("/feed"))
    assert result.status == "error"
    assert result.error == "unsupported content encoding 'zstd'"


async def test_corrupt_gzip_is_an_error(feed_server: FeedServer) -> None:
    feed_server.add("/feed", b"\x1f\x8b\x08\x00garbage" * 10, headers={"Content-Encoding": "gzip"})
    result = await fetch_one(feed_server.url("/feed"))
    assert result.status == "error"
    assert result.error is not None and "corrupt compressed body" in result.error


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
async def test_compression_bomb_stops_early_in_little_memory(
    feed_server: FeedServer, encoding: str
) -> None:
    bomb = compressed_zeros(100 * 1024 * 1024, encoding)
    assert len(bomb) < 120_000  # 100 MB of zeros in a small body
    feed_server.add("/bomb", bomb, headers={"Content-Encoding": encoding})
    settings = replace(FAST, max_decompressed_mb=5.0)
    tracemalloc.start()
    try:
        started = time.monotonic()
        result = await fetch_one(feed_server.url("/bomb"), settings)
        took = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.status == "error"
    assert result.error == "too large: more than 5 MB when decompressed"
    assert result.body is None
    assert took < 3.0
    # What passed the limit is bounded by the limit plus one piece, never by the bomb's size.
    assert peak < 10 * 1024 * 1024


async def test_small_bomb_under_the_limit_is_fine(feed_server: FeedServer) -> None:
    feed_server.add(
        "/z", compressed_zeros(3 * 1024 * 1024, "br"), headers={"Content-Encoding": "br"}
    )
    result = await fetch_one(feed_server.url("/z"), replace(FAST, max_decompressed_mb=4.0))
    assert result.status == "updated"
    assert result.body == bytes(3 * 1024 * 1024)


# Size and time limits


async def test_oversized_body_without_length_is_cut_off(feed_server: FeedServer) -> None:
    feed_server.add_stream("/huge", zeros(1024 * 1024 * 1024))
    started = time.monotonic()
    result = await fetch_one(feed_server.url("/huge"), replace(FAST, max_body_mb=0.5))
    assert result.status == "error"
    assert result.error == "too large: more than 0.5 MB"
    assert time.monotonic() - started < 3.0


async def test_oversized_content_length_is_refused_before_reading(feed_server: FeedServer) -> None:
    feed_server.add_stream("/huge", zeros(50 * 1024 * 1024), content_length=50 * 1024 * 1024)
    result = await fetch_one(feed_server.url("/huge"), replace(FAST, max_body_mb=1.0))
    assert result.status == "error"
    assert result.error == "too large: more than 1 MB"


async def test_body_just_under_the_limit_is_accepted(feed_server: FeedServer) -> None:
    feed_server.add_stream("/big", zeros(1024 * 1024 - 1))
    result = await fetch_one(feed_server.url("/big"), replace(FAST, max_body_mb=1.0))
    assert result.status == "updated"
    assert result.body is not None and len(result.body) == 1024 * 1024 - 1


async def test_trickling_server_hits_the_feed_deadline(feed_server: FeedServer) -> None:
    feed_server.add("/slow", FEED, trickle=(1, 0.3))
    settings = replace(FAST, feed_deadline=1.5, read_timeout=5.0)
    started = time.monotonic()
    result = await fetch_one(feed_server.url("/slow"), settings)
    took = time.monotonic() - started
    assert result.status == "error"
    assert result.error == "timed out after 1.5 s"
    assert 1.4 < took < 2.5


async def test_silent_server_hits_the_read_timeout(feed_server: FeedServer) -> None:
    feed_server.add("/silent", FEED, delay=3.0)
    result = await fetch_one(feed_server.url("/silent"), replace(FAST, read_timeout=0.5))
    assert result.status == "error"
    assert result.error == "timed out: the server sent nothing for 0.5 s"


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


async def test_connection_refused_is_an_error() -> None:
    result = await fetch_one(f"http://127.0.0.1:{_closed_port()}/feed")
    assert result.status == "error"
    assert result.error == "cannot connect: connection refused"


# Many feeds


async def test_one_bad_feed_does_not_stop_the_others(feed_server: FeedServer) -> None:
    for name in ("a", "b", "c"):
        feed_server.add(f"/{name}", FEED + name.encode())
    feed_server.add("/broken", status=500)
    urls = [
        feed_server.url("/a"),
        f"http://127.0.0.1:{_closed_port()}/x",
        feed_server.url("/broken"),
        feed_server.url("/b"),
        "ftp://example.com/feed",
        "http://",
        "http://[::1/feed",
        feed_server.url("/missing"),
        feed_server.url("/c"),
    ]
    seen: list[str] = []
    results = await fetch_all(
        [FetchRequest(url) for url in urls], FAST, on_result=lambda r: seen.append(r.url)
    )
    assert [r.url for r in results] == urls
    assert sorted(seen) == sorted(urls)
    assert [r.status for r in results] == [
        "updated",
        "error",
        "error",
        "updated",
        "error",
        "error",
        "error",
        "error",
        "updated",
    ]
    assert [r.body for r in results if r.status == "updated"] == [
        FEED + b"a",
        FEED + b"b",
        FEED + b"c",
    ]
    assert results[4].error == "only http and https feeds can be fetched"
    assert results[6].error is not None and results[6].error.startswith("not a valid feed URL")
    assert results[7].error == "server said 404 Not Found"
    assert all(r.error for r in results if r.status == "error")


async def test_empty_batch() -> None:
    assert await fetch_all([], FAST) == []


async def test_concurrency_is_capped(feed_server: FeedServer) -> None:
    for index in range(9):
        feed_server.add(f"/f{index}", FEED, delay=0.25)
    requests = [FetchRequest(feed_server.url(f"/f{index}")) for index in range(9)]
    results = await fetch_all(requests, replace(FAST, concurrency=3, per_host=10))
    assert all(r.status == "updated" for r in results)
    assert feed_server.max_active == 3


async def test_per_host_cap_is_kept_for_each_host(feed_server: FeedServer) -> None:
    for index in range(4):
        feed_server.add(f"/f{index}", FEED, delay=0.25)
    requests = [
        FetchRequest(feed_server.url(f"/f{index}", host=host))
        for host in ("127.0.0.1", "localhost")
        for index in range(4)
    ]
    results = await fetch_all(requests, replace(FAST, concurrency=10, per_host=2))
    assert all(r.status == "updated" for r in results), [r.error for r in results]
    assert feed_server.max_active_by_host == {"127.0.0.1": 2, "localhost": 2}
    assert feed_server.max_active == 4


async def test_a_failing_progress_callback_stops_the_batch(feed_server: FeedServer) -> None:
    feed_server.add("/fast", FEED)
    feed_server.add("/slow", FEED, delay=2.0)

    def explode(result: FetchResult) -> None:
        raise RuntimeError("progress display broke")

    requests = [FetchRequest(feed_server.url("/fast")), FetchRequest(feed_server.url("/slow"))]
    started = time.monotonic()
    with pytest.raises(RuntimeError, match="progress display broke"):
        await fetch_all(requests, FAST, on_result=explode)
    assert time.monotonic() - started < 1.5  # the slow feed was cancelled, not waited for


def test_sync_wrapper_and_user_agent(feed_server: FeedServer) -> None:
    feed_server.add("/feed", FEED)
    (result,) = fetch_all_sync([FetchRequest(feed_server.url("/feed"))], FAST)
    assert result.status == "updated"
    sent = feed_server.last_headers["/feed"]["user-agent"]
    assert sent == user_agent()
    assert sent.startswith(f"digest/{__version__} ")


# Local files


async def test_local_path_and_file_url_when_allowed(tmp_path: Path) -> None:
    feed = tmp_path / "my feed.xml"
    feed.write_bytes(FEED)
    for url in (str(feed), feed.as_uri()):
        result = await fetch_one(url, local_ok=True)
        assert result.status == "updated", result.error
        assert result.body == FEED
        assert result.url == url
        assert result.final_url == feed.as_uri()
        assert result.last_modified is not None


@pytest.mark.parametrize("as_uri", [False, True])
async def test_local_files_are_refused_unless_allowed(tmp_path: Path, as_uri: bool) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED)
    result = await fetch_one(feed.as_uri() if as_uri else str(feed))
    assert result.status == "error"
    assert result.error == "only http and https feeds can be fetched"
    assert result.body is None


async def test_local_file_errors(tmp_path: Path) -> None:
    missing = await fetch_one(str(tmp_path / "nope.xml"), local_ok=True)
    assert missing.status == "error"
    assert missing.error == f"no such file: {tmp_path / 'nope.xml'}"
    folder = await fetch_one(str(tmp_path), local_ok=True)
    assert folder.error == f"{tmp_path} is a folder, not a feed file"
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert (await fetch_one(str(pipe), local_ok=True)).error == f"{pipe} is not a regular file"
    big = tmp_path / "big.xml"
    big.write_bytes(bytes(2 * 1024 * 1024))
    too_big = await fetch_one(str(big), replace(FAST, max_body_mb=1.0), local_ok=True)
    assert too_big.error == "too large: more than 1 MB"


async def test_served_file_is_read_afresh(feed_server: FeedServer, tmp_path: Path) -> None:
    feed = tmp_path / "feed.xml"
    feed.write_bytes(FEED)
    feed_server.add_file("/feed.xml", feed, encoding="gzip")
    assert (await fetch_one(feed_server.url("/feed.xml"))).body == FEED
    feed.write_bytes(FEED + b"<!-- changed -->")
    assert (await fetch_one(feed_server.url("/feed.xml"))).body == FEED + b"<!-- changed -->"
    assert feed_server.hits["/feed.xml"] == 2


def test_fetching_needs_no_ui_or_summarizer_packages() -> None:
    probe = (
        "import sys, digest.feeds.fetch; "
        "print(sorted(m for m in ('textual', 'rich', 'sumy', 'nltk', 'numpy') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
