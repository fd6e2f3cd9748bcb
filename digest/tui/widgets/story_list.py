"""The story list: headline, topic, number of outlets and age of each story shown."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar, NamedTuple

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from digest.models import Story
from digest.tui.formatting import age, outlets
from digest.tui.safe import clean_line

__all__ = ["ShownStory", "StoryList"]


class ShownStory(NamedTuple):
    """A story in the list, with the name of the topic it was filed under."""

    topic: str
    story: Story


class StoryList(OptionList):
    """The stories of the selected topics; two lines each, headline first."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("enter", "select", "Open"),
    ]

    class StoryHighlighted(Message):
        """The highlight moved to another story (or the list emptied)."""

        def __init__(self, shown: ShownStory | None) -> None:
            super().__init__()
            self.shown = shown
            """The highlighted story and its topic; None when the list is empty."""

    class StoryOpened(Message):
        """The user pressed enter on a story: they want to read it."""

        def __init__(self, shown: ShownStory) -> None:
            super().__init__()
            self.shown = shown
            """The story and its topic."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown: list[ShownStory] = []

    def show_stories(self, stories: Sequence[ShownStory], now: datetime) -> None:
        """List `stories`, keeping the highlighted story when it is still among them."""
        previous = self.highlighted_story
        self._shown = list(stories)
        self.set_options([_entry(shown, now) for shown in self._shown])
        ids = [shown.story.id for shown in self._shown]
        keep = previous is not None and previous.story.id in ids
        self.highlighted = ids.index(previous.story.id) if previous and keep else 0
        if not self._shown:
            self.post_message(self.StoryHighlighted(None))

    @property
    def highlighted_story(self) -> ShownStory | None:
        """The highlighted story, if any."""
        if self.highlighted is None or not 0 <= self.highlighted < len(self._shown):
            return None
        return self._shown[self.highlighted]

    @on(OptionList.OptionHighlighted)
    def _story_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.StoryHighlighted(self.highlighted_story))

    @on(OptionList.OptionSelected)
    def _story_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if (shown := self.highlighted_story) is not None:
            self.post_message(self.StoryOpened(shown))


def _entry(shown: ShownStory, now: datetime) -> Content:
    story = shown.story
    meta = (
        f"{clean_line(shown.topic)} · {outlets(len(story.sources))} · {age(story.published, now)}"
    )
    return Content.assemble((clean_line(story.title), "bold"), "\n", (meta, "dim"))
