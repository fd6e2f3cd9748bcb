"""The main text of an article page, and telling a feed's teaser from a full text.

`extract_text` decodes the page, cuts it into blocks (`digest.fulltext.blocks`) and keeps the
story: the best-scoring run of consecutive blocks, where a block of prose scores its words and
page furniture costs. A block is furniture when an enclosing element says so (nav, footer,
aside, forms, classes such as "comments" or "related"), when most of its words are links, or
when its words are those of cookie banners, newsletter prompts, paywalls and legal footers, or
when it is a teaser card (a linked headline, then its standfirst). A short line such as
"Comments", "Related stories" or "Most read" ends the run, since what follows it on real pages
is not the story; inside the story element it only costs, as such boxes sit between paragraphs
there. Prose inside <article>, <main> or a "post-body" counts for more. Chosen by measurement
over breadability, readability-lxml and trafilatura: see benchmarks/README.md (extract.py).
"""

from __future__ import annotations

import codecs
import re

from digest.analysis.boilerplate import is_boilerplate
from digest.analysis.sentences import split_sentences
from digest.analysis.text import clean_text, fold_whitespace, text_paragraphs
from digest.fulltext.blocks import Block, page_blocks
from digest.fulltext.teasers import TAIL, TEASER_MOST

__all__ = ["decode_page", "extract_text", "is_teaser"]

MIN_CHARACTERS = 250
"""Less article text than this is no article: `extract_text` returns None."""

MAX_PAGE_CHARACTERS = 5_000_000
"""Only this much of a page is read: stories sit well within it, and a hostile page of nothing but
tags (about 5 µs each) stays within seconds."""

_HTML_TYPES = ("text/html", "application/xhtml+xml", "application/xml", "text/xml")
_CHARSET_PARAM = re.compile(r"""charset\s*=\s*["']?([\w.:-]+)""", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)
# Short lines after which a page holds comments, related links or other stories, not the story.
_STOP_LINE = re.compile(
    r"(?:\d+\s+)?(?:reader\s+)?(?:comments?|reactions|responses|discussion)(?:\s*\(\d+\))?"
    r"|(?:leave|post|add|write) a (?:reply|comment)|join the (?:conversation|discussion)"
    r"|have your say|show comments|view comments"
    r"|related(?: stories| articles| posts| content| coverage| news| reading| links)?"
    r"|more (?:from|on|about|stories|news|in)\b.*|(?:you|we think you) (?:may|might) (?:also )?like"
    r"|recommended(?: for you| stories| articles| reading)?|(?:most|top) (?:read|popular|viewed"
    r"|shared|stories)|popular(?: posts| stories| now)?|trending(?: now| stories)?"
    r"|(?:latest|more) (?:news|stories|headlines)|read (?:more|next|this next)|what to read next"
    r"|about the author|share this(?: article| story)?|tags|topics|filed under\b.*"
    r"|further reading|see also|more on this(?: story| topic)?|similar (?:posts|articles|stories)"
    r"|(?:don't|do not) miss|editor'?s picks|around the web|from our partners|in other news",
    re.IGNORECASE,
)
_STOP_MAX_WORDS = 6
# Words of page furniture that a news story rarely uses: a block with them is not story text.
_FURNITURE_TEXT = re.compile(
    r"\b(?:we|this (?:site|website)|our partners) (?:use|uses|rely on|relies on) cookies\b"
    r"|\b(?:accept|manage|reject) (?:all )?cookies\b|\bcookie (?:settings|policy|preferences)\b"
    r"|\buse of cookies\b|\bcookies on your device\b|\bour (?:free )?(?:daily |weekly )?newsletter"
    r"|\bsign up (?:(?:for|to) (?:our|free|a free)|now|today|here)\b"
    r"|\bsubscribe (?:to our|now|today|for)\b|\byour inbox\b"
    r"|\b(?:your|an) email address\b|\bprivacy (?:policy|settings|notice)\b"
    r"|\bterms (?:of|and) (?:use|service|conditions)\b|\ball rights reserved\b"
    r"|\bfree articles?\b|\bsupport (?:our|independent|quality) journalism\b"
    r"|\bexternal (?:sites|websites)\b|\bcompany (?:number|no\.?) \d|\bregistered in england"
    r"|\bcomplaints procedure\b|\benable javascript\b|\bad ?blocker\b|\bshare (?:on|via) "
    r"(?:facebook|twitter|x|whatsapp|linkedin|email)\b|\bclick here\b|\bcontinue reading\b"
    r"|\bstory continues below\b",
    re.IGNORECASE,
)
_FURNITURE_TEXT_MAX_WORDS = 80
_SENTENCE_END = (".", "!", "?", "…", '"', "'", "”", "’", ")", "»", "。", "！", "？")

