"""The search box above the story list: filters titles and summaries as the user types."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import Input

__all__ = ["SearchBar"]


class SearchBar(Input):
    """Type to search; enter goes back to the stories keeping the search, escape clears it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "clear_search", "Clear"),
        Binding("enter", "submit", "Done"),
    ]

    # Input sets its virtual size at every keystroke; the box itself never changes size, so
    # that need not lay the whole screen out again (which would cost the keystroke ~20 ms).
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Cleared(Message):
        """The user dropped the search."""

    def __init__(
        self, *, on_change: Callable[[str], None] | None = None, id: str | None = None
    ) -> None:
        """`on_change` is called with the text at each keystroke.

        A callback rather than Input.Changed: the message would arrive after the box has been
        repainted, and the list would then be painted in a second frame.
        """
        super().__init__(
            placeholder="Search titles and summaries", id=id, compact=True, select_on_focus=False
        )
        self._on_change = on_change

    def watch_value(self, value: str) -> None:
        if self._on_change is not None:
            self._on_change(value)

    def action_clear_search(self) -> None:
        """Empty the box and tell the screen the search is over."""
        self.value = ""
        self.post_message(self.Cleared())
