"""The reader on a digest built from the bundled sample feeds through the real store."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from digest.config import Config
from digest.paths import resolve_paths, seeds_dir
from digest.refresh import refresh
from digest.session import ReaderSession
from digest.store import open_store
from digest.subscriptions import import_opml
from digest.tui.app import DigestApp
from digest.tui.widgets import StoryList


def _screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def _titles(pilot: Pilot[None]) -> list[str]:
    return [shown.story.title for shown in pilot.app.screen.query_one(StoryList).stories]


async def test_reader_on_the_sample_feeds(tmp_path: Path) -> None:
    config = Config()
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    with open_store(paths.store_file) as store:
        result = import_opml(store, seeds_dir() / "feeds" / "demo.opml", local_files=True)
        assert result.added >= 6
        outcomes = await refresh(store, config)
        assert all(o.status == "updated" for o in outcomes), outcomes
    # As `digest --demo` opens it: offline, no digest yet, so the reader builds one.
    session = ReaderSession(paths, config, offline=True, demo=True)
    app = DigestApp(session)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = session.latest()
        assert shown is not None
        digest = shown.digest
        names = [t.name for t in digest.topics]
        assert len(names) >= 5
        screen = _screen_text(pilot)
        for name in names[:4]:
            assert name in screen
        assert "offline" in screen
        assert "machine-selected" in " ".join(screen.split())

        first_topic = {s.title for s in digest.topics[0].stories}
        second_topic = {s.title for s in digest.topics[1].stories}
        await pilot.press("2")
        await pilot.pause()
        shown = _titles(pilot)
        assert shown and all(
            any(title.startswith(t.rstrip("…")[:40]) for t in second_topic) for title in shown
        )
        assert not any(title in first_topic for title in shown)
        await pilot.press("0")
        await pilot.pause()
        assert len(_titles(pilot)) == digest.story_count
        await pilot.press("q")
    assert app.return_code == 0
