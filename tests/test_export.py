"""Exports of a digest with syndicated copies: listed once with "also in", references renumbered,
every notice kept; the JSON contract untouched. Copies are recognised from the stored texts (the
bundled sample feeds, a real store) and, without texts, from identical headlines."""

from __future__ import annotations

import json
import re
from datetime import timedelta
from pathlib import Path

import pytest
from tui_digests import NOW, WIRE_HEADLINE, build_demo_home, make_digest, make_syndicated_digest

from digest.config import Config
from digest.copies import list_sources, stored_text_keys, text_key
from digest.export import render, render_html, render_markdown, render_text
from digest.models import Digest, Source, Story, SummarySentence, Topic
from digest.paths import resolve_paths
from digest.session import ReaderSession


def _story(digest: Digest, story_id: str) -> Story:
    return next(s for t in digest.topics for s in t.stories if s.id == story_id)


def _text_block(text: str, title: str) -> str:
    """The lines of one story in the text export."""
    start = text.index(f"* {title}")
    end = text.find("\n\n", start)
    return text[start : end if end >= 0 else None]


# Recognising copies


def test_copies_with_the_same_headline_are_folded_into_the_first() -> None:
    story = _story(make_syndicated_digest(), "spill")
    sources = list_sources(story)
    assert [entry.source.feed for entry in sources.listed] == ["Northwind Wire", "Harbor Gazette"]
    wire = sources.listed[0]
    assert [c.feed for c in wire.also_in] == ["Daily Meridian", "Lakeside Times"]
    assert wire.copy_notices == [("Lakeside Times", "© Lakeside Times. Syndicated.")]
    # Each source index maps to the number it is listed under; copies to their first.
    assert sources.numbers == [1, 2, 1, 1]


def test_a_quoted_source_is_never_taken_for_a_copy() -> None:
    story = _story(make_syndicated_digest(), "spill")
    quoted = Story(
        story.id,
        story.title,
        story.published,
        [*story.summary, SummarySentence("The Daily Meridian adds a sentence.", 2)],
        story.sources,
    )
    sources = list_sources(quoted)
    assert [entry.source.feed for entry in sources.listed] == [
        "Northwind Wire",
        "Harbor Gazette",
        "Daily Meridian",
    ]
    assert sources.number(2) == 3


def test_known_texts_decide_over_headlines() -> None:
    base = _story(make_syndicated_digest(), "spill")
    sources = [replace_id(s, n + 1) for n, s in enumerate(base.sources)]
    story = Story(base.id, base.title, base.published, base.summary, sources)
    wire = text_key("The port authority fined the line. It will appeal.")
    own = text_key("Harbour pilots saw the slick at dawn.")
    other = text_key("A different report that happens to share the wire's headline.")
    assert wire and own and other
    # Same headline, different text: kept apart. Different headline, same text: a copy.
    keys = {1: wire, 2: wire, 3: other, 4: own}
    listed = list_sources(story, keys)
    assert [e.source.feed for e in listed.listed] == [
        "Northwind Wire",
        "Daily Meridian",
        "Lakeside Times",
    ]
    assert [c.feed for c in listed.listed[0].also_in] == ["Harbor Gazette"]
    assert listed.numbers == [1, 1, 2, 3]


def replace_id(source: Source, article_id: int) -> Source:
    return Source(
        source.title, source.feed, source.url, source.published, source.disclaimer, article_id
    )


def test_text_keys_fold_whitespace_and_cut_the_sources_own_notice() -> None:
    text = "The port authority fined the line.\n\nIt will appeal."
    assert text_key(text) == text_key("  The port authority fined the line. It will appeal. ")
    notice = "© Lakeside Times. Syndicated."
    assert text_key(f"{text}\n\n{notice}", notice) == text_key(text)
    assert text_key(text) != text_key(text.replace("appeal", "pay"))
    assert text_key("  \n ") is None


def test_one_outlet_carrying_its_own_copy_twice_is_not_also_in_itself() -> None:
    when = NOW - timedelta(hours=1)
    sources = [
        Source("Wire story", "Northwind Wire", "https://n.example/1", when, None),
        Source("Wire story", "Northwind Wire", "https://n.example/2", when, None),
    ]
    story = Story("s", "Wire story", when, [SummarySentence("Quoted.", 0)], sources)
    listed = list_sources(story)
    assert len(listed.listed) == 1
    assert listed.listed[0].also_in == []


def test_a_story_without_copies_is_listed_as_it_is() -> None:
    for topic in make_digest().topics:
        for story in topic.stories:
            listed = list_sources(story)
            assert [e.source for e in listed.listed] == story.sources
            assert listed.numbers == list(range(1, len(story.sources) + 1))


# The renderers


def test_text_export_lists_copies_once_and_keeps_the_numbers_right() -> None:
    text = render_text(make_syndicated_digest())
    block = _text_block(text, WIRE_HEADLINE)
    assert "[1] Northwind Wire" in block
    assert "[2] Harbor Gazette" in block
    assert "[3]" not in block and "[4]" not in block
    assert "also in: Daily Meridian, Lakeside Times" in block
    assert "Source notice (Lakeside Times): © Lakeside Times. Syndicated." in block
    assert "https://dailymeridian.example/spill" not in block
    assert "2 million. [1] Harbour pilots saw the slick at dawn. [2] The line" in block


