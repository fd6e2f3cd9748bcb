"""Cutting a web page into text blocks, each with what its enclosing elements say about it.

A block is the text between two block-level boundaries (paragraphs, list items, cells, <br>).
Each block knows how many of its words sit inside links, whether it is in a heading, and whether
an enclosing element marks it as page furniture (nav, footer, aside, forms, hidden elements, or a
class, id or role such as "comments", "related", "cookie", "sidebar") or as the story
("article", "main", itemprop="articleBody", "post-body", "entry-content").

The scanner works like the one in `digest.analysis.text` rather than on html.parser or lxml, for
the same reason: it must take linear time on anything a server sends. Every search starts where
the last one ended; end tags find their element through a per-name count, so a flood of stray
end tags costs nothing; nesting deeper than `_MAX_DEPTH` is flattened rather than followed.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from digest.analysis.markup import Cdata, markup_events
from digest.analysis.text import clean_text

__all__ = ["Block", "page_blocks"]

_MAX_DEPTH = 256

_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main menu nav ol p "
    "pre section summary table tbody td tfoot th thead tr ul".split()
)
_VOID_TAGS = frozenset(
    "area base br col embed hr img input link meta param source track wbr keygen".split()
)
_HEADINGS = frozenset("h1 h2 h3 h4 h5 h6".split())
# Content that is never text, skipped to its balanced end (raw-text elements such as script
# are skipped by the scanner itself).
_NESTED_SKIPPED_TAGS = frozenset(
    "svg math template object canvas audio video select button option".split()
)
# Page furniture by element alone.
_FURNITURE_TAGS = frozenset(
    "nav footer aside form header menu dialog figcaption label small".split()
)
_FINE_PRINT = frozenset(("1", "-1", "-2", "-3"))
"""Sizes of an old page's <font> that mean fine print, as <small> does."""
_STORY_TAGS = frozenset(("article", "main"))
# A <p> ends when one of these starts; list items, cells and rows end at their next sibling.
_CLOSES_P = _BLOCK_TAGS - {"br", "hr"}
_SIBLING_ENDS = {"li": "li", "dt": "dt", "dd": "dd", "td": "td", "th": "td", "tr": "tr"}

_FURNITURE_ROLES = frozenset(
    "navigation banner contentinfo complementary dialog alertdialog search menu menubar "
    "toolbar".split()
)
# Class and id words of page furniture. Long words match as prefixes ("commentlist", "sharedaddy"),
# short ones only whole ("ad", not "address").
_FURNITURE_WORDS = re.compile(
    r"(?:^|[^a-z0-9])(?:"
    r"(?:comment|disqus|related|recommend|share|sharing|social|navbar|navigation|menu|footer"
    r"|sidebar|widget|cookie|consent|gdpr|newsletter|subscri|signup|promo|advert|sponsor"
    r"|banner|popup|modal|overlay|byline|breadcrumb|masthead|colophon|respond|popular"
    r"|trending|paywall|outbrain|taboola|toolbar|pagination|pager|author|meta|caption"
    r"|footnote|disclosure|most-read|mostread|read-more|readmore|also-read|more-stories"
    r"|tweet|twitter|instagram|tiktok|embed)"
    r"|(?:ad|ads|nav|bio|tags?|hidden|skip|secondary|header|tools|rail|aside|extra|login)"
    r"(?![a-z0-9]))"
)
_STORY_WORDS = re.compile(
    r"(?:^|[^a-z0-9])(?:article|story|post|entry|content|body|text|prose|main)(?![a-z0-9])"
)
_TAXONOMY_CLASS = re.compile(r"(?:^|\s)(?:(?:tag|category|has|format|status|type)-\S*|post-\d+)")
_ATTRIBUTE = re.compile(r"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?""")


@dataclass(slots=True)
class Block:
    """One run of text between block boundaries, entities decoded and whitespace folded."""

    text: str
    words: int
    link_words: int
    """How many of the words are the text of a link."""
    lead_link_words: int
    """How many words of a link open the block, as in a teaser card's headline."""
    furniture: bool
    """An enclosing element marks it as navigation, footer, comments, related links, ..."""
    story: bool
    """An enclosing element marks it as the story (article, main, articleBody, post-body)."""
    heading: bool


@dataclass(slots=True)
class _Element:
    name: str
    furniture: bool
    story: bool
    link: bool
    heading: bool
    skip: bool


