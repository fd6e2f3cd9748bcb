"""Errors digest raises on purpose; each message says what happened and what to do.

DigestError                 base: the CLI prints its message and exits 1, never a traceback
 ├── ConfigError            config.toml is unreadable or holds a bad value
 ├── StoreError             the SQLite store cannot be opened, is locked, read-only or corrupt
 ├── SubscriptionError      a feed URL is not acceptable, or not subscribed
 ├── OpmlError              an OPML file cannot be read
 └── NoDigestError          nothing stored to show (offline, or no feeds yet)
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DigestError",
    "NoDigestError",
    "OpmlError",
    "StoreError",
    "SubscriptionError",
]


class DigestError(Exception):
    """Base of every error meant for the user."""


class ConfigError(DigestError):
    """The config file could not be read or holds a bad value."""


class StoreError(DigestError):
    """The store cannot be used as it is."""


class SubscriptionError(DigestError):
    """A subscription cannot be added or removed."""


class OpmlError(DigestError):
    """An OPML file cannot be read."""


class NoDigestError(DigestError):
    """There is no digest to show."""
