"""Background work in the reader: refreshing feeds from a local server, building digests, failures.

The feeds are served by the test server on 127.0.0.1 (`feed_server`) and dated relative to the
real clock, because refresh and build work on the real store with the real time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from feedserver import FeedServer
from textual.pilot import Pilot
from textual.widgets import ContentSwitcher, Label
from tui_digests import HOSTILE, NEWS_ITEMS

from digest.config import Config
from digest.digests import Shown
from digest.paths import resolve_paths
from digest.refresh import refresh
from digest.session import ReaderSession
from digest.store import open_store
from digest.tui.app import DigestApp
from digest.tui.screens.feeds import FeedsModal
from digest.tui.widgets import StatusBar, StoryList


def _rss(keys: list[str], *, title: str = "Test Wire") -> bytes:
    """An RSS feed of the named stories, published in the last few hours."""
    now = datetime.now(UTC)
    items = []
    for n, key in enumerate(keys):
        headline, text = NEWS_ITEMS[key]
        items.append(
            f"<item><title>{escape(headline)}</title><link>https://wire.example/{key}</link>"
            f"<guid>{key}</guid><pubDate>{format_datetime(now - timedelta(hours=n + 1))}</pubDate>"
            f"<description>{escape(text)}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
        f"<link>https://wire.example/</link><description>Test feed</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def _subscribe(home: Path, server: FeedServer, paths_: list[str]) -> ReaderSession:
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        for path in paths_:
            store.add_feed(server.url(path))
    return ReaderSession(paths, Config())


async def _fetch(session: ReaderSession) -> None:
    with open_store(session.paths.store_file) as store:
        outcomes = await refresh(store, session.config)
    assert any(o.status == "updated" for o in outcomes)


class _App(DigestApp):
    """The reader, keeping every notice it shows (and checking none is parsed as markup)."""

    def __init__(self, session: ReaderSession) -> None:
        super().__init__(session)
        self.notices: list[str] = []

    def notify(self, message: str, *, markup: bool = True, **options: Any) -> None:
        assert markup is False, message
        self.notices.append(message)
        super().notify(message, markup=markup, **options)


async def _settle(pilot: Pilot[None]) -> None:
    """Wait until no worker runs and none is about to start (a refresh is followed by a build)."""
    for _ in range(50):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if not pilot.app.workers and not pilot.app.screen.query_one(StatusBar).busy:
            return
    raise AssertionError("background work never finished")


def _ids(pilot: Pilot[None]) -> list[str]:
    return [shown.story.id for shown in pilot.app.screen.query_one(StoryList).stories]


def _titles(pilot: Pilot[None]) -> list[str]:
    return [shown.story.title for shown in pilot.app.screen.query_one(StoryList).stories]


def _screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


async def test_r_refreshes_in_the_background_and_keeps_the_view(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss(["quake", "chips", "match"]))
    feed_server.add("/broken.xml", b"oops", status=500)
    feed_server.add("/slow.xml", _rss(["budget"], title="Slow Post"))
    session = _subscribe(tmp_path, feed_server, ["/wire.xml", "/broken.xml", "/slow.xml"])
    await _fetch(session)
    session.build()
    # New articles arrive; the slow feed answers late, so the refresh can be watched.
    feed_server.add("/wire.xml", _rss(["quake", "chips", "match", "budget"]))
    feed_server.add("/slow.xml", _rss(["budget"], title="Slow Post"), delay=1.5)

    app = _App(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        story_list = pilot.app.screen.query_one(StoryList)
        before = _ids(pilot)
        assert len(before) >= 3
        await pilot.press("j")
        kept = story_list.highlighted_story
        assert kept is not None

        await pilot.press("r")
        await pilot.pause(0.5)
        status = pilot.app.screen.query_one(StatusBar)
        assert status.busy
        assert "Refreshing feeds" in str(status.query_one("#status_label", Label).content)
        done, total = str(status.query_one("#status_count", Label).content).split("/")
        assert int(done) < int(total) == 3
        # The reader stays usable while the network works.
        await pilot.press("k")
        assert story_list.highlighted == 0
        await pilot.press("j")
        await pilot.press("r")
        assert app.notices[-1] == "Already refreshing."

        await _settle(pilot)
        assert any(n.startswith("1 of 3 feeds failed") and "press f" in n for n in app.notices)
        # Rebuilt, and the same story is still highlighted.
        assert story_list.highlighted_story is not None
        # Here the highlighted story got a new id (an earlier report joined it): the highlight
        # follows its articles.
        assert story_list.highlighted_story.story.title == kept.story.title
        assert story_list.highlighted_story.story.id != kept.story.id
        assert any("budget" in title.lower() for title in _titles(pilot))

        await pilot.press("f")
        assert isinstance(pilot.app.screen, FeedsModal)
        text = _screen_text(pilot)
        assert "1 of 3 failing" in text
        assert feed_server.url("/broken.xml") in text
        assert "500" in text
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, FeedsModal)


async def test_a_topic_filter_survives_the_rebuild(tmp_path: Path, feed_server: FeedServer) -> None:
    feed_server.add("/wire.xml", _rss(["quake", "chips", "match"]))
    session = _subscribe(tmp_path, feed_server, ["/wire.xml"])
    await _fetch(session)
    session.build()
    feed_server.add("/wire.xml", _rss(["quake", "chips", "match", "budget"]))
    app = _App(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("2")
        topics = {shown.topic for shown in pilot.app.screen.query_one(StoryList).stories}
        assert len(topics) == 1
        await pilot.press("r")
        await _settle(pilot)
        after = {shown.topic for shown in pilot.app.screen.query_one(StoryList).stories}
        assert after == topics
        assert app.notices[0].startswith("Refreshed 1 feeds: 1 new article")


class _GatedSession(ReaderSession):
    """A session whose build waits for the test to let it go (to look at the screen meanwhile)."""

    gate: threading.Event
    fail: bool = False

    def build(self, on_progress: Callable[[int, int], None] | None = None) -> Shown:
        assert self.gate.wait(10)
        if self.fail:
            raise RuntimeError("the disk is on fire")
        return super().build(on_progress)


def _gated(home: Path, server: FeedServer, *, fail: bool = False) -> _GatedSession:
    session = _subscribe(home, server, ["/wire.xml"])
    gated = _GatedSession(session.paths, session.config)
    gated.gate = threading.Event()
    gated.fail = fail
    return gated


async def test_without_a_digest_one_is_built_with_a_progress_indicator(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss(["quake", "chips"]))
    session = _gated(tmp_path, feed_server)
    await _fetch(session)
    app = _App(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert screen.query_one(ContentSwitcher).current == "loading_state"
        assert "Building the digest" in _screen_text(pilot)
        assert screen.query_one(StatusBar).busy
        session.gate.set()
        await _settle(pilot)
        assert screen.query_one(ContentSwitcher).current == "panes"
        assert len(_ids(pilot)) == 2


async def test_a_stale_digest_is_shown_at_once_and_swapped_when_rebuilt(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss(["quake", "chips"]))
    session = _gated(tmp_path, feed_server)
    await _fetch(session)
    session.gate.set()
    session.build()
    session.gate.clear()
    feed_server.add("/wire.xml", _rss(["quake", "chips", "match"]))
    await _fetch(session)  # the store has moved on: the stored digest is stale
    app = _App(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert len(_ids(pilot)) == 2  # the stored digest, without waiting
        assert pilot.app.screen.query_one(StatusBar).busy
        await pilot.press("j")
        kept = _ids(pilot)[1]
        session.gate.set()
        await _settle(pilot)
        assert len(_ids(pilot)) == 3
        highlighted = pilot.app.screen.query_one(StoryList).highlighted_story
        assert highlighted is not None and highlighted.story.id == kept


async def test_a_failed_build_is_a_notice_not_a_traceback(
    tmp_path: Path, feed_server: FeedServer
) -> None:
    feed_server.add("/wire.xml", _rss(["quake"]))
    session = _gated(tmp_path, feed_server, fail=True)
    await _fetch(session)
    session.gate.set()
    app = _App(session)
    async with app.run_test(size=(80, 24)) as pilot:
        await _settle(pilot)
        assert app.is_running
        assert app.notices == ["Could not build the digest: RuntimeError: the disk is on fire"]
        text = _screen_text(pilot)
        assert "the disk is on fire" in text
        assert "Traceback" not in text


async def test_feed_errors_are_shown_literally(tmp_path: Path, feed_server: FeedServer) -> None:
    session = _subscribe(tmp_path, feed_server, [])
    with open_store(session.paths.store_file) as store:
        for n, text in enumerate(HOSTILE):
            feed_id, _new = store.add_feed(f"https://bad{n}.example/{text}", name=text)
            store.record_failure(feed_id, f"error {text}")
    app = _App(session)
    async with app.run_test(size=(120, 60)) as pilot:
        await _settle(pilot)
        await pilot.press("f")
        text = _screen_text(pilot)
        for hostile in HOSTILE:
            assert f"error {hostile}" in text
        assert app.is_running
