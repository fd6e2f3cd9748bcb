"""Settings, read from `config.toml` with tomllib into frozen dataclasses.

Every setting has a default, so the file is optional. A bad file names the file, the key and the
value, and says what would be accepted.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from digest.errors import ConfigError
from digest.feedsettings import FeedSettings, parse_every, parse_full_text
from digest.filters import FILTER_FIELDS, FilterSettings

__all__ = [
    "Config",
    "DigestSettings",
    "FeedSettings",
    "FetchSettings",
    "FilterSettings",
    "ReaderSettings",
    "StoreSettings",
    "UserTopic",
    "default_config_text",
    "load_config",
]


@dataclass(frozen=True)
class FetchSettings:
    """How feeds are downloaded. Section `[fetch]`."""

    concurrency: int = 16
    """How many feeds are downloaded at once."""
    per_host: int = 4
    """How many connections at once to any one host, to be polite."""
    connect_timeout: float = 10.0
    """Seconds to wait for a connection."""
    read_timeout: float = 20.0
    """Seconds to wait for each read from the server."""
    feed_deadline: float = 30.0
    """Seconds one feed may take in all, however slowly its server trickles bytes."""
    max_body_mb: float = 20.0
    """Largest response body accepted, as sent over the wire, in megabytes."""
    max_decompressed_mb: float = 60.0
    """Largest body accepted after gzip, deflate or brotli decompression, in megabytes."""
    max_redirects: int = 5
    """Redirects followed before giving up on a feed."""


@dataclass(frozen=True)
class DigestSettings:
    """How the digest is built. Section `[digest]`."""

    window_hours: float = 36.0
    """How far back the digest reaches by default (`show --since` overrides it)."""
    summary_sentences: int = 3
    """Summary sentences for a story with one source; stories with more sources get up to 5."""
    max_stories_per_topic: int = 40
    """Stories listed per topic at most, the best-ranked (most outlets, most recent) first."""


@dataclass(frozen=True)
class StoreSettings:
    """What is kept. Section `[store]`."""

    retention_days: int = 90
    """Articles older than this are pruned after a fetch; starred articles are always kept."""
    keep_digests: int = 50
    """How many digest snapshots are kept for offline reading and `digest history`."""


@dataclass(frozen=True)
class ReaderSettings:
    """The terminal reader. Section `[reader]`."""

    theme: str = "textual-dark"
    """A Textual theme name; the reader remembers the last one chosen."""
    auto_refresh_minutes: float = 0.0
    """Refresh every feed in the background this often while the reader is open; 0 is off."""


@dataclass(frozen=True)
class UserTopic:
    """A topic of the user's own: `[[topics]]` with a `name` and `keywords`."""

    name: str
    keywords: tuple[str, ...]


@dataclass(frozen=True)
class Config:
    """All settings."""

    fetch: FetchSettings = field(default_factory=FetchSettings)
    digest: DigestSettings = field(default_factory=DigestSettings)
    store: StoreSettings = field(default_factory=StoreSettings)
    reader: ReaderSettings = field(default_factory=ReaderSettings)
    topics: tuple[UserTopic, ...] = ()
    feeds: tuple[tuple[str, FeedSettings], ...] = ()
    """`[feeds."URL"]` tables: (feed URL, its settings), in the file's order."""
    filters: FilterSettings = field(default_factory=FilterSettings)

    def feed_settings(self, url: str) -> FeedSettings:
        """What config.toml sets for the feed at `url` (all None when it has no table)."""
        for known, settings in self.feeds:
            if known == url:
                return settings
        return FeedSettings()


_SECTIONS: dict[str, type[Any]] = {
    "fetch": FetchSettings,
    "digest": DigestSettings,
    "store": StoreSettings,
    "reader": ReaderSettings,
}


