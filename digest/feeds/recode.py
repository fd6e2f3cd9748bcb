"""Re-encoding an XML document as UTF-8 when its own encoding cannot be used."""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["as_utf8"]

_DECLARED_ENCODING = re.compile(rb"""^(\s*<\?xml[^>]*?encoding\s*=\s*)(["'])[^"']*\2""")


def as_utf8(data: bytes, encodings: Sequence[str] = ("utf-8", "windows-1252")) -> bytes:
    """`data` decoded with the first of `encodings` that reads it (else the last, replacing what
    it cannot read), encoded as UTF-8, its XML declaration saying utf-8."""
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        break
    else:
        text = data.decode(encodings[-1], errors="replace")
    return _DECLARED_ENCODING.sub(rb"\1\2utf-8\2", text.encode("utf-8", "replace"), count=1)
