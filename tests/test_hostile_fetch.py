"""Hostile servers end to end, through the real command line in a subprocess.

One module-wide run: import an OPML of every endpoint in `hostile_servers`, `digest fetch --json`
under a wall-clock bound with its peak memory measured, then `digest show` in every format. The
fetch must survive everything, report each hostile server as an error a person can read, store the
good feeds, and nothing that reaches the output may carry a control character, an escape sequence,
a bidi override, or a link other than http(s).
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from feedserver import FeedServer
from hostile_servers import Endpoint, opml_for, serve_hostile_endpoints

FEED_DEADLINE = 10.0
"""Lowered from the default 30 s in the test's config.toml, to keep the test short."""
FETCH_MARGIN = 15.0
"""Start-up, parsing and storing on top of the slowest feed's deadline, on a busy machine."""
MAX_RSS_MB = 400.0
KILL_AFTER = 120.0
"""A hung child is killed (and the test fails) after this long."""

HOSTILE_NAMES = (
    "gzip-bomb",
    "brotli-bomb",
    "gzip-undeclared",
    "huge-with-length",
    "huge-no-length",
    "trickle",
    "silent",
    "redirect-loop",
    "redirect-chain",
    "redirect-to-file",
    "429",
    "500",
    "503",
    "html",
    "billion-laughs",
    "external-entity",
)
VALID_NAMES = ("rss", "atom", "json-feed", "hostile-rss", "hostile-json")

# C0 except tab and newline, DEL, C1 (ESC is C0), and the bidi marks, embeddings and isolates.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# What would be left of an escape sequence whose introducer alone was removed, or of an expansion.
_DEBRIS = (
    "owned window title",  # OSC 0 payload
    "cm0gLXJmIH4K",  # OSC 52 payload
    "8;;file:",  # OSC 8 hyperlink
    "?1049h",
    "[31;1m",
    "lollol",  # an expanded entity
)
_PASSWD = re.compile(r"root:[^:\n]*:0:0:")
_HTTP_URL = re.compile(r"^https?://[^/\s]+", re.IGNORECASE)


@dataclass(frozen=True)
class _Run:
    """One finished command."""

    code: int
    out: str
    err: str
    seconds: float
    max_rss_mb: float


@dataclass(frozen=True)
class _Fetched:
    endpoints: dict[str, Endpoint]
    fetch: _Run
    outcomes: dict[str, dict[str, Any]]
    """`fetch --json` records by URL."""
    feeds: dict[str, dict[str, Any]]
    """`feeds --json` records by URL."""
    home: Path
    server: FeedServer


# Runs digest in a child of its own, so that RUSAGE_CHILDREN holds digest (and the parse workers
# it waits for) alone, not every process this test session has started.
_MEASURED = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[2:])\n"
    "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss\n"
    "open(sys.argv[1], 'w').write(str(peak))\n"
    "sys.exit(code)\n"
)


def _digest(home: Path, *argv: str) -> _Run:
    """Run `python -m digest --home HOME ARGV...`, timed, with its peak memory."""
    peak_file = home.parent / f"peak-{os.getpid()}-{time.monotonic_ns()}.txt"
    command = [sys.executable, "-c", _MEASURED, str(peak_file)]
    command += [sys.executable, "-m", "digest", "--home", str(home), *argv]
    started = time.monotonic()
    with subprocess.Popen(
        command,
        cwd=home.parent,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        start_new_session=True,  # so a hung run can be killed with everything it started
    ) as child:
        try:
            out, err = child.communicate(timeout=KILL_AFTER)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            out, err = child.communicate()
            pytest.fail(f"digest {' '.join(argv)} hung for {KILL_AFTER:g} s; stderr:\n{err}")
    seconds = time.monotonic() - started
    peak_kb = int(peak_file.read_text()) if peak_file.exists() else 0
    return _Run(child.returncode, out, err, seconds, peak_kb / 1024)


@pytest.fixture(scope="module")
def hostile_server() -> Iterator[tuple[FeedServer, list[Endpoint]]]:
    """Every hostile endpoint and good feed, served for the whole module."""
    with serve_hostile_endpoints() as served:
        yield served


