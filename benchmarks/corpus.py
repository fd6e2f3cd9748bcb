"""A generator of realistic feeds for the refresh benchmark (not part of digest, not a test).

Writes `feeds` files, half RSS 2.0 and half Atom, each with `items` entries carrying full HTML
content, a guid or id, a link, one to three categories and a date within the last two days. The
text comes from the development sets in ../shared/data/eval when present (BBC News and
CNN/DailyMail articles, AG News headlines whose bodies are filled with sentences of the same
category), else from a small built-in filler. Items reuse a story now and then, as outlets do, but
reshuffled, so no two items are the same text. Run alone: `python benchmarks/corpus.py OUT`.
"""

from __future__ import annotations

import json
import random
import re
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from html import escape
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "eval"
"""The development sets: ../shared/data/eval beside the checkout."""

BODY_CHARS = 1000
"""About how much article text an item carries: 500 x 40 items come to about 36 MB."""

_AG_CATEGORY = {"World": "politics", "Sports": "sport", "Business": "business", "Sci/Tech": "tech"}
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'(])")
_FILLER = (
    "council government minister market shares company profit season match team players coach "
    "court ruling election vote policy energy prices storm weather hospital patients research "
    "scientists study software phone launch users network film festival album award police city "
    "officials report budget tax bank rates growth inflation workers union strike school pupils"
).split()


@dataclass(frozen=True)
class Story:
    """A headline, its paragraphs (plain text) and a category."""

    title: str
    paragraphs: tuple[str, ...]
    category: str


def _read(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _paragraphs(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip())


def load_stories(data: Path = DATA, seed: int = 0) -> list[Story]:
    """Stories from the development sets in `data`, or built-in filler when there are none."""
    stories: list[Story] = []
    for row in _read(data / "bbc_news.jsonl"):
        paragraphs = _paragraphs(str(row.get("article", "")))
        if paragraphs:
            stories.append(Story(str(row["title"]), paragraphs, str(row.get("category", "news"))))
    for row in _read(data / "summ_cnndm.jsonl"):
        paragraphs = _paragraphs(str(row.get("article", "")))
        if len(paragraphs) > 1:
            title = _SENTENCE.split(paragraphs[0])[0][:90]
            stories.append(Story(title, paragraphs[1:], "news"))
    rng = random.Random(seed)
    if not stories:
        return [_filler_story(rng) for _ in range(400)]
    # Sentences by category, to give AG News headlines a body on the same subject.
    pools: dict[str, list[str]] = {}
    for story in stories:
        for paragraph in story.paragraphs:
            pools.setdefault(story.category, []).extend(_SENTENCE.split(paragraph))
    every = [s for pool in pools.values() for s in pool]
    for row in _read(data / "ag_news.jsonl"):
        category = _AG_CATEGORY.get(str(row.get("label")), "news")
        pool = pools.get(category, every)
        body = [str(row.get("description", ""))]
        for _ in range(rng.randint(3, 7)):
            body.append(" ".join(rng.choice(pool) for _ in range(rng.randint(2, 4))))
        stories.append(Story(str(row["title"]), tuple(body), category))
    return stories


def _filler_story(rng: random.Random) -> Story:
    def sentence() -> str:
        words = [rng.choice(_FILLER) for _ in range(rng.randint(8, 20))]
        return " ".join(words).capitalize() + "."

    title = " ".join(rng.choice(_FILLER) for _ in range(rng.randint(4, 8))).capitalize()
    body = tuple(
        " ".join(sentence() for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(4, 9))
    )
    return Story(title, body, rng.choice(["business", "sport", "politics", "tech", "news"]))


@dataclass(frozen=True)
class _Item:
    title: str
    link: str
    guid: str
    published: datetime
    categories: tuple[str, ...]
    summary: str
    html: str


def _item(
    story: Story, retold: bool, rng: random.Random, feed: int, n: int, now: datetime
) -> _Item:
    paragraphs = list(story.paragraphs)
    if retold and len(paragraphs) > 2:
        # Another outlet's telling: same lead, the rest reordered and one paragraph dropped.
        rest = paragraphs[1:]
        rng.shuffle(rest)
        paragraphs = [paragraphs[0], *rest[:-1]]
    budget = int(BODY_CHARS * rng.uniform(0.5, 1.5))
    kept: list[str] = []
    for paragraph in paragraphs:
        kept.append(paragraph)
        budget -= len(paragraph)
        if budget <= 0:
            break
    slug = re.sub(r"[^a-z0-9]+", "-", story.title.lower()).strip("-")[:60]
    link = f"https://news{feed:03d}.example.com/{story.category}/{slug}-{n}"
    html = "".join(f"<p>{escape(p, quote=False)}</p>\n" for p in kept)
    if len(kept) > 2:
        html = html.replace("</p>\n", "</p>\n<h2>More</h2>\n", 1)
    extra = rng.sample(["world", "uk", "analysis", "live", "opinion", "latest"], rng.randint(0, 2))
    return _Item(
        title=story.title,
        link=link,
        guid=f"{link}#{feed}-{n}",
        published=now - timedelta(seconds=rng.randint(60, 2 * 86400 - 600)),
        categories=(story.category, *extra),
        summary=_SENTENCE.split(kept[0])[0][:300],
        html=html,
    )


def _rss(feed: int, items: list[_Item], now: datetime) -> str:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>News {feed:03d}</title>\n<link>https://news{feed:03d}.example.com/</link>\n"
        f"<description>Stories from outlet {feed:03d}</description>\n<language>en-gb</language>\n"
        f"<lastBuildDate>{format_datetime(now)}</lastBuildDate>\n"
    ]
    for it in items:
        cats = "".join(f"<category>{escape(c)}</category>" for c in it.categories)
        parts.append(
            f"<item>\n<title>{escape(it.title)}</title>\n<link>{escape(it.link)}</link>\n"
            f'<guid isPermaLink="false">{escape(it.guid)}</guid>\n'
            f"<pubDate>{format_datetime(it.published)}</pubDate>\n{cats}\n"
            f"<description>{escape(it.summary)}</description>\n"
            f"<content:encoded><![CDATA[{it.html.replace(']]>', ']]&gt;')}]]></content:encoded>\n"
            "</item>\n"
        )
    parts.append("</channel>\n</rss>\n")
    return "".join(parts)


