"""Splitting news text into sentences and words by rule, with no NLTK data.

sumy's own Tokenizer needs nltk's punkt models, which a fresh machine lacks, so the summarizer is
given `NewsTokenizer` instead. A full stop ends a sentence unless the word before it is an
abbreviation that cannot end one (Mr., e.g.), one that precedes a number (No. 10, Jan. 5), or an
ambiguous one (U.S., Inc., an initial) followed by a word that does not usually start a sentence.
A lower-case next word never starts a sentence. Text pasted together from HTML is split where it
lost its gaps: after a full stop with no space ("at home.Half of them") and between an unpunctuated
photo caption and the story ("... on Wednesday He said"). Every sentence is an exact substring of
its text, so summaries quote their sources verbatim; a paragraph is split lazily, so reading a
lead costs no more than the lead.

Other languages: the abbreviations include German, French, Spanish, Portuguese, Italian, Dutch,
Czech, Polish and Russian ones ("z. B.", "Mme", "EE. UU.", "např."), German ordinals ("am 3.
Oktober") are not sentence ends, German and French quotes close a sentence („…“, »…«, « … »),
and ¿ ¡ open one. Chinese and Japanese (。！？) and Devanagari (।) full stops always end a
sentence, gap or not, and Thai sentences end at a space; their sentences are cut only there,
so never inside a character.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = [
    "NewsTokenizer",
    "iter_paragraphs",
    "iter_sentence_spans",
    "iter_sentences",
    "sentence_spans",
    "split_paragraphs",
    "split_sentences",
    "words",
]

# Where a sentence may end: a terminator with the closing quotes or brackets that belong to the
# sentence, then the gap; or, in text pasted together from HTML, a full stop with no space after
# it ("at home.Half of them"), or the gap between an unpunctuated photo caption and the story
# ("... in Dortmund on Wednesday He said"), found by the pronouns and determiners that start
# such a sentence ("I", "A", "On" and the like are left out as they occur inside titles).
# Closing quotes include German ones („so“, »so«) and a French guillemet after a space
# (« ainsi. »). Chinese and Japanese full stops (and Devanagari's danda) always end a sentence,
# with or without a gap; Thai marks a sentence's end with a space alone.
_BOUNDARY = re.compile(
    r"[.!?…؟。！？｡।॥]+(?:(?P<stop>(?:\s[»›](?=\s))?[\"'”’»«“‘›‹)\]]*\s+)"
    r"|(?P<glued>[\"”’]?)(?=[A-Z][a-z])"
    r"|(?<=[。！？｡।॥])(?P<always>[」』）”’\"]*\s*))"
    r"| (?:(?=(?:The|He|She|It|They|His|Her|Its|Their|This|These|Those|There|But) [a-z])"
    r"|(?<=[\u0e01-\u0e4e] )(?P<thai> *)(?=[\u0e01-\u0e4e]))"
)
_OPENERS = "\"'“‘„‚«»‹›([¿¡"
_NEXT_WORD = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W_]+(?:['’.,\-&][^\W_]+)*")
# Combining marks, which are not word characters to `re` although they belong to a word: Indic
# vowel signs, Hebrew and Arabic points, accents written apart from their letter.
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff"
    "\ufe20-\ufe2f"
)
_MARKED_WORD = re.compile(
    rf"[^\W_](?:[^\W_]+|[{_MARKS}]+)*(?:['’.,\-&][^\W_](?:[^\W_]+|[{_MARKS}]+)*)*"
)
_LINE = re.compile(r"[^\n]+")
_DOTTED = re.compile(r"^(?:[^\W\d_]\.)+[^\W\d_]$")
_LETTER_DOT = re.compile(r"[^\W\d_]\.")

# Titles and Latin abbreviations: a sentence never ends on them. Besides English: German (bzw.,
# ggf., Hr.), French (Mme, Mlle, env.), Spanish and Portuguese (Sra., Dra., EE. UU.), Italian
# (Sig., Dott.), Dutch (dhr., mevr.), Czech and Slovak (např., tzv., Mgr.), Polish (np., tzw.)
# and Russian (ул., им., т.е.).
_NEVER_END = frozenset(
    "mr mrs ms mx messrs mme mlle dr prof rev fr sen rep gov gen lt col maj capt cmdr sgt adm "
    "pres supt insp det hon st mt ave blvd e.g i.e cf vs viz approx ca z.b u.a bzw vgl sog "
    "sra hr ggf evtl inkl zzgl bspw ehem geb gest hrsg dipl mgr env bd boul srta sres dña ud "
    "uds vd lic avda aprox ee dra sig sigg dott avv dhr mevr drs ir např napr tzv tj resp mj "
    "judr mudr phdr rndr paeddr bc np m.in ul ул им св проф акад т.е т.д т.к т.п см v".split()
)
# Abbreviations written before a number: "No. 10", "Jan. 5", "Vol. 3", "pp. 12", "Nr. 5",
# "núm. 3", "č. 7".
_BEFORE_NUMBER = frozenset(
    "no nos nr vol vols pp p art fig figs ch sec para tel jan feb mar apr jun jul aug sep sept "
    "oct nov dec abs núm pág pag n blz č str godz ok".split()
)
# Abbreviations that may also end a sentence: they do when a usual sentence opener follows.
_AMBIGUOUS = frozenset(
    "inc ltd corp co plc llc lp bros jr sr etc al est dept univ govt intl assn a.m p.m usw mio "
    "mrd tsd jh uu ee.uu ecc enz atd mil mld tis itd itp г гг др руб тыс млн млрд".split()
)
# Words that commonly open a sentence, used to tell "in the U.S. The ..." from "U.S. President".
_OPENER_WORDS = frozenset(
    "a an the he she it they we i you his her its their our my your this that these those there "
    "here but and or so yet if when while after before as since although though because however "
    "meanwhile also still now then in on at for with by from to of what why how who where which "
    "some many most several few all both each every one two three no not nor last earlier later "
    "according other another such mr mrs ms dr officials police analysts experts critics "
    "der die das ein eine er sie es wir ich man dies diese dieser dann aber auch nun doch zudem "
    "le la les il elle nous ils elles un une ce cette mais puis selon dans depuis après ainsi "
    "el los las ella ellos una este esta pero según desde tras además il lo gli ma secondo "
    "os um uma ele ela eles mas segundo".split()
)
# German ordinals ("am 3. Oktober", "der 2. Weltkrieg") look like a sentence ending in a number:
# they are told by the word before the number or the word after it.
_BEFORE_ORDINAL = frozenset(
    "am im vom zum zur beim der die das des dem den ab seit bis ihr ihrem ihren ihrer sein "
    "seinem seinen seiner jeden jedem jeder".split()
)
_AFTER_ORDINAL = frozenset(
    "januar jänner februar märz april mai juni juli august september oktober november dezember "
    "jahrhundert jahrtausend jahrestag geburtstag todestag weltkrieg bundesliga liga klasse "
    "runde platz mal stock quartal halbjahr spieltag etappe lauf satz wahlgang amtszeit "
    "legislaturperiode sitzung advent fc".split()
)


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the non-blank lines of `text`, stripped: one paragraph a line."""
    return list(iter_paragraphs(text))


