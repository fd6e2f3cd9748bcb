"""The reader's automatic refresh against a local feed server and a real store: it runs on its
interval, never while a refresh runs, never moves the focus or the view, and the status line says
when the next one is due (or that it is off).

The interval is injected in seconds (`DigestApp(auto_refresh=...)`); the configured minutes are
checked separately. Feeds are dated from the real clock, as refresh and build use it.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from feedserver import FeedServer
from textual.pilot import Pilot
from textual.widgets import Label
from tui_digests import NEWS_ITEMS

from digest.config import Config, ReaderSettings
from digest.paths import resolve_paths
from digest.refresh import FeedOutcome, refresh
from digest.session import ReaderSession
from digest.store import open_store
from digest.tui.app import MIN_AUTO_REFRESH, DigestApp, auto_refresh_interval
from digest.tui.widgets import StatusBar, StoryList, StoryView

_ITEMS = {
    "quake": NEWS_ITEMS["quake"],
    # The same wire text under other headlines: syndicated copies.
    "quake-copy": ("Port Avery rattled by magnitude 5.8 quake", NEWS_ITEMS["quake"][1]),
    "quake-copy2": ("Quake of 5.8 hits Port Avery, no deaths", NEWS_ITEMS["quake"][1]),
    **{key: item for key, item in NEWS_ITEMS.items() if key != "quake"},
}


def _rss(title: str, keys: list[str], first: float = 1) -> bytes:
    """A feed of the named items, the first published `first` hours ago, then an hour apart."""
    now = datetime.now(UTC)
    items = []
    for n, key in enumerate(keys):
        headline, text = _ITEMS[key]
        published = format_datetime(now - timedelta(hours=first + n))
        items.append(
            f"<item><title>{escape(headline)}</title><link>https://x.example/{key}</link>"
            f"<guid>{key}</guid><pubDate>{published}</pubDate>"
            f"<description>{escape(text)}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://x.example/</link><description>Test feed</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


@dataclass
class _Counts:
    started: int = 0
    running: int = 0
    most_at_once: int = 0


class _Session(ReaderSession):
    """A real session that counts its refreshes, and those running at once."""

    counts: _Counts

    async def refresh(
        self, on_progress: Callable[[int, int], None] | None = None, **options: Any
    ) -> list[FeedOutcome]:
        counts = self.counts
        counts.started += 1
        counts.running += 1
        counts.most_at_once = max(counts.most_at_once, counts.running)
        try:
            return await super().refresh(on_progress, **options)
        finally:
            counts.running -= 1


def _session(home: Path, counts: _Counts, *, offline: bool = False) -> _Session:
    session = _Session(resolve_paths(home), Config(), offline=offline)
    session.counts = counts
    return session


async def _subscribe(home: Path, server: FeedServer, feeds: list[str]) -> None:
    """Subscribe to `feeds` on the server, fetch them once and build a digest."""
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        for path in feeds:
            store.add_feed(server.url(path))
        await refresh(store, Config())
    ReaderSession(paths, Config()).build()


class _App(DigestApp):
    def __init__(self, session: ReaderSession, every: timedelta | None) -> None:
        super().__init__(session, auto_refresh=every)
        self.notices: list[str] = []

    def notify(self, message: str, *, markup: bool = True, **options: Any) -> None:
        assert markup is False, message
        self.notices.append(message)
        super().notify(message, markup=markup, **options)


def _status(pilot: Pilot[None]) -> str:
    bar = pilot.app.screen.query_one(StatusBar)
    return str(bar.query_one("#status_label", Label).content) if bar.display else ""


async def _wait_for(pilot: Pilot[None], done: Callable[[], bool], seconds: float = 15) -> None:
    for _ in range(int(seconds / 0.05)):
        if done():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out")


def _titles(pilot: Pilot[None]) -> list[str]:
    return [shown.story.title for shown in pilot.app.screen.query_one(StoryList).stories]


async def test_auto_refresh_runs_on_its_interval_and_keeps_the_view(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss("Test Wire", ["quake", "chips", "match"]))
    feed_server.add("/courier.xml", _rss("Coast Courier", ["quake-copy"], first=0.5))
    feed_server.add("/post.xml", _rss("Slow Post", ["budget"], first=2))
    await _subscribe(tmp_path, feed_server, ["/wire.xml", "/courier.xml", "/post.xml"])
    counts = _Counts()
    app = _App(_session(tmp_path, counts), timedelta(seconds=0.4))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert "next refresh" in _status(pilot).lower() and "(every 0.4 s)" in _status(pilot)
        assert app.next_refresh is not None
        # The reader opens the quake story (the wire's text under two headlines) and scrolls.
        await pilot.press("slash", *"earthquake", "enter", "enter")
        view = pilot.app.screen.query_one(StoryView)
        assert view.story is not None and len(view.story.sources) == 2
        assert "also in: Coast Courier" in view.text
        await pilot.press("end")
        await pilot.pause()
        scrolled = view.scroll_y
        assert scrolled > 0
        story_id = view.story.id

        # A third outlet carries the same wire text (after the others, so the story keeps its id).
        feed_server.add("/post.xml", _rss("Slow Post", ["quake-copy2", "budget"], first=0.25))
        await _wait_for(pilot, lambda: view.story is not None and len(view.story.sources) == 3)
        # Rebuilt in place: same story, same focus, same scroll, both copies folded.
        assert pilot.app.focused is view
        assert view.story is not None and view.story.id == story_id
        assert view.scroll_y == scrolled
        assert "also in: Coast Courier, Slow Post" in " ".join(view.text.split())
        assert "[2]" not in view.text
        assert any(n.startswith("Auto-refresh: 1 new article") for n in app.notices)
        assert not any(n.startswith("Refreshed ") for n in app.notices)
        await _wait_for(pilot, lambda: _status(pilot).startswith("Refreshed "))
        assert "next refresh" in _status(pilot)

        # It keeps going on its own, one refresh at a time.
        started = counts.started
        await _wait_for(pilot, lambda: counts.started >= started + 2)
        assert counts.most_at_once == 1
        assert pilot.app.focused is view
        await pilot.press("escape")  # the story list again; the refreshes go on
        assert isinstance(pilot.app.focused, StoryList)
        started = counts.started
        await _wait_for(pilot, lambda: counts.started >= started + 1)
        assert isinstance(pilot.app.focused, StoryList)
        assert not [n for n in app.notices if "failed" in n]


async def test_no_refresh_starts_while_one_runs(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/wire.xml", _rss("Test Wire", ["quake", "chips"]))
    await _subscribe(tmp_path, feed_server, ["/wire.xml"])
    # Each answer takes longer than the interval.
    feed_server.add("/wire.xml", _rss("Test Wire", ["quake", "chips"]), delay=1.0)
    counts = _Counts()
    app = _App(_session(tmp_path, counts), timedelta(seconds=0.2))
    async with app.run_test(size=(80, 24)) as pilot:
        await _wait_for(pilot, lambda: counts.running == 1)
        assert pilot.app.screen.query_one(StatusBar).busy
        assert app.next_refresh is None  # none is due while one runs
        await pilot.press("r")
        assert app.notices[-1] == "Already refreshing."
        await _wait_for(pilot, lambda: counts.started >= 3, seconds=20)
        assert counts.most_at_once == 1
        assert feed_server.max_active == 1


async def test_r_starts_the_interval_afresh(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/wire.xml", _rss("Test Wire", ["quake"]))
    await _subscribe(tmp_path, feed_server, ["/wire.xml"])
    counts = _Counts()
    app = _App(_session(tmp_path, counts), timedelta(seconds=30))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        first = app.next_refresh
        assert first is not None
        await asyncio.sleep(0.3)
        await pilot.press("r")
        await _wait_for(pilot, lambda: _status(pilot).startswith("Refreshed "))
        assert app.next_refresh is not None and app.next_refresh > first
        assert counts.started == 1
        assert app.notices[0] == "Refreshed 1 feeds: 0 new articles."


async def test_the_status_line_says_when_auto_refresh_is_off(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss("Test Wire", ["quake"]))
    await _subscribe(tmp_path, feed_server, ["/wire.xml"])
    counts = _Counts()
    for offline, expected in [(False, "Auto-refresh off"), (True, "Auto-refresh off (offline)")]:
        app = _App(_session(tmp_path, counts, offline=offline), None)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert _status(pilot) == expected
            assert app.next_refresh is None
            await pilot.pause(0.3)
    assert counts.started == 0
    hits = feed_server.hits["/wire.xml"]
    assert hits == 1  # only the fetch that filled the store


def test_the_configured_interval_is_minutes_and_never_below_a_minute() -> None:
    def every(minutes: float) -> timedelta:
        return auto_refresh_interval(Config(reader=ReaderSettings(auto_refresh_minutes=minutes)))

    assert every(0) == timedelta(0)
    assert every(15) == timedelta(minutes=15)
    assert every(2.5) == timedelta(minutes=2.5)
    assert every(0.01) == MIN_AUTO_REFRESH
    assert auto_refresh_interval(Config()) == timedelta(0)
