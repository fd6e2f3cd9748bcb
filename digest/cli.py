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

from digest.cli_parser import build_parser
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = build_parser().parse_args(argv)
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
        "feed": _cmd_feed,
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
        write_backup(context.store, context.paths.opml_backup, context.config)
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
            full_text="yes" if args.full_text else None,
            every=args.every,
            limit=args.limit,
        )
    )
    _changed_subscriptions(context)
    _warn_overridden(result.url, args, context)
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
    from digest.feedreport import applied_feeds, describe_feed, unknown_config_feeds

    feeds = context.store.feeds()
    health = context.store.feed_health()
    if args.json:
        shown = applied_feeds(feeds, health, context.config)
        print(json.dumps([f.to_json() for f in shown], ensure_ascii=False, indent=2))
        return 0
    if feeds:
        print("\n\n".join(describe_feed(f, health.get(f.id), context.config) for f in feeds))
    else:
        print(_EMPTY_HINT)
    for url in unknown_config_feeds(feeds, context.config):
        print(
            f'digest: config.toml has [feeds."{url}"], but you are not subscribed to it: '
            "check the URL against `digest feeds`.",
            file=sys.stderr,
        )
    return 0


def _cmd_feed(args: argparse.Namespace, context: _Context) -> int:
    from digest.feedreport import describe_feed
    from digest.subscriptions import change_feed, find_feed

    changes: dict[str, object] = {}
    if args.topic is not None or args.no_topic:
        changes["topic"] = args.topic.strip() if args.topic and args.topic.strip() else None
    if args.every is not None or args.every_default:
        changes["every"] = args.every
    if args.limit is not None or args.no_limit:
        changes["limit"] = args.limit
    if args.full_text is not None:
        changes["full_text"] = args.full_text
    if changes:
        url, _settings = change_feed(context.store, args.url, **changes)
        _changed_subscriptions(context)
        print(f"changed the settings of {url}")
        _warn_overridden(url, args, context, list(changes))
    else:
        url = find_feed(context.store, args.url)
    feed = next(f for f in context.store.feeds() if f.url == url)
    print(describe_feed(feed, context.store.feed_health().get(feed.id), context.config))
    return 0


def _warn_overridden(
    url: str, args: argparse.Namespace, context: _Context, changed: list[str] | None = None
) -> None:
    """Say so when config.toml sets, for this feed, a setting the command line just gave."""
    from digest.feedreport import overridden_by_config

    if changed is None:
        given = {"topic": args.topic, "every": args.every, "limit": args.limit}
        changed = [name for name, value in given.items() if value is not None]
        if args.full_text:
            changed.append("full_text")
    for warning in overridden_by_config(url, changed, context.config):
        print(f"digest: {warning}", file=sys.stderr)


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

    text = export_opml(context.store, context.config)
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
    from datetime import UTC, datetime

    from digest.lock import fetch_lock
    from digest.refresh import refresh_sync, split_due

    if context.offline and not context.demo:
        raise DigestError("fetch needs the network; leave out --offline.")
    config = context.config
    if args.concurrency is not None:
        if args.concurrency < 1:
            raise DigestError("--concurrency must be at least 1.")
        config = replace(config, fetch=replace(config.fetch, concurrency=args.concurrency))
    progress = _progress_printer() if sys.stderr.isatty() and not args.json else None
    with fetch_lock(context.paths.data_dir, wait=True, on_wait=_say_waiting):
        # Decided under the lock: a fetch that just finished has made its feeds not due.
        due, skipped = split_due(
            context.store.feeds_to_fetch(), config, datetime.now(UTC), all_feeds=args.all
        )
        outcomes = refresh_sync(context.store, config, feeds=due, on_progress=progress)
    if progress:
        print(file=sys.stderr)
    if args.json:
        # Feeds not due were not fetched, so they have no record (the contract has no "skipped").
        print(json.dumps({"feeds": [o.to_json() for o in outcomes]}, ensure_ascii=False, indent=2))
    else:
        _print_fetch_summary(outcomes, len(skipped))
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


def _print_fetch_summary(results: Sequence[FeedOutcome], skipped: int = 0) -> None:
    not_due = (
        f"{skipped} feed{'s' if skipped != 1 else ''} not due yet (skipped; "
        "`digest fetch --all` fetches them anyway)"
    )
    if not results:
        print(f"nothing to fetch: {not_due}" if skipped else _EMPTY_HINT)
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
    if skipped:
        print(not_due)


def _cmd_show(args: argparse.Namespace, context: _Context) -> int:
    from digest.digests import SINCE_LAST, describe_age, filter_topics, get_digest
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
    previous = shown.previous
    since_last = (args.since or "").strip().lower() == SINCE_LAST
    digest = filter_topics(shown.digest, args.topic, strict=not since_last)
    if previous is not None and not digest.topics:
        built = previous.generated_at.strftime("%Y-%m-%d %H:%M UTC")
        print(f"nothing new since the previous digest (built {built})", file=sys.stderr)
    text_keys: dict[int, str] = {}
    if args.format != "json":
        from digest.copies import stored_text_keys

        # Copies are told apart by their stored texts where the articles are still stored.
        text_keys = stored_text_keys(context.paths.store_file, digest)
    text = render(digest, args.format, text_keys=text_keys)
    if args.output is None:
        sys.stdout.write(text)
    else:
        _write_atomically(args.output, text)
    return 0


def _write_atomically(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half."""
    import os

    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise DigestError(f"cannot write {path}: {exc.strerror}") from exc


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
