"""The SQLite store: migrations, dedupe, marks that survive refetches, retention, snapshots."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.errors import StoreError
from digest.models import Digest, ParsedEntry, Source, Story, SummarySentence, Topic
from digest.store import SCHEMA_VERSION, Store, open_store

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def _entry(guid: str, title: str = "A title", hours_ago: float = 1) -> ParsedEntry:
    return ParsedEntry(
        guid=guid,
        url=f"https://example.com/{guid}",
        title=title,
        author=None,
        published=NOW - timedelta(hours=hours_ago),
        text=f"Text of {guid}.",
        categories=("World",),
    )


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return open_store(tmp_path / "store.sqlite3")


def test_new_store_is_migrated_and_in_wal_mode(store: Store, tmp_path: Path) -> None:
    assert store.schema_version() == SCHEMA_VERSION
    raw = sqlite3.connect(tmp_path / "store.sqlite3")
    assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"feeds", "articles", "digests"} <= tables


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    with open_store(path) as first:
        first.add_feed("https://example.com/feed")
    with open_store(path) as second:
        assert [f.url for f in second.feeds()] == ["https://example.com/feed"]
        assert second.schema_version() == SCHEMA_VERSION


def test_store_from_a_newer_digest_is_refused_with_a_message(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 5}")
    raw.close()
    with pytest.raises(StoreError, match="newer digest"):
        open_store(path)


def test_a_file_that_is_not_a_database_gives_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="damaged"):
        open_store(path)


def test_refetch_updates_without_duplicating_or_dropping_marks(store: Store) -> None:
    feed_id, new = store.add_feed("https://example.com/feed")
    assert new
    assert store.record_success(feed_id, status="updated", entries=[_entry("a"), _entry("b")]) == 2
    articles = store.articles(NOW - timedelta(days=1), NOW)
    by_guid = {a.guid: a for a in articles}
    store.set_marks([by_guid["a"].id], read=True)
    store.set_marks([by_guid["b"].id], starred=True)

    again = [_entry("a", title="A new title"), _entry("b"), _entry("c")]
    assert store.record_success(feed_id, status="updated", entries=again) == 1
    after = {a.guid: a for a in store.articles(NOW - timedelta(days=1), NOW)}
    assert sorted(after) == ["a", "b", "c"]
    assert after["a"].read and after["a"].title == "A new title"
    assert after["b"].starred
    assert not after["c"].read


def test_duplicate_guids_in_one_fetch_are_stored_once(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    assert store.record_success(feed_id, status="updated", entries=[_entry("x"), _entry("x")]) == 1
    assert len(store.articles(NOW - timedelta(days=1), NOW)) == 1


def test_same_guid_in_two_feeds_is_two_articles(store: Store) -> None:
    one, _ = store.add_feed("https://one.example.com/feed")
    two, _ = store.add_feed("https://two.example.com/feed")
    store.record_success(one, status="updated", entries=[_entry("shared")])
    store.record_success(two, status="updated", entries=[_entry("shared")])
    assert len(store.articles(NOW - timedelta(days=1), NOW)) == 2


def test_failure_is_recorded_and_cleared_by_success(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    store.record_success(feed_id, status="updated", entries=[_entry("a")])
    store.record_failure(feed_id, "timed out after 30 s")
    store.record_failure(feed_id, "timed out after 30 s")
    (feed,) = store.feeds()
    assert (feed.status, feed.error, feed.failures, feed.articles) == (
        "error",
        "timed out after 30 s",
        2,
        1,
    )
    store.record_success(feed_id, status="not_modified")
    (feed,) = store.feeds()
    assert (feed.status, feed.error, feed.failures) == ("not_modified", None, 0)


def test_gone_feeds_are_not_fetched_again(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    store.record_failure(feed_id, "the feed is gone (410)", gone=True)
    assert store.feeds_to_fetch() == []
    assert store.feeds()[0].status == "gone"


def test_permanent_redirect_updates_the_stored_url(store: Store) -> None:
    feed_id, _ = store.add_feed("http://old.example.com/feed")
    store.record_success(feed_id, status="updated", moved_to="https://new.example.com/feed")
    assert [f.url for f in store.feeds()] == ["https://new.example.com/feed"]


def test_validators_are_replaced_by_a_full_answer_and_kept_by_a_304(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    store.record_success(feed_id, status="updated", etag='"v1"', last_modified="Mon")
    store.record_success(feed_id, status="not_modified")
    (row,) = store.feeds_to_fetch()
    assert (row.etag, row.last_modified) == ('"v1"', "Mon")
    store.record_success(feed_id, status="updated", etag=None, last_modified=None)
    (row,) = store.feeds_to_fetch()
    assert (row.etag, row.last_modified) == (None, None)


def test_prune_keeps_starred_and_articles_still_in_the_feed(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    store.record_success(feed_id, status="updated", entries=[_entry("old"), _entry("star")])
    ids = {a.guid: a.id for a in store.articles(NOW - timedelta(days=1), NOW)}
    store.set_marks([ids["star"]], starred=True)
    # Still in the feed: pruning now removes nothing.
    assert store.prune(30) == 0
    # A hundred days later neither was seen again: only the starred one survives.
    assert store.prune(30, now=datetime.now(UTC) + timedelta(days=100)) == 1
    left = store.articles(NOW - timedelta(days=1), NOW)
    assert [a.guid for a in left] == ["star"]


def test_remove_keeps_starred_articles_and_re_adding_restores_marks(store: Store) -> None:
    feed_id, _ = store.add_feed("https://example.com/feed")
    store.record_success(feed_id, status="updated", entries=[_entry("a"), _entry("b")])
    ids = {a.guid: a.id for a in store.articles(NOW - timedelta(days=1), NOW)}
    store.set_marks([ids["a"]], starred=True)
    assert store.remove_feed("https://example.com/feed")
    assert store.feeds() == []
    assert not store.remove_feed("https://example.com/feed")
    store.prune(30)
    again, was_new = store.add_feed("https://example.com/feed")
    assert again == feed_id and was_new
    left = store.articles(NOW - timedelta(days=1), NOW)
    assert [(a.guid, a.starred) for a in left] == [("a", True)]


def _digest(title: str) -> Digest:
    source = Source("T", "Outlet", "https://example.com/a", NOW, None, article_id=7)
    story = Story("s1", title, NOW, [SummarySentence("Text of a.", 0)], [source])
    return Digest(NOW, NOW - timedelta(hours=36), NOW, "Verify.", [Topic("World", [story])])


def test_snapshots_round_trip_and_keep_only_the_newest(store: Store) -> None:
    for number in range(5):
        store.save_digest(_digest(f"story {number}"), window="36h", state="x", keep=3)
    snapshots = store.snapshots()
    assert len(snapshots) == 3
    assert snapshots[0].id > snapshots[1].id > snapshots[2].id
    loaded = store.load_digest()
    assert loaded is not None
    info, digest = loaded
    assert info.id == snapshots[0].id and info.stories == 1
    assert digest.topics[0].stories[0].title == "story 4"
    assert digest.topics[0].stories[0].sources[0].article_id == 7
    assert digest.to_json() == _digest("story 4").to_json()


def test_an_unreadable_snapshot_is_a_miss_not_a_crash(store: Store, tmp_path: Path) -> None:
    store.save_digest(_digest("good"), window="36h", state="x", keep=5)
    store.save_digest(_digest("bad"), window="36h", state="x", keep=5)
    raw = sqlite3.connect(tmp_path / "store.sqlite3")
    raw.execute("UPDATE digests SET body = '{broken' WHERE id = (SELECT max(id) FROM digests)")
    raw.commit()
    raw.close()
    loaded = store.load_digest()
    assert loaded is not None
    assert loaded[1].topics[0].stories[0].title == "good"


def test_a_second_connection_waits_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite3"
    first = open_store(path)
    second = open_store(path)
    first.add_feed("https://one.example.com/feed")
    second.add_feed("https://two.example.com/feed")
    assert len(first.feeds()) == 2
    first.close()
    second.close()
