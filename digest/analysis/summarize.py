"""Extractive summaries: sentences quoted verbatim from a story's sources, chosen with sumy.

Each candidate sentence is scored by its centrality (sumy's TextRank over the story's sentences,
built with the project's own tokenizer so no NLTK data is needed), its position (news puts the
gist in the lead) and its overlap with the headline. Sentences are then picked greedily with a
redundancy penalty (maximal marginal relevance), so that no two say the same thing and syndicated
copies never repeat. Boilerplate and disclaimers are never candidates.

This module imports sumy (and through it nltk and numpy): keep it off `digest fetch`'s path.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any, NamedTuple

import numpy
from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence
from sumy.nlp.stemmers import Stemmer, null_stemmer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from digest.analysis.boilerplate import is_boilerplate, is_disclaimer
from digest.analysis.sentences import NewsTokenizer, iter_paragraphs, sentence_spans, words

__all__ = ["summarize_sources", "summarize_text", "summary_length"]

MAX_SENTENCES = 5
"""The longest summary a story gets, however many sources it has."""

_CANDIDATES = 20
"""Sentences of one text considered; TextRank's cost grows with the square of the number."""
_STORY_CANDIDATES = 40
"""Sentences considered over all of a story's sources."""
_MEMO_WORDS = 200_000
"""Stems remembered per language, bounding the memo's memory."""
_MIN_WORDS = 5
_MIN_CHARS = 25
_ENDINGS = (".", "!", "?", "…", '"', "”", "’", "'", ")")


class _Weights(NamedTuple):
    centrality: float
    position: float
    title: float


# Chosen by ROUGE on the development sets (benchmarks/summaries.py). One article's gist is in
# its lead; across several sources the sentences central to all of them carry the shared facts.
_SINGLE = _Weights(centrality=0.1, position=0.7, title=0.2)
_STORY = _Weights(centrality=0.6, position=0.2, title=0.2)
_POSITION_DECAY = 3.0
"""Sentences into a text at which the position score falls to 1/e."""
_REDUNDANCY = 0.6
"""How much similarity to an already chosen sentence counts against a candidate."""
_DUPLICATE = 0.45
"""Cosine similarity at which a candidate says the same as a chosen sentence and is skipped."""
_NEW_SOURCE = 0.1
"""Bonus for a sentence from a source the summary does not quote yet."""


@dataclass
class _Candidate:
    text: str
    source: int
    position: int
    """Index among this source's candidates: 0 is its lead sentence."""
    terms: Counter[str] = field(default_factory=Counter)
    norm: float = 0.0


class _Lexicon:
    """A language's stop words and stemmer, with each word's stem remembered: nltk's Snowball
    stemmer is slow and news repeats its words."""

    def __init__(self, language: str) -> None:
        try:
            self.stem: Callable[[str], str] = Stemmer(language)
            self.stop_words = frozenset(w.lower() for w in get_stop_words(language))
        except LookupError:
            self.stem, self.stop_words = null_stemmer, frozenset()
        self._memo: dict[str, str] = {}

    def terms(self, text: str) -> list[str]:
        """Stems of the content words of `text`, lower-cased, stop words left out."""
        memo = self._memo
        found = []
        for word in words(text):
            word = word.lower()
            stem = memo.get(word)
            if stem is None:
                stem = "" if word in self.stop_words else self.stem(word)
                if len(memo) < _MEMO_WORDS:
                    memo[word] = stem
            if stem:
                found.append(stem)
        return found


@cache
def _lexicon(language: str) -> _Lexicon:
    return _Lexicon(language)


class _TextRank(TextRankSummarizer):  # type: ignore[misc]
    """sumy's TextRank with its similarity matrix computed by numpy instead of Python loops.

    The matrix is the same as sumy's (a test compares them): the edge between two sentences is
    their count of shared words over the sum of the logarithms of their lengths. The words come
    stemmed, stop words removed, from `terms` (sentence text -> stems), worked out once per story.
    """

    def __init__(self, terms: Mapping[str, Sequence[str]]) -> None:
        super().__init__()
        self._terms = terms

    def _to_words_set(self, sentence: Any) -> list[str]:
        return list(self._terms[str(sentence)])

    def _create_matrix(self, document: Any) -> Any:
        sentences = [self._to_words_set(s) for s in document.sentences]
        count = len(sentences)
        vocabulary: dict[str, int] = {}
        for terms in sentences:
            for term in terms:
                vocabulary.setdefault(term, len(vocabulary))
        counts = numpy.zeros((count, max(len(vocabulary), 1)))
        for row, terms in enumerate(sentences):
            for term in terms:
                counts[row, vocabulary[term]] += 1.0
        shared = counts @ counts.T
        logs = numpy.log(numpy.maximum([len(terms) for terms in sentences], 1))
        norms = logs[:, numpy.newaxis] + logs[numpy.newaxis, :]
        tiny = numpy.isclose(norms, 0.0)
        weights = numpy.where(tiny, shared, shared / numpy.where(tiny, 1.0, norms))
        weights[shared == 0] = 0.0
        weights /= weights.sum(axis=1)[:, numpy.newaxis] + self._ZERO_DIVISION_PREVENTION
        teleport = numpy.full((count, count), (1.0 - self.damping) / count)
        return teleport + self.damping * weights


