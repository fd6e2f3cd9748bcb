"""`digest doctor`: checking the store, config and backup; repairing a damaged store without losing
what can be read; and a clear message, never a traceback, from every command on a broken store.

Damage is real: pages of a real store overwritten with random bytes, files cut short, garbage,
a folder in the store's place, a write transaction held by another connection.
"""

from __future__ import annotations

import hashlib
import os
import random
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from feedserver import FeedServer

import digest.store as store_module
from digest.cli import main
from digest.config import Config
from digest.doctor import check_store, describe_store_error, diagnose, quick_damage
from digest.errors import StoreError
from digest.lock import fetch_lock
from digest.models import Digest, ParsedEntry, Source, Story, SummarySentence, Topic
from digest.paths import Paths, resolve_paths
from digest.session import ReaderSession
from digest.store import open_store
from digest.subscriptions import write_backup

NOW = datetime.now(UTC).replace(microsecond=0)
ARTICLES = 60  # per feed, with long texts, so the articles table spans many pages


def _entries(feed: str) -> list[ParsedEntry]:
    return [
        ParsedEntry(
            guid=f"{feed}-{n}",
            url=f"https://{feed}.example/{n}",
            title=f"Report {n} from {feed}",
            author=None,
            published=NOW - timedelta(hours=n),
            text=" ".join(f"Sentence {k} of report {n} from {feed}." for k in range(60)),
            categories=("World",),
        )
        for n in range(ARTICLES)
    ]


def _digest() -> Digest:
    source = Source("T", "Outlet", "https://alpha.example/0", NOW, None, article_id=1)
    story = Story("s1", "A story", NOW, [SummarySentence("Sentence 0.", 0)], [source])
    return Digest(NOW, NOW - timedelta(hours=36), NOW, "Verify.", [Topic("World", [story])])


@pytest.fixture
def paths(tmp_path: Path) -> Paths:
    """A home with three feeds (one removed), marked articles, two digests and a backup."""
    paths = resolve_paths(tmp_path / "home")
    paths.ensure()
    with open_store(paths.store_file) as store:
        alpha, _ = store.add_feed(
            "https://alpha.example/feed", name="Alpha", topic="Science", full_text=True
        )
        beta, _ = store.add_feed("https://beta.example/feed")
        gone, _ = store.add_feed("https://gone.example/feed")
        for feed_id, feed in ((alpha, "alpha"), (beta, "beta"), (gone, "gone")):
            store.record_success(
                feed_id, status="updated", entries=_entries(feed), title=feed.title(), etag='"e"'
            )
        ids = {a.guid: a.id for a in store.articles(NOW - timedelta(days=9), NOW)}
        store.set_marks([ids[f"alpha-{n}"] for n in range(5)], read=True)
        store.set_marks([ids["alpha-1"], ids["beta-7"], ids["beta-8"]], starred=True)
        store.set_marks([ids["gone-3"]], starred=True)
        store.remove_feed("https://gone.example/feed")
        for _ in range(2):
            store.save_digest(_digest(), window="36h", state="x", keep=5)
        write_backup(store, paths.opml_backup)
    return paths


