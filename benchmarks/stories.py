"""Story grouping quality on the AllSides development set (not a test).

Every article of every AllSides story (2-3 outlets each, headline plus lead paragraphs) is put in
one batch; `digest.group_stories` must put each story's articles together and no others. Prints
B-cubed and pairwise precision, recall and F1, with a threshold sweep of the same code.

    python benchmarks/stories.py [--data DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Sequence
from itertools import combinations
from pathlib import Path

import digest
from digest.analysis.stories import THRESHOLD, group_items

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"


def load(path: Path) -> tuple[list[tuple[str, str]], list[int]]:
    """(title, text) per article and the id of the story it belongs to."""
    items: list[tuple[str, str]] = []
    gold: list[int] = []
    for line in path.open(encoding="utf-8"):
        story = json.loads(line)
        for article in story["news"].values():
            body = article.get("newBody") or []
            text = "\n\n".join(body) if isinstance(body, list) else str(body)
            items.append((article.get("newsTitle") or "", text))
            gold.append(int(story["id"]))
    return items, gold


def bcubed(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold one."""
    pairs = Counter(zip(predicted, gold, strict=True))
    size_predicted = Counter(predicted)
    size_gold = Counter(gold)
    precision = sum(pairs[p, g] / size_predicted[p] for p, g in zip(predicted, gold, strict=True))
    recall = sum(pairs[p, g] / size_gold[g] for p, g in zip(predicted, gold, strict=True))
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, _f1(precision, recall)


def pairwise(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of articles put (or belonging) together."""
    together = {
        (a, b) for a, b in combinations(range(len(gold)), 2) if predicted[a] == predicted[b]
    }
    truly = {(a, b) for a, b in combinations(range(len(gold)), 2) if gold[a] == gold[b]}
    hits = len(together & truly)
    precision = hits / len(together) if together else 1.0
    recall = hits / len(truly) if truly else 1.0
    return precision, recall, _f1(precision, recall)


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()
    path = args.data / "allsides_stories.jsonl"
    if not path.exists():
        print(f"evaluation data not found: {path}; nothing measured")
        return 1
    items, gold = load(path)
    start = time.perf_counter()
    labels = digest.group_stories(items)
    elapsed = time.perf_counter() - start
    print(
        f"AllSides: {len(items)} articles, {len(set(gold))} stories, {len(set(labels))} found"
        f" ({elapsed:.2f} s)"
    )
    print("  B-cubed  P {:.3f}  R {:.3f}  F1 {:.3f}".format(*bcubed(labels, gold)))
    print("  pairwise P {:.3f}  R {:.3f}  F1 {:.3f}".format(*pairwise(labels, gold)))
    print(f"threshold sweep (default {THRESHOLD}):")
    for threshold in (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
        swept = group_items(items, threshold=threshold)
        p, r, f = bcubed(swept, gold)
        print(f"  {threshold:.2f}: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
