"""The light client's HTTP/1.1 (msa_tui.api.light_http) against canned server bytes on a real socket."""

from __future__ import annotations

import socket
import threading

import pytest

from msa_tui.api.light_http import BadAnswer, Connection


def serve(*answers: bytes) -> tuple[int, list[bytes]]:
    """A one-connection server on loopback that sends `answers` in turn, one per request received;
    after the last it closes. Returns its port and the list the requests are recorded in."""
    listener = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def run() -> None:
        conn, _ = listener.accept()
        with conn, listener:
            for answer in answers:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                received.append(data)
                conn.sendall(answer)

    threading.Thread(target=run, daemon=True).start()
    return listener.getsockname()[1], received


def body_of(connection: Connection, target: str = "/x", method: str = "GET") -> tuple[int, bytes, bool]:
    connection.request(method, target, body=None, headers={"Accept": "application/json"})
    response = connection.getresponse()
    data = b""
    while chunk := response.read(3):  # small reads: chunk and length boundaries are crossed
        data += chunk
    return response.status, data, response.will_close


def test_length_chunked_and_close_delimited_bodies_on_one_connection():
    port, received = serve(
        b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Type: application/json\r\n\r\n[1,2]",
        b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
        b"4;ext=1\r\n{\"a\"\r\nB\r\n: \"0123456\"\r\n1\r\n}\r\n0\r\nX-Trailer: t\r\n\r\n",
        b"HTTP/1.1 204 No Content\r\n\r\n",
        b"HTTP/1.0 404 Not Found\r\nContent-Type: text/plain\r\n\r\nplus rien",
    )
    connection = Connection("127.0.0.1", port, timeout=5)
    assert body_of(connection) == (200, b"[1,2]", False)
    assert body_of(connection) == (201, b'{"a": "0123456"}', False)
    assert body_of(connection) == (204, b"", False)
    assert body_of(connection, "/y?z=1") == (404, b"plus rien", True)
    connection.close()
    assert received[0].startswith(b"GET /x HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nAccept: application/json\r\n" % port)
    assert received[3].startswith(b"GET /y?z=1 HTTP/1.1\r\n")


def test_headers_are_read_as_sent():
    port, _ = serve(b"HTTP/1.1 401 Unauthorized\r\ncontent-type: application/problem+json\r\n"
                    b"Retry-After: 3\r\nX-Folded: a\r\n  b\r\nContent-Length: 2\r\n\r\n{}")
    connection = Connection("127.0.0.1", port, timeout=5)
    connection.request("GET", "/", body=None, headers={})
    response = connection.getresponse()
    assert response.status == 401
    assert response.getheaders() == [("content-type", "application/problem+json"), ("Retry-After", "3"),
                                      ("X-Folded", "a b"), ("Content-Length", "2")]
    assert response.read(100) == b"{}" and response.read(100) == b""


@pytest.mark.parametrize("answer", [
    b"",  # closed without a word
    b"HTTP/2 200 OK\r\n\r\n",
    b"HTTP/1.1 2OO OK\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nno colon here\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
    b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab",
    b"HTTP/1.1 200 OK\r\n" + b"X-Long: " + b"a" * 70000 + b"\r\n\r\n",
    b"HTTP/1.1 200 OK\r\n" + b"X: y\r\n" * 101 + b"\r\n",
])
def test_what_is_not_an_http_answer_is_a_network_error(answer):
    port, _ = serve(answer)
    connection = Connection("127.0.0.1", port, timeout=5)
    with pytest.raises(BadAnswer) as raised:
        body_of(connection)
    assert isinstance(raised.value, OSError)  # the light client's network-down path
    connection.close()
