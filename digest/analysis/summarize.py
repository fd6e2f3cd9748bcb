"""Extractive summaries: sentences quoted verbatim from a story's sources.

How sentences are chosen. A set of candidate sentences is scored as ROUGE-1 F1 against a
pseudo-reference: the word counts a reference summary is expected to have, estimated from the
sources themselves. Every word of a source's first sentences counts, weighted by position
(exp(-i/decay) for its i-th sentence); a content word counts more the more sentences use it (what
a text keeps coming back to) and, across sources, the more sources use it (what the outlets agree
on is the core of the story). Counts are clipped as ROUGE clips them, stop words and all, so a set
earns nothing for repeating itself and pays for every word it adds: the choice weighs coverage
against length. The set is built greedily, then improved by single swaps. Two sentences whose
content words are too alike are never both chosen; boilerplate, disclaimers, fragments and the
headline never at all; short sentences, cut-off excerpts and headings only when a source lacks
full sentences.

Why this method is the default: it measured best (benchmarks/summaries.py; rouge-score, stemmed,
ROUGE-1 F1 on the development sets). CNN/DailyMail, 106 articles, 3 sentences: 44.4, against
Lead-3 43.4 by the set's own sentences or 43.5 by this project's splitter (better on 27 articles,
worse on 9), while sumy's LexRank, Luhn, TextRank and LSA reach 35.6, 34.4, 32.9 and 31.7: news
puts the gist first, which centrality ignores, and Lead-3 cannot trade a long or repetitive lead
sentence for a better one. AllSides, 156 stories, one sentence per source against the editor's
roundup: 40.9, against 38.0 for the first sentence of each source and 37.2-39.8 for sumy's methods
over all of a story's sentences. Adding sumy's TextRank centrality, a lead bonus or the headlines'
words to the score measured no better. The two readings differ: one article is read to its eighth
sentence, the lead counting most, and its pseudo-reference is scaled to 17 tokens a sentence asked
for (highlights are short); a story's sources are read to their tenth sentence nearly alike (feeds
carry mostly leads) at their own length. The values sit on plateaus: any `decay` from 1.25 to 5
and `length` from 13 to 23 keeps CNN/DailyMail between 43.5 and 44.5, and a story `decay` from 4
to 16 keeps AllSides between 40.6 and 41.0. (BBC News, 605 articles, 3 sentences against its
extractive summaries, not used to choose: 45.5 against Lead-3's 45.0.)

Cost: about 0.6-0.9 ms of CPU a CNN/DailyMail article, reading only a text's first sentences and
building a few small numpy arrays a story. sumy supplies the stemmer and stop words of each
language (`digest.analysis.lexicon`). This module imports sumy (and through it nltk and numpy):
keep it off `digest fetch`'s path.

Languages. The same method runs in every language with spaces between words, with that
language's stemmer and stop words, or with neither for one sumy lacks (measured on the English
sets, that loses little: 43.5 on CNN/DailyMail, Lead-3's score, and 40.5 on AllSides). Chinese,
Japanese and Thai, whose words cannot be told apart without a dictionary, get the plainest
summary instead: the sources' first sentences in turn, each verbatim.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

import numpy
from numpy.typing import NDArray

from digest.analysis.boilerplate import is_boilerplate, is_disclaimer
from digest.analysis.language import UNSPACED
from digest.analysis.lexicon import Lexicon, lexicon_for, resolve_language
from digest.analysis.sentences import iter_paragraphs, iter_sentence_spans

__all__ = [
    "MAX_SENTENCES",
    "READ_AHEAD",
    "Split",
    "read_ahead",
    "summarize_sources",
    "summarize_text",
    "summary_length",
]

MAX_SENTENCES = 5
"""The longest summary a story gets, however many sources it has."""

_MIN_WORDS = 5
_MIN_CHARS = 25
"""Shorter sentences are fragments, never quoted."""
_FULL_WORDS = 10
"""Shorter sentences are quoted only when there are not enough longer ones: they tend to lean
on their neighbours ("But his employers vetoed the move.")."""
# Closing marks of a sentence: English, German (“) and French (») quotes, Chinese and Japanese,
# Devanagari and Arabic stops.
_ENDINGS = tuple(".!?\"”’')»“。！？」』）।؟")
_TRUNCATED = ("...", "…", "[…]", "[...]")
_UNSPACED_CHARS = 10
_UNSPACED_FULL = 15
"""In Chinese, Japanese or Thai, shorter sentences are fragments, and sentences this long full
ones (a word there runs one to three characters)."""
_CAPTION_WORDS = 10
"""Words from which a line without closing punctuation may be a caption worth quoting."""
_DUPLICATE = 0.5
"""Cosine similarity of content words at which two sentences say the same thing."""

Vector = NDArray[numpy.float64]


_STORY_SENTENCES = 40
"""Sentences read from a story's sources in all, shared out among them..."""
_LEAD_SENTENCES = 4
"""...but never fewer than this from each."""


