"""The SQLite store: subscriptions, articles with read and starred marks, and digest snapshots.

The schema grows by numbered migrations recorded in `PRAGMA user_version`. The store runs in WAL
mode with a busy timeout, and every change is one short transaction, so a second process waits
instead of failing and a crash never leaves it half-written.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from digest.errors import StoreError
from digest.migrations import MIGRATIONS, SCHEMA_VERSION
from digest.models import Article, Digest, FeedInfo, ParsedEntry, iso, parse_iso

__all__ = ["SCHEMA_VERSION", "FeedRow", "SnapshotInfo", "Store", "open_store"]

_BUSY_TIMEOUT_MS = 10_000


@dataclass(frozen=True)
class FeedRow:
    """What the fetcher needs of a subscription."""

    id: int
    url: str
    etag: str | None
    last_modified: str | None
    local_ok: bool
    status: str | None
    retry_after: datetime | None


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


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def open_store(path: Path) -> Store:
    """Open (creating and migrating as needed) the store at `path`."""
    return Store(path)


class Store:
    """One connection to the store file. Not shared between threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(path, timeout=_BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute(f"PRAGMA busy_timeout = {_BUSY_TIMEOUT_MS}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(_explain(path, exc)) from exc
        except OSError as exc:
            raise StoreError(
                f"cannot create the store folder {path.parent}: {exc.strerror}"
            ) from exc

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (BEGIN IMMEDIATE) so writers queue, not deadlock."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise StoreError(_explain(self.path, exc)) from exc
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        else:
            try:
                self._db.execute("COMMIT")
            except sqlite3.DatabaseError as exc:
                self._db.execute("ROLLBACK")
                raise StoreError(_explain(self.path, exc)) from exc

    def _migrate(self) -> None:
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"the store {self.path} was written by a newer digest (schema {version}); "
                "upgrade digest to open it."
            )
        for number in range(version, SCHEMA_VERSION):
            with self.transaction() as db:
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute(f"PRAGMA user_version = {number + 1}")

    def schema_version(self) -> int:
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    # Subscriptions

    def add_feed(
        self,
        url: str,
        *,
        name: str | None = None,
        topic: str | None = None,
        full_text: bool = False,
        local_ok: bool = False,
    ) -> tuple[int, bool]:
        """Subscribe to `url` (or bring back a removed subscription). Returns (id, was it new)."""
        with self.transaction() as db:
            row = db.execute("SELECT id, removed_at FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                db.execute(
                    "UPDATE feeds SET removed_at = NULL, name = coalesce(?, name),"
                    " topic = coalesce(?, topic), full_text = ?, local_ok = ? WHERE id = ?",
                    (name, topic, int(full_text), int(local_ok), row["id"]),
                )
                return int(row["id"]), row["removed_at"] is not None
            cursor = db.execute(
                "INSERT INTO feeds (url, name, topic, full_text, local_ok, added_at)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (url, name, topic, int(full_text), int(local_ok), iso(_now())),
            )
            return int(cursor.lastrowid or 0), True

    def remove_feed(self, url: str) -> bool:
        """Unsubscribe. Starred articles stay; the rest go at the next prune. False if unknown."""
        with self.transaction() as db:
            cursor = db.execute(
                "UPDATE feeds SET removed_at = ? WHERE url = ? AND removed_at IS NULL",
                (iso(_now()), url),
            )
            return cursor.rowcount > 0

    def feeds(self) -> list[FeedInfo]:
        """Every subscription with its last status and article count, in the order added."""
        rows = self._db.execute(
            "SELECT f.*, (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS n"
            " FROM feeds f WHERE removed_at IS NULL ORDER BY f.id"
        ).fetchall()
        return [
            FeedInfo(
                id=r["id"],
                url=r["url"],
                title=r["title"],
                topic=r["topic"],
                status=r["status"],
                error=r["error"],
                articles=r["n"],
                last_fetched=parse_iso(r["last_fetched"]),
                failures=r["failures"],
                name=r["name"],
                full_text=bool(r["full_text"]),
            )
            for r in rows
        ]

    def feeds_to_fetch(self) -> list[FeedRow]:
        """Subscriptions a fetch should visit (all but the removed and those gone for good)."""
        rows = self._db.execute(
            "SELECT id, url, etag, last_modified, local_ok, status, retry_after FROM feeds"
            " WHERE removed_at IS NULL AND coalesce(status, '') != 'gone' ORDER BY id"
        ).fetchall()
        return [
            FeedRow(
                id=r["id"],
                url=r["url"],
                etag=r["etag"],
                last_modified=r["last_modified"],
                local_ok=bool(r["local_ok"]),
                status=r["status"],
                retry_after=parse_iso(r["retry_after"]),
            )
            for r in rows
        ]

    def record_success(
        self,
        feed_id: int,
        *,
        status: str,
        entries: Sequence[ParsedEntry] = (),
        title: str | None = None,
        site_url: str | None = None,
        rights: str | None = None,
        language: str | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        moved_to: str | None = None,
    ) -> int:
        """Store a successful fetch ('updated' or 'not_modified'); returns how many entries are new.

        Known entries are updated in place, so read and starred marks survive every refetch.
        """
        now = iso(_now())
        with self.transaction() as db:
            known = {
                row[0]
                for row in db.execute("SELECT guid FROM articles WHERE feed_id = ?", (feed_id,))
            }
            new = 0
            seen: set[str] = set()
            rows = []
            for entry in entries:
                if entry.guid in seen:
                    continue
                seen.add(entry.guid)
                new += entry.guid not in known
                rows.append(
                    (
                        feed_id,
                        entry.guid,
                        entry.url,
                        entry.title,
                        entry.author,
                        iso(entry.published),
                        entry.text,
                        json.dumps(list(entry.categories), ensure_ascii=False),
                        entry.disclaimer,
                        now,
                        now,
                    )
                )
            db.executemany(
                "INSERT INTO articles (feed_id, guid, url, title, author, published, text,"
                " categories, disclaimer, first_seen, last_seen)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (feed_id, guid) DO UPDATE SET url = excluded.url,"
                " title = excluded.title, author = excluded.author,"
                " published = coalesce(excluded.published, articles.published),"
                " text = excluded.text, categories = excluded.categories,"
                " disclaimer = excluded.disclaimer, last_seen = excluded.last_seen",
                rows,
            )
            if status == "not_modified":
                # The feed is unchanged, so what it held last time is still in it.
                db.execute(
                    "UPDATE articles SET last_seen = ? WHERE feed_id = ? AND last_seen ="
                    " (SELECT max(last_seen) FROM articles WHERE feed_id = ?)",
                    (now, feed_id, feed_id),
                )
            db.execute(
                "UPDATE feeds SET status = ?, error = NULL, failures = 0, failing_since = NULL,"
                " retry_after = NULL, last_fetched = ?, title = coalesce(?, title),"
                " site_url = coalesce(?, site_url), rights = coalesce(?, rights),"
                " language = coalesce(?, language),"
                # A 304 keeps the validators; a full answer replaces them, even with none.
                " etag = CASE WHEN ? THEN etag ELSE ? END,"
                " last_modified = CASE WHEN ? THEN last_modified ELSE ? END WHERE id = ?",
                (
                    status,
                    now,
                    title,
                    site_url,
                    rights,
                    language,
                    status == "not_modified",
                    etag,
                    status == "not_modified",
                    last_modified,
                    feed_id,
                ),
            )
            if moved_to:
                taken = db.execute("SELECT 1 FROM feeds WHERE url = ?", (moved_to,)).fetchone()
                if taken is None:
                    db.execute("UPDATE feeds SET url = ? WHERE id = ?", (moved_to, feed_id))
        return new

    def record_failure(
        self,
        feed_id: int,
        error: str,
        *,
        gone: bool = False,
        retry_after: datetime | None = None,
    ) -> None:
        """Store a failed fetch with its message; the articles already stored stay."""
        now = iso(_now())
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET status = ?, error = ?, failures = failures + 1,"
                " failing_since = coalesce(failing_since, ?), retry_after = ?, last_fetched = ?"
                " WHERE id = ?",
                ("gone" if gone else "error", error, now, iso(retry_after), now, feed_id),
            )

    # Articles

    def articles(self, since: datetime, until: datetime) -> list[Article]:
        """Articles of current subscriptions filed between `since` and `until`, oldest first."""
        rows = self._db.execute(
            "SELECT a.*, coalesce(f.name, f.title, f.url) AS feed_title, f.topic AS feed_topic,"
            " f.language AS feed_language"
            " FROM articles a JOIN feeds f ON f.id = a.feed_id"
            " WHERE f.removed_at IS NULL"
            " AND coalesce(a.published, a.first_seen) BETWEEN ? AND ?"
            " ORDER BY coalesce(a.published, a.first_seen), a.id",
            (iso(since), iso(until)),
        ).fetchall()
        return [_article(r) for r in rows]

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
        moment = now or _now()
        cutoff = iso(datetime.fromtimestamp(moment.timestamp() - retention_days * 86400, UTC))
        with self.transaction() as db:
            cursor = db.execute(
                "DELETE FROM articles WHERE starred = 0 AND (last_seen < ? OR feed_id IN"
                " (SELECT id FROM feeds WHERE removed_at IS NOT NULL))",
                (cutoff,),
            )
            return cursor.rowcount

    # Digest snapshots

    def save_digest(self, digest: Digest, *, window: str, state: str, keep: int) -> int:
        """Store a built digest as a snapshot and drop all but the newest `keep`."""
        body = json.dumps(digest.to_json(internal=True), ensure_ascii=False)
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO digests (generated_at, since, until, window, state, stories, body)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    iso(digest.generated_at),
                    iso(digest.since),
                    iso(digest.until),
                    window,
                    state,
                    digest.story_count,
                    body,
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
            "SELECT id, generated_at, since, until, window, state, stories FROM digests"
            " ORDER BY id DESC"
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
        text=r["text"],
        categories=tuple(json.loads(r["categories"] or "[]")),
        disclaimer=r["disclaimer"],
        read=bool(r["read"]),
        starred=bool(r["starred"]),
        first_seen=parse_iso(r["first_seen"]) or _now(),
        feed_language=r["feed_language"],
    )


def _snapshot_info(r: sqlite3.Row) -> SnapshotInfo:
    return SnapshotInfo(
        id=r["id"],
        generated_at=parse_iso(r["generated_at"]) or _now(),
        since=parse_iso(r["since"]) or _now(),
        until=parse_iso(r["until"]) or _now(),
        window=r["window"],
        state=r["state"],
        stories=r["stories"],
    )


def _explain(path: Path, exc: sqlite3.DatabaseError) -> str:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return (
            f"the store {path} is busy: another digest (a fetch?) is writing to it. "
            "Wait for it to finish and try again."
        )
    if "readonly" in message or "read-only" in message:
        return f"the store {path} is read-only: check its permissions (and its folder's)."
    if "not a database" in message or "malformed" in message:
        return (
            f"the store {path} is damaged ({message}). Run `digest doctor --repair`: it keeps "
            "the damaged file and carries your subscriptions, read and starred marks over."
        )
    if "unable to open" in message:
        return f"cannot open the store {path}: check that its folder exists and is writable."
    return f"the store {path} failed: {message}"
