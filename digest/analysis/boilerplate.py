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
_DISCLAIMER_ANYWHERE = re.compile(
    r"\bthis (?:content|article|post|story) (?:is|was|has been) (?:aggregated|generated|produced"
    r"|sponsored|syndicated|provided)\b"
    r"|\bplease verify (?:this |the )?information\b"
    r"|\bif you believe your rights have been infringed\b"
    r"|\bdoes not constitute (?:financial|investment|legal|medical) advice\b"
    r"|\bfor informational purposes only\b",
    re.IGNORECASE,
)
_DISCLAIMER_WORDS = (
    "aggregated",
    "generated",
    "produced",
    "sponsored",
    "syndicated",
    "provided",
    "verify",
    "infringed",
    "constitute",
    "informational",
)

_BOILERPLATE_START = re.compile(
    r"\s*(?:read|see|learn|find out|click) (?:more|here|the full|full)\b"
    r"|\s*(?:read more|more\.{0,3}|continue)\s*[.…»>]*\s*$"
    r"|\s*(?:photo|photograph|image|picture|video|graphic)s?(?: credit)?\s*:"
    r"|\s*(?:copyright|©)\s"
    r"|\s*(?:advertisement|advertising|sponsored content)\s*$"
    r"|\s*(?:related|recommended|most read|also read)\s*:",
    re.IGNORECASE,
)
_BOILERPLATE_ANYWHERE = re.compile(
    r"\bthe post\b.{1,300}?\bappeared first on\b"
    r"|\bclick here\b"
    r"|\bcontinue reading\b"
    r"|\b(?:sign up|subscribe) (?:for|to) (?:our|the) (?:newsletter|daily|weekly|free)\b"
    r"|\bsubscribe (?:now|today)\b"
    r"|\((?:photo|image|picture)s?(?: credit)?\s*:[^)]*\)\s*$"
    r"|\bfollow us on (?:twitter|facebook|instagram|x)\b"
    r"|\ball rights reserved\b"
    r"|\bshare this (?:article|story)\b"
    r"|\bthis article (?:was )?originally (?:appeared|published)\b",
    re.IGNORECASE | re.DOTALL,
)
_BOILERPLATE_WORDS = (
    "appeared first",
    "click here",
    "continue reading",
    "subscribe",
    "sign up",
    "photo",
    "image",
    "picture",
    "follow us",
    "rights reserved",
    "share this",
    "originally",
)


def is_disclaimer(text: str) -> bool:
    """True when `text` (a paragraph or sentence) is a notice about the content, not news."""
    if _DISCLAIMER_START.match(text):
        return True
    lowered = text.lower()
    return any(w in lowered for w in _DISCLAIMER_WORDS) and bool(_DISCLAIMER_ANYWHERE.search(text))


def is_boilerplate(text: str) -> bool:
    """True when `text` must never be a summary sentence: a disclaimer, footer or call to action."""
    if is_disclaimer(text) or _BOILERPLATE_START.match(text):
        return True
    lowered = text.lower()
    return any(w in lowered for w in _BOILERPLATE_WORDS) and bool(
        _BOILERPLATE_ANYWHERE.search(text)
    )


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
