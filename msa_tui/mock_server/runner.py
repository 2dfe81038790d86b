"""`ServerThread`: the mock server under uvicorn on a background thread, on a loopback port."""

from __future__ import annotations

import socket
import threading
from pathlib import Path
from typing import Any

import uvicorn

from .app import bind_host_check, create_app


class ServerThread:
    """Start with `.start()` (returns once the socket listens), read `.url`, end with `.stop()`.

    `port=0` binds a free port chosen by the OS. Extra keyword arguments go to `create_app`.
    """

    def __init__(self, data_dir: Path, host: str = "127.0.0.1", port: int = 0, **create_app_kwargs: Any) -> None:
        self.app = create_app(Path(data_dir), **create_app_kwargs)
        self.host = host
        self._sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind((host, port))
        self.port: int = self._sock.getsockname()[1]
        bind_host_check(self.app, host, self.port)
        config = uvicorn.Config(self.app, log_level="warning", access_log=False, lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def start(self, timeout: float = 10.0) -> ServerThread:
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [self._sock]}, name="msa-mock-server", daemon=True
        )
        self._thread.start()
        # `started` flips once uvicorn is serving on our already-bound socket.
        ready = threading.Event()
        while not ready.wait(0.01):
            if self._server.started:
                ready.set()
            elif not self._thread.is_alive() or timeout <= 0:
                raise RuntimeError("le serveur de démonstration n'a pas démarré")
            timeout -= 0.01
        return self

    @property
    def alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def stop(self) -> None:
        self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        self._sock.close()
        self.app.state.ctx.store.close()

    def __enter__(self) -> ServerThread:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
