"""A line above the footer that shows background work: building the digest, refreshing feeds."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

__all__ = ["StatusBar"]


class StatusBar(Horizontal):
    """What is running in the background and how far it has got; hidden when nothing runs."""

    def compose(self) -> ComposeResult:
        yield Label(id="status_label", markup=False)
        yield ProgressBar(id="status_progress", show_eta=False, show_percentage=False)
        yield Label(id="status_count", markup=False)

    def on_mount(self) -> None:
        self.display = False

    def show_progress(self, label: str, done: int, total: int) -> None:
        """Show `label` with a bar at `done` of `total` (total 0: not known yet)."""
        self.display = True
        self.query_one("#status_label", Label).update(Content(label))
        bar = self.query_one(ProgressBar)
        bar.update(total=total or None, progress=done)
        count = f"{done}/{total}" if total else ""
        self.query_one("#status_count", Label).update(Content(count))

    def finish(self) -> None:
        """Hide the bar: the work is done."""
        self.display = False
