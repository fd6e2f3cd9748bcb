"""Recognising text that is not news: disclaimers, syndication footers, calls to action, credits.

Such paragraphs are never chosen as summary sentences. A disclaimer is not thrown away: it is kept
with its source and shown beside it.

Every sentence a summary might quote passes through here, so the patterns are split into those
anchored at the start (tried once, at position 0) and those found anywhere, which run only when a
word they need occurs in the text.
"""

from __future__ import annotations

import re

__all__ = ["is_boilerplate", "is_disclaimer", "split_disclaimer"]

_DISCLAIMER_START = re.compile(
    r"\s*(?:disclaimer|legal notice|editor'?s note|note to readers|important notice)\s*[:.\-–—]",
    re.IGNORECASE,
)
# Patterns found anywhere, tried on the lower-cased text only when one of their words occurs in it.
_Rule = tuple[tuple[str, ...], re.Pattern[str]]
_DISCLAIMER_ANYWHERE: tuple[_Rule, ...] = (
    (
        ("aggregated", "generated", "produced", "sponsored", "syndicated", "provided"),
        re.compile(
            r"\bthis (?:content|article|post|story) (?:is|was|has been) (?:aggregated|generated"
            r"|produced|sponsored|syndicated|provided)\b"
        ),
    ),
    (("verify",), re.compile(r"\bplease verify (?:this |the )?information\b")),
    (("infringed",), re.compile(r"\bif you believe your rights have been infringed\b")),
    (
        ("constitute",),
        re.compile(r"\bdoes not constitute (?:financial|investment|legal|medical) advice\b"),
    ),
    (("informational",), re.compile(r"\bfor informational purposes only\b")),
)

_BOILERPLATE_START = re.compile(
    r"\s*(?:read|see|learn|find out|click) (?:more|here|the full|full)\b"
    r"|\s*scroll (?:down|up) (?:for|to see) (?:the )?(?:video|more|pictures)\b"
    r"|\s*(?:read more|more\.{0,3}|continue)\s*[.…»>]*\s*$"
    r"|\s*(?:photo|photograph|image|picture|video|graphic)s?(?: credit)?\s*:"
    r"|\s*(?:copyright|©)\s"
    r"|\s*(?:advertisement|advertising|sponsored content)\s*$"
    r"|\s*(?:related|recommended|most read|also read)\s*:",
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE: tuple[_Rule, ...] = (
    (("appeared first",), re.compile(r"\bthe post\b.{1,300}?\bappeared first on\b", re.DOTALL)),
    (("click here",), re.compile(r"\bclick here\b")),
    (("continue reading",), re.compile(r"\bcontinue reading\b")),
    (
        ("sign up", "subscribe"),
        re.compile(
            r"\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|daily|weekly|free)\b"
        ),
    ),
    (("subscribe",), re.compile(r"\bsubscribe (?:now|today)\b")),
    (
        ("(photo", "(image", "(picture"),
        re.compile(r"\((?:photo|image|picture)s?(?: credit)?\s*:[^)]*\)\s*$"),
    ),
    (("follow us",), re.compile(r"\bfollow us on (?:twitter|facebook|instagram|x)\b")),
    (("rights reserved",), re.compile(r"\ball rights reserved\b")),
    (("share this",), re.compile(r"\bshare this (?:article|story)\b")),
    (("originally",), re.compile(r"\bthis article (?:was )?originally (?:appeared|published)\b")),
)


def _found(lowered: str, rules: tuple[_Rule, ...]) -> bool:
    # Plain loops: this runs for every sentence a summary might quote.
    for words, pattern in rules:
        for word in words:
            if word in lowered:
                if pattern.search(lowered):
                    return True
                break
    return False


def is_disclaimer(text: str) -> bool:
    """True when `text` (a paragraph or sentence) is a notice about the content, not news."""
    return bool(_DISCLAIMER_START.match(text)) or _found(text.lower(), _DISCLAIMER_ANYWHERE)


def is_boilerplate(text: str) -> bool:
    """True when `text` must never be a summary sentence: a disclaimer, footer or call to action."""
    if _BOILERPLATE_START.match(text) or _DISCLAIMER_START.match(text):
        return True
    lowered = text.lower()
    return _found(lowered, _DISCLAIMER_ANYWHERE) or _found(lowered, _BOILERPLATE_ANYWHERE)


def split_disclaimer(text: str) -> tuple[str, str | None]:
    """Split plain text (paragraphs separated by blank lines or newlines) into body and disclaimer.

    Disclaimer paragraphs are removed from the body and returned joined, or None when there is none.
    """
    paragraphs = re.split(r"\n\s*\n|\n", text)
    body: list[str] = []
    notices: list[str] = []
    for paragraph in paragraphs:
        (notices if paragraph.strip() and is_disclaimer(paragraph) else body).append(paragraph)
    if not notices:
        return text, None
    kept = "\n\n".join(p.strip() for p in body if p.strip())
    return kept, " ".join(n.strip() for n in notices)
