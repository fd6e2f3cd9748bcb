"""What the reader shows when there are no stories: how to get some, or that some are coming."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.widgets import LoadingIndicator, Static

from digest.tui.safe import clean_block

__all__ = ["DEFAULT_EMPTY_MESSAGE", "EmptyState", "LoadingState"]

DEFAULT_EMPTY_MESSAGE = (
    "No stories to show yet.\n"
    "Subscribe with `digest add URL` or `digest import FILE.opml`, then press r to fetch.\n"
    "Or try the sample feeds: `digest --demo`."
)


class EmptyState(Middle):
    """A message in the middle of the screen."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._message = Static(id="empty_message", markup=False)

    def compose(self) -> ComposeResult:
        with Center():
            yield self._message

    def show_message(self, message: str | None) -> None:
        """Show `message` (plain text, not markup), or the default advice when None."""
        self._message.update(Content(clean_block(message or DEFAULT_EMPTY_MESSAGE)))


class LoadingState(Middle):
    """A spinner and a line saying what is being prepared."""

    def compose(self) -> ComposeResult:
        with Center():
            yield Static("Building the digest from your feeds…", id="loading_message")
        yield LoadingIndicator(id="loading_indicator")
