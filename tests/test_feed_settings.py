"""Per-feed settings: reading them, which one applies, the store's upgrade, the OPML round trip."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from digest.config import Config, load_config
from digest.errors import ConfigError
from digest.feeds.opml import read_opml
from digest.feedsettings import (
    FeedSettings,
    describe_every,
    is_due,
    merge_settings,
    next_due,
    parse_every,
    parse_full_text,
)
from digest.migrations import MIGRATIONS
from digest.models import ParsedEntry
from digest.refresh import newest_entries, split_due
from digest.store import SCHEMA_VERSION, open_store
from digest.subscriptions import export_opml, import_opml

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("30m", 30), ("2h", 120), ("1d", 1440), ("1w", 10080), ("1h30m", 90), (" 1.5H ", 90)],
)
def test_intervals_are_read_and_written_back(text: str, minutes: int) -> None:
    every = parse_every(text)
    assert every == timedelta(minutes=minutes)
    assert parse_every(describe_every(every)) == every


@pytest.mark.parametrize("text", ["", "2", "h", "2x", "2h 3", "-1h", "0m", "30s", "1h2"])
def test_bad_intervals_say_what_is_accepted(text: str) -> None:
    with pytest.raises(ValueError, match="interval|too short"):
        parse_every(text)


def test_full_text_takes_yes_no_auto_and_toml_booleans() -> None:
    assert [parse_full_text(v) for v in (True, False, "auto", "YES", "no")] == [
        "yes",
        "no",
        "auto",
        "yes",
        "no",
    ]
    with pytest.raises(ValueError):
        parse_full_text("sometimes")
    assert FeedSettings().effective_full_text == "auto"


def test_a_feed_is_due_once_its_interval_has_passed_with_a_little_slack() -> None:
    hour = timedelta(hours=1)
    assert is_due(None, NOW, NOW)  # no interval: every fetch
    assert is_due(hour, None, NOW)  # never fetched
    assert not is_due(hour, NOW - timedelta(minutes=30), NOW)
    # An hourly cron job a few seconds early still finds an hourly feed due.
    assert is_due(hour, NOW - timedelta(minutes=59, seconds=50), NOW)
    assert not is_due(hour, NOW - timedelta(minutes=50), NOW)
    assert next_due(timedelta(days=1), NOW) == NOW + timedelta(days=1, minutes=-5)


def test_config_wins_setting_by_setting() -> None:
    stored = FeedSettings(every=timedelta(hours=2), limit=10, topic="Local", full_text="yes")
    configured = FeedSettings(limit=50, full_text="no")
    assert merge_settings(configured, stored) == FeedSettings(
        every=timedelta(hours=2), limit=50, topic="Local", full_text="no"
    )
    assert merge_settings(FeedSettings(), stored) == stored


def _entry(guid: str, hours_ago: float | None) -> ParsedEntry:
    published = None if hours_ago is None else NOW - timedelta(hours=hours_ago)
    return ParsedEntry(guid, None, guid, None, published, "text", ())


def test_limit_keeps_the_newest_entries_in_feed_order() -> None:
    entries = [_entry("b", 2), _entry("a", 1), _entry("old", 30), _entry("undated", None)]
    assert [e.guid for e in newest_entries(entries, 2)] == ["b", "a"]
    assert [e.guid for e in newest_entries(entries, 3)] == ["b", "a", "old"]
    assert newest_entries(entries, None) == entries
    undated = [_entry(str(n), None) for n in range(5)]
    assert [e.guid for e in newest_entries(undated, 2)] == ["0", "1"]


def _write(home: Path, text: str) -> Path:
    home.mkdir(parents=True, exist_ok=True)
    path = home / "config.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_config_feed_tables_are_read(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        '[feeds."https://example.com/rss"]\nevery = "2h"\nlimit = 50\ntopic = "Science"\n'
        "full_text = true\n"
        '[feeds."https://other.example/feed"]\nfull_text = "auto"\n',
    )
    config = load_config(path)
    assert config.feed_settings("https://example.com/rss") == FeedSettings(
        every=timedelta(hours=2), limit=50, topic="Science", full_text="yes"
    )
    assert config.feed_settings("https://other.example/feed").full_text == "auto"
    assert config.feed_settings("https://unknown.example/") == FeedSettings()


@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('every = "often"', 'feeds."https://e.com/rss".every'),
        ("every = 2", 'feeds."https://e.com/rss".every'),
        ("limit = 0", 'feeds."https://e.com/rss".limit'),
        ("limit = true", 'feeds."https://e.com/rss".limit'),
        ('topic = ""', 'feeds."https://e.com/rss".topic'),
        ('full_text = "maybe"', 'feeds."https://e.com/rss".full_text'),
        ("colour = 1", 'feeds."https://e.com/rss".colour'),
    ],
)
def test_bad_feed_settings_name_the_key(tmp_path: Path, body: str, key: str) -> None:
    path = _write(tmp_path, f'[feeds."https://e.com/rss"]\n{body}\n')
    with pytest.raises(ConfigError) as error:
        load_config(path)
    assert str(path) in str(error.value) and key in str(error.value)


def _schema_one_store(path: Path) -> None:
    """A store as the previous release wrote it: schema 1, a feed marked for full text."""
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[0])
    db.execute(
        "INSERT INTO feeds (url, name, topic, full_text, added_at, status, last_fetched)"
        " VALUES ('https://old.example/rss', 'Old', 'World', 1, '2026-11-01T00:00:00Z',"
        " 'updated', '2026-11-27T10:00:00Z')"
    )
    db.execute(
        "INSERT INTO feeds (url, added_at) VALUES ('https://plain.example/rss', "
        "'2026-11-01T00:00:00Z')"
    )
    db.execute(
        "INSERT INTO articles (feed_id, guid, title, text, first_seen, last_seen, starred)"
        " VALUES (1, 'g1', 'Kept', 'Body.', '2026-11-27T10:00:00Z', '2026-11-27T10:00:00Z', 1)"
    )
    db.execute(
        "INSERT INTO digests (generated_at, since, until, window, state, stories, body)"
        " VALUES ('2026-11-27T11:00:00Z', '2026-11-26T00:00:00Z', '2026-11-27T11:00:00Z',"
        " '36h', 'x', 0, '{}')"
    )
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()


def test_a_schema_one_store_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    _schema_one_store(path)
    with open_store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        health = {f.url: (f, store.feed_health()[f.id]) for f in store.feeds()}
        old, old_health = health["https://old.example/rss"]
        assert (old.name, old.topic, old.full_text) == ("Old", "World", True)
        assert old_health.settings == FeedSettings(topic="World", full_text="yes")
        assert health["https://plain.example/rss"][1].settings == FeedSettings()
        assert store.marks([1]) == {1: (False, True)}
        (snapshot,) = store.snapshots()
        assert snapshot.through_article is None
        rows = store.feeds_to_fetch()
        assert rows[0].last_fetched == datetime(2026, 11, 27, 10, tzinfo=UTC)
        assert rows[0].settings.full_text == "yes"


def test_settings_are_stored_changed_and_kept_when_re_added(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.sqlite3") as store:
        feed_id, _ = store.add_feed(
            "https://e.com/rss", topic="Tech", full_text="auto", every=timedelta(hours=2), limit=5
        )
        expected = FeedSettings(timedelta(hours=2), 5, "Tech", "auto")
        assert store.feed_health()[feed_id].settings == expected
        store.set_feed_settings(feed_id, FeedSettings(limit=7, full_text="yes"))
        assert store.feed_health()[feed_id].settings == FeedSettings(limit=7, full_text="yes")
        assert store.feeds()[0].full_text is True
        store.remove_feed("https://e.com/rss")
        again, _ = store.add_feed("https://e.com/rss", every=timedelta(minutes=30))
        assert again == feed_id
        assert store.feed_health()[feed_id].settings == FeedSettings(
            timedelta(minutes=30), 7, None, "yes"
        )


def test_split_due_uses_config_over_the_stored_interval(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.sqlite3") as store:
        hourly, _ = store.add_feed("https://hourly.example/rss", every=timedelta(hours=1))
        daily, _ = store.add_feed("https://daily.example/rss")
        fresh, _ = store.add_feed("https://fresh.example/rss")
        for feed_id in (hourly, daily, fresh):
            store.record_success(feed_id, status="updated")
        rows = store.feeds_to_fetch()
        later = datetime.now(UTC) + timedelta(hours=2)
        config = Config(feeds=(("https://daily.example/rss", FeedSettings(every=timedelta(1))),))
        due, skipped = split_due(rows, config, later)
        assert [r.id for r in due] == [hourly, fresh]
        assert [r.id for r in skipped] == [daily]
        assert split_due(rows, config, later, all_feeds=True) == (rows, [])


def test_opml_carries_the_settings_both_ways(tmp_path: Path) -> None:
    with open_store(tmp_path / "a.sqlite3") as store:
        store.add_feed(
            "https://e.com/rss", name="E", topic="Tech", every=timedelta(hours=6), limit=20
        )
        store.add_feed("https://plain.example/rss")
        text = export_opml(store)
        configured = Config(feeds=(("https://e.com/rss", FeedSettings(full_text="no")),))
        with_config = export_opml(store, configured)
    assert 'digestEvery="6h" digestLimit="20"' in text and "digestFullText" not in text
    assert 'digestFullText="no"' in with_config
    outlines = read_opml(text.encode())
    assert outlines[0].extra == (("digestEvery", "6h"), ("digestLimit", "20"))
    assert outlines[1].extra == ()
    opml = tmp_path / "subs.opml"
    opml.write_text(with_config, encoding="utf-8")
    with open_store(tmp_path / "b.sqlite3") as other:
        import_opml(other, opml)
        settings = {f.url: other.feed_health()[f.id].settings for f in other.feeds()}
    assert settings == {
        "https://e.com/rss": FeedSettings(timedelta(hours=6), 20, "Tech", "no"),
        "https://plain.example/rss": FeedSettings(),
    }


def test_opml_settings_digest_cannot_read_are_left_out(tmp_path: Path) -> None:
    opml = tmp_path / "odd.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="X" xmlUrl="https://x.example/rss" '
        'digestEvery="soon" digestLimit="-4" digestFullText="perhaps"/></body></opml>',
        encoding="utf-8",
    )
    with open_store(tmp_path / "s.sqlite3") as store:
        assert import_opml(store, opml).added == 1
        assert store.feed_health()[store.feeds()[0].id].settings == FeedSettings()


def test_a_failing_feed_says_since_when_and_why() -> None:
    from digest.feedreport import describe_feed
    from digest.models import FeedInfo
    from digest.store import FeedHealth

    feed = FeedInfo(
        1, "https://e.com/rss", "E", None, "error", "server said 503", 12, NOW, failures=4
    )
    health = FeedHealth(FeedSettings(every=timedelta(hours=6)), NOW - timedelta(days=2), None)
    text = describe_feed(feed, health, Config(), NOW + timedelta(hours=1))
    assert text.splitlines() == [
        "E",
        "  https://e.com/rss",
        "  every 6h, all items, topic from each article, full text auto",
        "  FAILING since 2026-11-26 12:00 UTC (for 2 days), 4 failed fetches in a row: "
        "server said 503",
    ]
    ok = FeedInfo(1, "https://e.com/rss", None, "Tech", "not_modified", None, 3, NOW)
    tech = FeedHealth(FeedSettings(every=timedelta(hours=6), topic="Tech"), None, None)
    text = describe_feed(ok, tech, Config(), NOW + timedelta(hours=1))
    assert text.splitlines()[0] == "https://e.com/rss [Tech]"
    assert text.splitlines()[-1] == (
        "  ok, last fetched 1 h ago, 3 articles; next due at 2026-11-28 17:55 UTC"
    )


def test_the_readme_settings_block_is_a_valid_config(tmp_path: Path) -> None:
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("All settings with their defaults:")[1].split("```toml")[1]
    path = tmp_path / "config.toml"
    path.write_text(block.split("```")[0], encoding="utf-8")
    config = load_config(path)
    assert config.feed_settings("https://example.com/rss").every == timedelta(hours=2)
    assert config.filters.title_regex == (r"^\[Ad\]",)
