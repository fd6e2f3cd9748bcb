"""Which summarizer digest uses by default, measured (not a test).

Every method runs through the same sentence splitter and is scored with rouge-score (ROUGE-1/2/Lsum
F1 x 100, stemmed) on the development sets in ../shared/data/eval:

- CNN/DailyMail, 3 sentences against the reference highlights: `digest.summarize`, Lead-3 (by the
  set's own sentences and by ours) and sumy's LexRank, Luhn, TextRank and LSA;
- AllSides, as many sentences as sources against the neutral editor's roundup:
  `digest.summarize_story`, the first sentence of each source and the same sumy methods over all
  of a story's sentences.

Each line gives the time the method took over the whole set, and the last part times
`digest.summarize` over 1,000 CNN/DailyMail articles. The default method is the one with the best
ROUGE-1 on both sets; the verdict is printed at the end. rouge-score is only for measuring:
`pip install rouge-score` (or the project's `bench` extra).

    python benchmarks/summaries.py [--data DIR] [--limit N] [--articles N]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from typing import Any

from _common import (
    DATA,
    SUMY_METHODS,
    Row,
    allsides_sources,
    cnndm_reference,
    read_jsonl,
    rouge,
    rouge_scorer,
    roundup,
    sample,
    sumy_summarizer,
)

import digest
from digest.analysis.sentences import split_sentences, words

Method = Callable[[Row], list[str]]
OURS = "digest"


def _fold(text: str) -> str:
    return " ".join(text.split())


def _measure(
    scorer: Any, rows: list[Row], reference: Callable[[Row], str], methods: dict[str, Method]
) -> dict[str, tuple[float, float, float, float]]:
    """ROUGE-1/2/Lsum and seconds of each method, printed as a table."""
    print(f"  {'method':<38} {'R-1':>6} {'R-2':>6} {'R-Lsum':>6} {'seconds':>8}")
    results = {}
    for label, method in methods.items():
        start = time.perf_counter()
        summaries = [method(row) for row in rows]
        seconds = time.perf_counter() - start
        r1, r2, rl = rouge(
            scorer, [(s, reference(r)) for s, r in zip(summaries, rows, strict=True)]
        )
        results[label] = (r1, r2, rl, seconds)
        print(f"  {label:<38} {r1:6.2f} {r2:6.2f} {rl:6.2f} {seconds:8.2f}")
    return results


def _on_article(run: Callable[[str, int], list[str]]) -> Method:
    return lambda row: run(row["article"], 3)


def _over_sources(run: Callable[[str, int], list[str]]) -> Method:
    """A single-document summarizer over all of a story's sources, a sentence per source."""

    def method(row: Row) -> list[str]:
        sources = allsides_sources(row)
        return run("\n\n".join(text for _, text in sources), len(sources))

    return method


def _cnndm(scorer: Any, rows: list[Row]) -> dict[str, tuple[float, float, float, float]]:
    print(f"\nCNN/DailyMail, 3 sentences, {len(rows)} articles")
    methods: dict[str, Method] = {
        OURS: lambda r: digest.summarize(r["article"], sentences=3),
        "Lead-3 (the set's sentences)": lambda r: list(r["article_sentences"][:3]),
        "Lead-3 (our splitter)": lambda r: split_sentences(r["article"])[:3],
    }
    for name in SUMY_METHODS:
        methods[f"sumy {name}"] = _on_article(sumy_summarizer(name))
    results = _measure(scorer, rows, cnndm_reference, methods)
    verbatim = sum(
        all(_fold(s) in _fold(r["article"]) for s in digest.summarize(r["article"], sentences=3))
        for r in rows
    )
    print(f"  {OURS}: every sentence verbatim from its article in {verbatim}/{len(rows)}")
    return results


def _near_duplicates(sentences: list[str]) -> int:
    """Pairs of sentences sharing at least 60% of their words (Jaccard)."""
    sets = [{w.lower() for w in words(s)} for s in sentences]
    return sum(len(a & b) >= 0.6 * len(a | b) for a, b in combinations(sets, 2))


