"""`digest doctor`: check the store, the config file and the OPML backup, and repair a broken store.

Checking only reads. Repairing never deletes: the damaged store is renamed aside with a timestamp
(its WAL beside it), a fresh store is made, and whatever can still be read from a copy of the
damaged one is carried over (subscriptions with their settings, articles with their read and
starred marks, stored digests). Subscriptions it cannot read come back from the OPML backup.
The feeds' ETag and Last-Modified are not carried over, so the next fetch downloads every feed
in full rather than being told that nothing changed.
"""

from __future__ import annotations

import errno
import fcntl
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Literal

from digest.errors import ConfigError, DigestError, StoreError
from digest.lock import fetch_lock, fetch_running, holder_pid
from digest.migrations import SCHEMA_VERSION
from digest.paths import Paths
from digest.salvage import RepairResult, move_aside, read_backup, salvage_into

__all__ = [
    "DoctorReport",
    "Finding",
    "RepairResult",
    "StoreHealth",
    "check_store",
    "describe_store_error",
    "diagnose",
    "explain_store_failure",
    "quick_damage",
    "format_repair",
    "format_report",
    "repair",
]

StoreState = Literal["ok", "missing", "damaged", "busy", "read-only", "newer"]

_HEADER = b"SQLite format 3\x00"
# SQLite's shared-lock byte range (PENDING_BYTE + 2, 510 bytes), as in its os.h.
_SHARED_FIRST = 0x40000000 + 2
_SHARED_SIZE = 510
_TABLES = ("feeds", "articles", "digests")
_REPAIR_HINT = (
    "`digest doctor` checks it; `digest doctor --repair` moves it aside (nothing is deleted) and "
    "builds a fresh store from what it can still read and the OPML backup."
)


@dataclass(frozen=True)
class StoreHealth:
    """What the store file looks like."""

    path: Path
    state: StoreState
    detail: str
    """One sentence for a person: what was found and, when it matters, what to do."""
    schema: int | None = None
    counts: dict[str, int] = field(default_factory=dict)
    """Rows per table (feeds, articles, digests) when they could be counted."""


@dataclass(frozen=True)
class Finding:
    """One checked thing besides the store: the config file, the OPML backup, the fetch lock."""

    subject: str
    path: Path | None
    ok: bool
    message: str


@dataclass(frozen=True)
class DoctorReport:
    """Everything `digest doctor` found."""

    store: StoreHealth
    findings: list[Finding]

    @property
    def healthy(self) -> bool:
        """True when nothing needs the user's attention."""
        return self.store.state in ("ok", "missing") and all(f.ok for f in self.findings)


# Checking


def check_store(path: Path, *, timeout: float = 2.0) -> StoreHealth:
    """Check the store file at `path` without changing it (integrity, schema, row counts)."""
    if not path.exists():
        return StoreHealth(path, "missing", "no store yet: it is created on first use.")
    if path.is_dir():
        return StoreHealth(path, "damaged", "it is a folder, not a store file.")
    if not path.is_file():
        return StoreHealth(path, "damaged", "it is not a regular file.")
    try:
        with path.open("rb"):
            pass
    except OSError as exc:
        return StoreHealth(
            path, "read-only", f"it cannot be read ({exc.strerror}): check its permissions."
        )
    damage = quick_damage(path)
    if damage is not None:
        return StoreHealth(path, "damaged", damage)
    try:
        # Read-only, so that checking never checkpoints a WAL into a file that may be damaged.
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=timeout, isolation_level=None
        )
    except sqlite3.Error as exc:
        return _health_from_error(path, exc)
    try:
        db.text_factory = _lenient_text
        return _check_open(path, db)
    except sqlite3.Error as exc:
        return _health_from_error(path, exc)
    finally:
        db.close()


