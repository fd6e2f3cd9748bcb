"""Main-text extraction from article pages: quality, speed, memory, hostile input (not a test).

Pages come from `article_pages.py`: CNN/DailyMail and BBC News articles of the development sets
wrapped in six site layouts full of boilerplate. For each extractor, in a process of its own:

- recall: the article's sentences found in the output (after folding case and punctuation);
- precision: the output's sentences of four words or more that are article sentences (the title
  and byline count as neither);
- leaks: pages where any boilerplate text of four words or more survives, and which kinds leak;
- time per page, the import time (fresh interpreter, best of three), the memory added by the
  import and the peak while extracting;
- hostile pages: none may raise, and time must grow about linearly with size.

    python benchmarks/extract.py [--data DIR] [--pages 240] [--only NAME ...]
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import statistics
import subprocess
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _common import DATA, read_jsonl, sample
from article_pages import HELD_OUT, LAYOUTS, Page, build_page

from digest.analysis.sentences import split_sentences
from digest.analysis.text import html_to_text

_IMPORTS = {
    "breadability": "breadability.readable",
    "readability-lxml": "readability",
    "trafilatura": "trafilatura",
    "digest": "digest.fulltext.extract",
}
_NON_WORD = re.compile(r"[\W_]+")


def _extractor(name: str) -> Callable[[str, str], str]:
    """Plain text out of a page, by each candidate (imported here, inside the worker)."""
    if name == "breadability":
        from breadability.readable import Article

        return lambda page, url: html_to_text(Article(page, url=url).readable)
    if name == "readability-lxml":
        from readability import Document

        return lambda page, url: html_to_text(Document(page, url=url).summary(html_partial=True))
    if name.startswith("trafilatura"):
        import trafilatura

        precise = name.endswith("precision")
        return lambda page, url: (
            trafilatura.extract(
                page, url=url, include_comments=False, favor_precision=precise, deduplicate=False
            )
            or ""
        )
    if name == "digest":
        from digest.fulltext.extract import extract_text

        return lambda page, url: extract_text(page.encode(), url, "text/html; charset=utf-8") or ""
    raise SystemExit(f"unknown extractor {name}")


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKC", text).lower().replace("’", "'")
    return " " + " ".join(_NON_WORD.sub(" ", folded.replace("'", "")).split()) + " "


def load_pages(data: Path, count: int) -> list[Page]:
    """`count` pages, half CNN/DailyMail (at most all 106) and the rest BBC News, layouts in
    turn."""
    cnn = read_jsonl(data / "summ_cnndm.jsonl")
    bbc = read_jsonl(data / "bbc_news.jsonl")
    others = [(row["title"], split_sentences(row["article"])[0]) for row in bbc[::7]]
    articles: list[tuple[str, list[str]]] = []
    for row in sample(cnn, count // 2):
        sentences = row["article_sentences"]
        paragraphs = [" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2)]
        title = row["reference"].split(" . ")[0].strip(" .")
        articles.append((title, paragraphs))
    for row in sample(bbc, count - len(articles)):
        paragraphs = [p.strip() for p in row["article"].split("\n\n") if p.strip()]
        articles.append((row["title"], paragraphs))
    pages = []
    for index, (title, paragraphs) in enumerate(articles):
        own = _norm(" ".join(paragraphs))
        cards = [card for card in others if _norm(card[1]) not in own and card[0] != title]
        layout = LAYOUTS[index % len(LAYOUTS)]
        pages.append(build_page(title, paragraphs, cards, layout, seed=index))
    return pages


def score(page: Page, text: str) -> dict[str, Any]:
    """Recall, precision counts and leaked boilerplate kinds of one output."""
    out = _norm(text)
    article = _norm(" ".join(page.paragraphs))
    gold = [s for p in page.paragraphs for s in split_sentences(p) if _norm(s).strip()]
    found = sum(_norm(s) in out for s in gold)
    neutral = [_norm(n) for n in page.neutral]
    good = bad = 0
    for sentence in split_sentences(text):
        norm = _norm(sentence)
        if len(norm.split()) < 4 or any(norm in n or n in norm for n in neutral):
            continue
        if norm in article:
            good += 1
        else:
            bad += 1
    leaks = sorted(
        kind
        for kind, texts in page.boilerplate.items()
        if any(_leaked(_norm(t), article, out) for t in texts)
    )
    return {"recall": found / len(gold), "good": good, "bad": bad, "leaks": leaks}


def _leaked(text: str, article: str, out: str) -> bool:
    """Whether boilerplate `text` (normalized) is in `out`, even glued to its neighbours."""
    words = text.split()
    if len(words) < 4 or text in article:
        return False
    # Inline elements run together as browsers show them ("...Exel sharesShares in..."), so
    # a longer text counts without its first and last word.
    inner = " " + " ".join(words[1:-1]) + " " if len(words) >= 6 else text
    return inner in out


def _hostile_cases(paragraph: str) -> dict[str, Callable[[int], str]]:
    """Name -> a page of roughly `n` units of hostile content."""
    para = f"<p>{paragraph}</p>"
    return {
        "huge page (n x 1 KB paragraphs)": lambda n: (
            "<html><body><article>" + para * n + "</article></body></html>"
        ),
        "deep nesting (n divs, closed)": lambda n: "<div>" * n + para + "</div>" * n,
        "deep nesting (n divs, unclosed)": lambda n: "<body>" + "<div><span>" * n + para,
        "tag soup (n '<a' runs)": lambda n: para + "<a" * (n * 50) + para,
        "unclosed quotes (n)": lambda n: para + '<p class="x>' * (n * 20) + para,
        "script and style (n x 4 KB)": lambda n: (
            "<body>"
            + ("<script>var a='<p>x</p>';" + "y" * 4000 + "</script><style>p{}</style>") * n
            + para
            + "</body>"
        ),
        "control and bidi (n paragraphs)": lambda n: (
            "<article>"
            + (f"<p>\x1b[31m\u202e{paragraph}\x00\x07\u2066\x9b2J</p>") * n
            + "</article>"
        ),
        "nested tables (n, unclosed)": lambda n: "<table><tr><td>" * n + para,
    }


def _hostile(extract: Callable[[str, str], str], paragraph: str) -> dict[str, Any]:
    results: dict[str, Any] = {}
    for name, make in _hostile_cases(paragraph).items():
        times = []
        error = None
        for n in (1000, 4000):
            page = make(n)
            start = time.perf_counter()
            try:
                extract(page, "https://example.org/x")
            except Exception as exc:  # what we measure: extractors must not raise
                error = f"{type(exc).__name__}: {str(exc)[:60]}"
            times.append(time.perf_counter() - start)
        results[name] = {"t1": times[0], "t4": times[1], "error": error}
    for page in ("", "   ", "\x00\xff\xfe", "<html>", "plain text, no markup at all"):
        try:
            extract(page, "https://example.org/x")
        except Exception as exc:
            results.setdefault("degenerate", []).append(f"{page[:8]!r}: {type(exc).__name__}")
    return results


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker(name: str, data: Path, count: int) -> dict[str, Any]:
    """Measure one extractor in this process."""
    pages = load_pages(data, count)
    before = _rss_mb()
    extract = _extractor(name)
    after_import = _rss_mb()
    extract(pages[0].html, "https://example.org/warm-up")
    rows = []
    for page in pages:
        start = time.perf_counter()
        text = extract(page.html, "https://example.org/news/story")
        elapsed = time.perf_counter() - start
        rows.append({"layout": page.layout, "seconds": elapsed, **score(page, text)})
    paragraph = " ".join(pages[0].paragraphs)[:1000]
    return {
        "rows": rows,
        "import_mb": after_import - before,
        "peak_mb": _rss_mb() - before,
        "hostile": _hostile(extract, paragraph),
    }


def _import_seconds(module: str) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    runs = [
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True).stdout)
        for _ in range(3)
    ]  # fmt: skip
    return min(runs)


def _quality(rows: list[dict[str, Any]]) -> str:
    good = sum(r["good"] for r in rows)
    bad = sum(r["bad"] for r in rows)
    leaking = sum(bool(r["leaks"]) for r in rows)
    recall = statistics.mean(r["recall"] for r in rows)
    return f"{recall:.3f} | {good / max(1, good + bad):.3f} | {leaking}/{len(rows)}"


def _report(name: str, result: dict[str, Any]) -> None:
    rows = result["rows"]
    kinds = Counter(k for r in rows for k in r["leaks"])
    per_layout = {
        layout: statistics.mean(r["recall"] for r in rows if r["layout"] == layout)
        for layout in LAYOUTS
    }
    print(
        f"| {name} | {_quality([r for r in rows if r['layout'] not in HELD_OUT])} "
        f"| {_quality([r for r in rows if r['layout'] in HELD_OUT])} "
        f"| {statistics.mean(r['seconds'] for r in rows) * 1000:.1f} "
        f"| {result['import_s'] * 1000:.0f} | {result['import_mb']:.0f} | {result['peak_mb']:.0f} |"
    )
    print(f"    recall by layout: {', '.join(f'{k} {v:.2f}' for k, v in per_layout.items())}")
    print(f"    pages leaking, by kind: {dict(kinds.most_common()) or 'none'}")
    empty = sum(r["recall"] == 0 for r in rows)
    print(f"    pages with nothing of the article: {empty}")
    for case, figures in result["hostile"].items():
        if case == "degenerate":
            print(f"    degenerate input raised: {figures}")
            continue
        ratio = figures["t4"] / max(figures["t1"], 1e-6)
        error = f"  RAISED {figures['error']}" if figures["error"] else ""
        print(
            f"    {case}: n=1000 {figures['t1']:.3f} s, n=4000 {figures['t4']:.3f} s "
            f"(x{ratio:.1f}){error}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pages", type=int, default=240)
    parser.add_argument(
        "--only",
        nargs="*",
        default=["breadability", "readability-lxml", "trafilatura", "trafilatura-precision",
                 "digest"],
    )  # fmt: skip
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if not (args.data / "summ_cnndm.jsonl").exists():
        print(f"no development data in {args.data}: nothing to measure", file=sys.stderr)
        return 1
    if args.worker:
        json.dump(worker(args.worker, args.data, args.pages), sys.stdout)
        return 0
    print(f"{args.pages} pages, layouts: {', '.join(LAYOUTS)} (held out: {', '.join(HELD_OUT)})\n")
    print("| extractor | recall | precision | pages leaking | held-out: recall | precision "
          "| pages leaking | ms/page | import ms | import MB | peak MB |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for name in args.only:
        command = [sys.executable, __file__, "--worker", name, "--data", str(args.data)]
        command += ["--pages", str(args.pages)]
        done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
        if done.returncode != 0:
            print(f"| {name} | failed: {done.stderr.strip().splitlines()[-1:]} |")
            continue
        result = json.loads(done.stdout)
        result["import_s"] = _import_seconds(_IMPORTS[name.split("-precision")[0]])
        _report(name, result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
