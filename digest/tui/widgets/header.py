"""The one-line header: app name, which digest is shown, and an offline badge."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.reactive import reactive
from textual.widgets import Label

from digest.tui.safe import clean_line

__all__ = ["ReaderHeader"]


class ReaderHeader(Horizontal):
    """App name, a subtitle such as "Digest of 28 Nov 18:00 · last 36 h", and the offline badge."""

    subtitle: reactive[str] = reactive("")
    """Which digest is shown and how old its data is."""
    offline: reactive[bool] = reactive(False)
    """Show the offline badge."""

    def compose(self) -> ComposeResult:
        yield Label("digest", id="app_title", markup=False)
        yield Label(id="subtitle", markup=False)
        yield Label(" offline ", id="offline_badge", markup=False)

    def watch_subtitle(self, subtitle: str) -> None:
        self.query_one("#subtitle", Label).update(Content(clean_line(subtitle)))

    def watch_offline(self, offline: bool) -> None:
        self.query_one("#offline_badge", Label).display = offline
