"""What the reader needs from the core, in one object that knows nothing of Textual.

Each call opens its own short-lived store connection, so the reader may call from its event loop
or from a worker thread (SQLite connections must not cross threads). Opening a stored digest
imports neither the fetch path nor the analysis, so the reader starts fast. Every store failure
comes out as a StoreError with a message for a person, never a raw sqlite3 error.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from digest.config import Config
from digest.digests import Shown, build_digest_now, digest_state, get_digest
from digest.errors import NoDigestError, StoreError
from digest.models import Digest, FeedInfo
from digest.paths import Paths
from digest.store import SnapshotInfo, Store, open_store

if TYPE_CHECKING:
    from digest.refresh import FeedOutcome

__all__ = ["ReaderSession"]

_STATE_FILE = "reader-state.json"


@dataclass
class ReaderSession:
    """The reader's view of the core: digests, marks, refresh, history, export, remembered state."""

    paths: Paths
    config: Config
    offline: bool = False
    demo: bool = False

    @contextmanager
    def _store(self) -> Iterator[Store]:
        path = self.paths.store_file
        try:
            with open_store(path) as store:
                yield store
        except sqlite3.DatabaseError as exc:
            # Reads outside a transaction can still meet a damaged page or a lock.
            from digest.doctor import describe_store_error

            raise StoreError(describe_store_error(path, exc)) from exc

    def has_feeds(self) -> bool:
        """True when there is at least one subscription."""
        with self._store() as store:
            return bool(store.feeds())

    def latest(self) -> Shown | None:
        """The newest stored digest, at once and without building; None when there is none."""
        with self._store() as store:
            loaded = store.load_digest()
        if loaded is None:
            return None
        return Shown(loaded[1], loaded[0], stored=True)

    def is_stale(self, shown: Shown | None) -> bool:
        """True when the store holds something the shown digest does not (or nothing is shown)."""
        if shown is None or shown.snapshot is None:
            return True
        with self._store() as store:
            return shown.snapshot.state != digest_state(store, self.config)

    def build(self, on_progress: Callable[[int, int], None] | None = None) -> Shown:
        """Build a digest from the store and keep it as a snapshot (CPU work: call off the UI)."""
        with self._store() as store:
            info, digest = build_digest_now(
                store, self.config, anchor_to_newest=self.demo, on_progress=on_progress
            )
        return Shown(digest, info, stored=False)

    def current(self) -> Shown:
        """The digest to open with: a fresh stored one, else newly built (see `get_digest`)."""
        with self._store() as store:
            return get_digest(store, self.config, offline=self.offline, anchor_to_newest=self.demo)

    async def refresh(
        self, on_progress: Callable[[int, int], None] | None = None, *, all_feeds: bool = False
    ) -> list[FeedOutcome]:
        """Fetch the feeds that are due, or every feed with `all_feeds` (network work: run it in
        an async worker). Feeds not yet due get no outcome.

        Never waits for a fetch running in another digest: raises FetchRunningError (a
        StoreError) at once instead, so the reader stays responsive.
        """
        # Imported here: the fetch path (httpx, feedparser) would slow the reader's start-up.
        from digest.lock import fetch_lock
        from digest.refresh import refresh

        with fetch_lock(self.paths.data_dir, wait=False), self._store() as store:
            return await refresh(store, self.config, on_progress=on_progress, all_feeds=all_feeds)

    def feeds(self) -> list[FeedInfo]:
        """Every subscription with its last status and error."""
        with self._store() as store:
            return store.feeds()

    def marks(self, article_ids: Sequence[int]) -> dict[int, tuple[bool, bool]]:
        """(read, starred) for each article id that still exists."""
        with self._store() as store:
            return store.marks(article_ids)

    def set_read(self, article_ids: Sequence[int], read: bool) -> None:
        """Mark the articles read or unread; kept across runs."""
        with self._store() as store:
            store.set_marks(article_ids, read=read)

    def set_starred(self, article_ids: Sequence[int], starred: bool) -> None:
        """Star or unstar the articles; starred articles are never pruned."""
        with self._store() as store:
            store.set_marks(article_ids, starred=starred)

    def snapshots(self) -> list[SnapshotInfo]:
        """Stored digests, newest first."""
        with self._store() as store:
            return store.snapshots()

    def open_snapshot(self, snapshot_id: int) -> Shown:
        """A stored digest by id."""
        with self._store() as store:
            loaded = store.load_digest(snapshot_id)
        if loaded is None:
            raise NoDigestError(f"stored digest {snapshot_id} is no longer kept.")
        return Shown(loaded[1], loaded[0], stored=True)

    def export_markdown(self, digest: Digest, now: datetime | None = None) -> Path:
        """Write `digest` as Markdown under the data folder's exports/; returns the file."""
        from digest.export import render_markdown

        moment = now or datetime.now(UTC)
        folder = self.paths.data_dir / "exports"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"digest-{moment:%Y%m%d-%H%M%S}.md"
        path.write_text(render_markdown(digest, text_keys=self.text_keys(digest)), encoding="utf-8")
        return path

    def text_keys(self, digest: Digest) -> dict[int, str]:
        """Fingerprints of the stored texts of `digest`'s articles that may be syndicated
        copies, by article id (see digest/copies.py); empty when the store cannot say."""
        from digest.copies import stored_text_keys

        return stored_text_keys(self.paths.store_file, digest)

    def _state_path(self) -> Path:
        return self.paths.data_dir / _STATE_FILE

    def remembered(self, key: str) -> str | None:
        """A value the reader remembered (such as the theme), or None."""
        try:
            state = json.loads(self._state_path().read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        value = state.get(key) if isinstance(state, dict) else None
        return value if isinstance(value, str) else None

    def remember(self, key: str, value: str) -> None:
        """Remember a small value across runs (written atomically)."""
        path = self._state_path()
        try:
            state = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(state, dict):
                state = {}
        except (OSError, ValueError):
            state = {}
        state[key] = value
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(state), encoding="utf-8")
        os.replace(temporary, path)
