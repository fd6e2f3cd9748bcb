"""A line above the footer: the background work running (building the digest, refreshing feeds)
with its progress, and when nothing runs, the state of the automatic refresh."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.widgets import Label, ProgressBar

from digest.tui.safe import clean_line

__all__ = ["StatusBar"]


class StatusBar(Horizontal):
    """What runs in the background and how far it has got; else the idle text, if any."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._busy = False
        self._idle = ""
        # Held here rather than looked up for every progress message.
        self._label = Label(id="status_label", markup=False)
        self._bar = ProgressBar(id="status_progress", show_eta=False, show_percentage=False)
        self._count = Label(id="status_count", markup=False)

    @property
    def busy(self) -> bool:
        """True while it shows work in progress."""
        return self._busy

    @property
    def idle_text(self) -> str:
        """What it says when nothing runs ("Next refresh at 14:05 · every 5 min")."""
        return self._idle

    def compose(self) -> ComposeResult:
        yield self._label
        yield self._bar
        yield self._count

    def on_mount(self) -> None:
        self._show_idle()

    def show_progress(self, label: str, done: int, total: int) -> None:
        """Show `label` with a bar at `done` of `total` (total 0: not known yet)."""
        self._busy = True
        self.display = True
        self.remove_class("-idle")
        self._label.update(Content(label))
        self._bar.display = True
        self._bar.update(total=total or None, progress=done)
        self._count.display = True
        self._count.update(Content(f"{done}/{total}" if total else ""))

    def finish(self) -> None:
        """The work is done: back to the idle text."""
        self._busy = False
        self._show_idle()

    def show_idle(self, text: str) -> None:
        """Say `text` whenever nothing runs (an empty text hides the line then)."""
        self._idle = text
        if not self._busy:
            self._show_idle()

    def _show_idle(self) -> None:
        self.display = bool(self._idle)
        self.add_class("-idle")
        self._label.update(Content(clean_line(self._idle)))
        self._bar.display = False
        self._count.display = False
