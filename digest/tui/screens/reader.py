"""The main screen: topics, the stories of the selected topics, and the highlighted story.

It keeps what the user is looking at (topic choice, search, unread/starred filters, the highlighted
story) across a new digest, so a refresh never moves the reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Horizontal, Vertical
from textual.content import Content
from textual.widgets import ContentSwitcher, Footer, Input, Static

from digest.digests import Shown
from digest.session import ReaderSession
from digest.tui.formatting import describe_digest
from digest.tui.safe import clean_line
from digest.tui.screens.reader_actions import ReaderActions
from digest.tui.selection import Filters, Marks, ShownStory, StoryIndex
from digest.tui.widgets import (
    EmptyState,
    LoadingState,
    ReaderHeader,
    SearchBar,
    StatusBar,
    StoryList,
    StoryView,
    TopicList,
)

__all__ = ["ReaderScreen"]

_SHORT_DISCLAIMER = "machine-selected quotes: verify with sources"

_TOPIC_KEYS: list[BindingType] = [
    Binding(str(n), f"show_topic({n})", "Topic", show=False) for n in range(1, 10)
]
# Actions that need a story on screen: hidden from the footer (and ignored) otherwise.
_READING = {
    "show_topic", "pick_topic", "search", "toggle_unread", "toggle_starred", "toggle_read",
    "toggle_star", "open_source", "copy_link", "export", "open_story", "next_pane",
    "previous_pane",
}  # fmt: skip


class ReaderScreen(ReaderActions):
    """Read a digest: choose topics on the left, stories and the story view on the right.

    Below 110 columns the story view sits under the story list; from 110 it gets its own column.
    """

    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (110, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        *_TOPIC_KEYS,
        Binding("0", "show_topic(0)", "All", show=False),
        Binding("space", "pick_topic", "Pick topic", show=False),
        Binding("slash", "search", "Search", show=False),
        Binding("u", "toggle_unread", "Unread", show=False),
        Binding("asterisk", "toggle_starred", "Starred", show=False),
        Binding("m", "toggle_read", "Read", show=False),
        Binding("s", "toggle_star", "Star", show=False),
        Binding("o", "open_source", "Browser", show=False),
        Binding("y", "copy_link", "Copy link", show=False),
        Binding("f", "show_feeds", "Feeds", show=False),
        Binding("h", "history", "History", show=False),
        Binding("e", "export", "Export", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("escape", "back", "Back", show=False),
        Binding("tab", "next_pane", "Pane", show=False),
        Binding("shift+tab", "previous_pane", "Pane", show=False),
    ]

    def __init__(
        self,
        session: ReaderSession,
        *,
        now: Callable[[], datetime],
        on_ready: Callable[[], None] | None = None,
    ) -> None:
        """Read from `session`; `now` gives the moment ages are measured from (pinned in tests).

        `on_ready` is called once the screen is mounted, to choose what to show first.
        """
        super().__init__()
        self._session = session
        self._now = now
        self._on_ready = on_ready
        self._shown: Shown | None = None
        self._newest = True
        self._index: StoryIndex | None = None
        self._marks = Marks()
        self._text_keys: dict[int, str] = {}
        self._filters = Filters()

    def compose(self) -> ComposeResult:
        yield ReaderHeader(id="reader_header")
        with ContentSwitcher(initial="loading_state", id="body"):
            yield EmptyState(id="empty_state")
            yield LoadingState(id="loading_state")
            with Horizontal(id="panes"):
                yield TopicList(id="topic_list")
                with Container(id="story_panes"):
                    with Vertical(id="list_column"):
                        yield SearchBar(on_change=self._search_changed, id="search_bar")
                        yield StoryList(id="story_list")
                    yield StoryView(id="story_view")
        yield StatusBar(id="status_bar")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one("#topic_list").border_title = "Topics"
        self.query_one("#story_list").border_title = "Stories"
        story_view = self.query_one("#story_view")
        story_view.border_title = "Story"
        # The full disclaimer follows every summary; this short form stays on screen even when
        # a small terminal shows only the summary's first lines.
        story_view.border_subtitle = _SHORT_DISCLAIMER
        self.query_one(SearchBar).display = False
        self.query_one(ReaderHeader).offline = self._session.offline
        if self._on_ready is not None:
            self._on_ready()

    # What the app tells the screen to show

    @property
    def shown(self) -> Shown | None:
        """The digest on screen, if any."""
        return self._shown

    @property
    def showing_newest(self) -> bool:
        """False while the user reads an older digest chosen from the history."""
        return self._newest

    @property
    def status(self) -> StatusBar:
        """The line that shows background work."""
        return self.query_one(StatusBar)

    def show_loading(self, message: str) -> None:
        """Nothing to read yet: say what is being prepared."""
        self.query_one("#loading_message", Static).update(Content(message))
        self._switch("loading_state")

    def show_subtitle(self, subtitle: str) -> None:
        """Say in the header what is shown (before there is a digest to describe)."""
        self.query_one(ReaderHeader).subtitle = subtitle

    def show_empty(self, message: str, subtitle: str = "") -> None:
        """Nothing to read: show `message` (plain text) in the middle of the screen."""
        self.query_one(EmptyState).show_message(message)
        if subtitle:
            self.query_one(ReaderHeader).subtitle = subtitle
        self._switch("empty_state")

    def show_digest(self, shown: Shown, *, newest: bool = True) -> None:
        """Show `shown`, keeping the topic choice, filters and highlighted story where they can."""
        first = self._index is None
        self._shown = shown
        self._newest = newest
        self._index = StoryIndex(shown.digest)
        self._marks = Marks(self._session.marks(self._index.article_ids()))
        self._text_keys = self._session.text_keys(shown.digest)
        now = self._now()
        self.query_one(ReaderHeader).subtitle = describe_digest(
            shown, now, demo=self._session.demo, newest=newest
        )
        if shown.digest.story_count == 0:
            hours = (shown.digest.until - shown.digest.since).total_seconds() / 3600
            self.show_empty(
                f"No stories in the last {hours:g} h.\n"
                + (
                    "You are offline: "
                    if self._session.offline
                    else "Press r to fetch new articles; "
                )
                + "`digest show --since 7d` reaches further back."
            )
            return
        topic_list = self.query_one(TopicList)
        names = set(self._index.topic_names())
        kept = frozenset(name for name in self._filters.topics if name in names)
        picked = topic_list.picked_count > 0
        topic_list.show_topics(shown.digest.topics, picked=kept if picked else ())
        if not picked and len(kept) == 1:
            topic_list.highlight_topic(next(iter(kept)))
        self._filters = self._filters.with_topics(topic_list.shown_topics)
        self._switch("panes")
        self._apply_filters()
        if first or self.focused is None:
            self.query_one(StoryList).focus()

    def topic_names(self) -> list[str]:
        """The digest's topics in order (that of keys 1-9)."""
        return self._index.topic_names() if self._index else []

    def show_topic_named(self, name: str) -> None:
        """Show only the named topic (the command palette's "Topic: …")."""
        names = self.topic_names()
        if name in names:
            self.action_show_topic(names.index(name) + 1)

    def _switch(self, pane: str) -> None:
        self.query_one(ContentSwitcher).current = pane
        self.refresh_bindings()

    def _reading(self) -> bool:
        return self.query_one(ContentSwitcher).current == "panes"

    def _apply_filters(self) -> None:
        if self._index is None:
            return
        stories = self._index.select(self._filters, self._marks)
        story_list = self.query_one(StoryList)
        story_list.show_stories(stories, self._now(), self._marks)
        self._show_story(story_list.highlighted_story)
        described = self._filters.describe()
        title = f"Stories {len(stories)}" + (f" · {described}" if described else "")
        story_list.border_title = Content(clean_line(title))

    # Keeping the panes in step

    @on(TopicList.FilterChanged)
    def _filter_changed(self, event: TopicList.FilterChanged) -> None:
        self._show_topics(event.topics)

    def _show_topics(self, topics: frozenset[str]) -> None:
        self._filters = self._filters.with_topics(topics)
        self._apply_filters()

    @on(TopicList.Chosen)
    def _topic_chosen(self) -> None:
        self.query_one(StoryList).focus()

    @on(StoryList.StoryHighlighted)
    def _story_highlighted(self, event: StoryList.StoryHighlighted) -> None:
        self._show_story(event.shown)

    def _show_story(self, shown: ShownStory | None) -> None:
        view = self.query_one(StoryView)
        if shown is not None and view.story == shown.story:
            return
        note = ""
        if shown is None:
            note = (
                f"No stories match ({self._filters.describe() or 'these topics'}).\n"
                "Escape clears the search, u and * drop the unread and starred filters, "
                "0 shows every topic."
            )
        view.show_story(
            shown.story if shown else None,
            topic=shown.topic if shown else "",
            disclaimer=self._shown.digest.disclaimer if self._shown else "",
            now=self._now(),
            note=note,
            status=self._status(shown),
            text_keys=self._text_keys,
        )

    @on(StoryList.StoryOpened)
    def _story_opened(self, event: StoryList.StoryOpened) -> None:
        story = event.shown.story
        # Opening marks read quietly; a story whose articles are gone simply stays as it is.
        if self._marks.known_ids(story) and not self._marks.is_read(story):
            self._set_marks(event.shown, read=True)
        self.query_one(StoryView).focus()

    def _search_changed(self, query: str) -> None:
        if query != self._filters.query:
            self._filters = replace(self._filters, query=query)
            self._apply_filters()

    @on(Input.Submitted, "#search_bar")
    def _search_submitted(self) -> None:
        if not self._filters.query.strip():
            self.query_one(SearchBar).display = False
        self.query_one(StoryList).focus()

    @on(SearchBar.Cleared)
    def _search_cleared(self) -> None:
        self.query_one(SearchBar).display = False
        self._search_changed("")
        self.query_one(StoryList).focus()

    def on_resize(self, event: events.Resize) -> None:
        # The wide layout has room for two lines of headline per story.
        self.query_one(StoryList).title_lines = 2 if event.size.width >= 110 else 1

    @on(events.DescendantFocus)
    def _focus_moved(self, event: events.DescendantFocus) -> None:
        # While the story view has the focus, the narrow layout gives it most of the screen.
        self.set_class(isinstance(event.widget, StoryView), "-reading")

    # Key actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the reading keys (and ignore them) while there is nothing to read."""
        if action in _READING:
            return self._reading()
        return True

    def action_show_topic(self, number: int) -> None:
        """Show only the Nth topic of the digest (1-9), or all topics (0)."""
        topic_list = self.query_one(TopicList)
        if topic_list.show_topic(number - 1 if number else None):
            self._show_topics(topic_list.shown_topics)

    def action_pick_topic(self) -> None:
        """Pick or unpick the highlighted topic for a view of several topics."""
        topic_list = self.query_one(TopicList)
        topic_list.toggle_highlighted()
        self._show_topics(topic_list.shown_topics)

    def action_search(self) -> None:
        """Open the search box."""
        search = self.query_one(SearchBar)
        search.display = True
        search.focus()

    def action_toggle_unread(self) -> None:
        """Show only unread stories, or all again."""
        self._filters = replace(self._filters, unread_only=not self._filters.unread_only)
        self._apply_filters()

    def action_toggle_starred(self) -> None:
        """Show only starred stories, or all again."""
        self._filters = replace(self._filters, starred_only=not self._filters.starred_only)
        self._apply_filters()

    def action_open_story(self) -> None:
        """Open the highlighted story (as enter does in the story list)."""
        if (shown := self.query_one(StoryList).highlighted_story) is not None:
            self.query_one(StoryList).post_message(StoryList.StoryOpened(shown))

    def action_back(self) -> None:
        """Step back: story view to story list, a search cleared, story list to topics."""
        focused = self.focused
        if isinstance(focused, StoryView):
            self.query_one(StoryList).focus()
        elif self._filters.query:
            self.query_one(SearchBar).action_clear_search()
        elif isinstance(focused, StoryList):
            self.query_one(TopicList).focus()

    def action_next_pane(self) -> None:
        """Move the focus to the next pane."""
        self.focus_next()

    def action_previous_pane(self) -> None:
        """Move the focus to the previous pane."""
        self.focus_previous()
