"""The reader driven as a user drives it: keys, focus, what reaches the screen, hostile text."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from tui_digests import (
    DISCLAIMER,
    HOSTILE,
    NOW,
    SOURCE_DISCLAIMER,
    SUBTITLE,
    make_digest,
    make_hostile_digest,
    make_session,
)

from digest.models import Digest
from digest.tui.app import NO_FEEDS_MESSAGE, DigestApp
from digest.tui.widgets import (
    ReaderHeader,
    StoryList,
    StoryView,
    TopicList,
)


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """Where each test's store lives."""
    return tmp_path / "reader"


def _app(
    home: Path, digest: Digest | None = None, *, offline: bool = False, now: datetime = NOW
) -> DigestApp:
    """The reader on a store holding `digest` (by default the ordinary one), clock pinned."""
    return DigestApp(make_session(home, digest or make_digest(), offline=offline), now=now)


def _screen_lines(pilot: Pilot[None]) -> list[str]:
    return [strip.text for strip in pilot.app.screen._compositor.render_strips()]


def _shown(widget: Widget) -> str:
    """The text on screen inside the widget's borders, its wrapped lines joined, spaces folded."""
    region = widget.content_region
    strips = widget.app.screen._compositor.render_strips()[region.y : region.bottom]
    return " ".join(" ".join(s.crop(region.x, region.right).text for s in strips).split())


def _focused(pilot: Pilot[None]) -> Widget | None:
    return pilot.app.focused


def _story_titles(pilot: Pilot[None]) -> list[str]:
    """Headlines listed, without the unread and star marks before them."""
    story_list = pilot.app.screen.query_one(StoryList)
    return [
        story_list.entry_text(n).split("\n")[0][2:].removeprefix("★ ")
        for n in range(len(story_list.stories))
    ]


def _view_lines(pilot: Pilot[None]) -> list[str]:
    """The story view's lines as drawn at its width (scrolled into view or not)."""
    return pilot.app.screen.query_one(StoryView).text.split("\n")


def _viewed_title(pilot: Pilot[None]) -> str:
    return _view_lines(pilot)[0]


def _view_part(pilot: Pilot[None], start: str, end: str | None = None) -> str:
    """The view's text from the line starting with `start` up to the one starting with `end`,
    its wrapped lines joined and spaces folded."""
    lines = _view_lines(pilot)
    first = next(n for n, line in enumerate(lines) if line.startswith(start))
    last = len(lines)
    if end is not None:
        last = next(n for n, line in enumerate(lines) if n > first and line.startswith(end))
    return " ".join(" ".join(lines[first:last]).split())


