"""Joining articles that report the same event into stories.

Each article becomes a TF-IDF vector of its headline (counted three times) and lead (its first 700
characters or so, the opening 200 of them counted twice: a report names its event first): stop
words removed, words lower-cased and lightly stemmed, hyphenated words kept whole and in parts,
numbers normalised ("$1.2T" and "1.2 trillion" agree). IDF is taken over the batch. Only pairs
that share two key terms (terms among each one's heaviest) are compared, found through an
inverted index, so the work grows with the number of plausible pairs rather than with all pairs.

Two reports are of one event when they name the same particulars (people, places, bodies,
figures) and say the same of them. Sharing only the names is another story about the same people
(a running story, another day); sharing only the words is the same kind of event elsewhere (a
governor's vaccine order in Texas and one in California). So each vector is cut in two, the names
and the other words, and a pair's similarity is the geometric mean of the cosines of the two
parts: high only when both are. Names are the words the batch writes with a capital most of the
time, and numbers. Where an article has next to nothing on one side (a script without capitals,
a bare list of names) the plain cosine of the whole vectors stands instead.

A similarity says less in a crowded topic, where many unrelated reports share an article's
vocabulary (a month of COVID or Afghanistan coverage), than for an article unlike the rest of the
batch. So each article's background, the mean of its five highest similarities to articles it is
not plainly linked to, is measured, and a pair's similarity is lowered by as much as the pair's
background exceeds the usual level. It is never raised: weak links of an isolated article are
weak evidence, not strong. Links strong enough to be the same story are left out of the
background, so a story carried by many outlets does not count against itself. In a small batch,
where an article has had few others to be compared with, the missing neighbours are taken at a
middling background rather than at zero, so that a handful of items is judged conservatively.

Articles are then joined by average-link clustering (which does not chain: a report linking two
events joins at most one of them) at a conservative threshold measured on the AllSides development
set (see benchmarks/stories.py): an unrelated article merged into a story is worse than two stories
left apart. Syndicated copies (the same text in several feeds) always join. With times given, only
articles within `window` of each other are compared.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import NamedTuple

import numpy
from numpy.typing import NDArray

from digest.analysis.boilerplate import is_boilerplate
from digest.analysis.stemming import light_stem
from digest.analysis.stopwords import STORY_STOP_WORDS
from digest.models import Article

__all__ = [
    "STORY_WINDOW",
    "Bag",
    "THRESHOLD",
    "group_articles",
    "group_items",
    "group_stories",
    "term_bags",
]

THRESHOLD = 0.185
"""Average similarity (after the background correction) at which two groups are one story."""
STORY_WINDOW = timedelta(days=4)
"""Articles further apart in time than this are never one story."""

_TITLE_WEIGHT = 3
_LEAD_CHARS = 700
"""The lead compared: about the first five sentences of a news report."""
_OPENING_CHARS = 200
"""The opening of the lead, about its first sentence, whose words count twice."""
_OPENING_WEIGHT = 2
_KEY_TERMS = 25
"""Terms per article used to find candidate pairs: its heaviest ones. Fewer miss pairs, and
with them the neighbours that measure an article's background (see `_corrected`)."""
_KEY_POSTINGS = 50
"""A term that is key to more articles than this is not used to find pairs."""
_BACKGROUND_NEIGHBOURS = 5
_USUAL_BACKGROUND = 0.15
"""Background similarity that costs nothing; above it, a pair must be that much more alike."""
_UNKNOWN_BACKGROUND = 0.25
_PRIOR_ARTICLES = 20
"""A neighbour an article lacks counts as `_UNKNOWN_BACKGROUND`, scaled by
`_PRIOR_ARTICLES / (_PRIOR_ARTICLES + others)`: fully in a tiny batch, hardly in a large one."""
_STRONG = 0.4
"""Similarities from here up are taken as the same story and left out of the background."""
_FINGERPRINT_CHARS = 240
_EDGE_FLOOR = 0.5
"""Similarities under this share of the threshold are dropped: they would only lower averages."""
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*[^\W\d_]*|[^\W_]+(?:['’.&-][^\W_]+)*")
_NAME_SHARE = 0.7
"""A word that at least this share of the articles using it write with a capital is a name."""
_LEAST_PART = 0.05
"""Each part's cosine counts as at least this: two reports sharing nothing on one side (a name
spelt two ways, a report of bare facts) are not thereby unlike."""
_FACET_SHARE = 0.05
"""Below this share of an article's (squared) weight on names, or above one minus it, the
plain cosine is used for it (see `_facets`)."""
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)(k|m|mn|bn|b|t|tn|tr)")
_UNITS = {"k": "thousand", "m": "million", "mn": "million", "b": "billion", "bn": "billion"}
_UNITS |= {"t": "trillion", "tn": "trillion", "tr": "trillion"}
_MEMO_TOKENS = 200_000
_TOKEN_TERMS: dict[str, tuple[str, ...]] = {}
"""Terms of each token seen, kept because the same words recur across a batch."""


def _terms(text: str) -> list[str]:
    """Stemmed content words and normalised numbers of a text."""
    terms: list[str] = []
    for token in _TOKEN.findall(text.lower()):
        known = _TOKEN_TERMS.get(token)
        if known is None:
            known = _token_terms(token)
            if len(_TOKEN_TERMS) < _MEMO_TOKENS:
                _TOKEN_TERMS[token] = known
        terms.extend(known)
    return terms


def _token_terms(token: str) -> tuple[str, ...]:
    if token[0].isdigit():
        return _number(token)
    # "covid-19" and "covid", "anti-vaccine" and "vaccine" should meet; the "19" or "7" of
    # "covid-19" or "g-7" alone says nothing.
    parts = [token, *token.split("-")] if "-" in token else [token]
    return tuple(
        light_stem(part)
        for part in parts
        if part not in STORY_STOP_WORDS and len(part) > 1 and not part.isdigit()
    )


def _number(token: str) -> tuple[str, ...]:
    """ "444,000" -> 444000; "$3.5T", "500m", "1.2bn" -> the number and its unit as a word."""
    plain = token.replace(",", "")
    amount = _AMOUNT.fullmatch(plain)
    if amount:
        return amount.group(1), _UNITS[amount.group(2)]
    return (plain,)


def _lead(title: str, text: str) -> str:
    """About the first `_LEAD_CHARS` of the text, without a repeat of the headline or notices.

    A disclaimer or footer says nothing of the event, and a feed that appends the same one to
    every article would otherwise make its unrelated articles look alike.
    """
    folded_title = " ".join(title.lower().split())
    chosen: list[str] = []
    room = _LEAD_CHARS
    for line in text[: _LEAD_CHARS * 2].splitlines():
        line = line.strip()
        if not line or " ".join(line.lower().split()) == folded_title or is_boilerplate(line):
            continue
        if len(line) > room:
            cut = line.rfind(" ", 0, room)
            chosen.append(line[: cut if cut > 0 else room])
            break
        chosen.append(line)
        room -= len(line) + 1
    return " ".join(chosen)


def _fingerprint(title: str, text: str) -> str:
    """Normalised opening of the text (or the headline when there is little text)."""
    body = " ".join(text[: _FINGERPRINT_CHARS * 2].lower().split())
    if len(body) < 60:
        body = " ".join(title.lower().split()) + "|" + body
    return body[:_FINGERPRINT_CHARS]


class Bag(NamedTuple):
    """What an article brings to the grouping: its weighted term counts, and the terms its lead
    writes with a capital."""

    terms: Counter[str]
    capitalised: frozenset[str]


def term_bags(items: Sequence[tuple[str, str]]) -> list[Bag]:
    """The `Bag` of each (title, text): its headline's terms counted `_TITLE_WEIGHT` times, its
    lead's opening `_OPENING_WEIGHT` times, the rest of the lead once.

    Each item's bag depends on it alone, so a caller may make them elsewhere (a build does, in
    worker processes) and hand them to `group_items`.
    """
    capitals = _capitalised_word()
    bags: list[Bag] = []
    for title, text in items:
        counts = Counter(_terms(title))
        for term in counts:
            counts[term] *= _TITLE_WEIGHT
        lead = _lead(title, text)
        cut = lead.rfind(" ", 0, _OPENING_CHARS) if len(lead) > _OPENING_CHARS else len(lead)
        cut = cut if cut > 0 else _OPENING_CHARS
        for term in _terms(lead[:cut]):
            counts[term] += _OPENING_WEIGHT
        counts.update(_terms(lead[cut:]))
        capitalised = frozenset(_terms(" ".join(capitals.findall(lead)).lower()))
        bags.append(Bag(counts, capitalised))
    return bags


@cache
def _capitalised_word() -> re.Pattern[str]:
    """A `_TOKEN` word that starts with a capital letter (of any script that has them)."""
    capitals = "".join(c for c in map(chr, range(0x10000)) if c.isupper() and c.lower() != c)
    return re.compile(r"\b[" + re.escape(capitals) + r"][^\W_]*(?:['’.&-][^\W_]+)*")


def _names(bags: Sequence[Bag], frequency: Counter[str]) -> frozenset[str]:
    """The terms that stand for names in this batch: numbers, and the words that at least
    `_NAME_SHARE` of the articles using them write with a capital. (Over a batch, a common
    word's capital at the start of a sentence is outweighed by its uses in lower case.)
    `frequency` is the number of articles using each term."""
    capitalised: Counter[str] = Counter()
    for bag in bags:
        capitalised.update(bag.capitalised)
    named = {term for term, count in capitalised.items() if count >= _NAME_SHARE * frequency[term]}
    return frozenset(named.union(term for term in frequency if term[0].isdigit()))


def _vectors(counts: Sequence[Counter[str]]) -> tuple[list[dict[str, float]], Counter[str]]:
    """Unit-length TF-IDF vectors, and the number of vectors holding each term; IDF is smoothed
    so that small batches still compare."""
    document_frequency: Counter[str] = Counter()
    for bag in counts:
        document_frequency.update(bag.keys())
    total = len(counts)
    idf = {t: math.log((total + 1) / (df + 1)) + 1.0 for t, df in document_frequency.items()}
    vectors = []
    for bag in counts:
        weights = {t: (1.0 + math.log(c)) * idf[t] for t, c in bag.items()}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        vectors.append({t: w / norm for t, w in weights.items()})
    return vectors, document_frequency


class _Facets(NamedTuple):
    """An article's unit vector and its names' part."""

    whole: dict[str, float]
    names: dict[str, float]
    lengths: tuple[float, float] | None
    """The lengths of the names' part and of the rest, or None when one of them holds almost
    all of the vector (a text without capitals, a list of names)."""


def _facets(vector: dict[str, float], names: frozenset[str]) -> _Facets:
    named = {term: weight for term, weight in vector.items() if term in names}
    share = sum(w * w for w in named.values())
    if not _FACET_SHARE <= share <= 1.0 - _FACET_SHARE:
        return _Facets(vector, named, None)
    return _Facets(vector, named, (math.sqrt(share), math.sqrt(1.0 - share)))


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(w * b[t] for t, w in a.items() if t in b)


def _similarity(a: _Facets, b: _Facets) -> float:
    """The geometric mean of the cosines over names and over the other words (each taken as at
    least `_LEAST_PART`), when both articles have both; else the plain cosine."""
    whole = _dot(a.whole, b.whole)
    if a.lengths is None or b.lengths is None:
        return whole
    (names_a, rest_a), (names_b, rest_b) = a.lengths, b.lengths
    named = _dot(a.names, b.names)
    other = max(0.0, whole - named)
    return math.sqrt(
        max(named / (names_a * names_b), _LEAST_PART) * max(other / (rest_a * rest_b), _LEAST_PART)
    )


def _candidate_pairs(vectors: Sequence[dict[str, float]]) -> list[tuple[int, int]]:
    """Pairs of articles that share two key terms: terms among each one's heaviest.

    Reports of one event share their distinctive names and words, and those weigh most in each
    report, so comparing only articles whose key terms meet finds them without comparing all
    pairs. A term that is key to very many articles is skipped: it names no single event.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for term in sorted(vector, key=vector.__getitem__, reverse=True)[:_KEY_TERMS]:
            postings[term].append(index)
    # Each pair (a, b), a < b, is counted as the number a * size + b, once per key term shared.
    size = len(vectors)
    upper: dict[int, tuple[NDArray[numpy.intp], NDArray[numpy.intp]]] = {}
    codes = [numpy.zeros(0, dtype=numpy.int64)]
    for members in postings.values():
        count = len(members)
        if 1 < count <= _KEY_POSTINGS:
            if count not in upper:
                upper[count] = numpy.triu_indices(count, 1)
            first, second = upper[count]
            listed = numpy.asarray(members, dtype=numpy.int64)  # in index order
            codes.append(listed[first] * size + listed[second])
    pair_codes, shared = numpy.unique(numpy.concatenate(codes), return_counts=True)
    # An article of one or two terms (a bare headline) cannot share two.
    tiny = numpy.array([len(vector) <= 2 for vector in vectors] or [False])
    alone = (shared == 1) & (tiny[pair_codes // size] | tiny[pair_codes % size])
    kept = pair_codes[(shared >= 2) | alone]
    return list(zip((kept // size).tolist(), (kept % size).tolist(), strict=True))


def _corrected(
    size: int, similarities: dict[tuple[int, int], float]
) -> dict[tuple[int, int], float]:
    """Similarities lowered where the two articles sit in a crowded part of the batch.

    An article's background is the mean of its `_BACKGROUND_NEIGHBOURS` highest similarities
    below `_STRONG`; a pair loses what its mean background has above `_USUAL_BACKGROUND`.
    """
    near: list[list[float]] = [[] for _ in range(size)]
    for (a, b), similarity in similarities.items():
        if similarity < _STRONG:
            near[a].append(similarity)
            near[b].append(similarity)
    unseen = _UNKNOWN_BACKGROUND * _PRIOR_ARTICLES / (_PRIOR_ARTICLES + size - 1)
    background = [
        (
            sum(heapq.nlargest(_BACKGROUND_NEIGHBOURS, values))
            + max(0, _BACKGROUND_NEIGHBOURS - len(values)) * unseen
        )
        / _BACKGROUND_NEIGHBOURS
        for values in near
    ]
    return {
        (a, b): similarity - max(0.0, (background[a] + background[b]) / 2 - _USUAL_BACKGROUND)
        for (a, b), similarity in similarities.items()
    }


def _average_link(size: int, edges: dict[tuple[int, int], float], threshold: float) -> list[int]:
    """Cluster ids per item by average-link over a sparse similarity graph (missing edges are 0)."""
    links: dict[int, dict[int, float]] = defaultdict(dict)
    for (a, b), similarity in edges.items():
        links[a][b] = similarity
        links[b][a] = similarity
    members = {i: [i] for i in range(size)}
    version = [0] * size
    heap = [(-s, a, b, 0, 0) for (a, b), s in edges.items() if s >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b, version_a, version_b = heapq.heappop(heap)
        if -negative < threshold:
            break
        if a not in members or b not in members:
            continue
        if version[a] != version_a or version[b] != version_b:
            continue
        # Merge b into a; a's summed links to every neighbour grow by b's.
        members[a].extend(members.pop(b))
        version[a] += 1
        for other, total in links.pop(b).items():
            del links[other][b]
            if other == a:
                continue
            links[a][other] = links[a].get(other, 0.0) + total
            links[other][a] = links[a][other]
        links[a].pop(b, None)
        for other, total in links[a].items():
            average = total / (len(members[a]) * len(members[other]))
            if average >= threshold:
                pair = (a, other, version[a], version[other])
                if other < a:
                    pair = (other, a, version[other], version[a])
                heapq.heappush(heap, (-average, *pair))
    labels = [0] * size
    for cluster, items in members.items():
        for item in items:
            labels[item] = cluster
    return labels


def _first_appearance(labels: Sequence[int]) -> list[int]:
    renumber: dict[int, int] = {}
    return [renumber.setdefault(label, len(renumber)) for label in labels]


def group_items(
    items: Sequence[tuple[str, str]],
    times: Sequence[datetime | None] | None = None,
    *,
    window: timedelta = STORY_WINDOW,
    threshold: float = THRESHOLD,
    bags: Callable[[Sequence[tuple[str, str]]], Sequence[Bag]] = term_bags,
) -> list[int]:
    """A story label per (title, text) item, 0..k-1 in order of first appearance.

    With `times`, two items more than `window` apart are never compared (a missing time is
    taken as close to any other). Syndicated copies share a label whatever their times.
    `bags` makes the items' `Bag`s: `term_bags`, or the same work done elsewhere.
    """
    # Copies are clustered once, through their first occurrence, and counted once for IDF.
    first_copy: dict[str, int] = {}
    representative = [first_copy.setdefault(_fingerprint(*item), i) for i, item in enumerate(items)]
    unique = sorted(first_copy.values())
    made = bags([items[i] for i in unique])
    vectors, frequency = _vectors([bag.terms for bag in made])
    names = _names(made, frequency)
    facets = [_facets(vector, names) for vector in vectors]
    similarities: dict[tuple[int, int], float] = {}
    for a, b in _candidate_pairs(vectors):
        if times is None or not _apart(times[unique[a]], times[unique[b]], window):
            similarities[a, b] = _similarity(facets[a], facets[b])
    edges = {
        pair: similarity
        for pair, similarity in _corrected(len(unique), similarities).items()
        if similarity >= threshold * _EDGE_FLOOR
    }
    clusters = _average_link(len(unique), edges, threshold)
    cluster_of = {item: clusters[position] for position, item in enumerate(unique)}
    return _first_appearance([cluster_of[representative[i]] for i in range(len(items))])


def _apart(a: datetime | None, b: datetime | None, window: timedelta) -> bool:
    return a is not None and b is not None and abs(a - b) > window


def group_stories(items: Sequence[tuple[str, str]]) -> list[int]:
    """A story label per (title, text) item, 0..k-1 in order of first appearance."""
    return group_items(items)


def group_articles(
    articles: Sequence[Article],
    *,
    window: timedelta = STORY_WINDOW,
    when: Callable[[Article], datetime] = lambda article: article.when,
    bags: Callable[[Sequence[tuple[str, str]]], Sequence[Bag]] = term_bags,
) -> list[list[Article]]:
    """Stories as lists of articles, in order of each story's first article in `articles`;
    `when` gives the time an article is filed under for the window; `bags` as for
    `group_items`."""
    labels = group_items(
        [(a.title, a.text) for a in articles],
        [when(a) for a in articles],
        window=window,
        bags=bags,
    )
    stories: list[list[Article]] = [[] for _ in range(max(labels, default=-1) + 1)]
    for label, article in zip(labels, articles, strict=True):
        stories[label].append(article)
    return stories
