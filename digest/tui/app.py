"""The Textual reader: `DigestApp` and `run_reader`, which the command line calls.

The app decides what to show first (the newest stored digest at once; a build in a thread when
there is none or the store has moved on) and runs the background work: building digests and
refreshing feeds, on `r` and, when `reader.auto_refresh_minutes` is set, on a timer (never while a
refresh runs; the timer starts afresh when one ends). Workers report back only with messages;
`on_worker_state_changed` is the one place a failed worker is turned into a notice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.theme import Theme
from textual.timer import Timer
from textual.worker import Worker, WorkerState

from digest.config import Config
from digest.errors import DigestError
from digest.lock import FetchRunningError
from digest.session import ReaderSession
from digest.tui.commands import ReaderCommands
from digest.tui.formatting import clock
from digest.tui.messages import (
    DigestBuildProgressed,
    DigestBuilt,
    FeedsRefreshed,
    RefreshProgressed,
)
from digest.tui.screens import ReaderScreen

__all__ = [
    "MIN_AUTO_REFRESH",
    "NO_FEEDS_MESSAGE",
    "DigestApp",
    "auto_refresh_interval",
    "run_reader",
]

MIN_AUTO_REFRESH = timedelta(minutes=1)
"""The shortest interval `reader.auto_refresh_minutes` is taken as: feeds are others' servers."""

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

    def __init__(
        self,
        session: ReaderSession,
        *,
        now: datetime | None = None,
        auto_refresh: timedelta | None = None,
    ) -> None:
        """Read from `session`.

        `now` pins the clock that ages are measured from (for tests); times are shown in its zone.
        `auto_refresh` replaces the configured interval of the automatic refresh (tests use
        seconds); zero turns it off.
        """
        super().__init__()
        self._session = session
        self._fixed_now = now
        self._reader = ReaderScreen(session, now=self.now, on_ready=self._start)
        self._build_generation = 0
        self._has_feeds = False
        self._auto_every = (
            auto_refresh if auto_refresh is not None else auto_refresh_interval(session.config)
        )
        self._auto_timer: Timer | None = None
        self._next_refresh: datetime | None = None
        self._last_refresh: tuple[datetime, int, int] | None = None
        """When the reader's last refresh ended, with the feeds it fetched and how many failed."""
        self._quiet_build = False

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
        self._schedule_auto_refresh()
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

    def _shutting_down(self) -> bool:
        """True once the app is shutting down: a worker's last message finds no screen."""
        return not self.is_running

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
        if self._shutting_down():
            return
        self._reader.status.show_progress("Building the digest", event.done, event.total)

    @on(DigestBuilt)
    def _digest_built(self, event: DigestBuilt) -> None:
        if event.generation != self._build_generation or self._shutting_down():
            return
        self._reader.status.finish()
        if self._reader.shown is not None and not self._reader.showing_newest:
            if not self._quiet_build:
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
        if self._refreshing():
            self.notify("Already refreshing.", markup=False, timeout=2)
            return
        self._refresh()

    def _refreshing(self) -> bool:
        return any(w.group == "refresh" and w.is_running for w in self.workers)

    def _refresh(self, *, automatic: bool = False) -> None:
        self._stop_auto_timer()
        self._reader.status.show_progress("Refreshing feeds", 0, 0)
        self.run_worker(
            self._refresh_feeds(automatic),
            group="refresh",
            name="auto-refresh" if automatic else "refresh",
            exit_on_error=False,
        )

    async def _refresh_feeds(self, automatic: bool) -> None:
        """Fetch the feeds (an async worker: the network never blocks the reader)."""

        def progressed(done: int, total: int) -> None:
            self.post_message(RefreshProgressed(done, total))

        # Asked for with r, every feed is fetched; the timer leaves feeds not yet due alone.
        outcomes = await self._session.refresh(on_progress=progressed, all_feeds=not automatic)
        failed = [(o.url, o.error or "failed") for o in outcomes if o.status == "error"]
        updated = sum(o.status == "updated" for o in outcomes)
        new = sum(o.new for o in outcomes)
        self.post_message(FeedsRefreshed(len(outcomes), updated, new, failed, automatic=automatic))

    @on(RefreshProgressed)
    def _refresh_progressed(self, event: RefreshProgressed) -> None:
        if self._shutting_down():
            return
        self._reader.status.show_progress("Refreshing feeds", event.done, event.total)

    @on(FeedsRefreshed)
    def _feeds_refreshed(self, event: FeedsRefreshed) -> None:
        if self._shutting_down():
            return
        articles = f"{event.new} new article" + ("" if event.new == 1 else "s")
        self._last_refresh = (self.now(), event.total, len(event.failed))
        # The timer's refresh speaks only when it brings news; its failures wait in the status
        # line (and under f) instead of a notice every few minutes.
        self._quiet_build = event.automatic and not event.new
        if event.automatic:
            if event.new:
                self.notify(f"Auto-refresh: {articles}.", markup=False)
        elif event.failed:
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
        self._schedule_auto_refresh()

    # Refreshing on a timer

    def _schedule_auto_refresh(self) -> None:
        """Set the timer for the next automatic refresh, when it is on, and say so below."""
        self._stop_auto_timer()
        if self._has_feeds and not self._session.offline and self._auto_every > timedelta(0):
            seconds = self._auto_every.total_seconds()
            self._auto_timer = self.set_timer(seconds, self._auto_refresh_due, name="auto-refresh")
            self._next_refresh = self.now() + self._auto_every
        self._reader.status.show_idle(self._idle_text())

    def _stop_auto_timer(self) -> None:
        if self._auto_timer is not None:
            self._auto_timer.stop()
            self._auto_timer = None
        self._next_refresh = None

    def _auto_refresh_due(self) -> None:
        self._auto_timer = None
        # A refresh the user started is running: it sets the timer again when it ends.
        if not self._refreshing():
            self._refresh(automatic=True)

    @property
    def next_refresh(self) -> datetime | None:
        """When the automatic refresh is due next; None while it is off or a refresh runs."""
        return self._next_refresh

    def _idle_text(self) -> str:
        """The status line while nothing runs: the last refresh and when the next is due."""
        if not self._has_feeds:
            return ""
        now = self.now()
        parts = []
        if self._last_refresh is not None:
            when, total, failed = self._last_refresh
            parts.append(f"Refreshed {clock(when, now)}")
            if failed:
                parts.append(f"{failed} of {total} feeds failed (f shows why)")
        if self._next_refresh is not None:
            every = _describe_interval(self._auto_every)
            parts.append(f"next refresh {clock(self._next_refresh, now)} (every {every})")
        elif self._session.offline:
            parts.append("auto-refresh off (offline)")
        else:
            parts.append("auto-refresh off")
        text = " · ".join(parts)
        return text[:1].upper() + text[1:]

    # Failures

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Turn a failed worker into a short notice (never a traceback) and tidy up after it."""
        worker = event.worker
        if event.state != WorkerState.ERROR or self._shutting_down():
            return
        error = worker.error
        what = _FAILED_WORK.get(worker.group, "Something went wrong")
        if isinstance(error, DigestError):
            detail = str(error)
        else:
            detail = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        self._reader.status.finish()
        if worker.group == "refresh":
            self._schedule_auto_refresh()
        # Another digest fetching is no news to a reader who did not ask: its articles come.
        quiet = worker.name == "auto-refresh" and isinstance(error, FetchRunningError)
        if not quiet:
            self.notify(f"{what}: {detail}", markup=False, severity="error", timeout=10)
        if worker.group == "build" and self._reader.shown is None:
            self._reader.show_empty(f"{what}:\n{detail}")


def auto_refresh_interval(config: Config) -> timedelta:
    """How often the reader refreshes by itself: `reader.auto_refresh_minutes`, never more often
    than MIN_AUTO_REFRESH; zero when it is off."""
    minutes = config.reader.auto_refresh_minutes
    if minutes <= 0:
        return timedelta(0)
    return max(timedelta(minutes=minutes), MIN_AUTO_REFRESH)


def _describe_interval(every: timedelta) -> str:
    """ "30 s", "5 min", "2.5 min", "2 h"."""
    seconds = every.total_seconds()
    if seconds < 60:
        return f"{seconds:g} s"
    minutes = seconds / 60
    if minutes >= 60 and minutes % 60 == 0:
        return f"{minutes / 60:g} h"
    return f"{minutes:g} min" if minutes == round(minutes) else f"{minutes:.1f} min"


def run_reader(session: ReaderSession) -> None:
    """Open the reader on `session` in the terminal and return when the user quits."""
    DigestApp(session).run()
