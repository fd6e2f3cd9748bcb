"""The topic of an article: the user's feed topic, then the entry's categories, then its words.

The default taxonomy is fixed (`TAXONOMY`, in the order the reader lists it). Entry categories are
mapped through a table of section names in English and seventeen other languages ("Politik",
"Économie", "Deportes", "Esteri", "Спорт"); failing that, the title and text are scored against
hand-written keyword lists (`digest.analysis.keywords`: English, with German, French and Spanish
words from `digest.analysis.keywords_intl`). Users' own topics (config `[[topics]]`) win over the
keyword lists when one of their keywords occurs. Nothing here was fitted to the evaluation sets;
they only measure it.

Scoring: HTML entities are decoded, words are folded to a known keyword form ("elections" ->
"election", "bombed" -> "bomb"), keyword phrases ("interest rates", "world cup") are read as one
term, and a capitalised word may mean something of its own ("Bills" the team, "bills" the laws).
Each topic adds up its keywords' weights, damped for repeats, headline words counting more.
"""

from __future__ import annotations

import html
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import chain

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
_LEAD_CHARS = 250
_LEAD_WEIGHT = 2.0
"""The lead (about the first sentence) counts double: news puts the point of a story first."""

_SHORT_TEXT_WORDS = 80
"""A text this short (a feed's description) names a user topic with one keyword."""

_MEMO_WORDS = 200_000
"""Word forms remembered between calls; the memo is emptied when it grows past this."""

_SCORE = re.compile(r"\(?\d{1,3}-\d{1,3}\)?[,.;:]?")
"""A scoreline such as "24-17" or "(3-1)"; its own term, a sign of a sports report."""
_SCORELINE = "<scoreline>"
_SCORELINE_WEIGHT = 1.0

_TOKEN = re.compile(r"[$£€¥%]|[^\W_]+(?:['’.&][^\W_]+)*")
_BARE_ENTITY = re.compile(r"(?<!&)(#\d{1,7};)|(?<![&\w;])((?:quot|amp|lt|gt|apos|nbsp);)")
_TAG = re.compile(r"<[^<>]{0,300}>")

# Plural endings that are not plurals: "news", "series", "bus", "crisis", "physics", "famous".
_NOT_PLURAL = ("ss", "us", "is", "ics", "news", "series", "species", "itis")
_TOPICS = tuple(t for t in TAXONOMY if t != OTHER)


def _clean(text: str) -> str:
    """Feed text as words: entities decoded (also AG-style bare ones like "#39;"), tags dropped."""
    if ";" in text:
        text = _BARE_ENTITY.sub(r"&\1\2", text)
    # Twice, for text escaped twice ("&amp;lt;b&amp;gt;").
    for _ in range(2):
        if "&" not in text:
            break
        text = html.unescape(text)
    if "<" in text:
        text = _TAG.sub(" ", text)
    return text


