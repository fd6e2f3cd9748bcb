"""Every key of the reader, pressed on a store built from the bundled sample feeds.

The only stand-in is `webbrowser.open`: there is no browser here, so it records what it is asked.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from tui_digests import NOW, build_demo_home, copy_demo_home, demo_session

from digest.cli import main
from digest.tui.app import DigestApp
from digest.tui.keys import COMMANDS, HELP
from digest.tui.screens.help import HelpScreen
from digest.tui.screens.history import HistoryModal
from digest.tui.widgets import SearchBar, StoryList, StoryView, TopicList


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample-feed store, built once for this module (building imports sumy)."""
    return build_demo_home(tmp_path_factory.mktemp("demo-template"))


@pytest.fixture
def demo_home(demo_template: Path, tmp_path: Path) -> Path:
    """This test's own copy of the sample-feed store."""
    return copy_demo_home(demo_template, tmp_path / "demo")


class _App(DigestApp):
    """The reader, keeping every notice it shows (and checking none is parsed as markup)."""

    def __init__(self, home: Path, *, offline: bool) -> None:
        super().__init__(demo_session(home, offline=offline), now=NOW)
        self.notices: list[str] = []

    def notify(self, message: str, *, markup: bool = True, **options: Any) -> None:
        assert markup is False, message
        self.notices.append(message)
        super().notify(message, markup=markup, **options)


def _app(home: Path, *, offline: bool = True) -> _App:
    return _App(home, offline=offline)


def _notices(pilot: Pilot[None]) -> list[str]:
    assert isinstance(pilot.app, _App)
    return pilot.app.notices


def _screen_text(pilot: Pilot[None]) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def _list(pilot: Pilot[None]) -> StoryList:
    return pilot.app.screen.query_one(StoryList)


def _ids(pilot: Pilot[None]) -> list[str]:
    return [shown.story.id for shown in _list(pilot).stories]


def _topics(pilot: Pilot[None]) -> set[str]:
    return {shown.topic for shown in _list(pilot).stories}


async def _settle(pilot: Pilot[None]) -> None:
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def _json_topics(home: Path) -> list[str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["--home", str(home), "show", "--format", "json", "--offline"]) == 0
    return [topic["name"] for topic in json.loads(out.getvalue())["topics"]]


async def test_number_keys_follow_the_json_order_and_zero_shows_all(demo_home: Path) -> None:
    order = _json_topics(demo_home)
    assert len(order) >= 5
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        everything = _ids(pilot)
        for number, name in enumerate(order[:9], 1):
            await pilot.press(str(number))
            assert _topics(pilot) == {name}, number
        await pilot.press("0")
        assert _ids(pilot) == everything


async def test_space_picks_several_topics(demo_home: Path) -> None:
    order = _json_topics(demo_home)
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("shift+tab")
        assert isinstance(pilot.app.focused, TopicList)
        await pilot.press("j", "space", "j", "j", "space")
        assert _topics(pilot) == {order[0], order[2]}
        assert "✓" in _screen_text(pilot)
        await pilot.press("k", "space")  # picking a third topic from the keyboard
        assert _topics(pilot) == {order[0], order[1], order[2]}
        await pilot.press("j", "space")  # and dropping one again
        assert _topics(pilot) == {order[0], order[1]}
        await pilot.press("0")
        assert len(_topics(pilot)) == len(order)
        assert "✓" not in _screen_text(pilot)


async def test_search_filters_as_you_type_and_escape_clears(demo_home: Path) -> None:
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        everything = _ids(pilot)
        await pilot.press("slash")
        assert isinstance(pilot.app.focused, SearchBar)
        counts = []
        for key in "earthq":
            await pilot.press(key)
            counts.append(len(_ids(pilot)))
        assert 1 <= counts[-1] < len(everything)
        assert counts == sorted(counts, reverse=True)
        titles = [shown.story.title.lower() for shown in _list(pilot).stories]
        assert any("earthquake" in title for title in titles)
        await pilot.press("enter")  # keep the search, back to the stories
        assert isinstance(pilot.app.focused, StoryList)
        assert len(_ids(pilot)) == counts[-1]
        # / again edits the same search: words from summaries count too, not only titles.
        await pilot.press("slash", *["backspace"] * 6, *"kilometres offshore")
        assert _ids(pilot) and all(
            "kilometres offshore" not in shown.story.title for shown in _list(pilot).stories
        )
        await pilot.press("escape")
        assert _ids(pilot) == everything
        assert not pilot.app.screen.query_one(SearchBar).display
        await pilot.press("slash", *"no such words anywhere")
        assert _ids(pilot) == []
        assert "No stories match" in _screen_text(pilot)
        await pilot.press("enter", "escape")  # escape in the story list clears it as well
        assert _ids(pilot) == everything


async def test_o_opens_only_http_links_in_the_browser(
    demo_home: Path, browser_opened: list[str]
) -> None:
    opened = browser_opened
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        view = pilot.app.screen.query_one(StoryView)
        await pilot.press("o")  # from the story list: the first source of the story
        await _settle(pilot)
        assert view.highlighted_source is not None
        assert opened == [view.highlighted_source.url]
        # The story reported by three outlets: move to its third source and open that.
        for _ in range(len(_ids(pilot))):
            if view.story is not None and len(view.story.sources) >= 3:
                break
            await pilot.press("j")
        assert view.story is not None and len(view.story.sources) >= 3
        await pilot.press("enter")
        for _ in range(40):
            if view.highlighted_source is view.story.sources[2]:
                break
            await pilot.press("j")
        await pilot.press("o")
        await _settle(pilot)
        assert opened[-1] == view.story.sources[2].url
    assert all(url.startswith(("http://", "https://")) for url in opened)


