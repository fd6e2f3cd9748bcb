"""Download feeds: async httpx, conditional GET, and hard limits on size, time and redirects.

`fetch_all` takes a batch of requests and returns one `FetchResult` per request, in order. A feed
that fails gets status "error" and a message for a person; nothing a server does can raise out of
`fetch_all` or stop the other feeds. Redirects are followed here rather than by httpx, so each hop
can be checked (http and https only, never to a local file) and permanent moves reported.
Bodies are decompressed here too, a bounded piece at a time, so a small compressed "bomb" cannot
grow past the configured limit in memory.
"""

from __future__ import annotations

import asyncio
import errno
import socket
import stat
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from email.utils import formatdate, parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Literal
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

import httpx

from digest import __version__
from digest.config import FetchSettings
from digest.feeds.decompress import CorruptBody, UnsupportedEncoding, body_decoder

__all__ = ["FetchRequest", "FetchResult", "fetch_all", "fetch_all_sync", "user_agent"]

Status = Literal["updated", "not_modified", "error", "gone"]

_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_PERMANENT = frozenset({301, 308})
_MB = 1024 * 1024
_ACCEPT = (
    "application/rss+xml, application/atom+xml, application/feed+json, "
    "application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1"
)


@dataclass(frozen=True)
class FetchRequest:
    """One feed to download, with the validators stored from its last fetch."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    local_ok: bool = False
    """The user gave this URL, so a local path or file:// URL may be read (never via a redirect)."""


@dataclass(frozen=True)
class FetchResult:
    """What became of one `FetchRequest`."""

    url: str
    """The requested URL, the key back to the subscription."""
    status: Status
    body: bytes | None = None
    """The decompressed body when status is "updated"."""
    headers: dict[str, str] = field(default_factory=dict)
    """The final response's headers, with lower-case names."""
    final_url: str | None = None
    """Where the body came from: the base for relative links."""
    moved_to: str | None = None
    """Set when every redirect was permanent (301/308): the URL to store instead."""
    etag: str | None = None
    """Validators to store for the next fetch (the request's own when nothing newer came)."""
    last_modified: str | None = None
    error: str | None = None
    """What went wrong, for a person."""
    retry_after: datetime | None = None
    """When a 429 or 503 asked to come back, in UTC."""
    elapsed: float = 0.0


class _FetchFailed(Exception):
    """A failure whose message is already meant for a person."""


def user_agent() -> str:
    """The User-Agent header sent with every request."""
    return f"digest/{__version__} (+terminal news-digest reader)"


