"""Per-feed settings through the command line: add, feed, feeds, fetch with intervals and limits.

A real store in the test's home and feeds served on 127.0.0.1.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_run import run, run_json

from digest.cli import main

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>https://news.example/</link>
<description>test feed</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://news.example/{guid}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><description>{title}. More words follow here.</description></item>"""


def rss(title: str, items: list[tuple[str, str, datetime]]) -> bytes:
    """A feed with (guid, title, published) items, in the given order."""
    rendered = "".join(
        ITEM.format(guid=g, title=t, date=d.strftime("%a, %d %b %Y %H:%M:%S GMT"))
        for g, t, d in items
    )
    return RSS.format(title=title, items=rendered).encode()


NOW = datetime.now(UTC).replace(microsecond=0)
FIVE = [(f"n{n}", f"Item number {n}", NOW - timedelta(hours=n)) for n in (3, 1, 5, 2, 4)]


def _age_feed(home: Path, url: str, hours: float) -> None:
    """Pretend the feed was last fetched `hours` ago (as a later run would find it)."""
    moment = (datetime.now(UTC) - timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")
    with sqlite3.connect(home / "digest.sqlite3") as db:
        db.execute("UPDATE feeds SET last_fetched = ? WHERE url = ?", (moment, url))


@pytest.fixture
def two_feeds(feed_server: Any) -> Any:
    feed_server.add("/hourly.xml", rss("Hourly", FIVE[:2]))
    feed_server.add("/always.xml", rss("Always", FIVE[2:4]))
    return feed_server


def test_fetch_skips_feeds_not_yet_due_and_all_fetches_them(
    two_feeds: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    hourly, always = two_feeds.url("/hourly.xml"), two_feeds.url("/always.xml")
    assert run(capsys, "add", hourly, "--every", "1h")[0] == 0
    assert run(capsys, "add", always)[0] == 0
    assert two_feeds.hits["/hourly.xml"] == 1

    # Just fetched by `add`: the hourly feed is not due, and is left out of the JSON.
    report = run_json(capsys, "fetch", "--json")
    assert report == {"feeds": [{"url": always, "status": "updated", "new": 0, "error": None}]}
    assert two_feeds.hits["/hourly.xml"] == 1 and two_feeds.hits["/always.xml"] == 2

    code, out, _ = run(capsys, "fetch")
    assert code == 0
    assert "1 feeds: 1 updated" in out and "0 failed" in out
    assert "1 feed not due yet (skipped; `digest fetch --all`" in out
    assert "failed   " not in out

    everything = run_json(capsys, "fetch", "--all", "--json")
    assert [f["url"] for f in everything["feeds"]] == [hourly, always]
    assert two_feeds.hits["/hourly.xml"] == 2

    # An hour later it is due again.
    _age_feed(digest_home, hourly, 1)
    later = run_json(capsys, "fetch", "--json")
    assert [f["url"] for f in later["feeds"]] == [hourly, always]


def test_nothing_due_is_no_failure(two_feeds: Any, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", two_feeds.url("/hourly.xml"), "--every", "2h")
    code, out, _ = run(capsys, "fetch")
    assert code == 0
    assert out.startswith("nothing to fetch: 1 feed not due yet")
    assert run_json(capsys, "fetch", "--json") == {"feeds": []}


def test_limit_keeps_the_newest_items_of_each_fetch(
    feed_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.add("/five.xml", rss("Five", FIVE))
    url = feed_server.url("/five.xml")
    code, out, _ = run(capsys, "add", url, "--limit", "2")
    assert code == 0 and "2 new articles" in out
    data = run_json(capsys, "show", "--since", "7d", "--format", "json")
    titles = {
        s["title"] for t in data["topics"] for story in t["stories"] for s in story["sources"]
    }
    assert titles == {"Item number 1", "Item number 2"}

    # Lifting the limit: the next fetch stores the rest.
    assert run(capsys, "feed", url, "--no-limit")[0] == 0
    assert run_json(capsys, "fetch", "--json")["feeds"][0]["new"] == 3
    assert run_json(capsys, "feeds", "--json")[0]["articles"] == 5


def test_config_limit_and_interval_win_over_the_command_line(
    feed_server: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    feed_server.add("/five.xml", rss("Five", FIVE))
    url = feed_server.url("/five.xml")
    digest_home.mkdir(parents=True)
    (digest_home / "config.toml").write_text(
        f'[feeds."{url}"]\nlimit = 1\nevery = "1d"\ntopic = "Science"\n', encoding="utf-8"
    )
    code, out, err = run(capsys, "add", url, "--limit", "4", "--topic", "Local")
    assert code == 0 and "1 new articles" in out
    assert "config.toml sets limit = 1" in err and "config.toml sets topic" in err
    assert run_json(capsys, "feeds", "--json")[0]["topic"] == "Science"
    _age_feed(digest_home, url, 5)  # past the 4h... but not config's 1d
    code, _, err = run(capsys, "feed", url, "--every", "4h")
    assert 'config.toml sets every = "1d"' in err
    assert run_json(capsys, "fetch", "--json") == {"feeds": []}
    data = run_json(capsys, "show", "--since", "7d", "--format", "json")
    assert [t["name"] for t in data["topics"]] == ["Science"]


def test_feed_shows_and_changes_settings(
    two_feeds: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    url = two_feeds.url("/hourly.xml")
    run(capsys, "add", url, "--full-text", "--topic", "Local")
    code, out, _ = run(capsys, "feed", url)
    assert code == 0
    assert "at every fetch, all items, topic Local, full text yes" in out
    assert "ok, last fetched just now, 2 articles" in out

    code, out, _ = run(
        capsys, "feed", url, "--every", "90m", "--limit", "10", "--full-text", "auto", "--no-topic"
    )
    assert code == 0 and f"changed the settings of {url}" in out
    assert "every 1h30m, newest 10 items, topic from each article, full text auto" in out
    assert "next due at" in out
    assert run_json(capsys, "feeds", "--json")[0]["topic"] is None
    backup = (digest_home / "subscriptions-backup.opml").read_text(encoding="utf-8")
    assert 'digestEvery="1h30m" digestLimit="10" digestFullText="auto"' in backup

    code, out, _ = run(capsys, "feed", url, "--every-default", "--topic", "World")
    assert "at every fetch, newest 10 items, topic World" in out

    code, _, err = run(capsys, "feed", two_feeds.url("/nope.xml"), "--limit", "3")
    assert code == 1 and "not subscribed" in err
    with pytest.raises(SystemExit):
        main(["feed", url, "--every", "soon"])
    assert "not an interval" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["feed", url, "--limit", "3", "--no-limit"])
    capsys.readouterr()


def test_feeds_shows_settings_and_health(
    two_feeds: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    two_feeds.add("/broken.xml", b"oops", status=503)
    run(capsys, "add", two_feeds.url("/always.xml"), "--every", "2h", "--name", "Mine")
    run(capsys, "add", two_feeds.url("/broken.xml"))
    digest_home.joinpath("config.toml").write_text(
        f'[feeds."{two_feeds.url("/always.xml")}"]\nfull_text = false\n'
        '[feeds."https://typo.example/rss"]\nlimit = 3\n',
        encoding="utf-8",
    )
    run(capsys, "fetch")
    code, out, err = run(capsys, "feeds")
    assert code == 0
    mine, broken = out.split("\n\n")
    assert mine.startswith("Mine\n")
    assert "every 2h, all items, topic from each article, full text no (config.toml)" in mine
    assert "ok, last fetched just now, 2 articles; next due at" in mine
    assert "FAILING since " in broken and "2 failed fetches in a row" in broken
    assert "503" in broken
    assert 'config.toml has [feeds."https://typo.example/rss"]' in err

    # The JSON keeps exactly its keys.
    listed = run_json(capsys, "feeds", "--json")
    assert [set(f) for f in listed] == [
        {"url", "title", "topic", "status", "error", "articles", "last_fetched"}
    ] * 2
