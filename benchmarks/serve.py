"""Serve a folder of feeds on 127.0.0.1 as a slow web server would (benchmark aid, not a test).

Every request waits a fixed delay before it is answered, as a distant server's round trip would.
Each file has an ETag and a Last-Modified date; a conditional request whose validators still match
gets 304 Not Modified. Bodies are gzipped when the client accepts it, as news sites do. The server
counts the 200 and 304 answers so a benchmark can check what a reload really downloaded.
Run alone: `python benchmarks/serve.py DIR [--port P] [--delay S]`.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import threading
import time
from collections import Counter
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class _Feed:
    def __init__(self, body: bytes, modified: float, kind: str) -> None:
        self.body = body
        self.gzipped = gzip.compress(body, compresslevel=6)
        self.etag = '"' + hashlib.sha1(body).hexdigest()[:20] + '"'
        self.modified = int(modified)
        self.last_modified = formatdate(self.modified, usegmt=True)
        self.kind = kind


class FeedServer(ThreadingHTTPServer):
    """A threaded HTTP server over the files of one folder, held in memory."""

    daemon_threads = True

    def __init__(self, folder: Path, delay: float, port: int = 0) -> None:
        self.delay = delay
        self.counts: Counter[int] = Counter()
        self._lock = threading.Lock()
        self.feeds: dict[str, _Feed] = {}
        for path in sorted(folder.iterdir()):
            if path.is_file():
                kind = "application/atom+xml" if ".atom." in path.name else "application/rss+xml"
                if path.suffix == ".html":
                    kind = "text/html; charset=utf-8"
                self.feeds["/" + path.name] = _Feed(path.read_bytes(), path.stat().st_mtime, kind)
        super().__init__(("127.0.0.1", port), _Handler)

    def count(self, status: int) -> None:
        """Note one answer with `status`."""
        with self._lock:
            self.counts[status] += 1

    def take_counts(self) -> dict[int, int]:
        """The answers given since the last call, by status."""
        with self._lock:
            counts = dict(self.counts)
            self.counts.clear()
        return counts

    def url(self, name: str) -> str:
        """The address of the file `name`."""
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/{name}"


class _Handler(BaseHTTPRequestHandler):
    server: FeedServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # a line per request would swamp the benchmark's output

    def do_GET(self) -> None:  # noqa: N802
        time.sleep(self.server.delay)
        feed = self.server.feeds.get(self.path.split("?", 1)[0])
        if feed is None:
            self._answer(404, b"not found", {"Content-Type": "text/plain"})
            return
        headers = {"ETag": feed.etag, "Last-Modified": feed.last_modified}
        if self._unchanged(feed):
            self._answer(304, b"", headers)
            return
        headers["Content-Type"] = f"{feed.kind}; charset=utf-8"
        headers["Vary"] = "Accept-Encoding"
        if "gzip" in self.headers.get("Accept-Encoding", ""):
            headers["Content-Encoding"] = "gzip"
            self._answer(200, feed.gzipped, headers)
        else:
            self._answer(200, feed.body, headers)

    def _unchanged(self, feed: _Feed) -> bool:
        tags = self.headers.get("If-None-Match")
        if tags is not None:
            return feed.etag in [t.strip().removeprefix("W/") for t in tags.split(",")] or (
                tags.strip() == "*"
            )
        since = self.headers.get("If-Modified-Since")
        if since:
            try:
                return parsedate_to_datetime(since).timestamp() >= feed.modified
            except (TypeError, ValueError):
                return False
        return False

    def _answer(self, status: int, body: bytes, headers: dict[str, str]) -> None:
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        if status != 304:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if status != 304:
            self.wfile.write(body)
        self.server.count(status)


def start(folder: Path, delay: float, port: int = 0) -> tuple[FeedServer, threading.Thread]:
    """Serve `folder` from a background thread; stop with `stop`."""
    server = FeedServer(folder, delay, port)
    thread = threading.Thread(target=server.serve_forever, name="feed-server", daemon=True)
    thread.start()
    return server, thread


def stop(server: FeedServer, thread: threading.Thread) -> None:
    """Shut the server down and wait for its thread."""
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def main() -> None:
    """Serve a folder until interrupted."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--delay", type=float, default=0.02, help="seconds before each answer")
    args = parser.parse_args()
    server = FeedServer(args.folder, args.delay, args.port)
    print(f"serving {len(server.feeds)} files on {server.url('')} (Ctrl-C stops)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
