"""Filters in config.toml: matching articles are never shown nor summarized, in any form."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from digest.cli import main
from digest.config import load_config
from digest.errors import ConfigError
from digest.filters import ArticleFilter, FilterSettings, apply_filters
from digest.models import Article
from digest.paths import resolve_paths
from digest.session import ReaderSession

NOW = datetime.now(UTC).replace(microsecond=0)


def _article(title: str, text: str = "Plain text.", feed: str = "Daily News") -> Article:
    return Article(
        id=1,
        feed_id=1,
        feed_title=feed,
        feed_topic=None,
        guid="g",
        url=None,
        title=title,
        author=None,
        published=NOW,
        text=text,
        categories=(),
        disclaimer=None,
        read=False,
        starred=False,
        first_seen=NOW,
    )


def test_words_match_whole_words_in_any_case() -> None:
    compiled = ArticleFilter(FilterSettings(title=("sponsored", "C++", "free trial")))
    assert compiled.matches(_article("A SPONSORED post"))
    assert compiled.matches(_article("Why C++ still matters"))
    assert compiled.matches(_article("Start your FREE\n trial today"))
    assert not compiled.matches(_article("Unsponsored thoughts"))
    assert not compiled.matches(_article("The sponsorship deal"))
    assert not compiled.matches(_article("C++x"))
    assert not compiled.matches(_article("A free ride", text="sponsored"))


def test_each_field_is_matched_on_its_own() -> None:
    settings = FilterSettings(feed=("deals",), text=("casino",), title_regex=(r"^\[Ad\]",))
    compiled = ArticleFilter(settings)
    assert compiled.reason(_article("x", feed="Hot Deals")) == "feed"
    assert compiled.reason(_article("x", text="Visit the Casino tonight.")) == "text"
    assert compiled.reason(_article("[Ad] Buy now")) == "title"
    assert compiled.reason(_article("[ad] Buy now")) is None  # regexes are as written
    assert compiled.reason(_article("News [Ad]")) is None
    case_blind = ArticleFilter(FilterSettings(title_regex=("(?i)^\\[ad\\]", "x{3}")))
    assert case_blind.matches(_article("[AD] y")) and case_blind.matches(_article("axxxb"))
    assert not ArticleFilter(FilterSettings())
    kept = apply_filters([_article("fine"), _article("[Ad] no")], settings)
    assert [a.title for a in kept] == ["fine"]


def test_filters_are_read_and_bad_ones_named(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        "[filters]\ntitle = [\"sponsored\"]\ntext_regex = ['\\bodds\\b']\n", encoding="utf-8"
    )
    assert load_config(path).filters == FilterSettings(
        title=("sponsored",), text_regex=(r"\bodds\b",)
    )
    for body, key in (
        ("title_regex = ['(unclosed']", "filters.title_regex"),
        ("feed_regex = ['*x']", "filters.feed_regex"),
        ('title = "sponsored"', "filters.title"),
        ("title = [1]", "filters.title"),
        ('regexp = ["x"]', "filters.regexp"),
    ):
        path.write_text(f"[filters]\n{body}\n", encoding="utf-8")
        with pytest.raises(ConfigError) as error:
            load_config(path)
        message = str(error.value)
        assert str(path) in message and key in message
    path.write_text("[filters]\ntitle_regex = ['(unclosed']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not a valid regular expression"):
        load_config(path)


RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{feed}</title><link>https://news.example/</link>
<description>test</description>{items}</channel></rss>"""
ITEM = """<item><title>{title}</title><link>https://news.example/{guid}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><description>{text}</description></item>"""
DATE = (NOW - timedelta(hours=2)).strftime("%a, %d %b %Y %H:%M:%S GMT")

KEPT = (
    "Harbor council approves new ferry timetable",
    "The harbor council approved a new ferry timetable on Tuesday. "
    "Ferries will run every twenty minutes during the morning rush. "
    "The change starts next month after a public consultation.",
)
SPONSORED = (
    "Sponsored: the glowing lamp everyone is buying",
    "Thousands of readers already own the glowing lamp from Lumora. "
    "The Lumora lamp lights a whole room with one soft bulb. "
    "Order before Friday to get a second Lumora lamp for half price.",
)
CASINO = (
    "Weekend events around the harbor district",
    "Families can visit the maritime museum for free on Saturday. "
    "The new riverside casino opens its doors with a jackpot night. "
    "Street musicians will play along the quay until sunset.",
)
DEALS = (
    "Harbor ferry tickets half price this week",
    "Every ferry ticket in the harbor costs half as much until Sunday. "
    "Ferry riders can buy the cheap tickets at the quay kiosk. "
    "The offer ends when the new ferry timetable starts.",
)


def _feed(feed: str, items: list[tuple[str, str]]) -> bytes:
    rendered = "".join(
        ITEM.format(title=t, text=x, guid=f"{feed[:3]}{n}", date=DATE)
        for n, (t, x) in enumerate(items)
    )
    return RSS.format(feed=feed, items=rendered).encode()


def _show(capsys: pytest.CaptureFixture[str], fmt: str) -> str:
    code = main(["show", "--since", "7d", "--format", fmt])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return captured.out


@pytest.fixture
def served(feed_server: Any, capsys: pytest.CaptureFixture[str]) -> Any:
    feed_server.add("/gazette.xml", _feed("Harbor Gazette", [KEPT, SPONSORED, CASINO]))
    feed_server.add("/deals.xml", _feed("Quay Deals Weekly", [DEALS]))
    for path in ("/gazette.xml", "/deals.xml"):
        assert main(["add", feed_server.url(path)]) == 0
    capsys.readouterr()
    return feed_server


FILTERS = (
    '[filters]\ntitle = ["sponsored"]\ntext = ["casino"]\nfeed = ["deals"]\n'
    "title_regex = ['^Never']\n"
)


def test_filtered_articles_appear_in_no_format_and_no_summary(
    served: Any, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    # Without filters every article is in the digest (and the digest is stored).
    assert "Lumora" in _show(capsys, "text")
    (digest_home / "config.toml").write_text(FILTERS, encoding="utf-8")

    data = json.loads(_show(capsys, "json"))
    sources = [s for t in data["topics"] for story in t["stories"] for s in story["sources"]]
    assert [s["title"] for s in sources] == [KEPT[0]]
    summary = " ".join(
        x["text"] for t in data["topics"] for st in t["stories"] for x in st["summary"]
    )
    assert "ferry timetable" in summary
    for fmt in ("text", "markdown", "html", "json"):
        out = _show(capsys, fmt)
        assert "ferry timetable" in out
        for hidden in ("Lumora", "casino", "Casino", "half price", "Quay Deals", "maritime"):
            assert hidden not in out, (fmt, hidden)

    # The reader builds through the same path.
    session = ReaderSession(resolve_paths(None), load_config(digest_home / "config.toml"))
    built = session.build()
    titles = [s.title for t in built.digest.topics for st in t.stories for s in st.sources]
    assert titles == [KEPT[0]]
    assert not session.is_stale(built)
    # Changing the filters makes the stored digest stale for the reader too.
    session_without = ReaderSession(resolve_paths(None), load_config(digest_home / "none.toml"))
    assert session_without.is_stale(built)
