"""The main screen: topics, the stories of the selected topics, and the highlighted story."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer

from digest.models import Digest
from digest.tui.widgets import (
    EmptyState,
    ReaderHeader,
    ShownStory,
    StoryList,
    StoryView,
    TopicList,
)

__all__ = ["ReaderScreen"]

_TOPIC_KEYS: list[BindingType] = [
    Binding(str(n), f"show_topic({n})", "Topic", show=n == 1, key_display="1-9")
    for n in range(1, 10)
]


class ReaderScreen(Screen[None]):
    """Read a digest: choose topics on the left, stories and the story view on the right.

    Below 110 columns the story view sits under the story list; from 110 it gets its own column.
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        *_TOPIC_KEYS,
        Binding("0", "show_topic(0)", "All"),
        Binding("escape", "back", "Back"),
        Binding("tab", "next_pane", "Pane"),
    ]

    def __init__(
        self,
        digest: Digest | None,
        *,
        subtitle: str,
        offline: bool,
        empty_message: str | None,
        now: Callable[[], datetime],
    ) -> None:
        """Open on `digest`; `now` gives the moment ages are measured from (pinned in tests)."""
        super().__init__()
        self._digest = digest
        self._subtitle = subtitle
        self._offline = offline
        self._empty_message = empty_message
        self._now = now

    def compose(self) -> ComposeResult:
        yield ReaderHeader(id="reader_header")
        with ContentSwitcher(initial="empty_state", id="body"):
            yield EmptyState(id="empty_state")
            with Horizontal(id="panes"):
                yield TopicList(id="topic_list")
                with Container(id="story_panes"):
                    yield StoryList(id="story_list")
                    yield StoryView(id="story_view")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#topic_list").border_title = "Topics"
        self.query_one("#story_list").border_title = "Stories"
        self.query_one("#story_view").border_title = "Story"
        self.query_one(EmptyState).show_message(self._empty_message)
        self.show_digest(self._digest, subtitle=self._subtitle, offline=self._offline)

    def show_digest(self, digest: Digest | None, *, subtitle: str, offline: bool) -> None:
        """Show `digest` from its first story, or the empty state when it has no stories."""
        self._digest = digest
        header = self.query_one(ReaderHeader)
        header.subtitle = subtitle
        header.offline = offline
        has_stories = digest is not None and digest.story_count > 0
        self.query_one(ContentSwitcher).current = "panes" if has_stories else "empty_state"
        self.refresh_bindings()
        if digest is None or not has_stories:
            return
        self.query_one(TopicList).show_topics(digest.topics)
        self._show_stories(())
        self.query_one(StoryList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the reading keys (and ignore them) while there is nothing to read."""
        if action in ("show_topic", "back", "next_pane"):
            return self._digest is not None and self._digest.story_count > 0
        return True

    def action_next_pane(self) -> None:
        """Move the focus to the next pane."""
        self.focus_next()

    def action_show_topic(self, number: int) -> None:
        """Show only the Nth topic of the digest (1-9), or all topics (0)."""
        self.query_one(TopicList).show_topic(number - 1 if number else None)

    def action_back(self) -> None:
        """Step back: from the story view to the story list, from there to the topics."""
        focused = self.focused
        if isinstance(focused, StoryView):
            self.query_one(StoryList).focus()
        elif isinstance(focused, StoryList):
            self.query_one(TopicList).focus()

    @on(TopicList.FilterChanged)
    def _filter_changed(self, event: TopicList.FilterChanged) -> None:
        self._show_stories(event.topics)

    @on(TopicList.Chosen)
    def _topic_chosen(self) -> None:
        self.query_one(StoryList).focus()

    @on(StoryList.StoryHighlighted)
    async def _story_highlighted(self, event: StoryList.StoryHighlighted) -> None:
        shown = event.shown
        await self.query_one(StoryView).show_story(
            shown.story if shown else None,
            topic=shown.topic if shown else "",
            disclaimer=self._digest.disclaimer if self._digest else "",
            now=self._now(),
        )

    @on(StoryList.StoryOpened)
    def _story_opened(self) -> None:
        self.query_one(StoryView).focus()

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        # While the story view has the focus, the narrow layout gives it most of the screen.
        self.set_class(isinstance(event.widget, StoryView), "-reading")

    def _show_stories(self, topics: tuple[int, ...]) -> None:
        if self._digest is None:
            return
        chosen = [self._digest.topics[i] for i in topics] if topics else self._digest.topics
        shown = [ShownStory(topic.name, story) for topic in chosen for story in topic.stories]
        self.query_one(StoryList).show_stories(shown, self._now())
