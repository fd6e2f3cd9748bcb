"""The topic list: "All" and then each topic of the digest, with story counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList

from digest.models import Topic
from digest.tui.safe import clean_line

__all__ = ["TopicList"]

_NAME_WIDTH = 14
"""Topic names are padded (or cut) to this many cells so the counts line up."""


class TopicList(OptionList):
    """Topics to filter the stories by; the first entry, "All", shows every topic."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    class FilterChanged(Message):
        """The topics to show have changed."""

        def __init__(self, topics: tuple[int, ...]) -> None:
            super().__init__()
            self.topics = topics
            """Indexes into the digest's topics; empty for all topics."""

    class Chosen(Message):
        """The user pressed enter on a topic: they want to read its stories."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._topic_count = 0

    def show_topics(self, topics: Sequence[Topic]) -> None:
        """List `topics` after "All" and highlight "All"."""
        self._topic_count = len(topics)
        total = sum(len(topic.stories) for topic in topics)
        entries = [_entry("All", total, bold=True)]
        entries += [_entry(clean_line(topic.name), len(topic.stories)) for topic in topics]
        self.set_options(entries)
        self.highlighted = 0

    def show_topic(self, index: int | None) -> None:
        """Highlight the topic at `index` of the digest (None: "All"); out of range does nothing."""
        if index is None:
            self.highlighted = 0
        elif 0 <= index < self._topic_count:
            self.highlighted = index + 1

    @property
    def shown_topics(self) -> tuple[int, ...]:
        """Indexes of the topics whose stories are shown; empty for all."""
        if not self.highlighted:
            return ()
        return (self.highlighted - 1,)

    @on(OptionList.OptionHighlighted)
    def _topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(self.FilterChanged(self.shown_topics))

    @on(OptionList.OptionSelected)
    def _topic_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen())


def _entry(name: str, count: int, *, bold: bool = False) -> Content:
    label = Content.styled(name, "bold" if bold else "")
    return Content.assemble(
        label.truncate(_NAME_WIDTH, ellipsis=True, pad=True), " ", (f"{count:>3}", "dim")
    )
