"""Clients of the API for tests: in-process, over ASGI, no socket."""

from __future__ import annotations

import httpx

from msa_tui.api.client import MsaClient


def asgi_client(app, **kwargs) -> MsaClient:
    """An MsaClient wired to an ASGI app in-process (helper for tests needing custom apps)."""
    kwargs.setdefault("backoff", 0.0)
    return MsaClient("http://testserver", transport=httpx.ASGITransport(app=app), **kwargs)
