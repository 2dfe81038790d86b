"""Client-side helpers: answer-to-error mapping, streamed upload bodies and atomic downloads."""

from __future__ import annotations

import asyncio
import hashlib
import os
import tempfile
import time
from collections.abc import AsyncGenerator, Callable
from pathlib import Path
from typing import BinaryIO

from ._http import httpx

from . import errors
from .wire import MAX_BODY_BYTES as MAX_BODY_BYTES  # the shared limits and words, re-exported
from .wire import NETWORK_DOWN_MESSAGE as NETWORK_DOWN_MESSAGE
from .wire import TIMEOUT_MESSAGE as TIMEOUT_MESSAGE
from .wire import TOO_LARGE_MESSAGE as TOO_LARGE_MESSAGE

ProgressCallback = Callable[[int, int], None]

DOWNLOAD_SIZE_MESSAGE = (
    "Le fichier reçu n'a pas la taille annoncée par le serveur : il a été supprimé. Réessayez."
)
DOWNLOAD_HASH_MESSAGE = (
    "Le fichier reçu ne correspond pas à l'empreinte (SHA-256) annoncée par le serveur : il a été supprimé. "
    "Réessayez."
)
SHA256_HEADER = "X-Content-SHA256"


def _announced_length(response: httpx.Response) -> int | None:
    try:
        value = int(response.headers["content-length"])
    except (KeyError, ValueError):
        return None
    return value if value >= 0 else None


