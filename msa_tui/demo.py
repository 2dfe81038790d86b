"""`msa-tui --demo`: the mock server on a free loopback port, started off the UI thread.

The app paints its login screen first; the server (FastAPI, uvicorn: slow imports) starts
on a background thread right after, and the first API call waits for its URL.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

DATA_DIR_PREFIX = "msa-tui-demo-"
"""Temp data dirs are "msa-tui-demo-<pid>-<random>": the next --demo removes those of dead processes."""

PLACEHOLDER_URL = "http://127.0.0.1"
"""The client's base URL until the server's real port is known (the transport rewrites it)."""


class DemoServerError(RuntimeError):
    """The demo server could not start."""


class DemoServer:
    """Owns the demo server thread and its data dir (a fresh temp dir unless one is given)."""

    def __init__(self, data_dir: Path | None = None, *, start_timeout: float = 60.0, **app_kwargs: Any) -> None:
        self._given_dir = data_dir
        self._temp_dir: Path | None = None
        self._app_kwargs = app_kwargs
        self._start_timeout = start_timeout
        self._starter: threading.Thread | None = None
        self._ready = threading.Event()
        self._lock = threading.Lock()
        self._server: Any = None
        self._error: BaseException | None = None

    @property
    def data_dir(self) -> Path | None:
        return self._given_dir or self._temp_dir

    def start_background(self) -> None:
        """Start importing and running the server on a thread (once); returns at once."""
        with self._lock:
            if self._starter is not None:
                return
            self._starter = threading.Thread(target=self._start, name="msa-demo-server", daemon=True)
            self._starter.start()

    def _start(self) -> None:
        try:
            from .mock_server.runner import ServerThread

            if self._given_dir is None:
                import tempfile

                from .core.leftovers import make_pid_dir, sweep_dead

                # A terminal closed or a kill -9 left its dir (uploaded files): gone once its process is.
                sweep_dead(Path(tempfile.gettempdir()), DATA_DIR_PREFIX)
                data_dir = self._temp_dir = make_pid_dir(Path(tempfile.gettempdir()), DATA_DIR_PREFIX)
            else:
                data_dir = self._given_dir
                data_dir.mkdir(parents=True, exist_ok=True)
            # Demo mode: the outbox shows the e-mailed codes (F6 on the account screens).
            kwargs = {"demo_outbox": True, **self._app_kwargs}
            server = ServerThread(data_dir, host="127.0.0.1", port=0, **kwargs)
            server.start()
            self._server = server
            log.info("demo server listening on %s", server.url)
        except BaseException as exc:
            log.exception("demo server failed to start")
            self._error = exc
        finally:
            self._ready.set()

    def wait_url(self, timeout: float | None = None) -> str:
        """The server's root URL, starting it if needed; DemoServerError if it cannot start."""
        self.start_background()
        if not self._ready.wait(self._start_timeout if timeout is None else timeout):
            raise DemoServerError("le serveur de démonstration ne répond pas")
        if self._server is None:
            raise DemoServerError(f"le serveur de démonstration n'a pas démarré : {self._error}")
        return str(self._server.url)

    async def await_url(self) -> str:
        if self._ready.is_set():
            return self.wait_url(0)
        import asyncio

        return await asyncio.to_thread(self.wait_url)

    def transport(self) -> Any:
        """An httpx transport that waits for the server, then sends to its real port."""
        return _deferred_transport(self)

    def stop(self) -> None:
        """Stop the server (waiting for a start in progress) and remove the temp data dir."""
        if self._starter is not None:
            self._starter.join(self._start_timeout)
        if self._server is not None:
            try:
                self._server.stop()
            finally:
                self._server = None
        if self._temp_dir is not None:
            import shutil

            shutil.rmtree(self._temp_dir, ignore_errors=True)
            self._temp_dir = None

    def __enter__(self) -> DemoServer:
        self.start_background()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _deferred_transport(server: DemoServer) -> Any:
    import httpx

    class DeferredTransport(httpx.AsyncBaseTransport):
        def __init__(self) -> None:
            self._inner: httpx.AsyncHTTPTransport | None = None
            self._target: httpx.URL | None = None

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if self._target is None:
                try:
                    self._target = httpx.URL(await server.await_url())
                except DemoServerError as exc:
                    # The client maps connection errors to its French "network down" error.
                    raise httpx.ConnectError(str(exc), request=request) from exc
                self._inner = httpx.AsyncHTTPTransport()
            target = self._target
            request.url = request.url.copy_with(scheme=target.scheme, host=target.host, port=target.port)
            request.headers["Host"] = target.netloc.decode("ascii")
            assert self._inner is not None
            return await self._inner.handle_async_request(request)

        async def aclose(self) -> None:
            if self._inner is not None:
                await self._inner.aclose()

    return DeferredTransport()