def _allsides(scorer: Any, rows: list[Row]) -> dict[str, tuple[float, float, float, float]]:
    print(f"\nAllSides roundups, one sentence per source, {len(rows)} stories")

    def ours(row: Row) -> list[str]:
        sources = allsides_sources(row)
        return [s for s, _ in digest.summarize_story(sources, sentences=len(sources))]

    methods: dict[str, Method] = {
        OURS: ours,
        "first sentence of each source": lambda r: [
            s for _, text in allsides_sources(r) for s in split_sentences(text)[:1]
        ],
        f"{OURS}, its own length (2-5)": lambda r: [
            s for s, _ in digest.summarize_story(allsides_sources(r))
        ],
    }
    for name in SUMY_METHODS:
        methods[f"sumy {name} over all sentences"] = _over_sources(sumy_summarizer(name))
    results = _measure(scorer, rows, roundup, methods)
    attributed = duplicates = 0
    for row in rows:
        sources = allsides_sources(row)
        summary = digest.summarize_story(sources, sentences=len(sources))
        attributed += all(_fold(s) in _fold(sources[i][1]) for s, i in summary)
        duplicates += _near_duplicates([s for s, _ in summary])
    print(
        f"  {OURS}: every sentence verbatim in the source it names in {attributed}/{len(rows)};"
        f" near-duplicate pairs: {duplicates}"
    )
    return results


def _speed(rows: list[Row], articles: int) -> None:
    texts = [row["article"] for row in rows]
    digest.summarize(texts[0], sentences=3)  # imports and warm caches are not the point
    wall, cpu = time.perf_counter(), time.process_time()
    for i in range(articles):
        digest.summarize(texts[i % len(texts)], sentences=3)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(
        f"\nSpeed: digest.summarize over {articles:,} CNN/DailyMail articles (the dev set cycled):"
        f" {wall:.2f} s wall, {cpu:.2f} s CPU ({1000 * cpu / articles:.2f} ms an article)"
    )


def _verdict(*sets: dict[str, tuple[float, float, float, float]]) -> None:
    """The default method: the best ROUGE-1 on every set among digest's and sumy's."""
    candidates = [OURS] + [f"sumy {name}" for name in SUMY_METHODS]

    def best(results: dict[str, tuple[float, float, float, float]]) -> str:
        scored = {k: v for k, v in results.items() if k.split(" over ")[0] in candidates}
        return max(scored, key=lambda k: scored[k][0]).split(" over ")[0]

    winners = {best(results) for results in sets}
    if winners == {OURS}:
        print(f"\nDefault: {OURS}'s own method, best ROUGE-1 on every set (as it is the default).")
    else:
        print(f"\nDefault: best ROUGE-1 per set is {sorted(winners)}: revisit the default.")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the eval folder")
    parser.add_argument("--limit", type=int, default=None, help="at most N items per set")
    parser.add_argument("--articles", type=int, default=1000, help="articles for the speed test")
    args = parser.parse_args()
    scorer = rouge_scorer()
    if scorer is None:
        print("rouge-score is not installed: `pip install '.[bench]'` (benchmarks only)")
        return 1
    cnndm_path = args.data / "summ_cnndm.jsonl"
    allsides_path = args.data / "allsides_stories.jsonl"
    if not cnndm_path.exists() or not allsides_path.exists():
        print(f"evaluation data not found under {args.data}; nothing measured")
        return 1
    cnndm = sample(read_jsonl(cnndm_path), args.limit)
    allsides = sample(read_jsonl(allsides_path), args.limit)
    single = _cnndm(scorer, cnndm)
    story = _allsides(scorer, allsides)
    _speed(cnndm, args.articles)
    _verdict(single, story)
    return 0


if __name__ == "__main__":
    sys.exit(main())