# Scores. A prose block earns its words beyond _PROSE_FLOOR, so a run of one-line comments
# between user names and "Reply" links never outweighs what it costs to reach them.
_PROSE_WORDS = 10
_PROSE_FLOOR = 8
_LONG_WORDS = 20
_LETTER_SHARE = 0.7
_STOPS = ".!?。！？"
_STORY_BONUS = 1.5
_GAP_COST = 12.0
_STOP_COST = 30.0
_LINK_DENSITY = 0.4
_CARD_LINK_WORDS = 4
# How a cut-off excerpt ends: an ellipsis, "[…]", or a link's words ("Read more", "More »").
_LONG = 600
"""From this many characters (folded), a text of fewer than three sentences is no teaser."""
_TRUNCATED = re.compile(
    r"(?:…|\.\.\.|\[(?:…|\.\.\.)\]|\b(?:read more|continue reading|read on|full story)\W*"
    r"|\bmore\s*(?:»|›|→|>>?|\.\.\.|…)\s*)\Z",
    re.IGNORECASE,
)


def decode_page(page: bytes, content_type: str | None = None) -> str:
    """The page as text: charset from the Content-Type header, a BOM or a <meta> tag, else UTF-8,
    else windows-1252 (which decodes any byte). Never raises."""
    for candidate in (_header_charset(content_type), _bom_charset(page), _meta_charset(page)):
        if candidate is None:
            continue
        if candidate in ("utf-16", "utf-16-le", "utf-16-be") and not page.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
        ):
            continue  # a <meta> readable as ASCII cannot be UTF-16 (browsers agree)
        return page.decode(candidate, errors="replace")
    try:
        return page.decode("utf-8")
    except UnicodeDecodeError:
        return page.decode("windows-1252", errors="replace")


def _known(name: str) -> str | None:
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except (LookupError, ValueError):
        return None
    # As browsers do: Latin-1 and ASCII labels mean windows-1252, which has letters in 0x80-0x9F.
    return "windows-1252" if codec in ("latin-1", "iso8859-1", "ascii") else codec


def _header_charset(content_type: str | None) -> str | None:
    match = _CHARSET_PARAM.search(content_type or "")
    return _known(match.group(1)) if match else None


def _bom_charset(page: bytes) -> str | None:
    if page.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if page.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    return None


def _meta_charset(page: bytes) -> str | None:
    match = _META_CHARSET.search(page[:4096])
    return _known(match.group(1).decode("ascii", "replace")) if match else None


def extract_text(page: bytes, url: str, content_type: str | None = None) -> str | None:
    """The main article text of a page as cleaned paragraphs separated by blank lines.

    `content_type` is the response's header, for its charset and to tell plain text from HTML.
    Returns None when the page holds nothing article-like (under `MIN_CHARACTERS` of story text)
    or is not a text document. Only the first `MAX_PAGE_CHARACTERS` of a page are read. `url`
    is where the page came from (for future per-site rules; nothing is fetched). Linear time;
    never raises.
    """
    del url  # no per-site rules yet
    kind = (content_type or "text/html").split(";", 1)[0].strip().lower()
    text = decode_page(page, content_type)
    if kind == "text/plain":
        story = text_paragraphs(text)
    elif kind in _HTML_TYPES or not kind:
        story = _story(page_blocks(text[:MAX_PAGE_CHARACTERS]))
    else:
        return None
    return story if len(story) >= MIN_CHARACTERS else None


