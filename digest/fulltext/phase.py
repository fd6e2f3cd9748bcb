"""The full-text step of a refresh: fetch the pages of the articles that want them.

After a refresh has stored its feeds, the articles of the feeds that changed in full-text mode
"yes", and their teasers in mode "auto" (see `is_teaser`), get their pages fetched, at most
`PAGES_PER_FEED` a feed each time and only for articles of the last `RECENT`. A page is fetched
once for each text the feed gives its entry; a failed one is tried again when its feed next
changes, up to `MAX_TRIES` times in all. A page's text replaces the teaser wherever a digest
reads the article (see digest.store_content); a failure leaves the feed's text in place and
shows in the feed's health (`digest feeds`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from digest.config import Config
from digest.feedsettings import FeedSettings
from digest.store import FeedRow, Store
from digest.store_pages import PageOutcome, text_key

__all__ = ["PAGES_PER_FEED", "RECENT", "PageSummary", "fetch_full_texts"]

PAGES_PER_FEED = 30
"""Pages fetched for one feed in one refresh, its newest articles first."""
RECENT = timedelta(days=7)
"""Only articles filed this recently get their pages fetched."""


@dataclass(frozen=True)
class PageSummary:
    """What the full-text step did in one refresh."""

    fetched: int = 0
    failed: int = 0
    unchanged: int = 0


async def fetch_full_texts(
    store: Store,
    config: Config,
    rows: Sequence[FeedRow],
    settings_of: dict[int, FeedSettings],
    teasers: dict[int, frozenset[str]],
    now: datetime,
) -> PageSummary:
    """Fetch and store the pages the feeds in `rows` (just refreshed) want: every recent
    article's in mode "yes", the `teasers` (guids, judged when the feed was parsed) in "auto"."""
    modes = {row.id: settings_of[row.id].effective_full_text for row in rows}
    only = {
        feed_id: teasers.get(feed_id, frozenset())
        for feed_id, mode in modes.items()
        if mode == "auto"
    }
    yes = [feed_id for feed_id, mode in modes.items() if mode == "yes"]
    candidates = store.page_candidates(yes, now - RECENT, PAGES_PER_FEED)
    candidates += store.page_candidates(only, now - RECENT, PAGES_PER_FEED, guids=only)
    if not candidates:
        return PageSummary()
    from digest.fulltext.pages import PageRequest, fetch_articles

    requests = [PageRequest(c.url, c.etag, c.last_modified) for c in candidates]
    results = await fetch_articles(requests, config.fetch)
    outcomes = []
    for candidate, result in zip(candidates, results, strict=True):
        # Validators are only worth sending again for the text they were fetched for.
        outcomes.append(
            PageOutcome(
                article_id=candidate.article_id,
                for_text=text_key(candidate.text),
                text=result.text if result.status == "updated" else None,
                error=result.error if result.status == "error" else None,
                unchanged=result.status == "not_modified",
                etag=result.etag,
                last_modified=result.last_modified,
            )
        )
    store.save_pages(outcomes, now)
    return PageSummary(
        fetched=sum(o.text is not None for o in outcomes),
        failed=sum(o.error is not None for o in outcomes),
        unchanged=sum(o.unchanged for o in outcomes),
    )
