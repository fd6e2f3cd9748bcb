"""Article pages fetched for their full text: which are wanted, and what came of them."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import datetime

from digest.models import iso

__all__ = ["PageCandidate", "PageOutcome", "PageQueries", "text_key"]

MAX_TRIES = 3
"""A page that failed this many times is not asked for again (until its entry changes)."""


def text_key(text: str) -> str:
    """A short hash of an entry's feed text, to notice when the feed changes it."""
    return hashlib.sha1(text.encode("utf-8", "replace"), usedforsecurity=False).hexdigest()[:16]


@dataclass(frozen=True)
class PageCandidate:
    """An article whose page may be fetched: its link, feed text and what its page last gave."""

    article_id: int
    feed_id: int
    url: str
    text: str
    """The feed's text of the entry (a teaser, perhaps)."""
    etag: str | None
    last_modified: str | None
    tries: int
    fetched_for: str | None
    """`text_key` of the feed text the page was last fetched for; None if never fetched."""
    has_text: bool


@dataclass(frozen=True)
class PageOutcome:
    """What one page fetch gave: text (or None when unchanged or failed) and an error, if any."""

    article_id: int
    for_text: str
    text: str | None
    error: str | None
    unchanged: bool
    etag: str | None
    last_modified: str | None


class PageQueries:
    """Page queries over the connection of the Store they are mixed into."""

    _db: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (Store provides it)."""
        raise NotImplementedError

    def page_candidates(
        self,
        feed_ids: Iterable[int],
        since: datetime,
        per_feed: int,
        *,
        guids: dict[int, frozenset[str]] | None = None,
    ) -> list[PageCandidate]:
        """The newest articles (filed from `since` on, at most `per_feed` a feed) of these feeds
        whose page has not been fetched for their current text, or failed fewer than
        MAX_TRIES times; of a feed in `guids`, only the articles with those guids."""
        candidates: list[PageCandidate] = []
        for feed_id in feed_ids:
            only = None if guids is None else sorted(guids.get(feed_id, ()))
            if only is not None and not only:
                continue
            among = f" AND a.guid IN ({','.join('?' * len(only))})" if only else ""
            rows = self._db.execute(
                "SELECT a.id, a.url, a.text, p.etag, p.last_modified, p.tries, p.for_text,"
                " p.text IS NOT NULL AS has_text FROM articles a"
                " LEFT JOIN pages p ON p.article_id = a.id"
                " WHERE a.feed_id = ? AND a.url IS NOT NULL"
                " AND coalesce(a.published, a.first_seen) >= ?" + among + " ORDER BY"
                " coalesce(a.published, a.first_seen) DESC, a.id DESC",
                (feed_id, iso(since), *(only or ())),
            ).fetchall()
            chosen = 0
            for row in rows:
                if chosen >= per_feed:
                    break
                key = text_key(row["text"])
                if row["for_text"] == key and (row["has_text"] or row["tries"] >= MAX_TRIES):
                    continue
                chosen += 1
                candidates.append(
                    PageCandidate(
                        article_id=row["id"],
                        feed_id=feed_id,
                        url=row["url"],
                        text=row["text"],
                        etag=row["etag"],
                        last_modified=row["last_modified"],
                        tries=row["tries"] if row["for_text"] == key else 0,
                        fetched_for=row["for_text"],
                        has_text=bool(row["has_text"]),
                    )
                )
        return candidates

    def save_pages(self, outcomes: Sequence[PageOutcome], now: datetime) -> None:
        """Store what the page fetches gave. A failure or an unchanged page keeps the text a
        page gave before; a failure counts a try."""
        with self.transaction() as db:
            for outcome in outcomes:
                db.execute(
                    "INSERT INTO pages (article_id, text, error, tries, etag, last_modified,"
                    " for_text, fetched_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
                    " ON CONFLICT (article_id) DO UPDATE SET"
                    " text = CASE WHEN excluded.text IS NOT NULL THEN excluded.text"
                    "  ELSE pages.text END,"
                    " error = excluded.error,"
                    " tries = CASE WHEN excluded.error IS NULL THEN 0"
                    "  WHEN pages.for_text = excluded.for_text THEN pages.tries + 1 ELSE 1 END,"
                    " etag = coalesce(excluded.etag, pages.etag),"
                    " last_modified = coalesce(excluded.last_modified, pages.last_modified),"
                    " for_text = excluded.for_text, fetched_at = excluded.fetched_at",
                    (
                        outcome.article_id,
                        outcome.text,
                        outcome.error,
                        0 if outcome.error is None else 1,
                        outcome.etag,
                        outcome.last_modified,
                        outcome.for_text,
                        iso(now),
                    ),
                )

    def page_failures(self) -> dict[int, tuple[int, int, str | None]]:
        """Per feed id: (pages with full text, pages whose last fetch failed, the latest error)."""
        rows = self._db.execute(
            "SELECT a.feed_id, sum(p.text IS NOT NULL), sum(p.error IS NOT NULL),"
            " (SELECT p2.error FROM pages p2 JOIN articles a2 ON a2.id = p2.article_id"
            "  WHERE a2.feed_id = a.feed_id AND p2.error IS NOT NULL"
            "  ORDER BY p2.fetched_at DESC LIMIT 1)"
            " FROM pages p JOIN articles a ON a.id = p.article_id GROUP BY a.feed_id"
        ).fetchall()
        return {row[0]: (int(row[1] or 0), int(row[2] or 0), row[3]) for row in rows}
