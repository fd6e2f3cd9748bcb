"""Refresh side by side with newsboat, and the digest build, timed (a benchmark, not a test).

Builds a corpus of feeds (corpus.py), serves it on 127.0.0.1 with a fixed delay per request
(serve.py), then, `--runs` times: newsboat (`newsboat -x reload` with `reload-threads N` in a
throwaway cache) cold, second and third reload; digest (`digest fetch --concurrency N` in a fresh
home) cold, second and third fetch. Each under `/usr/bin/time -v` for the peak memory. Prints the
medians and the ratios the issue sets targets for: cold digest/newsboat, and warm, the faster of
the second and third of each. Then times building the digest at about 10,000 and 20,000 articles
and showing the stored one. Skips newsboat, with a message, when it is not installed.

    python benchmarks/refresh.py [--feeds 500] [--items 40] [--delay 0.02] [--concurrency 8]
                                 [--runs 3] [--data DIR] [--no-build]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import serve
from corpus import DATA, build_corpus, feed_name, write_opml

REPO = Path(__file__).resolve().parents[1]
TIME = Path("/usr/bin/time")
TIMEOUT = 900
"""Seconds any one measured command may take before it is killed."""


@dataclass(frozen=True)
class Measured:
    """One command's wall time, peak memory (MB, or None when unknown) and exit status."""

    seconds: float
    peak_mb: float | None
    status: int
    stdout: str


Round = list[tuple[Measured, dict[int, int]]]
"""Cold, second and third reload: each one's measure and the server's answers by status."""


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run `command`, timing it and reading its peak resident memory."""
    report = None
    if TIME.exists():
        handle, name = tempfile.mkstemp(prefix="time-", suffix=".txt")
        os.close(handle)
        report = Path(name)
        command = [str(TIME), "-v", "-o", str(report), *command]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=TIMEOUT, check=False
    )
    seconds = time.perf_counter() - start
    peak: float | None = None
    if report is not None:
        found = re.search(r"Maximum resident set size \(kbytes\): (\d+)", report.read_text())
        peak = int(found.group(1)) / 1024 if found else None
        report.unlink()
    else:
        # The children's maximum so far: exact only when this child is the biggest yet.
        after = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        peak = after / 1024 if after > before else None
    if done.returncode != 0:
        print(f"  ! {' '.join(command[-6:])} exited {done.returncode}: {done.stderr[-500:]}")
    return Measured(seconds, peak, done.returncode, done.stdout)


def _prepare_home(home: Path, concurrency: int) -> None:
    """Allow `concurrency` connections to the one host serving the whole corpus.

    Real subscriptions spread over many hosts, so digest's politeness cap (4 per host) rarely
    binds; here every feed is on 127.0.0.1, and newsboat gets the same number of connections.
    """
    home.mkdir(parents=True, exist_ok=True)
    (home / "config.toml").write_text(f"[fetch]\nper_host = {concurrency}\n", encoding="utf-8")


def _digest(home: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "digest", "--home", str(home), *args]


def run_newsboat(work: Path, urls: list[str], concurrency: int, served: serve.FeedServer) -> Round:
    """Cold, second and third `newsboat -x reload` in a throwaway cache."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    (work / "urls").write_text("".join(u + "\n" for u in urls))
    (work / "config").write_text(f"reload-threads {concurrency}\n")
    env = {**os.environ, "HOME": str(work), "XDG_CONFIG_HOME": str(work / ".config")}
    env["XDG_DATA_HOME"] = str(work / ".local")
    command = ["newsboat", "-x", "reload", "-u", "urls", "-c", "cache.db", "-C", "config"]
    results: Round = []
    for _ in range(3):
        served.take_counts()
        m = measure(command, work, env)
        results.append((m, served.take_counts()))
    return results