async def test_y_copies_the_highlighted_link(demo_home: Path) -> None:
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        view = pilot.app.screen.query_one(StoryView)
        await pilot.press("enter", "y")
        assert view.highlighted_source is not None
        assert pilot.app.clipboard == view.highlighted_source.url
        assert _notices(pilot)[-1] == f"Copied {view.highlighted_source.url}"


async def test_marks_toggle_filter_and_persist_across_runs(demo_home: Path) -> None:
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        everything = _ids(pilot)
        first, second, third = everything[:3]
        await pilot.press("enter")  # opening a story marks it read
        assert "ago · read" in pilot.app.screen.query_one(StoryView).text
        await pilot.press("escape", "j", "m")  # m marks the second read...
        await pilot.press("j", "m", "m")  # ...and toggles the third back to unread
        await pilot.press("j", "s")  # star the fourth
        await pilot.press("u")
        assert first not in _ids(pilot) and second not in _ids(pilot)
        assert third in _ids(pilot)
        await pilot.press("u", "asterisk")
        assert _ids(pilot) == [everything[3]]
        await pilot.press("asterisk")
        assert _ids(pilot) == everything
    # A new app on the same store sees the same marks.
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        lines = [_list(pilot).entry_text(n) for n in range(len(everything))]
        assert not lines[0].startswith("●") and not lines[1].startswith("●")
        assert lines[2].startswith("●") and "★" in lines[3]
        await pilot.press("asterisk")
        assert _ids(pilot) == [everything[3]]
        await pilot.press("s", "asterisk", "u")  # unstar; unread only
        assert first not in _ids(pilot) and everything[3] in _ids(pilot)
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("asterisk")
        assert _ids(pilot) == []


async def test_h_lists_stored_digests_and_opens_an_older_one(demo_home: Path) -> None:
    # A second, newer digest with a story fewer, so the older one is told apart.
    session = demo_session(demo_home)
    latest = session.latest()
    assert latest is not None
    older_ids = [s.id for t in latest.digest.topics for s in t.stories]
    trimmed = latest.digest.topics[0].stories.pop()
    from digest.store import open_store

    with open_store(session.paths.store_file) as store:
        store.save_digest(latest.digest, window="36h", state=store.content_state(), keep=50)
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert trimmed.id not in _ids(pilot)
        await pilot.press("h")
        assert isinstance(pilot.app.screen, HistoryModal)
        assert "Stored digests" in _screen_text(pilot)
        await pilot.press("j", "enter")
        await pilot.pause()
        assert not isinstance(pilot.app.screen, HistoryModal)
        assert _ids(pilot) == older_ids
        assert "Older demo digest of" in _screen_text(pilot)
        await pilot.press("h", "escape")
        assert _ids(pilot) == older_ids


async def test_e_exports_the_current_view_to_markdown(demo_home: Path) -> None:
    order = _json_topics(demo_home)
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("2", "e")
        exports = list((demo_session(demo_home).paths.data_dir / "exports").glob("*.md"))
        assert len(exports) == 1
        text = exports[0].read_text(encoding="utf-8")
        assert f"## {order[1]}" in text and f"## {order[0]}" not in text
        shown = _list(pilot).stories
        assert shown and all(s.story.title in text for s in shown)
        assert "machine-selected" in text
        count = f"{len(shown)} stories" if len(shown) > 1 else "1 story"
        assert _notices(pilot)[-1].startswith(f"Exported {count} to {exports[0]} (the demo")


async def test_question_mark_shows_every_key(demo_home: Path) -> None:
    async with _app(demo_home).run_test(size=(100, 60)) as pilot:
        await _settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        text = _screen_text(pilot)
        for _section, keys in HELP:
            for key in keys:
                assert key.keys in text
        for command in COMMANDS:
            assert command.key in text
        await pilot.press("escape")
        assert not isinstance(pilot.app.screen, HelpScreen)


async def test_every_key_is_bound_where_the_focus_is(demo_home: Path) -> None:
    everywhere = ["0", *"123456789", "slash", "u", "asterisk", "m", "s", "o", "y", "r", "f"]
    everywhere += ["h", "e", "question_mark", "q", "ctrl+p", "tab", "shift+tab", "escape", "space"]
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        for pane in (StoryList, StoryView, TopicList):
            pilot.app.screen.query_one(pane).focus()
            await pilot.pause()
            bound = set(pilot.app.screen.active_bindings)
            missing = [key for key in [*everywhere, "j", "k", "down", "up"] if key not in bound]
            assert not missing, (pane, missing)


async def test_ctrl_p_offers_the_same_actions(demo_home: Path) -> None:
    order = _json_topics(demo_home)
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("ctrl+p", *"unread only")
        await pilot.pause(0.3)
        assert "Unread only" in _screen_text(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert "unread" in str(_list(pilot).border_title)
        await pilot.press("ctrl+p", *f"topic {order[2]}")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert _topics(pilot) == {order[2]}


async def test_theme_is_remembered(demo_home: Path) -> None:
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert pilot.app.theme != "nord"
        await pilot.press("ctrl+p", *"theme")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause(0.3)
        await pilot.press(*"nord")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert pilot.app.theme == "nord"
    async with _app(demo_home).run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        assert pilot.app.theme == "nord"


async def test_r_offline_says_so_and_q_quits(demo_home: Path) -> None:
    app = _app(demo_home)
    async with app.run_test(size=(120, 40)) as pilot:
        await _settle(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert _notices(pilot)[-1].startswith("Offline")
        assert not app.workers
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0
