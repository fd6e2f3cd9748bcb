"""Building, storing and finding digests: the one place that decides which digest to show.

The articles a digest is built from pass through config.toml's `[filters]` (a matching article
is never shown nor summarized) and take the topic `[feeds."URL"]` gives their feed.
Building imports the analysis (and so sumy) lazily: opening a stored digest stays fast.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime, timedelta

from digest.config import Config
from digest.errors import DigestError, NoDigestError
from digest.filters import apply_filters
from digest.models import Article, Digest, Topic
from digest.store import SnapshotInfo, Store

__all__ = [
    "SINCE_LAST",
    "Shown",
    "build_digest_now",
    "describe_age",
    "digest_articles",
    "digest_state",
    "filter_topics",
    "get_digest",
    "parse_since",
]

SINCE_LAST = "last"
"""`--since last`: what is new since the newest stored digest."""

_RELATIVE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([hdw])\s*$", re.IGNORECASE)
_UNIT_HOURS = {"h": 1, "d": 24, "w": 24 * 7}
# A stored digest of the same window and store state is reused for this long.
_REUSE_FOR = timedelta(hours=1)


@dataclass(frozen=True)
class Shown:
    """A digest to show, with where it came from."""

    digest: Digest
    snapshot: SnapshotInfo | None
    stored: bool
    """True when it is a stored snapshot rather than freshly built."""
    previous: SnapshotInfo | None = None
    """For `--since last`, the digest it shows what is new since (None: there was none)."""


def parse_since(text: str, now: datetime) -> datetime:
    """Read `36h`, `7d`, `2w`, `2026-11-01` or a full ISO timestamp as a UTC moment."""
    match = _RELATIVE.match(text)
    if match:
        hours = float(match.group(1)) * _UNIT_HOURS[match.group(2).lower()]
        return now - timedelta(hours=hours)
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise DigestError(
            f"--since {text!r} is not a time: use hours or days back (36h, 7d, 2w) "
            "or a date (2026-11-01)."
        ) from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def digest_articles(store: Store, config: Config, articles: Sequence[Article]) -> list[Article]:
    """The articles as a digest uses them: filtered, with config.toml's feed topics applied."""
    kept = apply_filters(articles, config.filters)
    if not config.feeds:
        return kept
    topics = {f.id: topic for f in store.feeds() if (topic := config.feed_settings(f.url).topic)}
    return [replace(a, feed_topic=topics[a.feed_id]) if a.feed_id in topics else a for a in kept]


def digest_state(store: Store, config: Config) -> str:
    """A key that changes whenever what a digest would hold changes: the store's content and
    the settings that pick and file articles (unchanged by default settings)."""
    state = store.content_state()
    shaping = {
        "filters": asdict(config.filters) if not config.filters.empty else None,
        "topics": [asdict(t) for t in config.topics] or None,
        "feeds": {url: s.topic for url, s in config.feeds if s.topic} or None,
    }
    if not any(shaping.values()):
        return state
    return state + json.dumps(shaping, sort_keys=True, ensure_ascii=False)


def window_key(since_spec: str | None, config: Config) -> str:
    """The stored name of a digest window: the --since text, or the configured hours."""
    return since_spec.strip() if since_spec else f"{config.digest.window_hours:g}h"