def iter_paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """`split_paragraphs`, lazily: readers of a lead need not split a whole article."""
    for match in _LINE.finditer(text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def _sentence_spans(paragraph: str, offset: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the sentences of one paragraph, shifted by `offset`, lazily:
    a reader of the lead does not pay for splitting a long paragraph to its end."""
    start = 0
    for match in _BOUNDARY.finditer(paragraph):
        cut = match.end()
        if cut >= len(paragraph) or not _is_boundary(paragraph, match):
            continue
        piece = paragraph[start:cut]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            yield offset + start + lead, offset + start + len(piece.rstrip())
        start = cut
    piece = paragraph[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        yield offset + start + lead, offset + start + len(piece.rstrip())


def _is_boundary(paragraph: str, match: re.Match[str]) -> bool:
    """Whether a `_BOUNDARY` match ends a sentence."""
    if match.group("stop") is not None:
        return _ends_sentence(paragraph, match)
    if match.group("always") is not None or match.group("thai") is not None:
        return True
    start = match.start()
    before = paragraph[max(start - 2, 0) : start]
    if match.group("glued") is not None:
        terminator = match.group()[: len(match.group()) - len(match.group("glued"))]
        if match.group("glued") or len(terminator) > 1:  # 'it."School' or 'wait...The'
            return len(terminator) == 1 and before[-1:].islower()
        return (len(before) == 2 and before.isalpha() and before.islower()) or (
            before[-1:].isdigit() or before[-1:] in "%)"
        )
    return before[-1:].islower() or before[-1:].isdigit() or before[-1:] in ")]%"


def _ends_sentence(paragraph: str, match: re.Match[str]) -> bool:
    """Whether the terminator in `match` ends a sentence, judged by the words around it."""
    position = match.end()
    while position < len(paragraph) and paragraph[position] in _OPENERS:
        position += 1
    if position >= len(paragraph):
        return True
    first = paragraph[position]
    if first.islower():
        return False
    if match.start("stop") - match.start() != 1 or paragraph[match.start()] != ".":
        # "!", "?", an ellipsis ("...", "…") and "U.S.?" end a sentence before anything but
        # lower case; a single full stop may belong to an abbreviation.
        return True
    word = _word_before(paragraph, match.start())
    before = _unelided(word.lower())
    if not before:
        return True
    if before in _NEVER_END:
        return False
    if first.isdigit():
        # German streets run together: "Hauptstr. 5".
        return before not in _BEFORE_NUMBER and not before.endswith("str")
    if len(before) == 1 and before.isalpha() and _LETTER_DOT.match(paragraph, position):
        return False  # "z. B.", "d. h.", "u. a.", "т. е.": one abbreviation in two
    if before.isdigit() and len(before) <= 3 and _is_ordinal(paragraph, match.start(), position):
        return False
    if _is_initial(word) or before in _AMBIGUOUS or _DOTTED.match(before):
        following = _NEXT_WORD.match(paragraph, position)
        return following is not None and following.group().lower() in _OPENER_WORDS
    return True


def _word_before(paragraph: str, end: int) -> str:
    """The word that ends at `end`, without leading quotes or brackets."""
    start = end
    # Any whitespace bounds the word: feeds often put a no-break space before "Dr." or "Gov.".
    while start > 0 and not paragraph[start - 1].isspace():
        start -= 1
    return paragraph[start:end].lstrip(_OPENERS + "-–—")


def _is_ordinal(paragraph: str, end: int, following: int) -> bool:
    """Whether the number ending at `end`, with a full stop, is a German ordinal: by the word
    after it ("3. Oktober") or before it ("am 3.")."""
    after = _NEXT_WORD.match(paragraph, following)
    if after is not None and after.group().lower() in _AFTER_ORDINAL:
        return True
    start = end
    while start > 0 and paragraph[start - 1].isdigit():
        start -= 1
    previous = _word_before(paragraph, start - 1) if start > 0 else ""
    return previous.lower() in _BEFORE_ORDINAL


def _unelided(word: str) -> str:
    """A word without the article elided into it: "l'art" -> "art", "dell'ing" -> "ing"."""
    head, mark, rest = word.replace("’", "'").partition("'")
    return rest if mark and rest and len(head) <= 4 and "." not in rest[:-1] else word


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def split_sentences(text: str) -> list[str]:
    """Split text into sentences: paragraphs at line breaks, then sentences by rule.

    Each sentence is an exact substring of `text`, stripped of surrounding whitespace.
    """
    return [text[start:end] for start, end in sentence_spans(text)]


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets in `text` of the sentences `split_sentences` returns."""
    return list(iter_sentence_spans(text))


def iter_sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    """`sentence_spans`, lazily, a paragraph at a time."""
    for start, end in iter_paragraphs(text):
        yield from _sentence_spans(text[start:end], start)


def iter_sentences(text: str) -> Iterator[str]:
    """`split_sentences`, lazily, a paragraph at a time."""
    for start, end in iter_sentence_spans(text):
        yield text[start:end]


def words(sentence: str, marks: bool = False) -> list[str]:
    """The words of a sentence: letters and digits, keeping "U.S", "3.5", "e-mail" and "don't".

    With `marks`, combining marks stay inside their word, as Hindi ("परिषद") and pointed Arabic
    or Hebrew need; it costs a tenth more, so scripts that need no marks go without.
    """
    return (_MARKED_WORD if marks else _WORD).findall(sentence)


class NewsTokenizer:
    """A tokenizer for sumy (`to_sentences`, `to_words`) that needs no downloaded data."""

    def __init__(self, language: str = "english") -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        """The sentences of a paragraph, verbatim."""
        return tuple(split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        """The words of a sentence, punctuation left out."""
        return tuple(_WORD.findall(sentence))
