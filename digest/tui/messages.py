"""Messages the app's workers send back (widget messages live in their widgets).

Workers never touch widgets: they post one of these, and the app's handlers update the screen.
"""

from __future__ import annotations

from textual.message import Message

from digest.digests import Shown

__all__ = [
    "BrowserOpened",
    "DigestBuildProgressed",
    "DigestBuilt",
    "FeedsRefreshed",
    "RefreshProgressed",
]


class DigestBuilt(Message):
    """A digest has been built from the store (and kept as a snapshot)."""

    def __init__(self, shown: Shown, generation: int) -> None:
        super().__init__()
        self.shown = shown
        self.generation = generation
        """Which build this was; an older build finishing late is ignored."""


class DigestBuildProgressed(Message):
    """The digest build summarised `done` of `total` stories."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class RefreshProgressed(Message):
    """The refresh has finished `done` of `total` feeds."""

    def __init__(self, done: int, total: int) -> None:
        super().__init__()
        self.done = done
        self.total = total


class FeedsRefreshed(Message):
    """Every feed has been fetched: how many were updated and which failed."""

    def __init__(
        self,
        total: int,
        updated: int,
        new: int,
        failed: list[tuple[str, str]],
        *,
        automatic: bool = False,
    ) -> None:
        super().__init__()
        self.automatic = automatic
        """True for a refresh the auto-refresh timer started (not the user)."""
        self.total = total
        self.updated = updated
        self.new = new
        """New articles in all."""
        self.failed = failed
        """(url, message) of each feed that failed."""


class BrowserOpened(Message):
    """The browser was asked to open `url`; `opened` is False when no browser could be found."""

    def __init__(self, url: str, opened: bool) -> None:
        super().__init__()
        self.url = url
        self.opened = opened