def test_markdown_export_links_the_outlets_it_is_also_in() -> None:
    markdown = render_markdown(make_syndicated_digest())
    assert "- Harbour pilots saw the slick at dawn. [2]" in markdown
    assert "1. Northwind Wire: [Port authority fines" in markdown
    assert (
        "   - also in: [Daily Meridian](<https://dailymeridian.example/spill>), "
        "[Lakeside Times](<https://lakesidetimes.example/spill>)"
    ) in markdown
    assert "   - Source notice (Lakeside Times): © Lakeside Times. Syndicated." in markdown
    assert not re.search(r"^[34]\. ", markdown, re.MULTILINE)


def test_html_export_lists_copies_once() -> None:
    page = render_html(make_syndicated_digest())
    article = page[page.index('<article id="spill">') : page.index("</article>")]
    assert article.count("<li>Northwind Wire:") == 1
    assert "<li>Daily Meridian:" not in article
    assert '<span class="also">also in: <a href="https://dailymeridian.example/spill"' in article
    assert "<sup>[2]</sup>" in article and "<sup>[3]</sup>" not in article
    assert "Source notice (Lakeside Times): © Lakeside Times. Syndicated." in article


def test_hostile_outlet_names_in_also_in_are_escaped() -> None:
    when = NOW - timedelta(hours=1)
    sources = [
        Source("Wire story", "Wire", "https://w.example/1", when, None),
        Source(
            "Wire story", "<script>x</script> [a](javascript:b)", "https://e.example/", when, None
        ),
    ]
    story = Story("s", "Wire story", when, [SummarySentence("Quoted.", 0)], sources)
    digest = Digest(NOW, NOW - timedelta(hours=36), NOW, "d", [Topic("World", [story])])
    assert "<script>" not in render_html(digest)
    assert "&lt;script&gt;" in render_html(digest)
    markdown = render_markdown(digest)
    assert "[a](javascript:b)" not in markdown
    assert r"\[a\](javascript:b)" in markdown


def test_json_keeps_every_source_and_index() -> None:
    digest = make_syndicated_digest()
    data = json.loads(render(digest, "json"))
    story = data["topics"][0]["stories"][0]
    assert [s["feed"] for s in story["sources"]] == [
        s.feed for s in digest.topics[0].stories[0].sources
    ]
    assert [s["source"] for s in story["summary"]] == [0, 1, 0]
    assert data == digest.to_json()


# On the bundled sample feeds, through a real store


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_demo_home(tmp_path_factory.mktemp("demo") / "home")


def test_the_sample_wire_story_shows_also_in_from_the_stored_texts(demo_home: Path) -> None:
    session = ReaderSession(resolve_paths(demo_home), Config(), offline=True, demo=True)
    shown = session.latest()
    assert shown is not None
    digest = shown.digest
    keys = session.text_keys(digest)
    assert keys == stored_text_keys(session.paths.store_file, digest)
    quorra = next(s for t in digest.topics for s in t.stories if "Quorra" in s.title)
    assert len(quorra.sources) == 2
    # The two outlets give the wire text different headlines: only the texts tell.
    assert quorra.sources[0].title != quorra.sources[1].title
    assert len(list_sources(quorra).listed) == 2
    listed = list_sources(quorra, keys).listed
    assert len(listed) == 1
    assert [c.feed for c in listed[0].also_in] == [quorra.sources[1].feed]

    # No other story of the samples is folded: their outlets tell it in their own words.
    for topic in digest.topics:
        for story in topic.stories:
            if story is not quorra:
                assert len(list_sources(story, keys).listed) == len(story.sources), story.title

    text = render(digest, "text", text_keys=keys)
    block = _text_block(text, quorra.title)
    assert f"also in: {quorra.sources[1].feed}" in block
    assert "[2]" not in block
    # The JSON contract still lists both copies.
    json_story = next(
        s
        for t in json.loads(render(digest, "json"))["topics"]
        for s in t["stories"]
        if s["id"] == quorra.id
    )
    assert len(json_story["sources"]) == 2


def test_the_readers_markdown_export_folds_copies_too(demo_home: Path, tmp_path: Path) -> None:
    session = ReaderSession(resolve_paths(demo_home), Config(), offline=True, demo=True)
    shown = session.latest()
    assert shown is not None
    path = session.export_markdown(shown.digest, now=NOW)
    markdown = path.read_text(encoding="utf-8")
    assert "also in: [Northfield Courier (sample)]" in markdown
    path.unlink()


def test_missing_or_broken_stores_give_no_keys(tmp_path: Path) -> None:
    digest = make_syndicated_digest()
    ids = [replace_id(s, n + 1) for n, s in enumerate(digest.topics[0].stories[0].sources)]
    story = digest.topics[0].stories[0]
    with_ids = Digest(
        NOW, NOW, NOW, "d", [Topic("T", [Story(story.id, story.title, NOW, story.summary, ids)])]
    )
    assert stored_text_keys(tmp_path / "missing.db", with_ids) == {}
    broken = tmp_path / "broken.db"
    broken.write_bytes(b"not a database at all" * 100)
    assert stored_text_keys(broken, with_ids) == {}
