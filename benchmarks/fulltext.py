"""Full text end to end: teaser feeds whose items link to boilerplate-heavy article pages.

Builds article pages from the development sets (CNN/DailyMail and BBC News, through
`extract.load_pages`: nine layouts with navigation, cookie banners, related links, comments and
footers), and feeds whose items carry only each article's first sentence as a teaser and link to
its page. Serves them on 127.0.0.1, subscribes with `digest add --full-text`, builds the digest
(`show --format json`) and counts:

- stories whose summary quotes the article body beyond the teaser (the target is at least 80%);
- summary sentences found nowhere in their article's body (navigation, banners, related links,
  comments or footers; the target is none).

    python benchmarks/fulltext.py [--pages 120] [--feeds 6] [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import socket
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

import serve
from _common import DATA
from extract import _norm, load_pages

from digest.analysis.sentences import split_sentences

REPO = Path(__file__).resolve().parents[1]


def _digest(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest", "--home", str(home), *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=120)
    parser.add_argument("--feeds", type=int, default=6)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    if not (args.data / "summ_cnndm.jsonl").exists():
        print(f"evaluation data not found in {args.data}; nothing measured")
        return 1
    pages = load_pages(args.data, args.pages)
    now = datetime.now(UTC)
    with tempfile.TemporaryDirectory(prefix="digest-fulltext-") as temp:
        site = Path(temp) / "site"
        site.mkdir()
        for index, page in enumerate(pages):
            (site / f"p{index}.html").write_text(page.html, encoding="utf-8")
        with socket.socket() as probe:  # a free port, so that the feeds can name their pages
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        host = f"http://127.0.0.1:{port}/"
        teasers: dict[str, str] = {}
        for feed in range(args.feeds):
            items = []
            for index in range(feed, len(pages), args.feeds):
                page = pages[index]
                url = f"{host}p{index}.html"
                teaser = split_sentences(page.paragraphs[0])[0]
                teasers[url] = teaser
                date = (now - timedelta(minutes=index)).strftime("%a, %d %b %Y %H:%M:%S GMT")
                items.append(
                    f"<item><title>{escape(page.title)}</title><link>{url}</link>"
                    f"<guid>p{index}</guid><pubDate>{date}</pubDate>"
                    f"<description>{escape(teaser)}</description></item>"
                )
            (site / f"feed{feed}.xml").write_text(
                "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                f"<title>Teasers {feed}</title><link>https://teasers{feed}.example/</link>"
                + "".join(items)
                + "</channel></rss>",
                encoding="utf-8",
            )
        served, thread = serve.start(site, 0.005, port)
        try:
            home = Path(temp) / "home"
            start = time.perf_counter()
            for feed in range(args.feeds):
                added = _digest(home, "add", f"{host}feed{feed}.xml", "--full-text")
                if added.returncode != 0:
                    print(added.stderr)
                    return 1
            fetched = time.perf_counter() - start
            shown = _digest(home, "show", "--since", "30d", "--format", "json")
            feeds = _digest(home, "feeds").stdout
        finally:
            serve.stop(served, thread)
    digest = json.loads(shown.stdout)
    bodies = {f"{host}p{i}.html": _norm(" ".join(page.paragraphs)) for i, page in enumerate(pages)}
    stories = [story for topic in digest["topics"] for story in topic["stories"]]
    beyond = leaks = sentences = 0
    for story in stories:
        deeper = False
        for entry in story["summary"]:
            url = story["sources"][entry["source"]]["url"]
            sentences += 1
            text = _norm(entry["text"])
            if text not in bodies.get(url, ""):
                leaks += 1
                print(f"  not from the article body: {entry['text'][:100]!r}")
            elif text != _norm(teasers.get(url, "")):
                deeper = True
        beyond += deeper
    print(
        f"{len(pages)} pages in {args.feeds} teaser feeds; added with --full-text in "
        f"{fetched:.1f} s; {len(stories)} stories, {sentences} summary sentences"
    )
    print(
        f"stories quoting the article body beyond the teaser: {beyond} of {len(stories)} "
        f"({beyond / max(len(stories), 1):.1%}; target >= 80%)"
    )
    print(f"summary sentences not from the article body: {leaks} (target 0)")
    print("feed health:")
    print("\n".join(line for line in feeds.splitlines() if "full text" in line))
    return 0


if __name__ == "__main__":
    sys.exit(main())
