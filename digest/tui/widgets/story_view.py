"""The story view: the summary with a [n] after each sentence, the disclaimers, the sources."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from digest.models import Source, Story
from digest.tui.formatting import age, clock, outlets
from digest.tui.safe import clean_block, clean_line

__all__ = ["SourceItem", "StoryView"]


class SourceItem(Horizontal):
    """One numbered source: "[1]" beside outlet, title, time and link, and its own disclaimer."""

    def __init__(self, number: int, source: Source, now: datetime) -> None:
        super().__init__(classes="source_item")
        self._number = number
        self._source = source
        self._now = now

    def compose(self) -> ComposeResult:
        source = self._source
        parts: list[str | tuple[str, str]] = [
            (clean_line(source.feed) or "unknown outlet", "bold"),
            " — ",
            clean_line(source.title),
        ]
        if source.published is not None:
            parts += [" · ", (clock(source.published, self._now), "dim")]
        if url := clean_line(source.url):
            parts += [" · ", (url, "underline dim")]
        yield Label(f"[{self._number}]", classes="source_marker", markup=False)
        with Vertical(classes="source_text"):
            yield Static(Content.assemble(*parts), classes="source_line", markup=False)
            if disclaimer := clean_block(source.disclaimer):
                yield Static(Content(disclaimer), classes="source_disclaimer", markup=False)


class StoryView(VerticalScroll):
    """Everything about one story; scrolls when it does not fit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "scroll_down", "Down", show=False),
        Binding("k", "scroll_up", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="story_title", markup=False)
        yield Static(id="story_meta", markup=False)
        yield Static(id="story_summary", markup=False)
        yield Static(id="digest_disclaimer", markup=False)
        yield Label("Sources", id="sources_heading", markup=False)
        yield Vertical(id="story_sources")

    async def show_story(
        self, story: Story | None, *, topic: str, disclaimer: str, now: datetime
    ) -> None:
        """Show `story` (filed under `topic`) with the digest's `disclaimer`; None clears."""
        self.display = story is not None
        sources = self.query_one("#story_sources", Vertical)
        await sources.remove_children()
        if story is None:
            return
        meta = [clean_line(topic), outlets(len(story.sources)), f"{age(story.published, now)} ago"]
        self.query_one("#story_title", Static).update(Content(clean_line(story.title)))
        self.query_one("#story_meta", Static).update(Content(" · ".join(meta)))
        self.query_one("#story_summary", Static).update(_summary(story))
        self.query_one("#digest_disclaimer", Static).update(Content(clean_block(disclaimer)))
        await sources.mount_all(
            SourceItem(number, source, now) for number, source in enumerate(story.sources, 1)
        )
        self.scroll_home(animate=False)


def _summary(story: Story) -> Content:
    """The summary sentences as one paragraph, each followed by the number of its source."""
    if not story.summary:
        return Content.styled("No summary: read the sources below.", "italic dim")
    parts: list[str | tuple[str, str]] = []
    for sentence in story.summary:
        if parts:
            parts.append(" ")
        parts += [clean_line(sentence.text), " ", (f"[{sentence.source + 1}]", "bold $accent")]
    return Content.assemble(*parts)
