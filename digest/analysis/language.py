"""The language of an article's summary: what its feed declares, else a cheap guess from its text.

Names are sumy's ("english", "german", ...): they pick the stemmer and stop words of a summary
(`digest.analysis.lexicon`). `UNKNOWN` stands for a language sumy has nothing for (Vietnamese,
Turkish, Hindi, Persian, Bulgarian...); its summaries use no stemmer and no stop words.
`UNSPACED` languages (Chinese, Japanese, Thai) write no spaces between words, so their summaries
are their lead sentences.

A declared language ("de", "de-DE", "de_AT", "ger", "Deutsch", "pt-BR") is trusted unless the
text plainly says otherwise: a feed whose CMS declares "en-US" over German posts gets German. The
guess looks at the first `SAMPLE_CHARS` characters: a non-Latin script names its language (Kana:
Japanese, Han: Chinese, Hangul, Thai, Hebrew, Greek, Arabic; Cyrillic by its letters: і ї є ґ
Ukrainian, ы э Russian), and Latin-script text is matched against the commonest function words of
sixteen languages (hand-written here, a like number for each, so that the rates compare; sumy's
lists run from 129 to 600 words). Too little text to tell gives English, the default.

Measured with tests/language_samples.py: short news texts written for the tests, two or three
sentences each, in the 25 languages and 7 unsupported ones (Vietnamese, Turkish, Indonesian,
Hindi, Persian, Bulgarian, Serbian). On the 126 the guess was tuned on: 123 right (97.6%) whole,
109 (86.5%) on their first 60 characters. On 73 written afterwards and measured once: 69 right
(94.5%) whole, 60 (82.2%) on 60 characters. The misses are close pairs (Slovak taken for Czech,
Norwegian for Danish, Danish for Swedish), a Finnish sentence without function words, a
Bulgarian one without ъ, and snippets of ten words or fewer, which give English. On the English
development sets every BBC and CNN/DailyMail article and 1577 of 1578 AG News snippets (title
and description) are English (the odd one, a list of American football names, is `UNKNOWN`),
and a Welsh XSum article is `UNKNOWN`, as it should be. Cost on the shared 2-core test machine:
20 microseconds an article with a declared language (`CHECK_CHARS` read), 30 without.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from heapq import nlargest
from typing import NamedTuple

__all__ = [
    "CHECK_CHARS",
    "SAMPLE_CHARS",
    "SUPPORTED",
    "UNKNOWN",
    "UNSPACED",
    "detect_language",
    "function_words",
    "language_name",
    "story_language",
    "summary_language",
]

UNKNOWN = "unknown"
"""A language with no stemmer or stop words here: summaries use neither."""
DEFAULT = "english"

SAMPLE_CHARS = 600
"""Characters of a text read to guess its language: about a hundred words, plenty for function
words (a news lead has forty or more in a hundred) and cheap."""
CHECK_CHARS = 300
"""Characters read to check a declared language against the text."""

# sumy name -> the codes (ISO 639-1, 639-2/B and /T, old ones) and names feeds declare.
_NAMES = {
    "english": "en eng english",
    "german": "de deu ger german deutsch",
    "french": "fr fra fre french français francais",
    "spanish": "es spa spanish español espanol castellano castilian",
    "portuguese": "pt por portuguese português portugues",
    "italian": "it ita italian italiano",
    "dutch": "nl nld dut dutch nederlands flemish vlaams",
    "czech": "cs ces cze czech čeština cestina",
    "slovak": "sk slk slo slovak slovenčina slovencina",
    "polish": "pl pol polish polski",
    "swedish": "sv swe swedish svenska",
    "danish": "da dan danish dansk",
    "norwegian": "no nb nn nor nob nno norwegian norsk bokmål bokmal nynorsk",
    "finnish": "fi fin finnish suomi",
    "hungarian": "hu hun hungarian magyar",
    "romanian": "ro ron rum mo mol romanian moldavian română romana",
    "russian": "ru rus russian русский",
    "ukrainian": "uk ukr ukrainian українська",
    "greek": "el ell gre greek ελληνικά",
    "arabic": "ar ara arabic العربية",
    "hebrew": "he heb iw hebrew עברית",
    "chinese": "zh zho chi cmn yue chinese mandarin cantonese 中文 汉语 漢語",
    "japanese": "ja jpn japanese 日本語",
    "korean": "ko kor korean 한국어",
    "thai": "th tha thai ไทย",
}
_BY_NAME = {alias: name for name, aliases in _NAMES.items() for alias in aliases.split()}

SUPPORTED: frozenset[str] = frozenset(_NAMES)
"""Languages whose summaries have a stemmer or stop words (sumy's, or the function words here)."""
UNSPACED: frozenset[str] = frozenset({"chinese", "japanese", "thai"})
"""Languages written without spaces between words."""

# The commonest function words of each Latin-script language, about fifty each. Words shared by
# many languages ("a", "o", "e") count for every language that uses them. They double as stop
# words for summaries where sumy has none.
_FUNCTION_WORDS = {
    "english": """a the of and to in is that for it was on with as by at he his be are from this
        have had has not but they an were which its their been will would who said she her or
        more after also than about into over up when we you can there all what out new""",
    "german": """der die das und in den von zu mit sich des auf für ist im dem nicht ein eine
        als auch es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem
        über einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei
        diese""",
    "french": """a de la le et les des en un une du est que qui dans pour par pas au sur il elle
        ne se plus ce avec sont aux ont été son sa ses cette mais ou comme leur lui nous vous on
        été était entre après selon avait fait sans être""",
    "spanish": """a o de la que el en y los del se las por un para con no una su al es lo como
        más pero sus le ya este porque esta entre cuando muy sin sobre también hasta hay donde
        desde todo nos durante ha han fue era ser tiene dijo según otros""",
    "portuguese": """a o e de que do da em um para é com não uma os no se na por mais as dos
        como mas foi ao ele das tem à seu sua ou ser quando muito há nos já está também pelo
        pela até isso ela entre era depois sem mesmo aos ter seus são disse segundo""",
    "italian": """a e o i di il la che è per un in una del non le si con da al dei come più
        della alla lo ha sono ma anche nel gli delle questo se ancora dopo degli nella sul stato
        essere tra era cui loro quando molto già sua suo dal hanno""",
    "dutch": """de van het een en in is dat op te zijn voor met die niet aan er om ook als bij
        door maar worden dan nog wordt naar uit tot over hij zich heeft werd was hebben kan wel
        al meer deze geen of zij ze haar wat moet""",
    "czech": """a se na v je že to s z do o k i jako by ale jsou jeho pro ve po za jak tak od
        které který která jen již už bylo byl byla však jejich její podle mezi při také než nebo
        jsem má aby když bude kde co ani""",
    "slovak": """a sa na v je že to s z do o k i ako by ale sú jeho pre vo po za tak od ktoré
        ktorý ktorá len už bolo bol bola však ich jej podľa medzi pri aj než alebo som má aby
        keď bude kde čo ani tiež""",
    "polish": """a o w i na z do się że nie to jest o jak od po co ale przez dla tak jego przy
        już być był była było są też tylko może oraz ich za czy który która które lub tym mu
        jednak aby także jeszcze gdy bardzo ze we ma""",
    "swedish": """och i att det som en på är av för med till den har de inte om ett var jag han
        men från vid så kan sig efter eller när även nu ska också under mot hade över blev bara
        skulle dessa hon vara vi sina""",
    "danish": """og i at det er en til på som de med af for ikke den har der var et fra men om
        han sig vil blev også efter kan når eller over da skal have hun kun ud jeg nu hvor deres
        ved mod meget end""",
    "norwegian": """og i det som er en på til å av for med at den har ikke de om et var fra men
        han seg vil ble også etter kan når eller over da skal ha hun bare ut jeg nå hvor deres
        ved mot mye enn""",
    "finnish": """ja on ei se että oli hän ovat mutta kun myös tai joka jos kuin ole sen vain
        mukaan jo sekä nyt voi olla niin kanssa hänen mitä tämä jotka vuonna siitä ollut olisi
        koska vielä noin jälkeen eikä""",
    "hungarian": """a az és hogy nem is egy meg van volt de ez azt csak mint már még ki el fel
        le után szerint kell lesz lehet vagy pedig amely ami akkor ezt azonban több között mert
        nagyon most""",
    "romanian": """a o și şi în de la pe cu că nu din care mai este un să se au fost pentru ca
        sau dar ce lui al ale acest această după cel cea sunt fi va iar își îşi prin între
        despre până""",
}
# Stop words for the Cyrillic-script summaries sumy has no list for.
_RUSSIAN = """и в не на что с по как это а он она они но из к у за о от же то для так все его её
    их был была было были быть уже или бы ли мы вы ты я до при если только когда также чтобы этот
    эта эти том тем чем может нет есть ещё еще где после над под без между через который которая
    которые которое свой своей своих ним них него неё ее более"""

# Letters that only some of those languages write, with those languages.
_LETTERS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys("řůě", ("czech",)),
    **dict.fromkeys("ľĺŕ", ("slovak",)),
    "ô": ("slovak", "french", "portuguese"),
    "ä": ("german", "swedish", "finnish", "slovak"),
    **dict.fromkeys("łąężźśńć", ("polish",)),
    **dict.fromkeys("æø", ("danish", "norwegian")),
    "å": ("swedish", "danish", "norwegian"),
    "ö": ("german", "swedish", "finnish", "hungarian"),
    "ü": ("german", "hungarian"),
    **dict.fromkeys("őű", ("hungarian",)),
    **dict.fromkeys("șțşţă", ("romanian",)),
    "î": ("romanian", "french"),
    "â": ("romanian", "french", "portuguese"),
    **dict.fromkeys("ãõ", ("portuguese",)),
    **dict.fromkeys("çê", ("french", "portuguese")),
    **dict.fromkeys("ñ¿¡", ("spanish",)),
    "ß": ("german",),
    "œ": ("french",),
    **dict.fromkeys("èàù", ("french", "italian")),
    **dict.fromkeys("òì", ("italian",)),
}
_LETTER_MARK = re.compile(f"[{''.join(_LETTERS)}]")
# Letter groups of one language, looked for only when a letter it writes is there (str.count
# is cheap, but not a dozen times an article): (letter, groups, language).
_GROUPS = (
    ("", ("ij",), "dutch"),
    ("ä", ("ää", "yy", "llä", "ssä", "stä", "ltä"), "finnish"),
    ("á", ("gy", "sz", "cs", "zs"), "hungarian"),
    ("ø", ("kj", "sjon"), "norwegian"),
)
_MARK_WEIGHT = 0.5
"""A marking letter counts half a function word: it is far more frequent."""

