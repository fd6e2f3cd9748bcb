"""The records that flow through digest: parsed feeds, stored articles, and the Digest itself.

`Digest.to_json()` is the contract printed by `digest show --format json` (see DESIGN.md); the
snapshot stored in SQLite is the same object plus the article ids the reader needs for read marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "Article",
    "Digest",
    "FeedInfo",
    "ParsedEntry",
    "ParsedFeed",
    "Source",
    "Story",
    "SummarySentence",
    "Topic",
    "iso",
    "parse_iso",
]


def iso(moment: datetime | None) -> str | None:
    """Format a datetime as ISO-8601 UTC with a trailing Z, or None."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_iso(text: str | None) -> datetime | None:
    """Read an ISO-8601 timestamp written by `iso` (or any offset) back as an aware UTC datetime."""
    if not text:
        return None
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


@dataclass(frozen=True)
class ParsedEntry:
    """One entry of a feed as the parser hands it over: sanitized plain text, http(s) links only."""

    guid: str
    """Stable id: the feed's guid/id, else the link, else a hash of title and text."""
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    """Publication (or update) time in UTC, None when the feed gives none."""
    text: str
    """Plain text, paragraphs separated by a blank line."""
    categories: tuple[str, ...] = ()
    disclaimer: str | None = None
    """The entry's own rights notice or the disclaimer paragraph found in its text."""


@dataclass(frozen=True)
class ParsedFeed:
    """A whole parsed feed document."""

    title: str | None
    link: str | None
    rights: str | None
    language: str | None
    entries: list[ParsedEntry]


@dataclass(frozen=True)
class FeedInfo:
    """A subscription as stored, with its last fetch outcome."""

    id: int
    url: str
    title: str | None
    topic: str | None
    status: str | None
    """'updated', 'not_modified', 'error', 'gone', or None before the first fetch."""
    error: str | None
    articles: int
    last_fetched: datetime | None
    failures: int = 0
    name: str | None = None
    full_text: bool = False

    @property
    def display_name(self) -> str:
        """The user's name for the feed, else its own title, else its URL."""
        return self.name or self.title or self.url

    def to_json(self) -> dict[str, Any]:
        """The `digest feeds --json` record."""
        return {
            "url": self.url,
            "title": self.display_name,
            "topic": self.topic,
            "status": self.status,
            "error": self.error,
            "articles": self.articles,
            "last_fetched": iso(self.last_fetched),
        }


@dataclass(frozen=True)
class Article:
    """A stored article, joined with what the analysis needs of its feed."""

    id: int
    feed_id: int
    feed_title: str
    feed_topic: str | None
    guid: str
    url: str | None
    title: str
    author: str | None
    published: datetime | None
    text: str
    categories: tuple[str, ...]
    disclaimer: str | None
    read: bool
    starred: bool
    first_seen: datetime
    feed_language: str | None = None
    """The language the feed declares (its `language` or `xml:lang`), as given."""
    full_text: bool = False
    """Whether `text` is the article's page, fetched for its full text, not the feed's."""

    @property
    def when(self) -> datetime:
        """The time the article is filed under: its publication time, else when first seen."""
        return self.published or self.first_seen


@dataclass(frozen=True)
class SummarySentence:
    """A sentence quoted verbatim from the source at index `source` of its story."""

    text: str
    source: int


@dataclass(frozen=True)
class Source:
    """One outlet's article within a story."""

    title: str
    feed: str
    url: str | None
    published: datetime | None
    disclaimer: str | None
    article_id: int | None = None
    """Store id of the article (not part of the JSON contract; kept in snapshots for read marks)."""
    full_text: bool = False
    """Whether the story was summarized from the article's own page rather than the feed's
    text (not part of the JSON contract; kept in snapshots for the reader to say so)."""

    def to_json(self, internal: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "title": self.title,
            "feed": self.feed,
            "url": self.url,
            "published": iso(self.published),
            "disclaimer": self.disclaimer,
        }
        if internal:
            data["article_id"] = self.article_id
            if self.full_text:
                data["full_text"] = True
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Source:
        return cls(
            title=data["title"],
            feed=data["feed"],
            url=data.get("url"),
            published=parse_iso(data.get("published")),
            disclaimer=data.get("disclaimer"),
            article_id=data.get("article_id"),
            full_text=bool(data.get("full_text", False)),
        )


@dataclass(frozen=True)
class Story:
    """Articles from one or more outlets that report the same event, with their summary."""

    id: str
    title: str
    published: datetime
    summary: list[SummarySentence]
    sources: list[Source]

    @property
    def outlet_count(self) -> int:
        """How many different outlets carry the story (one feed's several copies count once)."""
        return len({source.feed for source in self.sources})

    def to_json(self, internal: bool = False) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": iso(self.published),
            "summary": [{"text": s.text, "source": s.source} for s in self.summary],
            "sources": [s.to_json(internal) for s in self.sources],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Story:
        published = parse_iso(data.get("published")) or datetime.now(UTC)
        return cls(
            id=data["id"],
            title=data["title"],
            published=published,
            summary=[SummarySentence(s["text"], int(s["source"])) for s in data["summary"]],
            sources=[Source.from_json(s) for s in data["sources"]],
        )


@dataclass(frozen=True)
class Topic:
    """A named group of stories, newest first."""

    name: str
    stories: list[Story]


@dataclass(frozen=True)
class Digest:
    """A built digest: topics that have stories, in the order the reader lists them."""

    generated_at: datetime
    since: datetime
    until: datetime
    disclaimer: str
    topics: list[Topic] = field(default_factory=list)

    @property
    def story_count(self) -> int:
        return sum(len(t.stories) for t in self.topics)

    def to_json(self, internal: bool = False) -> dict[str, Any]:
        """The `show --format json` object; `internal` adds article ids for the stored snapshot."""
        return {
            "generated_at": iso(self.generated_at),
            "since": iso(self.since),
            "until": iso(self.until),
            "disclaimer": self.disclaimer,
            "topics": [
                {"name": t.name, "stories": [s.to_json(internal) for s in t.stories]}
                for t in self.topics
            ],
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Digest:
        def _when(key: str) -> datetime:
            return parse_iso(data.get(key)) or datetime.now(UTC)

        return cls(
            generated_at=_when("generated_at"),
            since=_when("since"),
            until=_when("until"),
            disclaimer=data["disclaimer"],
            topics=[
                Topic(t["name"], [Story.from_json(s) for s in t["stories"]]) for t in data["topics"]
            ],
        )
