"""A story's title: the headline of its sources that best represents them all."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice

from digest.analysis.sentences import iter_sentences, words
from digest.analysis.stemming import light_stem
from digest.analysis.stopwords import STOP_WORDS

__all__ = ["choose_headline"]

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