def _atom(feed: int, items: list[_Item], now: datetime) -> str:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<title>News {feed:03d}</title>\n<id>urn:example:news{feed:03d}</id>\n"
        f'<link href="https://news{feed:03d}.example.com/"/>\n'
        f"<updated>{now.isoformat()}</updated>\n"
    ]
    for it in items:
        cats = "".join(f'<category term="{escape(c)}"/>' for c in it.categories)
        parts.append(
            f"<entry>\n<title>{escape(it.title)}</title>\n"
            f'<link rel="alternate" href="{escape(it.link)}"/>\n<id>{escape(it.guid)}</id>\n'
            f"<published>{it.published.isoformat()}</published>\n"
            f"<updated>{it.published.isoformat()}</updated>\n{cats}\n"
            f"<author><name>Reporter {feed:03d}</name></author>\n"
            f"<summary>{escape(it.summary)}</summary>\n"
            f'<content type="html">{escape(it.html)}</content>\n</entry>\n'
        )
    parts.append("</feed>\n")
    return "".join(parts)


def feed_name(index: int) -> str:
    """The file name of feed `index`: even feeds are RSS 2.0, odd ones Atom."""
    return f"feed-{index:03d}.{'rss' if index % 2 == 0 else 'atom'}.xml"


def build_corpus(
    out: Path,
    feeds: int = 500,
    items: int = 40,
    data: Path = DATA,
    seed: int = 0,
    now: datetime | None = None,
) -> list[Path]:
    """Write `feeds` feed files of `items` entries each into `out`; their paths, in order."""
    now = now or datetime.now(UTC).replace(microsecond=0)
    rng = random.Random(seed)
    stories = load_stories(data, seed)
    order = list(range(len(stories)))
    rng.shuffle(order)
    out.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for f in range(feeds):
        entries = []
        for i in range(items):
            k = f * items + i
            story = stories[order[k % len(stories)]]
            entries.append(_item(story, k >= len(stories), rng, f, i, now))
        entries.sort(key=lambda it: it.published, reverse=True)
        text = _rss(f, entries, now) if f % 2 == 0 else _atom(f, entries, now)
        path = out / feed_name(f)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def write_opml(path: Path, urls: list[str]) -> None:
    """An OPML file subscribing to `urls`."""
    outlines = "".join(
        f'<outline type="rss" text="News {i:03d}" xmlUrl="{escape(u)}"/>\n'
        for i, u in enumerate(urls)
    )
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<opml version="2.0">\n'
        f"<head><title>benchmark corpus</title></head>\n<body>\n{outlines}</body>\n</opml>\n",
        encoding="utf-8",
    )


def main(argv: list[str]) -> int:
    """`corpus.py OUT [FEEDS [ITEMS]]`: write a corpus and print its size."""
    if not argv:
        print("usage: python benchmarks/corpus.py OUT [FEEDS [ITEMS]]", file=sys.stderr)
        return 2
    feeds = int(argv[1]) if len(argv) > 1 else 500
    items = int(argv[2]) if len(argv) > 2 else 40
    paths = build_corpus(Path(argv[0]), feeds, items)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} feeds x {items} items, {size / 1e6:.1f} MB in {argv[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
