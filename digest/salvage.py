"""Rebuilding a store from a damaged one: move it aside, read what can be read, fill a fresh store.

Used by `digest doctor --repair`. The damaged file is only ever renamed, never written: rows are
read from a temporary copy (reading a WAL database can write to it), one stretch of rows at a
time so that a bad page loses that stretch rather than the whole table.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from digest.errors import DigestError, StoreError
from digest.store import Store, open_store

__all__ = ["RepairResult", "move_aside", "read_backup", "salvage_into"]

_SIDECARS = ("-wal", "-shm", "-journal")
# Fetch state is left behind on purpose: without a feed's ETag and Last-Modified the next fetch
# downloads it in full, so articles that could not be read are fetched again.
_FETCH_STATE = {
    "etag",
    "last_modified",
    "status",
    "error",
    "failures",
    "failing_since",
    "retry_after",
    "last_fetched",
}
_MARK_COLUMNS = ("feed_id", "guid", "url", "title", "published", "read", "starred",
                 "first_seen", "last_seen")  # fmt: skip
# Bad pages skipped per table before giving up on the rest of it.
_MAX_SKIPS = 48


@dataclass(frozen=True)
class RepairResult:
    """What `digest doctor --repair` did."""

    kept_as: Path | None
    """Where the damaged store now is (None when there was no store file to move)."""
    feeds: int = 0
    articles: int = 0
    read: int = 0
    starred: int = 0
    digests: int = 0
    from_backup: int = 0
    """Subscriptions that came back from the OPML backup rather than the damaged store."""
    notes: list[str] = field(default_factory=list)


def move_aside(path: Path, now: datetime) -> Path:
    """Rename the store at `path` (and its WAL, shared memory and journal) with a timestamp."""
    stamp = now.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.damaged-{stamp}")
    number = 1
    while any(_sidecar(target, s).exists() for s in ("", *_SIDECARS)):
        target = path.with_name(f"{path.name}.damaged-{stamp}-{number}")
        number += 1
    try:
        # The main file first: once it is gone, a leftover WAL cannot be replayed into it.
        os.rename(path, target)
        for suffix in _SIDECARS:
            if _sidecar(path, suffix).exists():
                os.rename(_sidecar(path, suffix), _sidecar(target, suffix))
    except OSError as exc:
        raise StoreError(
            f"cannot move the damaged store {path} aside ({exc.strerror}): check that its "
            "folder is writable."
        ) from exc
    return target


def _sidecar(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def read_backup(path: Path) -> list[tuple[str, str | None, str | None]]:
    """(url, title, topic) of each feed in an OPML file; OpmlError when it cannot be read."""
    from digest.errors import OpmlError
    from digest.feeds.opml import read_opml

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OpmlError(f"cannot read {path}: {exc.strerror}.") from exc
    return [(o.url, o.title, o.topic) for o in read_opml(data, str(path))]


def salvage_into(damaged: Path | None, store_path: Path, backup: Path) -> RepairResult:
    """Make a fresh store at `store_path` holding what `damaged` and the OPML backup still have."""
    notes: list[str] = []
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    if damaged is not None and damaged.is_file():
        tables = _read_damaged(damaged, notes)
    elif damaged is not None:
        notes.append(f"{damaged} is not a file, so nothing could be read from it.")
    with open_store(store_path) as store:
        counts = _fill(store, tables)
        from_backup = _add_from_backup(store, backup, notes)
        if damaged is not None and damaged.is_file() and not any(c for c, _ in tables.values()):
            notes.append("nothing could be read from the damaged store.")
    return RepairResult(
        kept_as=damaged,
        feeds=counts["feeds"],
        articles=counts["articles"],
        read=counts["read"],
        starred=counts["starred"],
        digests=counts["digests"],
        from_backup=from_backup,
        notes=notes,
    )


def _read_damaged(
    damaged: Path, notes: list[str]
) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    with tempfile.TemporaryDirectory(dir=damaged.parent, prefix=".digest-salvage-") as folder:
        copy = Path(folder) / "salvage.sqlite3"
        try:
            shutil.copyfile(damaged, copy)
            if _sidecar(damaged, "-wal").is_file():
                shutil.copyfile(_sidecar(damaged, "-wal"), _sidecar(copy, "-wal"))
        except OSError as exc:
            notes.append(f"could not copy {damaged} to read it ({exc.strerror}).")
            return {}
        db = sqlite3.connect(copy, timeout=1, isolation_level=None)
        try:
            db.text_factory = lambda data: data.decode("utf-8", errors="replace")
            # Lets SQLite open a file shorter than its header says (it refuses otherwise) and
            # read the pages that are there. Only this copy is opened, and only to read.
            db.execute("PRAGMA writable_schema = ON")
            return {
                "feeds": _read_rows(db, "feeds"),
                "articles": _read_rows(db, "articles"),
                "marks": _read_rows(
                    db, "articles", _MARK_COLUMNS, where="(read != 0 OR starred != 0)"
                ),
                "digests": _read_rows(db, "digests"),
            }
        finally:
            db.close()


def _read_rows(
    db: sqlite3.Connection,
    table: str,
    wanted: Sequence[str] | None = None,
    where: str | None = None,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """(columns, rows) of `table`, as many as can be read; rows past a bad page are tried again."""
    try:
        present = [str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return [], []
    columns = present if wanted is None else [c for c in wanted if c in present]
    if not columns:
        return [], []
    select = f"SELECT rowid, {', '.join(columns)} FROM {table} WHERE rowid > ?"
    if where:
        select += f" AND {where}"
    select += " ORDER BY rowid"
    rows: list[tuple[Any, ...]] = []
    last = -(2**63)
    step = 1
    for _attempt in range(_MAX_SKIPS):
        try:
            for row in db.execute(select, (last,)):
                rows.append(tuple(row[1:]))
                last = int(row[0])
            break
        except sqlite3.Error:
            # Skip a growing stretch of row ids to get past the damaged page.
            last = max(last, 0) + step
            step *= 2
    return columns, rows


def _fill(
    store: Store, tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]]
) -> dict[str, int]:
    counts = dict.fromkeys(("feeds", "articles", "read", "starred", "digests"), 0)
    with store.transaction() as db:
        target = {t: _columns(db, t) for t in ("feeds", "articles", "digests")}
        columns, rows = tables.get("feeds", ([], []))
        keep = [c for c in columns if c in target["feeds"] and c not in _FETCH_STATE]
        feed_ids: set[int] = set()
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            if not isinstance(record.get("url"), str) or not record["url"]:
                continue
            if record.get("added_at") is None:
                record["added_at"] = "1970-01-01T00:00:00Z"
            if _insert(db, "feeds", keep, record) and isinstance(record.get("id"), int):
                feed_ids.add(record["id"])
        counts["feeds"] = len(feed_ids)
        columns, rows = tables.get("articles", ([], []))
        keep = [c for c in columns if c in target["articles"]]
        stored: set[tuple[Any, Any]] = set()
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            if record.get("feed_id") in feed_ids and _insert(db, "articles", keep, record):
                stored.add((record["feed_id"], record.get("guid")))
                counts["read"] += bool(record.get("read"))
                counts["starred"] += bool(record.get("starred"))
        # Marked articles whose text could not be read: keep the marks on what is left of them,
        # so a refetch (which updates in place) brings the text back under the same marks.
        columns, rows = tables.get("marks", ([], []))
        for row in rows:
            record = dict(zip(columns, row, strict=True))
            key = (record.get("feed_id"), record.get("guid"))
            if key in stored or key[0] not in feed_ids or not isinstance(key[1], str):
                continue
            title = record.get("title") or "(an article the store repair could only partly read)"
            record |= {"title": title, "text": title}
            for stamp in ("first_seen", "last_seen"):
                record[stamp] = record.get(stamp) or "1970-01-01T00:00:00Z"
            keep = [c for c in record if c in target["articles"]]
            if _insert(db, "articles", keep, record):
                stored.add(key)
                counts["read"] += bool(record.get("read"))
                counts["starred"] += bool(record.get("starred"))
        counts["articles"] = len(stored)
        columns, rows = tables.get("digests", ([], []))
        keep = [c for c in columns if c in target["digests"]]
        for row in rows:
            counts["digests"] += _insert(db, "digests", keep, dict(zip(columns, row, strict=True)))
    return counts


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {str(row[1]) for row in db.execute(f"PRAGMA table_info({table})")}


def _insert(db: sqlite3.Connection, table: str, columns: list[str], record: dict[str, Any]) -> bool:
    """Insert one salvaged row; False when it breaks a constraint (a damaged value)."""
    if not columns:
        return False
    marks = ", ".join("?" * len(columns))
    try:
        cursor = db.execute(
            f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})",
            [record.get(c) for c in columns],
        )
    except sqlite3.Error:
        return False
    return cursor.rowcount > 0


def _add_from_backup(store: Store, backup: Path, notes: list[str]) -> int:
    """Subscribe to the backup's feeds that are not in the store yet; returns how many."""
    if not backup.exists():
        return 0
    from digest.subscriptions import normalize_feed_url

    try:
        outlines = read_backup(backup)
    except DigestError as exc:
        notes.append(f"the OPML backup could not be read: {exc}")
        return 0
    with store.transaction() as db:
        known = {str(row[0]) for row in db.execute("SELECT url FROM feeds")}
    added = 0
    for url, title, topic in outlines:
        try:
            resolved, local = normalize_feed_url(url, base_dir=backup.parent)
        except DigestError:
            continue
        if resolved in known or url in known:
            continue
        store.add_feed(resolved, name=title, topic=topic, local_ok=local)
        known.add(resolved)
        added += 1
    return added
