"""Crashes and concurrency: `digest fetch` killed with SIGKILL at random moments, then two fetches
at once, over 250 feeds of 40 items served on 127.0.0.1.

After every kill the store must pass `PRAGMA integrity_check`, hold no fewer articles than before,
and never hold a feed's ETag without that feed's articles (the next fetch would get 304 and never
download them). At the end, two concurrent fetches both succeed and all 10,000 articles are there.
Set DIGEST_CRASH_SEED to replay the kill moments of a failed run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from feedserver import FeedServer

FEEDS = 250
ITEMS = 40
# Windows for the three kills, as fractions of an uninterrupted fetch's time.
KILL_WINDOWS = ((0.1, 0.3), (0.15, 0.4), (0.2, 0.45))


def _feed(number: int) -> bytes:
    items = []
    for item in range(ITEMS):
        text = " ".join(
            f"Sentence {k} of report {item} from outlet {number} tells of event {k * item % 17}."
            for k in range(6)
        )
        items.append(
            f"<item><title>Report {item} from outlet {number}</title>"
            f"<link>https://outlet{number}.example/{item}</link><guid>o{number}-{item}</guid>"
            f"<pubDate>Fri, 27 Nov 2026 {item % 24:02d}:{number % 60:02d}:00 GMT</pubDate>"
            f"<description>{text}</description></item>"
        )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet {number}</title>'
        f"<link>https://outlet{number}.example/</link><description>sample</description>"
        f"{''.join(items)}</channel></rss>"
    ).encode()


@pytest.fixture
def opml(tmp_path: Path, feed_server: FeedServer) -> Path:
    """An OPML file of FEEDS feeds, each served with an ETag and a Last-Modified."""
    outlines = []
    for number in range(FEEDS):
        path = f"/outlet{number}.xml"
        feed_server.add(
            path,
            _feed(number),
            etag=f'"v{number}"',
            last_modified="Fri, 27 Nov 2026 23:00:00 GMT",
        )
        outlines.append(
            f'<outline type="rss" text="Outlet {number}" xmlUrl="{feed_server.url(path)}"/>'
        )
    file = tmp_path / "outlets.opml"
    file.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>outlets</title></head><body>'
        + "".join(outlines)
        + "</body></opml>",
        encoding="utf-8",
    )
    return file


@pytest.fixture
def sessions() -> Iterator[list[int]]:
    """Process groups of the fetches a test starts; whatever is left of them is ended after it."""
    started: list[int] = []
    yield started
    for group in started:
        try:
            os.killpg(group, signal.SIGKILL)
        except ProcessLookupError:
            pass


def _digest(home: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest", "--home", str(home), *argv],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _start_fetch(home: Path, sessions: list[int], log: Path) -> subprocess.Popen[bytes]:
    """Start `digest fetch`, its output going to `log` (not a pipe, which the workers of a
    killed fetch would hold open) and in a session of its own, so the test can end them."""
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "digest", "--home", str(home), "fetch"],
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    sessions.append(process.pid)
    return process


def _state(store: Path) -> dict[str, int]:
    """Integrity and counts, read as the next digest would (replaying the WAL)."""
    db = sqlite3.connect(store, timeout=30)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        assert integrity == [("ok",)], integrity
        articles = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        fetched = db.execute(
            "SELECT count(*) FROM feeds WHERE etag IS NOT NULL OR last_modified IS NOT NULL"
        ).fetchone()[0]
        validators_without_articles = db.execute(
            "SELECT count(*) FROM feeds f WHERE (etag IS NOT NULL OR last_modified IS NOT NULL)"
            " AND (SELECT count(*) FROM articles a WHERE a.feed_id = f.id) < ?",
            (ITEMS,),
        ).fetchone()[0]
    finally:
        db.close()
    return {
        "articles": articles,
        "fetched": fetched,
        "validators_without_articles": validators_without_articles,
    }


def test_killed_fetches_leave_a_whole_store_and_later_fetches_finish_the_work(
    tmp_path: Path, opml: Path, sessions: list[int]
) -> None:
    seed = int(os.environ.get("DIGEST_CRASH_SEED") or time.time_ns() % 1_000_000)
    chance = random.Random(seed)
    print(f"DIGEST_CRASH_SEED={seed}")

    # An uninterrupted fetch, to time the kills by.
    reference = tmp_path / "reference"
    assert _digest(reference, "import", str(opml)).returncode == 0
    started = time.monotonic()
    whole = _digest(reference, "fetch")
    duration = time.monotonic() - started
    assert whole.returncode == 0, whole.stderr
    assert _state(reference / "digest.sqlite3")["articles"] == FEEDS * ITEMS
    print(f"uninterrupted fetch: {duration:.1f} s")

    home = tmp_path / "home"
    store = home / "digest.sqlite3"
    assert _digest(home, "import", str(opml)).returncode == 0
    before = _state(store)
    killed = 0
    for number, (low, high) in enumerate(KILL_WINDOWS):
        delay = chance.uniform(low, high) * duration
        fetch = _start_fetch(home, sessions, tmp_path / f"killed{number}.log")
        try:
            fetch.wait(timeout=delay)
        except subprocess.TimeoutExpired:
            fetch.send_signal(signal.SIGKILL)
            killed += 1
        fetch.wait(timeout=30)
        # Worker processes of the killed fetch may live on; the next fetch must not mind them.
        after = _state(store)
        print(f"killed after {delay:.2f} s: {after}")
        assert after["validators_without_articles"] == 0, after
        assert after["articles"] >= before["articles"], (before, after)
        assert after["fetched"] >= before["fetched"], (before, after)
        before = after
    assert killed >= 2, "the fetches ended before they could be killed: nothing was tested"

    first = _start_fetch(home, sessions, tmp_path / "first.log")
    second = _start_fetch(home, sessions, tmp_path / "second.log")
    assert first.wait(timeout=120) == 0, (tmp_path / "first.log").read_text()
    assert second.wait(timeout=120) == 0, (tmp_path / "second.log").read_text()
    output = (tmp_path / "first.log").read_text() + (tmp_path / "second.log").read_text()
    assert "Traceback" not in output
    assert "another digest fetch is running" in output, "the two fetches did not overlap"
    final = _state(store)
    assert final == {"articles": FEEDS * ITEMS, "fetched": FEEDS, "validators_without_articles": 0}


def _group_members(group: int) -> list[int]:
    """Live processes (not zombies) in process group `group`, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if fields[0] != "Z" and int(fields[2]) == group:
            members.append(int(entry.name))
    return members


class _WorkersOutlivedTheFetch(AssertionError):
    """Worker processes of a killed fetch were still running."""


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_killed_fetch_leaves_no_worker_processes(
    tmp_path: Path, opml: Path, sessions: list[int]
) -> None:
    home = tmp_path / "home"
    assert _digest(home, "import", str(opml)).returncode == 0
    fetch = _start_fetch(home, sessions, tmp_path / "fetch.log")
    deadline = time.monotonic() + 30
    while len(_group_members(fetch.pid)) < 2 and fetch.poll() is None:
        assert time.monotonic() < deadline, "the fetch never started its parse workers"
        time.sleep(0.02)
    fetch.send_signal(signal.SIGKILL)
    fetch.wait(timeout=30)
    time.sleep(3)
    left = _group_members(fetch.pid)
    if left:
        raise _WorkersOutlivedTheFetch(f"still running 3 s after the kill: {left}")
