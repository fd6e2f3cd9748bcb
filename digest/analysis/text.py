"""Making untrusted feed text safe and plain: control characters, escape sequences, HTML, links.

Everything a feed says passes through here at ingest. `clean_text` removes what could drive a
terminal or reorder text; `html_to_text` turns markup into paragraphs; `safe_url` keeps only
http(s) links. Markup-like text such as "[b]" is left alone: the reader shows it literally.

What `clean_text` removes, and why:

- C0 controls except tab and newline, DEL, and C1 controls (U+0080-U+009F): they move the cursor,
  ring bells, or are 8-bit forms of ESC sequences. CR and CR LF become LF; VT, FF, U+2028 and
  U+2029 become LF so that the words around them stay apart.
- Whole terminal escape sequences (CSI, OSC, DCS, SOS, PM, APC, two-character ESC sequences), so
  that their parameters do not survive as debris. 8-bit string introducers (U+009D OSC and the
  like) take their payload with them only when a terminator follows on the same line: text decoded
  with the wrong charset is full of C1 characters, and an unterminated "OSC" there would otherwise
  swallow real words.
- Bidi marks, embeddings, overrides and isolates (U+200E, U+200F, U+061C, U+202A-U+202E,
  U+2066-U+2069): they can make text read differently from how it is stored.
- Invisible characters that hide or smuggle text: zero-width space, word joiner and invisible
  operators (U+200B, U+2060-U+2064), deprecated format controls (U+206A-U+206F), BOM (U+FEFF),
  soft hyphen, U+180E, interlinear annotations (U+FFF9-U+FFFB), Unicode tag characters
  (U+E0000-U+E007F; subdivision flags lose their region and show as a plain flag), lone
  surrogates and the noncharacters U+FFFE/U+FFFF (they cannot be encoded or stored).
- Kept on purpose: zero-width joiner and non-joiner (U+200D, U+200C), which emoji sequences,
  Persian, Urdu and Indic scripts need, and variation selectors (emoji presentation).
"""

from __future__ import annotations

import functools
import html
import re
from urllib.parse import urljoin, urlsplit

from digest.analysis.markup import Cdata, markup_events

__all__ = [
    "clean_line",
    "clean_text",
    "fold_whitespace",
    "html_to_text",
    "safe_url",
    "text_paragraphs",
]

_ESCAPE_SEQUENCES = re.compile(
    # 7-bit string sequences (OSC, DCS, SOS, PM, APC), through their terminator or the line's end.
    r"\x1b[\]PX^_][^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    # 8-bit string sequences, only when terminated (see the module docstring).
    r"|[\x90\x98\x9d\x9e\x9f][^\x07\x1b\x80-\x9f\n]{0,4096}(?:\x07|\x1b\\|\x9c)"
    # CSI, 7-bit and 8-bit: parameter bytes, intermediate bytes, one final byte.
    r"|(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    # Any other ESC sequence: intermediate bytes and a final byte.
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
# A plain character class scans much faster than the alternation above; most text has no ESC.
_ESCAPE_START = re.compile("[\x1b\x80-\x9f]")
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\u2028\u2029]")
_INVISIBLE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f-\x9f"  # C0 except \t \n (\x0b \x0c \r are gone by now), DEL, C1
    "\x0b\x0c\r"  # in case a caller skipped the line-break step
    "\u00ad\u061c\u180e\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f"
    "\ufeff\ufff9-\ufffb\ufffe\uffff\ud800-\udfff"
    "\U000e0000-\U000e007f]"
)
_ASCII_CONTROLS = bytes([*range(0x00, 0x09), *range(0x0B, 0x20), 0x7F])
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_TAG = re.compile(r"<[a-zA-Z/!?]")
_MAX_URL = 8192
_WRAP_WIDTH = 100
_SENTENCE_ENDS = (".", "!", "?", "…", ":", '"', "'", "”", "’", ")", "»", "。", "！", "？")


def clean_text(text: str) -> str:
    """Remove control characters, terminal escape sequences, bidi controls and hidden characters.

    Tabs and newlines are kept (line breaks normalized to LF); everything else printable is
    untouched. Idempotent.
    """
    if "\r" in text or "\x0b" in text or "\x0c" in text or not text.isascii():
        text = _LINE_BREAKS.sub("\n", text)
    if text.isascii() and "\x1b" not in text:
        # Most text is ASCII without escapes: bytes.translate drops the controls many times
        # faster than a regular expression scans for them.
        data = text.encode("ascii")
        kept = data.translate(None, _ASCII_CONTROLS)
        return text if len(kept) == len(data) else kept.decode("ascii")
    if _ESCAPE_START.search(text):
        text = _ESCAPE_SEQUENCES.sub("", text)
    return _INVISIBLE.sub("", text)


def fold_whitespace(text: str) -> str:
    """Fold every run of whitespace to a single space and strip the ends."""
    # str.split() and the regular expression \s agree on what whitespace is; split is faster.
    return " ".join(text.split())


