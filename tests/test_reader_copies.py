"""Syndicated copies in the reader's story view: listed once, "also in" beside the first source,
the summary's numbers pointing at the sources as listed, `o` and `j` acting on what is listed."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from textual.pilot import Pilot
from tui_digests import (
    HOSTILE,
    NOW,
    build_demo_home,
    copy_demo_home,
    demo_session,
    make_session,
    make_syndicated_digest,
)

from digest.models import Digest, Source, Story, SummarySentence, Topic
from digest.tui.app import DigestApp
from digest.tui.widgets import StoryList, StoryView


@pytest.fixture(scope="module")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_home(tmp_path_factory.mktemp("demo-template"))


def _view(pilot: Pilot[None]) -> StoryView:
    return pilot.app.screen.query_one(StoryView)


def _folded(pilot: Pilot[None]) -> str:
    """The story view's text with its wrapped lines joined and spaces folded."""
    return " ".join(_view(pilot).text.split())


def _sources_part(pilot: Pilot[None]) -> list[str]:
    """The view's lines from "Sources" on."""
    lines = _view(pilot).text.split("\n")
    return lines[lines.index("Sources") :]


def _entries(pilot: Pilot[None]) -> list[str]:
    """Each listed source with the lines under it, joined and spaces folded."""
    entries: list[str] = []
    for line in _sources_part(pilot)[1:]:
        if line.startswith("["):
            entries.append(line)
        elif entries:
            entries[-1] += " " + line
    return [" ".join(entry.split()) for entry in entries]


async def test_the_sample_wire_story_is_listed_once_with_also_in(
    demo_template: Path, tmp_path: Path, browser_opened: list[str]
) -> None:
    opened = browser_opened
    session = demo_session(copy_demo_home(demo_template, tmp_path / "demo"))
    shown = session.latest()
    assert shown is not None
    quorra = next(s for t in shown.digest.topics for s in t.stories if "Quorra" in s.title)
    wire, copy = quorra.sources
    app = DigestApp(session, now=NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"quorra", "enter", "enter")
        await pilot.pause()
        assert _view(pilot).story == quorra
        assert pilot.app.focused is _view(pilot)
        text = _folded(pilot)
        # Every sentence is quoted from the wire's text: all [1], and no [2] anywhere.
        assert text.count("[1]") == len(quorra.summary) + 1
        assert "[2]" not in text
        sources = " ".join(" ".join(_sources_part(pilot)).split())
        assert sources.startswith(f"Sources [1] {wire.feed} — {wire.title}")
        assert f"also in: {copy.feed}" in sources
        assert copy.title not in sources
        # One source listed: j stays on it, o opens the wire's own link.
        await pilot.press("end", "j", "o")
        await app.workers.wait_for_complete()
        assert _view(pilot).highlighted_source == wire
        assert opened == [wire.url]


async def test_copies_by_headline_fold_renumber_and_keep_their_notices(tmp_path: Path) -> None:
    digest = make_syndicated_digest()
    wire, own, copy, noted = digest.topics[0].stories[0].sources
    app = DigestApp(make_session(tmp_path / "home", digest), now=NOW)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        text = _folded(pilot)
        assert (
            "2 million. [1] Harbour pilots saw the slick at dawn. [2] "
            "The line said it would appeal the fine. [1]"
        ) in text
        first, second = _entries(pilot)
        assert first.startswith(f"[1] {wire.feed} — {wire.title} · ")
        assert first.endswith(
            f"{wire.url} also in: {copy.feed}, {noted.feed} {noted.feed}: {noted.disclaimer}"
        )
        assert second.startswith(f"[2] {own.feed} — {own.title} · ")
        assert copy.url not in first + second
        # The outlets are counted, not the sources listed.
        assert "Business · 4 outlets" in text
        view = _view(pilot)
        assert view.highlighted_source == wire
        await pilot.press("end", "j")
        assert view.highlighted_source == own
        await pilot.press("j")  # the last one listed: no further
        assert view.highlighted_source == own
        await pilot.press("k")
        assert view.highlighted_source == wire


async def test_hostile_outlet_names_in_also_in_are_drawn_literally(tmp_path: Path) -> None:
    when = NOW - timedelta(hours=1)
    sources = [Source("Wire story", "Wire", "https://w.example/0", when, None)] + [
        Source("Wire story", text, f"https://e.example/{n}", when, text)
        for n, text in enumerate(HOSTILE, 1)
    ]
    story = Story("s", "Wire story", when, [SummarySentence("Quoted from the wire.", 0)], sources)
    digest = Digest(NOW, NOW - timedelta(hours=36), NOW, "d", [Topic("World", [story])])
    app = DigestApp(make_session(tmp_path / "home", digest), now=NOW)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        (entry,) = _entries(pilot)
        assert f"also in: {', '.join(HOSTILE)}" in entry
        for text in HOSTILE:
            assert f"{text}: {text}" in entry
        assert app.is_running
        assert pilot.app.screen.query_one(StoryList).highlighted_story is not None


async def test_sources_summarized_from_their_pages_say_full_text(tmp_path: Path) -> None:
    digest = make_syndicated_digest()
    story = digest.topics[0].stories[0]
    wire, own, *rest = story.sources
    paged = Story(
        story.id,
        story.title,
        story.published,
        story.summary,
        [replace(own, full_text=True), wire, *rest][:2] + rest,
    )
    marked = Digest(
        digest.generated_at,
        digest.since,
        digest.until,
        digest.disclaimer,
        [Topic(digest.topics[0].name, [paged])],
    )
    app = DigestApp(make_session(tmp_path / "home", marked), now=NOW)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        entries = _entries(pilot)
        assert "full text" in entries[0] and own.feed in entries[0]
        assert all("full text" not in entry for entry in entries[1:])
    # Kept in the stored snapshot, left out of the JSON contract.
    assert marked.to_json(internal=True)["topics"][0]["stories"][0]["sources"][0]["full_text"]
    assert "full_text" not in marked.to_json()["topics"][0]["stories"][0]["sources"][0]
    assert Digest.from_json(marked.to_json(internal=True)) == marked
