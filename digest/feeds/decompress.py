"""Bounded, incremental decompression of HTTP bodies (gzip, deflate, brotli).

Each decoder yields its output a piece of at most about `CHUNK` bytes at a time, so the caller can
count as it goes and stop a compression bomb (a few kilobytes that inflate to gigabytes) long
before it fills memory. httpx's own decoders return everything a chunk expands to at once.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Sequence
from typing import Protocol

import brotli

__all__ = ["CHUNK", "BodyDecoder", "CorruptBody", "UnsupportedEncoding", "body_decoder"]

CHUNK = 64 * 1024
"""Most bytes produced per step (brotli may go a little over: it grows its buffer in blocks)."""


class UnsupportedEncoding(ValueError):
    """The Content-Encoding names something this module cannot decode."""


class CorruptBody(ValueError):
    """The compressed body is not valid for its encoding."""


class _Decoder(Protocol):
    def feed(self, data: bytes) -> Iterator[bytes]: ...


class BodyDecoder:
    """Decodes a body through every encoding the server applied, in the right order."""

    def __init__(self, decoders: Sequence[_Decoder]) -> None:
        self._decoders = list(decoders)

    def feed(self, data: bytes) -> Iterator[bytes]:
        """Decode the next raw chunk, yielding output a bounded piece at a time."""
        try:
            yield from _through(self._decoders, data)
        except (zlib.error, brotli.error) as exc:
            raise CorruptBody(str(exc) or "invalid compressed data") from exc


def body_decoder(content_encoding: str) -> BodyDecoder:
    """A decoder for a Content-Encoding header value; raises UnsupportedEncoding."""
    decoders: list[_Decoder] = []
    # Encodings are listed in the order applied, so they are undone last first.
    for name in reversed([part.strip().lower() for part in content_encoding.split(",")]):
        if name in ("", "identity"):
            continue
        if name in ("gzip", "x-gzip"):
            decoders.append(_ZlibDecoder(gzip=True))
        elif name == "deflate":
            decoders.append(_ZlibDecoder(gzip=False))
        elif name == "br":
            decoders.append(_BrotliDecoder())
        else:
            shown = "".join(c for c in name[:40] if c.isprintable())
            raise UnsupportedEncoding(f"unsupported content encoding {shown!r}")
    return BodyDecoder(decoders)


def _through(decoders: Sequence[_Decoder], data: bytes) -> Iterator[bytes]:
    if not decoders:
        yield data
        return
    for piece in decoders[0].feed(data):
        yield from _through(decoders[1:], piece)


class _ZlibDecoder:
    """gzip, or HTTP "deflate", which servers send both zlib-wrapped and raw."""

    def __init__(self, gzip: bool) -> None:
        self._pending = b""
        self._inflater: zlib._Decompress | None = None
        if gzip:
            self._inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes) -> Iterator[bytes]:
        if self._inflater is None:
            # The first two bytes tell a zlib header from a raw deflate stream.
            self._pending += data
            if len(self._pending) < 2:
                return
            first, second = self._pending[0], self._pending[1]
            wrapped = first & 0x0F == 8 and (first * 256 + second) % 31 == 0
            self._inflater = zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
            data, self._pending = self._pending, b""
        inflater = self._inflater
        while not inflater.eof:
            out = inflater.decompress(data, CHUNK)
            if out:
                yield out
            data = inflater.unconsumed_tail
            # A full piece may leave output inside zlib even when the input is used up.
            if not data and len(out) < CHUNK:
                break


class _BrotliDecoder:
    """brotli, through the output limit brotli 1.2 added for exactly this purpose."""

    def __init__(self) -> None:
        self._decompressor = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        decompressor = self._decompressor
        # brotli must be drained with empty input before it takes more.
        while not decompressor.can_accept_more_data():
            out = decompressor.process(b"", output_buffer_limit=CHUNK)
            if not out:
                break
            yield out
        out = decompressor.process(data, output_buffer_limit=CHUNK)
        while out:
            yield out
            if decompressor.is_finished():
                break
            out = decompressor.process(b"", output_buffer_limit=CHUNK)
