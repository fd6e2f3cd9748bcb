"""Every key of the reader in one table: the help screen and the command palette are built from it.

The bindings themselves sit on the widgets and the screen they act on (so the footer shows the
keys that apply where the focus is); a test checks that each key listed here is bound.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["COMMANDS", "HELP", "KeyHelp", "PaletteCommand"]


@dataclass(frozen=True)
class KeyHelp:
    """A line of the help screen."""

    keys: str
    does: str


@dataclass(frozen=True)
class PaletteCommand:
    """An action offered in the command palette, with the key that does the same."""

    title: str
    key: str
    help: str
    action: str
    """The action to run, in the reader screen's namespace ("app." for the app's)."""


HELP: list[tuple[str, list[KeyHelp]]] = [
    (
        "Moving",
        [
            KeyHelp(
                "j k ↓ ↑", "move in the focused pane; in a story: scroll, then source to source"
            ),
            KeyHelp("tab shift+tab", "next or previous pane"),
            KeyHelp("enter", "open the highlighted story (marks it read)"),
            KeyHelp("escape", "back: story, stories, topics; first clears a search"),
            KeyHelp("pgup pgdn home end", "scroll the focused pane"),
            KeyHelp("mouse", "click topics, stories and sources; the wheel scrolls"),
        ],
    ),
    (
        "Topics",
        [
            KeyHelp("1-9", "only the Nth topic, in the order listed"),
            KeyHelp("0", "all topics"),
            KeyHelp("space", "pick or unpick the highlighted topic, to read several at once"),
        ],
    ),
    (
        "Finding stories",
        [
            KeyHelp("/", "search titles and summaries as you type; enter keeps it, escape clears"),
            KeyHelp("u", "unread stories only (press again for all)"),
            KeyHelp("*", "starred stories only (press again for all)"),
        ],
    ),
    (
        "Stories and sources",
        [
            KeyHelp("m", "mark the story read or unread"),
            KeyHelp("s", "star or unstar the story"),
            KeyHelp("o", "open the highlighted source in the browser (http and https links only)"),
            KeyHelp("y", "copy the highlighted source's link"),
        ],
    ),
    (
        "Digests and feeds",
        [
            KeyHelp(
                "r",
                "refresh the feeds in the background, then rebuild the digest "
                "(reader.auto_refresh_minutes in config.toml does it on a timer)",
            ),
            KeyHelp("f", "feeds and their errors from the last refresh"),
            KeyHelp("h", "stored digests: open an older one"),
            KeyHelp("e", "export what is shown to a Markdown file"),
        ],
    ),
    (
        "The reader",
        [
            KeyHelp("ctrl+p", "command palette: every action here, and the themes"),
            KeyHelp("?", "this help"),
            KeyHelp("q", "quit"),
        ],
    ),
]
"""The help screen, section by section."""

COMMANDS: list[PaletteCommand] = [
    PaletteCommand("Open story", "enter", "Read the highlighted story", "open_story"),
    PaletteCommand("All topics", "0", "Show the stories of every topic", "show_topic(0)"),
    PaletteCommand("Search", "/", "Search titles and summaries", "search"),
    PaletteCommand("Unread only", "u", "Show only unread stories, or all again", "toggle_unread"),
    PaletteCommand(
        "Starred only", "*", "Show only starred stories, or all again", "toggle_starred"
    ),
    PaletteCommand("Mark read or unread", "m", "Toggle the story's read mark", "toggle_read"),
    PaletteCommand("Star or unstar", "s", "Toggle the story's star", "toggle_star"),
    PaletteCommand("Open source in browser", "o", "The highlighted source's link", "open_source"),
    PaletteCommand("Copy source link", "y", "Copy the highlighted source's link", "copy_link"),
    PaletteCommand(
        "Refresh feeds", "r", "Fetch every feed, then rebuild the digest", "app.refresh"
    ),
    PaletteCommand("Feeds and errors", "f", "Every feed with its last status", "show_feeds"),
    PaletteCommand("Stored digests", "h", "Open an older digest", "history"),
    PaletteCommand("Export to Markdown", "e", "Write what is shown to a file", "export"),
    PaletteCommand("Help", "?", "Every key", "help"),
]
"""What the command palette offers besides topics and the built-in commands (themes, quit)."""
