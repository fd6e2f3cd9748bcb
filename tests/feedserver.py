"""A real HTTP server on 127.0.0.1 for tests: a small routing table of canned responses.

    server.add("/feed.xml", body, etag='"v1"')          # 200, then 304 for If-None-Match
    server.add("/old", redirect_to="/feed.xml")         # 301 with a relative Location
    server.add("/slow", body, trickle=(1, 0.3))         # one byte every 0.3 s
    server.add_stream("/huge", zeros(10**9))            # a gigabyte made on the fly, never held
    url = server.url("/feed.xml")
    server.hits["/feed.xml"], server.last_headers["/feed.xml"]["user-agent"]

It runs stdlib's ThreadingHTTPServer in a thread, speaks HTTP/1.0 (each response ends the
connection, so a body without Content-Length is simply cut off at its end) and counts how many
requests are in flight at once, in all and per Host header. A client that hangs up early is normal
for these tests and is ignored quietly; any other failure inside the server is kept in `errors`,
and the `feed_server` fixture fails the test at teardown if there is one.
"""

from __future__ import annotations

import gzip
import socketserver
import struct
import sys
import threading
import zlib
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import brotli
import pytest

__all__ = ["FeedServer", "Route", "compress", "compressed_zeros", "feed_server", "zeros"]

Chunks = Callable[[], Iterable[bytes]]