class _Reading(NamedTuple):
    """How a pseudo-reference is built from the sources, and which sentences may be quoted."""

    decay: float
    """Sentences into a source at which its words count 1/e as much as the lead's."""
    length: float | None
    """Tokens of pseudo-reference per sentence asked for; None keeps the sources' own length,
    their weighted counts averaged over the sources."""
    agreement: float
    """Extra weight of a word per further source that uses it."""
    recurrence: float
    """Extra weight of a content word per e-fold of the sentences that use it."""
    read: int
    """Sentences read per source, at least; later ones weigh too little to matter."""
    quotable: int
    """Sentences per source that may be quoted, at least ..."""
    per_sentence: int
    """... or this many per sentence asked for, if more."""


# One article: its first sentences carry the gist, a summary is a few short sentences (news
# highlights run 13-17 words each), and the first six candidates compete for three places.
_SINGLE = _Reading(
    decay=2.5, length=17.0, agreement=0.0, recurrence=0.5, read=8, quotable=4, per_sentence=2
)
# Several outlets: what they share is the story; their texts are mostly leads already, and a
# story's summary may be as long as one outlet's lead.
_STORY = _Reading(
    decay=8.0, length=None, agreement=0.5, recurrence=0.5, read=10, quotable=8, per_sentence=2
)


@dataclass
class _Sentence:
    text: str
    source: int
    position: int
    """Index among the sentences read from this source: 0 is its lead."""
    quotable: bool


def summary_length(source_count: int, single: int = 3) -> int:
    """Sentences in a story's summary: `single` for one source, one more per extra source,
    between 2 and `MAX_SENTENCES` for several. Callers count distinct texts: syndicated copies
    add nothing to quote."""
    if source_count <= 1:
        return max(single, 1)
    return max(2, min(MAX_SENTENCES, single + source_count - 1))


def _fold(text: str) -> str:
    return " ".join(text.lower().split())


def _read(
    text: str,
    title: str | None,
    source: int,
    reading: _Reading,
    count: int,
    most: int = _STORY_SENTENCES,
    split: Split | None = None,
    unspaced: bool = False,
) -> list[_Sentence]:
    """The first sentences of a source, boilerplate and disclaimers left out, each marked
    whether it may be quoted.

    At most `most` sentences are read. Fragments and the headline are never quoted. Full
    sentences of prose are preferred, and shorter ones quoted only as far as a source lacks
    enough full ones for `count` sentences. Cut-off
    sentences ("..." at the end of a feed's excerpt), and then headings, are quoted only when a
    source has no prose at all. `split` is `read_ahead(text)`, when it was made beforehand;
    `unspaced` says the text writes no spaces between words (Chinese, Japanese, Thai).
    """
    headline = _fold(title) if title else None
    limit = min(max(reading.quotable, reading.per_sentence * count), most)
    read = min(max(reading.read, limit), most)
    sentences: list[_Sentence] = []
    kinds: tuple[list[_Sentence], ...] = ([], [], [], [])
    full, short, cut, loose = kinds
    spans: Iterable[tuple[int, int]] = _candidate_spans(text)
    if split is not None and (split.complete or len(split.spans) >= read):
        spans = split.spans
    for begin, stop in spans:
        sentence = text[begin:stop]
        entry = _Sentence(sentence, source, len(sentences), quotable=False)
        sentences.append(entry)
        kind = _kind(sentence, headline, unspaced)
        if kind is not None:
            kinds[kind].append(entry)
        if len(sentences) >= read:
            break
    quotable = full[:limit]
    quotable += short[: max(0, count - len(quotable))]
    for entry in quotable or cut[:limit] or loose[:limit]:
        entry.quotable = True
    return sentences


