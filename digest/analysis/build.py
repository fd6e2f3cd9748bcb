"""Building a Digest from stored articles: window, topics, stories, summaries.

Stories are grouped across all topics first, then each story takes one topic, so an event never
shows twice under two topics. A topic the user set on a feed wins (the most common one among the
story's sources); otherwise the story takes the topic most of its sources were classified under,
Other only when nothing else was found, and ties go to the earliest source.

A story's id is a hash of its earliest source's (feed id, guid), which stays the same across
rebuilds while that article is in the story: later reports join, they do not rename it.

Within a topic, stories rank by `story_score`: the outlets carrying a story, halved for every
`RANK_HALF_LIFE` its newest report is older than the digest's end. A story's title is its most
representative headline (see `choose_headline`).

The analysis runs through the same functions as the library API (DESIGN.md): stories through
`group_items` (`digest.group_stories`), topics through `TopicClassifier.classify`
(`digest.topic_of`), summaries through `summarize_sources` with `summary_length`
(`digest.summarize_story`). A story is summarized in one language, its sources' most common
`summary_language` (their feed's declared language, else their text's).
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from digest.analysis.headlines import choose_headline
from digest.analysis.language import story_language, summary_language
from digest.analysis.stories import group_articles
from digest.analysis.story_jobs import StoryJob, StoryWorkers, summary_text
from digest.analysis.topics import OTHER, TopicClassifier, topic_order
from digest.config import DigestSettings, UserTopic
from digest.models import Article, Digest, Source, Story, SummarySentence, Topic

__all__ = [
    "DIGEST_DISCLAIMER",
    "RANK_HALF_LIFE",
    "build_digest",
    "choose_headline",
    "story_id",
    "story_score",
]

DIGEST_DISCLAIMER = (
    "These summaries are machine-selected extracts: every sentence is quoted verbatim from the "
    "linked source it names, chosen and grouped by software, not written or checked by an editor. "
    "They may lack context or mix reports of different moments. Verify with the sources before "
    "relying on them."
)

RANK_HALF_LIFE = timedelta(hours=12)
"""A story's rank halves for every this much its newest report is older than the digest's end."""

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


def story_score(outlets: int, age: timedelta) -> float:
    """How high a story ranks in its topic: `outlets × 0.5 ** (age / RANK_HALF_LIFE)`.

    `outlets` is the number of feeds carrying the story; `age` runs from its newest report to the
    digest's end (never negative). Three outlets 10 hours ago (1.68) outrank one outlet 2 hours
    ago (0.89), but a story carried by n outlets drops below fresh single-outlet news once it is
    12·log2(n) hours old: 19 hours for three outlets, two days for sixteen.
    """
    hours = max(age, timedelta(0)) / RANK_HALF_LIFE
    return max(outlets, 1) * math.pow(0.5, hours)


def _progress(
    total: int, on_progress: Callable[[int, int], None] | None
) -> Callable[[int], None] | None:
    """A counter of finished stories that calls `on_progress(done, total)` about every 1%."""
    if on_progress is None:
        return None
    step = max(1, total // _PROGRESS_STEPS)
    done = last = 0

    def finished(count: int) -> None:
        nonlocal done, last
        done += count
        if done - last >= step or done == total:
            last = done
            on_progress(done, total)

    return finished


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
    from digest.analysis.summarize import summary_length

    since, until = _aware(since), _aware(until)
    chosen = sorted(
        (a for a in articles if since <= _filed_at(a) <= until),
        key=lambda a: (_filed_at(a), a.feed_id, a.guid),
    )
    with StoryWorkers(len(chosen)) as workers:
        # The workers split the texts for their summaries while this process groups stories.
        texts = [summary_text(a.text, a.disclaimer) for a in chosen]
        ahead = workers.read_ahead(texts)
        classifier = TopicClassifier(user_topics)
        topics = {
            a.id: classifier.classify(a.title, a.text, a.categories, a.feed_topic) for a in chosen
        }
        user_set = {a.id for a in chosen if a.feed_topic and a.feed_topic.strip()}
        stories = [
            sorted(group, key=lambda a: (_filed_at(a), a.feed_title.lower(), a.id))
            for group in group_articles(chosen, when=_filed_at, bags=workers.term_bags)
        ]
        languages = {a.id: summary_language(a.feed_language, a.text) for a in chosen}
        splits = dict(zip((a.id for a in chosen), ahead.result(), strict=True))
        position = {a.id: index for index, a in enumerate(chosen)}
        jobs = [
            StoryJob(
                tuple((a.title, a.text, a.disclaimer, splits[a.id]) for a in sources),
                summary_length(
                    len({texts[position[a.id]] for a in sources}), settings.summary_sentences
                ),
                story_language(languages[a.id] for a in sources),
            )
            for sources in stories
        ]
        results = workers.run(jobs, _progress(len(jobs), on_progress))

    by_topic: dict[str, list[tuple[float, Story]]] = {}
    for sources, result in zip(stories, results, strict=True):
        story = Story(
            id=story_id(sources[0]),
            title=result.title,
            published=max(_filed_at(a) for a in sources),
            summary=[SummarySentence(text, index) for text, index in result.summary],
            sources=[
                Source(
                    title=a.title,
                    feed=a.feed_title,
                    url=a.url,
                    published=a.published,
                    disclaimer=a.disclaimer,
                    article_id=a.id,
                    full_text=a.full_text,
                )
                for a in sources
            ],
        )
        score = story_score(len({a.feed_id for a in sources}), until - story.published)
        by_topic.setdefault(_story_topic(sources, topics, user_set), []).append((score, story))

    listed = []
    for name in topic_order(by_topic, user_topics):
        ranked = sorted(
            by_topic[name], key=lambda item: (-item[0], -item[1].published.timestamp(), item[1].id)
        )
        listed.append(Topic(name, [story for _, story in ranked[: settings.max_stories_per_topic]]))
    return Digest(
        generated_at=_aware(now) if now is not None else datetime.now(UTC),
        since=since,
        until=until,
        disclaimer=DIGEST_DISCLAIMER,
        topics=listed,
    )