async def fetch_all(
    requests: Sequence[FetchRequest],
    settings: FetchSettings,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """Fetch every request at once, within the limits of `settings`; results in request order.

    `on_result` is called with each result as it finishes (for progress displays).
    """
    limits = _Limits(settings)
    timeout = httpx.Timeout(
        connect=settings.connect_timeout,
        read=settings.read_timeout,
        write=settings.read_timeout,
        pool=settings.feed_deadline,
    )
    pool = httpx.Limits(
        max_connections=settings.concurrency, max_keepalive_connections=settings.concurrency
    )
    headers = {
        "User-Agent": user_agent(),
        "Accept": _ACCEPT,
        "Accept-Encoding": "gzip, deflate, br",
    }
    async with httpx.AsyncClient(
        headers=headers,
        timeout=timeout,
        limits=pool,
        follow_redirects=False,
        event_hooks={"response": [_refuse_bad_redirect]},
    ) as client:
        tasks = [
            asyncio.create_task(_fetch_one(client, request, settings, limits))
            for request in requests
        ]
        try:
            for finished in asyncio.as_completed(tasks):
                result = await finished
                if on_result is not None:
                    on_result(result)
        except BaseException:
            # Only on_result (or cancelling the batch) gets here: take the other feeds down cleanly.
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
        return [task.result() for task in tasks]


def fetch_all_sync(
    requests: Sequence[FetchRequest],
    settings: FetchSettings,
    on_result: Callable[[FetchResult], None] | None = None,
) -> list[FetchResult]:
    """`fetch_all` for callers without an event loop."""
    return asyncio.run(fetch_all(requests, settings, on_result))


class _Limits:
    """The semaphores shared by one batch: all feeds, and each host."""

    def __init__(self, settings: FetchSettings) -> None:
        self.total = asyncio.Semaphore(settings.concurrency)
        self._per_host = settings.per_host
        self._hosts: dict[str, asyncio.Semaphore] = {}

    def host(self, host: str) -> asyncio.Semaphore:
        key = host.lower()
        if key not in self._hosts:
            self._hosts[key] = asyncio.Semaphore(self._per_host)
        return self._hosts[key]


async def _fetch_one(
    client: httpx.AsyncClient, request: FetchRequest, settings: FetchSettings, limits: _Limits
) -> FetchResult:
    async with limits.total:
        started = time.monotonic()
        try:
            try:
                scheme = urlsplit(request.url).scheme.lower()
            except ValueError as exc:
                raise _FetchFailed(f"not a valid feed URL: {exc}") from None
            if scheme not in ("http", "https"):
                if request.local_ok and scheme in ("", "file"):
                    return await asyncio.to_thread(_read_local, request, settings, started)
                raise _FetchFailed("only http and https feeds can be fetched")
            return await _fetch_http(client, request, settings, limits, started)
        except Exception as exc:  # one bad feed must never stop the others
            return _failed(request, _describe(exc, settings), started)


def _failed(request: FetchRequest, message: str, started: float) -> FetchResult:
    return FetchResult(
        url=request.url,
        status="error",
        etag=request.etag,
        last_modified=request.last_modified,
        error=message,
        elapsed=time.monotonic() - started,
    )


def _read_local(request: FetchRequest, settings: FetchSettings, started: float) -> FetchResult:
    parts = urlsplit(request.url)
    if parts.scheme.lower() == "file":
        if parts.netloc not in ("", "localhost"):
            raise _FetchFailed(f"cannot read a file on another machine ({parts.netloc})")
        path = Path(url2pathname(parts.path))
    else:
        path = Path(request.url).expanduser()
    limit = int(settings.max_body_mb * _MB)
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise _FetchFailed(f"{path} is a folder, not a feed file")
        if not stat.S_ISREG(info.st_mode):
            # A named pipe or device could block this thread for ever.
            raise _FetchFailed(f"{path} is not a regular file")
        with path.open("rb") as handle:
            body = handle.read(limit + 1)
    except FileNotFoundError:
        raise _FetchFailed(f"no such file: {path}") from None
    except OSError as exc:
        raise _FetchFailed(f"cannot read {path}: {exc.strerror or exc}") from None
    if len(body) > limit:
        raise _FetchFailed(f"too large: more than {settings.max_body_mb:g} MB")
    return FetchResult(
        url=request.url,
        status="updated",
        body=body,
        final_url=path.resolve().as_uri(),
        last_modified=formatdate(info.st_mtime, usegmt=True),
        elapsed=time.monotonic() - started,
    )


async def _fetch_http(
    client: httpx.AsyncClient,
    request: FetchRequest,
    settings: FetchSettings,
    limits: _Limits,
    started: float,
) -> FetchResult:
    # httpx's read timeout restarts with every byte, so a trickling server needs a total deadline.
    # It is armed once the feed has a connection slot, so waiting in the queue does not count.
    deadline = asyncio.timeout(None)
    try:
        async with deadline:
            return await _follow(client, request, settings, limits, deadline, started)
    except TimeoutError:
        if deadline.expired():
            raise _FetchFailed(f"timed out after {settings.feed_deadline:g} s") from None
        raise


async def _follow(
    client: httpx.AsyncClient,
    request: FetchRequest,
    settings: FetchSettings,
    limits: _Limits,
    deadline: asyncio.Timeout,
    started: float,
) -> FetchResult:
    """GET the URL, following redirects one checked hop at a time."""
    conditional: dict[str, str] = {}
    if request.etag:
        conditional["If-None-Match"] = request.etag
    if request.last_modified:
        conditional["If-Modified-Since"] = request.last_modified
    url = request.url
    seen = {url}
    permanent = True
    for hop in range(settings.max_redirects + 1):
        async with limits.host(httpx.URL(url).host):
            if deadline.when() is None:
                deadline.reschedule(asyncio.get_running_loop().time() + settings.feed_deadline)
            async with client.stream("GET", url, headers=conditional) as response:
                location = response.headers.get("location")
                if response.status_code not in _REDIRECTS or location is None:
                    moved_to = url if hop and permanent else None
                    return await _finish(request, response, settings, moved_to, started)
        permanent = permanent and response.status_code in _PERMANENT
        url = urljoin(url, location.strip())
        if url in seen:
            raise _FetchFailed(f"redirect loop: {url} redirects back to itself")
        seen.add(url)
    raise _FetchFailed(f"too many redirects (more than {settings.max_redirects})")


async def _refuse_bad_redirect(response: httpx.Response) -> None:
    """Check a redirect's target before httpx parses it (it does, even when not following)."""
    location = response.headers.get("location")
    if response.status_code not in _REDIRECTS or location is None:
        return
    try:
        target = urljoin(str(response.request.url), location.strip())
        scheme = urlsplit(target).scheme.lower()
        httpx.URL(target)
    except (ValueError, httpx.InvalidURL):
        raise _FetchFailed("redirect to an invalid URL refused") from None
    if scheme not in ("http", "https"):
        raise _FetchFailed("redirect to a non-http URL refused")


async def _finish(
    request: FetchRequest,
    response: httpx.Response,
    settings: FetchSettings,
    moved_to: str | None,
    started: float,
) -> FetchResult:
    """Turn the last response of the redirect chain into a result."""
    headers = {name.lower(): value for name, value in response.headers.items()}
    base = FetchResult(
        url=request.url,
        status="error",
        headers=headers,
        final_url=str(response.url),
        moved_to=moved_to,
        etag=request.etag,
        last_modified=request.last_modified,
    )
    code = response.status_code
    if code == 304:
        return replace(
            base,
            status="not_modified",
            etag=headers.get("etag", request.etag),
            last_modified=headers.get("last-modified", request.last_modified),
            elapsed=time.monotonic() - started,
        )
    if 200 <= code < 300:
        body = await _read_body(response, settings)
        return replace(
            base,
            status="updated",
            body=body,
            etag=headers.get("etag"),
            last_modified=headers.get("last-modified"),
            elapsed=time.monotonic() - started,
        )
    if code == 410:
        return replace(
            base, status="gone", error="the feed is gone (410)", elapsed=time.monotonic() - started
        )
    retry_after = _retry_after(headers.get("retry-after")) if code in (429, 503) else None
    message = f"server said {code} {_reason(response)}"
    if retry_after is not None:
        message += f"; try again after {retry_after:%Y-%m-%d %H:%M} UTC"
    return replace(base, error=message, retry_after=retry_after, elapsed=time.monotonic() - started)


def _reason(response: httpx.Response) -> str:
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        # The server's own phrase is untrusted text: keep it short and printable.
        phrase = "".join(c for c in response.reason_phrase[:60] if c.isprintable())
        return phrase or "(unknown status)"


def _retry_after(value: str | None) -> datetime | None:
    """Parse Retry-After, given either as seconds or as an HTTP date, into aware UTC."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return datetime.now(UTC) + timedelta(seconds=int(value))
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


async def _read_body(response: httpx.Response, settings: FetchSettings) -> bytes:
    """Read and decompress the body, stopping as soon as either size limit is passed."""
    raw_limit = int(settings.max_body_mb * _MB)
    decoded_limit = int(settings.max_decompressed_mb * _MB)
    too_large = f"too large: more than {settings.max_body_mb:g} MB"
    length = response.headers.get("content-length", "").strip()
    if length.isdigit() and int(length) > raw_limit:
        raise _FetchFailed(too_large)
    decoder = body_decoder(response.headers.get("content-encoding", ""))
    raw_size = 0
    decoded_size = 0
    parts: list[bytes] = []
    async for chunk in response.aiter_raw():
        raw_size += len(chunk)
        if raw_size > raw_limit:
            raise _FetchFailed(too_large)
        for piece in decoder.feed(chunk):
            decoded_size += len(piece)
            if decoded_size > decoded_limit:
                raise _FetchFailed(
                    f"too large: more than {settings.max_decompressed_mb:g} MB when decompressed"
                )
            parts.append(piece)
    return b"".join(parts)


def _describe(exc: Exception, settings: FetchSettings) -> str:
    """Say what went wrong in words for a person."""
    if isinstance(exc, _FetchFailed):
        return str(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return f"timed out connecting after {settings.connect_timeout:g} s"
    if isinstance(exc, httpx.ReadTimeout):
        return f"timed out: the server sent nothing for {settings.read_timeout:g} s"
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return f"cannot connect: {_connect_reason(exc)}"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke the protocol: {exc}"
    if isinstance(exc, httpx.NetworkError):
        return f"the connection failed: {str(exc) or type(exc).__name__}"
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return f"not a valid feed URL: {exc}"
    if isinstance(exc, UnsupportedEncoding):
        return str(exc)
    if isinstance(exc, CorruptBody | httpx.DecodingError):
        return f"the server sent a corrupt compressed body: {exc}"
    return f"unexpected error: {type(exc).__name__}: {exc}"


def _connect_reason(exc: BaseException) -> str:
    """Find the operating system's reason under httpx's and anyio's wrappers."""
    for error in _causes(exc):
        if isinstance(error, socket.gaierror):
            return "host not found"
        if isinstance(error, OSError) and error.errno is not None:
            known = {
                errno.ECONNREFUSED: "connection refused",
                errno.ENETUNREACH: "network unreachable",
                errno.EHOSTUNREACH: "host unreachable",
                errno.ECONNRESET: "connection reset",
            }
            return known.get(error.errno, error.strerror or str(error))
    return str(exc) or type(exc).__name__


def _causes(exc: BaseException) -> Iterator[BaseException]:
    todo: list[BaseException] = [exc]
    seen: set[int] = set()
    while todo:
        error = todo.pop(0)
        if id(error) in seen:
            continue
        seen.add(id(error))
        yield error
        if isinstance(error, BaseExceptionGroup):
            todo.extend(error.exceptions)
        for linked in (error.__cause__, error.__context__):
            if linked is not None:
                todo.append(linked)