def _kind(sentence: str, headline: str | None, unspaced: bool = False) -> int | None:
    """0 for a full sentence of prose, 1 for a short one, 2 for a cut-off one, 3 for a heading or
    label, None for a fragment or the headline."""
    if unspaced:
        length = len(sentence) * _FULL_WORDS // _UNSPACED_FULL
        fragment = len(sentence) < _UNSPACED_CHARS
    else:
        # Words are counted by their gaps: exact enough to tell a fragment, and cheap.
        length = sentence.count(" ") + 1
        fragment = length < _MIN_WORDS or len(sentence) < _MIN_CHARS
    if fragment:
        return None
    if headline is not None and _fold(sentence) == headline:
        return None
    if sentence.endswith(_TRUNCATED):
        return 2
    if not _reads_as_sentence(sentence):
        return 3
    return 0 if length >= _FULL_WORDS else 1


def _reads_as_sentence(sentence: str) -> bool:
    """Whether a sentence is prose: it ends like one, or it is a long line in sentence case
    (a photo caption) rather than a heading, byline or label."""
    if sentence.endswith(_ENDINGS):
        return True
    tokens = sentence.split()
    if len(tokens) < _CAPTION_WORDS:
        return False
    return sum(t[0].isupper() for t in tokens) * 2 < len(tokens)


def _candidate_spans(text: str) -> Iterator[tuple[int, int]]:
    """Offsets of the sentences of `text` a summary may consider, read lazily: those outside
    disclaimer paragraphs that are not boilerplate."""
    for start, end in iter_paragraphs(text):
        if not is_disclaimer(text[start:end]):
            for begin, stop in iter_sentence_spans(text[start:end]):
                if not is_boilerplate(text[start + begin : start + stop]):
                    yield start + begin, start + stop


class Split(NamedTuple):
    """The sentences of a text a summary may consider, found ahead of time (see `read_ahead`)."""

    spans: tuple[tuple[int, int], ...]
    complete: bool
    """Whether `spans` holds all of them, not only the first `READ_AHEAD`."""


READ_AHEAD = 48
"""Sentences `read_ahead` keeps: more than a summary reads (at most `_STORY_SENTENCES`)."""


def read_ahead(text: str) -> Split:
    """Split `text` for `summarize_sources` beforehand: a build does it for every article in
    worker processes while it groups the stories, so that summarizing them later costs less."""
    spans = list(islice(_candidate_spans(text), READ_AHEAD + 1))
    return Split(tuple(spans[:READ_AHEAD]), len(spans) <= READ_AHEAD)


class _Counts(NamedTuple):
    """Token counts of the sentences read, a row each, over the story's vocabulary."""

    matrix: Vector
    content: NDArray[numpy.bool_]
    """Columns of content words (not stop words)."""


def _counts(sentences: list[_Sentence], lexicon: Lexicon) -> _Counts:
    numbers: list[int] = []
    lengths: list[int] = []
    for sentence in sentences:
        found = lexicon.numbers(sentence.text)
        numbers.extend(found)
        lengths.append(len(found))
    tokens, columns = numpy.unique(numpy.array(numbers, dtype=numpy.int64), return_inverse=True)
    # Columns in the order of the tokens themselves, not of their numbers: the numbers depend on
    # what the lexicon met before, and sums taken in another order can tip a close choice.
    names = lexicon.names
    order = sorted(range(len(tokens)), key=[names[t] for t in tokens.tolist()].__getitem__)
    tokens, columns = tokens[order], numpy.argsort(order)[columns]
    width = max(len(tokens), 1)
    rows = numpy.repeat(numpy.arange(len(sentences)), lengths)
    matrix = numpy.bincount(rows * width + columns, minlength=len(sentences) * width)
    is_stop = lexicon.is_stop
    content = numpy.array([not is_stop[t] for t in tokens.tolist()] or [True])
    return _Counts(matrix.reshape(len(sentences), width).astype(numpy.float64), content)


