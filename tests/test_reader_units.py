"""The reader's plain-Python parts: cleaning, formatting, filtering, marks, the header line."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta

from tui_digests import HOSTILE, NOW, make_digest

from digest.digests import Shown
from digest.models import Source, Story
from digest.store import SnapshotInfo
from digest.tui.formatting import age, clock, describe_digest, outlets
from digest.tui.keys import COMMANDS, HELP
from digest.tui.safe import clean_block, clean_line
from digest.tui.selection import Filters, Marks, StoryIndex, story_article_ids


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


def _with_ids(story: Story, first_id: int) -> Story:
    sources = [
        Source(s.title, s.feed, s.url, s.published, s.disclaimer, article_id=first_id + n)
        for n, s in enumerate(story.sources)
    ]
    return Story(story.id, story.title, story.published, story.summary, sources)


def test_search_matches_every_word_in_titles_summaries_and_source_titles() -> None:
    index = StoryIndex(make_digest())
    titles = lambda q: [s.story.title for s in index.select(Filters(query=q), Marks())]  # noqa: E731
    assert titles("ferry") == ["Ferry strike ends after talks"]
    assert titles("FERRY Talks") == ["Ferry strike ends after talks"]
    assert titles("second point glacier") == ["Glacier survey finds faster melt"]  # summary
    assert titles("as daily meridian tells it ferry") == ["Ferry strike ends after talks"]
    assert titles("ferry glacier") == []
    assert len(titles("   ")) == 7


def test_topic_unread_and_starred_filters_combine() -> None:
    digest = make_digest()
    digest.topics[0].stories[:] = [
        _with_ids(s, 10 * n) for n, s in enumerate(digest.topics[0].stories)
    ]
    index = StoryIndex(digest)
    world = digest.topics[0].stories
    marks = Marks({i: (False, False) for i in index.article_ids()})
    marks.set(story_article_ids(world[0]), read=True)
    marks.set(story_article_ids(world[1])[:1], starred=True)
    picked = lambda f: [s.story.id for s in index.select(f, marks)]  # noqa: E731
    assert picked(Filters(topics=frozenset({"World"}))) == ["w1", "w2", "w3"]
    assert picked(Filters(topics=frozenset({"World"}), unread_only=True)) == ["w2", "w3"]
    assert picked(Filters(starred_only=True)) == ["w2"]
    assert picked(Filters(topics=frozenset({"World", "Science"}), query="probe")) == ["s1"]
    # A story is read only when all its articles are; stories without stored articles never are.
    marks.set(story_article_ids(world[2])[:1], read=True)
    assert not marks.is_read(world[2])
    assert not marks.is_read(digest.topics[1].stories[0])
    assert marks.known_ids(digest.topics[1].stories[0]) == []


def test_the_current_view_as_a_digest_keeps_the_digest_order() -> None:
    index = StoryIndex(make_digest())
    chosen = [index.stories[5], index.stories[0], index.stories[3]]
    view = index.as_digest(chosen)
    assert [t.name for t in view.topics] == ["World", "Technology", "Science"]
    assert view.story_count == 3 and view.disclaimer == index.digest.disclaimer


def test_filters_describe_themselves_in_plain_text() -> None:
    assert Filters().describe() == ""
    text = Filters(query=" a [/ \x1b[31m ", unread_only=True, starred_only=True).describe()
    assert text == "“a [/” · unread · starred"
    assert "\x1b" not in text


def test_header_line_says_which_digest_and_how_old() -> None:
    digest = make_digest()
    info = SnapshotInfo(1, NOW - timedelta(hours=3), digest.since, digest.until, "36h", "", 7)
    shown = Shown(digest, info, stored=True)
    assert describe_digest(shown, NOW) == "Digest of 28 Nov 2026 18:00 · last 36 h · built 3 h ago"
    assert describe_digest(shown, NOW, newest=False).startswith("Older digest of")
    assert describe_digest(shown, NOW, demo=True).startswith("Demo digest of")


def test_long_windows_are_described_in_days_or_by_their_start() -> None:
    digest = make_digest()
    week = replace(digest, since=digest.until - timedelta(days=7))
    assert " · last 7 days · " in describe_digest(Shown(week, None, stored=False), NOW)
    ever = replace(digest, since=datetime(2000, 1, 1, tzinfo=UTC))
    assert " · since 01 Jan 2000 · " in describe_digest(Shown(ever, None, stored=False), NOW)


def test_help_and_palette_cover_the_same_keys() -> None:
    keys = {part for _section, lines in HELP for line in lines for part in line.keys.split()}
    for command in COMMANDS:
        assert command.key in keys, command
    for key in ("j", "k", "tab", "enter", "escape", "1-9", "0", "space", "/", "o", "y", "m"):
        assert key in keys, key
    for key in ("s", "u", "*", "r", "h", "e", "f", "?", "q", "ctrl+p"):
        assert key in keys, key
    assert all(HOSTILE[0] not in c.title for c in COMMANDS)
