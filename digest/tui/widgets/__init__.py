"""The reader's widgets, each named for its role."""

from __future__ import annotations

from digest.tui.widgets.empty_state import DEFAULT_EMPTY_MESSAGE, EmptyState, LoadingState
from digest.tui.widgets.header import ReaderHeader
from digest.tui.widgets.search_bar import SearchBar
from digest.tui.widgets.status_bar import StatusBar
from digest.tui.widgets.story_list import ShownStory, StoryList
from digest.tui.widgets.story_view import StoryView
from digest.tui.widgets.topic_list import TopicList

__all__ = [
    "DEFAULT_EMPTY_MESSAGE",
    "EmptyState",
    "LoadingState",
    "ReaderHeader",
    "SearchBar",
    "ShownStory",
    "StatusBar",
    "StoryList",
    "StoryView",
    "TopicList",
]
