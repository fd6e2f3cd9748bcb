"""The fetch lock: one fetch at a time per home, a second `digest fetch` waits and says for whom,
the reader's refresh refuses at once, and a dead holder never leaves the lock behind.

"Another digest" is always a real second process here: POSIX record locks do not exclude each
other within one process, so only a second process shows the lock working.
"""

from __future__ import annotations

import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

import pytest
from feedserver import FeedServer

from digest.cli import main
from digest.config import Config
from digest.lock import FetchRunningError, fetch_lock, fetch_running, holder_pid
from digest.paths import resolve_paths
from digest.session import ReaderSession
from digest.store import open_store
from digest.tui.app import DigestApp

_HOLDER = """
import os, sys, time
from pathlib import Path
from digest.lock import fetch_lock

with fetch_lock(Path(sys.argv[1]), wait=False):
    child = 0
    if sys.argv[2] == "fork":
        child = os.fork()
        if child == 0:  # a worker that outlives its parent, as a process pool's can
            time.sleep(60)
            os._exit(0)
    print(child, flush=True)
    sys.stdin.readline()
"""

_RSS = (
    b'<?xml version="1.0"?><rss version="2.0"><channel><title>Lock Wire</title>'
    b"<link>https://lock.example/</link><description>d</description>"
    b"<item><title>Harbor reopens after the storm</title><guid>a1</guid>"
    b"<link>https://lock.example/a1</link><description>The harbor reopened on Monday after "
    b"the storm. Ferries run again.</description></item></channel></rss>"
)


@contextmanager
def _held_elsewhere(
    home: Path, *, fork: bool = False
) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """Hold the fetch lock of `home` in another process until the block ends (or it is killed).

    Yields the holder and, with `fork`, the pid of a child it forked while holding the lock.
    """
    with subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(home), "fork" if fork else "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdin is not None
        child = int(holder.stdout.readline())
        try:
            yield holder, child
        finally:
            if holder.poll() is None:
                holder.stdin.close()
                holder.wait(timeout=10)
            if child:
                _kill(child)


def _kill(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass


class _Digest:
    """`digest --home HOME ARGV...` in another process, its stderr read line by line as it comes."""

    def __init__(self, home: Path, *argv: str) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "digest", "--home", str(home), *argv],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.errors: queue.Queue[str] = queue.Queue()
        self._reader = threading.Thread(target=self._pump, args=(self.process.stderr,))
        self._reader.start()

    def _pump(self, stream: IO[str]) -> None:
        for line in stream:
            self.errors.put(line)

    def next_error_line(self) -> str:
        return self.errors.get(timeout=30)

    def finish(self) -> tuple[int, str, str]:
        """Wait for the end: (exit status, stdout, the rest of stderr)."""
        assert self.process.stdout is not None
        out = self.process.stdout.read()
        status = self.process.wait(timeout=60)
        self._reader.join(timeout=10)
        rest = ""
        while not self.errors.empty():
            rest += self.errors.get()
        self.process.stdout.close()
        assert self.process.stderr is not None
        self.process.stderr.close()
        return status, out, rest


@pytest.fixture
def home(tmp_path: Path, feed_server: FeedServer) -> Path:
    """A home subscribed to one feed on the local server."""
    feed_server.add("/wire.xml", _RSS, etag='"v1"')
    home = tmp_path / "home"
    paths = resolve_paths(home)
    paths.ensure()
    with open_store(paths.store_file) as store:
        store.add_feed(feed_server.url("/wire.xml"))
    return home


def test_the_lock_records_its_holder_and_is_free_afterwards(tmp_path: Path) -> None:
    assert not fetch_running(tmp_path)
    with fetch_lock(tmp_path, wait=False):
        assert fetch_running(tmp_path)
        assert holder_pid(tmp_path) == os.getpid()
        # Within one process a second holder is refused, as it would be from another one.
        with pytest.raises(FetchRunningError), fetch_lock(tmp_path, wait=False):
            pass
        assert fetch_running(tmp_path), "the refused attempt must not release the lock"
    assert not fetch_running(tmp_path)
    with fetch_lock(tmp_path, wait=False):
        pass


