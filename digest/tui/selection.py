"""Which stories the reader shows: topic, search and read/starred filters over one digest.

Plain Python, no Textual: the search text of every story is folded once when a digest is opened,
so a keystroke in the search box costs one substring test per story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from digest.models import Digest, Story, Topic
from digest.tui.safe import clean_line

__all__ = ["Filters", "Marks", "ShownStory", "StoryIndex", "story_article_ids"]


class ShownStory(NamedTuple):
    """A story in the list, with the name of the topic it was filed under."""

    topic: str
    story: Story


@dataclass(frozen=True)
class Filters:
    """What the user asked to see; every filter must hold for a story to be shown."""

    topics: frozenset[str] = frozenset()
    """Names of the topics to show; empty for all."""
    query: str = ""
    """Words that must all occur in the story's title, summary or source titles."""
    unread_only: bool = False
    starred_only: bool = False

    def with_topics(self, names: Iterable[str]) -> Filters:
        """These filters with another topic choice."""
        return replace(self, topics=frozenset(names))

    def describe(self) -> str:
        """The filters in words, for the story list's title ("" when none apply); plain text."""
        parts = []
        if self.query.strip():
            parts.append(f"“{clean_line(self.query)}”")
        if self.unread_only:
            parts.append("unread")
        if self.starred_only:
            parts.append("starred")
        return " · ".join(parts)


def story_article_ids(story: Story) -> list[int]:
    """Store ids of the story's articles (a story's read and starred marks live on these)."""
    return [s.article_id for s in story.sources if s.article_id is not None]


@dataclass
class Marks:
    """Read and starred marks of articles, as the store last reported them."""

    articles: dict[int, tuple[bool, bool]] = field(default_factory=dict)

    def is_read(self, story: Story) -> bool:
        """A story is read when every one of its (still stored) articles is read."""
        known = [self.articles[i] for i in story_article_ids(story) if i in self.articles]
        return bool(known) and all(read for read, _ in known)

    def is_starred(self, story: Story) -> bool:
        """A story is starred when any of its articles is."""
        return any(self.articles.get(i, (False, False))[1] for i in story_article_ids(story))

    def known_ids(self, story: Story) -> list[int]:
        """The story's article ids that the store still holds (pruned ones cannot be marked)."""
        return [i for i in story_article_ids(story) if i in self.articles]

    def set(
        self, ids: Sequence[int], *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Record a change the store has just made."""
        for i in ids:
            old_read, old_starred = self.articles.get(i, (False, False))
            self.articles[i] = (
                old_read if read is None else read,
                old_starred if starred is None else starred,
            )


class StoryIndex:
    """The stories of a digest in reading order, with their folded search text."""

    def __init__(self, digest: Digest) -> None:
        self.digest = digest
        self.stories = [ShownStory(t.name, s) for t in digest.topics for s in t.stories]
        self._haystacks = [_haystack(shown.story) for shown in self.stories]

    def article_ids(self) -> list[int]:
        """Every article id behind the digest's stories."""
        return [i for shown in self.stories for i in story_article_ids(shown.story)]

    def topic_names(self) -> list[str]:
        """The digest's topic names in order (the order of keys 1-9)."""
        return [t.name for t in self.digest.topics]

    def select(self, filters: Filters, marks: Marks) -> list[ShownStory]:
        """The stories that pass every filter, in the digest's order."""
        words = filters.query.casefold().split()
        chosen = []
        for shown, haystack in zip(self.stories, self._haystacks, strict=True):
            if filters.topics and shown.topic not in filters.topics:
                continue
            if words and not all(word in haystack for word in words):
                continue
            if filters.unread_only and marks.is_read(shown.story):
                continue
            if filters.starred_only and not marks.is_starred(shown.story):
                continue
            chosen.append(shown)
        return chosen

    def as_digest(self, shown: Sequence[ShownStory]) -> Digest:
        """A digest of just `shown` (the current view), topics in the digest's order."""
        by_topic: dict[str, list[Story]] = {}
        for item in shown:
            by_topic.setdefault(item.topic, []).append(item.story)
        topics = [Topic(t.name, by_topic[t.name]) for t in self.digest.topics if t.name in by_topic]
        d = self.digest
        return Digest(d.generated_at, d.since, d.until, d.disclaimer, topics)


def _haystack(story: Story) -> str:
    parts = [story.title, *(s.text for s in story.summary), *(s.title for s in story.sources)]
    return clean_line(" ".join(parts)).casefold()
