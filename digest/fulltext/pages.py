"""Fetching article pages and keeping their story text, with the feed fetcher's limits.

Pages go through `digest.feeds.fetch.fetch_all`, so they get the same size, time and redirect
limits, the same per-host politeness and conditional GET as feeds. Only http(s) URLs that pass
`safe_url` are fetched. Each request ends as one `PageResult`: the extracted text ("updated"),
"not_modified" after a 304 (keep the text stored from last time), or "error" with a message for
a person. Extraction runs in a worker thread, off the event loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from digest.analysis.text import safe_url
from digest.config import FetchSettings
from digest.feeds.fetch import FetchRequest, FetchResult, fetch_all

__all__ = ["PageRequest", "PageResult", "fetch_articles"]

PageStatus = Literal["updated", "not_modified", "error"]

_TEXT_TYPES = frozenset(
    ("text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml")
)


@dataclass(frozen=True)
class PageRequest:
    """One article page to fetch, with the validators stored from its last fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True)
class PageResult:
    """What became of one `PageRequest`."""

    url: str
    """The requested URL, the key back to the article."""
    status: PageStatus
    text: str | None = None
    """The story's paragraphs, sanitized, when status is "updated"."""
    error: str | None = None
    """What went wrong, for a person, when status is "error"."""
    etag: str | None = None
    """Validators to store for the next fetch (the request's own when nothing newer came)."""
    last_modified: str | None = None
    final_url: str | None = None
    """Where the page came from after redirects."""


async def fetch_articles(
    requests: Sequence[PageRequest], settings: FetchSettings
) -> list[PageResult]:
    """Fetch every page at once, within the limits of `settings`; results in request order.

    Never raises for anything a server does: each failure is that page's "error" result.
    """
    results: list[PageResult | None] = [None] * len(requests)
    to_fetch: list[tuple[int, FetchRequest]] = []
    for index, request in enumerate(requests):
        url = safe_url(request.url)
        if url is None:
            results[index] = PageResult(
                url=request.url,
                status="error",
                error="only http and https pages can be fetched",
                etag=request.etag,
                last_modified=request.last_modified,
            )
        else:
            fetch = FetchRequest(url, etag=request.etag, last_modified=request.last_modified)
            to_fetch.append((index, fetch))
    fetched = await fetch_all([fetch for _, fetch in to_fetch], settings)
    pages = await asyncio.to_thread(_extract_all, fetched)
    for (index, _), page in zip(to_fetch, pages, strict=True):
        results[index] = _keyed(page, requests[index].url)
    return [result for result in results if result is not None]


def _keyed(result: PageResult, url: str) -> PageResult:
    """The result under the URL as requested (safe_url may have normalized it)."""
    return result if result.url == url else replace(result, url=url)


def _extract_all(fetched: Sequence[FetchResult]) -> list[PageResult]:
    # Imported here: a fetch without full-text feeds never loads the extractor.
    from digest.fulltext.extract import extract_text

    return [_page_result(result, extract_text) for result in fetched]


def _page_result(result: FetchResult, extract: Callable[..., str | None]) -> PageResult:
    """Turn one feed-fetcher result into a page result, extracting the story if there is one."""
    base = PageResult(
        url=result.url,
        status="error",
        etag=result.etag,
        last_modified=result.last_modified,
        final_url=result.final_url,
    )
    if result.status == "not_modified":
        return replace(base, status="not_modified")
    if result.status == "gone":
        return replace(base, error="the page is gone (410)")
    if result.status == "error" or result.body is None:
        return replace(base, error=_page_words(result.error))
    content_type = result.headers.get("content-type")
    kind = (content_type or "text/html").split(";", 1)[0].strip().lower()
    if kind not in _TEXT_TYPES:
        return replace(base, error=f"not a web page ({kind[:60]})")
    try:
        text = extract(result.body, result.final_url or result.url, content_type)
    except Exception as exc:  # the extractor is meant never to raise; one page must not stop all
        return replace(base, error=f"could not read the page: {exc!r:.100}")
    if text is None:
        return replace(base, error="no article text found on the page")
    return replace(base, status="updated", text=text)


def _page_words(message: str | None) -> str:
    """The fetcher's message, which speaks of feeds, speaking of pages."""
    if not message:
        return "the page could not be fetched"
    for feed_words, page_words in (
        ("not a valid feed URL", "not a valid page URL"),
        ("only http and https feeds", "only http and https pages"),
    ):
        if message.startswith(feed_words):
            return page_words + message[len(feed_words) :]
    return message
