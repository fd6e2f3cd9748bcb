"""The reader's screens."""

from __future__ import annotations

from digest.tui.screens.reader import ReaderScreen

__all__ = ["ReaderScreen"]