def clean_line(text: str | None) -> str:
    """`clean_text`, then all whitespace folded to single spaces: for titles and names."""
    if not text:
        return ""
    return fold_whitespace(clean_text(text))


def _join_paragraphs(text: str) -> str:
    paragraphs = (fold_whitespace(p) for p in _BLANK_LINE.split(text))
    return "\n\n".join(p for p in paragraphs if p)


def text_paragraphs(text: str) -> str:
    """Plain text to cleaned paragraphs separated by a blank line.

    Blank lines always end a paragraph. A single line break ends one too when the text is not
    hard-wrapped (a line in its block is longer than 100 characters) or when the line ends a
    sentence; otherwise it is a wrapped line and joins the next. Whitespace is folded.
    """
    paragraphs: list[str] = []
    for block in _BLANK_LINE.split(clean_text(text).strip()):
        lines = [fold_whitespace(line) for line in block.split("\n")]
        lines = [line for line in lines if line]
        if any(len(line) > _WRAP_WIDTH for line in lines):
            paragraphs += lines
            continue
        current: list[str] = []
        for line in lines:
            current.append(line)
            if line.endswith(_SENTENCE_ENDS):
                paragraphs.append(" ".join(current))
                current = []
        if current:
            paragraphs.append(" ".join(current))
    return "\n\n".join(paragraphs)


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br caption dd details div dl dt figcaption figure footer "
    "h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody thead tfoot "
    "tr ul".split()
)
_CELL_TAGS = frozenset(("td", "th", "img"))
# Elements whose content is never article text and that nest (the raw-text ones are skipped
# by the scanner itself).
_NESTED_SKIPPED_TAGS = frozenset(
    "svg math form template object canvas audio video select button".split()
)
_BREAK = "\n\n"


def _markup_parts(markup: str) -> list[str]:
    """Text runs and paragraph breaks of `markup`, entities still encoded (see
    digest.analysis.markup for the scan)."""
    parts: list[str] = []
    skipping: dict[str, int] = {}
    for event in markup_events(markup):
        if isinstance(event, str):
            if not skipping:
                parts.append(event)
        elif isinstance(event, Cdata):
            if not skipping:
                parts.append(event.text)
        elif event.closing:
            _end_tag(event.name, parts, skipping)
        elif event.name in _NESTED_SKIPPED_TAGS:
            if not event.self_closing:
                skipping[event.name] = skipping.get(event.name, 0) + 1
        elif not skipping and event.name in _BLOCK_TAGS:
            parts.append(_BREAK)
        elif not skipping and event.name in _CELL_TAGS:
            parts.append(" ")
    return parts


def _end_tag(name: str, parts: list[str], skipping: dict[str, int]) -> None:
    count = skipping.get(name)
    if count:
        if count == 1:
            del skipping[name]
        else:
            skipping[name] = count - 1
    elif not skipping and name in _BLOCK_TAGS:
        parts.append(_BREAK)
    elif not skipping and name in _CELL_TAGS:
        parts.append(" ")


def html_to_text(markup: str) -> str:
    """HTML (or plain text) to cleaned plain text, paragraphs separated by a blank line.

    Block elements and <br> end paragraphs; script, style and similar content is dropped;
    entities are decoded. Linear time, and never raises, on any input.
    """
    if not markup:
        return ""
    if not _TAG.search(markup):
        return text_paragraphs(html.unescape(markup) if "&" in markup else markup)
    text = html.unescape("".join(_markup_parts(clean_text(markup))))
    return _join_paragraphs(clean_text(text))


@functools.lru_cache(maxsize=64)
def _safe_base(base: str) -> str | None:
    """`safe_url` of a base, which stays the same for every entry of a feed."""
    return safe_url(base)


def safe_url(url: str | None, base: str | None = None) -> str | None:
    """`url` made absolute against `base` if it is http(s) with a host, else None.

    Whitespace and control characters are removed first (as browsers do with tabs and newlines);
    inner spaces are percent-encoded. `javascript:`, `data:`, `file:` and the like give None, and
    so does anything too long to be a real link.
    """
    if not url:
        return None
    value = clean_text(url).strip()
    value = value.replace("\t", "").replace("\n", "").replace(" ", "%20")
    if not value or len(value) > _MAX_URL:
        return None
    try:
        if base:
            base_url = _safe_base(base)
            if base_url is not None:
                value = urljoin(base_url, value)
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not host or "\\" in value:
        # Browsers read a backslash as a slash: "https://evil.example\@good.example/" would
        # go to evil.example while Python sees the host good.example.
        return None
    if any(ch in host for ch in "\\ %<>\"'`{}|^"):
        return None
    if not value.startswith(parts.scheme):  # urlsplit lower-cases the scheme; so do we
        value = parts.scheme + value[len(parts.scheme) :]
    return value
