"""Subscribing, unsubscribing, per-feed settings, OPML import and export, and the OPML backup."""

from __future__ import annotations

import asyncio
import os
import re
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from digest.config import Config
from digest.errors import OpmlError, SubscriptionError
from digest.feeds.discover import find_feed_links, looks_like_html
from digest.feeds.fetch import FetchRequest, fetch_all
from digest.feeds.opml import Outline, read_opml, write_opml
from digest.feedsettings import (
    FeedSettings,
    FullText,
    describe_every,
    merge_settings,
    parse_every,
    parse_full_text,
)
from digest.refresh import FeedOutcome, full_texts, store_fetch_result
from digest.store import FeedRow, Store

__all__ = [
    "AddResult",
    "ImportResult",
    "add_subscription",
    "change_feed",
    "find_feed",
    "export_opml",
    "import_opml",
    "normalize_feed_url",
    "remove_subscription",
    "write_backup",
]

_HOSTLIKE = re.compile(r"^[\w.-]+\.[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$", re.IGNORECASE)


@dataclass(frozen=True)
class AddResult:
    """What `digest add` did."""

    url: str
    """The URL subscribed to (the feed a web page named, when a page was given)."""
    new: bool
    outcome: FeedOutcome
    discovered_from: str | None = None


@dataclass(frozen=True)
class ImportResult:
    """What `digest import` did."""

    added: int
    already: int
    total: int
    local_skipped: int = 0
    """Entries naming local files, which an import does not subscribe to."""


def normalize_feed_url(text: str, base_dir: Path | None = None) -> tuple[str, bool]:
    """The URL to store for what the user typed, and whether it is a local file.

    http(s) URLs stay as they are; a file:// URL or an existing path becomes an absolute path;
    a bare host name ('example.com/feed') gets https://. Anything else is refused.
    """
    value = text.strip()
    if not value:
        raise SubscriptionError("the feed URL is empty: give an http(s) URL or a file path.")
    try:
        parts = urlsplit(value)
    except ValueError as exc:  # "http://[oops": a broken IPv6 address
        raise SubscriptionError(f"{value!r} is not a valid URL ({exc}).") from None
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.hostname:
            raise SubscriptionError(f"{value!r} has no host name: give a full URL.")
        return value, False
    if scheme == "file":
        return str(Path(unquote(parts.path)).resolve()), True
    try:
        candidate = Path(value).expanduser()
    except RuntimeError:  # "~nosuchuser/feed.xml"
        candidate = Path(value)
    if base_dir is not None and not candidate.is_absolute():
        candidate = base_dir / candidate
    if len(scheme) > 1 and scheme not in ("", "localhost") and not candidate.exists():
        raise SubscriptionError(
            f"{value!r}: only http and https feeds (or a local file) can be subscribed to."
        )
    if candidate.exists():
        return str(candidate.resolve()), True
    if _HOSTLIKE.match(value):
        return "https://" + value, False
    raise SubscriptionError(
        f"{value!r} is neither an http(s) URL nor an existing file: check the spelling."
    )


async def add_subscription(
    store: Store,
    config: Config,
    text: str,
    *,
    name: str | None = None,
    topic: str | None = None,
    full_text: FullText | bool | None = None,
    every: timedelta | None = None,
    limit: int | None = None,
) -> AddResult:
    """Subscribe to a feed, or to the feed a web page links; fetch it once and store its articles.

    The subscription is kept even when that first fetch fails: the outcome says why. Settings
    left None stay unset (a returning subscription keeps its own); `full_text=True` is "yes".
    """
    url, local = normalize_feed_url(text)
    result = (await fetch_all([FetchRequest(url, local_ok=local)], config.fetch))[0]
    discovered_from = None
    if result.status == "updated" and result.body is not None and looks_like_html(result.body):
        links = find_feed_links(result.body, result.final_url or url)
        if not links:
            raise SubscriptionError(
                f"{url} is a web page that names no feed: find the page's RSS or Atom link "
                "and add that."
            )
        discovered_from, url = url, links[0]
        result = (await fetch_all([FetchRequest(url)], config.fetch))[0]
    feed_id, new = store.add_feed(
        url, name=name, topic=topic, full_text=full_text, every=every, limit=limit, local_ok=local
    )
    row = FeedRow(feed_id, url, None, None, local, None, None)
    applied = merge_settings(config.feed_settings(url), store.feed_health()[feed_id].settings)
    outcome = await store_fetch_result(
        store, row, result, None, asyncio.get_running_loop(), limit=applied.limit
    )
    if outcome.status == "updated":
        await full_texts(store, config, [row], {row.id: outcome.teasers})
    return AddResult(url, new, outcome, discovered_from)


