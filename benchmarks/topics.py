"""Topic accuracy of `digest.topic_of` on the development sets (not a test).

BBC News: full articles labelled business, entertainment, politics, sport, tech.
AG News: title plus description, labelled World, Sports, Business, Sci/Tech; World counts as right
when we say World or Politics, Sci/Tech when we say Technology or Science.

    python benchmarks/topics.py [--data DIR]
"""

from __future__ import annotations

import argparse
import html
import json
import sys
import time
from collections import Counter
from pathlib import Path

import digest
from digest.analysis.topics import TAXONOMY

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"

BBC_ACCEPT = {
    "business": {"Business"},
    "entertainment": {"Entertainment"},
    "politics": {"Politics"},
    "sport": {"Sports"},
    "tech": {"Technology"},
}
AG_ACCEPT = {
    "World": {"World", "Politics"},
    "Sports": {"Sports"},
    "Business": {"Business"},
    "Sci/Tech": {"Technology", "Science"},
}


def _ag_text(text: str) -> str:
    # AG News keeps HTML entities, some of them without their ampersand ("#39;").
    return html.unescape(text.replace(" #39;", "'").replace("#39;", "'").replace("quot;", '"'))


def _measure(name: str, rows: list[tuple[str, str, str]], accept: dict[str, set[str]]) -> float:
    start = time.perf_counter()
    predictions = [digest.topic_of(title, text) for title, text, _ in rows]
    elapsed = time.perf_counter() - start
    confusion: Counter[tuple[str, str]] = Counter()
    right = 0
    for (_, _, label), predicted in zip(rows, predictions, strict=True):
        confusion[label, predicted] += 1
        right += predicted in accept[label]
    accuracy = right / len(rows)
    print(f"{name}: accuracy {accuracy:.3f} on {len(rows)} items ({elapsed:.2f} s)")
    topics = [t for t in TAXONOMY if any(confusion[lab, t] for lab in accept)]
    print("  " + "label".ljust(14) + "".join(t[:7].rjust(8) for t in topics))
    for label in accept:
        cells = "".join(str(confusion[label, t]).rjust(8) for t in topics)
        print("  " + label.ljust(14) + cells)
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
    rows = [(_ag_text(r["title"]), _ag_text(r["description"]), r["label"]) for r in ag]
    _measure("AG News", rows, AG_ACCEPT)
    return 0


if __name__ == "__main__":
    sys.exit(main())
