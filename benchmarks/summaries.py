"""Summary quality against reference summaries (not a test).

CNN/DailyMail: `digest.summarize(article, sentences=3)` against the reference highlights, beside
Lead-3 (the first three sentences). AllSides: `digest.summarize_story` over a story's 2-3 sources
with one sentence per source, against the neutral editor's roundup, beside the first sentence of
each source. ROUGE-1/2/Lsum F1 x 100 with stemming, by rouge-score.

rouge-score is used only here and is not a dependency of digest; install it into the venv with
`pip install rouge-score` to run this.

    python benchmarks/summaries.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import digest
from digest.analysis.sentences import split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"

Summarizer = Callable[[dict[str, Any]], list[str]]


def _rouge(scorer: Any, pairs: Sequence[tuple[list[str], str]]) -> tuple[float, float, float]:
    totals = [0.0, 0.0, 0.0]
    for summary, reference in pairs:
        score = scorer.score(reference, "\n".join(summary))
        for i, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[i] += score[key].fmeasure
    n = len(pairs) or 1
    return totals[0] * 100 / n, totals[1] * 100 / n, totals[2] * 100 / n


def _report(
    scorer: Any,
    name: str,
    rows: list[dict[str, Any]],
    reference: Callable[[dict[str, Any]], str],
    methods: dict[str, Summarizer],
) -> None:
    print(f"{name} ({len(rows)} items): ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1")
    for label, method in methods.items():
        start = time.perf_counter()
        summaries = [method(row) for row in rows]
        elapsed = time.perf_counter() - start
        r1, r2, rl = _rouge(
            scorer, [(s, reference(r)) for s, r in zip(summaries, rows, strict=True)]
        )
        print(f"  {label:<28} {r1:6.2f} {r2:6.2f} {rl:6.2f}   ({elapsed:.2f} s)")


def _sources(row: dict[str, Any]) -> list[tuple[str, str]]:
    sources = []
    for article in row["news"].values():
        body = article.get("newBody") or []
        text = "\n\n".join(body) if isinstance(body, list) else str(body)
        sources.append((article.get("newsTitle") or "", text))
    return sources


def _roundup(row: dict[str, Any]) -> str:
    roundup = row["roundup"]
    text = " ".join(roundup) if isinstance(roundup, list) else str(roundup)
    return "\n".join(split_sentences(text))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    try:
        from rouge_score import rouge_scorer
    except ImportError:
        print("rouge-score is not installed: `pip install rouge-score` (benchmark only)")
        return 1
    cnndm_path = args.data / "summ_cnndm.jsonl"
    allsides_path = args.data / "allsides_stories.jsonl"
    if not cnndm_path.exists() or not allsides_path.exists():
        print(f"evaluation data not found under {args.data}; nothing measured")
        return 1
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)

    cnndm = [json.loads(line) for line in cnndm_path.open(encoding="utf-8")]
    _report(
        scorer,
        "CNN/DailyMail, 3 sentences",
        cnndm,
        lambda r: r["reference"].replace(" . ", " .\n"),
        {
            "Lead-3": lambda r: split_sentences(r["article"])[:3],
            "digest.summarize": lambda r: digest.summarize(r["article"], sentences=3),
        },
    )
    allsides = [json.loads(line) for line in allsides_path.open(encoding="utf-8")]
    _report(
        scorer,
        "AllSides roundups, one sentence per source",
        allsides,
        _roundup,
        {
            "first sentence of each source": lambda r: [
                s for _, text in _sources(r) for s in split_sentences(text)[:1]
            ],
            "digest.summarize_story": lambda r: [
                s for s, _ in digest.summarize_story(_sources(r), sentences=len(_sources(r)))
            ],
            "digest.summarize_story (auto)": lambda r: [
                s for s, _ in digest.summarize_story(_sources(r))
            ],
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
