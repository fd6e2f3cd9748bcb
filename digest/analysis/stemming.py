"""A light English suffix stripper shared by story grouping and headline choice.

Cheap and predictable rather than linguistically right: it only has to make "sanctions" meet
"sanction" and "talks" meet "talked", and it must not need sumy or NLTK.
"""

from __future__ import annotations

__all__ = ["light_stem"]


def light_stem(word: str) -> str:
    """Strip a possessive and one common suffix from a lower-case word."""
    if word.endswith(("'s", "’s")):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 5 and word.endswith("ing"):
        return word[:-3]
    if len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
