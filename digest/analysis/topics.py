"""The topic of an article: the user's feed topic, then the entry's categories, then its words.

The default taxonomy is fixed (`TAXONOMY`, in the order the reader lists it). Entry categories are
mapped through a table of section names in English, German, French and Spanish; failing that, the
title and text are scored against hand-written keyword lists (`digest.analysis.keywords`), title
words counting more. Users' own topics (config `[[topics]]`) win over the keyword lists when one
of their keywords occurs. Nothing here was fitted to the evaluation sets; they only measure it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from digest.analysis.keywords import CATEGORY_SYNONYMS, KEYWORDS, SECTION_WORDS
from digest.config import UserTopic

__all__ = ["OTHER", "TAXONOMY", "TopicClassifier", "category_topic", "topic_of", "topic_order"]

OTHER = "Other"
TAXONOMY: tuple[str, ...] = (
    "World",
    "Politics",
    "Business",
    "Technology",
    "Science",
    "Health",
    "Sports",
    "Entertainment",
    OTHER,
)

_TITLE_WEIGHT = 3.0
"""A word in the headline counts this many times a word in the body."""
_MIN_SCORE = 2.0
"""Below this keyword evidence an article is Other rather than a guess."""
_TEXT_CHARS = 2500
"""Only the start of long articles is read: the lead says what a story is about."""

_SHORT_TEXT_WORDS = 80
"""A text this short (a feed's description) names a user topic with one keyword."""

_MEMO_WORDS = 200_000
_NORMAL: dict[str, str] = {}

_TOKEN = re.compile(r"[^\W\d_]+(?:['’.&-][^\W\d_]+)*")


def _normal(word: str) -> str:
    """A crude English singular: "elections" -> "election", "companies" -> "company"."""
    known = _NORMAL.get(word)
    if known is not None:
        return known
    normal = _singular(word)
    if len(_NORMAL) < _MEMO_WORDS:
        _NORMAL[word] = normal
    return normal


def _singular(word: str) -> str:
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _tokens(text: str) -> list[str]:
    return [_normal(t) for t in _TOKEN.findall(text.lower().replace("’", "'"))]


def _terms(tokens: Sequence[str]) -> Counter[str]:
    """Unigrams and the bigrams that are keywords ("prime minister", "world cup"), counted."""
    counts = Counter(tokens)
    counts.update(
        f"{a} {b}"
        for a, b in zip(tokens, tokens[1:], strict=False)
        if a in _BIGRAM_HEADS and f"{a} {b}" in _INDEX
    )
    return counts


def _phrase(tokens: Sequence[str]) -> str:
    """Tokens joined for whole-word substring search; two spaces between words, so that counting
    " climate " in "  climate  climate  " finds both."""
    return " " + "  ".join(tokens) + " "


def _compile(table: dict[str, dict[str, float]]) -> dict[str, list[tuple[str, float]]]:
    """term -> [(topic, weight)], keywords normalised the way text tokens are."""
    index: dict[str, list[tuple[str, float]]] = {}
    for topic, keywords in table.items():
        for keyword, weight in keywords.items():
            term = " ".join(_tokens(keyword))
            index.setdefault(term, []).append((topic, weight))
    return index


_INDEX = _compile(KEYWORDS)
_BIGRAM_HEADS = frozenset(term.split()[0] for term in _INDEX if " " in term)
_SYNONYMS = {key.lower(): value for key, value in CATEGORY_SYNONYMS.items()}
_CATEGORY_SPLIT = re.compile(r"[/>|,:;&+·•]+|\s[-–—]\s")


def category_topic(category: str) -> str | None:
    """The taxonomy topic a feed section name stands for ("Wirtschaft" -> Business), or None."""
    name = " ".join(category.lower().replace("_", " ").split())
    if not name:
        return None
    if name in _SYNONYMS:
        return _SYNONYMS[name]
    # "News > World", "Tech/Gadgets", "US politics": the most specific part that is a section.
    parts = [p.strip() for p in _CATEGORY_SPLIT.split(name) if p.strip()]
    for part in reversed(parts):
        if part in _SYNONYMS:
            return _SYNONYMS[part]
    for word in reversed(name.replace("-", " ").split()):
        if word in SECTION_WORDS and word in _SYNONYMS:
            return _SYNONYMS[word]
    return None


def _score_text(title: str, text: str) -> dict[str, float]:
    """Keyword evidence per taxonomy topic: log-damped counts, headline words weighted up."""
    scores: dict[str, float] = {}
    for terms, factor in ((_terms(_tokens(title)), _TITLE_WEIGHT), (_terms(_tokens(text)), 1.0)):
        for term, count in terms.items():
            for topic, weight in _INDEX.get(term, ()):
                gain = weight * factor * (1.0 + math.log(count))
                scores[topic] = scores.get(topic, 0.0) + gain
    return scores


class TopicClassifier:
    """Chooses one topic per article: feed topic, categories, user keywords, then text."""

    def __init__(self, user_topics: Sequence[UserTopic] = ()) -> None:
        self.user_topics = tuple(user_topics)
        self._names = {name.lower(): name for name in TAXONOMY}
        for topic in self.user_topics:
            self._names.setdefault(topic.name.lower(), topic.name)
        self._user_terms = [
            (topic.name, [_phrase(_tokens(k)) for k in topic.keywords if _tokens(k)])
            for topic in self.user_topics
        ]

    def classify(
        self,
        title: str,
        text: str,
        categories: Sequence[str] = (),
        feed_topic: str | None = None,
    ) -> str:
        """The topic name for one article; `feed_topic` is the one the user set on its feed."""
        if feed_topic and feed_topic.strip():
            return self.name_for(feed_topic)
        from_categories = self._from_categories(categories)
        if from_categories is not None:
            return from_categories
        head = text[:_TEXT_CHARS]
        user_topic = self._user_topic(title, head)
        if user_topic is not None:
            return user_topic
        scores = _score_text(title, head)
        best = max(TAXONOMY, key=lambda topic: scores.get(topic, 0.0))
        return best if scores.get(best, 0.0) >= _MIN_SCORE else OTHER

    def name_for(self, topic: str) -> str:
        """A user-given topic name as listed: a known topic's own spelling, a section's topic,
        else the name itself (it is the user's own)."""
        cleaned = " ".join(topic.split())
        known = self._names.get(cleaned.lower())
        if known is not None:
            return known
        return category_topic(cleaned) or cleaned

    def _user_topic(self, title: str, text: str) -> str | None:
        """The first user topic with a keyword in the title, or twice in the text (once will do
        in a short text such as a feed's description)."""
        if not self._user_terms:
            return None
        title_words = _phrase(_tokens(title))
        text_tokens = _tokens(text)
        text_words = _phrase(text_tokens)
        needed = 1 if len(text_tokens) < _SHORT_TEXT_WORDS else 2
        for name, keywords in self._user_terms:
            if any(k in title_words for k in keywords):
                return name
            if sum(text_words.count(k) for k in keywords) >= needed:
                return name
        return None

    def _from_categories(self, categories: Iterable[str]) -> str | None:
        votes: Counter[str] = Counter()
        first: dict[str, int] = {}
        for position, category in enumerate(categories):
            topic = self._names.get(" ".join(category.split()).lower()) or category_topic(category)
            if topic is not None and topic != OTHER:
                votes[topic] += 1
                first.setdefault(topic, position)
        if not votes:
            return None
        return max(votes, key=lambda topic: (votes[topic], -first[topic]))


_DEFAULT = TopicClassifier()


def topic_of(title: str, text: str, categories: Sequence[str] = ()) -> str:
    """The taxonomy topic of an article with no feed topic and no user topics."""
    return _DEFAULT.classify(title, text, categories)


def topic_order(names: Iterable[str], user_topics: Sequence[UserTopic] = ()) -> list[str]:
    """Topic names in listing order: the taxonomy, then user topics (config order), then other
    names the user gave feeds (alphabetical), and Other last."""
    present = set(names)
    builtin = [t for t in TAXONOMY if t != OTHER and t in present]
    users = [t.name for t in user_topics if t.name in present and t.name not in builtin]
    known = set(builtin) | set(users) | {OTHER}
    others = sorted((t for t in present if t not in known), key=str.lower)
    return builtin + users + others + ([OTHER] if OTHER in present else [])