def change_feed(store: Store, text: str, **changes: Any) -> tuple[str, FeedSettings]:
    """Change a subscription's stored settings; returns its URL and the settings now stored.

    `changes` are FeedSettings fields with their new values (None clears one); the others stay.
    """
    url = find_feed(store, text)
    feed_id = store.feed_id(url)
    assert feed_id is not None  # find_feed found it
    updated = replace(store.feed_health()[feed_id].settings, **changes)
    store.set_feed_settings(feed_id, updated)
    return url, updated


def find_feed(store: Store, text: str) -> str:
    """The stored URL of the subscription `text` names (as typed or as `add` stores it)."""
    for candidate in _candidates(text):
        if store.feed_id(candidate) is not None:
            return candidate
    raise SubscriptionError(f"not subscribed to {text!r}: `digest feeds` lists the subscriptions.")


def _candidates(text: str) -> list[str]:
    """The URL as typed, then as `add` would have stored it."""
    candidates = [text.strip()]
    try:
        candidates.append(normalize_feed_url(text)[0])
    except SubscriptionError:
        pass
    return candidates


def remove_subscription(store: Store, text: str) -> None:
    """Unsubscribe from `text` (as typed or as stored); starred articles are kept."""
    if not any(store.remove_feed(c) for c in _candidates(text)):
        raise SubscriptionError(
            f"not subscribed to {text!r}: `digest feeds` lists the subscriptions."
        )


def import_opml(store: Store, path: Path, *, local_files: bool = False) -> ImportResult:
    """Subscribe to every feed an OPML file lists; folders become topics. Nothing is fetched.

    An OPML file may come from anyone, so entries naming local files are skipped (and counted)
    unless `local_files` is set, as for the bundled sample feeds: `digest add PATH` subscribes
    to a file the user names.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise OpmlError(f"cannot read {path}: {exc.strerror}") from exc
    outlines = read_opml(data, str(path))
    added = already = local_skipped = 0
    for outline in outlines:
        try:
            url, local = normalize_feed_url(outline.url, base_dir=path.parent)
        except SubscriptionError:
            continue
        if local and not local_files:
            local_skipped += 1
            continue
        settings = _settings_of(outline)
        _, new = store.add_feed(
            url,
            name=outline.title,
            topic=outline.topic,
            full_text=settings.full_text,
            every=settings.every,
            limit=settings.limit,
            local_ok=local,
        )
        added += new
        already += not new
    return ImportResult(added, already, len(outlines), local_skipped)


def _settings_of(outline: Outline) -> FeedSettings:
    """The settings an outline's digest attributes carry; a value digest cannot read is left
    out (an OPML file may come from anyone)."""
    values = dict(outline.extra)
    settings = FeedSettings()
    with suppress(ValueError):
        settings = replace(settings, every=parse_every(values.get("digestEvery", "")))
    limit = values.get("digestLimit", "")
    if limit.isdigit() and int(limit) > 0:
        settings = replace(settings, limit=int(limit))
    with suppress(ValueError):
        settings = replace(settings, full_text=parse_full_text(values.get("digestFullText")))
    return settings


def _extra_of(settings: FeedSettings) -> tuple[tuple[str, str], ...]:
    extra = []
    if settings.every is not None:
        extra.append(("digestEvery", describe_every(settings.every)))
    if settings.limit is not None:
        extra.append(("digestLimit", str(settings.limit)))
    if settings.full_text is not None:
        extra.append(("digestFullText", settings.full_text))
    return tuple(extra)


def export_opml(store: Store, config: Config | None = None) -> str:
    """Every subscription as OPML 2.0, topics as folders, per-feed settings as attributes.

    With `config`, the settings written are those that apply (config.toml's over the stored).
    """
    health = store.feed_health()
    outlines = []
    for feed in store.feeds():
        settings = health[feed.id].settings
        if config is not None:
            settings = merge_settings(config.feed_settings(feed.url), settings)
        outlines.append(
            Outline(feed.url, feed.name or feed.title, settings.topic, _extra_of(settings))
        )
    return write_opml(outlines)


def write_backup(store: Store, path: Path, config: Config | None = None) -> None:
    """Write the subscriptions to `path` atomically (a crash leaves the old backup whole)."""
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(export_opml(store, config), encoding="utf-8")
    os.replace(temporary, path)
