"""A last line of defence before feed text reaches the screen.

Ingest already strips control characters and escape sequences; this repeats the job cheaply in the
reader, so a snapshot written by an older version (or a bug upstream) still cannot move the cursor,
retitle the terminal or reorder text with bidi controls. Markup is a separate matter: feed text is
always wrapped in `Content` objects, never parsed.
"""

from __future__ import annotations

import re

__all__ = ["clean_block", "clean_line"]

# Whole escape sequences first, so their parameters ("[31m") do not survive as visible debris.
_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC (window title, hyperlinks)
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC
    r"|(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?"  # CSI
    r"|\x1b[ -/]*[0-~]?"  # any other ESC sequence
)

_WHITESPACE_CONTROLS = "\t\n\r\v\f"
_DROPPED = (
    [chr(c) for c in range(0x20) if chr(c) not in _WHITESPACE_CONTROLS]
    + ["\x7f"]
    + [chr(c) for c in range(0x80, 0xA0)]
    # Bidi marks, embeddings, overrides and isolates: they can make text read backwards.
    + ["\u200e", "\u200f", "\u061c"]
    + [chr(c) for c in range(0x202A, 0x202F)]
    + [chr(c) for c in range(0x2066, 0x206A)]
)
_TABLE = {ord(c): None for c in _DROPPED} | {ord(c): " " for c in _WHITESPACE_CONTROLS}
_PARAGRAPH_TABLE = _TABLE | {ord("\n"): "\n"}
_SPACES = re.compile(r"[ \u00a0\u2028\u2029]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def clean_line(text: str | None) -> str:
    """Feed text made safe for one line: no controls, whitespace folded to single spaces."""
    if not text:
        return ""
    text = _ESCAPE_SEQUENCE.sub("", text).translate(_TABLE)
    return _SPACES.sub(" ", text).strip()


def clean_block(text: str | None) -> str:
    """As `clean_line`, but keeping line breaks (and single blank lines) for multi-line text."""
    if not text:
        return ""
    text = _ESCAPE_SEQUENCE.sub("", text).translate(_PARAGRAPH_TABLE)
    lines = "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", lines).strip()
