"""Building a Digest from articles: window, topics, stories, ids, summaries, order, invariants."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from html import escape
from pathlib import Path

import pytest
from language_samples import FRENCH_FEED_ARTICLES, GERMAN_FEED_ARTICLES

import digest as api
from digest.analysis.boilerplate import is_boilerplate, is_disclaimer
from digest.analysis.build import (
    DIGEST_DISCLAIMER,
    RANK_HALF_LIFE,
    build_digest,
    choose_headline,
    story_score,
)
from digest.analysis.story_jobs import StoryJob, StoryResult
from digest.config import DigestSettings, UserTopic
from digest.feeds.parse import parse_feed
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


def test_story_score_weighs_outlets_against_age() -> None:
    def score(outlets: int, hours: float) -> float:
        return story_score(outlets, timedelta(hours=hours))

    assert score(3, 10) > score(1, 2)
    assert score(3, 72) < score(1, 0)
    assert score(16, 72) < score(1, 20)
    assert score(2, 5) > score(1, 5)
    assert score(1, 5) > score(1, 6)
    assert story_score(2, RANK_HALF_LIFE) == score(1, 0) == 1.0
    # A report dated after the digest's end is as fresh as fresh gets, not fresher.
    assert score(1, -30) == score(1, 0)


def _sports(number: int, title: str, text: str, hours_ago: float, feed: str) -> Article:
    return _article(number, title, text, hours_ago, feed=feed, topic="Sports")


def test_stories_rank_by_outlets_and_recency() -> None:
    wire = (
        "The marathon world record fell in Berlin on Sunday as the Kenyan runner finished in "
        "two hours and thirty seconds.\n"
        "Organisers said the cool weather and flat course helped the leading group.\n"
    )
    final = (
        "The rowing club won the regional final by a length on the river on Saturday morning.\n"
        "Its coach said the crew had trained through the winter for this race.\n"
    )
    articles = [
        # Three outlets carry the marathon record, 10 hours ago: wire copies, one of them twice.
        _sports(1, "Marathon record falls in Berlin", wire, 10, "Wire A"),
        _sports(2, "Kenyan runner breaks marathon record", wire, 10, "Wire B"),
        _sports(3, "Berlin marathon: world record falls", wire, 9.5, "Wire C"),
        _sports(4, "Marathon record falls in Berlin (updated)", wire, 9, "Wire C"),
        # One outlet, 2 hours ago.
        _sports(
            5,
            "Tennis champion retires at 31",
            "The former champion announced her retirement from tennis on Monday at the age "
            "of 31.\nShe won four grand slam titles in her career.\n",
            2,
            "Court News",
        ),
        # One outlet, 30 hours ago.
        _sports(6, "Rowing club wins regional final", final, 30, "River Post"),
        # Three outlets, three days ago: big, but old.
        *(
            _sports(
                7 + i,
                "Cricket board names new selectors",
                "The cricket board named three new selectors for the national team after the "
                "old panel resigned.\nThe chairman said the team needed fresh ideas.\n",
                72 - i,
                f"Cricket {i}",
            )
            for i in range(3)
        ),
    ]
    since = NOW - timedelta(days=4)
    settings = DigestSettings(max_stories_per_topic=10)
    digest = build_digest(articles, since=since, until=NOW, settings=settings, now=NOW)
    (sports,) = digest.topics
    firsts = [s.sources[0].article_id for s in sports.stories]
    assert firsts == [1, 5, 6, 7]
    marathon = sports.stories[0]
    assert [s.article_id for s in marathon.sources] == [1, 2, 3, 4]
    # Syndicated copies: one story, no sentence quoted twice.
    quoted = [" ".join(s.text.split()) for s in marathon.summary]
    assert quoted and len(set(quoted)) == len(quoted)
    # The limit keeps the best-ranked stories, not the newest ones.
    settings = DigestSettings(max_stories_per_topic=2)
    top = build_digest(articles, since=since, until=NOW, settings=settings, now=NOW)
    assert [s.sources[0].article_id for s in top.topics[0].stories] == [1, 5]


FERRY = "Ferry workers walked out on Monday, halting all crossings to the islands for 24 hours."


def test_headline_is_the_most_representative() -> None:
    sources = [
        ("Islanders angry", "Islanders said they were angry about the walkout by staff."),
        ("Ferry strike halts island crossings", FERRY),
        ("Crossings halted as ferry staff strike", FERRY),
        ("Unions flex muscles", "Unions across the country are flexing their muscles this year."),
    ]
    assert choose_headline(sources) == "Ferry strike halts island crossings"
    # A headline that is all stop words or empty shares nothing; an empty one is never chosen.
    assert choose_headline([("", FERRY), ("The one", FERRY)]) == "The one"
    assert choose_headline([("  ", FERRY)]) == "(untitled)"
    assert choose_headline([]) == "(untitled)"
    assert choose_headline([(" Ferry strike ", FERRY)]) == "Ferry strike"
    # Syndicated copies under one headline: the first copy's.
    assert choose_headline([("Ferry strike", FERRY), ("ferry  STRIKE", FERRY)]) == "Ferry strike"


def test_headline_avoids_teasers_capitals_and_long_ones_when_there_is_a_choice() -> None:
    plain = ("Ferry workers strike", FERRY)
    teasers = [
        "Is this the end of the island ferry as we know it?",
        "Ferry strike halts all crossings to the islands!",
        "WATCH: ferry workers walk out, halting crossings",
        "Here's why ferry workers walked out on Monday",
        "FERRY WORKERS WALK OUT, HALTING ALL CROSSINGS",
        "Ferry workers walked out on Monday, halting all crossings to the islands for 24 hours "
        "in a row over pay and rotas, the union said",
    ]
    for teaser in teasers:
        assert choose_headline([(teaser, FERRY), plain]) == plain[0], teaser
    # With no choice, the least flawed one, then the most representative one.
    question = "Ferry strike halts island crossings?"
    shouting = "FERRY STRIKE: WHAT WE KNOW?"
    assert choose_headline([(shouting, FERRY), (question, FERRY)]) == question
    assert choose_headline([("Strike?", FERRY), (question, FERRY)]) == question


def test_the_digest_titles_stories_with_the_chosen_headline() -> None:
    articles = _articles()
    articles[0] = replace(articles[0], title="Will the ferry strike ever end?")
    digest = _build(articles)
    ferry = next(s for t in digest.topics for s in t.stories if len(s.sources) == 3)
    assert ferry.sources[0].title == "Will the ferry strike ever end?"
    assert ferry.title == "Crossings halted as ferry staff strike"


def test_the_digest_runs_the_library_api_code() -> None:
    articles = _articles()
    digest = _build(articles)
    by_id = {a.id: a for a in articles}
    inside = sorted(
        (a for a in articles if SINCE <= a.when <= NOW), key=lambda a: (a.when, a.feed_id)
    )
    labels = api.group_stories([(a.title, a.text) for a in inside])
    expected_groups = {
        frozenset(a.id for a, label in zip(inside, labels, strict=True) if label == wanted)
        for wanted in set(labels)
    }
    stories = [s for t in digest.topics for s in t.stories]
    assert {frozenset(src.article_id for src in s.sources) for s in stories} == expected_groups
    for topic in digest.topics:
        for story in topic.stories:
            sources = [by_id[src.article_id] for src in story.sources if src.article_id]
            expected = api.summarize_story([(a.title, a.text) for a in sources])
            assert [(s.text, s.source) for s in story.summary] == expected
            if len(sources) == 1 and not sources[0].feed_topic:
                first = sources[0]
                assert topic.name == api.topic_of(first.title, first.text, first.categories)


def _feed_articles(body: bytes, feed_id: int, first_id: int) -> list[Article]:
    """The entries of a feed document as stored articles, with the feed's declared language."""
    parsed = parse_feed(body, f"https://news{feed_id}.example/feed")
    return [
        Article(
            id=first_id + n,
            feed_id=feed_id,
            feed_title=parsed.title or "",
            feed_topic=None,
            guid=entry.guid,
            url=entry.url,
            title=entry.title,
            author=None,
            published=NOW - timedelta(hours=n + 1),
            text=entry.text,
            categories=entry.categories,
            disclaimer=None,
            read=False,
            starred=False,
            first_seen=NOW - timedelta(hours=n + 1),
            feed_language=parsed.language,
        )
        for n, entry in enumerate(parsed.entries)
    ]