def _run(capsys: pytest.CaptureFixture[str], paths: Paths, *argv: str) -> tuple[int, str, str]:
    code = main(["--home", str(paths.data_dir), *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _digest_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _pages(path: Path, name: str, kind: str) -> tuple[int, list[int]]:
    """The page size and the numbers of the `kind` pages ('leaf', 'internal') of table `name`."""
    db = sqlite3.connect(path)
    try:
        size = db.execute("PRAGMA page_size").fetchone()[0]
        rows = db.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = ? ORDER BY pageno",
            (name, kind),
        ).fetchall()
    finally:
        db.close()
    return size, [r[0] for r in rows]


def _smash(path: Path, pages: list[int], page_size: int) -> None:
    """Overwrite those pages with random bytes, as a bad disk or a stray write would."""
    noise = random.Random(7)
    with path.open("r+b") as handle:
        for page in pages:
            handle.seek((page - 1) * page_size)
            handle.write(noise.randbytes(page_size))


def _rows(path: Path, query: str) -> list[tuple[object, ...]]:
    db = sqlite3.connect(path)
    try:
        return db.execute(query).fetchall()
    finally:
        db.close()


def _damaged_files(paths: Paths) -> list[Path]:
    """The stores moved aside (without their -wal and -shm)."""
    moved = paths.data_dir.glob(paths.store_file.name + ".damaged-*")
    return sorted(p for p in moved if not p.name.endswith(("-wal", "-shm")))


# Checking


def test_doctor_reports_a_healthy_home(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = _run(capsys, paths, "doctor")
    assert code == 0
    assert f"store   {paths.store_file}" in out
    schema = store_module.SCHEMA_VERSION
    assert f"integrity ok, schema {schema} (current); 3 feeds, 180 articles, 2 digests." in out
    assert "no config file: the defaults are used." in out
    assert f"backup  {paths.opml_backup}\n        ok: lists 2 feeds." in out


def test_doctor_names_a_bad_config_and_a_bad_backup(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.config_file.write_text("[fetch]\nconcurrency = 'lots'\n", encoding="utf-8")
    paths.opml_backup.write_bytes(b"\x00 not opml")
    code, out, _ = _run(capsys, paths, "doctor")
    assert code == 1
    config_line = out.split("config  ", 1)[1].splitlines()[1]
    assert "PROBLEM" in config_line and "concurrency" in config_line and "lots" in config_line
    assert "PROBLEM" in out.split("backup  ", 1)[1]
    assert "integrity ok" in out


def test_index_damage_is_found_by_the_integrity_check(paths: Paths) -> None:
    size, pages = _pages(paths.store_file, "articles_published", "leaf")
    _smash(paths.store_file, pages[:3], size)
    health = check_store(paths.store_file)
    assert health.state == "damaged"
    assert "quick_check" in health.detail or "integrity_check" in health.detail


def test_a_store_from_a_newer_digest_is_left_alone(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    db = sqlite3.connect(paths.store_file)
    db.execute("PRAGMA user_version = 99")
    db.close()
    before = _digest_of(paths.store_file)
    code, out, _ = _run(capsys, paths, "doctor")
    assert code == 1 and "upgrade digest" in out
    code, _, err = _run(capsys, paths, "doctor", "--repair")
    assert code == 1 and "upgrade digest" in err
    assert _digest_of(paths.store_file) == before
    assert not _damaged_files(paths)


# Broken stores: every command says what is wrong and where to go


def _break(paths: Paths, kind: str) -> None:
    store = paths.store_file
    if kind == "garbage":
        store.write_bytes(random.Random(1).randbytes(50_000))
    elif kind == "truncated":
        with store.open("r+b") as handle:
            handle.truncate(store.stat().st_size // 3)
    elif kind == "folder":
        store.unlink()
        store.mkdir()
        (store / "something").write_text("kept", encoding="utf-8")
    elif kind == "bad pages":
        size, pages = _pages(store, "articles", "leaf")
        _smash(store, pages[len(pages) // 3 : len(pages) // 3 + 6], size)


COMMANDS = [
    ["feeds"],
    ["feeds", "--json"],
    ["fetch"],
    ["show"],
    ["show", "--offline"],
    ["history"],
    ["export"],
    ["add", "https://new.example/feed"],
    ["remove", "https://beta.example/feed"],
]


@pytest.mark.parametrize("kind", ["garbage", "truncated", "folder"])
def test_every_command_on_a_broken_store_points_at_doctor(
    paths: Paths, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(paths, kind)
    opml = paths.data_dir / "more.opml"
    opml.write_bytes(paths.opml_backup.read_bytes())
    for argv in [*COMMANDS, ["import", str(opml)]]:
        code, _, err = _run(capsys, paths, *argv)
        assert code == 1, argv
        assert str(paths.store_file) in err, argv
        assert "`digest doctor --repair`" in err, argv
        assert "Traceback" not in err


def test_reads_that_meet_a_damaged_page_are_clear_messages(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(paths, "bad pages")
    for argv in COMMANDS:
        code, out, err = _run(capsys, paths, *argv)
        # A command that never reads the damaged pages may still succeed; none may crash.
        assert code in (0, 1), argv
        if code == 1:
            assert str(paths.store_file) in err and "digest doctor" in err, (argv, err)
    assert _run(capsys, paths, "show")[0] == 1
    session = ReaderSession(paths, Config())
    with pytest.raises(StoreError, match="digest doctor --repair"):
        session.build()


# Repairing


def test_repair_leaves_a_healthy_store_alone(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _digest_of(paths.store_file)
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0 and out.startswith("nothing to repair.")
    assert _digest_of(paths.store_file) == before
    assert not _damaged_files(paths)


def test_repair_carries_everything_over_when_only_an_index_is_damaged(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    size, pages = _pages(paths.store_file, "articles_published", "leaf")
    _smash(paths.store_file, pages[:3], size)
    damaged = _digest_of(paths.store_file)
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0, out
    assert "carried over 3 feeds, 180 articles (5 read, 4 starred) and 2 stored digests" in out
    [kept] = _damaged_files(paths)
    assert _digest_of(kept) == damaged, "the damaged file is kept exactly as it was"
    assert check_store(paths.store_file).state == "ok"
    with open_store(paths.store_file) as store:
        feeds = {f.url: f for f in store.feeds()}
        assert set(feeds) == {"https://alpha.example/feed", "https://beta.example/feed"}
        alpha = feeds["https://alpha.example/feed"]
        assert (alpha.name, alpha.topic, alpha.full_text, alpha.title) == (
            "Alpha",
            "Science",
            True,
            "Alpha",
        )
        # Validators are not carried over: the next fetch must download every feed in full.
        assert all(row.etag is None for row in store.feeds_to_fetch())
        assert len(store.snapshots()) == 2
    starred = _rows(paths.store_file, "SELECT guid FROM articles WHERE starred ORDER BY guid")
    assert [r[0] for r in starred] == ["alpha-1", "beta-7", "beta-8", "gone-3"]
    assert _rows(paths.store_file, "SELECT count(*) FROM articles WHERE read")[0][0] == 5


def test_repair_keeps_what_it_can_read_of_a_damaged_table(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(paths, "bad pages")
    assert check_store(paths.store_file).state == "damaged"
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0, out
    assert "integrity ok" in out
    articles = _rows(paths.store_file, "SELECT count(*) FROM articles")[0][0]
    assert 0 < articles < 180
    assert len(_rows(paths.store_file, "SELECT id FROM feeds")) == 3
    with open_store(paths.store_file) as store:
        assert {f.name for f in store.feeds()} >= {"Alpha"}


def test_repair_reads_the_wal_of_a_crashed_store_and_keeps_both_files(
    paths: Paths, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A crash leaves a committed change in the WAL only; then the main file goes bad.
    size, pages = _pages(paths.store_file, "articles_published", "leaf")
    live = sqlite3.connect(paths.store_file, isolation_level=None)
    live.execute("PRAGMA wal_autocheckpoint = 0")
    live.execute("UPDATE articles SET starred = 1 WHERE guid = 'beta-20'")
    crashed = resolve_paths(tmp_path / "crashed")
    crashed.ensure()
    for suffix in ("", "-wal"):
        source = Path(str(paths.store_file) + suffix)
        Path(str(crashed.store_file) + suffix).write_bytes(source.read_bytes())
    live.close()
    crashed.opml_backup.write_bytes(paths.opml_backup.read_bytes())
    _smash(crashed.store_file, pages[:2], size)
    originals = {s: _digest_of(Path(str(crashed.store_file) + s)) for s in ("", "-wal")}
    assert check_store(crashed.store_file).state == "damaged"
    assert {s: _digest_of(Path(str(crashed.store_file) + s)) for s in ("", "-wal")} == originals
    code, out, _ = _run(capsys, crashed, "doctor", "--repair")
    assert code == 0, out
    [kept] = _damaged_files(crashed)
    assert _digest_of(kept) == originals[""]
    assert _digest_of(Path(str(kept) + "-wal")) == originals["-wal"]
    starred = _rows(crashed.store_file, "SELECT guid FROM articles WHERE starred ORDER BY guid")
    assert [r[0] for r in starred] == ["alpha-1", "beta-20", "beta-7", "beta-8", "gone-3"]


@pytest.mark.parametrize("kind", ["garbage", "truncated", "folder"])
def test_repair_of_an_unreadable_store_brings_subscriptions_back_from_the_backup(
    paths: Paths, kind: str, capsys: pytest.CaptureFixture[str]
) -> None:
    _break(paths, kind)
    before = _digest_of(paths.store_file) if paths.store_file.is_file() else "folder"
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0, out
    [kept] = _damaged_files(paths)
    if kind == "folder":
        assert (kept / "something").read_text(encoding="utf-8") == "kept"
    else:
        assert _digest_of(kept) == before
    with open_store(paths.store_file) as store:
        feeds = {f.url: f for f in store.feeds()}
    assert set(feeds) == {"https://alpha.example/feed", "https://beta.example/feed"}
    assert (
        feeds["https://alpha.example/feed"].name,
        feeds["https://alpha.example/feed"].topic,
    ) == (
        "Alpha",
        "Science",
    )
    assert _run(capsys, paths, "feeds")[0] == 0


def test_repair_of_a_missing_store_uses_the_backup(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.store_file.unlink()
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0
    assert "2 feeds came back from the OPML backup" in out
    paths.store_file.unlink()
    paths.opml_backup.unlink()
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0 and out.startswith("nothing to repair.")


def test_after_repair_the_next_fetch_downloads_everything_and_keeps_the_marks(
    tmp_path: Path, feed_server: FeedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    items = "".join(
        f"<item><title>Item {n}</title><guid>i{n}</guid><link>https://w.example/{n}</link>"
        f"<description>Text {n}.</description></item>"
        for n in range(5)
    )
    feed_server.add(
        "/w.xml",
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>W</title>'
        f"<link>https://w.example/</link><description>d</description>{items}</channel></rss>".encode(),
        etag='"w1"',
    )
    paths = resolve_paths(tmp_path / "w")
    assert _run(capsys, paths, "add", feed_server.url("/w.xml"))[0] == 0
    with open_store(paths.store_file) as store:
        store.set_marks([a.id for a in store.articles(NOW - timedelta(days=30), NOW)], read=True)
    # The articles' pages become unreadable; only the subscription survives.
    db = sqlite3.connect(paths.store_file)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    size, pages = _pages(paths.store_file, "articles", "leaf")
    _smash(paths.store_file, pages, size)
    code, out, _ = _run(capsys, paths, "doctor", "--repair")
    assert code == 0, out
    code, out, _ = _run(capsys, paths, "fetch", "--json")
    assert code == 0
    assert '"status": "updated"' in out and '"new": 5' in out
    assert _rows(paths.store_file, "SELECT count(*) FROM articles")[0][0] == 5


# Locked, busy and read-only stores


def test_a_store_held_by_a_writer_is_reported_and_not_repaired(
    paths: Paths, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_module, "_BUSY_TIMEOUT_MS", 200)
    writer = sqlite3.connect(paths.store_file, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        code, out, _ = _run(capsys, paths, "doctor")
        assert code == 1 and "BUSY" in out and "wait for it to finish" in out
        code, _, err = _run(capsys, paths, "doctor", "--repair")
        assert code == 1 and str(paths.store_file) in err and "cannot be repaired now" in err
        code, _, err = _run(capsys, paths, "add", "https://new.example/feed")
        assert code == 1
        assert str(paths.store_file) in err and "busy" in err and "try again" in err
        assert _run(capsys, paths, "feeds")[0] == 0, "reading never waits for a writer"
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert not _damaged_files(paths)


def test_a_damaged_store_open_in_another_program_is_not_moved(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    size, pages = _pages(paths.store_file, "articles_published", "leaf")
    _smash(paths.store_file, pages[:2], size)
    before = _digest_of(paths.store_file)
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sqlite3, sys; db = sqlite3.connect(sys.argv[1]);"
            "db.execute('SELECT count(*) FROM feeds').fetchone(); print('open', flush=True);"
            "sys.stdin.readline()",
            str(paths.store_file),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    with reader:
        assert reader.stdout is not None and reader.stdin is not None
        assert reader.stdout.readline().strip() == "open"
        code, _, err = _run(capsys, paths, "doctor", "--repair")
        reader.stdin.close()
    assert code == 1 and "has it open: close it" in err
    assert _digest_of(paths.store_file) == before
    assert not _damaged_files(paths)
    assert _run(capsys, paths, "doctor", "--repair")[0] == 0, "once closed, it is repaired"


def test_repair_waits_for_no_fetch(paths: Paths, capsys: pytest.CaptureFixture[str]) -> None:
    _break(paths, "garbage")
    with fetch_lock(paths.data_dir, wait=False):
        code, _, err = _run(capsys, paths, "doctor", "--repair")
    assert code == 1 and "a fetch is running" in err
    assert not _damaged_files(paths)
    assert diagnose(paths).store.state == "damaged"


def test_a_read_only_store_error_names_the_file_and_the_fix(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        db.execute("INSERT INTO t VALUES (1)")
    db.close()
    message = describe_store_error(path, raised.value)
    assert str(path) in message and "check its permissions" in message


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through file permissions")
def test_a_read_only_store_file_gives_a_clear_message(
    paths: Paths, capsys: pytest.CaptureFixture[str]
) -> None:
    paths.store_file.chmod(0o444)
    try:
        code, _, err = _run(capsys, paths, "add", "https://new.example/feed")
        assert code == 1 and str(paths.store_file) in err and "permissions" in err
    finally:
        paths.store_file.chmod(0o644)


def test_quick_damage_sees_garbage_and_a_cut_short_file(paths: Paths) -> None:
    assert quick_damage(paths.store_file) is None
    _break(paths, "truncated")
    assert "cut short" in (quick_damage(paths.store_file) or "")
    paths.store_file.write_bytes(b"")
    assert quick_damage(paths.store_file) is None, "an empty file is a new database"
    paths.store_file.write_bytes(b"hello, not a database" * 10)
    assert "not an SQLite database" in (quick_damage(paths.store_file) or "")
