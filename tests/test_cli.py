"""The command line end to end: a real store in a temporary home, feeds served on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from cli_run import run, run_json

from digest.cli import main

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>{title}</title><link>https://{host}/</link>
<description>test feed</description>
{items}
</channel></rss>"""

ITEM = """<item><title>{title}</title><link>https://{host}/{guid}</link><guid>{guid}</guid>
<pubDate>{date}</pubDate><category>{category}</category>
<description><![CDATA[<p>{body}</p>]]></description></item>"""


def _rss(title: str, host: str, items: list[dict[str, str]]) -> bytes:
    rendered = "\n".join(
        ITEM.format(
            host=host,
            date=item.get("date", "Fri, 27 Nov 2026 10:00:00 GMT"),
            category=item.get("category", "World"),
            **{k: v for k, v in item.items() if k not in ("date", "category")},
        )
        for item in items
    )
    return RSS.format(title=title, host=host, items=rendered).encode()


HARBOR = [
    {
        "guid": "h1",
        "title": "Port of Velmora dockworkers strike over automation plan",
        "body": "Dockworkers at the Port of Velmora walked off the job on Friday. "
        "The union said the automation plan would cut 1,200 jobs. "
        "Shipping companies warned of delays across the region.",
        "category": "Business",
    },
    {
        "guid": "h2",
        "title": "Velmora Rovers win the northern cup final",
        "body": "Velmora Rovers beat Castlebrook 3-1 in the northern cup final on Saturday. "
        "Their captain scored twice in the second half. "
        "It is the club's first trophy in eleven years.",
        "category": "Sports",
    },
]


@pytest.fixture
def served(feed_server: Any) -> Any:
    feed_server.add(
        "/harbor.xml", body=_rss("Harbor Gazette", "harbor.example.com", HARBOR), etag='"v1"'
    )
    return feed_server


def test_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("digest ")
    with pytest.raises(SystemExit):
        main(["--help"])
    assert "fetch" in capsys.readouterr().out


