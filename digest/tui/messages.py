"""Messages the app's screens and workers exchange (widget messages live in their widgets)."""

from __future__ import annotations

from textual.message import Message

from digest.models import Digest

__all__ = ["DigestBuilt"]


class DigestBuilt(Message):
    """A digest is ready to be read (built, refreshed, or opened from history)."""

    def __init__(self, digest: Digest | None, *, subtitle: str, offline: bool) -> None:
        super().__init__()
        self.digest = digest
        """The digest; None when there is nothing to read."""
        self.subtitle = subtitle
        """The header line that says which digest this is and how old its data is."""
        self.offline = offline
        """True when the digest was opened without touching the network."""
