"""The story view: the summary with a [n] after each sentence, the disclaimers, the sources.

Syndicated copies are listed once, "also in: B, C" under the first source with their text, and
the sources are numbered afresh (digest/copies.py). One source is highlighted (the first, to
begin with): `o` and `y` act on it. j/k and the arrows scroll through the summary until the
highlighted source is in view, then move the highlight from source to source, so reading and
choosing a link are the same motion.

It draws its own lines (Textual's line API) instead of holding a widget per part: a new story then
repaints one widget rather than laying out the screen again, which keeps a keystroke well inside
the time a reader notices.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style
from textual.visual import Visual

from digest.copies import ListedSource, SourceList, list_sources
from digest.models import Source, Story
from digest.tui.formatting import age, clock, outlets
from digest.tui.safe import clean_block, clean_line

__all__ = ["StoryView"]

_MARKER_WIDTH = 4
_BAR = "▌ "


@dataclass
class _Shown:
    """What the view shows, as given to `show_story`."""

    story: Story | None
    topic: str
    disclaimer: str
    now: datetime
    note: str
    status: str
    sources: SourceList


class StoryView(ScrollView, can_focus=True):
    """Everything about one story; scrolls when it does not fit."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"story-view--cursor"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "next_source", "Down", show=False),
        Binding("k,up", "previous_source", "Up", show=False),
        # The screen handles these keys everywhere; listed here to show them in the footer.
        Binding("o", "screen.open_source", "Link"),
        Binding("y", "screen.copy_link", "Copy"),
        Binding("m", "screen.toggle_read", "Read"),
        Binding("s", "screen.toggle_star", "Star"),
        Binding("escape", "screen.back", "Back"),
    ]

    # The view's own size is fixed by the layout; a longer story only changes what it scrolls
    # over, so it need not lay the whole screen out again.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown = _Shown(None, "", "", datetime.now(), "", "", SourceList([], []))
        self._cursor = 0
        self._lines: list[Strip] = []
        self._spans: list[tuple[int, int]] = []
        """First and last-plus-one line of each source."""
        self._text: list[str] = []
        self._key: tuple[object, ...] | None = None
        self._version = 0

    @property
    def story(self) -> Story | None:
        """The story shown, if any."""
        return self._shown.story

    @property
    def highlighted_source(self) -> Source | None:
        """The source `o` and `y` act on."""
        listed = self._shown.sources.listed
        if self._shown.story is None or not listed:
            return None
        return listed[min(self._cursor, len(listed) - 1)].source

    @property
    def text(self) -> str:
        """Everything the view holds, as plain text (its lines at the present width)."""
        self._update_lines()
        return "\n".join(self._text)

    def show_story(
        self,
        story: Story | None,
        *,
        topic: str,
        disclaimer: str,
        now: datetime,
        note: str = "",
        status: str = "",
        text_keys: Mapping[int, str] | None = None,
    ) -> None:
        """Show `story` (filed under `topic`) with the digest's `disclaimer`.

        Without a story, `note` says why (no story matches the filters, say). `status` is the
        story's read/starred state in words. `text_keys` (article id to text fingerprint, where
        the store has the text) recognise syndicated copies. The same story again (rebuilt after
        a refresh) keeps the place: the highlighted source and the scroll position.
        """
        previous = self._shown
        highlighted = self.highlighted_source
        sources = list_sources(story, text_keys) if story is not None else SourceList([], [])
        self._shown = _Shown(story, topic, disclaimer, now, note, status, sources)
        same = story is not None and previous.story is not None and story.id == previous.story.id
        self._cursor = _index_of(highlighted, sources.listed) if same else 0
        self._changed()
        if not same:
            self.scroll_home(animate=False)

    def show_status(self, topic: str, now: datetime, status: str) -> None:
        """Redraw the line under the title (after the story was marked read or starred)."""
        self._shown = replace(self._shown, topic=topic, now=now, status=status)
        self._changed()

    def action_next_source(self) -> None:
        """Scroll towards the highlighted source; once it is in view, highlight the next one."""
        self._update_lines()
        if not self._spans:
            self.scroll_down(animate=False)
            return
        _start, end = self._spans[self._cursor]
        bottom = self.scroll_y + self.scrollable_content_region.height
        if end > bottom or self._cursor == len(self._spans) - 1:
            self.scroll_down(animate=False)
            return
        self._move_cursor(self._cursor + 1)

    def action_previous_source(self) -> None:
        """Highlight the previous source; from the first, scroll back up through the summary."""
        if self._cursor == 0 or not self._spans:
            self.scroll_up(animate=False)
            return
        self._move_cursor(self._cursor - 1)

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        line = offset.y + round(self.scroll_y)
        for index, (start, end) in enumerate(self._spans):
            if start <= line < end:
                self._cursor = index
                self._changed()

    def on_focus(self) -> None:
        self._changed()

    def on_blur(self) -> None:
        self._changed()

    def _move_cursor(self, index: int) -> None:
        self._cursor = index
        self._changed()
        start, end = self._spans[index]
        self.scroll_to_region(Region(0, start, 1, end - start), animate=False, immediate=True)

    def _changed(self) -> None:
        self._version += 1
        self._update_lines()
        self.refresh()

    # Drawing

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_lines()
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = y + round(self.scroll_y)
        if 0 <= index < len(self._lines):
            return self._lines[index].crop_extend(0, width, self.visual_style.rich_style)
        return Strip.blank(width, self.visual_style.rich_style)

    def _update_lines(self) -> None:
        width = self.scrollable_content_region.width
        key = (width, self._version, self.has_focus, self.app.theme)
        if width <= 0 or key == self._key:
            return
        self._key = key
        self._build(width)
        size = Size(width, len(self._lines))
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)

    def _build(self, width: int) -> None:
        base = self.visual_style
        cursor = self.get_visual_style("story-view--cursor")
        lines: list[Strip] = []
        self._spans = []
        shown = self._shown
        story = shown.story
        blank = Strip.blank(width, base.rich_style)

        def add(
            content: Content,
            style: Style = base,
            first: Content | None = None,
            rest: Content | None = None,
        ) -> None:
            lines.extend(self._wrap(content, width, style, first, rest))

        if story is None:
            add(Content.styled(shown.note, "dim"))
        else:
            add(Content.styled(clean_line(story.title), "bold"))
            meta = [clean_line(shown.topic), outlets(story.outlet_count)]
            meta += [f"{age(story.published, shown.now)} ago", shown.status]
            add(Content.styled(" · ".join(part for part in meta if part), "dim"))
            lines.append(blank)
            add(_summary(story, shown.sources))
            lines.append(blank)
            disclaimer = Content.styled(clean_block(shown.disclaimer), "italic dim")
            bar = Content.styled(_BAR, "$warning")
            add(disclaimer, first=bar, rest=bar)
            lines.append(blank)
            add(Content.styled("Sources", "bold $text-accent"))
            indent = Content(" " * _MARKER_WIDTH)
            for index, entry in enumerate(shown.sources.listed):
                # The highlighted source: its number reversed, its lines tinted while focused.
                here = index == self._cursor
                style = cursor if here and self.has_focus else base
                marker = Content.assemble(
                    (f"[{entry.number}]", "bold reverse $accent" if here else "bold $accent"),
                    " " * (_MARKER_WIDTH - len(str(entry.number)) - 2),
                )
                start = len(lines)
                add(_source_line(entry.source, shown.now), style, first=marker, rest=indent)
                for part in _source_extras(entry):
                    add(part, style, first=indent, rest=indent)
                self._spans.append((start, len(lines)))
        self._lines = lines
        self._text = [strip.text.rstrip() for strip in lines]

    def _wrap(
        self,
        content: Content,
        width: int,
        style: Style,
        first: Content | None = None,
        rest: Content | None = None,
    ) -> list[Strip]:
        """`content` wrapped to `width`, with `first` before its first line and `rest` before
        the others (both of one width)."""
        if first is None or rest is None:
            strips = Visual.to_strips(self, content, width, None, style, pad=True)
            return strips or [Strip.blank(width, style.rich_style)]
        indent = first.cell_length
        body = Visual.to_strips(self, content, max(1, width - indent), None, style, pad=True)
        heads = [
            Visual.to_strips(self, part, indent, 1, style, pad=True)[0] for part in (first, rest)
        ]
        return [Strip.join([heads[min(n, 1)], strip]) for n, strip in enumerate(body)]


