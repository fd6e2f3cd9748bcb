"""Syndicated copies within a story: which sources repeat an earlier one, and the numbers left.

A wire report carried word for word by several outlets is one story with several sources (the
JSON contract and the stored digest keep them all). Where a person reads it, in the reader and in
the text, Markdown and HTML exports, the copies are folded into the first source that carries the
text, shown as "also in: B, C" beside it, and the sources are numbered afresh; `SourceList.number`
turns a summary sentence's source index into the number shown.

A later source is a copy of an earlier one when:

- both texts are known (`text_keys`, from the store) and are the same after folding whitespace,
  each source's own disclaimer cut out first (the summarizer reads such copies once); or
- a text is not known and the two headlines are the same after folding case and whitespace,
  and no summary sentence is credited to the later source (the summarizer credits a
  shared text to its earliest source only, so a credited source has text of its own).

Different texts are never copies, whatever their headlines: hiding a report of its own behind
another's link would be worse than listing a copy twice.
"""

from __future__ import annotations

import hashlib
import sqlite3
import unicodedata
from collections.abc import Mapping
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from digest.models import Digest, Source, Story

__all__ = [
    "ListedSource",
    "SourceList",
    "list_sources",
    "shared_article_ids",
    "stored_text_keys",
    "text_key",
]


@dataclass(frozen=True)
class ListedSource:
    """A source as it is listed, with the later sources that copy it folded in."""

    number: int
    """Its number in the list, from 1: what the summary's [n] show."""
    source: Source
    copies: tuple[Source, ...] = ()
    """Later sources of the story that carry the same text (syndicated copies)."""

    @property
    def also_in(self) -> list[Source]:
        """One copy per other outlet, in story order: the "also in" list."""
        seen = {self.source.feed}
        outlets = []
        for copy in self.copies:
            if copy.feed not in seen:
                seen.add(copy.feed)
                outlets.append(copy)
        return outlets

    @property
    def copy_notices(self) -> list[tuple[str, str]]:
        """(outlet, notice) of copies whose own notice differs from this source's, each once.

        A source's notice is shown with it (DESIGN.md); folding a copy must not drop its notice.
        """
        seen = {(self.source.disclaimer or "").strip()}
        notices = []
        for copy in self.copies:
            notice = (copy.disclaimer or "").strip()
            if notice and notice not in seen:
                seen.add(notice)
                notices.append((copy.feed, notice))
        return notices


@dataclass(frozen=True)
class SourceList:
    """A story's sources with copies folded: what is listed, and each source's number."""

    listed: list[ListedSource]
    numbers: list[int]
    """For each index into the story's sources, the number it is listed under."""

    def number(self, source_index: int) -> int:
        """The number shown for the source at `source_index` of the story (a copy: its first)."""
        if 0 <= source_index < len(self.numbers):
            return self.numbers[source_index]
        return source_index + 1


def text_key(text: str, disclaimer: str | None = None) -> str | None:
    """A short fingerprint of an article's text; equal texts (copies) give equal keys.

    The text's own disclaimer is cut out first, as the summarizer does, so an outlet's notice
    does not make its copy a different text. None for an empty text: nothing to compare.
    """
    notice = (disclaimer or "").strip()
    if notice and notice in text:
        text = text.replace(notice, " ")
    folded = " ".join(text.split())
    if not folded:
        return None
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=12).hexdigest()


def shared_article_ids(digest: Digest) -> set[int]:
    """Store ids of the articles in stories with more than one source: those copies may be in."""
    return {
        source.article_id
        for topic in digest.topics
        for story in topic.stories
        if len(story.sources) > 1
        for source in story.sources
        if source.article_id is not None
    }


def stored_text_keys(store_file: Path, digest: Digest) -> dict[int, str]:
    """`text_key`s of the stored articles of `digest`'s stories of several sources, by id.

    Articles no longer stored have none. On any store trouble the result is empty: copies are
    then recognised by their headlines alone, which is no reason to stop the reader or an export.
    """
    ids = sorted(shared_article_ids(digest))
    keys: dict[int, str] = {}
    if not ids or not store_file.exists():
        return keys
    # By id, on a read-only connection of its own: the store has no query by id (reading the
    # digest's whole window with Store.articles takes half a second on a large store).
    uri = f"{store_file.resolve().as_uri()}?mode=ro"
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=5)) as db:
            for start in range(0, len(ids), 500):
                chunk = ids[start : start + 500]
                marks = ",".join("?" * len(chunk))
                query = f"SELECT id, text, disclaimer FROM articles WHERE id IN ({marks})"
                for article_id, text, disclaimer in db.execute(query, chunk):
                    if (key := text_key(text, disclaimer)) is not None:
                        keys[article_id] = key
    except sqlite3.Error:
        return {}
    return keys


def list_sources(story: Story, text_keys: Mapping[int, str] | None = None) -> SourceList:
    """The story's sources as listed, each later copy folded into the first with its text.

    `text_keys` maps store article ids to `text_key`s where the texts are known.
    """
    keys = text_keys or {}
    credited = {sentence.source for sentence in story.summary}
    originals: list[int] = []
    copies: dict[int, list[Source]] = {}
    numbers: list[int] = []
    for index, source in enumerate(story.sources):
        first = next(
            (
                kept
                for kept in originals
                if _copies(story.sources[kept], source, keys, credited=index in credited)
            ),
            None,
        )
        if first is None:
            originals.append(index)
            copies[index] = []
            numbers.append(len(originals))
        else:
            copies[first].append(source)
            numbers.append(originals.index(first) + 1)
    listed = [
        ListedSource(number, story.sources[index], tuple(copies[index]))
        for number, index in enumerate(originals, 1)
    ]
    return SourceList(listed, numbers)


def _key(source: Source, keys: Mapping[int, str]) -> str | None:
    return keys.get(source.article_id) if source.article_id is not None else None


def _copies(first: Source, later: Source, keys: Mapping[int, str], *, credited: bool) -> bool:
    """True when `later` repeats `first` (see the module's docstring)."""
    first_key, later_key = _key(first, keys), _key(later, keys)
    if first_key is not None and later_key is not None:
        return first_key == later_key
    return not credited and _headline(first.title) == _headline(later.title) != ""


def _headline(title: str) -> str:
    """A headline folded for comparison: Unicode forms, case, and the spaces between words.

    Punctuation stays: "U.S. to cut rates" and "US to cut rates?" may be two reports.
    """
    return " ".join(unicodedata.normalize("NFKC", title).casefold().split())