def test_a_lock_held_by_another_process_refuses_or_waits(tmp_path: Path) -> None:
    with _held_elsewhere(tmp_path) as (holder, _):
        assert fetch_running(tmp_path)
        with pytest.raises(FetchRunningError) as refused, fetch_lock(tmp_path, wait=False):
            pass
        assert refused.value.pid == holder.pid
        assert f"(pid {holder.pid})" in str(refused.value)
        waited_for: list[int | None] = []
        assert holder.stdin is not None
        # The holder lets go a moment after the wait begins.
        threading.Timer(0.3, holder.stdin.close).start()
        started = time.monotonic()
        with fetch_lock(tmp_path, wait=True, on_wait=waited_for.append):
            assert holder_pid(tmp_path) == os.getpid()
        assert waited_for == [holder.pid]
        assert time.monotonic() - started >= 0.25


def test_a_killed_holder_leaves_no_lock_even_if_its_child_lives_on(tmp_path: Path) -> None:
    with _held_elsewhere(tmp_path, fork=True) as (holder, child):
        holder.kill()
        holder.wait(timeout=10)
        os.kill(child, 0)  # the forked child is still alive, holding the inherited descriptor
        assert not fetch_running(tmp_path)
        with fetch_lock(tmp_path, wait=False):
            pass


def test_fetch_waits_for_a_running_fetch_and_then_fetches(home: Path) -> None:
    with _held_elsewhere(home) as (holder, _):
        fetch = _Digest(home, "fetch", "--json")
        notice = fetch.next_error_line()
        assert notice.strip() == (
            f"another digest fetch is running (pid {holder.pid}); waiting for it to finish..."
        )
        time.sleep(0.3)
        assert fetch.process.poll() is None, "the fetch must wait while the other one runs"
    status, out, rest = fetch.finish()
    assert status == 0, rest
    assert json.loads(out)["feeds"][0]["status"] == "updated"
    assert rest == ""


def test_ctrl_c_while_waiting_exits_130_without_a_traceback(home: Path) -> None:
    with _held_elsewhere(home):
        fetch = _Digest(home, "fetch")
        assert "waiting for it to finish" in fetch.next_error_line()
        fetch.process.send_signal(signal.SIGINT)
        status, _, rest = fetch.finish()
    assert status == 130
    assert rest.strip() == "digest: interrupted"
    assert "Traceback" not in rest
    with open_store(resolve_paths(home).store_file) as store:
        assert store.feeds()[0].articles == 0, "an aborted wait fetches nothing"


def test_read_only_commands_do_not_wait_for_the_lock(
    home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _held_elsewhere(home):
        started = time.monotonic()
        assert main(["--home", str(home), "feeds", "--json"]) == 0
        assert main(["--home", str(home), "history"]) == 0
        assert main(["--home", str(home), "export"]) == 0
        assert time.monotonic() - started < 5
    assert "lock.example" not in capsys.readouterr().err


async def test_reader_refresh_refuses_at_once_while_another_fetch_runs(home: Path) -> None:
    session = ReaderSession(resolve_paths(home), Config())
    with _held_elsewhere(home) as (holder, _):
        started = time.monotonic()
        with pytest.raises(FetchRunningError) as refused:
            await session.refresh()
        assert time.monotonic() - started < 2
    assert str(refused.value) == (
        f"a fetch is running in another digest (pid {holder.pid}); try again when it ends."
    )
    outcomes = await session.refresh()
    assert [o.status for o in outcomes] == ["updated"]


class _NoticeApp(DigestApp):
    """The reader, keeping the notices it shows."""

    def __init__(self, session: ReaderSession) -> None:
        super().__init__(session)
        self.notices: list[str] = []

    def notify(self, message: str, *, markup: bool = True, **options: Any) -> None:
        self.notices.append(message)
        super().notify(message, markup=markup, **options)


async def test_the_reader_says_a_fetch_is_running_and_stays_usable(home: Path) -> None:
    session = ReaderSession(resolve_paths(home), Config())
    app = _NoticeApp(session)
    with _held_elsewhere(home) as (holder, _):
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.app.workers.wait_for_complete()
            await pilot.press("r")
            await pilot.pause()
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running
            assert (
                "The refresh failed: a fetch is running in another digest "
                f"(pid {holder.pid}); try again when it ends."
            ) in app.notices
