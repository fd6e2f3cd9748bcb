"""`digest show --since last` (what is new since the previous digest) and `--output FILE`."""

from __future__ import annotations

import json
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cli_run import run

NOW = datetime.now(UTC).replace(microsecond=0)
RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Harbor Gazette</title><link>https://news.example/</link>
<description>test</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://news.example/{guid}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><description>{title}. It happened in the harbor town today.
Officials said more details would follow.</description></item>"""

STORIES = {
    "a": "Ferry timetable changes approved by the council",
    "b": "Lighthouse restoration finished after two years",
    "c": "Fishing fleet returns early as storm approaches",
    "old": "Harbor museum reopens its maritime gallery",
}


def _feed(guids: list[str], hours_ago: dict[str, float] | None = None) -> bytes:
    ages = hours_ago or {}
    items = "".join(
        ITEM.format(
            guid=g,
            title=STORIES[g],
            date=(NOW - timedelta(hours=ages.get(g, 1))).strftime("%a, %d %b %Y %H:%M:%S GMT"),
        )
        for g in guids
    )
    return RSS.format(items=items).encode()


def _titles(out: str) -> set[str]:
    data = json.loads(out)
    return {s["title"] for t in data["topics"] for st in t["stories"] for s in st["sources"]}


def _backdate(home: Path, table: str, column: str, minutes: int) -> None:
    """Move a time column back, as if that had happened a while ago."""
    with sqlite3.connect(home / "digest.sqlite3") as db:
        for row_id, value in db.execute(f"SELECT id, {column} FROM {table}").fetchall():
            moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
            earlier = (moment - timedelta(minutes=minutes)).strftime("%Y-%m-%dT%H:%M:%SZ")
            db.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", (earlier, row_id))


def test_since_last_shows_only_what_is_new(
    feed_server: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    route = feed_server.add("/feed.xml", _feed(["a"]))
    assert run(capsys, "add", feed_server.url("/feed.xml"))[0] == 0

    # No digest yet: the usual window.
    code, out, _ = run(capsys, "show", "--since", "last", "--format", "json")
    assert code == 0 and _titles(out) == {STORIES["a"]}

    # Nothing fetched since: it says so, and stores no empty digest.
    code, out, err = run(capsys, "show", "--since", "last")
    assert code == 0
    assert "nothing new since the previous digest" in err
    assert "No stories in this window." in out
    code, history, _ = run(capsys, "history")
    assert history.count("  last  ") == 1

    # Two new items, one of them long past (a backlog item is not news) and one already known.
    route.body = _feed(["a", "b", "old"], {"old": 24 * 30})
    assert run(capsys, "fetch")[0] == 0
    code, out, _ = run(capsys, "show", "--since", "last", "--format", "json")
    assert _titles(out) == {STORIES["b"]}

    # The reader's own digests count as "the previous digest" too.
    route.body = _feed(["a", "b", "c"])
    run(capsys, "fetch")
    run(capsys, "show", "--since", "36h", "--format", "json")
    code, _, err = run(capsys, "show", "--since", "last", "--format", "json")
    assert "nothing new" in err


def test_since_last_after_a_digest_from_before_the_upgrade(
    feed_server: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    route = feed_server.add("/feed.xml", _feed(["a"]))
    run(capsys, "add", feed_server.url("/feed.xml"))
    run(capsys, "show", "--format", "json")
    with sqlite3.connect(digest_home / "digest.sqlite3") as db:
        db.execute("UPDATE digests SET through_article = NULL")
    # Without the mark, the digest's time decides: articles first seen after it are new.
    _backdate(digest_home, "articles", "first_seen", 10)
    _backdate(digest_home, "digests", "generated_at", 5)
    route.body = _feed(["a", "b"])
    run(capsys, "fetch")
    code, out, _ = run(capsys, "show", "--since", "last", "--format", "json")
    assert code == 0 and _titles(out) == {STORIES["b"]}


def test_since_last_with_a_topic_that_has_nothing_new_is_not_an_error(
    feed_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.add("/feed.xml", _feed(["a"]))
    run(capsys, "add", feed_server.url("/feed.xml"))
    code, out, err = run(capsys, "show", "--since", "last", "--topic", "Sports")
    assert code == 0 and "No stories" in out
    code, out, err = run(capsys, "show", "--since", "last", "--topic", "Sports")
    assert code == 0 and "nothing new" in err and "No stories" in out
    code, _, err = run(capsys, "show", "--since", "36h", "--topic", "Sports")
    assert code == 1 and "sports" in err.lower()


def test_output_writes_the_file_atomically(
    feed_server: Any, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    feed_server.add("/feed.xml", _feed(["a", "b"]))
    run(capsys, "add", feed_server.url("/feed.xml"))
    target = tmp_path / "out" / "digest.md"
    target.parent.mkdir()
    target.write_text("the previous digest\n", encoding="utf-8")
    code, out, _ = run(capsys, "show", "--format", "markdown", "--output", str(target))
    assert code == 0 and out == ""
    written = target.read_text(encoding="utf-8")
    assert written.startswith("# Digest generated") and STORIES["b"] in written
    assert os.listdir(target.parent) == ["digest.md"]  # no temporary file left behind
    _, printed, _ = run(capsys, "show", "--format", "markdown")
    assert printed == written

    for fmt in ("text", "html", "json"):
        path = tmp_path / f"digest.{fmt}"
        assert (
            run(capsys, "show", "--since", "last", "--format", fmt, "--output", str(path))[0] == 0
        )
        assert path.is_file()
    json.loads((tmp_path / "digest.json").read_text(encoding="utf-8"))

    code, _, err = run(capsys, "show", "--output", str(tmp_path / "missing" / "x.txt"))
    assert code == 1 and "cannot write" in err and "Traceback" not in err
    assert not (tmp_path / "missing").exists()
