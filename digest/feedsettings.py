"""Per-feed settings: refresh interval, item limit, topic and full text, and which one applies.

A feed's settings come from two places: what `digest add` and `digest feed` stored, and a
`[feeds."URL"]` table in config.toml. For each setting, config.toml wins when it sets it; the
stored value applies otherwise; unset, the defaults below hold (every fetch, every item, the
topic found from the articles, full text "auto").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

__all__ = [
    "DEFAULT_FULL_TEXT",
    "FULL_TEXT_MODES",
    "FeedSettings",
    "FullText",
    "describe_every",
    "is_due",
    "merge_settings",
    "next_due",
    "parse_every",
    "parse_full_text",
]

FullText = Literal["yes", "no", "auto"]
"""yes: always summarize the article page; no: never; auto: only when the feed gives a teaser."""
FULL_TEXT_MODES: tuple[FullText, ...] = ("yes", "no", "auto")
DEFAULT_FULL_TEXT: FullText = "auto"

_PART = re.compile(r"(\d+(?:\.\d+)?)\s*([mhdw])", re.IGNORECASE)
_UNIT_MINUTES = {"m": 1, "h": 60, "d": 24 * 60, "w": 7 * 24 * 60}
_SHORTEST = timedelta(minutes=1)
# A cron job on the same schedule as a feed's interval finds it a few seconds short of due;
# without slack it would skip every other run.
_MAX_SLACK = timedelta(minutes=5)


@dataclass(frozen=True)
class FeedSettings:
    """A feed's own settings; None means not set here (a default or the other source applies)."""

    every: timedelta | None = None
    """Fetch the feed at most this often; None: at every fetch."""
    limit: int | None = None
    """Keep at most this many of the newest items from each fetch; None: all of them."""
    topic: str | None = None
    """File every article of the feed under this topic; None: each article's own topic."""
    full_text: FullText | None = None
    """Whether to summarize the article pages rather than the feed's text."""

    @property
    def effective_full_text(self) -> FullText:
        """The full-text mode with the default filled in."""
        return self.full_text or DEFAULT_FULL_TEXT


def merge_settings(configured: FeedSettings, stored: FeedSettings) -> FeedSettings:
    """The settings that apply: each one set in config.toml wins over the stored one."""
    return FeedSettings(
        every=configured.every if configured.every is not None else stored.every,
        limit=configured.limit if configured.limit is not None else stored.limit,
        topic=configured.topic if configured.topic is not None else stored.topic,
        full_text=configured.full_text if configured.full_text is not None else stored.full_text,
    )


def parse_every(text: str) -> timedelta:
    """Read an interval such as `30m`, `2h`, `1d`, `1w` or `1h30m`; a ValueError says why not."""
    compact = text.strip().replace(" ", "")
    total = 0.0
    position = 0
    for match in _PART.finditer(compact):
        if match.start() != position:
            break
        total += float(match.group(1)) * _UNIT_MINUTES[match.group(2).lower()]
        position = match.end()
    if not compact or position != len(compact):
        raise ValueError(
            f"{text!r} is not an interval: use minutes, hours, days or weeks, "
            "such as 30m, 2h, 1d or 1h30m"
        )
    every = timedelta(minutes=total)
    if every < _SHORTEST:
        raise ValueError(f"{text!r} is too short: the shortest interval is 1m")
    return every


def describe_every(every: timedelta) -> str:
    """An interval the way `parse_every` reads it: `2h`, `1d`, `1h30m`, `45m`."""
    minutes = round(every.total_seconds() / 60)
    parts = []
    for unit, size in (("w", 7 * 24 * 60), ("d", 24 * 60), ("h", 60), ("m", 1)):
        count, minutes = divmod(minutes, size)
        if count:
            parts.append(f"{count}{unit}")
    return "".join(parts) or "0m"


def parse_full_text(value: object) -> FullText:
    """Read a full-text setting: yes/no/auto, or true/false as config.toml writes them."""
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, str):
        lowered = value.strip().lower()
        aliases: dict[str, FullText] = {
            "yes": "yes",
            "true": "yes",
            "on": "yes",
            "no": "no",
            "false": "no",
            "off": "no",
            "auto": "auto",
        }
        if lowered in aliases:
            return aliases[lowered]
    raise ValueError(f"{value!r} is not a full-text setting: use yes, no or auto")


def next_due(every: timedelta | None, last_fetched: datetime | None) -> datetime | None:
    """When a feed is next due, or None when it is due at every fetch (or never fetched)."""
    if every is None or last_fetched is None:
        return None
    return last_fetched + every - min(every / 10, _MAX_SLACK)


def is_due(every: timedelta | None, last_fetched: datetime | None, now: datetime) -> bool:
    """True when a fetch should visit the feed now (its interval has passed, give or take)."""
    due = next_due(every, last_fetched)
    return due is None or now >= due
