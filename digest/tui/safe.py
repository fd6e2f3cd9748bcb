"""A last line of defence before feed text reaches the screen.

Ingest already cleans every text field (`digest.analysis.text.clean_text`); the reader cleans again
at display time, so a snapshot written by an older version (or a bug upstream) still cannot move
the cursor, retitle the terminal or reorder text with bidi controls. Markup is a separate matter:
feed text is always wrapped in `Content` objects, never parsed.
"""

from __future__ import annotations

import re

from digest.analysis.text import clean_line, clean_text, fold_whitespace

__all__ = ["clean_block", "clean_line"]

_BLANK_LINES = re.compile(r"\n{3,}")


def clean_block(text: str | None) -> str:
    """As `clean_line`, but keeping line breaks (and single blank lines) for multi-line text."""
    if not text:
        return ""
    lines = "\n".join(fold_whitespace(line) for line in clean_text(text).split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()