def _source_line(source: Source, now: datetime) -> Content:
    parts: list[str | tuple[str, str]] = [
        (clean_line(source.feed) or "unknown outlet", "bold"),
        " — ",
        clean_line(source.title),
    ]
    if source.published is not None:
        parts += [" · ", (clock(source.published, now), "dim")]
    if url := clean_line(source.url):
        parts += [" · ", (url, "underline dim")]
    if source.full_text:
        # Its summary sentences come from the article's page, not the feed's teaser.
        parts += [" · ", ("full text", "italic dim")]
    return Content.assemble(*parts)


def _source_extras(entry: ListedSource) -> list[Content]:
    """The lines under a source: the outlets carrying copies of it, and the notices."""
    extras = []
    if entry.also_in:
        outlets = ", ".join(clean_line(copy.feed) or "unknown outlet" for copy in entry.also_in)
        extras.append(Content.assemble(("also in: ", "dim"), (outlets, "bold")))
    if notice := clean_block(entry.source.disclaimer):
        extras.append(Content.styled(notice, "italic $text-warning"))
    for feed, copy_notice in entry.copy_notices:
        text = f"{clean_line(feed)}: {clean_block(copy_notice)}"
        extras.append(Content.styled(text, "italic $text-warning"))
    return extras


def _index_of(source: Source | None, listed: list[ListedSource]) -> int:
    """Where `source` (the same article, or else the same link) is listed now; 0 when gone."""
    if source is None:
        return 0
    for index, entry in enumerate(listed):
        for candidate in (entry.source, *entry.copies):
            if source.article_id is not None and candidate.article_id is not None:
                if source.article_id == candidate.article_id:
                    return index
            elif (source.feed, source.url) == (candidate.feed, candidate.url):
                return index
    return 0


def _summary(story: Story, sources: SourceList) -> Content:
    """The summary sentences as one paragraph, each followed by the number of its source."""
    if not story.summary:
        return Content.styled("No summary: read the sources below.", "italic dim")
    parts: list[str | tuple[str, str]] = []
    for sentence in story.summary:
        if parts:
            parts.append(" ")
        number = sources.number(sentence.source)
        parts += [clean_line(sentence.text), " ", (f"[{number}]", "bold $accent")]
    return Content.assemble(*parts)