@dataclass
class Route:
    """How the server answers one path."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0
    """Seconds to wait before answering."""
    trickle: tuple[int, float] | None = None
    """(bytes, seconds): send the body that many bytes at a time, pausing between pieces."""
    encoding: str | None = None
    redirect_to: str | None = None
    redirect_status: int = 301
    stream: Chunks | None = None
    """Makes the body piece by piece at request time (for bodies too big to hold)."""
    file: Path | None = None
    """Read at request time, so a test can change the file between fetches."""


def compress(data: bytes, encoding: str | None) -> bytes:
    """Encode `data` as "gzip", "deflate" (zlib-wrapped), "deflate-raw", "br" or None (as is)."""
    if encoding is None:
        return data
    if encoding == "gzip":
        return gzip.compress(data)
    if encoding == "deflate":
        return zlib.compress(data)
    if encoding == "deflate-raw":
        packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
        return packer.compress(data) + packer.flush()
    if encoding == "br":
        return bytes(brotli.compress(data))
    raise ValueError(f"unknown encoding {encoding!r}")


def compressed_zeros(size: int, encoding: str) -> bytes:
    """`size` zero bytes compressed as gzip, deflate or br: a compression bomb, built in pieces.

    Each megabyte is flushed on its own, so after the first few every piece compresses to the
    same bytes; those are repeated rather than recompressed, and a gigabyte takes well under a
    second. The stream stays valid to its end (gzip and zlib trailers are computed).
    """
    block = bytes(1024 * 1024)
    full, rest = divmod(size, len(block))
    if encoding == "br":
        packer = brotli.Compressor(quality=5)

        def step(data: bytes) -> bytes:
            return bytes(packer.process(data)) + bytes(packer.flush())

        def finish() -> bytes:
            return bytes(packer.finish())

    elif encoding in ("gzip", "deflate"):
        wbits = 16 + zlib.MAX_WBITS if encoding == "gzip" else zlib.MAX_WBITS
        deflater = zlib.compressobj(9, zlib.DEFLATED, wbits)

        def step(data: bytes) -> bytes:
            return deflater.compress(data) + deflater.flush(zlib.Z_FULL_FLUSH)

        def finish() -> bytes:
            return deflater.flush()

    else:
        raise ValueError(f"unknown encoding {encoding!r}")
    parts: list[bytes] = []
    for done in range(full):
        parts.append(step(block))
        if done >= 2 and parts[-1] == parts[-2]:
            # The compressor no longer sees the skipped megabytes: only the trailer depends on them.
            parts.extend([parts[-1]] * (full - done - 1))
            break
    if rest:
        parts.append(step(block[:rest]))
    parts.append(finish())
    body = b"".join(parts)
    if encoding == "gzip":
        crc = _zeros_checksum(zlib.crc32, 0, size)
        return body[:-8] + struct.pack("<II", crc, size & 0xFFFFFFFF)
    if encoding == "deflate":
        return body[:-4] + struct.pack(">I", _zeros_checksum(zlib.adler32, 1, size))
    return body


def _zeros_checksum(update: Callable[[bytes, int], int], start: int, size: int) -> int:
    """crc32 or adler32 (from its `start` value) of `size` zero bytes."""
    block = bytes(1024 * 1024)
    value = start
    for offset in range(0, size, len(block)):
        value = update(block[: size - offset], value)
    return value


def zeros(total: int, chunk: int = 64 * 1024) -> Chunks:
    """A body of `total` zero bytes made `chunk` bytes at a time, for `add_stream`."""

    def generate() -> Iterator[bytes]:
        block = bytes(chunk)
        sent = 0
        while sent < total:
            piece = block[: total - sent]
            sent += len(piece)
            yield piece

    return generate


class FeedServer:
    """The server and its routing table; use it as a context manager or through `feed_server`."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.host = host
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        """Requests per path (query strings ignored), unknown paths included."""
        self.last_headers: dict[str, dict[str, str]] = {}
        """The headers of the latest request per path, with lower-case names."""
        self.active = 0
        self.max_active = 0
        """The most requests in flight at once."""
        self.max_active_by_host: Counter[str] = Counter()
        """The same per Host header (without the port), to check per-host limits."""
        self.errors: list[BaseException] = []
        """Unexpected failures inside the server (a client hanging up is not one)."""
        self._active_by_host: Counter[str] = Counter()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._httpd: _HTTPServer | None = None
        self._thread: threading.Thread | None = None

    # Running

    def start(self) -> FeedServer:
        """Listen on a free port and serve in a background thread."""
        self._httpd = _HTTPServer((self.host, 0), _Handler)
        self._httpd.owner = self
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; responses still trickling or streaming end at their next piece."""
        self._stopping.set()
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> FeedServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        """The port the server listens on."""
        assert self._httpd is not None, "the server is not started"
        return int(self._httpd.server_address[1])

    def url(self, path: str, host: str | None = None) -> str:
        """The full URL of `path`; `host="localhost"` reaches the same server by another name."""
        return f"http://{host or self.host}:{self.port}{path}"

    # Routes

    def add(
        self,
        path: str,
        body: bytes = b"",
        *,
        status: int = 200,
        headers: dict[str, str] | None = None,
        etag: str | None = None,
        last_modified: str | None = None,
        delay: float = 0.0,
        trickle: tuple[int, float] | None = None,
        encoding: str | None = None,
        redirect_to: str | None = None,
        redirect_status: int = 301,
    ) -> Route:
        """Answer `path` with `body`, compressed with `encoding` (see `compress`) if given.

        Headers given here win over the ones the server would set itself (Content-Length
        included, so a test can make the server lie).
        """
        route = Route(
            body=compress(body, encoding),
            status=status,
            headers=dict(headers or {}),
            etag=etag,
            last_modified=last_modified,
            delay=delay,
            trickle=trickle,
            encoding=encoding,
            redirect_to=redirect_to,
            redirect_status=redirect_status,
        )
        self.routes[path] = route
        return route

    def add_redirect(self, path: str, to: str, status: int = 301) -> Route:
        """Redirect `path` to `to` (a path makes a relative Location)."""
        return self.add(path, redirect_to=to, redirect_status=status)

    def add_file(self, path: str, file: Path, **options: Any) -> Route:
        """Serve `file`, read afresh for every request; options as for `add`."""
        route = self.add(path, **options)
        route.file = file
        return route

    def add_stream(
        self,
        path: str,
        chunks: Chunks,
        *,
        content_length: int | None = None,
        **options: Any,
    ) -> Route:
        """Serve the pieces `chunks()` yields, sent as made; without a length, ended by closing.

        `encoding` is not applied to a stream: give already encoded pieces and the header.
        """
        route = self.add(path, **options)
        route.stream = chunks
        if content_length is not None:
            route.headers.setdefault("Content-Length", str(content_length))
        return route

    # Serving (runs in the server's threads)

    def _handle(self, handler: _Handler) -> None:
        path = urlsplit(handler.path).path
        host = handler.headers.get("Host", "").rsplit(":", 1)[0]
        with self._lock:
            self.hits[path] += 1
            self.last_headers[path] = {k.lower(): v for k, v in handler.headers.items()}
            self.active += 1
            self._active_by_host[host] += 1
            self.max_active = max(self.max_active, self.active)
            self.max_active_by_host[host] = max(
                self.max_active_by_host[host], self._active_by_host[host]
            )
        try:
            self._respond(handler, self.routes.get(path))
        except ConnectionError:
            pass  # the client hung up: expected when it gives up on a big or slow body
        finally:
            with self._lock:
                self.active -= 1
                self._active_by_host[host] -= 1

    def _respond(self, handler: _Handler, route: Route | None) -> None:
        if route is None:
            self._send(handler, 404, {"Content-Type": "text/plain"}, [b"not found"])
            return
        if route.delay and self._stopping.wait(route.delay):
            return
        if route.redirect_to is not None:
            headers = {"Location": route.redirect_to, "Content-Length": "0"}
            self._send(handler, route.redirect_status, headers | route.headers, [])
            return
        validators = {}
        if route.etag is not None:
            validators["ETag"] = route.etag
        if route.last_modified is not None:
            validators["Last-Modified"] = route.last_modified
        if _not_modified(handler, route):
            self._send(handler, 304, validators, [])
            return
        headers = {"Content-Type": "application/xml; charset=utf-8", **validators}
        if route.encoding is not None:
            headers["Content-Encoding"] = (
                "deflate" if route.encoding.startswith("deflate") else route.encoding
            )
        pieces: Iterable[bytes]
        if route.stream is not None:
            pieces = route.stream()
        else:
            body = route.body
            if route.file is not None:
                body = compress(route.file.read_bytes(), route.encoding)
            headers["Content-Length"] = str(len(body))
            pieces = [body]
            if route.trickle is not None:
                size = route.trickle[0]
                pieces = (body[i : i + size] for i in range(0, len(body), size))
        pause = route.trickle[1] if route.trickle is not None else 0.0
        self._send(handler, route.status, headers | route.headers, pieces, pause)

    def _send(
        self,
        handler: _Handler,
        status: int,
        headers: dict[str, str],
        pieces: Iterable[bytes],
        pause: float = 0.0,
    ) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            handler.send_header(name, value)
        handler.end_headers()
        for index, piece in enumerate(pieces):
            if index and pause and self._stopping.wait(pause):
                return
            if self._stopping.is_set():
                return
            handler.wfile.write(piece)
            handler.wfile.flush()


def _not_modified(handler: BaseHTTPRequestHandler, route: Route) -> bool:
    """Whether the request's validators match the route's (If-None-Match takes precedence)."""
    if_none_match = handler.headers.get("If-None-Match")
    if if_none_match is not None:
        if route.etag is None:
            return False
        wanted = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in wanted or route.etag.removeprefix("W/") in wanted
    since = handler.headers.get("If-Modified-Since")
    if since is None or route.last_modified is None:
        return False
    try:
        return parsedate_to_datetime(route.last_modified) <= parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return since == route.last_modified


class _Handler(BaseHTTPRequestHandler):
    server: _HTTPServer

    def do_GET(self) -> None:
        self.server.owner._handle(self)

    def log_message(self, format: str, *args: Any) -> None:
        """Keep test output clean."""


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 makes bursts of connections wait for SYN retries
    owner: FeedServer

    def server_bind(self) -> None:
        # HTTPServer.server_bind looks up the host's full name, which can stall without DNS.
        socketserver.TCPServer.server_bind(self)
        self.server_name = self.server_address[0]  # type: ignore[assignment]
        self.server_port = int(self.server_address[1])

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if error is None or isinstance(error, ConnectionError | TimeoutError):
            return
        self.owner.errors.append(error)


@pytest.fixture
def feed_server() -> Iterator[FeedServer]:
    """A started FeedServer, stopped after the test; fails the test if the server itself broke."""
    server = FeedServer().start()
    try:
        yield server
    finally:
        server.stop()
    assert not server.errors, f"the test server failed: {server.errors!r}"