def _plural_stems(word: str) -> tuple[str, ...]:
    """Singular candidates of a plural-looking word, most likely first."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(_NOT_PLURAL):
        return ()
    if word.endswith("ies") and len(word) > 4:
        return (word[:-3] + "y", word[:-1])
    if word.endswith("es"):
        return (word[:-1], word[:-2])
    return (word[:-1],)


def _verb_stems(word: str) -> tuple[str, ...]:
    """Base candidates of an -ing or -ed form: "voted" -> "vote", "stopped" -> "stop"."""
    for ending in ("ing", "ed"):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            found = [stem + "e", stem]
            if len(stem) > 3 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
                found.append(stem[:-1])
            if ending == "ed" and stem.endswith("i"):
                found.append(stem[:-1] + "y")
            return tuple(found)
    return ()


def _bare(token: str) -> str:
    """A token without its possessive: "Iraq's" -> "Iraq", "players'" -> "players"."""
    word = token.replace("’", "'")
    if word.endswith("'s"):
        return word[:-2]
    return word.rstrip("'")


def _split_terms(table: dict[str, dict[str, float]]) -> tuple[set[str], set[str]]:
    """The lower-case words of all keywords, and the capitalised one-word keywords, which are
    matched only as written ("Bills" the team; "bills" are laws)."""
    words: set[str] = set()
    cased: set[str] = set()
    for keywords in table.values():
        for keyword in keywords:
            parts = [_bare(t) for t in _TOKEN.findall(keyword.replace("-", " "))]
            if len(parts) == 1 and parts[0][:1].isupper():
                cased.add(parts[0])
            else:
                words.update(p.lower() for p in parts)
    return words, cased


def _canonical_forms(words: set[str]) -> dict[str, str]:
    """Each keyword word -> the form it is counted under: its singular when that is a keyword word
    too ("strikes" -> "strike"), else itself."""
    forms: dict[str, str] = {}
    for word in words:
        forms[word] = next((s for s in _plural_stems(word) if s in words), word)
    return forms


_WORDS, _CASED = _split_terms(KEYWORDS)
_FORMS = _canonical_forms(_WORDS)


def _key(word: str) -> str:
    """The term a lower-case word counts as: a keyword word's form when it is one or inflects one
    ("bombings" -> "bombing", "bombed" -> "bomb"), else the word itself."""
    form = _FORMS.get(word)
    if form is not None:
        return form
    for stem in (*_plural_stems(word), *_verb_stems(word)):
        form = _FORMS.get(stem)
        if form is not None:
            return form
    return word


def _word_key(token: str) -> str:
    """The term a token counts as: a capitalised keyword as written, else its `_key`."""
    word = _bare(token)
    return word if word in _CASED else _key(word.lower())


class _Chunks(dict[str, tuple[str, ...]]):
    """Memo: a whitespace-separated chunk of text ("Iraq's", "(AP)", "U.S.-led") -> the terms of
    its words. Chunks repeat a lot, so most text is read with str.split and dict lookups."""

    def __missing__(self, chunk: str) -> tuple[str, ...]:
        if _SCORE.fullmatch(chunk):
            keys: tuple[str, ...] = (_SCORELINE,)
        else:
            keys = tuple(_word_key(token) for token in _TOKEN.findall(chunk))
        if len(self) >= _MEMO_WORDS:
            self.clear()
        self[chunk] = keys
        return keys


_CHUNKS = _Chunks()


_CAPITALISED = {_key(c.lower()): c for c in _CASED}


def _phrase_variants(words: tuple[str, ...]) -> list[tuple[str, ...]]:
    """A phrase's word keys, plus the variants where a word is written as a capitalised keyword
    ("manchester United" must still be the club)."""
    variants: list[tuple[str, ...]] = [()]
    for word in words:
        options = (word, _CAPITALISED[word]) if word in _CAPITALISED else (word,)
        variants = [v + (o,) for v in variants for o in options]
    return variants


_Phrases = dict[str, dict[str, list[tuple[tuple[str, ...], str]]]]


def _compile(
    table: dict[str, dict[str, float]],
) -> tuple[dict[str, tuple[tuple[int, float], ...]], _Phrases]:
    """term -> ((topic index, weight), ...), and first word -> second word -> [(phrase word keys,
    term)], longest phrases first."""
    weights: dict[str, dict[int, float]] = {}
    phrases: _Phrases = {}
    for topic, keywords in table.items():
        index = _TOPICS.index(topic)
        for keyword, weight in keywords.items():
            parts = [_bare(t) for t in _TOKEN.findall(keyword.replace("-", " "))]
            if len(parts) == 1 and parts[0] in _CASED:
                term = parts[0]
            else:
                words = tuple(_key(p.lower()) for p in parts)
                term = " ".join(words)
                for variant in _phrase_variants(words) if len(words) > 1 else ():
                    known = phrases.setdefault(variant[0], {}).setdefault(variant[1], [])
                    if (variant, term) not in known:
                        known.append((variant, term))
            per_topic = weights.setdefault(term, {})
            per_topic[index] = max(per_topic.get(index, 0.0), weight)
    for by_second in phrases.values():
        for known in by_second.values():
            known.sort(key=lambda phrase: -len(phrase[0]))
    index_table = {term: tuple(sorted(w.items())) for term, w in weights.items()}
    return index_table, phrases


_INDEX, _PHRASES = _compile(KEYWORDS)
_INDEX[_SCORELINE] = ((_TOPICS.index("Sports"), _SCORELINE_WEIGHT),)
_DAMP = tuple(0.0 if n == 0 else 1.0 + math.log(n) for n in range(64))


def _terms(text: str) -> list[str]:
    """The text's terms in order: word keys, with each keyword phrase joined into one term (its
    other words left as "")."""
    keys = list(chain.from_iterable(map(_CHUNKS.__getitem__, text.split())))
    heads = _PHRASES.keys() & keys
    if not heads:
        return keys
    n, done = len(keys), 0
    for i in [i for i, key in enumerate(keys) if key in heads]:
        if i < done or i + 1 == n:
            continue
        for words, term in _PHRASES[keys[i]].get(keys[i + 1], ()):
            end = i + len(words)
            if end <= n and tuple(keys[i:end]) == words:
                keys[i:end] = [term] + [""] * (end - i - 1)
                done = end
                break
    return keys


def _is_title_case(title: str) -> bool:
    """Whether a headline capitalises most words ("Bills Beat Jets"), so capitals say nothing."""
    words = [w for w in title.split() if len(w) > 3 and w[0].isalpha()]
    if len(words) < 2:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _add(scores: list[float], terms: Iterable[str], factor: float) -> None:
    counts = Counter(terms)
    for term in _INDEX.keys() & counts.keys():
        count = counts[term]
        gain = factor * (_DAMP[count] if count < len(_DAMP) else 1.0 + math.log(count))
        for topic, weight in _INDEX[term]:
            scores[topic] += weight * gain


def _scores(title: str, text: str) -> list[float]:
    """Keyword evidence per taxonomy topic (in `_TOPICS` order)."""
    scores = [0.0] * len(_TOPICS)
    title = _clean(title)
    # In "Bills Beat Jets" style headlines capitals say nothing, so the words are read lower-case.
    _add(scores, _terms(title.lower() if _is_title_case(title) else title), _TITLE_WEIGHT)
    body = _clean(text[:_TEXT_CHARS])
    cut = body.find(" ", _LEAD_CHARS) if len(body) > _LEAD_CHARS else -1
    if cut < 0:
        _add(scores, _terms(body), _LEAD_WEIGHT)
    else:
        _add(scores, _terms(body[:cut]), _LEAD_WEIGHT)
        _add(scores, _terms(body[cut:]), 1.0)
    return scores


_SYNONYMS = {
    unicodedata.normalize("NFC", key.lower()): value for key, value in CATEGORY_SYNONYMS.items()
}
_CATEGORY_SPLIT = re.compile(r"[/>|,:;&+·•]+|\s[-–—]\s")


def category_topic(category: str) -> str | None:
    """The taxonomy topic a feed section name stands for ("Wirtschaft" -> Business), or None."""
    # NFC: feeds may write "é" as "e" and a combining accent.
    name = " ".join(unicodedata.normalize("NFC", category).lower().replace("_", " ").split())
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


def _singular(word: str) -> str:
    """A crude English singular for users' keywords: "elections" -> "election"."""
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _plain_words(text: str) -> str:
    """Lower-case singular words joined for whole-word substring search; two spaces between
    words, so that counting " climate " in "  climate  climate  " finds both."""
    words = [_singular(t) for t in _TOKEN.findall(text.lower().replace("’", "'")) if t[0].isalnum()]
    return " " + "  ".join(words) + " " if words else ""


class TopicClassifier:
    """Chooses one topic per article: feed topic, categories, user keywords, then text."""

    def __init__(self, user_topics: Sequence[UserTopic] = ()) -> None:
        self.user_topics = tuple(user_topics)
        self._names = {name.lower(): name for name in TAXONOMY}
        for topic in self.user_topics:
            self._names.setdefault(topic.name.lower(), topic.name)
        self._user_terms = [
            (topic.name, [w for w in (_plain_words(k) for k in topic.keywords) if w])
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
        user_topic = self._user_topic(_clean(title), _clean(head)) if self._user_terms else None
        if user_topic is not None:
            return user_topic
        scores = _scores(title, head)
        best = max(range(len(_TOPICS)), key=scores.__getitem__)
        return _TOPICS[best] if scores[best] >= _MIN_SCORE else OTHER

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
        title_words = _plain_words(title)
        text_words = _plain_words(text)
        needed = 1 if text_words.count("  ") < _SHORT_TEXT_WORDS else 2
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
