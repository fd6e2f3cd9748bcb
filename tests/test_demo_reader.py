"""The reader on a digest built from the bundled sample feeds through the real store."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot

from digest.config import Config
from digest.digests import get_digest
from digest.paths import seeds_dir
from digest.refresh import refresh
from digest.store import open_store
from digest.subscriptions import import_opml
from digest.tui.app import DigestApp
from digest.tui.widgets import StoryList


def _screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def _titles(pilot: Pilot[None]) -> list[str]:
    story_list = pilot.app.screen.query_one(StoryList)
    return [str(option.prompt).split("\n")[0] for option in story_list.options]


async def test_reader_on_the_sample_feeds(tmp_path: Path) -> None:
    config = Config()
    with open_store(tmp_path / "store.sqlite3") as store:
        result = import_opml(store, seeds_dir() / "feeds" / "demo.opml")
        assert result.added >= 6
        outcomes = await refresh(store, config)
        assert all(o.status == "updated" for o in outcomes), outcomes
        digest = get_digest(store, config, anchor_to_newest=True).digest
    names = [t.name for t in digest.topics]
    assert len(names) >= 5

    app = DigestApp(digest, subtitle="sample", offline=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
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
