"""How fast the reader starts and repaints over a 20,000-article store (a benchmark, not a test).

Builds a store of synthetic articles (200 feeds x 100 articles, all inside the digest window) and a
digest snapshot made from them directly (9 topics x 40 stories, each with 1-4 sources and a
three-sentence summary), so the reader opens it without building. Then runs `python -m digest
--home DIR` in a pseudo-terminal, as a user's terminal would, and times from the moment the process
is started:

- first story: until the first story's headline has been written to the terminal;
- topic keys: from writing "2".."9" and "0" until the first headline of that topic is drawn;
- search: from each keystroke of a query typed after "/" until the list title shows it.

    python benchmarks/reader.py [--runs 5] [--size 120x40] [--keep DIR]
"""

from __future__ import annotations

import argparse
import fcntl
import os
import random
import select
import shutil
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.models import Article, Digest, ParsedEntry, Source, Story, SummarySentence, Topic
from digest.paths import resolve_paths
from digest.store import open_store

FEEDS = 200
PER_FEED = 100
TOPICS = ["World", "Politics", "Business", "Technology", "Science", "Health", "Sports"]
TOPICS += ["Entertainment", "Other"]
STORIES_PER_TOPIC = 40
WORDS = (
    "harbor council river market vote energy grid rail union court budget storm vaccine clinic "
    "league final album festival probe orbit reactor tariff export bridge school water drought "
    "senate minister treaty border port bank rate strike ferry glacier survey museum concert"
).split()
NOW = datetime.now(UTC).replace(microsecond=0)


def _sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(9, 16))
    return " ".join(words).capitalize() + "."


def _headline(rng: random.Random, serial: int) -> str:
    return f"{' '.join(rng.choices(WORDS, k=6)).capitalize()} (no. {serial})"


def build_store(home: Path, seed: int = 7) -> tuple[Digest, int]:
    """Fill `home` with the synthetic store and its snapshot; returns the digest, article count."""
    rng = random.Random(seed)
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        for f in range(FEEDS):
            feed_id, _new = store.add_feed(f"https://feed{f}.example/rss.xml")
            entries = [
                ParsedEntry(
                    guid=f"{f}-{n}",
                    url=f"https://feed{f}.example/{n}",
                    title=_headline(rng, f * PER_FEED + n),
                    author=None,
                    published=NOW - timedelta(minutes=rng.randint(5, 35 * 60)),
                    text=" ".join(_sentence(rng) for _ in range(rng.randint(6, 14))),
                )
                for n in range(PER_FEED)
            ]
            store.record_success(feed_id, status="updated", entries=entries, title=f"Outlet {f}")
        articles = store.articles(NOW - timedelta(days=2), NOW + timedelta(days=1))
        digest = _digest(articles, rng)
        store.save_digest(digest, window="36h", state=store.content_state(), keep=50)
    return digest, len(articles)


def _digest(articles: list[Article], rng: random.Random) -> Digest:
    pool = iter(rng.sample(articles, len(articles)))
    topics = []
    for name in TOPICS:
        stories = []
        for _ in range(STORIES_PER_TOPIC):
            members = [next(pool) for _ in range(rng.randint(1, 4))]
            sources = [
                Source(a.title, a.feed_title, a.url, a.published, None, article_id=a.id)
                for a in members
            ]
            summary = [
                SummarySentence(
                    members[i % len(members)].text.split(". ")[0] + ".", i % len(members)
                )
                for i in range(3)
            ]
            newest = max(a.when for a in members)
            stories.append(Story(f"s{members[0].id}", members[0].title, newest, summary, sources))
        stories.sort(key=lambda s: s.published, reverse=True)
        topics.append(Topic(name, stories))
    disclaimer = "Machine-selected extracts quoted from the linked sources; verify with them."
    return Digest(NOW, NOW - timedelta(hours=36), NOW, disclaimer, topics)


