"""Full text through a real fetch: teaser feeds get their articles' pages, summarized."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from feedserver import FeedServer

from digest.cli import main

STORIES = {
    "tide": (
        "Tidal barrier closes early as storm surge nears the estuary",
        [
            "The Wenmouth tidal barrier was closed six hours ahead of schedule on Tuesday.",
            "Engineers said the storm surge could lift the estuary two metres above normal.",
            "Barges waiting upstream were ordered to moor along the eastern quay overnight.",
            "The last early closure, in 2019, spared about four thousand homes from flooding.",
            "River police will patrol the embankment until the surge has passed at dawn.",
            "Residents of the low streets were asked to move cars away from the waterfront.",
        ],
    ),
    "orchard": (
        "Cider makers count losses after late frost hits orchards",
        [
            "A late frost has damaged apple blossom across the Dunmere valley this week.",
            "Growers estimate that a third of this year's cider crop has been lost.",
            "Several farms lit braziers between the rows to keep the air above freezing.",
            "The growers' association will ask the county for help with insurance costs.",
            "Buyers expect the price of local cider to rise before the autumn fairs.",
            "Older trees on the sheltered slopes came through the cold nights almost unharmed.",
        ],
    ),
    "gone": (
        "Library reopens after roof repairs",
        ["The Kellbrook library reopened on Monday after eight months of roof repairs."],
    ),
}

BOILERPLATE = [
    "Accept all cookies to continue reading our journalism with fewer interruptions.",
    "Sign up for our morning briefing and never miss the stories that matter to you.",
    "Most read: ten gadgets our editors could not live without this winter season.",
    "Copyright 2026 The Example Herald and its partners, all rights reserved worldwide.",
    "Comments are moderated and may take a day to appear below this article page.",
]


def page(title: str, sentences: list[str]) -> bytes:
    paragraphs = "".join(f"<p>{' '.join(sentences[i : i + 2])}</p>" for i in range(0, 6, 2))
    return (
        (
            "<!doctype html><html><head><title>{t}</title></head><body>"
            "<div class='cookie-banner'><p>{b0}</p><button>Accept</button></div>"
            "<header><nav><a href='/'>Home</a> <a href='/world'>World</a>"
            " <a href='/sport'>Sport</a></nav></header><main><article><h1>{t}</h1>{p}</article>"
            "<aside class='newsletter'><p>{b1}</p></aside>"
            "<aside class='most-read'><h2>Most read</h2><ul><li><a href='/x'>{b2}</a></li></ul>"
            "</aside>"
            "<section class='comments'><h2>Comments</h2><p>{b4}</p></section></main>"
            "<footer><p>{b3}</p></footer></body></html>"
        )
        .format(t=title, p=paragraphs, **{f"b{i}": s for i, s in enumerate(BOILERPLATE)})
        .encode()
    )


def teaser_feed(server: FeedServer, name: str) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>{server.url(f'/{name}/{key}.html')}</link>"
        f"<guid>{name}-{key}</guid><pubDate>Sat, 28 Nov 2026 10:00:00 GMT</pubDate>"
        f"<description>{sentences[0]}</description></item>"
        for key, (title, sentences) in STORIES.items()
    )
    return (
        f"<?xml version='1.0'?><rss version='2.0'><channel><title>{name}</title>"
        f"<link>https://{name}.example/</link>{items}</channel></rss>"
    ).encode()


@pytest.fixture
def site(feed_server: FeedServer) -> FeedServer:
    for name in ("herald", "courier"):
        feed_server.add(f"/{name}.xml", teaser_feed(feed_server, name), etag=f'"{name}-1"')
        for key, (title, sentences) in STORIES.items():
            if key != "gone":
                feed_server.add(f"/{name}/{key}.html", page(title, sentences), etag=f'"{key}"')
    return feed_server


def digest(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def stories(capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    code, out, _ = digest(capsys, "show", "--since", "2026-11-01", "--format", "json")
    assert code == 0
    return [s for t in json.loads(out)["topics"] for s in t["stories"]]


def test_full_text_feeds_are_summarized_from_their_pages(
    site: FeedServer, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    code, _, err = digest(capsys, "add", site.url("/herald.xml"), "--full-text")
    assert code == 0, err
    assert site.hits["/herald/tide.html"] == 1 and site.hits["/herald/gone.html"] == 1
    found = stories(capsys)
    by_title = {s["title"]: s for s in found}
    for key in ("tide", "orchard"):
        title, sentences = STORIES[key]
        summary = [entry["text"] for entry in by_title[title]["summary"]]  # type: ignore[index]
        # Sentences beyond the one-sentence teaser, all from the article body, none from the
        # page's navigation, banners, related links, comments or footer.
        assert len(summary) >= 2 and set(summary) <= set(sentences), summary
        assert any(sentence != sentences[0] for sentence in summary)
    all_text = json.dumps(found)
    assert not any(line[:30] in all_text for line in BOILERPLATE)
    # The page that could not be read: the story keeps its feed text, and the feed says why.
    gone = by_title[STORIES["gone"][0]]
    assert [e["text"] for e in gone["summary"]] in ([STORIES["gone"][1][0]], [])  # type: ignore[index]
    code, out, _ = digest(capsys, "feeds")
    assert "full text: 2 article pages read; 1 could not be read" in out and "404" in out


def test_teasers_get_their_pages_by_default_and_pages_are_not_fetched_twice(
    site: FeedServer, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    assert digest(capsys, "add", site.url("/courier.xml"))[0] == 0  # full text "auto"
    assert site.hits["/courier/tide.html"] == 1
    assert digest(capsys, "fetch", "--all")[0] == 0  # the feed answers 304
    assert digest(capsys, "fetch", "--all")[0] == 0
    assert site.hits["/courier/tide.html"] == 1
    # The 404 is asked again only when the feed changes, and at most three times in all.
    assert site.hits["/courier/gone.html"] == 1


def test_feeds_with_full_text_off_or_whole_articles_fetch_no_pages(
    site: FeedServer, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    assert digest(capsys, "add", site.url("/herald.xml"))[0] == 0
    assert digest(capsys, "feed", site.url("/herald.xml"), "--full-text", "no")[0] == 0
    before = sum(site.hits[p] for p in site.hits if p.endswith(".html"))
    long_item = " ".join(STORIES["tide"][1])
    site.add(
        "/whole.xml",
        (
            "<?xml version='1.0'?><rss version='2.0'><channel><title>whole</title>"
            f"<item><title>Tide</title><link>{site.url('/herald/tide.html')}</link>"
            f"<guid>w1</guid><description>{long_item} {long_item}</description></item>"
            "</channel></rss>"
        ).encode(),
    )
    assert digest(capsys, "add", site.url("/whole.xml"))[0] == 0  # auto, but not a teaser
    assert digest(capsys, "fetch", "--all")[0] == 0
    assert sum(site.hits[p] for p in site.hits if p.endswith(".html")) == before
