"""HTTP/1.1 for the light client: one request at a time on one socket, the answer read as it comes.

`http.client` did this, but importing it loads the e-mail package (its header parser) and `ssl`
even for an `http://` server: about half of what `msa-tui payments list` imported beyond
`--help` (docs/benchmarks.md). The light client needs little of it: a request line and headers
out; a status line, headers and a body (Content-Length, chunked, or up to the close) in. The
interface is the slice of http.client's the client used (`request`, `getresponse`, `status`,
`getheaders`, `read`, `will_close`, `close`); what does not parse is a `BadAnswer`, an OSError,
so it is a network failure as http.client's HTTPException was.
"""

from __future__ import annotations

import socket
from typing import Any

MAX_LINE = 65536
MAX_HEADERS = 100


class BadAnswer(OSError):
    """The server's bytes are not an HTTP/1.x answer (or end too early)."""


class Response:
    def __init__(self, stream: Any, method: str) -> None:
        self._stream = stream
        while True:
            version, self.status = _status_line(_line(stream))
            self._headers = _headers(stream)
            if not 100 <= self.status < 200:  # interim answers (100 Continue) come before the real one
                break
        get = {name.lower(): value for name, value in self._headers}.get
        tokens = {token.strip().lower() for token in get("connection", "").split(",")}
        self._chunked = "chunked" in get("transfer-encoding", "").lower()
        self._left: int | None = None  # bytes left: of the body (Content-Length) or of the current chunk
        self._done = method == "HEAD" or self.status in (204, 304)
        length = get("content-length", "").strip()
        if not self._chunked and length:
            if not length.isdigit():
                raise BadAnswer(f"Content-Length {length!r}")
            self._left = int(length)
        self.will_close = version == "HTTP/1.0" or "close" in tokens or (
            not self._done and not self._chunked and self._left is None)

    def getheaders(self) -> list[tuple[str, str]]:
        return list(self._headers)

    def read(self, size: int) -> bytes:
        """Up to `size` bytes of the body; b"" once it is all read."""
        if self._done:
            return b""
        if self._chunked:
            return self._read_chunked(size)
        if self._left is None:  # the body ends when the server closes the connection
            data = self._stream.read1(size)
            self._done = not data
            return data
        data = self._stream.read1(min(size, self._left)) if self._left else b""
        if self._left and not data:
            raise BadAnswer("answer cut short")
        self._left -= len(data)
        self._done = self._left == 0
        return data

    def _read_chunked(self, size: int) -> bytes:
        if not self._left:
            if self._left == 0:  # the end of the previous chunk's data
                _expect_crlf(self._stream)
            text = _line(self._stream).split(b";", 1)[0].strip()
            try:
                self._left = int(text, 16)
            except ValueError:
                raise BadAnswer(f"chunk size {text!r}") from None
            if self._left == 0:
                _headers(self._stream)  # trailers, up to the empty line
                self._done = True
                return b""
        data = self._stream.read1(min(size, self._left))
        if not data:
            raise BadAnswer("answer cut short")
        self._left -= len(data)
        return data


class Connection:
    """What the light client used of http.client.HTTP(S)Connection; `context`: TLS (https)."""

    def __init__(self, host: str, port: int | None, *, timeout: float, context: Any = None) -> None:
        self.host = host
        self.port = port or (443 if context is not None else 80)
        self.timeout = timeout
        self.context = context
        self._socket: Any = None
        self._stream: Any = None
        self._method = "GET"

    def request(self, method: str, target: str, *, body: bytes | None, headers: dict[str, str]) -> None:
        if self._socket is None:
            sock = socket.create_connection((self.host, self.port), timeout=self.timeout)
            if self.context is not None:
                sock = self.context.wrap_socket(sock, server_hostname=self.host)
            self._socket, self._stream = sock, sock.makefile("rb")
        host = f"[{self.host}]" if ":" in self.host else self.host
        default = 443 if self.context is not None else 80
        lines = [f"{method} {target} HTTP/1.1", f"Host: {host}" + ("" if self.port == default else f":{self.port}")]
        lines += [f"{name}: {value}" for name, value in headers.items()]
        if body is not None:
            lines.append(f"Content-Length: {len(body)}")
        self._socket.sendall(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + (body or b""))
        self._method = method

    def getresponse(self) -> Response:
        return Response(self._stream, self._method)

    def close(self) -> None:
        for part in (self._stream, self._socket):
            if part is not None:
                part.close()
        self._socket = self._stream = None


def _line(stream: Any) -> bytes:
    line = stream.readline(MAX_LINE + 1)
    if len(line) > MAX_LINE:
        raise BadAnswer("line too long")
    if not line:
        raise BadAnswer("connection closed before the answer")
    return line


def _expect_crlf(stream: Any) -> None:
    if _line(stream) not in (b"\r\n", b"\n"):
        raise BadAnswer("chunk not followed by CRLF")


def _status_line(line: bytes) -> tuple[str, int]:
    parts = line.decode("latin-1").split(None, 2)
    if len(parts) < 2 or parts[0] not in ("HTTP/1.1", "HTTP/1.0") or not (
            len(parts[1]) == 3 and parts[1].isdigit()):
        raise BadAnswer(f"status line {line[:80]!r}")
    return parts[0], int(parts[1])


def _headers(stream: Any) -> list[tuple[str, str]]:
    headers: list[tuple[str, str]] = []
    while (line := _line(stream)) not in (b"\r\n", b"\n"):
        if len(headers) >= MAX_HEADERS:
            raise BadAnswer("too many headers")
        text = line.decode("latin-1").rstrip("\r\n")
        if text[:1] in (" ", "\t") and headers:  # an obsolete folded line continues the previous one
            name, value = headers[-1]
            headers[-1] = (name, f"{value} {text.strip()}")
            continue
        name, colon, value = text.partition(":")
        if not colon or not name or name != name.strip():
            raise BadAnswer(f"header line {text[:80]!r}")
        headers.append((name, value.strip()))
    return headers
