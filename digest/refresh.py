"""Refreshing every subscription: fetch concurrently, parse off the event loop, store each feed.

A feed with a refresh interval is skipped until it is due; skipped feeds get no outcome at all
(nothing was asked of their server), so `digest fetch --json` leaves them out.

This is the path `digest fetch` runs; it must not import sumy or nltk (start-up time and memory).
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from digest.config import Config
from digest.errors import DigestError
from digest.feeds.fetch import FetchRequest, FetchResult, fetch_all
from digest.feeds.parse import parse_feed
from digest.feedsettings import FeedSettings, is_due, merge_settings
from digest.fulltext.teasers import might_be_teaser
from digest.models import ParsedEntry, ParsedFeed
from digest.store import FeedRow, Store
from digest.workers import exit_with_parent

__all__ = [
    "FeedOutcome",
    "effective_settings",
    "full_texts",
    "newest_entries",
    "refresh",
    "refresh_sync",
    "split_due",
    "store_fetch_result",
]

# Below this many changed feeds, starting worker processes costs more than parsing in-line.
_POOL_THRESHOLD = 12

Status = Literal["updated", "not_modified", "error"]


@dataclass(frozen=True)
class FeedOutcome:
    """What one feed's refresh came to: the `digest fetch --json` record."""

    url: str
    status: Status
    new: int = 0
    error: str | None = None
    teasers: frozenset[str] = frozenset()
    """Guids of the entries that are teasers (digest.fulltext); not part of the record."""

    def to_json(self) -> dict[str, Any]:
        return {"url": self.url, "status": self.status, "new": self.new, "error": self.error}


def effective_settings(config: Config, row: FeedRow) -> FeedSettings:
    """The settings that apply to a feed: config.toml's `[feeds."URL"]` over the stored ones."""
    return merge_settings(config.feed_settings(row.url), row.settings)


def split_due(
    rows: Sequence[FeedRow], config: Config, now: datetime, *, all_feeds: bool = False
) -> tuple[list[FeedRow], list[FeedRow]]:
    """(feeds due for a fetch, feeds skipped because their interval has not passed)."""
    if all_feeds:
        return list(rows), []
    due: list[FeedRow] = []
    skipped: list[FeedRow] = []
    for row in rows:
        every = effective_settings(config, row).every
        (due if is_due(every, row.last_fetched, now) else skipped).append(row)
    return due, skipped


def newest_entries(entries: Sequence[ParsedEntry], limit: int | None) -> list[ParsedEntry]:
    """At most `limit` entries, the newest first by date; undated ones count as oldest."""
    if limit is None or len(entries) <= limit:
        return list(entries)
    # Feeds list newest first, so among equal (or missing) dates the feed's order decides.
    order = sorted(
        range(len(entries)),
        key=lambda i: (entries[i].published is not None, entries[i].published or 0, -i),
        reverse=True,
    )
    return [entries[i] for i in sorted(order[:limit])]


def _parse(
    body: bytes, url: str, headers: dict[str, str]
) -> tuple[ParsedFeed, frozenset[str]] | str:
    """Parse in a worker, and judge there which entries are teasers (their guids), so that the
    full-text step need not read them back; a failure comes back as its message."""
    try:
        parsed = parse_feed(body, url, headers)
        return parsed, _teasers(parsed.entries)
    except DigestError as exc:
        return str(exc)
    except Exception as exc:  # noqa: BLE001 - a hostile feed must never stop the others
        return f"could not parse the feed ({type(exc).__name__})"


def _teasers(entries: Sequence[ParsedEntry]) -> frozenset[str]:
    """The guids of the entries whose text is a teaser (see digest.fulltext.extract)."""
    maybe = [entry for entry in entries if might_be_teaser(entry.text)]
    if not maybe:
        return frozenset()
    from digest.fulltext.extract import is_teaser

    return frozenset(entry.guid for entry in maybe if is_teaser(entry.text))