def _story(blocks: list[Block]) -> str:
    """Join the paragraphs of the best run of blocks."""
    kinds = [_kind(block) for block in blocks]
    best = _best_run(blocks, kinds)
    if best is None:
        return ""
    start, end = best
    # A short paragraph opening or closing the story scores too little to start the run.
    while start > 0 and kinds[start - 1] == "gap" and _is_short_prose(blocks[start - 1]):
        start -= 1
    while end < len(blocks) and kinds[end] == "gap" and _is_short_prose(blocks[end]):
        end += 1
    kept = []
    for block, kind in zip(blocks[start:end], kinds[start:end], strict=True):
        if kind == "prose" or (kind == "gap" and _is_short_prose(block)):
            kept.append(block.text)
    return "\n\n".join(fold_whitespace(clean_text(text)) for text in kept)


def _kind(block: Block) -> str:
    """One of "prose", "furniture", "stop" (a line that ends the story) or "gap" (the rest)."""
    if block.words <= _STOP_MAX_WORDS and _STOP_LINE.fullmatch(block.text.strip(" :.|»›>-–—")):
        return "stop"
    if block.furniture or block.link_words > _LINK_DENSITY * block.words:
        return "furniture"
    if block.lead_link_words >= _CARD_LINK_WORDS and block.lead_link_words < block.words:
        return "furniture"  # a linked headline and its standfirst: a card for another story
    if block.words <= _FURNITURE_TEXT_MAX_WORDS and _FURNITURE_TEXT.search(block.text):
        return "furniture"
    if is_boilerplate(block.text):
        return "furniture"
    if block.heading or block.words < _PROSE_WORDS:
        return "gap"
    if block.words < _LONG_WORDS and not any(mark in block.text for mark in _STOPS):
        return "gap"  # a label or a line of names, not a sentence
    letters = sum(ch.isalpha() or ch == " " for ch in block.text)
    if letters < _LETTER_SHARE * len(block.text):
        return "gap"  # code, tables of figures, or binary read as text
    return "prose"


def _is_short_prose(block: Block) -> bool:
    """A short paragraph of the story ("He declined to comment."), not a label or a byline."""
    return (
        not block.heading
        and block.words >= 3
        and block.text.rstrip().endswith(_SENTENCE_END)
        and (block.text[:1].isupper() or block.text[:1].isdigit() or block.text[:1] in "\"'“‘«")
    )


def _best_run(blocks: list[Block], kinds: list[str]) -> tuple[int, int] | None:
    """[start, end) of the consecutive blocks with the highest score (Kadane's algorithm)."""
    best_score, best = 0.0, None
    score, start = 0.0, 0
    for index, (block, kind) in enumerate(zip(blocks, kinds, strict=True)):
        value: float
        if kind == "stop" and not block.story:
            score, start = 0.0, index + 1
            continue
        if kind == "stop":
            # Inside the story element a "Related" box may sit between paragraphs: the story
            # may go on past it, if enough of it follows.
            value = -_STOP_COST
        elif kind == "prose":
            value = block.words - _PROSE_FLOOR
            if block.story:
                value *= _STORY_BONUS
        elif kind == "furniture":
            # Inside the story element, boxes between paragraphs (ads, related links) are
            # expected: they cost a gap; elsewhere, the more text the more it costs.
            value = -_GAP_COST if block.story else -(_GAP_COST + block.words / 2)
        else:
            value = -_GAP_COST
        if score + value <= 0:
            score, start = 0.0, index + 1
            continue
        score += value
        if score > best_score:
            best_score, best = score, (start, index + 1)
    return best


def is_teaser(text: str) -> bool:
    """Whether an entry's text looks like a teaser rather than the whole article.

    A teaser is under 300 characters, or has fewer than three sentences and under 600
    characters, or ends as a cut-off excerpt does ("…", "[...]", "Read more", "Continue
    reading"). `text` is the entry's plain text (HTML already converted).
    """
    if len(text) > TEASER_MOST:
        # Longer than a teaser can be, it stays so once folded (unless much of it is blank, and
        # then it is no article either): only an excerpt's marker at its end can make it one.
        return bool(_TRUNCATED.search(fold_whitespace(clean_text(text[-2 * TAIL :]))[-TAIL:]))
    folded = fold_whitespace(clean_text(text))
    # The markers end the text: searching its tail is enough, and linear scans of every
    # article's whole text at each fetch are not free.
    if len(folded) < 300 or _TRUNCATED.search(folded[-TAIL:]):
        return True
    return len(folded) < _LONG and len(split_sentences(folded)) < 3