def test_add_fetch_and_304(served: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = served.url("/harbor.xml")
    code, out, _ = run(capsys, "add", url, "--topic", "Local")
    assert code == 0
    assert "subscribed to" in out and "2 new articles" in out

    feeds = run_json(capsys, "feeds", "--json")
    assert feeds == [
        {
            "url": url,
            "title": "Harbor Gazette",
            "topic": "Local",
            "status": "updated",
            "error": None,
            "articles": 2,
            "last_fetched": feeds[0]["last_fetched"],
        }
    ]
    assert feeds[0]["last_fetched"].endswith("Z")

    again = run_json(capsys, "fetch", "--json")
    assert again == {"feeds": [{"url": url, "status": "not_modified", "new": 0, "error": None}]}


def test_add_keeps_a_feed_whose_first_fetch_fails(
    feed_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.add("/missing.xml", body=b"nope", status=404)
    url = feed_server.url("/missing.xml")
    code, out, err = run(capsys, "add", url)
    assert code == 0
    assert "subscribed to" in out
    assert "first fetch failed" in err and "404" in err
    feeds = run_json(capsys, "feeds", "--json")
    assert feeds[0]["url"] == url and feeds[0]["status"] == "error" and "404" in feeds[0]["error"]


def test_add_a_web_page_subscribes_to_the_feed_it_links(
    served: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    page = (
        '<!DOCTYPE html><html><head><title>Harbor</title><link rel="alternate" '
        'type="application/rss+xml" href="/harbor.xml"></head><body>Hi</body></html>'
    )
    served.add("/", body=page.encode(), headers={"Content-Type": "text/html"})
    code, out, _ = run(capsys, "add", served.url("/"))
    assert code == 0
    assert served.url("/harbor.xml") in out
    assert [f["url"] for f in run_json(capsys, "feeds", "--json")] == [served.url("/harbor.xml")]


def test_add_refuses_other_schemes(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "javascript:alert(1)")
    assert code == 1
    assert "http" in err and "Traceback" not in err


def test_remove(served: Any, capsys: pytest.CaptureFixture[str]) -> None:
    url = served.url("/harbor.xml")
    run(capsys, "add", url)
    code, _, _ = run(capsys, "remove", url)
    assert code == 0
    assert run_json(capsys, "feeds", "--json") == []
    code, _, err = run(capsys, "remove", url)
    assert code == 1 and "not subscribed" in err


def test_opml_import_export_round_trip(
    served: Any, tmp_path: Path, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    opml = tmp_path / "subs.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body>'
        '<outline text="Tech"><outline text="Harbor &amp; Co" type="rss" '
        f'xmlUrl="{served.url("/harbor.xml")}"/></outline>'
        '<outline text="Plain" type="rss" xmlUrl="https://plain.example.com/feed"/>'
        "</body></opml>",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "import", str(opml))
    assert code == 0 and "imported 2 new feeds" in out
    feeds = run_json(capsys, "feeds", "--json")
    assert [(f["title"], f["topic"]) for f in feeds] == [("Harbor & Co", "Tech"), ("Plain", None)]
    assert (digest_home / "subscriptions-backup.opml").is_file()

    code, exported, _ = run(capsys, "export")
    assert code == 0
    assert served.url("/harbor.xml") in exported and "https://plain.example.com/feed" in exported
    out_file = tmp_path / "out.opml"
    assert run(capsys, "export", str(out_file))[0] == 0

    # Importing the export into a fresh home gives the same subscriptions and topics.
    code, _, _ = run(capsys, "--home", str(tmp_path / "other"), "import", str(out_file))
    assert code == 0
    other = run_json(capsys, "--home", str(tmp_path / "other"), "feeds", "--json")
    assert [(f["url"], f["topic"]) for f in other] == [(f["url"], f["topic"]) for f in feeds]


def test_opml_import_skips_local_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], digest_home: Path
) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss version='2.0'><channel><title>mine</title></channel></rss>")
    opml = tmp_path / "shared.opml"
    opml.write_text(
        '<?xml version="1.0" encoding="Shift_JIS"?><opml version="2.0"><body>'
        f'<outline text="Local" xmlUrl="{secret}"/><outline text="Uri" xmlUrl="{secret.as_uri()}"/>'
        '<outline text="Broken" xmlUrl="http://[oops"/><outline text="Home" xmlUrl="~nobody9/x"/>'
        '<outline text="Web" xmlUrl="https://web.example.com/feed"/></body></opml>',
        encoding="shift_jis",
    )
    code, out, err = run(capsys, "import", str(opml))
    assert code == 0 and "imported 1 new feeds" in out
    assert "skipped 2 entries naming local files" in err and "digest add PATH" in err
    assert [f["url"] for f in run_json(capsys, "feeds", "--json")] == [
        "https://web.example.com/feed"
    ]


def test_fetch_exit_status(
    served: Any, feed_server: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    feed_server.add("/broken.xml", body=b"", status=500)
    run(capsys, "add", feed_server.url("/broken.xml"))
    assert run(capsys, "fetch")[0] == 1  # every feed failed
    run(capsys, "add", served.url("/harbor.xml"))
    code, out, _ = run(capsys, "fetch")
    assert code == 0
    assert "1 failed" in out and "500" in out


def test_show_formats_and_history(served: Any, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", served.url("/harbor.xml"))
    data = run_json(capsys, "show", "--since", "2000-01-01", "--format", "json")
    assert set(data) == {"generated_at", "since", "until", "disclaimer", "topics"}
    assert data["since"].startswith("2000-01-01")
    assert "verif" in data["disclaimer"].lower()
    names = [t["name"] for t in data["topics"]]
    assert "Business" in names and "Sports" in names
    for topic in data["topics"]:
        for story in topic["stories"]:
            assert set(story) == {"id", "title", "published", "summary", "sources"}
            for source in story["sources"]:
                assert set(source) == {"title", "feed", "url", "published", "disclaimer"}
            for sentence in story["summary"]:
                assert set(sentence) == {"text", "source"}
                assert 0 <= sentence["source"] < len(story["sources"])

    only = run_json(
        capsys, "show", "--since", "2000-01-01", "--format", "json", "--topic", "sports"
    )
    assert [t["name"] for t in only["topics"]] == ["Sports"]

    for fmt, marker in (("text", "Velmora"), ("markdown", "## "), ("html", "<!DOCTYPE html>")):
        code, out, _ = run(capsys, "show", "--since", "2000-01-01", "--format", fmt)
        assert code == 0 and marker in out and data["disclaimer"][:40] in out

    code, out, _ = run(capsys, "history")
    assert code == 0 and "2000-01-01" in out


def test_show_offline_uses_the_stored_digest_without_the_server(
    served: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "add", served.url("/harbor.xml"))
    first = run_json(capsys, "show", "--since", "2000-01-01", "--format", "json")
    served.stop()
    for fmt in ("text", "markdown", "html", "json"):
        code, out, err = run(capsys, "show", "--offline", "--since", "2000-01-01", "--format", fmt)
        assert code == 0, err
        assert "Velmora" in out
    offline = run_json(capsys, "--offline", "show", "--since", "2000-01-01", "--format", "json")
    assert offline["topics"] == first["topics"]


def test_unknown_topic_is_a_clear_error(served: Any, capsys: pytest.CaptureFixture[str]) -> None:
    run(capsys, "add", served.url("/harbor.xml"))
    code, _, err = run(capsys, "show", "--since", "2000-01-01", "--topic", "Nonsense")
    assert code == 1 and "Nonsense".lower() in err.lower() and "Traceback" not in err


def test_bad_since_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "--since", "yesterday-ish")
    assert code == 1 and "--since" in err


def test_bad_config_names_file_key_and_value(
    digest_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    digest_home.mkdir(parents=True)
    (digest_home / "config.toml").write_text("[fetch]\nconcurrency = -3\n")
    code, _, err = run(capsys, "feeds")
    assert code == 1
    assert "config.toml" in err and "fetch.concurrency" in err and "-3" in err
    (digest_home / "config.toml").write_text("[fetch\n")
    code, _, err = run(capsys, "feeds")
    assert code == 1 and "not valid TOML" in err


def _digest_cli(*argv: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "digest", *argv],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_fetch_does_not_import_sumy_or_nltk(served: Any, tmp_path: Path) -> None:
    home = tmp_path / "h"
    assert (
        _digest_cli("--home", str(home), "add", served.url("/harbor.xml"), cwd=tmp_path).returncode
        == 0
    )
    probe = (
        "import sys; from digest.cli import main; "
        f"code = main(['--home', {str(home)!r}, 'fetch', '--json']); "
        "print(sorted(m for m in ('sumy', 'nltk', 'textual', 'rich') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_demo_show_json_meets_the_contract(tmp_path: Path) -> None:
    result = _digest_cli("--demo", "show", "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    topics = [t for t in data["topics"] if t["stories"]]
    assert len(topics) >= 5
    stories = [s for t in topics for s in t["stories"]]
    assert max(len({src["feed"] for src in s["sources"]}) for s in stories) >= 3
    sources = [src for s in stories for src in s["sources"]]
    assert any(src["disclaimer"] for src in sources)
    seed_title = "President Trump Orders Military to Target Latin American Drug Cartels"
    assert any(src["title"] == seed_title for src in sources)
    summary = [sentence["text"] for s in stories for sentence in s["summary"]]
    assert not any("Disclaimer" in text or "rights have been infringed" in text for text in summary)