class _Scanner:
    """The element stack and the block being gathered."""

    def __init__(self) -> None:
        self.stack: list[_Element] = [_Element("#root", False, False, False, False, False)]
        self.open_count: dict[str, int] = {}
        self.blocks: list[Block] = []
        self.pieces: list[str] = []
        self.link_pieces: list[str] = []
        self.lead_links = 0
        """Link pieces before the block's first text outside a link."""
        self.plain_seen = False
        self.first: _Element | None = None

    def text(self, run: str) -> None:
        top = self.stack[-1]
        if top.skip:
            return
        self.pieces.append(run)
        if top.link:
            self.link_pieces.append(run)
            if not self.plain_seen:
                self.lead_links = len(self.link_pieces)
        elif not run.isspace():
            self.plain_seen = True
        if self.first is None and not run.isspace():
            self.first = top

    def flush(self) -> None:
        context = self.first
        if context is not None:
            text = " ".join(html.unescape("".join(self.pieces)).split())
            words = len(text.split())
            link_words = len(html.unescape(" ".join(self.link_pieces)).split())
            lead = len(html.unescape(" ".join(self.link_pieces[: self.lead_links])).split())
            if words:
                self.blocks.append(
                    Block(text, words, min(words, link_words), min(words, lead),
                          context.furniture, context.story, context.heading)
                )  # fmt: skip
        self.pieces.clear()
        self.link_pieces.clear()
        self.lead_links = 0
        self.plain_seen = False
        self.first = None

    def start(self, name: str, attributes: str) -> None:
        if name in _CLOSES_P:
            self._close_open_p()
        sibling = _SIBLING_ENDS.get(name)
        if sibling is not None:
            self._close_sibling(sibling)
        if name in _BLOCK_TAGS:
            self.flush()
        if name in _VOID_TAGS:
            if name == "img" and not self.stack[-1].skip:
                self.pieces.append(" ")
            return
        if len(self.stack) > _MAX_DEPTH:
            return  # its end tag will find no match and be ignored
        parent = self.stack[-1]
        furniture, story = _hints(name, attributes) if attributes else (False, False)
        furniture = furniture or name in _FURNITURE_TAGS
        story = not furniture and (story or name in _STORY_TAGS)
        self.stack.append(
            _Element(
                name,
                parent.furniture or furniture,
                parent.story or story,
                parent.link or name == "a",
                parent.heading or name in _HEADINGS,
                parent.skip or name in _NESTED_SKIPPED_TAGS,
            )
        )
        self.open_count[name] = self.open_count.get(name, 0) + 1

    def end(self, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.flush()
        if name == "br":  # browsers read </br> as <br>
            return
        if not self.open_count.get(name):
            return
        while True:
            element = self.stack.pop()
            self.open_count[element.name] -= 1
            if element.name == name:
                break
            if element.name in _BLOCK_TAGS:
                self.flush()

    def _close_open_p(self) -> None:
        if not self.open_count.get("p"):
            return
        # Only a <p> still open in the current block: not one in an enclosing container.
        for index in range(len(self.stack) - 1, 0, -1):
            name = self.stack[index].name
            if name == "p":
                self.flush()
                self.end("p")
                return
            if name in _BLOCK_TAGS:
                return

    def _close_sibling(self, name: str) -> None:
        if not self.open_count.get(name) and not (name == "td" and self.open_count.get("th")):
            return
        boundary = {"li": ("ul", "ol", "menu"), "tr": ("table",), "td": ("tr", "table")}
        stops = boundary.get(name, ("dl",))
        for index in range(len(self.stack) - 1, 0, -1):
            current = self.stack[index].name
            if current == name or (name == "td" and current == "th"):
                self.end(current)
                return
            if current in stops:
                return


def _hints(name: str, attributes: str) -> tuple[bool, bool]:
    """(furniture, story) as an element's class, id, role, itemprop and hiding say."""
    furniture = story = False
    names: list[str] = []
    for match in _ATTRIBUTE.finditer(attributes):
        key = match.group(1).lower()
        value = (match.group(2) or "").strip("\"'").lower()
        if key in ("class", "id"):
            names.append(value)
        elif key == "role" and value in _FURNITURE_ROLES:
            furniture = True
        elif key == "itemprop" and value == "articlebody":
            story = True
        elif key == "hidden" or (key == "aria-hidden" and value == "true"):
            furniture = True
        elif key == "style" and "display:none" in value.replace(" ", ""):
            furniture = True
        elif name == "font" and key == "size" and value in _FINE_PRINT:
            furniture = True  # fine print: credits, legal lines, advertisements
    if names and name not in ("html", "body"):
        # The page's own classes ("has-sidebar") say nothing, nor do a blog post's taxonomy
        # classes ("tag-economy", "category-news").
        words = _TAXONOMY_CLASS.sub(" ", " ".join(names))
        if _FURNITURE_WORDS.search(words):
            furniture = True
        elif _STORY_WORDS.search(words):
            story = True
    return furniture, story


def page_blocks(markup: str) -> list[Block]:
    """The text blocks of an HTML page in document order, with their context. Never raises."""
    markup = clean_text(markup)
    scanner = _Scanner()
    for event in markup_events(markup):
        if isinstance(event, str):
            scanner.text(event)
        elif isinstance(event, Cdata):
            continue  # feed-style CDATA on a page holds no reading matter
        elif event.closing:
            scanner.end(event.name)
        else:
            scanner.start(event.name, event.attributes)
            if event.self_closing and event.name not in _VOID_TAGS:
                scanner.end(event.name)  # <div/> in XHTML
    scanner.flush()
    return scanner.blocks