def load_config(path: Path) -> Config:
    """Read `path`; a missing file gives the defaults, a bad one raises ConfigError."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from exc
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(
            f"config file {path} is not valid TOML: {exc}. Fix or remove it."
        ) from exc
    return _build(path, data)


def _build(path: Path, data: dict[str, Any]) -> Config:
    config = Config()
    for key, value in data.items():
        if key == "topics":
            config = replace(config, topics=_user_topics(path, value))
            continue
        if key == "feeds":
            config = replace(config, feeds=_feed_tables(path, value))
            continue
        if key == "filters":
            config = replace(config, filters=_filters(path, value))
            continue
        section_type = _SECTIONS.get(key)
        if section_type is None:
            known = ", ".join([*_SECTIONS, "topics", "feeds", "filters"])
            raise ConfigError(f"{path}: unknown section [{key}]; known sections are {known}.")
        if not isinstance(value, dict):
            raise ConfigError(f"{path}: [{key}] must be a table of settings, not {value!r}.")
        config = replace(config, **{key: _section(path, key, section_type, value)})
    return config


def _section(path: Path, name: str, section_type: type[Any], values: dict[str, Any]) -> Any:
    defaults = section_type()
    known = {f.name: f for f in fields(section_type)}
    chosen: dict[str, Any] = {}
    for key, value in values.items():
        if key not in known:
            raise ConfigError(
                f"{path}: unknown key {name}.{key}; known keys are {', '.join(known)}."
            )
        default = getattr(defaults, key)
        chosen[key] = _check_value(path, f"{name}.{key}", value, default)
    return replace(defaults, **chosen)


_ZERO_MEANS_OFF = {"reader.auto_refresh_minutes"}


def _check_value(path: Path, key: str, value: Any, default: Any) -> Any:
    if isinstance(default, str):
        if not isinstance(value, str) or not value:
            raise ConfigError(f"{path}: {key} = {value!r} must be a non-empty string.")
        return value
    # bool is an int in Python; a setting that wants a number must not take true/false.
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ConfigError(f"{path}: {key} = {value!r} must be a number.")
    if isinstance(default, int) and not isinstance(value, int):
        raise ConfigError(f"{path}: {key} = {value!r} must be a whole number.")
    if value == 0 and key in _ZERO_MEANS_OFF:
        return float(value) if isinstance(default, float) else value
    if value <= 0:
        raise ConfigError(f"{path}: {key} = {value!r} must be greater than 0.")
    return float(value) if isinstance(default, float) else value


def _user_topics(path: Path, value: Any) -> tuple[UserTopic, ...]:
    if not isinstance(value, list):
        raise ConfigError(
            f"{path}: topics must be a list of [[topics]] tables with name and keywords."
        )
    topics = []
    for index, item in enumerate(value):
        where = f"topics[{index}]"
        if not isinstance(item, dict):
            raise ConfigError(f"{path}: {where} = {item!r} must be a table with name and keywords.")
        name = item.get("name")
        keywords = item.get("keywords")
        if not isinstance(name, str) or not name.strip():
            raise ConfigError(f"{path}: {where}.name = {name!r} must be a non-empty string.")
        if (
            not isinstance(keywords, list)
            or not keywords
            or not all(isinstance(k, str) and k.strip() for k in keywords)
        ):
            raise ConfigError(
                f"{path}: {where}.keywords = {keywords!r} must be a list of non-empty strings."
            )
        topics.append(UserTopic(name.strip(), tuple(k.strip().lower() for k in keywords)))
    return tuple(topics)


_FEED_KEYS = ("every", "limit", "topic", "full_text")


def _feed_tables(path: Path, value: Any) -> tuple[tuple[str, FeedSettings], ...]:
    if not isinstance(value, dict):
        raise ConfigError(
            f'{path}: feeds must hold one table per feed, such as [feeds."https://example.com/rss"].'
        )
    tables = []
    for url, table in value.items():
        where = f"feeds.{_quoted(url)}"
        if not isinstance(table, dict):
            raise ConfigError(
                f"{path}: {where} = {table!r} must be a table with every, limit, topic or "
                f'full_text: write [feeds."{url}"] above them.'
            )
        tables.append((url.strip(), _feed_settings(path, where, table)))
    return tuple(tables)


def _quoted(key: str) -> str:
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _feed_settings(path: Path, where: str, table: dict[str, Any]) -> FeedSettings:
    settings = FeedSettings()
    for key, value in table.items():
        name = f"{where}.{key}"
        if key == "every":
            if not isinstance(value, str):
                raise ConfigError(f'{path}: {name} = {value!r} must be a string such as "2h".')
            try:
                settings = replace(settings, every=parse_every(value))
            except ValueError as exc:
                raise ConfigError(f"{path}: {name}: {exc}.") from None
        elif key == "limit":
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ConfigError(f"{path}: {name} = {value!r} must be a whole number above 0.")
            settings = replace(settings, limit=value)
        elif key == "topic":
            if not isinstance(value, str) or not value.strip():
                raise ConfigError(f"{path}: {name} = {value!r} must be a non-empty string.")
            settings = replace(settings, topic=value.strip())
        elif key == "full_text":
            try:
                settings = replace(settings, full_text=parse_full_text(value))
            except ValueError:
                raise ConfigError(
                    f'{path}: {name} = {value!r} must be true, false or "auto".'
                ) from None
        else:
            raise ConfigError(
                f"{path}: unknown key {name}; known keys are {', '.join(_FEED_KEYS)}."
            )
    return settings


def _filters(path: Path, value: Any) -> FilterSettings:
    if not isinstance(value, dict):
        raise ConfigError(f"{path}: [filters] must be a table of settings, not {value!r}.")
    known = {f.name for f in fields(FilterSettings)}
    chosen: dict[str, tuple[str, ...]] = {}
    for key, items in value.items():
        name = f"filters.{key}"
        if key not in known:
            listed = ", ".join([*FILTER_FIELDS, *(f + "_regex" for f in FILTER_FIELDS)])
            raise ConfigError(f"{path}: unknown key {name}; known keys are {listed}.")
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise ConfigError(f"{path}: {name} = {items!r} must be a list of non-empty strings.")
        if key.endswith("_regex"):
            for pattern in items:
                try:
                    re.compile(pattern)
                except re.error as exc:
                    raise ConfigError(
                        f"{path}: {name} holds {pattern!r}, which is not a valid regular "
                        f"expression ({exc}). Fix it, or use the {key[:-6]} word list instead."
                    ) from None
            chosen[key] = tuple(items)
        else:
            chosen[key] = tuple(i.strip() for i in items)
    return FilterSettings(**chosen)


def default_config_text() -> str:
    """A commented config.toml holding every setting at its default, for `digest config`/README."""
    lines = ["# digest settings; every value shown is the default.", ""]
    config = Config()
    for name, section_type in _SECTIONS.items():
        lines.append(f"[{name}]")
        section = getattr(config, name)
        for f in fields(section_type):
            value = getattr(section, f.name)
            rendered = f'"{value}"' if isinstance(value, str) else repr(value)
            lines.append(f"{f.name} = {rendered}")
        lines.append("")
    lines += [
        "# Topics of your own become filters like the built-in ones:",
        "# [[topics]]",
        '# name = "Climate"',
        '# keywords = ["climate", "emissions", "carbon"]',
        "",
        "# Settings of one feed; each one set here wins over `digest add`/`digest feed`:",
        '# [feeds."https://example.com/rss"]',
        '# every = "2h"        # fetch at most this often (30m, 2h, 1d, 1w)',
        "# limit = 50          # keep at most this many of the newest items of each fetch",
        '# topic = "Science"   # file every article of the feed under this topic',
        '# full_text = "auto"  # true, false or "auto" (only for teasers)',
        "",
        "# Articles matching a filter are never shown nor summarized:",
        "# [filters]",
        '# title = ["sponsored", "giveaway"]     # whole words or phrases, any case',
        '# feed = ["Deals"]                      # the feed\'s name',
        '# text = ["casino"]',
        "# title_regex = ['^\\[Ad\\]']          # regular expressions, as written",
        "",
    ]
    return "\n".join(lines)