async def test_first_story_summary_sources_and_disclaimers_are_shown(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = pilot.app.screen.query_one(StoryView)
        assert _viewed_title(pilot) == "Coastal nations sign fishing treaty"
        summary = _view_part(pilot, "First point", "▌")
        assert summary.startswith(
            "First point of Coastal nations sign fishing treaty from Harbor Gazette. [1] Second"
        )
        assert summary.endswith("from Northwind Wire. [3]")
        disclaimer = _view_part(pilot, "▌", "Sources")
        assert disclaimer.replace("▌ ", "") == " ".join(DISCLAIMER.split())
        first = _view_part(pilot, "[1]", "[2]")
        assert first.startswith("[1] Harbor Gazette — Coastal nations sign fishing treaty")
        assert "16:00 · https://harborgazette.example/w1" in first
        assert SOURCE_DISCLAIMER not in first
        assert _view_part(pilot, "[3]").endswith(SOURCE_DISCLAIMER)
        screen = "\n".join(_screen_lines(pilot))
        # All of it is on screen at 120x40, in the view's region.
        shown = _shown(view)
        for part in (summary, disclaimer, first, SOURCE_DISCLAIMER):
            assert part in shown
        assert "World · 3 outlets · 2h" in screen
        assert "All              7" in screen
        assert SUBTITLE in screen


async def test_number_keys_show_one_topic_and_zero_shows_all(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        everything = _story_titles(pilot)
        assert len(everything) == 7
        await pilot.press("2")
        await pilot.pause()
        assert _story_titles(pilot) == [
            "Chipmaker unveils low-power processor",
            "Office suite reaches version 10",
        ]
        screen = "\n".join(_screen_lines(pilot))
        assert "Chipmaker unveils low-power" in screen
        assert "Coastal nations" not in screen
        assert _viewed_title(pilot) == "Chipmaker unveils low-power processor"
        await pilot.press("3")
        await pilot.pause()
        assert _story_titles(pilot)[0] == "Probe returns asteroid samples"
        await pilot.press("9")  # only three topics: nothing changes
        await pilot.pause()
        assert _story_titles(pilot)[0] == "Probe returns asteroid samples"
        await pilot.press("0")
        await pilot.pause()
        assert _story_titles(pilot) == everything
        assert "Coastal nations sign fishing" in "\n".join(_screen_lines(pilot))
        # The story the user was on stays highlighted.
        assert _viewed_title(pilot) == "Probe returns asteroid samples"


async def test_j_k_and_arrows_move_the_highlight_and_the_story_view_follows(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        story_list = pilot.app.screen.query_one(StoryList)
        assert _focused(pilot) is story_list
        await pilot.press("j")
        await pilot.pause()
        assert story_list.highlighted == 1
        assert _viewed_title(pilot) == "Flooding closes mountain pass"
        await pilot.press("down", "j")
        await pilot.pause()
        assert story_list.highlighted == 3
        assert _viewed_title(pilot) == "Chipmaker unveils low-power processor"
        assert _view_lines(pilot)[1].startswith("Technology · 2 outlets · 3h ago")
        await pilot.press("k", "up")
        await pilot.pause()
        assert story_list.highlighted == 1
        assert _viewed_title(pilot) == "Flooding closes mountain pass"


async def test_j_k_move_through_topics_when_the_topic_list_has_focus(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        await pilot.press("shift+tab")
        topics = pilot.app.screen.query_one(TopicList)
        assert _focused(pilot) is topics
        await pilot.press("j")
        await pilot.pause()
        assert _story_titles(pilot)[0] == "Coastal nations sign fishing treaty"
        assert len(_story_titles(pilot)) == 3
        await pilot.press("j")
        await pilot.pause()
        assert _story_titles(pilot)[0] == "Chipmaker unveils low-power processor"
        await pilot.press("enter")
        await pilot.pause()
        assert _focused(pilot) is pilot.app.screen.query_one(StoryList)


async def test_enter_opens_the_story_view_and_escape_goes_back(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        await pilot.press("j", "enter")
        await pilot.pause()
        view = pilot.app.screen.query_one(StoryView)
        assert _focused(pilot) is view
        assert pilot.app.screen.has_class("-reading")
        assert _viewed_title(pilot) == "Flooding closes mountain pass"
        await pilot.press("escape")
        assert _focused(pilot) is pilot.app.screen.query_one(StoryList)
        assert not pilot.app.screen.has_class("-reading")
        await pilot.press("escape")
        assert _focused(pilot) is pilot.app.screen.query_one(TopicList)
        assert pilot.app.is_running


async def test_tab_and_shift_tab_switch_panes(home: Path) -> None:
    async with _app(home).run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert _focused(pilot) is screen.query_one(StoryList)
        await pilot.press("tab")
        assert _focused(pilot) is screen.query_one(StoryView)
        await pilot.press("tab")
        assert _focused(pilot) is screen.query_one(TopicList)
        await pilot.press("shift+tab")
        assert _focused(pilot) is screen.query_one(StoryView)


async def test_story_view_scrolls_then_moves_the_source_cursor(home: Path) -> None:
    async with _app(home).run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        await pilot.pause()
        view = pilot.app.screen.query_one(StoryView)
        assert view.story is not None
        sources = view.story.sources
        assert view.max_scroll_y > 0
        assert view.highlighted_source == sources[0]
        # j scrolls through the summary until the first source is in view...
        for _ in range(view.max_scroll_y + 3):
            if view.highlighted_source != sources[0]:
                break
            await pilot.press("j")
        assert view.scroll_y > 0
        assert "[1] Harbor Gazette" in _shown(view)
        # ...and then moves the cursor to the next source.
        assert view.highlighted_source == sources[1]
        await pilot.press("j", "j", "j")
        assert view.highlighted_source == sources[2]
        await pilot.press("k", "k")
        assert view.highlighted_source == sources[0]
        for _ in range(view.max_scroll_y + 1):
            await pilot.press("k")
        assert view.scroll_y == 0
        # A click on a source highlights it.
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        line = next(n for n, text in enumerate(_view_lines(pilot)) if text.startswith("[3] North"))
        await pilot.click(view, offset=(3, 1 + line - round(view.scroll_y)))
        assert view.highlighted_source == sources[2]


async def test_q_quits(home: Path) -> None:
    app = _app(home)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_hostile_text_is_shown_literally_in_every_widget(home: Path) -> None:
    app = _app(home, make_hostile_digest())
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        assert _shown(screen.query_one(ReaderHeader)).startswith("digest Digest of 28 Nov")
        topics = _shown(screen.query_one(TopicList))
        stories = _shown(screen.query_one(StoryList))
        for text in HOSTILE:
            # Names are cut to 14 cells to keep the counts aligned.
            assert (text if len(text) <= 14 else text[:13] + "…") in topics
            assert text in stories
        for number in range(len(HOSTILE)):
            await pilot.press(str(number + 1))  # each topic holds one hostile story
            await pilot.pause()
            view = screen.query_one(StoryView)
            assert _viewed_title(pilot) == HOSTILE[number]
            assert _view_lines(pilot)[1].startswith(HOSTILE[number])
            on_screen = _shown(view)
            summary = _view_part(pilot, HOSTILE[0], "▌")
            disclaimer = _view_part(pilot, "▌", "Sources")
            for n, text in enumerate(HOSTILE):
                assert f"{text} [{n + 1}]" in summary
                assert text in disclaimer
                source = _view_part(pilot, f"[{n + 1}]", f"[{n + 2}]" if n < 4 else None)
                assert f"{text} — {text}" in source
                assert f"https://example.com/{text}" in source
                assert source.endswith(text)  # the source's own disclaimer
                assert source in on_screen
        # The search box and the list's title repeat what the user typed, literally too.
        await pilot.press("0", "slash", *"[/", "enter")
        await pilot.pause()
        assert "“[/”" in _shown(screen.query_one(StoryList).parent)  # type: ignore[arg-type]
        assert pilot.app.is_running


async def test_clicking_hostile_text_does_nothing(home: Path) -> None:
    app = _app(home, make_hostile_digest())
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        # Parsed as markup, "[@click=app.quit]x[/]" would leave a clickable "x": click every x
        # (but those of "example.com").
        targets = [
            (x, y)
            for y, line in enumerate(_screen_lines(pilot))
            for x, char in enumerate(line)
            if char == "x" and line[x - 1 : x] != "e"
        ]
        assert len(targets) >= 10
        for x, y in targets:
            await pilot.click(offset=(x, y))
            assert app.is_running
        await pilot.press("enter", "tab", "j", "escape", "escape", "j", "enter")
        await pilot.pause()
        assert app.is_running
        assert app.return_code is None


async def test_control_characters_and_escape_sequences_never_reach_the_screen(home: Path) -> None:
    digest = make_digest()
    story = digest.topics[0].stories[0]
    evil = "\x1b]0;pwned\x07Treaty \x1b[31msigned\x1b[0m\u202e today\x00\x9b2J"
    digest.topics[0].stories[0] = type(story)(
        story.id, evil, story.published, story.summary, story.sources
    )
    async with _app(home, digest).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _viewed_title(pilot) == "Treaty signed today"
        screen = "\n".join(_screen_lines(pilot))
        assert "Treaty signed today" in screen
        for bad in ("\x1b", "\x07", "\x00", "\x9b", "\u202e", "pwned", "[31m"):
            assert bad not in screen


async def test_no_feeds_tells_how_to_add_some(home: Path) -> None:
    app = DigestApp(make_session(home, feeds=0), now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = pilot.app.screen.query_one("#empty_message")
        assert message.region.width > 0
        shown = _shown(message)
        assert " ".join(NO_FEEDS_MESSAGE.split()) in shown
        for advice in ("digest add URL", "digest import FILE.opml", "digest --demo"):
            assert advice in shown
        assert not pilot.app.screen.query_one("#panes").display
        assert "no feeds yet" in _shown(pilot.app.screen.query_one(ReaderHeader))
        await pilot.press("1", "0", "j", "enter", "escape", "tab", "m", "s", "o", "slash", "r")
        assert app.is_running
        assert not app.workers


async def test_a_digest_without_stories_says_so(home: Path) -> None:
    empty = Digest(NOW, NOW - timedelta(hours=36), NOW, DISCLAIMER, [])
    app = _app(home, empty)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = _shown(pilot.app.screen.query_one("#empty_message"))
        assert "No stories in the last 36 h" in shown
        assert "Press r to fetch" in shown
        await pilot.press("1", "j", "enter", "slash", "x")
        assert app.is_running


@pytest.mark.parametrize("offline", [True, False])
async def test_offline_badge(home: Path, offline: bool) -> None:
    async with _app(home, offline=offline).run_test(size=(80, 24)) as pilot:
        header = _shown(pilot.app.screen.query_one(ReaderHeader))
        assert header.startswith("digest Digest of 28 Nov 2026")
        assert ("offline" in header) is offline


async def test_everything_fits_at_80x24(home: Path) -> None:
    async with _app(home).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        for widget in (TopicList, StoryList, StoryView):
            region = screen.query_one(widget).region
            assert region.width >= 20 and region.height >= 6, widget
            assert region.right <= 80 and region.bottom <= 23, widget
        lines = _screen_lines(pilot)
        assert lines[0].startswith(" digest Digest of 28 Nov 2026 18:00")
        assert "Coastal nations sign fishing treaty" in "\n".join(lines)
        assert "Technology" in "\n".join(lines)
        for key in ("⏎ Open", "m Read", "s Star", "1-9 Topic", "/ Search", "? Help", "q Quit"):
            assert key in lines[-1]
        await pilot.press("enter")
        await pilot.pause()
        for key in ("o Link", "y Copy", "m Read", "esc Back", "? Help", "q Quit"):
            assert key in _screen_lines(pilot)[-1]
        # Reading at 80 columns: the topics step aside and the story view gets the width.
        assert not screen.query_one(TopicList).display
        assert screen.query_one(StoryView).region.width == 80
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one(TopicList).display


async def test_ages_and_times_follow_the_pinned_clock(home: Path) -> None:
    later = NOW + timedelta(days=2)
    async with _app(home, now=later).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "World · 3 outlets · 2d" in "\n".join(_screen_lines(pilot))
        assert " · 28 Nov 16:00 · " in _view_part(pilot, "[1]", "[2]")