async def read_capped(response: httpx.Response, limit: int = MAX_BODY_BYTES) -> bytes:
    """The whole (decoded) body, read chunk by chunk and refused past `limit` bytes.

    Memory stays bounded by `limit` whatever the server sends or announces; the caller closes
    the response. InvalidResponse (French) when too large, NetworkDown when the link breaks.
    """
    too_large = errors.InvalidResponse(TOO_LARGE_MESSAGE.format(mb=limit // (1024 * 1024)))
    announced = _announced_length(response)
    if announced is not None and announced > limit:
        raise too_large
    buffer = bytearray()
    try:
        async for chunk in response.aiter_bytes():
            buffer += chunk
            if len(buffer) > limit:
                raise too_large
    except httpx.TransportError as exc:
        raise network_error(exc) from exc
    return bytes(buffer)


def network_error(exc: httpx.TransportError) -> errors.NetworkDown:
    """The French NetworkDown for a transport failure (the cause stays chained, not shown)."""
    if isinstance(exc, httpx.TimeoutException):
        return errors.NetworkDown(TIMEOUT_MESSAGE)
    return errors.NetworkDown(NETWORK_DOWN_MESSAGE)


def error_from_response(response: httpx.Response) -> errors.ApiError:
    """The typed error for a non-2xx answer whose body has been read (see `errors.error_from_answer`)."""
    return errors.error_from_answer(response.status_code, response.headers.get("content-type", ""),
                                    response.content, response.headers.get("retry-after"))


def file_size(path: Path) -> int:
    """The size of a regular, readable file, or FileUnreadable."""
    try:
        if not path.is_file():
            raise errors.FileUnreadable(f"Le fichier « {path.name} » est introuvable.")
        if not os.access(path, os.R_OK):
            raise errors.FileUnreadable(f"Le fichier « {path.name} » n'est pas lisible (droits d'accès).")
        return path.stat().st_size
    except OSError as exc:
        raise errors.FileUnreadable(f"Le fichier « {path.name} » est illisible.") from exc


SLOW_READ_S = 0.02
"""A chunk read that takes longer than this (a network share, a disk waking up) sends every later read of
that upload to a worker thread, so the event loop, and so the UI, keeps running while the disk works."""


class StreamedFile:
    """A file read from disk chunk by chunk as an upload body, hashed on the way.

    Each call to `body()` starts a fresh pass (so a retry re-reads from the start);
    `sha256` is the digest of the last complete pass. Holds one chunk in memory: the
    socket's send buffer already overlaps the network with the next read.
    """

    def __init__(
        self, path: Path, size: int, *, chunk_size: int, progress: ProgressCallback | None
    ) -> None:
        self.path = path
        self.size = size
        self.chunk_size = chunk_size
        self.progress = progress
        self.sha256: str | None = None

    async def body(self) -> AsyncGenerator[bytes, None]:
        self.sha256 = None
        digest = hashlib.sha256()
        sent = 0
        name = self.path.name
        if self.progress:
            self.progress(0, self.size)
        try:
            reader = _Reader(open(self.path, "rb"), name)  # noqa: SIM115 - closed in finally, across yields
        except OSError as exc:
            raise errors.FileUnreadable(f"Le fichier « {name} » a disparu ou n'est plus lisible.") from exc
        try:
            while sent < self.size:
                chunk = await reader.read(min(self.chunk_size, self.size - sent))
                if not chunk:
                    raise errors.FileUnreadable(
                        f"Le fichier « {name} » a été raccourci pendant l'envoi. Joignez-le à nouveau."
                    )
                digest.update(chunk)
                sent += len(chunk)
                # Checked before the last chunk leaves: once the server has every announced byte, it stores them.
                if sent == self.size and await reader.read(1):
                    raise errors.FileUnreadable(
                        f"Le fichier « {name} » a été modifié pendant l'envoi. Joignez-le à nouveau."
                    )
                yield chunk
                if self.progress:
                    self.progress(sent, self.size)
        finally:
            reader.close()
        self.sha256 = digest.hexdigest()


class _Reader:
    """Reads an open file on the event loop while the disk answers quickly (no thread hop per chunk:
    from the page cache a read takes microseconds, a hop tens of them); after one slow read, in a worker
    thread (see SLOW_READ_S)."""

    def __init__(self, handle: BinaryIO, name: str) -> None:
        self.handle = handle
        self.name = name
        self.threaded = False
        self._in_thread: asyncio.Future[bytes] | None = None

    async def read(self, size: int) -> bytes:
        try:
            if not self.threaded:
                started = time.perf_counter()
                data = self.handle.read(size)
                self.threaded = time.perf_counter() - started > SLOW_READ_S
                return data
            # Shielded: a cancelled upload stops waiting, the read itself runs on (see close).
            self._in_thread = asyncio.get_running_loop().run_in_executor(None, self.handle.read, size)
            data = await asyncio.shield(self._in_thread)
            self._in_thread = None
            return data
        except OSError as exc:
            raise errors.FileUnreadable(f"Le fichier « {self.name} » n'est plus lisible.") from exc

    def close(self) -> None:
        """Close the file now, or when the worker thread still reading it is done (closing a file under
        a read would block the event loop until that read ends)."""
        pending = self._in_thread
        if pending is not None and not pending.done():
            pending.add_done_callback(lambda _read: self.handle.close())  # (shield takes its outcome)
        else:
            self.handle.close()


async def save_stream(response: httpx.Response, dest: Path) -> Path:
    """Write a streamed answer to a temp file next to `dest`, then rename it into place.

    Nothing half-written is ever left at `dest`; the temp file is removed on failure.
    """
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=".part", dir=dest.parent)
    except OSError as exc:
        raise errors.FileUnwritable(
            f"Impossible d'écrire dans le dossier « {dest.parent} »."
        ) from exc
    tmp = Path(tmp_name)
    # What the server announces is checked: a file larger, shorter or other than announced is discarded.
    # (A compressed answer announces its compressed length: only the hash applies then.)
    encoded = response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity")
    announced = None if encoded else _announced_length(response)
    expected_sha = response.headers.get(SHA256_HEADER, "").strip().lower() or None
    digest = hashlib.sha256()
    received = 0
    try:
        with os.fdopen(fd, "wb") as out:
            try:
                async for chunk in response.aiter_bytes():
                    received += len(chunk)
                    if announced is not None and received > announced:
                        raise errors.ChecksumMismatch(DOWNLOAD_SIZE_MESSAGE)
                    digest.update(chunk)
                    out.write(chunk)
            except httpx.TransportError as exc:
                raise network_error(exc) from exc
            if announced is not None and received != announced:
                raise errors.ChecksumMismatch(DOWNLOAD_SIZE_MESSAGE)
            if expected_sha is not None and digest.hexdigest() != expected_sha:
                raise errors.ChecksumMismatch(DOWNLOAD_HASH_MESSAGE)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise errors.FileUnwritable(f"Impossible d'enregistrer « {dest.name} » (disque plein ou droits ?).") from exc
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return dest
