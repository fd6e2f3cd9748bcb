"""Article filters from config.toml's `[filters]`: matching articles are never shown or summarized.

Word lists match whole words (or phrases), ignoring case; regular expressions match anywhere,
as written (add `(?i)` to ignore case). Each field is checked on its own: `title` against the
article's title, `feed` against its feed's name, `text` against its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from digest.models import Article

__all__ = ["FILTER_FIELDS", "ArticleFilter", "FilterSettings", "apply_filters"]

FILTER_FIELDS = ("title", "feed", "text")


@dataclass(frozen=True)
class FilterSettings:
    """Section `[filters]`: words and regular expressions per field."""

    title: tuple[str, ...] = ()
    """Words or phrases; an article whose title contains one is dropped."""
    feed: tuple[str, ...] = ()
    """Words or phrases matched against the feed's name."""
    text: tuple[str, ...] = ()
    """Words or phrases matched against the article's text."""
    title_regex: tuple[str, ...] = ()
    """Regular expressions searched in the title (Python syntax)."""
    feed_regex: tuple[str, ...] = ()
    """Regular expressions searched in the feed's name."""
    text_regex: tuple[str, ...] = ()
    """Regular expressions searched in the article's text."""

    @property
    def empty(self) -> bool:
        """True when no filter is set."""
        return not any(getattr(self, f) or getattr(self, f + "_regex") for f in FILTER_FIELDS)


def _word_pattern(words: Sequence[str]) -> str | None:
    if not words:
        return None
    # Phrases match across any run of whitespace; (?<!\w)/(?!\w) rather than \b so that a
    # word ending in punctuation ("C++") still matches as a whole.
    alternatives = [r"\s+".join(re.escape(part) for part in w.split()) for w in words if w.split()]
    if not alternatives:
        return None
    return r"(?i:(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w))"


class ArticleFilter:
    """The compiled filters; `matches(article)` is True for an article to drop."""

    def __init__(self, settings: FilterSettings) -> None:
        # Each regex is compiled on its own: a global flag such as (?i) must start its pattern.
        self._patterns: dict[str, list[re.Pattern[str]]] = {}
        for name in FILTER_FIELDS:
            patterns = [re.compile(r) for r in getattr(settings, name + "_regex")]
            words = _word_pattern(getattr(settings, name))
            if words:
                patterns.append(re.compile(words))
            if patterns:
                self._patterns[name] = patterns

    def __bool__(self) -> bool:
        return bool(self._patterns)

    def reason(self, article: Article) -> str | None:
        """The field that matched ('title', 'feed' or 'text'), or None to keep the article."""
        values = {"title": article.title, "feed": article.feed_title, "text": article.text}
        for name, patterns in self._patterns.items():
            value = values[name] or ""
            if any(p.search(value) for p in patterns):
                return name
        return None

    def matches(self, article: Article) -> bool:
        """True when a filter matches the article, which is then never shown nor summarized."""
        return self.reason(article) is not None


_A = TypeVar("_A", bound=Article)


def apply_filters(articles: Iterable[_A], settings: FilterSettings) -> list[_A]:
    """The articles no filter matches, in their order."""
    if settings.empty:
        return list(articles)
    compiled = ArticleFilter(settings)
    return [a for a in articles if not compiled.matches(a)]
