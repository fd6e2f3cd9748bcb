"""The Textual reader: `DigestApp` and `run_reader`, which the command line calls.

The app decides what to show first (the newest stored digest at once; a build in a thread when
there is none or the store has moved on) and runs the background work: building digests and
refreshing feeds. Workers report back only with messages; `on_worker_state_changed` is the one
place a failed worker is turned into a notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.worker import Worker, WorkerState

from digest.errors import DigestError
from digest.session import ReaderSession
from digest.tui.commands import ReaderCommands
from digest.tui.messages import (
    DigestBuildProgressed,
    DigestBuilt,
    FeedsRefreshed,
    RefreshProgressed,
)
from digest.tui.screens import ReaderScreen

__all__ = ["NO_FEEDS_MESSAGE", "DigestApp", "run_reader"]

NO_FEEDS_MESSAGE = (
    "No feeds yet.\n\n"
    "Subscribe with `digest add URL` or `digest import FILE.opml`,\n"
    "then open the reader again and press r to fetch.\n\n"
    "To look around first, try the sample feeds: `digest --demo`."
)

_FAILED_WORK = {
    "build": "Could not build the digest",
    "refresh": "The refresh failed",
    "browser": "Could not open the browser",
}


class DigestApp(App[None]):
    """Read a digest: topics, their stories, and each story's summary with its sources."""

    # Absolute, so subclasses defined elsewhere (tests, benchmarks) find it too.
    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "digest"
    COMMANDS = App.COMMANDS | {ReaderCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "refresh", "Refresh"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, session: ReaderSession, *, now: datetime | None = None) -> None:
        """Read from `session`.

        `now` pins the clock that ages are measured from (for tests); times are shown in its zone.
        """
        super().__init__()
        self._session = session
        self._fixed_now = now
        self._reader = ReaderScreen(session, now=self.now, on_ready=self._start)
        self._build_generation = 0
        self._has_feeds = False

    @property
    def session(self) -> ReaderSession:
        """The core the reader works on."""
        return self._session

    def now(self) -> datetime:
        """The moment story ages are measured from, in the reader's time zone."""
        return self._fixed_now or datetime.now().astimezone()

    def get_default_screen(self) -> Screen[None]:
        return self._reader

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Of Textual's own commands, the theme and quit (the reader's follow from its provider)."""
        for command in super().get_system_commands(screen):
            if command.title in ("Theme", "Quit"):
                yield command

    def on_mount(self) -> None:
        # Before the reader screen mounts, so the first frame is drawn in the remembered theme.
        self._restore_theme()

    def _start(self) -> None:
        """Show the newest stored digest at once; build one when there is none or it is stale."""
        session = self._session
        shown = session.latest()
        if shown is not None:
            self._reader.show_digest(shown)
        self._has_feeds = session.has_feeds()
        if not self._has_feeds:
            if shown is None:
                self._reader.show_empty(NO_FEEDS_MESSAGE, subtitle="no feeds yet")
            return
        # Offline, the newest snapshot is shown as it is (see DESIGN.md, "Offline").
        if shown is None:
            self._reader.show_loading("Building the digest from the stored articles…")
            self._reader.show_subtitle("no digest yet: building the first one")
            self._build()
        elif not session.offline and session.is_stale(shown):
            self._build()

    def _restore_theme(self) -> None:
        name = self._session.remembered("theme") or self._session.config.reader.theme
        if name in self.available_themes:
            self.theme = name
        self.theme_changed_signal.subscribe(self, self._theme_changed)

    def _theme_changed(self, theme: Theme) -> None:
        self._session.remember("theme", theme.name)

    # Building

    def _build(self) -> None:
        self._build_generation += 1
        self._reader.status.show_progress("Building the digest", 0, 0)
        work = partial(self._build_digest, self._build_generation)
        self.run_worker(work, thread=True, group="build", name="build", exit_on_error=False)

    def _build_digest(self, generation: int) -> None:
        """Build a digest from the store (in a thread: summarising is CPU work)."""

        def progressed(done: int, total: int) -> None:
            self.post_message(DigestBuildProgressed(done, total))

        shown = self._session.build(on_progress=progressed)
        self.post_message(DigestBuilt(shown, generation))

    @on(DigestBuildProgressed)
    def _build_progressed(self, event: DigestBuildProgressed) -> None:
        self._reader.status.show_progress("Building the digest", event.done, event.total)

    @on(DigestBuilt)
    def _digest_built(self, event: DigestBuilt) -> None:
        if event.generation != self._build_generation:
            return
        self._reader.status.finish()
        if self._reader.shown is not None and not self._reader.showing_newest:
            self.notify("A new digest is ready: press h to open it.", markup=False)
            return
        self._reader.show_digest(event.shown)

    # Refreshing

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refresh is shown only when there are feeds to refresh."""
        if action == "refresh":
            return self._has_feeds
        return True

    def action_refresh(self) -> None:
        """Fetch every feed in the background, then rebuild the digest."""
        if self._session.offline:
            why = "the demo reads its sample feeds only" if self._session.demo else "--offline"
            self.notify(f"Offline ({why}): nothing is fetched.", markup=False)
            return
        if any(w.group == "refresh" and w.is_running for w in self.workers):
            self.notify("Already refreshing.", markup=False, timeout=2)
            return
        self._reader.status.show_progress("Refreshing feeds", 0, 0)
        self.run_worker(self._refresh_feeds(), group="refresh", name="refresh", exit_on_error=False)

    async def _refresh_feeds(self) -> None:
        """Fetch every feed (an async worker: the network never blocks the reader)."""

        def progressed(done: int, total: int) -> None:
            self.post_message(RefreshProgressed(done, total))

        outcomes = await self._session.refresh(on_progress=progressed)
        failed = [(o.url, o.error or "failed") for o in outcomes if o.status == "error"]
        updated = sum(o.status == "updated" for o in outcomes)
        new = sum(o.new for o in outcomes)
        self.post_message(FeedsRefreshed(len(outcomes), updated, new, failed))

    @on(RefreshProgressed)
    def _refresh_progressed(self, event: RefreshProgressed) -> None:
        self._reader.status.show_progress("Refreshing feeds", event.done, event.total)

    @on(FeedsRefreshed)
    def _feeds_refreshed(self, event: FeedsRefreshed) -> None:
        articles = f"{event.new} new article" + ("" if event.new == 1 else "s")
        if event.failed:
            self.notify(
                f"{len(event.failed)} of {event.total} feeds failed ({articles}): "
                "press f to see why.",
                markup=False,
                severity="warning",
                timeout=8,
            )
        else:
            self.notify(f"Refreshed {event.total} feeds: {articles}.", markup=False)
        self._build()

    # Failures

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn a failed worker into a short notice (never a traceback) and tidy up after it."""
        worker = event.worker
        if event.state != WorkerState.ERROR:
            return
        error = worker.error
        what = _FAILED_WORK.get(worker.group, "Something went wrong")
        if isinstance(error, DigestError):
            detail = str(error)
        else:
            detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        self._reader.status.finish()
        self.notify(f"{what}: {detail}", markup=False, severity="error", timeout=10)
        if worker.group == "build" and self._reader.shown is None:
            self._reader.show_empty(f"{what}:\n{detail}")


def run_reader(session: ReaderSession) -> None:
    """Open the reader on `session` in the terminal and return when the user quits."""
    DigestApp(session).run()
