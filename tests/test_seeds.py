"""The bundled sample feeds: well-formed, complete, and carrying what the demo needs to show.

Uses only the standard library and feedparser, so it checks the files themselves, not the
project's parser.
"""

from __future__ import annotations

import calendar
import json
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import feedparser
import pytest

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
FEEDS = SEEDS / "feeds"
SEED_ARTICLE = SEEDS / "000_cff2a28d3b2ef510.txt"
WINDOW_END = datetime(2026, 11, 28, 18, 0, tzinfo=UTC)
WINDOW_START = WINDOW_END - timedelta(hours=36)
SAMPLE_DOMAINS = ("example.com", "example.org", "example.net")


@dataclass(frozen=True)
class _Item:
    feed: str
    title: str
    link: str
    id: str
    published: datetime
    tags: tuple[str, ...]
    html: str


class _Paragraphs(HTMLParser):
    """Collects the text of each <p> element."""

    def __init__(self) -> None:
        super().__init__()
        self.paragraphs: list[str] = []
        self._current: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "p":
            self._current = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "p" and self._current is not None:
            self.paragraphs.append("".join(self._current))
            self._current = None

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)


def _paragraphs(html: str) -> list[str]:
    parser = _Paragraphs()
    parser.feed(html)
    parser.close()
    return parser.paragraphs


def _feed_files() -> list[Path]:
    return sorted(p for p in FEEDS.iterdir() if p.suffix in {".xml", ".json"})


def _xml_files() -> list[Path]:
    return [p for p in _feed_files() if p.suffix == ".xml"]


def _items(path: Path) -> list[_Item]:
    """The items of one sample feed, read with json or feedparser depending on the format."""
    if path.suffix == ".json":
        document = json.loads(path.read_text(encoding="utf-8"))
        return [
            _Item(
                feed=path.name,
                title=item["title"],
                link=item["url"],
                id=item["id"],
                published=datetime.fromisoformat(item["date_published"]),
                tags=tuple(item.get("tags", ())),
                html=item["content_html"],
            )
            for item in document["items"]
        ]
    parsed = feedparser.parse(path.read_bytes())
    items = []
    for entry in parsed.entries:
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        assert stamp is not None, f"{path.name}: {entry.get('title')!r} has no date"
        body = entry.content[0].value if "content" in entry else entry.get("summary", "")
        items.append(
            _Item(
                feed=path.name,
                title=entry.title,
                link=entry.link,
                id=entry.id,
                published=datetime.fromtimestamp(calendar.timegm(stamp), UTC),
                tags=tuple(tag.term for tag in entry.get("tags", ())),
                html=body,
            )
        )
    return items


def _all_items() -> list[_Item]:
    return [item for path in _feed_files() for item in _items(path)]


def test_there_are_six_feeds_in_mixed_formats() -> None:
    versions = defaultdict(int)
    for path in _xml_files():
        versions[feedparser.parse(path.read_bytes()).version] += 1
    assert versions["rss20"] >= 3
    assert versions["atom10"] >= 1
    assert len([p for p in _feed_files() if p.suffix == ".json"]) >= 1
    assert len(_feed_files()) >= 6


@pytest.mark.parametrize("path", _xml_files(), ids=lambda p: p.name)
def test_xml_feed_is_well_formed_and_parses_cleanly(path: Path) -> None:
    ET.parse(path)
    parsed = feedparser.parse(path.read_bytes())
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.entries
    assert parsed.feed.title.endswith("(sample)")


def test_json_feed_is_valid_json_feed_1_1() -> None:
    for path in (p for p in _feed_files() if p.suffix == ".json"):
        document = json.loads(path.read_text(encoding="utf-8"))
        assert document["version"] == "https://jsonfeed.org/version/1.1"
        assert document["title"].endswith("(sample)")
        assert document["items"]
        for item in document["items"]:
            assert {"id", "url", "title", "content_html", "date_published"} <= item.keys()


@pytest.mark.parametrize("path", _feed_files(), ids=lambda p: p.name)
def test_items_are_complete_and_stay_on_sample_domains(path: Path) -> None:
    items = _items(path)
    assert len({item.id for item in items}) == len(items)
    for item in items:
        url = urlsplit(item.link)
        assert url.scheme in {"http", "https"}
        assert url.hostname is not None and url.hostname.endswith(SAMPLE_DOMAINS)
        assert WINDOW_START <= item.published <= WINDOW_END, item.title
        assert len(_paragraphs(item.html)) >= 2, item.title


def test_items_cover_at_least_six_categories() -> None:
    categories = {tag for item in _all_items() for tag in item.tags}
    assert len(categories) >= 6, categories


def test_seed_article_is_carried_verbatim() -> None:
    title, *rest = SEED_ARTICLE.read_text(encoding="utf-8").split("\n")
    expected = [line for line in rest if line.strip()]
    matches = [item for item in _all_items() if item.title == title]
    assert len(matches) == 1
    assert _paragraphs(matches[0].html) == expected
    assert expected[-1].startswith("Disclaimer:")


def test_a_feed_carries_a_rights_notice() -> None:
    rights = [feedparser.parse(p.read_bytes()).feed.get("rights") for p in _xml_files()]
    assert any(rights)


def test_a_fictional_item_ends_with_a_disclaimer() -> None:
    seed_title = SEED_ARTICLE.read_text(encoding="utf-8").split("\n", 1)[0]
    assert any(
        _paragraphs(item.html)[-1].startswith("Disclaimer:")
        for item in _all_items()
        if item.title != seed_title
    )


def test_the_halcyon_launch_is_reported_by_three_outlets() -> None:
    outlets = {item.feed for item in _all_items() if "Halcyon" in item.title}
    assert len(outlets) >= 3


def test_one_wire_story_is_syndicated_word_for_word() -> None:
    by_body: dict[str, list[_Item]] = defaultdict(list)
    for item in _all_items():
        by_body["\n".join(_paragraphs(item.html))].append(item)
    copies = [items for items in by_body.values() if len(items) > 1]
    assert len(copies) == 1
    assert len({item.feed for item in copies[0]}) == 2
    assert len({item.title for item in copies[0]}) == 2


def test_opml_lists_every_feed_file() -> None:
    outlines = ET.parse(FEEDS / "demo.opml").getroot().iter("outline")
    listed = {outline.get("xmlUrl") for outline in outlines if outline.get("xmlUrl")}
    assert listed == {path.name for path in _feed_files()}
