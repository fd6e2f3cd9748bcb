"""The stored digests, newest first; choosing one opens it."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList

from digest.digests import describe_age
from digest.store import SnapshotInfo
from digest.tui.formatting import clock

__all__ = ["HistoryModal"]


class HistoryModal(ModalScreen[int | None]):
    """Pick a stored digest; dismisses with its id, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,h", "dismiss(None)", "Close", key_display="esc"),
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    def __init__(self, snapshots: list[SnapshotInfo], current: int | None, now: datetime) -> None:
        """List `snapshots` (newest first); `current` is the id of the digest on screen."""
        super().__init__()
        self._snapshots = snapshots
        self._current = current
        self._now = now

    def compose(self) -> ComposeResult:
        options = OptionList(*(self._entry(s) for s in self._snapshots), id="history_list")
        options.border_title = "Stored digests"
        options.border_subtitle = "enter opens · esc closes"
        yield options

    def on_mount(self) -> None:
        ids = [s.id for s in self._snapshots]
        options = self.query_one(OptionList)
        options.highlighted = ids.index(self._current) if self._current in ids else 0
        options.focus()

    def action_cursor_down(self) -> None:
        """Move down the list."""
        self.query_one(OptionList).action_cursor_down()

    def action_cursor_up(self) -> None:
        """Move up the list."""
        self.query_one(OptionList).action_cursor_up()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._snapshots[event.option_index].id)

    def _entry(self, snapshot: SnapshotInfo) -> Content:
        hours = (snapshot.until - snapshot.since).total_seconds() / 3600
        stories = f"{snapshot.stories} stories" if snapshot.stories != 1 else "1 story"
        line = (
            f"{clock(snapshot.until, self._now)} · last {hours:g} h · {stories} · "
            f"built {describe_age(snapshot.generated_at, self._now)}"
        )
        mark = ("● ", "bold $accent") if snapshot.id == self._current else ("  ", "")
        return Content.assemble(mark, line)
