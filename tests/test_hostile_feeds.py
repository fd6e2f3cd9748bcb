"""Hand-written hostile feeds (tests/hostile_feeds) through parsing and a real refresh.

Entity bombs, external entities and DTDs, control and bidi characters in every field, markup-like
text, dangerous links and lying encodings: nothing but a clear error may escape, nothing outside
the document is read or fetched, and everything stored is clean text with http(s) links. A 20,000
item feed, made at test time, checks that size alone stays within time and memory bounds.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
import tracemalloc
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from feedserver import FeedServer
from safe_output import check_link, check_text

from digest.config import Config
from digest.feeds.parse import NotAFeedError, parse_feed
from digest.models import Article, ParsedFeed
from digest.refresh import refresh_sync
from digest.store import open_store

HOSTILE = Path(__file__).resolve().parent / "hostile_feeds"
FILES = sorted(p for p in HOSTILE.iterdir() if p.suffix in (".xml", ".json"))
BOMBS = [p for p in FILES if "billion-laughs" in p.name]
# Files that may be refused outright (a clear NotAFeedError); every other one must give entries.
MAY_REFUSE = {p.name for p in FILES if p.name.startswith(("billion-laughs", "xxe-", "external-"))}
URL = "https://hostile.example/feed"
CLICK = "[@click=app.quit]x[/]"
# A line of /etc/passwd is never expected in a feed; short ones ("x:0:0") could match by chance.
_PASSWD = Path("/etc/passwd")
_PASSWD_LINES = (
    [ln for ln in _PASSWD.read_text(errors="replace").splitlines() if len(ln) >= 12]
    if _PASSWD.is_file()
    else []
)
_UNEXPECTED = "could not parse the feed ("  # what refresh says when parse_feed raised a non-error


def _ids(paths: list[Path]) -> list[str]:
    return [p.name for p in paths]


def _check_text(value: str | None, what: str, *, one_line: bool = False) -> None:
    check_text(value, what, one_line=one_line)
    if value is not None:
        assert not any(line in value for line in _PASSWD_LINES), f"{what} holds /etc/passwd"


def _check_link(url: str | None, what: str) -> None:
    check_link(url, what)
    _check_text(url, what, one_line=True)


def _check_feed(feed: ParsedFeed) -> None:
    _check_text(feed.title, "feed title", one_line=True)
    _check_text(feed.rights, "feed rights", one_line=True)
    _check_text(feed.language, "feed language", one_line=True)
    _check_link(feed.link, "feed link")
    for entry in feed.entries:
        assert entry.guid and entry.title
        _check_text(entry.guid, "guid", one_line=True)
        _check_text(entry.title, "title", one_line=True)
        _check_text(entry.author, "author", one_line=True)
        _check_text(entry.text, "text")
        _check_text(entry.disclaimer, "disclaimer")
        for category in entry.categories:
            _check_text(category, "category", one_line=True)
        _check_link(entry.url, "entry link")


def _check_article(article: Article) -> None:
    for what in ("guid", "title", "author"):
        _check_text(getattr(article, what), what, one_line=True)
    _check_text(article.text, "text")
    _check_text(article.disclaimer, "disclaimer")
    for category in article.categories:
        _check_text(category, "category", one_line=True)
    _check_link(article.url, "article link")


def _parse(body: bytes, headers: dict[str, str] | None = None) -> ParsedFeed | None:
    """parse_feed, where only NotAFeedError may escape, and its message must be clean too."""
    try:
        return parse_feed(body, URL, headers)
    except NotAFeedError as exc:
        assert str(exc).startswith("not a feed: ")
        _check_text(str(exc), "error message")
        return None


@pytest.mark.parametrize("path", FILES, ids=_ids(FILES))
def test_each_hostile_file_parses_to_clean_entries(path: Path) -> None:
    feed = _parse(path.read_bytes())
    if feed is None:
        assert path.name in MAY_REFUSE, f"{path.name} should still give the entries it can"
        return
    assert feed.entries, f"{path.name} should still give the entries it can"
    _check_feed(feed)


@pytest.mark.parametrize("path", BOMBS, ids=_ids(BOMBS))
def test_entity_bombs_finish_fast_in_small_memory(path: Path) -> None:
    body = path.read_bytes()
    _parse(body)  # once first, so that lazy imports are not counted below
    tracemalloc.start()
    try:
        start = time.perf_counter()
        feed = _parse(body)
        elapsed = time.perf_counter() - start
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert elapsed < 2
    assert peak < 50 * 1024 * 1024
    if feed is not None:
        _check_feed(feed)
        for entry in feed.entries:
            assert len(entry.title) + len(entry.text) < 10_000
            assert "lollollol" not in entry.text


_ENTITY_FILES = [p for p in FILES if p.name.startswith(("xxe-", "external-dtd"))]


@pytest.mark.parametrize("path", _ENTITY_FILES, ids=_ids(_ENTITY_FILES))
def test_external_entities_never_read_a_local_file(path: Path, tmp_path: Path) -> None:
    # A file of our own, so that the test cannot pass because /etc/passwd is absent or odd.
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER-7d1f\n")
    dtd = tmp_path / "hostile.dtd"
    dtd.write_text(f'<!ENTITY remote SYSTEM "{secret.as_uri()}"><!ENTITY xxe "DTD-WAS-READ">')
    body = (
        path.read_bytes()
        .replace(b"file:///etc/passwd", secret.as_uri().encode())
        .replace(b"http://127.0.0.1:9/hostile.dtd", dtd.as_uri().encode())
    )
    assert body != path.read_bytes()
    feed = _parse(body)
    dumped = repr(feed)
    assert "TOP-SECRET-MARKER" not in dumped and "DTD-WAS-READ" not in dumped


@pytest.mark.parametrize("path", _ENTITY_FILES, ids=_ids(_ENTITY_FILES))
def test_external_entities_and_dtds_are_never_fetched(path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/hostile.dtd", b'<!ENTITY remote "REMOTE-WAS-READ">')
    feed_server.add("/passwd", b"REMOTE-WAS-READ")
    body = (
        path.read_bytes()
        .replace(b"file:///etc/passwd", feed_server.url("/passwd").encode())
        .replace(b"http://127.0.0.1:9/hostile.dtd", feed_server.url("/hostile.dtd").encode())
    )
    feed = _parse(body)
    assert "REMOTE-WAS-READ" not in repr(feed)
    assert feed_server.hits["/hostile.dtd"] == 0 and feed_server.hits["/passwd"] == 0


_CONTROLS = [p for p in FILES if p.name.startswith("controls.")]


@pytest.mark.parametrize("path", _CONTROLS, ids=_ids(_CONTROLS))
def test_markup_like_text_survives_literally_while_controls_go(path: Path) -> None:
    feed = _parse(path.read_bytes())
    assert feed is not None and feed.title is not None
    assert CLICK in feed.title and feed.title.endswith("[/")
    titles = [e.title for e in feed.entries]
    assert any(CLICK in t for t in titles), titles
    assert any(CLICK in c for e in feed.entries for c in e.categories) or path.suffix != ".json"
    assert "pwned" not in feed.title  # the OSC payload goes with its escape sequence


@pytest.mark.parametrize(
    ("name", "good"),
    [
        ("links.rss.xml", "https://ok.example/good"),
        ("links.atom.xml", "https://ok.example/atom-good"),
        ("links.json", "https://ok.example/json-good"),
    ],
)
def test_dangerous_links_are_dropped_and_good_ones_kept(name: str, good: str) -> None:
    feed = _parse((HOSTILE / name).read_bytes())
    assert feed is not None
    by_title = {e.title: e.url for e in feed.entries}
    assert by_title["good"] == good
    for title in ("javascript", "JAVASCRIPT", "javascript with tab", "file", "data", "vbscript"):
        assert by_title.get(title) is None, (title, by_title.get(title))
    assert by_title["option"] == "https://hostile.example/-oProxyCommand=x" or name.endswith(
        "rss.xml"
    )
    assert feed.link is None  # the feed's own javascript: / data: home page is dropped


def test_mis_declared_encodings_are_still_read() -> None:
    latin = _parse((HOSTILE / "misdeclared-latin1.rss.xml").read_bytes())
    assert latin is not None and latin.title is not None and latin.title.startswith("Café")
    assert latin.entries[0].title.startswith("Naïve") and latin.entries[0].author == "José"
    sixteen = _parse((HOSTILE / "misdeclared-utf16.atom.xml").read_bytes())
    assert sixteen is not None and sixteen.entries[0].title.startswith("Grüße — 日本")
    # The same bodies with a Content-Type that lies the other way.
    lying = {"Content-Type": "application/xml; charset=utf-16"}
    for name in ("misdeclared-latin1.rss.xml", "misdeclared-utf16.atom.xml"):
        feed = _parse((HOSTILE / name).read_bytes(), lying)
        if feed is not None:
            _check_feed(feed)
    json_feed = _parse((HOSTILE / "misdeclared-latin1.json").read_bytes())
    assert json_feed is not None and json_feed.entries[0].title.startswith("Na")


def test_wrong_types_in_a_json_feed_are_skipped_not_fatal() -> None:
    feed = _parse((HOSTILE / "wrong-types.json").read_bytes())
    assert feed is not None
    assert (feed.title, feed.link, feed.language) == (None, None, None)
    assert len(feed.entries) == 5  # the five objects among the items; the rest are not items
    assert feed.entries[1].guid == "12345678901234567890"
    assert feed.entries[1].categories == ("Real tag",)
    assert all(e.published is None for e in feed.entries)  # no date survives: all absurd


def _media_type(path: Path) -> str:
    if path.suffix == ".json":
        return "application/feed+json"
    return "application/atom+xml" if ".atom." in path.name else "application/rss+xml"


def test_every_hostile_file_through_a_real_refresh(tmp_path: Path, feed_server: FeedServer) -> None:
    for path in FILES:
        feed_server.add_file(f"/{path.name}", path, headers={"Content-Type": _media_type(path)})
    store_file = tmp_path / "store.db"
    with open_store(store_file) as store:
        for path in FILES:
            store.add_feed(feed_server.url(f"/{path.name}"))
        outcomes = refresh_sync(store, Config())
        assert len(outcomes) == len(FILES)
        refused = {
            path.name: outcome.error
            for path, outcome in zip(FILES, outcomes, strict=True)
            if outcome.status != "updated" or outcome.new == 0
        }
        # Every file gives articles, but an entity trick may be refused with a clear message.
        assert all(
            name in MAY_REFUSE and error and error.startswith("not a feed: ")
            for name, error in refused.items()
        ), refused
        now = datetime.now(UTC)
        articles = store.articles(datetime(1970, 1, 1, tzinfo=UTC), now + timedelta(days=3))
        assert len(articles) == sum(o.new for o in outcomes)
        for article in articles:
            _check_article(article)
        for info in store.feeds():
            _check_text(info.title, "stored feed title", one_line=True)
            assert info.error is None or not info.error.startswith(_UNEXPECTED)
    # Whatever column it sits in, nothing unsafe reached the file.
    with sqlite3.connect(f"file:{store_file}?mode=ro", uri=True) as db:
        dump = "\n".join(db.iterdump())
    _check_text(dump, "the SQLite store")
    assert "\x1b" not in dump and "\u202e" not in dump


_BIG_ITEMS = 20_000
_BIG_SCRIPT = """
import json, resource, sys, time
from pathlib import Path
from digest.feeds.parse import parse_feed
from digest.store import open_store
body = Path(sys.argv[1]).read_bytes()
start = time.perf_counter()
feed = parse_feed(body, "https://big.example/feed.xml")
parsed = time.perf_counter() - start
with open_store(Path(sys.argv[2])) as store:
    feed_id, _ = store.add_feed("https://big.example/feed.xml")
    stored = store.record_success(feed_id, status="updated", entries=feed.entries, title=feed.title)