def quick_damage(path: Path) -> str | None:
    """Damage the first 100 bytes of the store show, without opening it; None when none shows.

    Catches a file that is not SQLite at all and one cut short (shorter than the page count its
    header gives). A non-empty WAL may legitimately hold the rest, so then only the header counts.
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(100)
        size = path.stat().st_size
        wal = path.with_name(path.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
    except OSError:
        return None
    if not head:
        return None  # an empty file is an empty database, set up on first use
    if len(head) < 100 or not head.startswith(_HEADER):
        return "it is not an SQLite database (its header is wrong)."
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    # The page count is trusted only when the header says it is current (offsets 24 and 92).
    current = head[24:28] == head[92:96] and pages > 0
    if current and wal_size == 0 and size < pages * page_size:
        return f"it is cut short ({size} bytes where its header counts {pages * page_size})."
    return None


def _check_open(path: Path, db: sqlite3.Connection) -> StoreHealth:
    for pragma in ("quick_check", "integrity_check"):
        problems = [row[0] for row in db.execute(f"PRAGMA {pragma}")]
        if problems != ["ok"]:
            shown = "; ".join(str(p) for p in problems[:3])
            more = f" (and {len(problems) - 3} more)" if len(problems) > 3 else ""
            return StoreHealth(path, "damaged", f"{pragma} found: {shown}{more}.")
    schema = int(db.execute("PRAGMA user_version").fetchone()[0])
    if schema > SCHEMA_VERSION:
        return StoreHealth(
            path,
            "newer",
            f"it was written by a newer digest (schema {schema}, this one knows "
            f"{SCHEMA_VERSION}): upgrade digest to use it.",
            schema,
        )
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_schema WHERE type='table'")}
    missing = [t for t in _TABLES if t not in tables]
    if schema > 0 and missing:
        return StoreHealth(
            path, "damaged", f"schema {schema} but no {', '.join(missing)} table.", schema
        )
    counts = {t: int(db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in _TABLES}
    if schema == 0:
        return StoreHealth(path, "ok", "empty: it is set up on first use.", schema)
    writable = _write_probe(path)
    if writable is not None:
        return StoreHealth(path, writable[0], writable[1], schema, counts)
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    state = "current" if schema == SCHEMA_VERSION else f"upgraded to {SCHEMA_VERSION} on next use"
    return StoreHealth(
        path, "ok", f"integrity ok, schema {schema} ({state}); {summary}.", schema, counts
    )


def _write_probe(path: Path) -> tuple[StoreState, str] | None:
    """Whether a write could start now; None when it could, else the state and why not."""
    try:
        db = sqlite3.connect(path, timeout=0, isolation_level=None)
    except sqlite3.Error as exc:
        health = _health_from_error(path, exc)
        return health.state, health.detail
    try:
        db.execute("BEGIN IMMEDIATE")
        db.execute("ROLLBACK")
    except sqlite3.Error as exc:
        health = _health_from_error(path, exc)
        return health.state, health.detail
    finally:
        db.close()
    return None


def _open_elsewhere(path: Path) -> bool:
    """Whether another process has the SQLite file open, without opening it with SQLite.

    SQLite keeps a shared POSIX lock on bytes 0x40000002-0x400001FF of the database file while a
    connection has read it in WAL mode (see its file locking documentation). A probe through a
    connection of our own would checkpoint the WAL into the file on closing, changing it.
    """
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, _SHARED_SIZE, _SHARED_FIRST)
    except OSError as exc:
        return exc.errno in (errno.EACCES, errno.EAGAIN)
    finally:
        os.close(fd)  # drops the probe's lock; this process holds no SQLite lock on the file
    return False


def _health_from_error(path: Path, exc: sqlite3.Error) -> StoreHealth:
    message = str(exc)
    if "locked" in message or "busy" in message:
        return StoreHealth(
            path,
            "busy",
            "another program (a digest fetch?) is writing to it: wait for it to finish, then "
            "try again.",
        )
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return StoreHealth(
            path, "read-only", f"it cannot be written ({message}): check its permissions."
        )
    return StoreHealth(path, "damaged", f"SQLite says: {message}.")


def _lenient_text(data: bytes) -> str:
    return data.decode("utf-8", errors="replace")


def diagnose(paths: Paths) -> DoctorReport:
    """Check the store, the config file, the OPML backup and whether a fetch is running."""
    findings = [_check_config(paths.config_file), _check_backup(paths.opml_backup)]
    if fetch_running(paths.data_dir):
        pid = holder_pid(paths.data_dir)
        who = f" (pid {pid})" if pid else ""
        findings.append(Finding("fetch", None, True, f"a digest fetch is running{who}."))
    return DoctorReport(check_store(paths.store_file), findings)


def _check_config(path: Path) -> Finding:
    from digest.config import load_config

    if not path.exists():
        return Finding("config", path, True, "no config file: the defaults are used.")
    try:
        load_config(path)
    except ConfigError as exc:
        return Finding("config", path, False, str(exc))
    return Finding("config", path, True, "reads fine.")


def _check_backup(path: Path) -> Finding:
    if not path.exists():
        return Finding(
            "backup", path, True, "no OPML backup yet: it is written when subscriptions change."
        )
    try:
        outlines = read_backup(path)
    except DigestError as exc:
        return Finding("backup", path, False, f"{exc} `digest export FILE.opml` writes a new one.")
    return Finding("backup", path, True, f"lists {len(outlines)} feeds.")


def format_report(report: DoctorReport) -> str:
    """The report as `digest doctor` prints it."""
    store = report.store
    label = {"ok": "ok", "missing": "ok"}.get(store.state, store.state.upper())
    lines = [f"store   {store.path}", f"        {label}: {store.detail}"]
    if store.state == "damaged":
        lines.append(
            "        `digest doctor --repair` moves it aside (nothing is deleted) and builds a "
            "fresh store from what it can still read and the OPML backup."
        )
    for finding in report.findings:
        where = f"{finding.path}" if finding.path else ""
        lines.append(f"{finding.subject:<7} {where}".rstrip())
        lines.append(f"        {'ok' if finding.ok else 'PROBLEM'}: {finding.message}")
    return "\n".join(lines) + "\n"


def format_repair(result: RepairResult | None, backup: Path) -> str:
    """What `digest doctor --repair` did, as it prints it (before the new report)."""
    if result is None:
        return "nothing to repair.\n"
    lines = []
    if result.kept_as is not None:
        lines.append(f"moved the damaged store aside to {result.kept_as} (kept, not deleted)")
    lines.append(
        f"carried over {result.feeds} feeds, {result.articles} articles ({result.read} read, "
        f"{result.starred} starred) and {result.digests} stored digests"
    )
    if result.from_backup:
        lines.append(f"{result.from_backup} feeds came back from the OPML backup {backup}")
    lines.extend(f"note: {note}" for note in result.notes)
    lines.append("`digest fetch` downloads every feed again in full.")
    return "\n".join(lines) + "\n"


# Messages for the other commands


def describe_store_error(path: Path, exc: sqlite3.Error) -> str:
    """A message for a person about an sqlite3 error met while using the store at `path`."""
    health = _health_from_error(path, exc)
    if health.state == "damaged":
        return f"the store {path} is damaged ({exc}). {_REPAIR_HINT}"
    return f"the store {path}: {health.detail}"


def explain_store_failure(path: Path, message: str) -> str:
    """`message` about the store at `path`, or, when the file itself is broken, what to run."""
    health = check_store(path, timeout=1.0)
    if health.state != "damaged":
        return message
    if path.is_dir():
        return (
            f"the store {path} is a folder, not a file. `digest doctor --repair` moves it aside "
            "(nothing is deleted) and starts a fresh store."
        )
    return f"the store {path} is damaged: {health.detail} {_REPAIR_HINT}"


# Repairing


def repair(paths: Paths, *, now: datetime | None = None) -> RepairResult | None:
    """Rebuild a damaged (or missing) store, keeping the damaged file; None if nothing to do.

    Refuses, with a StoreError saying what to do, while a fetch runs, while another program
    writes to the store, or when the store is read-only or from a newer digest.
    """
    with fetch_lock(paths.data_dir, wait=False):
        health = check_store(paths.store_file)
        if health.state == "ok":
            return None
        if health.state == "missing":
            return _restore_from_backup(paths) if paths.opml_backup.exists() else None
        if health.state == "damaged" and _open_elsewhere(paths.store_file):
            # Moving the file from under a program that has it open would send its writes there.
            health = StoreHealth(
                paths.store_file,
                "busy",
                "another program (a digest reader, fetch or command?) has it open: close it, "
                "then run `digest doctor --repair` again.",
            )
        if health.state != "damaged":
            raise StoreError(
                f"the store {paths.store_file} cannot be repaired now: {health.detail}"
            )
        kept = move_aside(paths.store_file, now or datetime.now(UTC))
        return salvage_into(kept, paths.store_file, paths.opml_backup)


def _restore_from_backup(paths: Paths) -> RepairResult:
    return salvage_into(None, paths.store_file, paths.opml_backup)
