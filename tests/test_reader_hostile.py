"""Hostile feeds, end to end: markup-like text, escape sequences and odd links, from the server to
the screen. Nothing is parsed as markup, nothing reaches the terminal, only http(s) is opened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from feedserver import FeedServer
from textual.pilot import Pilot
from tui_digests import HOSTILE, NOW, make_digest, make_hostile_digest, make_session

from digest.config import Config
from digest.models import Digest, Source, Story, Topic
from digest.paths import resolve_paths
from digest.refresh import refresh
from digest.session import ReaderSession
from digest.store import open_store
from digest.tui.app import DigestApp
from digest.tui.links import safe_link
from digest.tui.widgets import StoryList, StoryView

_ESCAPES = "\x1b]0;pwned\x07\x1b[2J\x1b[31m\x9b1;1H\u202e"
_BAD_LINKS = [
    "javascript:alert(1)",
    "file:///etc/passwd",
    "-remote http://evil.example/",
    "data:text/html,hi",
    "https://ok.example/\x1b[31m",
    "http://",
]


def _hostile_rss() -> bytes:
    now = datetime.now(UTC)
    items = []
    for n, text in enumerate(HOSTILE):
        title = f"{text} quake report {n} {_ESCAPES}"
        body = (
            f"The earthquake {text} shook the town of Avery {n} on Monday. {_ESCAPES}"
            f"Engineers {text} inspected bridges and schools. No deaths were reported."
        )
        link = _BAD_LINKS[n % len(_BAD_LINKS)]
        items.append(
            f"<item><title>{escape(title)}</title><link>{escape(link)}</link>"
            f"<guid>h{n}</guid><pubDate>{format_datetime(now - timedelta(hours=n + 1))}</pubDate>"
            f"<description>{escape(body)}</description><category>{escape(text)}</category></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{escape(HOSTILE[0] + _ESCAPES)}</title><link>https://x.example/</link>"
        f"<description>d</description><copyright>{escape(HOSTILE[2])}</copyright>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


def _lines(pilot: Pilot[None]) -> list[str]:
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


async def test_a_hostile_feed_is_shown_literally_and_safely(
    tmp_path: Path, feed_server: FeedServer, browser_opened: list[str]
) -> None:
    opened = browser_opened
    feed_server.add("/hostile.xml", _hostile_rss())
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    with open_store(paths.store_file) as store:
        store.add_feed(feed_server.url("/hostile.xml"), topic=HOSTILE[1])
        outcomes = await refresh(store, Config())
    assert outcomes[0].status == "updated", outcomes
    app = DigestApp(ReaderSession(paths, Config()))
    async with app.run_test(size=(140, 45)) as pilot:
        for _ in range(20):
            await pilot.pause()
            await app.workers.wait_for_complete()
            if app.screen.query_one(StoryList).stories:
                break
        stories = app.screen.query_one(StoryList).stories
        assert stories
        for _ in stories:
            await pilot.press("enter", "j", "j", "o", "y", "m", "s", "escape", "j")
            await pilot.pause()
        await app.workers.wait_for_complete()
        screen = "\n".join(_lines(pilot))
        assert any(text in screen for text in HOSTILE[1:])
        assert "quake report" in screen
        for bad in ("\x1b", "\x07", "\x9b", "\u202e", "pwned", "[31m", "[2J"):
            assert bad not in screen
        assert app.is_running and app.return_code is None
    assert all(url.startswith(("http://", "https://")) for url in opened)
    assert all(safe_link(url) == url for url in opened)


class _App(DigestApp):
    def __init__(self, session: ReaderSession) -> None:
        super().__init__(session, now=NOW)
        self.notices: list[str] = []

    def notify(self, message: str, *, markup: bool = True, **options: Any) -> None:
        assert markup is False, message
        self.notices.append(message)
        super().notify(message, markup=markup, **options)


async def test_o_and_y_refuse_links_that_are_not_http(
    tmp_path: Path, browser_opened: list[str]
) -> None:
    opened = browser_opened
    base = make_digest().topics[0].stories[0]
    sources = [
        Source(f"{HOSTILE[n % len(HOSTILE)]} ({n})", f"Outlet {n}", url, NOW, None)
        for n, url in enumerate([*_BAD_LINKS, None, "https://fine.example/a"])
    ]
    story = Story("odd", "Odd links", NOW, base.summary, sources)
    digest = Digest(NOW, NOW - timedelta(hours=36), NOW, "d", [Topic("World", [story])])
    app = _App(make_session(tmp_path / "home", digest))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(StoryView)
        await pilot.press("enter")
        for index in range(len(sources)):
            assert view.highlighted_source == sources[index]
            app.copy_to_clipboard("")
            await pilot.press("o", "y")
            await app.workers.wait_for_complete()
            if index < len(sources) - 1:
                assert app.clipboard == ""
                assert app.notices[-1].startswith("This source has no web link")
            view.scroll_end(animate=False)  # every source in view: j moves the cursor
            await pilot.pause()
            await pilot.press("j")
        assert opened == ["https://fine.example/a"]
        assert app.clipboard == "https://fine.example/a"


def test_safe_link() -> None:
    odd = ["javascript://x.example/%0Aalert(1)", "HTTPS://", " https://a.example", ""]
    for url in [*_BAD_LINKS, *odd]:
        assert safe_link(url) is None, url
    assert safe_link(None) is None
    assert safe_link("https://a.example/x?y=[1]") == "https://a.example/x?y=[1]"
    assert safe_link("HTTP://a.example") == "HTTP://a.example"
    assert safe_link("https://a.example/\u202eexe.txt") is None


async def test_the_command_palette_shows_hostile_topic_names_literally(tmp_path: Path) -> None:
    app = _App(make_session(tmp_path / "home", make_hostile_digest()))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"topic")
        await pilot.pause(0.5)
        screen = "\n".join(_lines(pilot))
        for text in HOSTILE:
            assert f"Topic: {text}" in screen
        # Choosing "Topic: Tom [/] Jerry" shows that topic; nothing is clicked or quit.
        await pilot.press(*" tom")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.is_running
        shown = app.screen.query_one(StoryList).stories
        assert [s.topic for s in shown] == [HOSTILE[2]]
