"""The library API (a contract, see DESIGN.md): the same code paths the digest itself runs.

Each function imports its analysis module when first called, so `import digest` stays cheap and
never loads sumy, nltk or numpy.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["group_stories", "summarize", "summarize_story", "topic_of"]


def summarize(
    text: str, *, sentences: int = 3, title: str | None = None, language: str = "english"
) -> list[str]:
    """Up to `sentences` sentences quoted verbatim from `text`, in text order.

    `language` is a sumy language name ("german"), a code ("de", "fr-CA") or "auto" (detected
    from the text); it picks the stemmer and stop words.
    """
    from digest.analysis.summarize import summarize_text

    return summarize_text(text, count=sentences, title=title, language=language)


def summarize_story(
    sources: Sequence[tuple[str, str]],
    *,
    sentences: int | None = None,
    language: str = "english",
) -> list[tuple[str, int]]:
    """A summary of one story from its sources' (title, text): (verbatim sentence, source index).

    `sentences=None` gives the digest's own length, which grows with the number of sources (2-5)
    with different texts; sources with the same text (syndicated copies) count once.
    `language` as for `summarize`.
    """
    from digest.analysis.summarize import summarize_sources, summary_length

    distinct = len({text for _, text in sources})
    count = summary_length(distinct) if sentences is None else sentences
    return summarize_sources(sources, count=count, language=language)


def topic_of(title: str, text: str, categories: Sequence[str] = ()) -> str:
    """The taxonomy topic of an article (World, Politics, ..., Other)."""
    from digest.analysis.topics import topic_of as _topic_of

    return _topic_of(title, text, categories)


def group_stories(items: Sequence[tuple[str, str]]) -> list[int]:
    """A story label per (title, text) item: 0..k-1 in order of first appearance."""
    from digest.analysis.stories import group_stories as _group_stories

    return _group_stories(items)
