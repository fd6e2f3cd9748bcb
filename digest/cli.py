"""The `digest` command line: parse arguments, call the core, print. Nothing else lives here."""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sqlite3
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from digest import __version__
from digest.config import Config, load_config
from digest.errors import DigestError, StoreError
from digest.paths import Paths, resolve_paths, seeds_dir
from digest.store import Store, open_store

if TYPE_CHECKING:
    from digest.refresh import FeedOutcome

__all__ = ["main"]

_EMPTY_HINT = (
    "No feeds yet. Subscribe with `digest add URL` or `digest import FILE.opml`, "
    "then `digest fetch`. To look around first: `digest --demo`."
)


@dataclass
class _Context:
    """What every command gets: where things are, the settings, the store."""

    paths: Paths
    config: Config
    store: Store
    offline: bool
    demo: bool


def _parser() -> argparse.ArgumentParser:
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
    fetch.add_argument("--json", action="store_true", help="print JSON")

    show = commands.add_parser("show", help="print the digest")
    show.add_argument(
        "--topic", action="append", default=[], metavar="T", help="only this topic (repeatable)"
    )
    show.add_argument("--since", metavar="WHEN", help="36h, 7d, 2w or a date such as 2026-11-01")
    show.add_argument(
        "--format", choices=("text", "markdown", "html", "json"), default="text", help="output"
    )
    show.add_argument(
        "--offline", action="store_true", dest="show_offline", help="use stored digests only"
    )
    show.add_argument("--snapshot", type=int, metavar="ID", help="a stored digest from `history`")

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        if args.command == "doctor":
            return _cmd_doctor(args)
        with _context(args) as context:
            return _dispatch(args, context)
    except StoreError as exc:
        print(f"digest: {_store_message(args, exc)}", file=sys.stderr)
        return 1
    except DigestError as exc:
        print(f"digest: {exc}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        # A read outside the store's own transactions met a damaged page or a lock.
        from digest.doctor import describe_store_error

        print(f"digest: {describe_store_error(_store_file(args), exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("digest: interrupted", file=sys.stderr)
        return 130


def _store_file(args: argparse.Namespace) -> Path:
    return resolve_paths(args.home).store_file


def _store_message(args: argparse.Namespace, exc: StoreError) -> str:
    """The error, pointing at `digest doctor` when the store file itself is broken."""
    from digest.lock import FetchRunningError

    if args.demo or args.command == "doctor" or isinstance(exc, FetchRunningError):
        return str(exc)
    from digest.doctor import explain_store_failure

    return explain_store_failure(_store_file(args), str(exc))


@contextmanager
def _context(args: argparse.Namespace) -> Iterator[_Context]:
    offline = bool(args.offline or getattr(args, "show_offline", False))
    if args.demo:
        home = Path(tempfile.mkdtemp(prefix="digest-demo-"))
        try:
            paths = resolve_paths(home)
            paths.ensure()
            with open_store(paths.store_file) as store:
                config = Config()
                _load_demo(store, config)
                yield _Context(paths, config, store, offline=True, demo=True)
        finally:
            shutil.rmtree(home, ignore_errors=True)
        return
    paths = resolve_paths(args.home)
    config = load_config(paths.config_file)
    try:
        paths.ensure()
    except OSError as exc:
        raise DigestError(
            f"cannot create the folder {exc.filename}: {exc.strerror}. Check --home or DIGEST_HOME."
        ) from exc
    from digest.doctor import quick_damage

    damage = quick_damage(paths.store_file)
    if damage is not None:
        raise StoreError(f"the store {paths.store_file} is damaged: {damage}")
    with open_store(paths.store_file) as store:
        yield _Context(paths, config, store, offline=offline, demo=False)


def _load_demo(store: Store, config: Config) -> None:
    from digest.refresh import refresh_sync
    from digest.subscriptions import import_opml

    import_opml(store, seeds_dir() / "feeds" / "demo.opml", local_files=True)
    refresh_sync(store, config)


def _dispatch(args: argparse.Namespace, context: _Context) -> int:
    command = args.command
    if command is None:
        return _cmd_reader(context)
    handler = {
        "add": _cmd_add,
        "remove": _cmd_remove,
        "feeds": _cmd_feeds,
        "import": _cmd_import,
        "export": _cmd_export,
        "fetch": _cmd_fetch,
        "show": _cmd_show,
        "history": _cmd_history,
    }[command]
    return handler(args, context)


def _changed_subscriptions(context: _Context) -> None:
    from digest.subscriptions import write_backup

    if context.demo:
        return
    try:
        write_backup(context.store, context.paths.opml_backup)
    except OSError as exc:
        print(
            f"digest: could not write the OPML backup {context.paths.opml_backup}: "
            f"{exc.strerror}. Your subscriptions are saved; `digest export FILE.opml` writes "
            "a copy elsewhere.",
            file=sys.stderr,
        )


def _cmd_add(args: argparse.Namespace, context: _Context) -> int:
    from digest.subscriptions import add_subscription

    result = asyncio.run(
        add_subscription(
            context.store,
            context.config,
            args.url,
            name=args.name,
            topic=args.topic,
            full_text=args.full_text,
        )
    )
    _changed_subscriptions(context)
    verb = "subscribed to" if result.new else "already subscribed to"
    found = f" (the feed named by {result.discovered_from})" if result.discovered_from else ""
    print(f"{verb} {result.url}{found}")
    outcome = result.outcome
    if outcome.status == "error":
        print(
            f"its first fetch failed: {outcome.error}. It stays subscribed; "
            "`digest fetch` tries again.",
            file=sys.stderr,
        )
    else:
        print(f"{outcome.new} new articles")
    return 0


def _cmd_remove(args: argparse.Namespace, context: _Context) -> int:
    from digest.subscriptions import remove_subscription

    remove_subscription(context.store, args.url)
    _changed_subscriptions(context)
    print(f"unsubscribed from {args.url}")
    return 0


def _cmd_feeds(args: argparse.Namespace, context: _Context) -> int:
    feeds = context.store.feeds()
    if args.json:
        print(json.dumps([f.to_json() for f in feeds], ensure_ascii=False, indent=2))
        return 0
    if not feeds:
        print(_EMPTY_HINT)
        return 0
    for feed in feeds:
        status = feed.status or "never fetched"
        topic = f" [{feed.topic}]" if feed.topic else ""
        print(f"{feed.display_name}{topic}\n  {feed.url}\n  {status}, {feed.articles} articles")
        if feed.error:
            print(f"  error: {feed.error} ({feed.failures} failed fetches in a row)")
    return 0


def _cmd_import(args: argparse.Namespace, context: _Context) -> int:
    from digest.subscriptions import import_opml

    result = import_opml(context.store, args.file)
    _changed_subscriptions(context)
    print(
        f"imported {result.added} new feeds ({result.already} already subscribed) "
        f"from {args.file}; `digest fetch` downloads them."
    )
    if result.local_skipped:
        print(
            f"skipped {result.local_skipped} entries naming local files: an OPML file may come "
            "from anyone. Subscribe to a file of your own with `digest add PATH`.",
            file=sys.stderr,
        )
    return 0


def _cmd_export(args: argparse.Namespace, context: _Context) -> int:
    from digest.subscriptions import export_opml

    text = export_opml(context.store)
    if args.file is None:
        sys.stdout.write(text)
        return 0
    try:
        args.file.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise DigestError(f"cannot write {args.file}: {exc.strerror}") from exc
    print(f"wrote {len(context.store.feeds())} feeds to {args.file}")
    return 0


def _cmd_fetch(args: argparse.Namespace, context: _Context) -> int:
    from dataclasses import replace

    from digest.lock import fetch_lock
    from digest.refresh import refresh_sync

    if context.offline and not context.demo:
        raise DigestError("fetch needs the network; leave out --offline.")
    config = context.config
    if args.concurrency is not None:
        if args.concurrency < 1:
            raise DigestError("--concurrency must be at least 1.")
        config = replace(config, fetch=replace(config.fetch, concurrency=args.concurrency))
    progress = _progress_printer() if sys.stderr.isatty() and not args.json else None
    with fetch_lock(context.paths.data_dir, wait=True, on_wait=_say_waiting):
        outcomes = refresh_sync(context.store, config, on_progress=progress)
    if progress:
        print(file=sys.stderr)
    if args.json:
        print(json.dumps({"feeds": [o.to_json() for o in outcomes]}, ensure_ascii=False, indent=2))
    else:
        _print_fetch_summary(outcomes)
    failed = sum(o.status == "error" for o in outcomes)
    return 1 if outcomes and failed == len(outcomes) else 0


def _say_waiting(pid: int | None) -> None:
    who = f" (pid {pid})" if pid else ""
    print(
        f"another digest fetch is running{who}; waiting for it to finish...",
        file=sys.stderr,
        flush=True,
    )


def _progress_printer() -> Callable[[int, int], None]:
    def _show(done: int, total: int) -> None:
        print(f"\rfetching feeds: {done}/{total}", end="", file=sys.stderr, flush=True)

    return _show


def _print_fetch_summary(results: Sequence[FeedOutcome]) -> None:
    if not results:
        print(_EMPTY_HINT)
        return
    for outcome in results:
        if outcome.status == "error":
            print(f"failed   {outcome.url}: {outcome.error}")
    updated = sum(o.status == "updated" for o in results)
    unchanged = sum(o.status == "not_modified" for o in results)
    failed = len(results) - updated - unchanged
    new = sum(o.new for o in results)
    print(
        f"{len(results)} feeds: {updated} updated, {unchanged} unchanged, {failed} failed; "
        f"{new} new articles"
    )


def _cmd_show(args: argparse.Namespace, context: _Context) -> int:
    from digest.digests import describe_age, filter_topics, get_digest
    from digest.export import render

    shown = get_digest(
        context.store,
        context.config,
        since_spec=args.since,
        offline=context.offline,
        snapshot_id=args.snapshot,
        anchor_to_newest=context.demo,
    )
    if shown.stored and shown.snapshot is not None and not context.demo:
        age = describe_age(shown.snapshot.generated_at)
        print(f"stored digest #{shown.snapshot.id}, built {age}", file=sys.stderr)
    sys.stdout.write(render(filter_topics(shown.digest, args.topic), args.format))
    return 0


def _cmd_history(args: argparse.Namespace, context: _Context) -> int:
    snapshots = context.store.snapshots()
    if not snapshots:
        print("No stored digests yet: `digest show` or the reader builds one.")
        return 0
    print(f"{'ID':>5}  {'built (UTC)':<17}  {'window':<8}  stories")
    for snap in snapshots:
        built = snap.generated_at.strftime("%Y-%m-%d %H:%M")
        print(f"{snap.id:>5}  {built:<17}  {snap.window:<8}  {snap.stories}")
    print("Open one with `digest show --snapshot ID`.")
    return 0


def _cmd_doctor(args: argparse.Namespace) -> int:
    from digest.doctor import diagnose, format_repair, format_report, repair

    if args.demo:
        raise DigestError("doctor looks after your own store: leave out --demo.")
    paths = resolve_paths(args.home)
    if args.repair:
        sys.stdout.write(format_repair(repair(paths), paths.opml_backup))
        print()
    report = diagnose(paths)
    sys.stdout.write(format_report(report))
    return 0 if report.healthy else 1


def _cmd_reader(context: _Context) -> int:
    # The reader opens the newest stored digest itself and builds in the background, so nothing
    # here waits on the analysis (or the network).
    from digest.session import ReaderSession
    from digest.tui.app import run_reader

    run_reader(
        ReaderSession(context.paths, context.config, offline=context.offline, demo=context.demo)
    )
    return 0