@pytest.fixture(scope="module")
def fetched(
    hostile_server: tuple[FeedServer, list[Endpoint]], tmp_path_factory: pytest.TempPathFactory
) -> _Fetched:
    """Import every endpoint into a fresh home and fetch them all once."""
    server, endpoints = hostile_server
    home = tmp_path_factory.mktemp("hostile") / "home"
    home.mkdir()
    (home / "config.toml").write_text(f"[fetch]\nfeed_deadline = {FEED_DEADLINE}\n")
    opml = home.parent / "hostile.opml"
    opml.write_text(opml_for(endpoints), encoding="utf-8")
    imported = _digest(home, "import", str(opml))
    assert imported.code == 0, imported.err
    fetch = _digest(home, "fetch", "--json")
    outcomes: dict[str, dict[str, Any]] = {}
    if fetch.out.strip():
        outcomes = {record["url"]: record for record in json.loads(fetch.out)["feeds"]}
    listed = _digest(home, "feeds", "--json")
    assert listed.code == 0, listed.err
    feeds = {record["url"]: record for record in json.loads(listed.out)}
    return _Fetched({e.name: e for e in endpoints}, fetch, outcomes, feeds, home, server)


@pytest.fixture(scope="module")
def shown(fetched: _Fetched) -> dict[str, _Run]:
    """`digest show` of everything stored, offline, in each format."""
    runs = {}
    for fmt in ("json", "text", "markdown", "html"):
        run = _digest(fetched.home, "show", "--format", fmt, "--offline", "--since", "2000-01-01")
        assert run.code == 0, f"show --format {fmt} failed:\n{run.err}"
        assert "Traceback" not in run.err, run.err
        runs[fmt] = run
    return runs


# The fetch


def test_every_endpoint_is_subscribed(fetched: _Fetched) -> None:
    assert set(fetched.endpoints) == {*HOSTILE_NAMES, *VALID_NAMES}
    assert {e.url for e in fetched.endpoints.values()} <= set(fetched.feeds)


def test_fetch_survives_every_hostile_server(fetched: _Fetched) -> None:
    run = fetched.fetch
    assert "Traceback" not in run.err, run.err
    assert run.code == 0, f"exit {run.code}; stderr:\n{run.err}"
    assert set(fetched.outcomes) == {e.url for e in fetched.endpoints.values()}
    for record in fetched.outcomes.values():
        assert set(record) == {"url", "status", "new", "error"}
        assert record["status"] in ("updated", "not_modified", "error")


def test_fetch_finishes_within_the_feed_deadline(fetched: _Fetched) -> None:
    # The trickling and the silent server each hold a feed until its deadline.
    assert fetched.fetch.seconds < FEED_DEADLINE + FETCH_MARGIN, fetched.fetch.seconds


def test_fetch_memory_stays_bounded(fetched: _Fetched) -> None:
    # Two 1 GiB bombs and two 60 MB bodies: holding any of them whole would pass the bound.
    assert 0 < fetched.fetch.max_rss_mb < MAX_RSS_MB, f"peak RSS {fetched.fetch.max_rss_mb:.0f} MB"


@pytest.mark.parametrize("name", HOSTILE_NAMES)
def test_hostile_endpoint_is_an_error_for_a_person(fetched: _Fetched, name: str) -> None:
    endpoint = fetched.endpoints[name]
    record = fetched.outcomes.get(endpoint.url)
    assert record is not None, f"{name}: no fetch record"
    assert record["status"] == "error", f"{name} ({endpoint.about}) gave {record}"
    message = record["error"]
    assert isinstance(message, str) and message.strip(), record
    assert not _FORBIDDEN.search(message), repr(message)
    assert "Traceback" not in message and not message.startswith("unexpected error"), message
    assert endpoint.error_pattern is not None
    assert re.search(endpoint.error_pattern, message, re.IGNORECASE), (
        f"{name} ({endpoint.about}): {message!r} does not match {endpoint.error_pattern!r}"
    )
    stored = fetched.feeds[endpoint.url]
    assert stored["status"] == "error" and stored["error"], stored
    assert stored["articles"] == 0, stored


@pytest.mark.parametrize("name", VALID_NAMES)
def test_valid_feed_is_stored(fetched: _Fetched, name: str) -> None:
    endpoint = fetched.endpoints[name]
    record = fetched.outcomes[endpoint.url]
    assert record["status"] == "updated" and record["error"] is None, record
    assert record["new"] > 0, record
    stored = fetched.feeds[endpoint.url]
    assert stored["articles"] == record["new"], stored
    assert stored["status"] == "updated", stored