def summary_length(source_count: int, single: int = 3) -> int:
    """Sentences in a story's summary: `single` for one source, one more per extra source,
    between 2 and `MAX_SENTENCES` for several."""
    if source_count <= 1:
        return max(single, 1)
    return max(2, min(MAX_SENTENCES, single + source_count - 1))


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _candidates(text: str, title: str | None, source: int, limit: int) -> list[_Candidate]:
    """Sentences of `text` fit to quote: not boilerplate, not a fragment, not the headline.

    Headings and captions (no closing punctuation) are left out unless the text has nothing else.
    """
    headline = _fold(title) if title else None
    punctuated: list[str] = []
    loose: list[str] = []
    for start, end in iter_paragraphs(text):
        paragraph = text[start:end]
        if is_disclaimer(paragraph):
            continue
        for begin, stop in sentence_spans(paragraph):
            sentence = paragraph[begin:stop]
            # Words are counted by their gaps: exact enough to tell a fragment, and cheap.
            if len(sentence) < _MIN_CHARS or sentence.count(" ") + 1 < _MIN_WORDS:
                continue
            if is_boilerplate(sentence) or _fold(sentence) == headline:
                continue
            (punctuated if sentence.endswith(_ENDINGS) else loose).append(sentence)
        if len(punctuated) >= limit:
            break
    chosen = punctuated or loose
    return [_Candidate(s, source, i) for i, s in enumerate(chosen[:limit])]


def _analyse(candidates: list[_Candidate], language: str) -> None:
    """Fill in each candidate's stemmed content words and their vector norm."""
    lexicon = _lexicon(language)
    for candidate in candidates:
        terms = Counter(lexicon.terms(candidate.text))
        candidate.terms = terms
        candidate.norm = math.sqrt(sum(c * c for c in terms.values())) or 1.0


def _similarity(a: _Candidate, b: _Candidate) -> float:
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    return sum(c * large[t] for t, c in small.items() if t in large) / (a.norm * b.norm)


def _centrality(candidates: list[_Candidate], language: str) -> list[float]:
    """TextRank scores from sumy, scaled so the most central sentence has 1."""
    if len(candidates) < 3:
        return [1.0] * len(candidates)
    tokenizer = NewsTokenizer(language)
    sentences = [Sentence(c.text, tokenizer) for c in candidates]
    document = ObjectDocumentModel([Paragraph(sentences)])
    terms = {c.text: list(c.terms.elements()) for c in candidates}
    ratings = _TextRank(terms).rate_sentences(document)
    scores = [float(ratings[s]) for s in sentences]
    top = max(scores)
    return [s / top if top > 0 else 1.0 for s in scores]


def _scores(
    candidates: list[_Candidate], titles: Sequence[str | None], language: str
) -> list[float]:
    """Each candidate's worth: centrality, position in its source and overlap with its headline."""
    weights = _SINGLE if len(titles) == 1 else _STORY
    central = _centrality(candidates, language)
    lexicon = _lexicon(language)
    headline_terms = [set(lexicon.terms(title or "")) for title in titles]
    scores = []
    for candidate, centrality in zip(candidates, central, strict=True):
        position = math.exp(-candidate.position / _POSITION_DECAY)
        headline = headline_terms[candidate.source]
        overlap = len(headline & candidate.terms.keys()) / len(headline) if headline else 0.0
        scores.append(
            weights.centrality * centrality + weights.position * position + weights.title * overlap
        )
    return scores


def _select(candidates: list[_Candidate], scores: list[float], count: int) -> list[_Candidate]:
    """Greedy maximal marginal relevance; near-duplicates of a chosen sentence are never taken."""
    chosen: list[_Candidate] = []
    used_sources: set[int] = set()
    remaining = list(range(len(candidates)))
    while remaining and len(chosen) < count:
        best, best_value = -1, -math.inf
        for index in remaining:
            candidate = candidates[index]
            overlap = max((_similarity(candidate, c) for c in chosen), default=0.0)
            if overlap >= _DUPLICATE:
                continue
            value = scores[index] - _REDUNDANCY * overlap
            if chosen and candidate.source not in used_sources:
                value += _NEW_SOURCE
            if value > best_value:
                best, best_value = index, value
        if best < 0:
            break
        chosen.append(candidates[best])
        used_sources.add(candidates[best].source)
        remaining.remove(best)
    return chosen


def _distinct(candidates: list[_Candidate]) -> list[_Candidate]:
    """Candidates with repeats left out (the same sentence in syndicated copies): first wins."""
    seen: set[str] = set()
    kept = []
    for candidate in candidates:
        key = _fold(candidate.text)
        if key not in seen:
            seen.add(key)
            kept.append(candidate)
    return kept


def summarize_text(
    text: str, *, count: int = 3, title: str | None = None, language: str = "english"
) -> list[str]:
    """Up to `count` sentences quoted verbatim from `text`, in text order."""
    return [
        sentence
        for sentence, _ in summarize_sources([(title or "", text)], count=count, language=language)
    ]


def summarize_sources(
    sources: Sequence[tuple[str, str]], *, count: int, language: str = "english"
) -> list[tuple[str, int]]:
    """Up to `count` sentences from a story's sources' (title, text), each with its source index.

    A single source gives its sentences in text order; several give each quoted source's
    sentences together, sources in the order their best sentence was chosen.
    """
    if count <= 0 or not sources:
        return []
    limit = _CANDIDATES if len(sources) == 1 else max(8, _STORY_CANDIDATES // len(sources))
    candidates = _distinct(
        [
            candidate
            for index, (title, text) in enumerate(sources)
            for candidate in _candidates(text, title, index, limit)
        ]
    )
    if not candidates:
        return []
    _analyse(candidates, language)
    scores = _scores(candidates, [title for title, _ in sources], language)
    chosen = _select(candidates, scores, count)
    first_pick: dict[int, int] = {}
    for rank, candidate in enumerate(chosen):
        first_pick.setdefault(candidate.source, rank)
    chosen.sort(key=lambda c: (first_pick[c.source], c.position))
    return [(c.text, c.source) for c in chosen]
