"""Snapshots of the reader at 80x24 and 140x45, one class per feature.

The clock is pinned (`now=NOW`, and the stored digest and feed fetch times are NOW too), the search
box's cursor does not blink, and no notice is on screen, so the SVGs change only when the reader's
look does. Regenerate them with `pytest tests/test_tui_snapshots.py --snapshot-update` and look at
them before committing.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_digests import (
    DISCLAIMER,
    NOW,
    make_digest,
    make_hostile_digest,
    make_session,
    make_syndicated_digest,
)

from digest.models import Digest
from digest.tui.app import DigestApp
from digest.tui.widgets import SearchBar

SIZES = [(80, 24), (140, 45)]
SnapCompare = Callable[..., bool]
FEED_ERROR = {
    "https://broken.example/feed.xml": "the server answered 503 Service Unavailable; "
    "it will be tried again at the next refresh."
}


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for search in pilot.app.screen.query(SearchBar):
        search.cursor_blink = False


def _app(
    tmp_path: Path,
    digest: Digest | None = None,
    auto_refresh: timedelta | None = None,
    **options: object,
) -> DigestApp:
    session = make_session(tmp_path / "home", digest or make_digest(), **options)  # type: ignore[arg-type]
    return DigestApp(session, now=NOW, auto_refresh=auto_refresh)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestMainScreen:
    """Topics, stories and the first story's summary, sources and disclaimers."""

    def test_first_story(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        assert snap_compare(_app(tmp_path), terminal_size=size, run_before=_settle)

    def test_second_topic(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = _app(tmp_path)
        assert snap_compare(app, terminal_size=size, press=["2", "j"], run_before=_settle)

    def test_topics_picked_with_space(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        keys = ["shift+tab", "j", "space", "j", "j", "space"]
        assert snap_compare(_app(tmp_path), terminal_size=size, press=keys, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestStoryView:
    """Enter gives the story view the focus (and, when narrow, most of the screen)."""

    def test_story_opened(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = _app(tmp_path)
        assert snap_compare(app, terminal_size=size, press=["enter"], run_before=_settle)

    def test_second_source_highlighted(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        keys = ["enter", "end", "j"]
        assert snap_compare(_app(tmp_path), terminal_size=size, press=keys, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestSyndicatedCopies:
    """Copies of a wire report are listed once, "also in" under the first; numbers follow."""

    def test_story_with_copies(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = _app(tmp_path, make_syndicated_digest())
        assert snap_compare(app, terminal_size=size, press=["enter"], run_before=_settle)


class TestAutoRefreshStatus:
    """With auto-refresh on, the status line says when the next refresh is due."""

    def test_next_refresh(self, snap_compare: SnapCompare, tmp_path: Path) -> None:
        app = _app(tmp_path, auto_refresh=timedelta(minutes=5))
        assert snap_compare(app, terminal_size=(80, 24), run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestHelp:
    """? lists every key."""

    def test_help(self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
        app = _app(tmp_path)
        assert snap_compare(app, terminal_size=size, press=["question_mark"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestSearch:
    """/ opens the search box; the list narrows as the user types."""

    def test_typing(self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
        keys = ["slash", *"ferry"]
        assert snap_compare(_app(tmp_path), terminal_size=size, press=keys, run_before=_settle)

    def test_nothing_matches(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        keys = ["slash", *"zebra", "enter"]
        assert snap_compare(_app(tmp_path), terminal_size=size, press=keys, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestOfflineBadge:
    """A digest opened offline says so in the header."""

    def test_offline(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = _app(tmp_path, offline=True)
        assert snap_compare(app, terminal_size=size, run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestFeedError:
    """f lists the feeds, the failing one first with its message."""

    def test_feed_error(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = _app(tmp_path, failing=FEED_ERROR)
        assert snap_compare(app, terminal_size=size, press=["f"], run_before=_settle)


@pytest.mark.parametrize("size", SIZES, ids=["80x24", "140x45"])
class TestEmptyState:
    """No stories: advice on adding feeds (or fetching) in the middle of the screen."""

    def test_no_feeds(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        app = DigestApp(make_session(tmp_path / "home", feeds=0), now=NOW)
        assert snap_compare(app, terminal_size=size, run_before=_settle)

    def test_no_stories(
        self, snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
    ) -> None:
        empty = Digest(NOW, NOW - timedelta(hours=36), NOW, DISCLAIMER, [])
        assert snap_compare(_app(tmp_path, empty), terminal_size=size, run_before=_settle)


class TestHostileText:
    """Markup-like feed text is drawn literally."""

    def test_hostile(self, snap_compare: SnapCompare, tmp_path: Path) -> None:
        app = _app(tmp_path, make_hostile_digest())
        assert snap_compare(app, terminal_size=(140, 45), run_before=_settle)