def test_feed_list_is_clean(fetched: _Fetched) -> None:
    for record in fetched.feeds.values():
        for text in _strings(record):
            assert not _FORBIDDEN.search(text), f"{record['url']}: {text!r}"


def test_nothing_was_fetched_twice_by_a_loop(fetched: _Fetched) -> None:
    # A redirect loop is caught at its first repeat; a chain stops at max_redirects (5).
    assert fetched.server.hits["/loop-a"] == 1 and fetched.server.hits["/loop-b"] == 1
    assert sum(fetched.server.hits[f"/hop/{n}"] for n in range(12)) <= 6


# What `digest show` prints


def test_show_json_holds_no_control_characters_or_bad_links(
    fetched: _Fetched, shown: dict[str, _Run]
) -> None:
    data = json.loads(shown["json"].out)
    texts = list(_strings(data))
    for text in texts:
        assert not _FORBIDDEN.search(text), repr(text)
    _assert_no_debris("json", "\n".join(texts))
    sources = [src for t in data["topics"] for s in t["stories"] for src in s["sources"]]
    assert sources
    for source in sources:
        url = source["url"]
        if url is not None:
            assert _HTTP_URL.match(url) and not url.startswith("-"), repr(url)
    for story in (s for t in data["topics"] for s in t["stories"]):
        for sentence in story["summary"]:
            assert 0 <= sentence["source"] < len(story["sources"])


def test_show_json_holds_every_good_entry_and_the_literal_markup(
    fetched: _Fetched, shown: dict[str, _Run]
) -> None:
    data = json.loads(shown["json"].out)
    titles = " ".join(
        src["title"] for t in data["topics"] for s in t["stories"] for src in s["sources"]
    )
    for name in VALID_NAMES:
        for marker in fetched.endpoints[name].markers:
            assert marker in titles, f"{marker} (from {name}) is missing from the digest"
    # Markup-like text is shown as it is, never acted on, so the brackets themselves survive.
    assert "[@click=app.quit]x[/]" in titles
    feeds = {src["feed"] for t in data["topics"] for s in t["stories"] for src in s["sources"]}
    assert any(name.startswith("Hostile Gazette") for name in feeds), feeds


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_other_formats_hold_no_control_characters(shown: dict[str, _Run], fmt: str) -> None:
    out = shown[fmt].out
    found = _FORBIDDEN.search(out)
    assert found is None, (
        f"{found.group()!r} in ...{out[max(0, found.start() - 60) : found.end() + 20]!r}"
    )
    _assert_no_debris(fmt, out)


def test_markdown_links_are_http(shown: dict[str, _Run]) -> None:
    markdown = shown["markdown"].out
    targets = re.findall(r"(?<!\\)\]\((<[^>]*>|[^)]*)\)", markdown)
    assert targets, "no links in the Markdown digest"
    for target in targets:
        assert re.match(r"<https?://[^>\s]+>$", target, re.IGNORECASE), target
    # Every other '<' is escaped, so feed text cannot open an HTML tag.
    bare = re.findall(r"(?<![\\(])<[^>]*>", markdown)
    assert not bare, bare


def test_html_has_no_injected_tags_attributes_or_links(shown: dict[str, _Run]) -> None:
    page = _Elements()
    page.feed(shown["html"].out)
    page.close()
    allowed = {"html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "em"}
    allowed |= {"section", "article", "ul", "ol", "li", "sup", "a", "br", "span"}
    assert {tag for tag, _ in page.elements} <= allowed, page.elements
    hrefs = []
    for tag, attributes in page.elements:
        for name, value in attributes:
            assert not name.startswith("on"), (tag, attributes)
            if name in ("href", "src"):
                hrefs.append(value or "")
    assert hrefs, "no links in the HTML digest"
    for href in hrefs:
        assert _HTTP_URL.match(href) and not href.startswith("-"), href


# Helpers


def _strings(value: Any) -> Iterator[str]:
    """Every string in a JSON value, keys included."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _assert_no_debris(where: str, text: str) -> None:
    for debris in _DEBRIS:
        assert debris not in text, f"{debris!r} survived in the {where} output"
    assert not _PASSWD.search(text), f"/etc/passwd leaked into the {where} output"


class _Elements(HTMLParser):
    """Collects every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))