def run_digest(work: Path, opml: Path, concurrency: int, served: serve.FeedServer) -> Round:
    """Cold, second and third `digest fetch` in a fresh home, with the articles stored."""
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    _prepare_home(work, concurrency)
    subprocess.run(_digest(work, "import", str(opml)), cwd=REPO, check=True, capture_output=True)
    results: Round = []
    for _ in range(3):
        served.take_counts()
        m = measure(_digest(work, "fetch", "--concurrency", str(concurrency), "--json"), REPO)
        counts = served.take_counts()
        try:
            outcomes = json.loads(m.stdout)["feeds"]
            failed = sum(o["status"] == "error" for o in outcomes)
            if failed:
                errors = {o["error"] for o in outcomes if o["error"]}
                print(f"  ! digest: {failed} feeds failed: {sorted(errors)[:3]}")
        except (ValueError, KeyError):
            print("  ! digest fetch printed no JSON")
        results.append((m, counts))
    return results


def stored_articles(home: Path) -> int:
    """The sum of `articles` over `digest feeds --json`."""
    out = subprocess.run(
        _digest(home, "feeds", "--json"), cwd=REPO, capture_output=True, text=True, check=True
    ).stdout
    return sum(int(feed["articles"]) for feed in json.loads(out))


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _peak(values: list[float | None]) -> str:
    known = [v for v in values if v is not None]
    return f"{_median(known):7.0f}" if known else "      ?"


def _counts(counts: list[dict[int, int]]) -> str:
    last = counts[-1] if counts else {}
    return " ".join(f"{status}x{n}" for status, n in sorted(last.items()))


def print_table(name: str, rounds: list[Round]) -> tuple[float, float] | None:
    """Median seconds and peak MB of each reload; returns (cold, warm) medians."""
    if not rounds:
        return None
    print(f"\n{name}: median of {len(rounds)} runs (last run's answers by HTTP status)")
    print(f"  {'reload':<8}{'seconds':>9}{'peak MB':>9}  {'answers':<12}each run (s)")
    for i, label in enumerate(("cold", "second", "third")):
        each = [r[i][0].seconds for r in rounds]
        peaks = [r[i][0].peak_mb for r in rounds]
        answers = _counts([r[i][1] for r in rounds])
        runs = " ".join(f"{s:.2f}" for s in each)
        print(f"  {label:<8}{_median(each):9.2f}{_peak(peaks):>9}  {answers:<12}{runs}")
    cold = _median([r[0][0].seconds for r in rounds])
    warm = _median([min(r[1][0].seconds, r[2][0].seconds) for r in rounds])
    print(f"  {'warm':<8}{warm:9.2f}           (faster of second and third, median)")
    return cold, warm


