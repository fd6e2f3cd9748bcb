"""Digests for the reader's tests (a small ordinary one, one made of hostile text) and sessions
over real stores that hold them."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.config import Config
from digest.models import Digest, Source, Story, SummarySentence, Topic, iso
from digest.paths import resolve_paths, seeds_dir
from digest.refresh import refresh_sync
from digest.session import ReaderSession
from digest.store import open_store
from digest.subscriptions import import_opml

NOW = datetime(2026, 11, 28, 18, 0, tzinfo=UTC)
"""The pinned clock: every age in the tests is measured from here."""

SUBTITLE = "Digest of 28 Nov 2026 18:00 · last 36 h · built just now"
"""The header line for `make_digest()` stored and read at NOW."""
DISCLAIMER = (
    "These summaries are machine-selected extracts quoted from the linked sources; "
    "they may lack context. Verify with the sources."
)
SOURCE_DISCLAIMER = "Disclaimer: This content is aggregated from public sources."

HOSTILE = [
    "[@click=app.quit]x[/]",
    "[ @click=app.quit]x[/]",
    "Tom [/] Jerry",
    "[/foo]",
    "a [/",
]
"""Text that breaks or acts when it is parsed as Textual or Rich markup."""

# Four reports served as feed items by the refresh tests: (headline, text) by guid.
NEWS_ITEMS = {
    "quake": (
        "Earthquake shakes coastal town of Port Avery",
        "An earthquake of magnitude 5.8 shook the coastal town of Port Avery on Monday. "
        "Engineers inspected bridges and schools across the district. "
        "No deaths were reported by the regional emergency office.",
    ),
    "chips": (
        "Chipmaker Lumen unveils low-power laptop processor",
        "The chipmaker Lumen unveiled a low-power processor for laptops on Monday. "
        "The company said battery life would double compared with its previous chips. "
        "Analysts expect the first laptops with the processor next spring.",
    ),
    "match": (
        "Harbor City wins the national football cup final",
        "Harbor City won the national football cup final after extra time on Sunday. "
        "The striker scored twice in front of a crowd of forty thousand supporters. "
        "The coach praised the defence after the match.",
    ),
    "budget": (
        "Parliament passes the national budget after a long debate",
        "Parliament passed the national budget late on Monday after a long debate. "
        "The finance minister said the plan would cut the deficit within two years. "
        "Opposition lawmakers voted against the spending plan.",
    ),
}

_OUTLETS = ["Harbor Gazette", "Daily Meridian", "Northwind Wire"]


def _story(story_id: str, title: str, hours: float, outlets: int = 1) -> Story:
    published = NOW - timedelta(hours=hours)
    sources = [
        Source(
            title=f"{title}, as {outlet} tells it",
            feed=outlet,
            url=f"https://{outlet.lower().replace(' ', '')}.example/{story_id}",
            published=published - timedelta(minutes=10 * n),
            disclaimer=SOURCE_DISCLAIMER if n == 2 else None,
        )
        for n, outlet in enumerate(_OUTLETS[:outlets])
    ]
    summary = [
        SummarySentence(f"First point of {title} from {sources[0].feed}.", 0),
        SummarySentence(f"Second point of {title} from {sources[-1].feed}.", len(sources) - 1),
    ]
    return Story(story_id, title, published, summary, sources)


def make_digest() -> Digest:
    """Three topics with two or three stories each; the first story has three outlets."""
    topics = [
        Topic(
            "World",
            [
                _story("w1", "Coastal nations sign fishing treaty", 2, outlets=3),
                _story("w2", "Flooding closes mountain pass", 5),
                _story("w3", "Ferry strike ends after talks", 9, outlets=2),
            ],
        ),
        Topic(
            "Technology",
            [
                _story("t1", "Chipmaker unveils low-power processor", 3, outlets=2),
                _story("t2", "Office suite reaches version 10", 30),
            ],
        ),
        Topic(
            "Science",
            [
                _story("s1", "Probe returns asteroid samples", 50, outlets=2),
                _story("s2", "Glacier survey finds faster melt", 70),
            ],
        ),
    ]
    return Digest(NOW, NOW - timedelta(hours=36), NOW, DISCLAIMER, topics)


WIRE_HEADLINE = "Port authority fines shipping line over fuel spill"
"""The headline a wire report keeps in every outlet that carries it (`make_syndicated_digest`)."""


def make_syndicated_digest() -> Digest:
    """One story told by a wire report, carried word for word by two more outlets (the same
    headline, nothing quoted from them; one adds its own notice), and by an outlet in its own
    words; then an ordinary story."""
    published = NOW - timedelta(hours=2)

    def source(feed: str, title: str, minutes: int, notice: str | None = None) -> Source:
        url = f"https://{feed.lower().replace(' ', '')}.example/spill"
        return Source(title, feed, url, published + timedelta(minutes=minutes), notice)

    sources = [
        source("Northwind Wire", WIRE_HEADLINE, 0),
        source("Harbor Gazette", "Shipping line fined after spill in the outer harbour", 5),
        source("Daily Meridian", WIRE_HEADLINE.upper(), 10),
        source("Lakeside Times", f"  {WIRE_HEADLINE} ", 20, "© Lakeside Times. Syndicated."),
    ]
    summary = [
        SummarySentence("The port authority fined the shipping line 2 million.", 0),
        SummarySentence("Harbour pilots saw the slick at dawn.", 1),
        SummarySentence("The line said it would appeal the fine.", 0),
    ]
    spill = Story("spill", WIRE_HEADLINE, sources[-1].published or published, summary, sources)
    return Digest(
        NOW,
        NOW - timedelta(hours=36),
        NOW,
        DISCLAIMER,
        [Topic("Business", [spill, _story("b2", "Bakery chain opens tenth shop", 6)])],
    )


def make_hostile_digest() -> Digest:
    """Every feed-text field of one story, and each topic name, is markup-like."""
    sources = [
        Source(
            title=text,
            feed=text,
            url=f"https://example.com/{text}",
            published=NOW - timedelta(hours=1),
            disclaimer=text,
        )
        for text in HOSTILE
    ]
    summary = [SummarySentence(text, n) for n, text in enumerate(HOSTILE)]
    stories = [
        Story(f"h{n}", text, NOW - timedelta(hours=n + 1), summary, sources)
        for n, text in enumerate(HOSTILE)
    ]
    topics = [Topic(text, [story]) for text, story in zip(HOSTILE, stories, strict=True)]
    return Digest(NOW, NOW - timedelta(hours=36), NOW, " ".join(HOSTILE), topics)


def make_session(
    home: Path,
    digest: Digest | None = None,
    *,
    offline: bool = False,
    feeds: int = 1,
    failing: dict[str, str] | None = None,
) -> ReaderSession:
    """A reader session over a real store under `home` that holds `digest` as its snapshot.

    The store gets `feeds` subscriptions (never fetched) so the reader does not show its "no feeds"
    advice, plus one failed feed per `failing` entry (url -> error, fetched at NOW). The snapshot
    matches the store's state, so the reader opens it without building.
    """
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        for n in range(feeds):
            store.add_feed(f"https://feeds{n}.example/rss.xml", name=_OUTLETS[n % 3])
        for url, error in (failing or {}).items():
            feed_id, _new = store.add_feed(url)
            store.record_failure(feed_id, error)
            with store.transaction() as db:  # pin the fetch time for snapshots
                db.execute("UPDATE feeds SET last_fetched = ? WHERE id = ?", (iso(NOW), feed_id))
        if digest is not None:
            store.save_digest(digest, window="36h", state=store.content_state(), keep=50)
    return ReaderSession(paths, Config(), offline=offline)


def build_demo_home(home: Path) -> Path:
    """Fill `home` with a store of the bundled sample feeds and one digest built from them."""
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        import_opml(store, seeds_dir() / "feeds" / "demo.opml", local_files=True)
        refresh_sync(store, Config())
    ReaderSession(paths, Config(), demo=True).build()
    return home


def copy_demo_home(template: Path, destination: Path) -> Path:
    """A private copy of a `build_demo_home` home (marks set in one test never reach another)."""
    shutil.copytree(template, destination)
    return destination


def demo_session(home: Path, *, offline: bool = True) -> ReaderSession:
    """A reader session on a `demo_home` copy, as `digest --demo` opens it."""
    return ReaderSession(resolve_paths(home), Config(), offline=offline, demo=True)
