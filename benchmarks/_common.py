"""Loaders and measures shared by the benchmark scripts (not part of digest, not a test).

The development sets live in ../shared/data/eval (see its README): JSON lines, one item each.
The scripts run as `python benchmarks/NAME.py`, which puts this folder on `sys.path`.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from itertools import combinations
from pathlib import Path
from typing import Any

from digest.analysis.sentences import NewsTokenizer, split_sentences

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
"""The development sets: ../shared/data/eval beside the checkout."""

ROUGE_INSTALL = "pip install '.[bench]'"
"""How to get rouge-score, which digest itself does not need."""

Row = dict[str, Any]

BBC_ACCEPT = {
    "business": {"Business"},
    "entertainment": {"Entertainment"},
    "politics": {"Politics"},
    "sport": {"Sports"},
    "tech": {"Technology"},
}
"""BBC News label -> the topics that count as right."""
AG_ACCEPT = {
    "World": {"World", "Politics"},
    "Sports": {"Sports"},
    "Business": {"Business"},
    "Sci/Tech": {"Technology", "Science"},
}
"""AG News label -> the topics that count as right: its World and Sci/Tech are wider than ours."""


def read_jsonl(path: Path) -> list[Row]:
    """The items of a JSON-lines file."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def sample(rows: list[Row], limit: int | None) -> list[Row]:
    """Every row, or `limit` rows evenly spread over them."""
    if limit is None or len(rows) <= limit:
        return rows
    return [rows[i * len(rows) // limit] for i in range(limit)]


def allsides_sources(row: Row) -> list[tuple[str, str]]:
    """(headline, text) of each outlet's article in an AllSides story; lead paragraphs joined."""
    sources = []
    for article in row["news"].values():
        body = article.get("newBody") or []
        text = "\n\n".join(body) if isinstance(body, list) else str(body)
        sources.append((article.get("newsTitle") or "", text))
    return sources


def allsides_items(rows: Iterable[Row]) -> tuple[list[tuple[str, str]], list[int]]:
    """Every article of every story as (headline, text), and the id of its story."""
    items: list[tuple[str, str]] = []
    gold: list[int] = []
    for row in rows:
        for source in allsides_sources(row):
            items.append(source)
            gold.append(int(row["id"]))
    return items, gold


def load_allsides(path: Path) -> tuple[list[tuple[str, str]], list[int]]:
    """`allsides_items` of the stories in a file."""
    return allsides_items(read_jsonl(path))


def roundup(row: Row) -> str:
    """An AllSides story's neutral roundup, one sentence a line (as ROUGE-Lsum wants)."""
    text = row["roundup"]
    joined = " ".join(text) if isinstance(text, list) else str(text)
    return "\n".join(split_sentences(joined))


def cnndm_reference(row: Row) -> str:
    """CNN/DailyMail highlights, one a line; the set joins them with " . "."""
    return str(row["reference"]).replace(" . ", " .\n")


def f1(precision: float, recall: float) -> float:
    """The harmonic mean of precision and recall (0 when both are 0)."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def bcubed(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold one."""
    pairs = Counter(zip(predicted, gold, strict=True))
    size_predicted = Counter(predicted)
    size_gold = Counter(gold)
    precision = sum(pairs[p, g] / size_predicted[p] for p, g in zip(predicted, gold, strict=True))
    recall = sum(pairs[p, g] / size_gold[g] for p, g in zip(predicted, gold, strict=True))
    precision /= len(gold)
    recall /= len(gold)
    return precision, recall, f1(precision, recall)


def pairwise(predicted: Sequence[int], gold: Sequence[int]) -> tuple[float, float, float]:
    """Precision, recall and F1 over pairs of articles put (or belonging) together."""
    together = {
        (a, b) for a, b in combinations(range(len(gold)), 2) if predicted[a] == predicted[b]
    }
    truly = {(a, b) for a, b in combinations(range(len(gold)), 2) if gold[a] == gold[b]}
    hits = len(together & truly)
    precision = hits / len(together) if together else 1.0
    recall = hits / len(truly) if truly else 1.0
    return precision, recall, f1(precision, recall)


def rouge_scorer() -> Any | None:
    """A ROUGE-1/2/Lsum scorer with stemming, or None when rouge-score is not installed."""
    try:
        from rouge_score import rouge_scorer as module  # type: ignore[import-untyped]
    except ImportError:
        return None
    return module.RougeScorer(["rouge1", "rouge2", "rougeLsum"], use_stemmer=True)


def rouge(scorer: Any, pairs: Sequence[tuple[list[str], str]]) -> tuple[float, float, float]:
    """Mean ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 x 100 of (summary sentences, reference) pairs."""
    totals = [0.0, 0.0, 0.0]
    for summary, reference in pairs:
        score = scorer.score(reference, "\n".join(summary))
        for i, key in enumerate(("rouge1", "rouge2", "rougeLsum")):
            totals[i] += score[key].fmeasure
    n = len(pairs) or 1
    return totals[0] * 100 / n, totals[1] * 100 / n, totals[2] * 100 / n


def timed(function: Callable[[], Any]) -> tuple[Any, float]:
    """`function()`'s result and the seconds it took."""
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start


def confusion(
    labels: Sequence[str], predicted: Sequence[str], accept: dict[str, set[str]]
) -> tuple[float, Counter[tuple[str, str]]]:
    """Accuracy (a prediction is right when `accept[label]` holds it) and (label, topic) counts."""
    counts: Counter[tuple[str, str]] = Counter(zip(labels, predicted, strict=True))
    right = sum(p in accept[label] for label, p in zip(labels, predicted, strict=True))
    return right / (len(labels) or 1), counts


def confusion_lines(
    counts: Counter[tuple[str, str]], accept: dict[str, set[str]], topics: Sequence[str]
) -> list[str]:
    """A confusion matrix as text: a row per gold label, a column per topic that was predicted."""
    shown = [t for t in topics if any(counts[label, t] for label in accept)]
    lines = ["  " + "label".ljust(14) + "".join(t[:7].rjust(8) for t in shown)]
    for label in accept:
        cells = "".join(str(counts[label, t]).rjust(8) for t in shown)
        lines.append("  " + label.ljust(14) + cells)
    return lines


SUMY_METHODS = ("LexRank", "Luhn", "TextRank", "LSA")
"""sumy's summarizers measured as baselines."""


def sumy_summarizer(name: str) -> Callable[[str, int], list[str]]:
    """A sumy summarizer by name, with the project's tokenizer, sumy's stemmer and stop words."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    kinds: dict[str, Any] = {
        "LexRank": LexRankSummarizer,
        "Luhn": LuhnSummarizer,
        "TextRank": TextRankSummarizer,
        "LSA": LsaSummarizer,
    }
    summarizer = kinds[name](Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    tokenizer = NewsTokenizer("english")

    def run(text: str, count: int) -> list[str]:
        document = PlaintextParser.from_string(text, tokenizer).document
        return [str(sentence) for sentence in summarizer(document, count)]

    return run
