"""Topic accuracy and speed of `digest.topic_of` on the development sets (not a test).

BBC News: full articles labelled business, entertainment, politics, sport, tech.
AG News: title plus description as they come (HTML entities and all), labelled World, Sports,
Business, Sci/Tech; World counts as right when we say World or Politics, Sci/Tech when we say
Technology or Science.

Prints accuracy, a confusion matrix (rows: label, columns: our topic, last column: recall) and
the time per 1,000 articles, first on a cold word memo, then warm; then the time for 20,000 feed
items (AG News cycled).

    python benchmarks/topics.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from itertools import cycle, islice
from pathlib import Path

from _common import AG_ACCEPT, BBC_ACCEPT, DATA

import digest
from digest.analysis.topics import TAXONOMY


def _classify(rows: list[tuple[str, str, str]]) -> tuple[list[str], float]:
    start = time.perf_counter()
    predictions = [digest.topic_of(title, text) for title, text, _ in rows]
    return predictions, time.perf_counter() - start


def _measure(name: str, rows: list[tuple[str, str, str]], accept: dict[str, set[str]]) -> float:
    predictions, cold = _classify(rows)
    _, warm = _classify(rows)
    confusion: Counter[tuple[str, str]] = Counter()
    right = 0
    for (_, _, label), predicted in zip(rows, predictions, strict=True):
        confusion[label, predicted] += 1
        right += predicted in accept[label]
    accuracy = right / len(rows)
    per_1000 = f"{cold / len(rows) * 1000:.2f} s cold, {warm / len(rows) * 1000:.2f} s warm"
    print(f"{name}: accuracy {accuracy:.3f} on {len(rows)} items ({per_1000} per 1,000)")
    topics = [t for t in TAXONOMY if any(confusion[label, t] for label in accept)]
    print("  " + "label".ljust(14) + "".join(t[:7].rjust(8) for t in topics) + "  recall")
    for label in accept:
        total = sum(confusion[label, t] for t in topics)
        recall = sum(confusion[label, t] for t in accept[label]) / total if total else 0.0
        cells = "".join(str(confusion[label, t]).rjust(8) for t in topics)
        print("  " + label.ljust(14) + cells + f"{recall:8.3f}")
    return accuracy


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    bbc_path, ag_path = args.data / "bbc_news.jsonl", args.data / "ag_news.jsonl"
    if not bbc_path.exists() or not ag_path.exists():
        print(f"evaluation data not found under {args.data}; nothing measured")
        return 1
    bbc = [json.loads(line) for line in bbc_path.open(encoding="utf-8")]
    _measure("BBC News", [(r["title"], r["article"], r["category"]) for r in bbc], BBC_ACCEPT)
    ag = [json.loads(line) for line in ag_path.open(encoding="utf-8")]
    rows = [(r["title"], r["description"], r["label"]) for r in ag]
    _measure("AG News", rows, AG_ACCEPT)
    _, elapsed = _classify(list(islice(cycle(rows), 20_000)))
    print(f"20,000 feed items (AG News cycled): {elapsed:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
