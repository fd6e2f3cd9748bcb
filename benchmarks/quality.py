"""Quality of digest's analysis on the development sets, in one command (not a test).

Everything is measured through the library API (`digest.summarize`, `digest.summarize_story`,
`digest.topic_of`, `digest.group_stories`), which is the code the digest runs, except story
titles, which have no API function and are measured through the build's own `choose_headline`:

- summaries: ROUGE-1/2/Lsum F1 x 100 (rouge-score, stemmed) on CNN/DailyMail (3 sentences) and
  XSum (1 sentence) against Lead-N and sumy's LexRank, Luhn, TextRank and LSA (given the
  project's tokenizer: sumy's default one needs NLTK data that a fresh machine lacks), and on
  AllSides stories (one sentence per source, against the neutral roundup) against the first
  sentence of each source and sumy over all the sources' sentences;
- topics: accuracy and confusion matrix on BBC News (full text) and AG News (title plus
  description);
- stories: B-cubed and pairwise P/R/F1 of grouping every AllSides article in one batch, and the
  story title the digest picks among the outlets' headlines (ROUGE-1 against AllSides' own);

with the time each part took, then a Markdown table for the README.

    python benchmarks/quality.py [--data DIR] [--quick]

rouge-score is for benchmarks only: `pip install '.[bench]'`. Without it, ROUGE is skipped.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from _common import (
    AG_ACCEPT,
    BBC_ACCEPT,
    DATA,
    ROUGE_INSTALL,
    SUMY_METHODS,
    Row,
    allsides_items,
    allsides_sources,
    bcubed,
    cnndm_reference,
    confusion,
    confusion_lines,
    pairwise,
    read_jsonl,
    rouge,
    rouge_scorer,
    roundup,
    sample,
    sumy_summarizer,
    timed,
)

import digest
from digest.analysis.build import choose_headline
from digest.analysis.sentences import split_sentences
from digest.analysis.topics import TAXONOMY

QUICK_ITEMS = 40
"""Items per set with --quick, spread over the set (the sets are ordered by label)."""

Summarizer = Callable[[Row], list[str]]
Scores = tuple[float, float, float]
_Result = tuple[Scores, float, list[list[str]]]


@dataclass
class _Line:
    """One row of the closing Markdown table."""

    dev_set: str
    measure: str
    ours: str
    baselines: str
    seconds: float


def _fold(text: str) -> str:
    return " ".join(text.split())


def _on_article(run: Callable[[str, int], list[str]], count: int) -> Summarizer:
    return lambda row: run(row["article"], count)


def _over_sources(run: Callable[[str, int], list[str]]) -> Summarizer:
    """One sentence per source, chosen among all the sources' sentences as one text."""
    return lambda row: run("\n\n".join(text for _, text in allsides_sources(row)), len(row["news"]))


def _xsum_reference(row: Row) -> str:
    return str(row["reference"])


def _rouge_table(
    scorer: Any, rows: list[Row], reference: Callable[[Row], str], methods: dict[str, Summarizer]
) -> dict[str, _Result]:
    """Each method's ROUGE scores, seconds taken and summaries, printed as they come."""
    results = {}
    references = [reference(row) for row in rows]
    for label, method in methods.items():
        start = time.perf_counter()
        summaries = [method(row) for row in rows]
        seconds = time.perf_counter() - start
        scores = rouge(scorer, list(zip(summaries, references, strict=True)))
        results[label] = (scores, seconds, summaries)
        r1, r2, rl = scores
        print(f"  {label:<36} {r1:6.2f} {r2:6.2f} {rl:6.2f}   ({seconds:.2f} s)")
    return results


def _triple(scores: Scores) -> str:
    return " / ".join(f"{s:.1f}" for s in scores)


def _baselines(results: dict[str, _Result], ours: str) -> str:
    return " · ".join(f"{k} {v[0][0]:.1f}" for k, v in results.items() if k != ours)


def _single_document(
    scorer: Any,
    path: Path,
    name: str,
    count: int,
    reference: Callable[[Row], str],
    limit: int | None,
) -> _Line | None:
    """digest.summarize against Lead-N and sumy on one single-document set."""
    if not path.exists():
        print(f"{name}: {path} not found, skipped")
        return None
    rows = sample(read_jsonl(path), limit)
    ours = f"digest.summarize({count})"
    methods: dict[str, Summarizer] = {
        ours: lambda r: digest.summarize(r["article"], sentences=count),
        f"Lead-{count} (our splitter)": lambda r: split_sentences(r["article"])[:count],
        f"Lead-{count} (given sentences)": lambda r: list(r["article_sentences"][:count]),
    }
    for method in SUMY_METHODS:
        methods[f"sumy {method}"] = _on_article(sumy_summarizer(method), count)
    print(f"\n{name}, {count} sentence(s), {len(rows)} articles: ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1")
    results = _rouge_table(scorer, rows, reference, methods)
    ours_summaries = results[ours][2]
    quoted = sum(
        all(_fold(s) in _fold(row["article"]) for s in summary)
        for row, summary in zip(rows, ours_summaries, strict=True)
    )
    print(f"  every sentence verbatim from its article: {quoted}/{len(rows)}")
    scores, seconds, _ = results[ours]
    return _Line(
        f"{name} ({len(rows)}), {count} sentence{'s' if count > 1 else ''}",
        "ROUGE-1 / 2 / Lsum",
        _triple(scores),
        _baselines(results, ours).replace(" (our splitter)", "").replace("sumy ", ""),
        seconds,
    )