class Terminal:
    """The reader running in a pseudo-terminal; everything it writes is kept as text."""

    def __init__(self, home: Path, columns: int, rows: int) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        env = dict(os.environ, TERM="xterm-256color", COLORTERM="truecolor")
        env.pop("TEXTUAL", None)
        self.started = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "digest", "--home", str(home)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            start_new_session=True,
        )
        os.close(slave)
        self.output = ""

    def wait_for(self, text: str, timeout: float = 15.0) -> float:
        """Seconds until `text` has been written (after what was already read)."""
        start = len(self.output)
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            if text in self.output[max(0, start - len(text)) :]:
                return time.perf_counter()
            self._read(0.05)
        raise TimeoutError(f"{text!r} never appeared")

    def settle(self, quiet: float = 0.3) -> None:
        """Read until the reader has written nothing for `quiet` seconds."""
        while self._read(quiet):
            pass

    def press(self, key: str) -> float:
        """Write `key` as a terminal would; returns when."""
        os.write(self.master, key.encode())
        return time.perf_counter()

    def close(self) -> None:
        self.press("q")
        try:
            self.process.wait(5)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.master)

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:
            return False
        self.output += chunk.decode("utf-8", "replace")
        return bool(chunk)


def _visible(title: str) -> str:
    """A stretch of a headline that fits on screen even when the list cuts it short."""
    return title[:24]


def run_once(
    home: Path, digest: Digest, size: tuple[int, int], query: str
) -> dict[str, list[float]]:
    """One launch: time to first story, then each topic key and each search keystroke (ms)."""
    terminal = Terminal(home, *size)
    times: dict[str, list[float]] = {"first story": [], "topic key": [], "search key": []}
    try:
        first = digest.topics[0].stories[0].title
        seen = terminal.wait_for(_visible(first))
        times["first story"].append((seen - terminal.started) * 1000)
        terminal.settle()
        for number in [*range(2, len(digest.topics) + 1), 0]:
            # A topic's first headline; for 0 (all topics) the highlight stays where it was, so
            # the list's title, which counts every story, is what changes.
            topic = digest.topics[number - 1]
            expected = (
                _visible(topic.stories[0].title) if number else f"Stories {digest.story_count}"
            )
            pressed = terminal.press(str(number))
            seen = terminal.wait_for(expected)
            times["topic key"].append((seen - pressed) * 1000)
            terminal.settle()
        terminal.press("/")
        terminal.settle()
        for end in range(1, len(query) + 1):
            pressed = terminal.press(query[end - 1])
            if query[end - 1] != " ":  # a trailing space does not change the filter
                seen = terminal.wait_for(f"“{query[:end]}”")
                times["search key"].append((seen - pressed) * 1000)
            terminal.settle()
    finally:
        terminal.close()
    return times


def _import_time(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout) * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--size", default="120x40", help="terminal COLUMNSxROWS")
    parser.add_argument("--keep", type=Path, help="build the store here and keep it")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    home = args.keep or Path(tempfile.mkdtemp(prefix="digest-reader-bench-"))
    try:
        began = time.perf_counter()
        digest, count = build_store(home)
        print(
            f"store: {count} articles in {FEEDS} feeds, snapshot of {digest.story_count} stories"
            f" in {len(digest.topics)} topics (built in {time.perf_counter() - began:.1f} s)"
        )
        print(
            f"import textual.app: {_import_time('textual.app'):.0f} ms; "
            f"import digest.tui.app: {_import_time('digest.tui.app'):.0f} ms"
        )
        query = "harbor council"
        totals: dict[str, list[float]] = {}
        for _ in range(args.runs):
            for name, values in run_once(home, digest, (columns, rows), query).items():
                totals.setdefault(name, []).extend(values)
        print(f"terminal {columns}x{rows}, {args.runs} launches (ms):")
        for name, values in totals.items():
            print(
                f"  {name:<12} median {statistics.median(values):6.0f}   "
                f"max {max(values):6.0f}   n={len(values)}"
            )
        print(f"(search query {query!r}, typed after /)")
    finally:
        if args.keep is None:
            shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    main()
