"""The library API: its contract, that it is the digest's own code, and that importing is cheap."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import UTC, datetime, timedelta

import digest
from digest.analysis import stories, summarize, topics
from digest.analysis.build import build_digest
from digest.config import DigestSettings
from digest.models import Article

STORM = (
    "Storm Alba brought winds of up to 140 km/h to the northern coast on Sunday.\n"
    "The weather service kept its red warning in place for coastal towns until Monday.\n"
    "Rail operators cancelled all trains between the port cities, and ferries stayed in port.\n"
    "Emergency crews rescued two fishermen whose boat capsized near the harbour wall.\n"
)


def _modules_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_importing_digest_and_grouping_modules_loads_no_sumy_or_nltk() -> None:
    loaded = _modules_after("import digest, digest.analysis.topics, digest.analysis.stories")
    assert not {m for m in loaded if m.split(".")[0] in {"sumy", "nltk"}}
    loaded = _modules_after("import digest, digest.analysis.build")
    assert not {m for m in loaded if m.split(".")[0] in {"sumy", "nltk"}}


def test_importing_digest_loads_no_numpy_either() -> None:
    loaded = _modules_after("import digest")
    assert not {m for m in loaded if m.split(".")[0] in {"sumy", "nltk", "numpy", "textual"}}


def test_public_names() -> None:
    assert digest.__version__
    assert set(digest.__all__) == {
        "__version__",
        "group_stories",
        "summarize",
        "summarize_story",
        "topic_of",
    }


def test_summarize_contract() -> None:
    summary = digest.summarize(STORM, sentences=2, title="Storm Alba hits the coast")
    assert isinstance(summary, list) and len(summary) == 2
    assert all(isinstance(s, str) and s in STORM for s in summary)
    assert [STORM.index(s) for s in summary] == sorted(STORM.index(s) for s in summary)
    assert summary == summarize.summarize_text(STORM, count=2, title="Storm Alba hits the coast")
    assert digest.summarize(STORM) == summarize.summarize_text(STORM, count=3)
    assert digest.summarize(STORM, language="german")


def test_summarize_story_contract() -> None:
    second = (
        "Two fishermen were rescued on Sunday after their boat capsized in the storm.\n"
        "Storm Alba brought winds of up to 140 km/h to the northern coast on Sunday.\n"
    )
    sources = [("Storm Alba hits the coast", STORM), ("Fishermen rescued in storm", second)]
    result = digest.summarize_story(sources)
    assert len(result) == summarize.summary_length(2) == 4
    for text, index in result:
        assert isinstance(text, str) and isinstance(index, int)
        assert text in sources[index][1]
    assert [t for t, _ in result].count(
        "Storm Alba brought winds of up to 140 km/h to the northern coast on Sunday."
    ) <= 1
    assert result == summarize.summarize_sources(sources, count=4)
    assert len(digest.summarize_story(sources, sentences=2)) == 2
    assert digest.summarize_story([]) == []


def test_topic_of_and_group_stories_are_the_digest_functions() -> None:
    title, text = "Striker scores twice in the cup final", "The league season ended."
    assert digest.topic_of(title, text) == topics.topic_of(title, text) == "Sports"
    assert digest.topic_of(title, text, ["Wirtschaft"]) == "Business"
    assert digest.topic_of("", "") in topics.TAXONOMY
    items = [("Storm Alba hits the coast", STORM), ("Storm Alba lashes coast", STORM), ("", "")]
    assert digest.group_stories(items) == stories.group_stories(items) == [0, 0, 1]


def test_the_digest_summarizes_stories_with_the_api_code() -> None:
    now = datetime(2026, 11, 2, tzinfo=UTC)
    article = Article(
        id=1,
        feed_id=1,
        feed_title="Coast News",
        feed_topic=None,
        guid="a",
        url=None,
        title="Storm Alba hits the coast",
        author=None,
        published=now - timedelta(hours=1),
        text=STORM,
        categories=(),
        disclaimer=None,
        read=False,
        starred=False,
        first_seen=now,
    )
    built = build_digest(
        [article], since=now - timedelta(days=1), until=now, settings=DigestSettings()
    )
    (topic,) = built.topics
    (story,) = topic.stories
    expected = digest.summarize_story([(article.title, article.text)])
    assert [(s.text, s.source) for s in story.summary] == expected
    assert topic.name == digest.topic_of(article.title, article.text)