def _story_summary(row: Row) -> list[tuple[str, int]]:
    sources = allsides_sources(row)
    return digest.summarize_story(sources, sentences=len(sources))


def _allsides_summaries(scorer: Any, path: Path, limit: int | None) -> _Line | None:
    """digest.summarize_story, one sentence per source, against the AllSides roundups."""
    if not path.exists():
        print(f"AllSides: {path} not found, skipped")
        return None
    rows = sample(read_jsonl(path), limit)
    ours = "digest.summarize_story"
    methods: dict[str, Summarizer] = {
        ours: lambda r: [s for s, _ in _story_summary(r)],
        "digest.summarize_story (own length)": lambda r: [
            s for s, _ in digest.summarize_story(allsides_sources(r))
        ],
        "first sentence of each source": lambda r: [
            s for _, text in allsides_sources(r) for s in split_sentences(text)[:1]
        ],
    }
    for method in ("TextRank", "LexRank"):
        methods[f"sumy {method} over all sentences"] = _over_sources(sumy_summarizer(method))
    print(
        f"\nAllSides roundups, one sentence per source, {len(rows)} stories:"
        " ROUGE-1 / ROUGE-2 / ROUGE-Lsum F1"
    )
    results = _rouge_table(scorer, rows, roundup, methods)
    attributed = duplicated = 0
    for row in rows:
        sources = allsides_sources(row)
        summary = _story_summary(row)
        attributed += all(_fold(s) in _fold(sources[i][1]) for s, i in summary)
        duplicated += len({_fold(s) for s, _ in summary}) < len(summary)
    print(
        f"  every sentence verbatim from the source it names: {attributed}/{len(rows)};"
        f" stories with a repeated sentence: {duplicated}"
    )
    scores, seconds, _ = results[ours]
    shown = {k: v for k, v in results.items() if "own length" not in k}
    baselines = (
        _baselines(shown, ours)
        .replace("first sentence of each source", "first sentence of each")
        .replace(" over all sentences", "")
        .replace("sumy ", "")
    )
    return _Line(
        f"AllSides roundups ({len(rows)}), 1 sentence per source",
        "ROUGE-1 / 2 / Lsum",
        _triple(scores),
        baselines,
        seconds,
    )


def _topics(name: str, rows: list[tuple[str, str, str]], accept: dict[str, set[str]]) -> _Line:
    """digest.topic_of's accuracy and confusion matrix on (title, text, label) rows."""
    predicted, seconds = timed(lambda: [digest.topic_of(t, x) for t, x, _ in rows])
    labels = [label for _, _, label in rows]
    accuracy, counts = confusion(labels, predicted, accept)
    print(f"\n{name}: accuracy {accuracy:.3f} on {len(rows)} items ({seconds:.2f} s)")
    print("\n".join(confusion_lines(counts, accept, TAXONOMY)))
    majority = Counter(labels).most_common(1)[0][1] / len(labels)
    return _Line(
        f"{name} ({len(rows)})",
        "topic accuracy",
        f"{accuracy:.3f}",
        f"most frequent label {majority:.3f}",
        seconds,
    )


def _headlines(scorer: Any, path: Path, limit: int | None) -> _Line | None:
    """The digest's choice of story title (`choose_headline`, which the build calls) against
    the AllSides editor's own headline for the story, by ROUGE-1."""
    if not path.exists():
        print(f"AllSides: {path} not found, skipped")
        return None
    rows = sample(read_jsonl(path), limit)
    chosen, seconds = timed(lambda: [choose_headline(allsides_sources(r)) for r in rows])
    results: dict[str, list[float]] = {"chosen": [], "first source's": [], "best": [], "worst": []}
    for row, title in zip(rows, chosen, strict=True):
        scores = [
            scorer.score(row["issue"], headline)["rouge1"].fmeasure * 100
            for headline, _ in allsides_sources(row)
        ]
        results["chosen"].append(scorer.score(row["issue"], title)["rouge1"].fmeasure * 100)
        results["first source's"].append(scores[0])
        results["best"].append(max(scores))
        results["worst"].append(min(scores))
    means = {k: sum(v) / len(v) for k, v in results.items()}
    print(f"\nAllSides story titles, {len(rows)} stories: ROUGE-1 F1 against the editor's headline")
    for label, mean in means.items():
        print(f"  {label + ' headline':<36} {mean:6.2f}")
    return _Line(
        f"AllSides story titles ({len(rows)})",
        "ROUGE-1 vs editor's headline",
        f"{means['chosen']:.1f}",
        " · ".join(f"{k} {v:.1f}" for k, v in means.items() if k != "chosen"),
        seconds,
    )


