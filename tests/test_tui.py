"""The reader driven as a user drives it: keys, focus, what reaches the screen, hostile text."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Static
from tui_digests import (
    DISCLAIMER,
    HOSTILE,
    NOW,
    SOURCE_DISCLAIMER,
    SUBTITLE,
    make_digest,
    make_hostile_digest,
)

from digest.models import Digest
from digest.tui.app import DigestApp
from digest.tui.formatting import age, clock, outlets
from digest.tui.messages import DigestBuilt
from digest.tui.safe import clean_block, clean_line
from digest.tui.widgets import (
    DEFAULT_EMPTY_MESSAGE,
    EmptyState,
    ReaderHeader,
    SourceItem,
    StoryList,
    StoryView,
    TopicList,
)

EMPTY_MESSAGE = "No feeds yet. Add one with `digest add URL`, or try `digest --demo`."


def _app(digest: Digest | None = None, *, offline: bool = False, now: datetime = NOW) -> DigestApp:
    """The reader on `digest` (the ordinary test digest by default), clock pinned."""
    return DigestApp(digest or make_digest(), subtitle=SUBTITLE, offline=offline, now=now)


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
    story_list = pilot.app.screen.query_one(StoryList)
    return [str(option.prompt).split("\n")[0] for option in story_list.options]


def _viewed_title(pilot: Pilot[None]) -> str:
    return str(pilot.app.screen.query_one("#story_title", Static).content)


async def test_first_story_summary_sources_and_disclaimers_are_shown() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = pilot.app.screen.query_one(StoryView)
        assert _viewed_title(pilot) == "Coastal nations sign fishing treaty"
        summary = _shown(view.query_one("#story_summary"))
        assert "First point of Coastal nations sign fishing treaty from Harbor Gazette. [1]" in (
            summary
        )
        assert "from Northwind Wire. [3]" in summary
        assert " ".join(DISCLAIMER.split()) in _shown(view.query_one("#digest_disclaimer"))
        items = view.query(SourceItem)
        assert len(items) == 3
        first = _shown(items[0])
        assert first.startswith("[1] Harbor Gazette — Coastal nations sign fishing treaty")
        assert "16:00 · https://harborgazette.example/w1" in first
        assert SOURCE_DISCLAIMER in _shown(items[2])
        assert SOURCE_DISCLAIMER not in _shown(items[0])
        screen = "\n".join(_screen_lines(pilot))
        assert "World · 3 outlets · 2h" in screen
        assert "All              7" in screen
        assert SUBTITLE in screen


async def test_number_keys_show_one_topic_and_zero_shows_all() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
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


async def test_j_k_and_arrows_move_the_highlight_and_the_story_view_follows() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
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
        assert "Technology · 2 outlets · 3h ago" in _shown(
            pilot.app.screen.query_one("#story_meta")
        )
        await pilot.press("k", "up")
        await pilot.pause()
        assert story_list.highlighted == 1
        assert _viewed_title(pilot) == "Flooding closes mountain pass"


async def test_j_k_move_through_topics_when_the_topic_list_has_focus() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
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


async def test_enter_opens_the_story_view_and_escape_goes_back() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
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


async def test_tab_and_shift_tab_switch_panes() -> None:
    async with _app().run_test(size=(120, 40)) as pilot:
        screen = pilot.app.screen
        assert _focused(pilot) is screen.query_one(StoryList)
        await pilot.press("tab")
        assert _focused(pilot) is screen.query_one(StoryView)
        await pilot.press("tab")
        assert _focused(pilot) is screen.query_one(TopicList)
        await pilot.press("shift+tab")
        assert _focused(pilot) is screen.query_one(StoryView)


async def test_story_view_scrolls_with_j_and_k_when_it_has_focus() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
        await pilot.press("enter")
        view = pilot.app.screen.query_one(StoryView)
        assert view.max_scroll_y > 0
        await pilot.press("j", "j")
        await pilot.pause(0.5)
        assert view.scroll_y == 2
        await pilot.press("k")
        await pilot.pause(0.5)
        assert view.scroll_y == 1


async def test_q_quits() -> None:
    app = _app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running
    assert app.return_code == 0


async def test_hostile_text_is_shown_literally_in_every_widget() -> None:
    app = DigestApp(make_hostile_digest(), subtitle=" ".join(HOSTILE), now=NOW)
    async with app.run_test(size=(160, 60)) as pilot:
        await pilot.pause()
        screen = pilot.app.screen
        header = _shown(screen.query_one(ReaderHeader))
        topics = _shown(screen.query_one(TopicList))
        stories = _shown(screen.query_one(StoryList))
        for text in HOSTILE:
            assert text in header
            # Names are cut to 14 cells to keep the counts aligned.
            assert (text if len(text) <= 14 else text[:13] + "…") in topics
            assert text in stories
        for number in range(len(HOSTILE)):
            await pilot.press(str(number + 1))  # each topic holds one hostile story
            await pilot.pause()
            view = screen.query_one(StoryView)
            assert _viewed_title(pilot) == HOSTILE[number]
            assert HOSTILE[number] in _shown(view.query_one("#story_title"))
            summary = _shown(view.query_one("#story_summary"))
            disclaimer = _shown(view.query_one("#digest_disclaimer"))
            for n, text in enumerate(HOSTILE):
                assert f"{text} [{n + 1}]" in summary
                assert text in disclaimer
            for item, text in zip(view.query(SourceItem), HOSTILE, strict=True):
                shown = _shown(item)
                assert f"{text} — {text}" in shown
                assert f"https://example.com/{text}" in shown
                assert shown.endswith(text)  # the source's own disclaimer
        assert pilot.app.is_running


async def test_clicking_hostile_text_does_nothing() -> None:
    app = DigestApp(make_hostile_digest(), subtitle=" ".join(HOSTILE), now=NOW)
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


async def test_control_characters_and_escape_sequences_never_reach_the_screen() -> None:
    digest = make_digest()
    story = digest.topics[0].stories[0]
    evil = "\x1b]0;pwned\x07Treaty \x1b[31msigned\x1b[0m\u202e today\x00\x9b2J"
    digest.topics[0].stories[0] = type(story)(
        story.id, evil, story.published, story.summary, story.sources
    )
    async with _app(digest).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert _viewed_title(pilot) == "Treaty signed today"
        screen = "\n".join(_screen_lines(pilot))
        assert "Treaty signed today" in screen
        for bad in ("\x1b", "\x07", "\x00", "\x9b", "\u202e", "pwned", "[31m"):
            assert bad not in screen


@pytest.mark.parametrize("digest", [None, Digest(NOW, NOW, NOW, DISCLAIMER, [])])
async def test_empty_state_shows_the_message(digest: Digest | None) -> None:
    app = DigestApp(digest, subtitle=SUBTITLE, empty_message=EMPTY_MESSAGE, now=NOW)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        message = pilot.app.screen.query_one("#empty_message")
        assert message.region.width > 0
        assert EMPTY_MESSAGE in _shown(message)
        assert not pilot.app.screen.query_one("#panes").display
        await pilot.press("1", "0", "j", "enter", "escape", "tab")
        assert app.is_running


async def test_empty_state_has_default_advice() -> None:
    async with DigestApp(None, now=NOW).run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        shown = _shown(pilot.app.screen.query_one(EmptyState))
        assert "digest add URL" in shown
        assert "digest --demo" in shown
        assert shown.count("digest") >= 3
        assert DEFAULT_EMPTY_MESSAGE.splitlines()[0] in shown


async def test_a_built_digest_replaces_the_empty_state() -> None:
    app = DigestApp(None, now=NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        app.post_message(DigestBuilt(make_digest(), subtitle=SUBTITLE, offline=True))
        await pilot.pause()
        assert pilot.app.screen.query_one("#panes").display
        assert _viewed_title(pilot) == "Coastal nations sign fishing treaty"
        assert _focused(pilot) is pilot.app.screen.query_one(StoryList)
        assert "offline" in _shown(pilot.app.screen.query_one(ReaderHeader))


@pytest.mark.parametrize("offline", [True, False])
async def test_offline_badge(offline: bool) -> None:
    async with _app(offline=offline).run_test(size=(80, 24)) as pilot:
        header = _shown(pilot.app.screen.query_one(ReaderHeader))
        assert header.startswith("digest Digest of 28 Nov 2026")
        assert ("offline" in header) is offline


async def test_everything_fits_at_80x24() -> None:
    async with _app().run_test(size=(80, 24)) as pilot:
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
        for key in ("Open", "Pane", "Topic", "All", "Back", "Quit"):
            assert key in lines[-1]
        await pilot.press("enter")
        await pilot.pause()
        # Reading at 80 columns: the topics step aside and the story view gets the width.
        assert not screen.query_one(TopicList).display
        assert screen.query_one(StoryView).region.width == 80
        await pilot.press("escape")
        await pilot.pause()
        assert screen.query_one(TopicList).display


async def test_ages_and_times_follow_the_pinned_clock() -> None:
    later = NOW + timedelta(days=2)
    async with _app(now=later).run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert "World · 3 outlets · 2d" in "\n".join(_screen_lines(pilot))
        assert " · 28 Nov 16:00 · " in _shown(pilot.app.screen.query(SourceItem)[0])


def test_clean_line_and_clean_block() -> None:
    assert clean_line("a\x1b[1;31mb\x1b]8;;http://x\x1b\\c\x07d\u2066e\r\n f") == "abcde f"
    assert clean_line(None) == ""
    assert clean_block("one\r\n\n\n\ntwo\x85\tthree") == "one\n\ntwo three"
    assert clean_line(HOSTILE[0]) == HOSTILE[0]  # markup is not the cleaner's business


def test_formatting() -> None:
    assert age(NOW + timedelta(minutes=3), NOW) == "now"
    assert age(NOW - timedelta(minutes=5), NOW) == "5m"
    assert age(NOW - timedelta(hours=47), NOW) == "47h"
    assert age(NOW - timedelta(days=3), NOW) == "3d"
    assert age(NOW - timedelta(days=30), NOW) == "4w"
    assert clock(NOW - timedelta(hours=2), NOW) == "16:00"
    assert clock(NOW - timedelta(days=400), NOW) == "24 Oct 2025 18:00"
    assert outlets(1) == "1 outlet" and outlets(3) == "3 outlets"
