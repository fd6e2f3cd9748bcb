"""The store's content: articles with their read and starred marks, and digest snapshots.

`ContentQueries` is mixed into `digest.store.Store`, which owns the connection, the schema and
the subscriptions; this half reads and writes what the feeds brought and what was built of it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from digest.models import Article, Digest, iso, parse_iso

__all__ = ["ContentQueries", "SnapshotInfo"]


@dataclass(frozen=True)
class SnapshotInfo:
    """A stored digest, without its body."""

    id: int
    generated_at: datetime
    since: datetime
    until: datetime
    window: str
    state: str
    stories: int
    through_article: int | None = None
    """The highest article id in the store when the digest was built (None before schema 2)."""


_ARTICLES = (
    "SELECT a.*, coalesce(f.name, f.title, f.url) AS feed_title, f.topic AS feed_topic,"
    " f.language AS feed_language, p.text AS page_text FROM articles a"
    " JOIN feeds f ON f.id = a.feed_id LEFT JOIN pages p ON p.article_id = a.id"
)


def now_utc() -> datetime:
    """The current time in whole seconds, as the store records it."""
    return datetime.now(UTC).replace(microsecond=0)


class ContentQueries:
    """Article and snapshot queries over the connection of the Store they are mixed into."""

    _db: sqlite3.Connection

    def transaction(self) -> AbstractContextManager[sqlite3.Connection]:
        """One write transaction (Store provides it)."""
        raise NotImplementedError

    def articles(self, since: datetime, until: datetime) -> list[Article]:
        """Articles of current subscriptions filed between `since` and `until`, oldest first."""
        rows = self._db.execute(
            _ARTICLES + " WHERE f.removed_at IS NULL"
            " AND coalesce(a.published, a.first_seen) BETWEEN ? AND ?"
            " ORDER BY coalesce(a.published, a.first_seen), a.id",
            (iso(since), iso(until)),
        ).fetchall()
        return [_article(r) for r in rows]

    def articles_through(self, since: datetime, until: datetime) -> tuple[list[Article], int]:
        """`articles(since, until)`, and the highest article id then stored, read consistently."""
        # One read transaction: a fetch committing meanwhile is in neither or both.
        self._db.execute("BEGIN")
        try:
            articles = self.articles(since, until)
            row = self._db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
        finally:
            self._db.execute("COMMIT")
        return articles, int(row[0])

    def articles_after(
        self, through_article: int, first_seen_after: datetime, dated_from: datetime
    ) -> tuple[list[Article], int]:
        """Articles stored since a digest: id above `through_article` or first seen after
        `first_seen_after`, and dated from `dated_from` on; with the highest id now stored."""
        self._db.execute("BEGIN")
        try:
            rows = self._db.execute(
                _ARTICLES + " WHERE f.removed_at IS NULL AND (a.id > ? OR a.first_seen > ?)"
                " AND coalesce(a.published, a.first_seen) >= ?"
                " ORDER BY coalesce(a.published, a.first_seen), a.id",
                (through_article, iso(first_seen_after), iso(dated_from)),
            ).fetchall()
            row = self._db.execute("SELECT coalesce(max(id), 0) FROM articles").fetchone()
        finally:
            self._db.execute("COMMIT")
        return [_article(r) for r in rows], int(row[0])

    def newest_article_time(self) -> datetime | None:
        """When the newest article of a current subscription was published (or first seen)."""
        row = self._db.execute(
            "SELECT max(coalesce(a.published, a.first_seen)) FROM articles a"
            " JOIN feeds f ON f.id = a.feed_id WHERE f.removed_at IS NULL"
        ).fetchone()
        return parse_iso(row[0])

    def content_state(self) -> str:
        """A short key that changes whenever the articles or subscriptions a digest uses change."""
        row = self._db.execute(
            "SELECT (SELECT count(*) FROM articles), (SELECT max(last_seen) FROM articles),"
            " (SELECT max(id) FROM articles),"
            " (SELECT group_concat(id || ':' || coalesce(topic, '') || ':' || coalesce(name, ''))"
            "  FROM feeds WHERE removed_at IS NULL)"
        ).fetchone()
        return json.dumps(list(row))

    def set_marks(
        self, article_ids: Sequence[int], *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        """Set the read and/or starred mark of the given articles."""
        with self.transaction() as db:
            for column, value in (("read", read), ("starred", starred)):
                if value is not None:
                    db.executemany(
                        f"UPDATE articles SET {column} = ? WHERE id = ?",
                        [(int(value), i) for i in article_ids],
                    )

    def marks(self, article_ids: Sequence[int]) -> dict[int, tuple[bool, bool]]:
        """(read, starred) of each article that still exists."""
        result: dict[int, tuple[bool, bool]] = {}
        ids = list(article_ids)
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for row in self._db.execute(
                f"SELECT id, read, starred FROM articles WHERE id IN ({marks})", chunk
            ):
                result[row[0]] = (bool(row[1]), bool(row[2]))
        return result

    def prune(self, retention_days: int, now: datetime | None = None) -> int:
        """Delete unstarred articles not seen in any feed for `retention_days`; returns how many.

        Articles still present in their feed are kept, so pruning never makes a refetch see
        them as new; articles of removed subscriptions go unless starred.
        """
        moment = now or now_utc()
        cutoff = iso(datetime.fromtimestamp(moment.timestamp() - retention_days * 86400, UTC))
        with self.transaction() as db:
            cursor = db.execute(
                "DELETE FROM articles WHERE starred = 0 AND (last_seen < ? OR feed_id IN"
                " (SELECT id FROM feeds WHERE removed_at IS NOT NULL))",
                (cutoff,),
            )
            return cursor.rowcount

    # Digest snapshots

    def save_digest(
        self,
        digest: Digest,
        *,
        window: str,
        state: str,
        keep: int,
        through_article: int | None = None,
    ) -> int:
        """Store a built digest as a snapshot and drop all but the newest `keep`.

        `through_article` is the highest article id the build could see (`articles_through`).
        """
        body = json.dumps(digest.to_json(internal=True), ensure_ascii=False)
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO digests (generated_at, since, until, window, state, stories, body,"
                " through_article) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    iso(digest.generated_at),
                    iso(digest.since),
                    iso(digest.until),
                    window,
                    state,
                    digest.story_count,
                    body,
                    through_article,
                ),
            )
            db.execute(
                "DELETE FROM digests WHERE id NOT IN"
                " (SELECT id FROM digests ORDER BY id DESC LIMIT ?)",
                (keep,),
            )
            return int(cursor.lastrowid or 0)

    def snapshots(self) -> list[SnapshotInfo]:
        """Stored digests, newest first."""
        rows = self._db.execute(
            "SELECT id, generated_at, since, until, window, state, stories, through_article"
            " FROM digests ORDER BY id DESC"
        ).fetchall()
        return [_snapshot_info(r) for r in rows]

    def load_digest(self, snapshot_id: int | None = None) -> tuple[SnapshotInfo, Digest] | None:
        """The snapshot with that id, or the newest; None when there is none.

        A snapshot that cannot be read is a cache miss (it can be rebuilt), never a crash.
        """
        query = "SELECT * FROM digests"
        args: tuple[Any, ...] = ()
        if snapshot_id is not None:
            query += " WHERE id = ?"
            args = (snapshot_id,)
        for row in self._db.execute(query + " ORDER BY id DESC", args):
            try:
                return _snapshot_info(row), Digest.from_json(json.loads(row["body"]))
            except (ValueError, KeyError, TypeError):
                continue
        return None


def _article(r: sqlite3.Row) -> Article:
    return Article(
        id=r["id"],
        feed_id=r["feed_id"],
        feed_title=r["feed_title"],
        feed_topic=r["feed_topic"],
        guid=r["guid"],
        url=r["url"],
        title=r["title"],
        author=r["author"],
        published=parse_iso(r["published"]),
        # The article's own page, when it was fetched for its full text, stands for the feed's
        # teaser everywhere a digest reads the text.
        text=r["page_text"] or r["text"],
        categories=tuple(json.loads(r["categories"] or "[]")),
        disclaimer=r["disclaimer"],
        read=bool(r["read"]),
        starred=bool(r["starred"]),
        first_seen=parse_iso(r["first_seen"]) or now_utc(),
        feed_language=r["feed_language"],
        full_text=bool(r["page_text"]),
    )


def _snapshot_info(r: sqlite3.Row) -> SnapshotInfo:
    return SnapshotInfo(
        id=r["id"],
        generated_at=parse_iso(r["generated_at"]) or now_utc(),
        since=parse_iso(r["since"]) or now_utc(),
        until=parse_iso(r["until"]) or now_utc(),
        window=r["window"],
        state=r["state"],
        stories=r["stories"],
        through_article=r["through_article"],
    )