def _pseudo_reference(
    sentences: list[_Sentence], counts: _Counts, sources: int, reading: _Reading, count: int
) -> Vector:
    """Expected count of each token in a reference summary of these sentences."""
    matrix, content = counts
    weights = numpy.array([math.exp(-s.position / reading.decay) for s in sentences])
    reference = weights @ matrix / sources
    used = matrix > 0
    if sources > 1 and reading.agreement:
        per_source = numpy.zeros((sources, matrix.shape[1]), dtype=bool)
        for sentence, row in zip(sentences, used, strict=True):
            per_source[sentence.source] |= row
        reference *= 1.0 + reading.agreement * (per_source.sum(axis=0) - 1)
    if reading.recurrence:
        recurring = numpy.log(numpy.maximum(used.sum(axis=0), 1))
        reference *= 1.0 + reading.recurrence * numpy.where(content, recurring, 0.0)
    if reading.length is not None:
        reference *= reading.length * count / max(float(reference.sum()), 1e-9)
    return reference


def _near_duplicates(counts: Vector, content: NDArray[numpy.bool_]) -> NDArray[numpy.bool_]:
    """Pairs of candidates whose content words are too alike for both to be quoted."""
    terms = counts[:, content]
    norms = numpy.linalg.norm(terms, axis=1)
    norms[norms == 0] = 1.0
    unit = terms / norms[:, numpy.newaxis]
    similar: NDArray[numpy.bool_] = unit @ unit.T >= _DUPLICATE
    numpy.fill_diagonal(similar, False)
    return similar


def _score(totals: Vector, reference: Vector) -> Vector:
    """ROUGE-1 F1 (x 1/2) of summaries with these token totals (one a row) against `reference`."""
    overlap = numpy.minimum(totals, reference).sum(axis=-1)
    score: Vector = overlap / numpy.maximum(totals.sum(axis=-1) + reference.sum(), 1e-9)
    return score


def _choose(
    counts: Vector, reference: Vector, similar: NDArray[numpy.bool_], count: int
) -> list[int]:
    """Add the row that raises the score most until `count` are chosen, then swap rows in and
    out while that raises it further."""
    chosen: list[int] = []
    total = numpy.zeros(counts.shape[1])
    while len(chosen) < count:
        allowed = _allowed(similar, chosen, chosen)
        if not allowed.any():
            break
        values = numpy.where(allowed, _score(total + counts, reference), -1.0)
        best = int(numpy.argmax(values))
        chosen.append(best)
        total += counts[best]
    current = float(_score(total, reference))
    for _ in range(2 * count):
        improved = False
        for slot in range(len(chosen)):
            allowed = _allowed(similar, chosen[:slot] + chosen[slot + 1 :], chosen)
            rest = total - counts[chosen[slot]]
            values = numpy.where(allowed, _score(rest + counts, reference), -1.0)
            best = int(numpy.argmax(values))
            if values[best] > current + 1e-12:
                total = rest + counts[best]
                chosen[slot], current, improved = best, float(values[best]), True
        if not improved:
            break
    return chosen


def _allowed(
    similar: NDArray[numpy.bool_], beside: list[int], taken: list[int]
) -> NDArray[numpy.bool_]:
    """Rows not yet `taken` that say something different from each row `beside`."""
    allowed: NDArray[numpy.bool_] = numpy.ones(len(similar), dtype=bool)
    if beside:
        allowed &= ~similar[beside].any(axis=0)
    allowed[taken] = False
    return allowed


def summarize_text(
    text: str, *, count: int = 3, title: str | None = None, language: str = "english"
) -> list[str]:
    """Up to `count` sentences quoted verbatim from `text`, in text order."""
    return [
        sentence
        for sentence, _ in summarize_sources([(title or "", text)], count=count, language=language)
    ]


