"""What the reader's keys do beyond moving around: marks, links, and the other screens.

`ReaderScreen` builds on this; the split keeps the layout and the view's state in one file and
the actions that reach the store, the browser and the modal screens in another.
"""

from __future__ import annotations

import webbrowser
from collections.abc import Callable
from datetime import datetime
from functools import partial

from textual import on
from textual.screen import Screen

from digest.digests import Shown
from digest.session import ReaderSession
from digest.tui.links import safe_link
from digest.tui.messages import BrowserOpened
from digest.tui.screens.feeds import FeedsModal
from digest.tui.screens.help import HelpScreen
from digest.tui.screens.history import HistoryModal
from digest.tui.selection import Marks, ShownStory, StoryIndex
from digest.tui.widgets import StoryList, StoryView

__all__ = ["ReaderActions"]


class ReaderActions(Screen[None]):
    """Key actions on the highlighted story and source, and the screens opened from the reader."""

    _session: ReaderSession
    _now: Callable[[], datetime]
    _shown: Shown | None
    _index: StoryIndex | None
    _marks: Marks

    def show_digest(self, shown: Shown, *, newest: bool = True) -> None:
        """Show `shown` (the reader screen does)."""
        raise NotImplementedError

    def action_toggle_read(self) -> None:
        """Mark the highlighted story read, or unread when it is read."""
        if (shown := self.query_one(StoryList).highlighted_story) is not None:
            self._set_marks(shown, read=not self._marks.is_read(shown.story))

    def action_toggle_star(self) -> None:
        """Star the highlighted story, or unstar it."""
        if (shown := self.query_one(StoryList).highlighted_story) is not None:
            self._set_marks(shown, starred=not self._marks.is_starred(shown.story))

    def action_open_source(self) -> None:
        """Open the highlighted source's link in the browser (http and https only)."""
        url = self._link()
        if url is None:
            return
        self.notify(f"Opening {url}", markup=False, timeout=3)
        self.run_worker(partial(_open_in_browser, self, url), thread=True, group="browser")

    def action_copy_link(self) -> None:
        """Copy the highlighted source's link."""
        url = self._link()
        if url is not None:
            self.app.copy_to_clipboard(url)
            self.notify(f"Copied {url}", markup=False, timeout=3)

    def action_show_feeds(self) -> None:
        """Every feed with its last status and error."""
        self.app.push_screen(FeedsModal(self._session.feeds(), self._now()))

    def action_history(self) -> None:
        """The stored digests; the one chosen is opened."""
        snapshots = self._session.snapshots()
        if not snapshots:
            self.notify("No digest has been stored yet.", markup=False)
            return
        current = self._shown.snapshot.id if self._shown and self._shown.snapshot else None
        newest = snapshots[0].id

        def _open(snapshot_id: int | None) -> None:
            if snapshot_id is not None and snapshot_id != current:
                self.show_digest(
                    self._session.open_snapshot(snapshot_id), newest=snapshot_id == newest
                )

        self.app.push_screen(HistoryModal(snapshots, current, self._now()), _open)

    def action_export(self) -> None:
        """Write the stories shown (with the current filters) to a Markdown file."""
        if self._index is None:
            return
        stories = self.query_one(StoryList).stories
        try:
            path = self._session.export_markdown(self._index.as_digest(stories))
        except OSError as exc:
            self.notify(f"Could not export: {exc.strerror}", markup=False, severity="error")
            return
        count = f"{len(stories)} stories" if len(stories) != 1 else "1 story"
        # The demo's home is a temporary folder, removed when the reader quits.
        kept = " (the demo's folder is removed on quit: copy it now)" if self._session.demo else ""
        self.notify(f"Exported {count} to {path}{kept}", markup=False, timeout=8)

    def action_help(self) -> None:
        """Every key."""
        self.app.push_screen(HelpScreen())

    @on(BrowserOpened)
    def _browser_opened(self, event: BrowserOpened) -> None:
        if not event.opened:
            self.notify(
                f"No browser could be started for {event.url}. Press y to copy the link.",
                markup=False,
                severity="warning",
            )

    # Marks

    def _status(self, shown: ShownStory | None) -> str:
        if shown is None:
            return ""
        status = "read" if self._marks.is_read(shown.story) else "unread"
        return status + (" · ★ starred" if self._marks.is_starred(shown.story) else "")

    def _set_marks(
        self, shown: ShownStory, *, read: bool | None = None, starred: bool | None = None
    ) -> None:
        ids = self._marks.known_ids(shown.story)
        if not ids:
            self.notify(
                "This story's articles are no longer stored, so it cannot be marked.",
                markup=False,
                severity="warning",
            )
            return
        if read is not None:
            self._session.set_read(ids, read)
        if starred is not None:
            self._session.set_starred(ids, starred)
        self._marks.set(ids, read=read, starred=starred)
        self.query_one(StoryList).update_marks(self._marks)
        view = self.query_one(StoryView)
        if view.story == shown.story:
            view.show_status(shown.topic, self._now(), self._status(shown))

    def _link(self) -> str | None:
        source = self.query_one(StoryView).highlighted_source
        if source is None:
            self.notify("No story is open.", markup=False)
            return None
        url = safe_link(source.url)
        if url is None:
            self.notify(
                "This source has no web link (only http and https links are opened).",
                markup=False,
                severity="warning",
            )
        return url


def _open_in_browser(screen: ReaderActions, url: str) -> None:
    """Hand `url` to the webbrowser module (in a thread: a browser may take a while to start)."""
    screen.post_message(BrowserOpened(url, webbrowser.open(url, new=2)))
