"""Building a Digest from stored articles: window, topics, stories, summaries.

Stories are grouped across all topics first, then each story takes one topic, so an event never
shows twice under two topics. A topic the user set on a feed wins (the most common one among the
story's sources); otherwise the story takes the topic most of its sources were classified under,
Other only when nothing else was found, and ties go to the earliest source.

A story's id is a hash of its earliest source's (feed id, guid), which stays the same across
rebuilds while that article is in the story: later reports join, they do not rename it.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime

from digest.analysis.stopwords import STOP_WORDS
from digest.analysis.stories import group_articles
from digest.analysis.topics import OTHER, TopicClassifier, topic_order
from digest.config import DigestSettings, UserTopic
from digest.models import Article, Digest, Source, Story, SummarySentence, Topic

__all__ = ["DIGEST_DISCLAIMER", "build_digest", "story_id"]

DIGEST_DISCLAIMER = (
    "These summaries are machine-selected extracts: every sentence is quoted verbatim from the "
    "linked source it names, chosen and grouped by software, not written or checked by an editor. "
    "They may lack context or mix reports of different moments. Verify with the sources before "
    "relying on them."
)

_UNTITLED = "(untitled)"
_WORD = re.compile(r"\w+")
_PROGRESS_STEPS = 100
"""`on_progress` is called at most about this many times per build."""


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _filed_at(article: Article) -> datetime:
    """When an article counts as published: never later than when it was first seen, so an item
    a feed dates in the future (a wrong clock or time zone) still belongs to today's digest."""
    return min(_aware(article.when), _aware(article.first_seen))


def story_id(article: Article) -> str:
    """The stable id of the story whose earliest source is `article`."""
    key = f"{article.feed_id}\x1f{article.guid}".encode()
    return hashlib.sha1(key, usedforsecurity=False).hexdigest()[:16]


def _story_topic(sources: Sequence[Article], topics: dict[int, str], user_set: set[int]) -> str:
    """The topic of a story from its sources' topics; `sources` are ordered earliest first."""
    chosen = [topics[a.id] for a in sources if a.id in user_set]
    if not chosen:
        chosen = [topics[a.id] for a in sources if topics[a.id] != OTHER] or [OTHER]
    votes = Counter(chosen)
    return max(votes, key=lambda name: (votes[name], -chosen.index(name)))


def _headline(sources: Sequence[Article]) -> str:
    """The headline that shares most words with the others; the earliest when none stands out."""
    titled = [a.title.strip() for a in sources if a.title.strip()]
    if len(titled) < 3:
        return titled[0] if titled else _UNTITLED
    word_sets = [set(_WORD.findall(title.lower())) - STOP_WORDS for title in titled]

    def shared(index: int) -> int:
        mine = word_sets[index]
        return sum(len(mine & other) for i, other in enumerate(word_sets) if i != index)

    return titled[max(range(len(titled)), key=lambda i: (shared(i), -i))]


def _summary_text(article: Article) -> str:
    """The article's text with its own disclaimer cut out at line breaks, so that no summary
    sentence can come from it while every sentence left is still verbatim from the text."""
    text = article.text
    notice = (article.disclaimer or "").strip()
    if notice and notice in text:
        text = text.replace(notice, "\n")
    return text


def build_digest(
    articles: Sequence[Article],
    *,
    since: datetime,
    until: datetime,
    settings: DigestSettings,
    user_topics: Sequence[UserTopic] = (),
    now: datetime | None = None,
    on_progress: Callable[[int, int], None] | None = None,
) -> Digest:
    """The digest of the articles filed within [since, until].

    `on_progress(done, total)` reports summarised stories (the slow part), at most about a
    hundred times.
    """
    from digest.analysis.summarize import summarize_sources, summary_length

    since, until = _aware(since), _aware(until)
    chosen = sorted(
        (a for a in articles if since <= _filed_at(a) <= until),
        key=lambda a: (_filed_at(a), a.feed_id, a.guid),
    )
    classifier = TopicClassifier(user_topics)
    topics = {
        a.id: classifier.classify(a.title, a.text, a.categories, a.feed_topic) for a in chosen
    }
    user_set = {a.id for a in chosen if a.feed_topic and a.feed_topic.strip()}
    groups = group_articles(chosen, when=_filed_at)

    by_topic: dict[str, list[Story]] = {}
    step = max(1, len(groups) // _PROGRESS_STEPS)
    for done, group in enumerate(groups, start=1):
        sources = sorted(group, key=lambda a: (_filed_at(a), a.feed_title.lower(), a.id))
        count = summary_length(len(sources), settings.summary_sentences)
        summary = summarize_sources([(a.title, _summary_text(a)) for a in sources], count=count)
        story = Story(
            id=story_id(sources[0]),
            title=_headline(sources),
            published=max(_filed_at(a) for a in sources),
            summary=[SummarySentence(text, index) for text, index in summary],
            sources=[
                Source(
                    title=a.title,
                    feed=a.feed_title,
                    url=a.url,
                    published=a.published,
                    disclaimer=a.disclaimer,
                    article_id=a.id,
                )
                for a in sources
            ],
        )
        by_topic.setdefault(_story_topic(sources, topics, user_set), []).append(story)
        if on_progress is not None and (done % step == 0 or done == len(groups)):
            on_progress(done, len(groups))

    listed = []
    for name in topic_order(by_topic, user_topics):
        stories = sorted(by_topic[name], key=lambda s: (-s.published.timestamp(), s.id))
        listed.append(Topic(name, stories[: settings.max_stories_per_topic]))
    return Digest(
        generated_at=_aware(now) if now is not None else datetime.now(UTC),
        since=since,
        until=until,
        disclaimer=DIGEST_DISCLAIMER,
        topics=listed,
    )
