"""Every subscription with its last status; failing feeds first, each with its message."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from digest.models import FeedInfo
from digest.tui.formatting import clock
from digest.tui.safe import clean_block, clean_line

__all__ = ["FeedsModal"]

_FAILED = ("error", "gone")


class FeedsModal(ModalScreen[None]):
    """The feeds and what went wrong with them; escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f", "dismiss", "Close", key_display="esc"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def __init__(self, feeds: list[FeedInfo], now: datetime) -> None:
        super().__init__()
        self._feeds = sorted(feeds, key=lambda f: (f.status not in _FAILED, f.display_name))
        self._now = now

    def compose(self) -> ComposeResult:
        failing = sum(f.status in _FAILED for f in self._feeds)
        with VerticalScroll(id="feeds_body") as body:
            body.border_title = f"Feeds: {failing} of {len(self._feeds)} failing"
            body.border_subtitle = "esc closes"
            if not self._feeds:
                yield Static("No feeds yet: add one with `digest add URL`.", markup=False)
            for feed in self._feeds:
                yield from self._entry(feed)

    def action_scroll_down(self) -> None:
        """Scroll down a line."""
        self.query_one("#feeds_body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        """Scroll up a line."""
        self.query_one("#feeds_body", VerticalScroll).scroll_up(animate=False)

    def _entry(self, feed: FeedInfo) -> ComposeResult:
        failed = feed.status in _FAILED
        name = clean_line(feed.display_name)
        mark = ("✗ ", "bold $error") if failed else ("✓ ", "bold $success")
        yield Static(Content.assemble(mark, (name, "bold")), classes="feed_name", markup=False)
        status = feed.status or "not fetched yet"
        when = f" · {clock(feed.last_fetched, self._now)}" if feed.last_fetched else ""
        lines: list[Content] = []
        if (url := clean_line(feed.url)) != name:
            lines.append(Content.styled(url, "dim"))
        style = "$text-error" if failed else "dim"
        lines.append(Content.styled(f"{status} · {feed.articles} articles{when}", style))
        if feed.error:
            lines.append(Content.styled(clean_block(feed.error).replace("\n", " "), style))
        yield Static(Content("\n").join(lines), classes="feed_details", markup=False)