def _bbc_topics(path: Path, limit: int | None) -> _Line | None:
    """Topics of BBC News articles from their full text (business, entertainment, ...)."""
    if not path.exists():
        print(f"BBC News: {path} not found, skipped")
        return None
    rows = sample(read_jsonl(path), limit)
    return _topics(
        "BBC News", [(r["title"], r["article"], r["category"]) for r in rows], BBC_ACCEPT
    )


def _ag_topics(path: Path, limit: int | None) -> _Line | None:
    """Topics of AG News items from title plus description, as short as feeds carry."""
    if not path.exists():
        print(f"AG News: {path} not found, skipped")
        return None
    rows = sample(read_jsonl(path), limit)
    # As they come, HTML entities and all: feeds carry them too, and topic_of decodes them.
    labelled = [(r["title"], r["description"], r["label"]) for r in rows]
    return _topics("AG News", labelled, AG_ACCEPT)


def _stories(path: Path, limit: int | None) -> _Line | None:
    """B-cubed and pairwise P/R/F1 of digest.group_stories over all AllSides articles at once."""
    if not path.exists():
        print(f"AllSides: {path} not found, skipped")
        return None
    items, gold = allsides_items(sample(read_jsonl(path), limit))
    labels, seconds = timed(lambda: digest.group_stories(items))
    p, r, f = bcubed(labels, gold)
    print(
        f"\nAllSides story grouping: {len(items)} articles, {len(set(gold))} stories,"
        f" {len(set(labels))} found ({seconds:.2f} s)"
    )
    print(f"  B-cubed  P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print("  pairwise P {:.3f}  R {:.3f}  F1 {:.3f}".format(*pairwise(labels, gold)))
    alone = bcubed(list(range(len(items))), gold)
    return _Line(
        f"AllSides stories ({len(items)} articles)",
        "B-cubed P / R / F1",
        f"{p:.3f} / {r:.3f} / {f:.3f}",
        "each article alone {:.3f} / {:.3f} / {:.3f}".format(*alone),
        seconds,
    )


def _markdown(lines: Sequence[_Line]) -> str:
    table = [
        "| Dev set | Measure | digest | Baselines | Time |",
        "|---|---|---|---|---|",
    ]
    for line in lines:
        cells = (line.dev_set, line.measure, line.ours, line.baselines, f"{line.seconds:.2f} s")
        table.append("| " + " | ".join(cells) + " |")
    return "\n".join(table)


def main(argv: Sequence[str] | None = None) -> int:
    """Measure every part, print the details and then the table; 0 whatever was found."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA, help="the eval folder (JSON lines)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_ITEMS} items of each set")
    args = parser.parse_args(argv)
    data: Path = args.data
    limit = QUICK_ITEMS if args.quick else None
    if not data.is_dir():
        print(f"evaluation data not found: {data}; nothing measured")
        return 0
    started = time.perf_counter()
    allsides = data / "allsides_stories.jsonl"
    parts: list[Callable[[], _Line | None]] = []
    scorer = rouge_scorer()
    if scorer is None:
        print(f"rouge-score is not installed, ROUGE skipped: {ROUGE_INSTALL}")
    else:
        cnndm, xsum = data / "summ_cnndm.jsonl", data / "summ_xsum.jsonl"
        parts += [
            lambda: _single_document(scorer, cnndm, "CNN/DailyMail", 3, cnndm_reference, limit),
            lambda: _single_document(scorer, xsum, "XSum", 1, _xsum_reference, limit),
            lambda: _allsides_summaries(scorer, allsides, limit),
            lambda: _headlines(scorer, allsides, limit),
        ]
    parts += [
        lambda: _bbc_topics(data / "bbc_news.jsonl", limit),
        lambda: _ag_topics(data / "ag_news.jsonl", limit),
        lambda: _stories(allsides, limit),
    ]
    lines = []
    for part in parts:
        line, seconds = timed(part)
        if line is not None:
            print(f"  (part total {seconds:.1f} s, loading and scoring included)")
            lines.append(line)

    if not lines:
        print(f"nothing measured: no development set found in {data}")
        return 0
    print(f"\nTotal {time.perf_counter() - started:.1f} s. For the README:\n")
    print(_markdown(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
