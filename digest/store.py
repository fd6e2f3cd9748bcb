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
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from digest.errors import StoreError
from digest.feedsettings import FULL_TEXT_MODES, FeedSettings, FullText
from digest.migrations import MIGRATIONS, SCHEMA_VERSION
from digest.models import FeedInfo, ParsedEntry, iso, parse_iso
from digest.store_content import ContentQueries, SnapshotInfo, now_utc
from digest.store_pages import PageQueries

__all__ = ["SCHEMA_VERSION", "FeedHealth", "FeedRow", "SnapshotInfo", "Store", "open_store"]

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
    last_fetched: datetime | None = None
    settings: FeedSettings = field(default_factory=FeedSettings)
    """The settings stored with the subscription (config.toml may override them)."""


@dataclass(frozen=True)
class FeedHealth:
    """A subscription's stored settings and how its fetches have gone, beyond FeedInfo."""

    settings: FeedSettings
    failing_since: datetime | None
    """When the current run of failed fetches began; None when the last fetch worked."""
    retry_after: datetime | None
    """The server asked not to be fetched again before this."""
    pages: tuple[int, int, str | None] = (0, 0, None)
    """Article pages fetched for their full text: (read, failed, the latest failure)."""


# The stored full-text mode; rows from before schema 2 (or salvaged from such a store) have only
# the old 0/1 column.
_FULL_TEXT_SQL = "coalesce(full_text_mode, CASE WHEN full_text THEN 'yes' END)"


def _settings(r: sqlite3.Row) -> FeedSettings:
    mode = r["mode"]
    full_text: FullText | None = next((m for m in FULL_TEXT_MODES if m == mode), None)
    seconds = r["every_seconds"]
    return FeedSettings(
        every=timedelta(seconds=seconds) if seconds else None,
        limit=r["item_limit"] or None,
        topic=r["topic"],
        full_text=full_text,
    )


def _now() -> datetime:
    return now_utc()


def open_store(path: Path) -> Store:
    """Open (creating and migrating as needed) the store at `path`."""
    return Store(path)


class Store(ContentQueries, PageQueries):
    """One connection to the store file. Not shared between threads.

    Subscriptions and their fetch records live here; articles and snapshots in ContentQueries;
    article pages fetched for their full text in PageQueries.
    """

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
        full_text: FullText | bool | None = None,
        every: timedelta | None = None,
        limit: int | None = None,
        local_ok: bool = False,
    ) -> tuple[int, bool]:
        """Subscribe to `url` (or bring back a removed subscription). Returns (id, was it new).

        Settings given as None leave a returning subscription's own as they were; `full_text`
        True is "yes" and False is unset, as before full text had three modes.
        """
        mode: FullText | None = "yes" if full_text is True else (full_text or None)
        seconds = round(every.total_seconds()) if every is not None else None
        with self.transaction() as db:
            row = db.execute("SELECT id, removed_at FROM feeds WHERE url = ?", (url,)).fetchone()
            if row is not None:
                db.execute(
                    "UPDATE feeds SET removed_at = NULL, name = coalesce(?, name),"
                    " topic = coalesce(?, topic), full_text_mode = coalesce(?, full_text_mode),"
                    " every_seconds = coalesce(?, every_seconds),"
                    " item_limit = coalesce(?, item_limit), local_ok = ? WHERE id = ?",
                    (name, topic, mode, seconds, limit, int(local_ok), row["id"]),
                )
                db.execute(
                    f"UPDATE feeds SET full_text = ({_FULL_TEXT_SQL}) IS 'yes' WHERE id = ?",
                    (row["id"],),
                )
                return int(row["id"]), row["removed_at"] is not None
            cursor = db.execute(
                "INSERT INTO feeds (url, name, topic, full_text, full_text_mode, every_seconds,"
                " item_limit, local_ok, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    url,
                    name,
                    topic,
                    int(mode == "yes"),
                    mode,
                    seconds,
                    limit,
                    int(local_ok),
                    iso(_now()),
                ),
            )
            return int(cursor.lastrowid or 0), True

    def feed_id(self, url: str) -> int | None:
        """The id of the current subscription to `url`, or None."""
        row = self._db.execute(
            "SELECT id FROM feeds WHERE url = ? AND removed_at IS NULL", (url,)
        ).fetchone()
        return None if row is None else int(row[0])

    def set_feed_settings(self, feed_id: int, settings: FeedSettings) -> None:
        """Store `settings` as the feed's own, replacing all four (None clears one)."""
        every = settings.every
        with self.transaction() as db:
            db.execute(
                "UPDATE feeds SET topic = ?, every_seconds = ?, item_limit = ?,"
                " full_text_mode = ?, full_text = ? WHERE id = ?",
                (
                    settings.topic,
                    round(every.total_seconds()) if every is not None else None,
                    settings.limit,
                    settings.full_text,
                    int(settings.full_text == "yes"),
                    feed_id,
                ),
            )

    def feed_health(self) -> dict[int, FeedHealth]:
        """Each current subscription's stored settings and failure record, by feed id."""
        rows = self._db.execute(
            f"SELECT id, topic, every_seconds, item_limit, {_FULL_TEXT_SQL} AS mode,"
            " failing_since, retry_after FROM feeds WHERE removed_at IS NULL"
        ).fetchall()
        pages = self.page_failures()
        return {
            r["id"]: FeedHealth(
                _settings(r),
                parse_iso(r["failing_since"]),
                parse_iso(r["retry_after"]),
                pages.get(r["id"], (0, 0, None)),
            )
            for r in rows
        }

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
            f"SELECT f.*, {_FULL_TEXT_SQL} AS mode,"
            " (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) AS n"
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
                full_text=r["mode"] == "yes",
            )
            for r in rows
        ]

    def feeds_to_fetch(self) -> list[FeedRow]:
        """Subscriptions a fetch should visit (all but the removed and those gone for good)."""
        rows = self._db.execute(
            "SELECT id, url, etag, last_modified, local_ok, status, retry_after, last_fetched,"
            f" topic, every_seconds, item_limit, {_FULL_TEXT_SQL} AS mode FROM feeds"
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
                last_fetched=parse_iso(r["last_fetched"]),
                settings=_settings(r),
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