def build_digest_now(
    store: Store,
    config: Config,
    *,
    since_spec: str | None = None,
    now: datetime | None = None,
    anchor_to_newest: bool = False,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[SnapshotInfo, Digest]:
    """Build a digest from the store and save it as a snapshot.

    `anchor_to_newest` ends the window at the newest article instead of now (the demo's sample
    feeds are dated, so a window ending today would be empty).
    """
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    until = moment
    if anchor_to_newest:
        newest = store.newest_article_time()
        if newest is not None:
            until = min(moment, newest + timedelta(seconds=1))
    since = (
        parse_since(since_spec, until)
        if since_spec
        else until - timedelta(hours=config.digest.window_hours)
    )
    # Feeds that date their items a little in the future still belong to this digest.
    articles, through = store.articles_through(since, until + timedelta(days=1))
    window = window_key(since_spec, config)
    return _build_and_save(
        store, config, articles, through, since, until, moment, window, on_progress
    )


def _build_and_save(
    store: Store,
    config: Config,
    articles: Sequence[Article],
    through: int,
    since: datetime,
    until: datetime,
    moment: datetime,
    window: str,
    on_progress: Callable[[int, int], None] | None = None,
) -> tuple[SnapshotInfo, Digest]:
    digest = _build(store, config, articles, since, until, moment, on_progress)
    state = digest_state(store, config)
    snapshot_id = store.save_digest(
        digest, window=window, state=state, keep=config.store.keep_digests, through_article=through
    )
    info = SnapshotInfo(
        snapshot_id, digest.generated_at, since, until, window, state, digest.story_count, through
    )
    return info, digest


def _build(
    store: Store,
    config: Config,
    articles: Sequence[Article],
    since: datetime,
    until: datetime,
    moment: datetime,
    on_progress: Callable[[int, int], None] | None = None,
) -> Digest:
    from digest.analysis.build import build_digest

    return build_digest(
        digest_articles(store, config, articles),
        since=since,
        until=until,
        settings=config.digest,
        user_topics=config.topics,
        now=moment,
        on_progress=on_progress,
    )


def _since_last(store: Store, config: Config, moment: datetime) -> Shown:
    """What is new since the newest stored digest: articles stored after it was built.

    Articles dated before both that digest and the usual window (the old items of a feed just
    added) are not news and stay out. With nothing new, the digest is empty and not stored.
    """
    snapshots = store.snapshots()
    window = window_key(SINCE_LAST, config)
    usual = moment - timedelta(hours=config.digest.window_hours)
    if not snapshots:
        articles, through = store.articles_through(usual, moment + timedelta(days=1))
        info, digest = _build_and_save(
            store, config, articles, through, usual, moment, moment, window
        )
        return Shown(digest, info, stored=False)
    previous = snapshots[0]
    # Digests stored before schema 2 have no article mark: their build time alone decides.
    mark = previous.through_article if previous.through_article is not None else 2**62
    dated_from = min(previous.generated_at, usual)
    articles, through = store.articles_after(mark, previous.generated_at, dated_from)
    if not digest_articles(store, config, articles):
        empty = _build(store, config, [], previous.generated_at, moment, moment)
        return Shown(empty, None, stored=False, previous=previous)
    # The window is when the new articles are dated (possibly before the previous digest: a
    # feed may date an item hours before it appears), not when they were stored.
    info, digest = _build_and_save(
        store, config, articles, through, dated_from, moment, moment, window
    )
    return Shown(digest, info, stored=False, previous=previous)


def get_digest(
    store: Store,
    config: Config,
    *,
    since_spec: str | None = None,
    offline: bool = False,
    snapshot_id: int | None = None,
    anchor_to_newest: bool = False,
    now: datetime | None = None,
) -> Shown:
    """The digest to show: a given snapshot, a fresh-enough stored one, or a newly built one.

    Offline, the newest snapshot is shown as it is when no other window is asked for.
    """
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    if snapshot_id is not None:
        loaded = store.load_digest(snapshot_id)
        if loaded is None:
            raise NoDigestError(
                f"there is no stored digest number {snapshot_id}: `digest history` lists them."
            )
        return Shown(loaded[1], loaded[0], stored=True)
    if since_spec is not None and since_spec.strip().lower() == SINCE_LAST:
        return _since_last(store, config, moment)
    window = window_key(since_spec, config)
    latest = store.load_digest()
    if latest is not None:
        info, digest = latest
        same_window = info.window == window
        if offline and (since_spec is None or same_window):
            return Shown(digest, info, stored=True)
        fresh = moment - info.generated_at < _REUSE_FOR or anchor_to_newest
        if same_window and fresh and info.state == digest_state(store, config):
            return Shown(digest, info, stored=True)
    info_built, built = build_digest_now(
        store, config, since_spec=since_spec, now=moment, anchor_to_newest=anchor_to_newest
    )
    return Shown(built, info_built, stored=False)


def filter_topics(digest: Digest, names: list[str], *, strict: bool = True) -> Digest:
    """The digest with only the named topics (case-insensitive), in the digest's own order.

    `strict` makes naming only topics without stories an error (rather than an empty digest).
    """
    if not names:
        return digest
    wanted = {n.strip().lower() for n in names}
    known = {t.name.lower() for t in digest.topics}
    topics: list[Topic] = [t for t in digest.topics if t.name.lower() in wanted]
    missing = sorted(wanted - known)
    if strict and missing and not topics:
        listed = ", ".join(t.name for t in digest.topics) or "none"
        raise DigestError(
            f"no stories under topic {', '.join(missing)} in this digest; topics with stories: "
            f"{listed}."
        )
    return Digest(digest.generated_at, digest.since, digest.until, digest.disclaimer, topics)


def describe_age(moment: datetime, now: datetime | None = None) -> str:
    """A short age such as 'just now', '5 min ago', '3 h ago', '2 days ago'."""
    seconds = max(0.0, ((now or datetime.now(UTC)) - moment).total_seconds())
    if seconds < 60:
        return "just now"
    if seconds < 3600:
        return f"{int(seconds // 60)} min ago"
    if seconds < 86400 * 2:
        return f"{int(seconds // 3600)} h ago"
    return f"{int(seconds // 86400)} days ago"
