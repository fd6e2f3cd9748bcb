"""Story grouping quality on the AllSides development set (not a test).

Every article of every AllSides story (2-3 outlets each, headline plus lead paragraphs) is put in
one batch; `digest.group_stories` must put each story's articles together and no others. Prints
B-cubed and pairwise precision, recall and F1, with a threshold sweep of the same code, then three
checks that the figures do not come from the shape of this set alone:

- smaller batches: the stories split in two by id, each half grouped on its own;
- lone reports: half the stories cut to one article, which should stay alone;
- big stories: ten stories each retold by nine more outlets (their own sentences, reordered and
  cut), which should stay whole.

`--scale` also times 20,000 articles made from the evaluation texts.

    python benchmarks/stories.py [--data DIR] [--scale]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from _common import DATA, bcubed, load_allsides, pairwise, read_jsonl, timed

import digest
from digest.analysis.sentences import split_sentences
from digest.analysis.stories import THRESHOLD, group_items

Items = list[tuple[str, str]]
SWEEP = (0.15, 0.18, 0.2, 0.22, 0.25, 0.3, 0.35, 0.4)


def halves(items: Items, gold: list[int]) -> list[tuple[Items, list[int]]]:
    """The stories of even and of odd id, as two batches."""
    parts = []
    for parity in (0, 1):
        chosen = [i for i, g in enumerate(gold) if g % 2 == parity]
        parts.append(([items[i] for i in chosen], [gold[i] for i in chosen]))
    return parts


def lone_reports(items: Items, gold: list[int]) -> tuple[Items, list[int], list[int]]:
    """Stories of even id cut to their first article; also the positions of those articles."""
    kept: list[int] = []
    seen: set[int] = set()
    for index, story in enumerate(gold):
        if story % 2 == 0:
            if story in seen:
                continue
            seen.add(story)
        kept.append(index)
    lone = [position for position, i in enumerate(kept) if gold[i] % 2 == 0]
    return [items[i] for i in kept], [gold[i] for i in kept], lone


def big_stories(items: Items, gold: list[int], seed: int = 3) -> tuple[Items, list[int], set[int]]:
    """Ten stories each retold nine more times from their own sentences; also their ids."""
    rng = random.Random(seed)
    chosen = set(rng.sample(sorted(set(gold)), 10))
    items, gold = list(items), list(gold)
    for story in sorted(chosen):
        members = [item for item, g in zip(items, gold, strict=True) if g == story]
        sentences = [s for _, text in members for s in split_sentences(text)]
        for _ in range(9):
            told = rng.sample(sentences, rng.randint(2, min(5, len(sentences))))
            items.append((rng.choice(members)[0], " ".join(told)))
            gold.append(story)
    return items, gold, chosen


def recall_within(labels: Sequence[int], gold: Sequence[int], stories: set[int]) -> float:
    """Mean B-cubed recall of the articles of `stories`."""
    pairs = Counter(zip(labels, gold, strict=True))
    size = Counter(gold)
    inside = [(p, g) for p, g in zip(labels, gold, strict=True) if g in stories]
    return sum(pairs[p, g] / size[g] for p, g in inside) / len(inside)


def scale_items(data: Path, count: int = 20_000, seed: int = 1) -> Items:
    """`count` articles: evaluation texts, each copied several times with a fifth of its words
    dropped, so that copies are near but not identical (unlike syndicated copies)."""
    texts: Items = []
    allsides, _ = load_allsides(data / "allsides_stories.jsonl")
    texts += allsides
    texts += [(r["title"], r["article"]) for r in read_jsonl(data / "bbc_news.jsonl")]
    texts += [(r["title"], r["description"]) for r in read_jsonl(data / "ag_news.jsonl")]
    rng = random.Random(seed)
    items: Items = []
    while len(items) < count:
        title, text = rng.choice(texts)
        items.append((title, " ".join(w for w in text.split() if rng.random() > 0.2)))
    return items


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--scale", action="store_true", help="also time 20,000 articles")
    args = parser.parse_args()
    path = args.data / "allsides_stories.jsonl"
    if not path.exists():
        print(f"evaluation data not found: {path}; nothing measured")
        return 1
    items, gold = load_allsides(path)
    labels, elapsed = timed(lambda: digest.group_stories(items))
    print(
        f"AllSides: {len(items)} articles, {len(set(gold))} stories, {len(set(labels))} found"
        f" ({elapsed:.2f} s)"
    )
    print("  B-cubed  P {:.3f}  R {:.3f}  F1 {:.3f}".format(*bcubed(labels, gold)))
    print("  pairwise P {:.3f}  R {:.3f}  F1 {:.3f}".format(*pairwise(labels, gold)))
    print(f"threshold sweep (default {THRESHOLD}):")
    for threshold in SWEEP:
        p, r, f = bcubed(group_items(items, threshold=threshold), gold)
        print(f"  {threshold:.2f}: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")

    print("smaller batches (stories of even / odd id):")
    for part_items, part_gold in halves(items, gold):
        p, r, f = bcubed(digest.group_stories(part_items), part_gold)
        print(f"  {len(set(part_gold))} stories: B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}")
    lone_items, lone_gold, lone = lone_reports(items, gold)
    labels = digest.group_stories(lone_items)
    sizes = Counter(labels)
    joined = sum(sizes[labels[i]] > 1 for i in lone)
    p, r, f = bcubed(labels, lone_gold)
    print(
        f"lone reports: {joined} of {len(lone)} joined another story;"
        f" B-cubed P {p:.3f} R {r:.3f} F1 {f:.3f}"
    )
    big_items, big_gold, chosen = big_stories(items, gold)
    labels = digest.group_stories(big_items)
    p, _, _ = bcubed(labels, big_gold)
    print(
        f"big stories (10 x 11-12 outlets): recall within them"
        f" {recall_within(labels, big_gold, chosen):.3f}; B-cubed P of the batch {p:.3f}"
    )
    if args.scale:
        many = scale_items(args.data)
        labels, elapsed = timed(lambda: digest.group_stories(many))
        print(
            f"scale: {len(many)} articles grouped in {elapsed:.2f} s ({len(set(labels))} stories)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
