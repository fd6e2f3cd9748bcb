"""The command palette's reader commands: every keyed action, plus "Topic: <name>" for each topic.

Topic names come from feeds and OPML files, so every prompt is a `Content` built from plain text;
the palette's own fuzzy `highlight` parses its candidate as markup and is not used.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from digest.tui.keys import COMMANDS
from digest.tui.safe import clean_line
from digest.tui.screens import ReaderScreen

__all__ = ["ReaderCommands"]


class ReaderCommands(Provider):
    """Reader actions and topics, each with the key that does the same."""

    def _commands(self) -> list[tuple[str, str, str, Callable[[], object]]]:
        """(title, key, help, callback) of every command that applies on this screen."""
        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        run = partial(self.app.run_action, default_namespace=screen)
        found: list[tuple[str, str, str, Callable[[], object]]] = [
            (c.title, c.key, c.help, partial(run, c.action)) for c in COMMANDS
        ]
        for number, name in enumerate(screen.topic_names(), 1):
            key = str(number) if number <= 9 else ""
            found.append(
                (
                    f"Topic: {clean_line(name)}",
                    key,
                    "Show only this topic's stories",
                    partial(screen.show_topic_named, name),
                )
            )
        return found

    async def discover(self) -> Hits:
        """Every command, in the order of the help screen."""
        for title, key, help_text, callback in self._commands():
            yield DiscoveryHit(_display(Content(title), key), callback, text=title, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose title fuzzily matches `query`."""
        matcher = self.matcher(query)
        for title, key, help_text, callback in self._commands():
            score = matcher.match(title)
            if score > 0:
                shown = _display(_highlight(matcher, title), key)
                yield Hit(score, shown, callback, text=title, help=help_text)


def _highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the matched characters styled."""
    content = Content(text)
    _score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    for offset in offsets:
        content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


def _display(title: Content, key: str) -> Content:
    if not key:
        return title
    return Content.assemble(title, ("  " + key, "dim"))