def summarize_sources(
    sources: Sequence[tuple[str, str]],
    *,
    count: int,
    language: str = "english",
    splits: Sequence[Split | None] | None = None,
) -> list[tuple[str, int]]:
    """Up to `count` sentences from a story's sources' (title, text), each with its source index.

    A single source gives its sentences in text order. Several give each quoted source's
    sentences together in text order, the source with the earliest (most lead-like) sentence
    first. Sources with the same text count as one, the earliest. `splits`, one per source,
    are their texts' `read_ahead`, when made beforehand (None where not).

    `language` picks the stemmer and stop words (see `resolve_language`: a sumy name, a code
    such as "de-AT", or "auto"). Chinese, Japanese and Thai write no spaces between words, so
    their summaries are the lead sentences of the sources in turn.
    """
    if count <= 0 or not sources:
        return []
    language = resolve_language(language, (text for _, text in sources))
    first_with: dict[str, int] = {}
    for index, (_, text) in enumerate(sources):
        first_with.setdefault(text, index)
    if len(first_with) < len(sources):
        # Syndicated copies are read once, and credited to the earliest source carrying them:
        # a copy repeats, it does not agree.
        kept = sorted(first_with.values())
        summary = summarize_sources(
            [sources[i] for i in kept],
            count=count,
            language=language,
            splits=None if splits is None else [splits[i] for i in kept],
        )
        return [(text, kept[source]) for text, source in summary]
    reading = _SINGLE if len(sources) == 1 else _STORY
    # A story told by many outlets is read from each one's lead: the later sentences of the
    # tenth report add time, not a better summary.
    most = max(_LEAD_SENTENCES, -(-_STORY_SENTENCES // len(sources)))
    unspaced = language in UNSPACED
    sentences = [
        sentence
        for index, (title, text) in enumerate(sources)
        for sentence in _read(
            text,
            title,
            index,
            reading,
            count,
            most,
            None if splits is None else splits[index],
            unspaced,
        )
    ]
    if len(sources) > 1:
        _quote_copies_once(sentences)
    quotable = [i for i, s in enumerate(sentences) if s.quotable]
    if not quotable:
        return []
    if unspaced:
        return [(s.text, s.source) for s in _in_reading_order(_leads(sentences, count))]
    size = min(count, len(quotable))
    counts, content = _counts(sentences, lexicon_for(language))
    reference = _pseudo_reference(sentences, _Counts(counts, content), len(sources), reading, size)
    candidates = counts[quotable]
    picked = _choose(candidates, reference, _near_duplicates(candidates, content), size)
    chosen = [sentences[quotable[i]] for i in sorted(picked)]
    return [(s.text, s.source) for s in _in_reading_order(chosen)]


def _leads(sentences: list[_Sentence], count: int) -> list[_Sentence]:
    """The first quotable sentences of the sources in turn (each one's first, then each one's
    second...): the summary of a text whose words cannot be told apart."""
    queues: dict[int, list[_Sentence]] = {}
    for sentence in sentences:
        if sentence.quotable:
            queues.setdefault(sentence.source, []).append(sentence)
    chosen: list[_Sentence] = []
    for depth in range(max(map(len, queues.values()), default=0)):
        chosen.extend(queue[depth] for queue in queues.values() if depth < len(queue))
    return chosen[:count]


def _quote_copies_once(sentences: list[_Sentence]) -> None:
    """The same sentence in several sources (syndicated copies) is quoted from the first only."""
    seen: set[str] = set()
    for sentence in sentences:
        key = _fold(sentence.text)
        if key in seen:
            sentence.quotable = False
        seen.add(key)


def _in_reading_order(chosen: list[_Sentence]) -> list[_Sentence]:
    """Each source's sentences together in text order; sources by their earliest sentence,
    then by their order in the story."""
    lead: dict[int, int] = {}
    for sentence in chosen:
        lead[sentence.source] = min(lead.get(sentence.source, sentence.position), sentence.position)
    return sorted(chosen, key=lambda s: (lead[s.source], s.source, s.position))
