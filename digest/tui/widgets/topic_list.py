"""The topic list: "All" and then each topic of the digest, with story counts.

Moving the highlight shows that topic's stories; space picks topics for a view of several at
once, and while any topic is picked the picks (not the highlight) decide what is shown.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
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
        # The screen handles these keys everywhere; listed here to show them in the footer.
        Binding("space", "screen.pick_topic", "Pick"),
        Binding("1", "screen.show_topic(1)", "Topic", key_display="1-9"),
        Binding("0", "screen.show_topic(0)", "All"),
        Binding("slash", "screen.search", "Search"),
    ]

    class FilterChanged(Message):
        """The user moved the highlight to another topic (without picks, that is the filter)."""

        def __init__(self, topics: frozenset[str]) -> None:
            super().__init__()
            self.topics = topics
            """Names of the topics to show; empty for all."""

    class Chosen(Message):
        """The user pressed enter on a topic: they want to read its stories."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._topics: list[Topic] = []
        self._picked: set[int] = set()

    def show_topics(self, topics: Sequence[Topic], *, picked: Iterable[str] = ()) -> None:
        """List `topics` after "All"; highlight "All" or, when given, pick the named topics."""
        self._topics = list(topics)
        names = [t.name for t in self._topics]
        self._picked = {names.index(name) for name in picked if name in names}
        with self.prevent(OptionList.OptionHighlighted):
            self.set_options(self._entry(n) for n in range(len(self._topics) + 1))
            self.highlighted = 0

    def highlight_topic(self, name: str) -> None:
        """Move the highlight to the named topic without changing what is shown."""
        names = [t.name for t in self._topics]
        if name in names:
            with self.prevent(OptionList.OptionHighlighted):
                self.highlighted = names.index(name) + 1

    def show_topic(self, index: int | None) -> bool:
        """Show only the topic at `index` of the digest (None: all).

        Returns False (and does nothing) when there is no such topic. No FilterChanged is
        posted: the caller reads `shown_topics` and redraws in the same step.
        """
        if index is not None and not 0 <= index < len(self._topics):
            return False
        self._set_picked(set())
        with self.prevent(OptionList.OptionHighlighted):
            self.highlighted = 0 if index is None else index + 1
        return True

    def toggle_highlighted(self) -> None:
        """Pick or unpick the highlighted topic; on "All", drop every pick (as `show_topic`,
        posting nothing)."""
        if not self.highlighted:
            picked: set[int] = set()
        else:
            picked = set(self._picked) ^ {self.highlighted - 1}
        self._set_picked(picked)

    @property
    def shown_topics(self) -> frozenset[str]:
        """Names of the topics whose stories are shown; empty for all."""
        if self._picked:
            return frozenset(self._topics[i].name for i in self._picked)
        if not self.highlighted:
            return frozenset()
        return frozenset({self._topics[self.highlighted - 1].name})

    @property
    def picked_count(self) -> int:
        """How many topics are picked with space."""
        return len(self._picked)

    def _set_picked(self, picked: set[int]) -> None:
        changed = picked ^ self._picked
        self._picked = picked
        for index in changed:
            self.replace_option_prompt_at_index(index + 1, self._entry(index + 1))

    def _entry(self, option: int) -> Content:
        if option == 0:
            total = sum(len(t.stories) for t in self._topics)
            return _entry("All", total, bold=True, mark=" ")
        topic = self._topics[option - 1]
        mark = "✓" if option - 1 in self._picked else " "
        return _entry(clean_line(topic.name), len(topic.stories), mark=mark)

    @on(OptionList.OptionHighlighted)
    def _topic_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if not self._picked:
            self.post_message(self.FilterChanged(self.shown_topics))

    @on(OptionList.OptionSelected)
    def _topic_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen())


def _entry(name: str, count: int, *, mark: str, bold: bool = False) -> Content:
    label = Content.styled(name, "bold" if bold else "")
    return Content.assemble(
        (mark, "bold $accent"),
        " ",
        label.truncate(_NAME_WIDTH, ellipsis=True, pad=True),
        " ",
        (f"{count:>3}", "dim"),
    )