_LATIN = tuple(_FUNCTION_WORDS)
_HITS: dict[str, tuple[str, ...]] = {}
for _language, _words in _FUNCTION_WORDS.items():
    for _word in _words.split():
        if _language not in _HITS.get(_word, ()):
            _HITS[_word] = (*_HITS.get(_word, ()), _language)

_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]")
# Letters of scripts other than Latin (and the combining marks some of them write with).
_NON_LATIN = re.compile(
    r"[\u0370-\u1dff\u1f00-\u1fff\u2e80-\ud7ff\uf900-\ufaff\ufb1d-\ufdff"
    r"\ufe70-\ufeff\uff66-\uffdc]"
)
_SCRIPTS = (
    ("japanese", re.compile(r"[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f]")),
    ("chinese", re.compile(r"[\u2e80-\u2fdf\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")),
    ("korean", re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]")),
    ("thai", re.compile(r"[\u0e00-\u0e7f]")),
    ("greek", re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")),
    ("hebrew", re.compile(r"[\u0590-\u05ff\ufb1d-\ufb4f]")),
    ("arabic", re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")),
    ("cyrillic", re.compile(r"[\u0400-\u04ff]")),
)
# Letters that Persian and Urdu add to the Arabic script; Arabic text hardly uses them.
_PERSIAN = re.compile(r"[\u067e\u0686\u0698\u06af\u06a9\u06cc\u06d2\u0679\u0688\u0691\u06ba]")
_UKRAINIAN = re.compile(r"[іїєґІЇЄҐ]")
_RUSSIAN_ONLY = re.compile(r"[ыэёЫЭЁ]")
_HARD_SIGN = re.compile(r"[ъЪ]")
# Cyrillic letters of Serbian, Macedonian, Belarusian and the Turkic languages, not Russian's.
_OTHER_CYRILLIC = re.compile(r"[ђћџљњјѓќѕўәғқңөұүһЂЋЏЉЊЈЃЌЅЎӘҒҚҢӨҰҮҺ]")

# Letters of Latin-script languages with nothing here: Turkish and Azerbaijani (ı, ğ),
# Vietnamese (ơ, ư, đ and the letters with two diacritics).
_UNSUPPORTED_LATIN = re.compile(r"[ıİğĞơƠưƯđĐ\u1ea0-\u1ef9]")

_FOREIGN_LETTERS = 2
_FOREIGN_RATE = 0.2
"""Below this share of function words, a text with several of those letters is in their
language; above it, it only quotes names ("Erdoğan" in an English report)."""
_DECISIVE = 2.0
_DECISIVE_RATE = 0.25
"""A language with this share of the words as function words, and this many times the next
one's, is taken without looking at letters."""
_MIN_TOKENS = 6
"""Fewer words than this say too little to tell a Latin-script language..."""
_MIN_HITS = 2
"""...and so do fewer function words (or letters) of the likeliest one."""
_MIN_RATE = 0.08
"""Share of words that must be a language's function words for it to be guessed at all; even
Finnish, whose words take endings rather than particles, reaches a fifth in news text."""
_UNKNOWN_TOKENS = 20
"""Words from which a text without any language's function words is taken for `UNKNOWN`."""
_MIN_SCRIPT = 0.3
"""Share of a text's letters that must be of another script for the script to decide."""
_PRIMARY = re.compile(r"[^\W\d_]+")
"""The language part of a tag or name: "de" of "de-AT", "deutsch" of "Deutsch (Schweiz)"."""
_CLEAR_TOKENS = 15
"""Words from which a guess can overrule a feed's declared language..."""
_CLEAR_RATE = 0.15
"""...when this share of them are its function words..."""
_CLEAR_MARGIN = 3.0
"""...and this many times as many as are the declared language's."""


def language_name(value: str | None) -> str | None:
    """The sumy language a declared value names ("de-AT", "ger", "Deutsch" -> "german"),
    `UNKNOWN` for a language code with no support here ("vi", "tr-TR"), None for nothing
    usable (empty, "x-default", "*")."""
    if not value:
        return None
    folded = unicodedata.normalize("NFC", value).strip().lower().replace("_", "-")
    if folded in _BY_NAME or folded in SUPPORTED or folded == UNKNOWN:
        return _BY_NAME.get(folded, folded)
    found = _PRIMARY.match(folded)
    primary = found.group() if found else ""
    if primary in _BY_NAME:
        return _BY_NAME[primary]
    if primary.isascii() and primary.isalpha() and 2 <= len(primary) <= 3 and primary != "x":
        return UNKNOWN
    return None


def function_words(language: str) -> frozenset[str]:
    """The commonest function words of a language kept here (empty when there are none): the
    stop words of summaries in languages sumy lists none for."""
    if language == "russian":
        return frozenset(_RUSSIAN.split())
    return frozenset(_FUNCTION_WORDS.get(language, "").split())


class _Guess(NamedTuple):
    """What a text's first characters say of its language."""

    language: str | None
    """The language guessed, `UNKNOWN`, or None for too little evidence."""
    clear: bool
    """Whether the evidence would overrule a declared language."""
    hits: dict[str, float] | None = None
    """Function words (and marking letters, at their weight) of each Latin-script language."""


def _guess(text: str, length: int = SAMPLE_CHARS) -> _Guess:
    sample = text[:length]
    if not sample.isascii():
        others = _NON_LATIN.findall(sample)
        if others:
            latin = len(_LATIN_LETTER.findall(sample))
            if len(others) >= _MIN_SCRIPT * (len(others) + latin):
                return _by_script("".join(others[:400]))
    return _by_words(sample)


def _by_script(letters: str) -> _Guess:
    """The language of a text written mostly in these non-Latin letters."""
    counts = {name: len(pattern.findall(letters)) for name, pattern in _SCRIPTS}
    script = max(counts, key=counts.__getitem__)
    if not counts[script]:
        return _Guess(UNKNOWN, True)  # Devanagari, Bengali, Armenian, Georgian...
    if script == "chinese" and counts["japanese"] >= 0.05 * counts["chinese"]:
        script = "japanese"  # Japanese mixes kana into Han; Chinese has none
    if script == "arabic" and len(_PERSIAN.findall(letters)) >= 0.02 * counts["arabic"]:
        return _Guess(UNKNOWN, True)
    if script == "cyrillic":
        return _cyrillic(letters, counts["cyrillic"])
    return _Guess(script, True)


def _cyrillic(letters: str, count: int) -> _Guess:
    if _OTHER_CYRILLIC.search(letters):
        return _Guess(UNKNOWN, True)
    ukrainian = len(_UKRAINIAN.findall(letters))
    russian = len(_RUSSIAN_ONLY.findall(letters))
    if ukrainian > russian:
        return _Guess("ukrainian", True)
    if russian:
        return _Guess("russian", True)
    if len(_HARD_SIGN.findall(letters)) >= max(2, 0.01 * count):
        return _Guess(UNKNOWN, True)  # Bulgarian writes ъ often, Russian hardly ever
    # Russian uses ы or э about twice in a hundred letters; Bulgarian never does.
    return _Guess(UNKNOWN if count >= 150 else "russian", count >= 150)


def _by_words(sample: str) -> _Guess:
    """The Latin-script language whose function words and letters fit the sample best."""
    lowered = sample.lower()
    tokens = lowered.split()
    if len(tokens) < _MIN_TOKENS:
        return _Guess(None, False)
    size = len(tokens)
    hits = dict.fromkeys(_LATIN, 0.0)
    for word, count in Counter(filter(_HITS.__contains__, tokens)).items():
        for name in _HITS[word]:
            hits[name] += count
    best, second = nlargest(2, _LATIN, key=hits.__getitem__)
    if not (
        hits[best] >= _DECISIVE * hits[second]
        and hits[best] >= _DECISIVE_RATE * size
        and size >= _CLEAR_TOKENS
    ):
        # Close languages (Spanish and Portuguese, Czech and Slovak...) and short texts:
        # their letters help (the function words alone settle most texts, and cost less).
        _count_letters(lowered, hits)
        best, second = nlargest(2, _LATIN, key=hits.__getitem__)
    if hits[best] < _FOREIGN_RATE * size:
        foreign = len(_UNSUPPORTED_LATIN.findall(sample)) >= _FOREIGN_LETTERS
        if hits[best] < _MIN_RATE * size or hits[best] < _MIN_HITS or foreign:
            # A headline-like snippet may have no function words: too little to call it
            # unknown, unless its letters say so.
            enough = size >= _UNKNOWN_TOKENS or foreign
            return _Guess(UNKNOWN if enough else None, enough, hits)
    if size < _CLEAR_TOKENS and hits[best] < hits[DEFAULT] + _MIN_HITS:
        return _Guess(None, False, hits)  # a short text: English unless plainly not
    clear = size >= _CLEAR_TOKENS and hits[best] >= _CLEAR_RATE * size and hits[best] > hits[second]
    return _Guess(best, clear, hits)


def _count_letters(lowered: str, hits: dict[str, float]) -> None:
    """Add to `hits` the letters and letter groups that mark a language."""
    for letter, count in Counter(_LETTER_MARK.findall(lowered)).items():
        for name in _LETTERS[letter]:
            hits[name] += _MARK_WEIGHT * count
    for letter, groups, name in _GROUPS:
        if letter in lowered:
            hits[name] += _MARK_WEIGHT * sum(map(lowered.count, groups))


def detect_language(text: str) -> str | None:
    """The language of `text` guessed from its first characters: a sumy name, `UNKNOWN`, or
    None when there is too little text to tell."""
    return _guess(text).language


def summary_language(declared: str | None, text: str) -> str:
    """The language to summarize `text` in: the declared one (a feed's `language` or
    `xml:lang`, as given) unless the text clearly is in another; else the guess; else English."""
    named = language_name(declared)
    if named is None:
        return _guess(text).language or DEFAULT
    # A shorter sample will do to catch a wrong declaration, and most feeds declare one.
    guess = _guess(text, CHECK_CHARS)
    if guess.language is None or guess.language == named or not guess.clear:
        return named
    if guess.hits and named in guess.hits and guess.language in guess.hits:
        # Both written in Latin letters: the text must favour the guess by far.
        if guess.hits[guess.language] < _CLEAR_MARGIN * guess.hits[named]:
            return named
    return guess.language


def story_language(languages: Iterable[str]) -> str:
    """The language of a story from its sources' `summary_language`, earliest first: the most
    common known one (ties to the earliest), `UNKNOWN` only when none is known."""
    listed = list(languages)
    known = [name for name in listed if name != UNKNOWN]
    if not known:
        return UNKNOWN if listed else DEFAULT
    votes = Counter(known)
    return max(votes, key=lambda name: (votes[name], -known.index(name)))
