"""Building a Digest from articles: window, topics, stories, ids, summaries, order, invariants."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.analysis.boilerplate import is_boilerplate, is_disclaimer
from digest.analysis.build import DIGEST_DISCLAIMER, build_digest
from digest.config import DigestSettings, UserTopic
from digest.models import Article, Digest

NOW = datetime(2026, 11, 2, 12, 0, tzinfo=UTC)
SINCE = NOW - timedelta(hours=36)
NOTICE = (
    "Disclaimer: This content is aggregated from public sources online. "
    "Please verify information independently."
)


def _article(
    number: int,
    title: str,
    text: str,
    hours_ago: float,
    *,
    feed: str | None = None,
    topic: str | None = None,
    disclaimer: str | None = None,
    categories: tuple[str, ...] = (),
) -> Article:
    when = NOW - timedelta(hours=hours_ago)
    return Article(
        id=number,
        feed_id=number,
        feed_title=feed or f"Outlet {number}",
        feed_topic=topic,
        guid=f"urn:{number}",
        url=f"https://example.org/{number}",
        title=title,
        author=None,
        published=when,
        text=text,
        categories=categories,
        disclaimer=disclaimer,
        read=False,
        starred=False,
        first_seen=when,
    )


def _articles() -> list[Article]:
    ferry = (
        "Ferry workers walked out on Monday, halting all crossings to the islands for 24 hours.\n"
        "The union said the strike was over pay and rotas after talks with the operator broke "
        "down.\n"
        "The operator said it was disappointed and urged passengers not to travel.\n"
    )
    return [
        _article(1, "Ferry strike halts island crossings", ferry, 5, feed="Coast News"),
        _article(
            2,
            "Islanders stranded by ferry strike",
            "Hundreds of islanders were stranded on Monday after ferry workers went on strike, "
            "halting every crossing to the islands for 24 hours.\n"
            "Shops said fresh food deliveries would run short by Tuesday.\n" + NOTICE,
            3,
            feed="Island Daily",
            disclaimer=NOTICE,
        ),
        _article(3, "Crossings halted as ferry staff strike", ferry, 2, feed="Wire Copy"),
        _article(
            4,
            "Striker scores twice as City win the cup final",
            "The striker scored in each half as City beat United 2-0 in the cup final at the "
            "national stadium on Saturday.\n"
            "The manager praised his team's defending in the second half.\n",
            8,
        ),
        _article(
            5,
            "Shares fall as chipmaker's profits miss forecasts",
            "Shares in the chipmaker fell 9% after quarterly profits and revenue missed analysts' "
            "forecasts.\nThe firm blamed weak demand from smartphone makers.\n",
            1,
        ),
        _article(6, "Old news", "Something that happened long before the window opened.", 100),
        _article(
            7,
            "Glacier retreat speeds up",
            "Scientists measured the glacier's retreat with satellite data over ten years.\n"
            "The researchers said the ice was melting twice as fast as in the 1990s.\n",
            4,
            topic="climate",
        ),
    ]


def _build(articles: list[Article], **settings: int) -> Digest:
    return build_digest(
        articles,
        since=SINCE,
        until=NOW,
        settings=DigestSettings(**settings),
        user_topics=[UserTopic("Climate", ("glacier", "emissions"))],
        now=NOW,
    )


def _topic_by_first_source(digest: Digest) -> dict[int | None, str]:
    return {s.sources[0].article_id: t.name for t in digest.topics for s in t.stories}


def test_window_topics_and_stories() -> None:
    digest = _build(_articles())
    assert digest.disclaimer == DIGEST_DISCLAIMER
    assert (digest.generated_at, digest.since, digest.until) == (NOW, SINCE, NOW)
    # The ferry strike (workers, union, operator) and the chipmaker's results are Business.
    assert [t.name for t in digest.topics] == ["Business", "Sports", "Climate"]
    stories = {s.title: s for t in digest.topics for s in t.stories}
    assert "Old news" not in stories
    assert digest.story_count == 4
    ferry = next(s for s in stories.values() if len(s.sources) == 3)
    assert [s.feed for s in ferry.sources] == ["Coast News", "Island Daily", "Wire Copy"]
    assert [s.article_id for s in ferry.sources] == [1, 2, 3]
    assert ferry.published == NOW - timedelta(hours=2)
    assert ferry.sources[1].disclaimer == NOTICE
    assert ferry.sources[0].disclaimer is None
    assert ferry.sources[0].url == "https://example.org/1"
    assert ferry.sources[0].published == NOW - timedelta(hours=5)
    assert ferry.title == "Ferry strike halts island crossings"
    # The user's feed topic ("climate") names their own topic, which lists before Other.
    assert _topic_by_first_source(digest)[7] == "Climate"


def test_topics_in_listing_order_and_stories_newest_first() -> None:
    names = [t.name for t in _build(_articles()).topics]
    order = [
        "World",
        "Politics",
        "Business",
        "Technology",
        "Science",
        "Health",
        "Sports",
        "Entertainment",
        "Climate",
        "Other",
    ]
    assert names == [n for n in order if n in names]
    reports = [
        ("Striker scores twice as City win the cup final", "City beat United 2-0 at the stadium."),
        ("Champion defends tennis title in straight sets", "The top seed won the tournament."),
        ("Rugby side names new captain before tour", "The squad flies out on Monday."),
        ("Marathon record falls in Berlin", "The runner beat the world record by a second."),
        ("Cricket team collapses on day three", "The innings ended before tea at the test match."),
    ]
    articles = [_article(10 + i, t, x, i) for i, (t, x) in enumerate(reports)]
    digest = _build(articles, max_stories_per_topic=3)
    (sports,) = digest.topics
    assert sports.name == "Sports"
    assert [s.title for s in sports.stories] == [title for title, _ in reports[:3]]


def test_every_summary_sentence_is_quoted_from_the_source_it_names() -> None:
    articles = _articles()
    digest = _build(articles)
    texts = {a.id: " ".join(a.text.split()) for a in articles}
    for topic in digest.topics:
        for story in topic.stories:
            assert story.summary
            for sentence in story.summary:
                source = story.sources[sentence.source]
                assert source.article_id is not None
                assert " ".join(sentence.text.split()) in texts[source.article_id]
                assert not is_boilerplate(sentence.text)
                assert not is_disclaimer(sentence.text)
            quoted = [s.text for s in story.summary]
            assert len(set(quoted)) == len(quoted)


def test_story_ids_are_stable_across_rebuilds() -> None:
    articles = _articles()
    first = {s.sources[0].article_id: s.id for t in _build(articles).topics for s in t.stories}
    later = _article(
        8,
        "Ferry strike: talks to resume on Thursday",
        "Ferry workers walked out on Monday, halting all crossings to the islands, and the union "
        "said talks with the operator would resume on Thursday.\n",
        0.5,
    )
    rebuilt = _build([later, *reversed(articles)])
    second = {s.sources[0].article_id: s.id for t in rebuilt.topics for s in t.stories}
    assert first == second
    assert len(set(first.values())) == len(first)
    assert max(len(s.sources) for t in rebuilt.topics for s in t.stories) == 4


def test_feed_topic_set_by_the_user_wins_for_the_story() -> None:
    articles = _articles()
    articles[0] = replace(articles[0], feed_topic="Politics")
    assert _topic_by_first_source(_build(articles))[1] == "Politics"


def test_future_dated_and_naive_times_are_handled() -> None:
    seen = NOW - timedelta(hours=1)
    future = replace(_articles()[4], published=NOW + timedelta(hours=5), first_seen=seen)
    digest = build_digest(
        [future],
        since=SINCE.replace(tzinfo=None),
        until=NOW.replace(tzinfo=None),
        settings=DigestSettings(),
    )
    (topic,) = digest.topics
    assert topic.stories[0].published == seen
    assert topic.stories[0].sources[0].published == NOW + timedelta(hours=5)
    assert digest.generated_at.tzinfo is not None


def test_progress_is_reported_and_empty_builds_work() -> None:
    calls: list[tuple[int, int]] = []
    build_digest(
        _articles(),
        since=SINCE,
        until=NOW,
        settings=DigestSettings(),
        on_progress=lambda d, t: calls.append((d, t)),
    )
    assert calls and calls[-1] == (4, 4)
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    empty = build_digest([], since=SINCE, until=NOW, settings=DigestSettings(), now=NOW)
    assert empty.topics == [] and empty.disclaimer == DIGEST_DISCLAIMER
    assert Digest.from_json(empty.to_json()).to_json() == empty.to_json()


def test_the_json_contract_round_trips() -> None:
    digest = _build(_articles())
    data = json.loads(json.dumps(digest.to_json()))
    assert Digest.from_json(data).to_json() == data
    for topic in data["topics"]:
        for story in topic["stories"]:
            for sentence in story["summary"]:
                assert 0 <= sentence["source"] < len(story["sources"])


def test_bbc_articles_build_quickly_with_the_invariant(shared_data: Path) -> None:
    path = shared_data / "eval" / "bbc_news.jsonl"
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    articles = [
        _article(i + 1, row["title"], row["article"], (i * 7) % 36, feed=f"Feed {i % 40}")
        for i, row in enumerate(rows)
    ]
    start = time.perf_counter()
    digest = build_digest(
        articles,
        since=SINCE,
        until=NOW,
        settings=DigestSettings(max_stories_per_topic=1000),
        now=NOW,
    )
    elapsed = time.perf_counter() - start
    assert elapsed < 30.0  # about 1.5 s here
    assert {t.name for t in digest.topics} >= {"Business", "Sports", "Technology"}
    texts = {a.id: " ".join(a.text.split()) for a in articles}
    assert sum(len(s.sources) for t in digest.topics for s in t.stories) == len(articles)
    for topic in digest.topics:
        for story in topic.stories:
            for sentence in story.summary:
                article_id = story.sources[sentence.source].article_id
                assert article_id is not None
                assert " ".join(sentence.text.split()) in texts[article_id]
                assert not is_boilerplate(sentence.text)