def time_builds(
    work: Path, full: Path, served: serve.FeedServer, feeds: int, concurrency: int, runs: int
) -> list[tuple[int, int, float, float, float]]:
    """Build the digest at half and all of the corpus, `runs` times each (the stored digests are
    dropped between runs so that each `show` builds afresh); then time `show` of the stored
    digest and the reader's first story on it. Returns (feeds, articles, build s, show s,
    first story s) with medians.

    `full` is a home that has already fetched the whole corpus; the half gets its own.
    """
    rows: list[tuple[int, int, float, float, float]] = []
    for count in sorted({max(1, feeds // 2), feeds}):
        home = full
        if count < feeds:
            home = work / f"build-{count}"
            opml = work / f"build-{count}.opml"
            write_opml(opml, [served.url(feed_name(f)) for f in range(count)])
            _prepare_home(home, concurrency)
            subprocess.run(
                _digest(home, "import", str(opml)), cwd=REPO, check=True, capture_output=True
            )
            measure(_digest(home, "fetch", "--concurrency", str(concurrency), "--json"), REPO)
        articles = stored_articles(home)
        builds: list[Measured] = []
        for _ in range(max(1, runs)):
            _drop_digests(home)
            builds.append(
                measure(_digest(home, "show", "--since", "30d", "--format", "json"), REPO)
            )
        shown = measure(_digest(home, "show", "--offline", "--format", "json"), REPO)
        first = _first_story_seconds(home)
        build = _median([b.seconds for b in builds])
        rows.append((count, articles, build, shown.seconds, first))
        each = " ".join(f"{b.seconds:.2f}" for b in builds)
        print(
            f"  {count} feeds, {articles} articles: build {build:.2f} s (each {each}; peak "
            f"{max(b.peak_mb or 0 for b in builds):.0f} MB), stored show {shown.seconds:.2f} s, "
            f"reader's first story {first:.2f} s"
        )
    return rows


def _drop_digests(home: Path) -> None:
    with sqlite3.connect(home / "digest.sqlite3") as db:
        db.execute("DELETE FROM digests")


def _first_story_seconds(home: Path) -> float:
    """Seconds from starting the reader in a pseudo-terminal (120x40) until the headline of the
    stored digest's first story is drawn."""
    from reader import Terminal

    shown = subprocess.run(
        _digest(home, "show", "--offline", "--format", "json"),
        cwd=REPO,
        check=True,
        capture_output=True,
        text=True,
    )
    title = json.loads(shown.stdout)["topics"][0]["stories"][0]["title"]
    terminal = Terminal(home, 120, 40)
    try:
        return terminal.wait_for(title[:24], timeout=30) - terminal.started
    finally:
        terminal.close()


def main() -> int:
    """Run the benchmark and print its tables."""
    parser = argparse.ArgumentParser(description="digest vs newsboat: refresh and build times")
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=40)
    parser.add_argument("--delay", type=float, default=0.02, help="seconds per request")
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--data", type=Path, default=DATA, help="text for the corpus")
    parser.add_argument("--no-build", action="store_true", help="skip the build timings")
    args = parser.parse_args()
    newsboat = shutil.which("newsboat")
    if not TIME.exists():
        print("/usr/bin/time is absent: peak memory from getrusage, where it can tell")
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as temp:
        work = Path(temp)
        start = time.perf_counter()
        paths = build_corpus(work / "corpus", args.feeds, args.items, args.data)
        size = sum(p.stat().st_size for p in paths) / 1e6
        text = "eval texts" if (args.data / "bbc_news.jsonl").exists() else "built-in filler"
        print(
            f"corpus: {args.feeds} feeds x {args.items} items, {size:.1f} MB from {text} "
            f"({time.perf_counter() - start:.1f} s); delay {args.delay * 1000:.0f} ms, "
            f"concurrency {args.concurrency}"
        )
        served, thread = serve.start(work / "corpus", args.delay)
        try:
            urls = [served.url(p.name) for p in paths]
            opml = work / "corpus.opml"
            write_opml(opml, urls)
            nb_rounds: list[Round] = []
            dg_rounds: list[Round] = []
            articles: list[int] = []
            for run in range(max(1, args.runs)):
                print(f"run {run + 1}/{args.runs}", flush=True)
                if newsboat:
                    nb_rounds.append(run_newsboat(work / "nb", urls, args.concurrency, served))
                dg_rounds.append(run_digest(work / "dg", opml, args.concurrency, served))
                articles.append(stored_articles(work / "dg"))
            if not newsboat:
                print("newsboat is not on PATH: measuring digest alone")
            version = ""
            if newsboat:
                version = subprocess.run(
                    [newsboat, "-v"], capture_output=True, text=True, check=False
                ).stdout.split(" - ")[0]
            nb = print_table(f"{version} -x reload", nb_rounds)
            dg = print_table("digest fetch", dg_rounds)
            print(f"\ndigest stored {articles} articles (of {args.feeds * args.items})")
            if nb and dg:
                print(f"ratio cold  digest/newsboat: {dg[0] / nb[0]:.2f}  (target <= 0.5)")
                print(f"ratio warm  digest/newsboat: {dg[1] / nb[1]:.2f}  (target <= 0.25)")
            if not args.no_build:
                print(
                    "\ndigest build (show --since 30d --format json, medians), stored show, "
                    "reader's first story:"
                )
                rows = time_builds(
                    work, work / "dg", served, args.feeds, args.concurrency, args.runs
                )
                if len(rows) == 2 and rows[0][2] > 0:
                    growth = rows[1][2] / rows[0][2]
                    print(f"  build growth {rows[1][1]}/{rows[0][1]} articles: {growth:.2f}x")
        finally:
            serve.stop(served, thread)
    return 0


if __name__ == "__main__":
    sys.exit(main())