def _rss(language: str, articles: list[tuple[str, str]], category: str) -> bytes:
    items = "".join(
        f"<item><title>{escape(title)}</title><guid>urn:{language}:{n}</guid>"
        f"<category>{category}</category><description>"
        + escape("".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n")))
        + "</description></item>"
        for n, (title, text) in enumerate(articles)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Feed {language}</title><link>https://example.org/</link>"
        f"<language>{language}</language>{items}</channel></rss>"
    ).encode()


def _atom(language: str, articles: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<entry><title>{escape(title)}</title><id>urn:{language}:{n}</id>"
        f"<updated>2026-11-29T10:00:00Z</updated><content type='html'>"
        + escape("".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n")))
        + "</content></entry>"
        for n, (title, text) in enumerate(articles)
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" '
        f'xml:lang="{language}"><title>Journal</title><id>urn:feed</id>'
        f"<updated>2026-11-29T10:00:00Z</updated>{entries}</feed>"
    ).encode()


def test_german_and_french_feeds_summarize_with_their_own_stemmer_and_stop_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A German RSS feed (language "de-DE") and a French Atom feed (xml:lang "fr-FR"): each
    story's summary is made with its language's lexicon, and the German stop words are never
    content in it."""
    import digest.analysis.lexicon as lexicon
    import digest.analysis.story_jobs as story_jobs

    articles = _feed_articles(_rss("de-DE", GERMAN_FEED_ARTICLES, "Politik"), 1, 1)
    articles += _feed_articles(_atom("fr-FR", FRENCH_FEED_ARTICLES), 2, 10)
    languages: dict[str, str] = {}
    real_run = story_jobs.run_job

    def recording(job: StoryJob) -> StoryResult:
        languages[job.sources[0][0]] = job.language
        return real_run(job)

    monkeypatch.setattr(story_jobs, "run_job", recording)
    monkeypatch.setattr(lexicon, "_LEXICONS", {})
    digest = build_digest(articles, since=SINCE, until=NOW, settings=DigestSettings(), now=NOW)
    titles = [title for title, _ in GERMAN_FEED_ARTICLES + FRENCH_FEED_ARTICLES]
    assert languages == {
        titles[0]: "german",
        titles[1]: "german",
        titles[2]: "french",
        titles[3]: "french",
    }
    lexicons = lexicon._LEXICONS
    assert set(lexicons) == {"german", "french"}
    german = lexicons["german"]
    assert german.stem("Busnetz") == german.stem("busnetze")
    assert german.is_stop[german.numbers("der")[0]] and "der" in german._words
    assert "stadtrat" in german._words and "stadtrat" not in lexicons["french"]._words
    assert "fleuve" not in german._words and "seine" in lexicons["french"]._words
    # The section name maps the German stories to their topic; every sentence is quoted.
    stories = {s.sources[0].title: (t.name, s) for t in digest.topics for s in t.stories}
    assert stories[titles[0]][0] == "Politics"
    texts = {a.title: a.text for a in articles}
    for _, story in stories.values():
        assert story.summary and all(s.text in texts[story.sources[0].title] for s in story.summary)
    # Through the library API, in the same language, the same summary.
    for title, text in GERMAN_FEED_ARTICLES:
        expected = api.summarize_story([(title, text)], language="german")
        assert [(s.text, s.source) for s in stories[title][1].summary] == expected
