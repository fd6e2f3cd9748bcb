"""A cheap first sieve for teasers, cheap enough for every entry of every fetch.

An entry may be a teaser when its text is short or when its end holds an excerpt's marker (an
ellipsis or a "read more" link of some kind). Only such entries are judged by `is_teaser`
(digest.fulltext.extract); any other entry is too long to be one.
"""

from __future__ import annotations

import re

__all__ = ["TAIL", "TEASER_MOST", "might_be_teaser"]

TEASER_MOST = 680
"""Longer texts are teasers only when they end with an excerpt's marker (see `is_teaser`)."""
TAIL = 80
"""Characters at the end of a text where an excerpt's marker is looked for."""
_ENDING_SYMBOLS = ("…", "...", "]", "»", "›", "→", ">")
_ENDING_WORDS = ("read more", "continue reading", "read on", "full story")
_TRAILING_PUNCTUATION = re.compile(r"\W+\Z")


def might_be_teaser(text: str) -> bool:
    """False only for a text `is_teaser` would certainly not take for a teaser: one longer than
    a teaser can be that does not end with an ellipsis, an arrow or a "read more" link."""
    if len(text) <= TEASER_MOST:
        return True
    tail = text[-TAIL:].rstrip().lower()
    if tail.endswith(_ENDING_SYMBOLS):
        return True
    return _TRAILING_PUNCTUATION.sub("", tail).endswith(_ENDING_WORDS)