total = time.perf_counter() - start
# VmHWM is this program's own peak; ru_maxrss would also count the pytest process that
# forked it, which Linux carries across exec.
status = Path("/proc/self/status")
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
if status.exists():
    for line in status.read_text().splitlines():
        if line.startswith("VmHWM:"):
            peak_kib = int(line.split()[1])
peak_mb = peak_kib / 1024
print(json.dumps({"entries": len(feed.entries), "stored": stored, "parse_s": parsed,
                  "total_s": total, "peak_mb": peak_mb}))
"""


@pytest.mark.parametrize(
    "doctype",
    # A DOCTYPE sends the document past the fast reader to feedparser, as a hostile feed may.
    [pytest.param("", id="plain"), pytest.param("<!DOCTYPE rss>", id="feedparser")],
)
def test_a_twenty_thousand_item_feed_parses_within_time_and_memory(
    tmp_path: Path, doctype: str
) -> None:
    # No per-feed item limit exists (config.py has none), so every item must come through.
    items = "".join(
        f"<item><title>Story {i} about the harbour</title><guid>g{i}</guid>"
        f"<link>https://big.example/s/{i}</link><pubDate>Sat, 28 Nov 2026 12:00:00 GMT</pubDate>"
        f"<category>World</category><description>&lt;p&gt;Paragraph {i} of a story with a few "
        "words in it.&lt;/p&gt;&lt;p&gt;A second paragraph.&lt;/p&gt;</description></item>"
        for i in range(_BIG_ITEMS)
    )
    body = (
        f'<?xml version="1.0" encoding="utf-8"?>{doctype}<rss version="2.0"><channel>'
        "<title>Big</title>"
        f"<link>https://big.example/</link>{items}</channel></rss>"
    ).encode()
    assert len(body) > 4 * 1024 * 1024
    feed_file = tmp_path / "big.xml"
    feed_file.write_bytes(body)
    out = subprocess.run(
        [sys.executable, "-c", _BIG_SCRIPT, str(feed_file), str(tmp_path / "store.db")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=Path(__file__).resolve().parents[1],
    )
    result = json.loads(out.stdout)
    assert result["entries"] == _BIG_ITEMS and result["stored"] == _BIG_ITEMS
    assert result["parse_s"] < 20, result
    assert result["peak_mb"] < 400, result
