"""`digest feeds` and `digest feed` as text: each subscription's settings and its health."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta

from digest.config import Config
from digest.digests import describe_age
from digest.feedsettings import FeedSettings, describe_every, merge_settings, next_due
from digest.models import FeedInfo
from digest.store import FeedHealth

__all__ = [
    "applied_feeds",
    "describe_feed",
    "describe_settings",
    "overridden_by_config",
    "unknown_config_feeds",
]


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M UTC")


def _span(start: datetime, now: datetime) -> str:
    """How long since `start`, as 'for 3 h', 'for 2 days' or 'just now'."""
    age = describe_age(start, now)
    return "for " + age.removesuffix(" ago") if age.endswith(" ago") else age


def applied_feeds(
    feeds: Sequence[FeedInfo], health: dict[int, FeedHealth], config: Config
) -> list[FeedInfo]:
    """The feeds with the topic that applies to each (config.toml's over the stored one)."""
    shown = []
    for feed in feeds:
        stored = health[feed.id].settings if feed.id in health else FeedSettings()
        topic = merge_settings(config.feed_settings(feed.url), stored).topic
        shown.append(replace(feed, topic=topic))
    return shown


def describe_settings(configured: FeedSettings, stored: FeedSettings) -> str:
    """One line: the settings that apply, each one config.toml sets marked so."""
    applied = merge_settings(configured, stored)

    def mark(name: str) -> str:
        return " (config.toml)" if getattr(configured, name) is not None else ""

    every = f"every {describe_every(applied.every)}" if applied.every else "at every fetch"
    limit = f"newest {applied.limit} items" if applied.limit else "all items"
    topic = f"topic {applied.topic}" if applied.topic else "topic from each article"
    return (
        f"{every}{mark('every')}, {limit}{mark('limit')}, {topic}{mark('topic')}, "
        f"full text {applied.effective_full_text}{mark('full_text')}"
    )


def _health(feed: FeedInfo, health: FeedHealth | None, applied: FeedSettings, now: datetime) -> str:
    if feed.status is None:
        return "never fetched yet: `digest fetch` downloads it"
    if feed.status in ("error", "gone"):
        since = health.failing_since if health else None
        how_long = f" since {_when(since)} ({_span(since, now)})" if since else ""
        count = f"{feed.failures} failed fetch{'es' if feed.failures != 1 else ''} in a row"
        line = f"FAILING{how_long}, {count}: {feed.error or 'no reason recorded'}"
        if feed.status == "gone":
            line += "\n  not fetched any more: the feed is gone; `digest remove` unsubscribes"
        elif health and health.retry_after and health.retry_after > now:
            line += f"\n  the server asked to wait until {_when(health.retry_after)}"
        return line
    fetched = f", last fetched {describe_age(feed.last_fetched, now)}" if feed.last_fetched else ""
    line = f"ok{fetched}, {feed.articles} articles"
    due = next_due(applied.every, feed.last_fetched)
    if due is not None:
        line += f"; next due {'now' if due <= now else 'at ' + _when(due)}"
    return line


def describe_feed(
    feed: FeedInfo, health: FeedHealth | None, config: Config, now: datetime | None = None
) -> str:
    """A subscription in a few lines: name and topic, URL, settings, health."""
    moment = now or datetime.now(UTC)
    configured = config.feed_settings(feed.url)
    stored = health.settings if health else FeedSettings()
    applied = merge_settings(configured, stored)
    topic = f" [{applied.topic}]" if applied.topic else ""
    lines = [f"{feed.display_name}{topic}"]
    if feed.display_name != feed.url:
        lines.append(f"  {feed.url}")
    lines.append(f"  {describe_settings(configured, stored)}")
    lines.append(f"  {_health(feed, health, applied, moment)}")
    if health is not None and any(health.pages[:2]):
        lines.append(f"  {_pages(*health.pages)}")
    return "\n".join(lines)


def _pages(read: int, failed: int, error: str | None) -> str:
    line = f"full text: {read} article page{'s' if read != 1 else ''} read"
    if failed:
        line += (
            f"; {failed} could not be read, so their feed text is summarized"
            f" (latest: {error or 'no reason recorded'})"
        )
    return line


def overridden_by_config(url: str, changed: Sequence[str], config: Config) -> list[str]:
    """Warnings for the settings just changed that config.toml sets for `url` (it wins)."""
    configured = config.feed_settings(url)
    warnings = []
    for name in changed:
        value = getattr(configured, name)
        if value is None:
            continue
        warnings.append(
            f"config.toml sets {name} = {_toml(name, value)} for this feed, and it wins: "
            f'change it in [feeds."{url}"] there.'
        )
    return warnings


def _toml(name: str, value: object) -> str:
    """A setting's value as config.toml writes it."""
    if name == "every" and isinstance(value, timedelta):
        return f'"{describe_every(value)}"'
    if name == "full_text":
        return {"yes": "true", "no": "false"}.get(str(value), f'"{value}"')
    return str(value) if isinstance(value, int) else f'"{value}"'


def unknown_config_feeds(feeds: Sequence[FeedInfo], config: Config) -> list[str]:
    """The `[feeds."URL"]` tables of config.toml that name no current subscription."""
    known = {f.url for f in feeds}
    return [url for url, _settings in config.feeds if url not in known]