async def refresh(
    store: Store,
    config: Config,
    *,
    feeds: list[FeedRow] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    now: datetime | None = None,
    all_feeds: bool = False,
) -> list[FeedOutcome]:
    """Fetch, parse and store the feeds that are due (every feed with `all_feeds`, or exactly
    the given ones); returns one outcome per feed fetched, none for a feed not yet due."""
    moment = now or datetime.now(UTC)
    if feeds is None:
        rows, _skipped = split_due(store.feeds_to_fetch(), config, moment, all_feeds=all_feeds)
    else:
        rows = feeds
    waiting = {r.id for r in rows if r.retry_after is not None and r.retry_after > moment}
    due = [r for r in rows if r.id not in waiting]
    requests = [FetchRequest(r.url, r.etag, r.last_modified, r.local_ok) for r in due]
    total = len(rows)
    done = len(waiting)
    outcomes: dict[int, FeedOutcome] = {}
    for row in rows:
        if row.id in waiting and row.retry_after is not None:
            when = row.retry_after.strftime("%H:%M UTC")
            outcomes[row.id] = FeedOutcome(
                row.url, "error", error=f"skipped: the server asked to wait until {when}"
            )
    if on_progress:
        on_progress(done, total)

    loop = asyncio.get_running_loop()
    pool: Executor | None = None
    pending: list[asyncio.Future[None]] = []
    by_url = {r.url: r for r in due}

    async def _handle(row: FeedRow, result: FetchResult) -> None:
        nonlocal done
        limit = effective_settings(config, row).limit
        outcomes[row.id] = await store_fetch_result(store, row, result, pool, loop, limit=limit)
        done += 1
        if on_progress:
            on_progress(done, total)

    def _on_result(result: FetchResult) -> None:
        nonlocal pool
        if pool is None and result.status == "updated" and len(due) >= _POOL_THRESHOLD:
            pool = ProcessPoolExecutor(
                max_workers=min(2, os.cpu_count() or 1),
                initializer=exit_with_parent,
                initargs=(os.getpid(),),
            )
        pending.append(asyncio.ensure_future(_handle(by_url[result.url], result)))

    try:
        await fetch_all(requests, config.fetch, on_result=_on_result)
        await asyncio.gather(*pending)
    finally:
        if pool is not None:
            pool.shutdown(wait=True, cancel_futures=True)
    # Only a feed that changed brings entries whose pages are still to fetch (or to fetch again).
    changed = [r for r in due if outcomes[r.id].status == "updated"]
    teasers = {r.id: outcomes[r.id].teasers for r in changed}
    await full_texts(store, config, changed, teasers, moment)
    store.prune(config.store.retention_days)
    return [outcomes[r.id] for r in rows]


async def full_texts(
    store: Store,
    config: Config,
    rows: list[FeedRow],
    teasers: dict[int, frozenset[str]],
    moment: datetime | None = None,
) -> None:
    """Fetch the pages of the articles these feeds (just refreshed) want in full: all recent
    ones in full-text mode "yes", in mode "auto" the teasers (guids by feed id) of this fetch
    (see digest.fulltext.phase)."""
    settings = {row.id: effective_settings(config, row) for row in rows}
    wanted = [
        row
        for row in rows
        if settings[row.id].effective_full_text == "yes"
        or (settings[row.id].effective_full_text == "auto" and teasers.get(row.id))
    ]
    if not wanted:
        return
    from digest.fulltext.phase import fetch_full_texts

    await fetch_full_texts(store, config, wanted, settings, teasers, moment or datetime.now(UTC))


async def store_fetch_result(
    store: Store,
    row: FeedRow,
    result: FetchResult,
    pool: Executor | None,
    loop: asyncio.AbstractEventLoop,
    *,
    limit: int | None = None,
) -> FeedOutcome:
    """Store one feed's fetch result (parsing it, in `pool` when given) and say what came of it.

    With `limit`, only that many of the feed's newest entries are stored.
    """
    if result.status == "error" or result.status == "gone":
        message = result.error or "the fetch failed"
        store.record_failure(
            row.id, message, gone=result.status == "gone", retry_after=result.retry_after
        )
        return FeedOutcome(row.url, "error", error=message)
    if result.status == "not_modified" or result.body is None:
        store.record_success(row.id, status="not_modified", moved_to=result.moved_to)
        return FeedOutcome(row.url, "not_modified")
    base = result.final_url or row.url
    if pool is not None:
        read = await loop.run_in_executor(pool, _parse, result.body, base, result.headers)
    else:
        read = _parse(result.body, base, result.headers)
    if isinstance(read, str):
        store.record_failure(row.id, read)
        return FeedOutcome(row.url, "error", error=read)
    parsed, teasers = read
    entries = newest_entries(parsed.entries, limit)
    new = store.record_success(
        row.id,
        status="updated",
        entries=entries,
        title=parsed.title,
        site_url=parsed.link,
        rights=parsed.rights,
        language=parsed.language,
        etag=result.etag,
        last_modified=result.last_modified,
        moved_to=result.moved_to,
    )
    kept = {entry.guid for entry in entries}
    return FeedOutcome(row.url, "updated", new=new, teasers=teasers & kept)


def refresh_sync(
    store: Store,
    config: Config,
    *,
    feeds: list[FeedRow] | None = None,
    on_progress: Callable[[int, int], None] | None = None,
    all_feeds: bool = False,
) -> list[FeedOutcome]:
    """`refresh` for callers without an event loop."""
    return asyncio.run(
        refresh(store, config, feeds=feeds, on_progress=on_progress, all_feeds=all_feeds)
    )
