"""The story list: an unread mark, the headline, then topic, outlets and age of each story.

It draws its own lines (Textual's line API): every entry has the same height, so only the
entries on screen are ever rendered, and a new list of stories costs a keystroke next to nothing
however many there are.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.visual import Visual

from digest.tui.formatting import age, outlets
from digest.tui.safe import clean_line
from digest.tui.selection import Marks, ShownStory, story_article_ids

__all__ = ["ShownStory", "StoryList"]


class StoryList(ScrollView, can_focus=True):
    """The stories of the selected topics; a headline line (or two) and a line about it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"story-list--cursor", "story-list--cursor-blurred"}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "cursor_down", "Down", show=False),
        Binding("k,up", "cursor_up", "Up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "open", "Open"),
        # The screen handles these keys everywhere; listed here to show them in the footer.
        Binding("m", "screen.toggle_read", "Read"),
        Binding("s", "screen.toggle_star", "Star"),
        Binding("1", "screen.show_topic(1)", "Topic", key_display="1-9"),
        Binding("slash", "screen.search", "Search"),
    ]

    # The list's own size is fixed by the layout; more or fewer stories only change what it
    # scrolls over, so it need not lay the whole screen out again.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    title_lines: reactive[int] = reactive(1)
    """Lines given to each headline (the wide layout gives two)."""

    class StoryHighlighted(Message):
        """The user moved the highlight to another story (or the list emptied)."""

        def __init__(self, shown: ShownStory | None) -> None:
            super().__init__()
            self.shown = shown
            """The highlighted story and its topic; None when the list is empty."""

    class StoryOpened(Message):
        """The user pressed enter on a story (or clicked it): they want to read it."""

        def __init__(self, shown: ShownStory) -> None:
            super().__init__()
            self.shown = shown
            """The story and its topic."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: list[ShownStory] = []
        self._now: datetime | None = None
        self._marks = Marks()
        self._cursor = 0
        self._cache: dict[tuple[object, ...], list[Strip]] = {}

    # What is listed

    def show_stories(
        self, stories: Sequence[ShownStory], now: datetime, marks: Marks | None = None
    ) -> None:
        """List `stories`, keeping the highlighted story when it is still among them.

        Unlike a move of the highlight, this posts no StoryHighlighted: the caller shows the
        highlighted story in the same step, so the screen is painted once per keystroke.
        """
        previous = self.highlighted_story
        self._shown = list(stories)
        self._now = now
        self._marks = marks or Marks()
        self._cache.clear()
        self._cursor = _same_story(previous, self._shown)
        self._resize()
        self._scroll_to_cursor()

    def update_marks(self, marks: Marks) -> None:
        """Redraw every entry with the given read and starred marks."""
        self._marks = marks
        self._cache.clear()
        self.refresh()

    @property
    def stories(self) -> list[ShownStory]:
        """The stories listed, in order."""
        return list(self._shown)

    @property
    def highlighted(self) -> int | None:
        """Position of the highlighted story; None when the list is empty."""
        return self._cursor if self._shown else None

    @property
    def highlighted_story(self) -> ShownStory | None:
        """The highlighted story, if any."""
        return self._shown[self._cursor] if self._shown else None

    def entry_text(self, index: int) -> str:
        """The plain text of an entry: its mark, headline and the line under it."""
        shown = self._shown[index]
        title, meta = _entry(shown, self._now or datetime.now(), self._marks)
        return f"{title.plain}\n{meta.plain}"

    # Moving

    def action_cursor_down(self) -> None:
        """Highlight the next story."""
        self._move(self._cursor + 1)

    def action_cursor_up(self) -> None:
        """Highlight the previous story."""
        self._move(self._cursor - 1)

    def action_page_down(self) -> None:
        """Highlight the story a screenful further down."""
        self._move(self._cursor + max(1, self.scrollable_content_region.height // self._height))

    def action_page_up(self) -> None:
        """Highlight the story a screenful further up."""
        self._move(self._cursor - max(1, self.scrollable_content_region.height // self._height))

    def action_first(self) -> None:
        """Highlight the first story."""
        self._move(0)

    def action_last(self) -> None:
        """Highlight the last story."""
        self._move(len(self._shown) - 1)

    def action_open(self) -> None:
        """Open the highlighted story."""
        if (shown := self.highlighted_story) is not None:
            self.post_message(self.StoryOpened(shown))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None:
            return
        index = (offset.y + round(self.scroll_y)) // self._height
        if 0 <= index < len(self._shown):
            self._move(index)
            self.action_open()

    def _move(self, index: int) -> None:
        if not self._shown:
            return
        index = max(0, min(index, len(self._shown) - 1))
        if index != self._cursor:
            self._cursor = index
            self.refresh()
            self.post_message(self.StoryHighlighted(self.highlighted_story))
        self._scroll_to_cursor()

    def _scroll_to_cursor(self) -> None:
        if self._shown:
            region = Region(0, self._cursor * self._height, 1, self._height)
            self.scroll_to_region(region, animate=False, immediate=True, force=True)

    # Drawing

    @property
    def _height(self) -> int:
        return self.title_lines + 1

    def watch_title_lines(self) -> None:
        self._cache.clear()
        self._resize()
        self._scroll_to_cursor()

    def on_resize(self) -> None:
        self._cache.clear()
        self._resize()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def _resize(self) -> None:
        size = Size(self.scrollable_content_region.width, len(self._shown) * self._height)
        if size != self.virtual_size:
            self.virtual_size = size
            self._scroll_update(size)
        self.refresh()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.visual_style
        line = y + round(self.scroll_y)
        index, row = divmod(line, self._height)
        if not 0 <= index < len(self._shown) or self._now is None:
            return Strip.blank(width, base.rich_style)
        here = index == self._cursor
        cursor = "story-list--cursor" if self.has_focus else "story-list--cursor-blurred"
        key = (index, width, here and cursor, self.app.theme)
        if (strips := self._cache.get(key)) is None:
            style = self.get_visual_style(cursor) if here else base
            title, meta = _entry(self._shown[index], self._now, self._marks)
            lines = [
                *_title_lines(title, self.title_lines, width),
                meta.truncate(width, ellipsis=True),
            ]
            blank = Strip.blank(width, style.rich_style)
            strips = [
                (Visual.to_strips(self, line, width, 1, style, pad=True) or [blank])[0]
                for line in lines
            ]
            self._cache[key] = strips
        return strips[row]


def _title_lines(title: Content, count: int, width: int) -> list[Content]:
    """The headline in exactly `count` lines of `width`; what does not fit ends in an ellipsis."""
    lines = title.wrap(width) if count > 1 else [title]
    if len(lines) > count:
        lines = lines[: count - 1] + [Content.assemble(lines[count - 1], " ", *lines[count:])]
    lines = [line.truncate(width, ellipsis=True) for line in lines]
    return lines + [Content("")] * (count - len(lines))


def _same_story(previous: ShownStory | None, stories: Sequence[ShownStory]) -> int:
    """Where `previous` is among `stories`: by id, else by a shared article; else the top.

    A rebuilt digest may give a story a new id (an earlier source joined it); the highlight
    then follows the story that shares an article with the one highlighted before.
    """
    if previous is None:
        return 0
    ids = [shown.story.id for shown in stories]
    if previous.story.id in ids:
        return ids.index(previous.story.id)
    articles = set(story_article_ids(previous.story))
    for index, shown in enumerate(stories):
        if articles.intersection(story_article_ids(shown.story)):
            return index
    return 0


def _entry(shown: ShownStory, now: datetime, marks: Marks) -> tuple[Content, Content]:
    story = shown.story
    read = marks.is_read(story)
    mark = ("  ", "") if read else ("● ", "bold $accent")
    star = [("★ ", "bold $warning")] if marks.is_starred(story) else []
    meta = (
        f"{clean_line(shown.topic)} · {outlets(story.outlet_count)} · {age(story.published, now)}"
    )
    title_style = "dim" if read else "bold"
    title = Content.assemble(mark, *star, (clean_line(story.title), title_style))
    return title, Content.assemble("  ", (meta, "dim"))
