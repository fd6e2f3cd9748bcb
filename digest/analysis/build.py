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
(`digest.summarize_story`).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta
from itertools import islice

from digest.analysis.sentences import iter_sentences, words
from digest.analysis.stemming import light_stem
from digest.analysis.stopwords import STOP_WORDS
from digest.analysis.stories import group_articles
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

_UNTITLED = "(untitled)"
_LEAD_CHARS = 1000
_LEAD_SENTENCES = 2
_LONG_WORDS = 16
_LONG_CHARS = 120
"""A headline longer than this (words or characters) is taken only when no shorter one fits."""
_SHOUTING_LETTERS = 10
_SHOUTING_SHARE = 0.6
"""A headline with at least 10 letters, over 60% of them capitals, is written in capitals."""
_LENGTH_PRIOR = 2
"""Added to a headline's word count when scoring overlap, so a one-word headline does not win
by sharing its one word."""
# Headlines that tease rather than tell: questions, exclamations, labels, "here's why".
_TEASER = re.compile(
    r"[?!]|^\W*(?:breaking|live|watch|video|opinion|analysis|exclusive|update)\b\W*[:|–—-]"
    r"|\b(?:you won['’]?t believe|here['’]?s (?:why|what|how)|what (?:we know|to know))\b",
    re.IGNORECASE,
)
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


def _content_terms(text: str) -> set[str]:
    return {
        light_stem(word)
        for word in (w.lower() for w in words(text))
        if word not in STOP_WORDS and (len(word) > 1 or word.isdigit())
    }


def _lead(text: str) -> str:
    return " ".join(islice(iter_sentences(text[:_LEAD_CHARS]), _LEAD_SENTENCES))


def _flaws(headline: str) -> int:
    """How many ways a headline is a poor title: too long, in capitals, a teaser."""
    letters = [c for c in headline if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return (
        (len(headline.split()) > _LONG_WORDS or len(headline) > _LONG_CHARS)
        + (len(letters) >= _SHOUTING_LETTERS and capitals > _SHOUTING_SHARE * len(letters))
        + bool(_TEASER.search(headline))
    )


def choose_headline(sources: Sequence[tuple[str, str]]) -> str:
    """A story's title from its sources' (headline, text), in source order.

    The headline most representative of the others wins: the one whose content words (stop words
    out, lightly stemmed) most appear in the other sources' headlines and leads, on average,
    relative to its length. A headline that is very long, in capitals, or a teaser (a question,
    an exclamation, "WATCH:", "here's why") is taken only when every headline is; ties go to the
    earliest source.
    """
    titled = [(i, title.strip()) for i, (title, _) in enumerate(sources) if title.strip()]
    if not titled:
        return _UNTITLED
    if len({" ".join(title.lower().split()) for _, title in titled}) == 1:
        return titled[0][1]
    others = [_content_terms(title) | _content_terms(_lead(text)) for title, text in sources]

    def representative(index: int, title: str) -> float:
        mine = _content_terms(title)
        rest = [terms for j, terms in enumerate(others) if j != index]
        shared = sum(len(mine & terms) for terms in rest) / len(rest)
        return shared / (len(mine) + _LENGTH_PRIOR)

    best = min(titled, key=lambda it: (_flaws(it[1]), -representative(*it), it[0]))
    return best[1]


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

    by_topic: dict[str, list[tuple[float, Story]]] = {}
    step = max(1, len(groups) // _PROGRESS_STEPS)
    for done, group in enumerate(groups, start=1):
        sources = sorted(group, key=lambda a: (_filed_at(a), a.feed_title.lower(), a.id))
        count = summary_length(len(sources), settings.summary_sentences)
        summary = summarize_sources([(a.title, _summary_text(a)) for a in sources], count=count)
        story = Story(
            id=story_id(sources[0]),
            title=choose_headline([(a.title, a.text) for a in sources]),
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
        score = story_score(len({a.feed_id for a in sources}), until - story.published)
        by_topic.setdefault(_story_topic(sources, topics, user_set), []).append((score, story))
        if on_progress is not None and (done % step == 0 or done == len(groups)):
            on_progress(done, len(groups))

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
