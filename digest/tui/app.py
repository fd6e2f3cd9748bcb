"""The Textual reader: `DigestApp` and `run_reader`, which the command line calls."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen

from digest.models import Digest
from digest.tui.messages import DigestBuilt
from digest.tui.screens import ReaderScreen

__all__ = ["DigestApp", "run_reader"]


class DigestApp(App[None]):
    """Read a digest: topics, their stories, and each story's summary with its sources."""

    CSS_PATH = "app.tcss"
    TITLE = "digest"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "quit", "Quit")]

    def __init__(
        self,
        digest: Digest | None,
        *,
        subtitle: str = "",
        offline: bool = False,
        empty_message: str | None = None,
        now: datetime | None = None,
    ) -> None:
        """Open `digest` (None: nothing to read yet, so `empty_message` is shown).

        `now` pins the clock that ages are measured from (for tests); times are shown in its zone.
        """
        super().__init__()
        self._digest = digest
        self._subtitle = subtitle
        self._offline = offline
        self._empty_message = empty_message
        self._fixed_now = now

    def now(self) -> datetime:
        """The moment story ages are measured from, in the reader's time zone."""
        return self._fixed_now or datetime.now().astimezone()

    def get_default_screen(self) -> Screen[None]:
        return ReaderScreen(
            self._digest,
            subtitle=self._subtitle,
            offline=self._offline,
            empty_message=self._empty_message,
            now=self.now,
        )

    @on(DigestBuilt)
    def _digest_built(self, event: DigestBuilt) -> None:
        reader = next(s for s in self.screen_stack if isinstance(s, ReaderScreen))
        reader.show_digest(event.digest, subtitle=event.subtitle, offline=event.offline)


def run_reader(
    digest: Digest | None,
    *,
    subtitle: str = "",
    offline: bool = False,
    empty_message: str | None = None,
) -> None:
    """Open the reader on `digest` in the terminal and return when the user quits."""
    DigestApp(digest, subtitle=subtitle, offline=offline, empty_message=empty_message).run()
