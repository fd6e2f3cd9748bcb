"""The command line's grammar: every command and option of `digest`, as argparse reads them."""

from __future__ import annotations

import argparse
from datetime import timedelta
from pathlib import Path

from digest import __version__
from digest.feedsettings import FULL_TEXT_MODES, parse_every

__all__ = ["build_parser"]


def build_parser() -> argparse.ArgumentParser:
    """The parser of `digest`'s arguments."""
    parser = argparse.ArgumentParser(
        prog="digest",
        description="A terminal news-digest reader: your feeds grouped by topic, the same story "
        "from several outlets joined, and each summarized in sentences quoted from its sources.",
        epilog="Without a command, opens the reader on the latest digest.",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    parser.add_argument("--home", metavar="DIR", help="keep config, store and digests under DIR")
    parser.add_argument("--offline", action="store_true", help="use stored digests only")
    parser.add_argument(
        "--demo", action="store_true", help="use the bundled sample feeds in a temporary home"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    add = commands.add_parser("add", help="subscribe to a feed (or a page that links one)")
    add.add_argument("url", metavar="URL")
    add.add_argument("--topic", metavar="T", help="file every article of this feed under T")
    add.add_argument("--name", metavar="N", help="your name for the feed")
    add.add_argument("--full-text", action="store_true", help="summarize the full article pages")
    add.add_argument(
        "--every", metavar="D", type=_interval, help="fetch it at most this often (30m, 2h, 1d)"
    )
    add.add_argument(
        "--limit", metavar="N", type=_count, help="keep at most N of its newest items per fetch"
    )

    feed = commands.add_parser(
        "feed", help="show or change one subscription's settings (config.toml's win)"
    )
    feed.add_argument("url", metavar="URL")
    topic = feed.add_mutually_exclusive_group()
    topic.add_argument("--topic", metavar="T", help="file every article of the feed under T")
    topic.add_argument("--no-topic", action="store_true", help="each article's own topic")
    every = feed.add_mutually_exclusive_group()
    every.add_argument(
        "--every", metavar="D", type=_interval, help="fetch it at most this often (30m, 2h, 1d)"
    )
    every.add_argument("--every-default", action="store_true", help="fetch it at every fetch")
    limit = feed.add_mutually_exclusive_group()
    limit.add_argument(
        "--limit", metavar="N", type=_count, help="keep at most N of its newest items per fetch"
    )
    limit.add_argument("--no-limit", action="store_true", help="keep every item")
    feed.add_argument(
        "--full-text",
        choices=FULL_TEXT_MODES,
        help="summarize the article pages: always, never, or for teasers only (auto)",
    )

    remove = commands.add_parser("remove", help="unsubscribe (starred articles are kept)")
    remove.add_argument("url", metavar="URL")

    feeds = commands.add_parser("feeds", help="list subscriptions with their last status")
    feeds.add_argument("--json", action="store_true", help="print JSON")

    imp = commands.add_parser("import", help="subscribe to the feeds of an OPML file")
    imp.add_argument("file", metavar="FILE.opml", type=Path)

    exp = commands.add_parser("export", help="write subscriptions as OPML (to stdout without FILE)")
    exp.add_argument("file", metavar="FILE.opml", type=Path, nargs="?")

    fetch = commands.add_parser("fetch", help="refresh every feed")
    fetch.add_argument("--concurrency", type=int, metavar="N", help="feeds fetched at once")
    fetch.add_argument(
        "--all", action="store_true", help="fetch feeds whose interval has not passed, too"
    )
    fetch.add_argument("--json", action="store_true", help="print JSON (feeds not due left out)")

    show = commands.add_parser("show", help="print the digest")
    show.add_argument(
        "--topic", action="append", default=[], metavar="T", help="only this topic (repeatable)"
    )
    show.add_argument(
        "--since",
        metavar="WHEN",
        help="36h, 7d, 2w, a date such as 2026-11-01, or `last`: what is new since the "
        "previous digest",
    )
    show.add_argument(
        "--format", choices=("text", "markdown", "html", "json"), default="text", help="output"
    )
    show.add_argument(
        "--offline", action="store_true", dest="show_offline", help="use stored digests only"
    )
    show.add_argument("--snapshot", type=int, metavar="ID", help="a stored digest from `history`")
    show.add_argument(
        "--output", metavar="FILE", type=Path, help="write to FILE (atomically) instead of stdout"
    )

    commands.add_parser("history", help="list stored digests, newest first")

    doctor = commands.add_parser(
        "doctor", help="check the store, config and OPML backup; repair a damaged store"
    )
    doctor.add_argument(
        "--repair",
        action="store_true",
        help="move a damaged store aside (keeping it) and rebuild it from what can be read",
    )
    return parser


def _interval(text: str) -> timedelta:
    try:
        return parse_every(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(text: str) -> int:
    if not text.strip().isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number above 0")
    return int(text)
