"""The fetch lock: one fetch at a time per digest home, held by a process and released by its end.

The lock is a POSIX record lock (`fcntl.lockf`) on `fetch.lock` in the data folder, which also
records the holder's pid so a second fetch can say whom it waits for. A record lock, rather than
`flock`, because it belongs to the process: the kernel drops it when the holder dies, even if it
forked worker processes that outlive it (a `flock` would stay held through their inherited
descriptors). Record locks do not exclude each other within one process, so this module keeps
its own set of the locks this process holds.
"""

from __future__ import annotations

import errno
import fcntl
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from digest.errors import StoreError

__all__ = ["LOCK_FILE", "FetchRunningError", "fetch_lock", "fetch_running", "holder_pid"]

LOCK_FILE = "fetch.lock"

_held: set[Path] = set()
_held_guard = threading.Lock()


class FetchRunningError(StoreError):
    """Another fetch holds the lock and the caller chose not to wait."""

    def __init__(self, pid: int | None) -> None:
        self.pid = pid
        who = f" (pid {pid})" if pid else ""
        super().__init__(f"a fetch is running in another digest{who}; try again when it ends.")


def _lock_path(home: Path) -> Path:
    return (home / LOCK_FILE).resolve()


def holder_pid(home: Path) -> int | None:
    """The pid the last holder of the lock wrote down (it may have ended since), or None."""
    try:
        text = _lock_path(home).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return int(text) if text.isdigit() else None


def fetch_running(home: Path) -> bool:
    """True when some fetch (in this process or another) holds the lock of `home`."""
    path = _lock_path(home)
    with _held_guard:
        if path in _held:
            return True
    try:
        fd = os.open(path, os.O_RDWR)
    except OSError:
        return False  # no lock file (never fetched) or none we may open: nothing to wait for
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        return exc.errno in (errno.EACCES, errno.EAGAIN)
    finally:
        # Closing drops the probe's lock (if it got one) without touching anyone else's.
        os.close(fd)
    return False


@contextmanager
def fetch_lock(
    home: Path,
    *,
    wait: bool,
    on_wait: Callable[[int | None], None] | None = None,
) -> Iterator[None]:
    """Hold the fetch lock of `home` for the `with` block.

    When another fetch holds it: with `wait`, call `on_wait(pid)` once and block until it is free
    (Ctrl-C interrupts the wait with KeyboardInterrupt); without, raise FetchRunningError.
    """
    path = _lock_path(home)
    with _held_guard:
        if path in _held:
            raise FetchRunningError(os.getpid())
        _held.add(path)
    try:
        fd = _open(path)
        try:
            _acquire(fd, path, wait=wait, on_wait=on_wait)
            _write_pid(fd)
            yield
        finally:
            # Closing the descriptor releases the lock; the file stays for the next fetch.
            os.close(fd)
    finally:
        with _held_guard:
            _held.discard(path)


def _open(path: Path) -> int:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(
            f"cannot create the fetch lock {path}: {exc.strerror}. Check that the folder is "
            "writable."
        ) from exc


def _acquire(
    fd: int, path: Path, *, wait: bool, on_wait: Callable[[int | None], None] | None
) -> None:
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    except OSError as exc:
        if exc.errno not in (errno.EACCES, errno.EAGAIN):
            raise StoreError(f"cannot lock {path}: {exc.strerror}.") from exc
    pid = holder_pid(path.parent)
    if not wait:
        raise FetchRunningError(pid)
    if on_wait is not None:
        on_wait(pid)
    fcntl.lockf(fd, fcntl.LOCK_EX)


def _write_pid(fd: int) -> None:
    os.ftruncate(fd, 0)
    os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
