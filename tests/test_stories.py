"""Story grouping: same event across outlets joins, different events stay apart."""

from __future__ import annotations

import json
import random
import time
from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import combinations
from pathlib import Path

from digest.analysis.stories import group_articles, group_items, group_stories
from digest.models import Article

QUAKE = [
    (
        "Powerful earthquake strikes off Japan's Fukushima coast, tsunami warning issued",
        "A magnitude 7.3 earthquake struck off the coast of Fukushima prefecture on Saturday "
        "night, Japan's meteorological agency said, prompting a tsunami warning for the coast. "
        "Tokyo Electric Power said it was checking the Fukushima nuclear plant.",
    ),
    (
        "Japan: 7.3-magnitude quake rattles Fukushima, tsunami alert",
        "Buildings shook in Tokyo after a 7.3 magnitude quake hit off Fukushima late on Saturday. "
        "The meteorological agency issued a tsunami warning; Tokyo Electric Power reported no "
        "problems at the Fukushima plant.",
    ),
    (
        "Tsunami warning after strong earthquake hits near Fukushima",
        "Japan's meteorological agency warned of a tsunami of up to one metre after a strong "
        "earthquake of magnitude 7.3 struck off Fukushima prefecture on Saturday.",
    ),
]
FUKUSHIMA_FESTIVAL = (
    "Fukushima peach festival draws record crowds",
    "Farmers in Fukushima prefecture celebrated a record peach harvest at the annual summer "
    "festival, where growers handed out fruit and local bands played.",
)
BUDGET = (
    "Finance minister unveils spending cuts in annual budget",
    "The finance minister announced cuts to public spending and a rise in fuel duty in the "
    "annual budget statement to parliament on Wednesday.",
)


def test_same_event_from_three_outlets_joins() -> None:
    assert group_stories(QUAKE) == [0, 0, 0]


def test_different_events_sharing_a_place_stay_apart() -> None:
    labels = group_stories([*QUAKE, FUKUSHIMA_FESTIVAL, BUDGET])
    assert labels == [0, 0, 0, 1, 2]


def test_labels_follow_first_appearance() -> None:
    labels = group_stories([BUDGET, QUAKE[0], FUKUSHIMA_FESTIVAL, QUAKE[1]])
    assert labels == [0, 1, 2, 1]
    assert group_stories([]) == []
    assert group_stories([("", "")]) == [0]


def test_syndicated_copies_always_join() -> None:
    wire = (
        "The central bank held its main interest rate at 4.5 percent on Thursday, citing "
        "persistent inflation, and said it would keep watching wage growth closely."
    )
    items = [
        ("Central bank holds rates", wire),
        ("Rates unchanged, says bank", wire),  # another headline over the same wire text
        ("Bank keeps rate at 4.5%", "  " + wire.upper() + "\n\nA local paragraph added."),
        FUKUSHIMA_FESTIVAL,
    ]
    assert group_stories(items) == [0, 0, 0, 1]


def test_the_time_window_keeps_distant_reports_apart() -> None:
    start = datetime(2026, 3, 1, tzinfo=UTC)
    close = [start, start + timedelta(hours=6), start + timedelta(days=1)]
    assert group_items(QUAKE, close) == [0, 0, 0]
    apart = [start, start + timedelta(days=10), start + timedelta(days=20)]
    assert group_items(QUAKE, apart) == [0, 1, 2]
    assert group_items(QUAKE, [start, None, start + timedelta(days=2)]) == [0, 0, 0]
    assert group_items(QUAKE, apart, window=timedelta(days=30)) == [0, 0, 0]


def _article(index: int, title: str, text: str, when: datetime) -> Article:
    return Article(
        id=index,
        feed_id=index,
        feed_title=f"Outlet {index}",
        feed_topic=None,
        guid=f"guid-{index}",
        url=None,
        title=title,
        author=None,
        published=when,
        text=text,
        categories=(),
        disclaimer=None,
        read=False,
        starred=False,
        first_seen=when,
    )


def test_group_articles_returns_stories_of_articles() -> None:
    when = datetime(2026, 3, 1, tzinfo=UTC)
    articles = [
        _article(i, title, text, when + timedelta(hours=i))
        for i, (title, text) in enumerate([QUAKE[0], BUDGET, QUAKE[1], QUAKE[2]])
    ]
    stories = group_articles(articles)
    assert [[a.id for a in story] for story in stories] == [[0, 2, 3], [1]]
    late = [*articles[:3], _article(3, *QUAKE[2], when + timedelta(days=9))]
    assert [[a.id for a in s] for s in group_articles(late)] == [[0, 2], [1], [3]]


def _synthetic(count: int, seed: int = 7) -> tuple[list[tuple[str, str]], list[int]]:
    """Articles of made-up events: each event has its own rare names, 1-4 reports each."""
    rng = random.Random(seed)
    common = [f"common{i}" for i in range(300)]
    items: list[tuple[str, str]] = []
    gold: list[int] = []
    event = 0
    while len(items) < count:
        names = [f"name{event}x{k}" for k in range(6)]
        for _ in range(rng.randint(1, 4)):
            title = " ".join(rng.sample(names, 3) + rng.sample(common, 4))
            text = " ".join(rng.sample(names, 4) + rng.sample(common, 25)) + "."
            items.append((title, text))
            gold.append(event)
        event += 1
    return items[:count], gold[:count]


def test_grouping_scales_and_finds_planted_events() -> None:
    items, gold = _synthetic(20_000)
    start = time.perf_counter()
    labels = group_stories(items)
    elapsed = time.perf_counter() - start
    assert elapsed < 30.0  # a few seconds here; comparing all pairs would take hours
    together = Counter(
        (labels[a] == labels[b], gold[a] == gold[b]) for a, b in combinations(range(2000), 2)
    )
    assert together[True, False] == 0  # no unrelated reports merged
    assert together[True, True] >= 0.9 * (together[True, True] + together[False, True])


def test_bcubed_on_allsides(shared_data: Path) -> None:
    """A floor under the measured B-cubed figures (P 0.95, F1 0.81; benchmarks/stories.py)."""
    items: list[tuple[str, str]] = []
    gold: list[int] = []
    path = shared_data / "eval" / "allsides_stories.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines():
        story = json.loads(line)
        for article in story["news"].values():
            items.append((article["newsTitle"], "\n\n".join(article["newBody"])))
            gold.append(story["id"])
    labels = group_stories(items)
    pairs = Counter(zip(labels, gold, strict=True))
    size_found, size_gold = Counter(labels), Counter(gold)
    precision = sum(pairs[p, g] / size_found[p] for p, g in zip(labels, gold, strict=True))
    recall = sum(pairs[p, g] / size_gold[g] for p, g in zip(labels, gold, strict=True))
    precision, recall = precision / len(gold), recall / len(gold)
    assert precision >= 0.92
    assert 2 * precision * recall / (precision + recall) >= 0.78
