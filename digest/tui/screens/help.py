"""The help screen: every key of the reader, from the same table as the command palette."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from digest.tui.keys import HELP

__all__ = ["HelpScreen"]


class HelpScreen(ModalScreen[None]):
    """Every key, section by section; escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close", key_display="esc"),
        Binding("j,down", "scroll_down", "Down", show=False),
        Binding("k,up", "scroll_up", "Up", show=False),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help_body") as body:
            body.border_title = "Keys"
            body.border_subtitle = "esc closes"
            for section, keys in HELP:
                yield Static(Content.styled(section, "bold $text-accent"), classes="help_heading")
                for key in keys:
                    with Horizontal(classes="help_row"):
                        yield Static(Content(key.keys), classes="help_key")
                        yield Static(Content(key.does), classes="help_does")

    def action_scroll_down(self) -> None:
        """Scroll the help down a line."""
        self.query_one("#help_body", VerticalScroll).scroll_down(animate=False)

    def action_scroll_up(self) -> None:
        """Scroll the help up a line."""
        self.query_one("#help_body", VerticalScroll).scroll_up(animate=False)
