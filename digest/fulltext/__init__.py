"""Full text for feeds whose items carry only a teaser: fetch the article page, keep its story.

Nothing is imported until it is used, so that a fetch without full-text feeds pays nothing:
`extract_text`, `decode_page` and `is_teaser` live in digest.fulltext.extract, `fetch_articles`,
`PageRequest` and `PageResult` in digest.fulltext.pages.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from digest.fulltext.extract import decode_page, extract_text, is_teaser
    from digest.fulltext.pages import PageRequest, PageResult, fetch_articles

__all__ = [
    "PageRequest",
    "PageResult",
    "decode_page",
    "extract_text",
    "fetch_articles",
    "is_teaser",
]

_HOMES = {
    "decode_page": "extract",
    "extract_text": "extract",
    "is_teaser": "extract",
    "PageRequest": "pages",
    "PageResult": "pages",
    "fetch_articles": "pages",
}


def __getattr__(name: str) -> Any:
    """Import a public name's module on first use."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'digest.fulltext' has no attribute {name!r}")
    return getattr(importlib.import_module(f"digest.fulltext.{home}"), name)
