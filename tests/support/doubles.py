"""Shared by the page tests: a network that can be cut (FlakyTransport, flaky_app) and `shown` (a Static's text)."""

from __future__ import annotations

from typing import Any

import httpx
from textual.widgets import Static

from msa_tui.app import MsaApp
from msa_tui.core.config import Config
from msa_tui.core.credentials import CredentialStore
from tests.support.ui import MemoryKeyring


def shown(app: Any, selector: str) -> str:
    """The text a Static of the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


class FlakyTransport(httpx.AsyncBaseTransport):
    """The ASGI transport, with a switch that makes every request fail as if the network were down."""

    def __init__(self, app: Any) -> None:
        self.inner = httpx.ASGITransport(app=app)
        self.down = False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.down:
            raise httpx.ConnectError("network down", request=request)
        return await self.inner.handle_async_request(request)


def flaky_app(server_app: Any) -> tuple[MsaApp, FlakyTransport]:
    """An app whose network can be cut (`transport.down = True`) and restored."""
    transport = FlakyTransport(server_app)
    app = MsaApp(Config(server_url="http://testserver"), server_url="http://testserver", transport=transport,
                 credentials=CredentialStore(backend=MemoryKeyring()), client_kwargs={"backoff": 0.0})
    return app, transport
