"""The transport core of the API client: timeouts, retries, token refresh and error mapping."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import AsyncGenerator, Callable
from typing import Any, Self, TypeVar, overload

from ._http import httpx
from pydantic import BaseModel, TypeAdapter, ValidationError

from . import errors
from . import models as m
from .models import API_PREFIX
from .transfer import TIMEOUT_MESSAGE, error_from_response, network_error, read_capped
from .wire import IDEMPOTENT_METHODS, RETRY_STATUSES, tls_context
from .wire import query as _query

log = logging.getLogger("msa_tui.api.client")

T = TypeVar("T")


TokensChanged = Callable[[m.TokenPair | None], None]
"""Called when tokens are issued, refreshed or dropped (for the credential store)."""


class BaseClient:
    """The plumbing under MsaClient: one httpx.AsyncClient, bearer tokens, retries, errors.

    `base_url` is the server root (e.g. "http://127.0.0.1:8765"); `transport` lets
    tests wire an `httpx.ASGITransport` to the mock server with no socket. `timeout`
    bounds every connect/read/write/pool wait; `retries` extra attempts with
    `backoff * 2**n` seconds between them apply to idempotent requests only.
    """

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 0.2,
        on_tokens: TokensChanged | None = None,
        ca_bundle: str | None = None,
        deadline: float = 30.0,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.deadline = deadline
        """Seconds one attempt may take in all (socket timeouts only bound each wait: a body dripped
        one byte at a time would never trip them)."""
        self.retries = retries
        self.backoff = backoff
        self.on_tokens = on_tokens
        self.tokens: m.TokenPair | None = None
        self._refresh_lock = asyncio.Lock()
        self._http = httpx.AsyncClient(
            base_url=self.base_url + API_PREFIX,
            transport=transport,
            timeout=httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": "msa-tui"},
            verify=tls_context(self.base_url, ca_bundle),
        )

    # --- lifecycle -----------------------------------------------------------

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def logged_in(self) -> bool:
        return self.tokens is not None

    # --- transport core (errors, retries, refresh) ----------------------------

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json: BaseModel | dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        headers: dict[str, str] | None = None,
        # A generator, not any iterator: a failed attempt closes it (its file) at once.
        body: Callable[[], AsyncGenerator[bytes, None]] | None = None,
        idempotent: bool | None = None,
        stream: bool = False,
        retries: int | None = None,
        deadline: float | None = None,
    ) -> httpx.Response:
        """Send one request and return a 2xx response, or raise a typed ApiError.

        Retries with backoff only for idempotent methods (GET, PUT, DELETE, or
        `idempotent=True` for a POST carrying an Idempotency-Key) and on network
        errors or 502/503/504; refreshes the access token once on a 401 when a
        refresh token is held, then replays the request.

        `body` makes a fresh streamed body for each attempt. With `stream=True`
        the 2xx answer is returned unread: the caller must `aclose()` it.
        """
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        attempts = 1 + (self.retries if retries is None else retries) if idempotent else 1
        payload = _jsonable(json)
        query = _query(params)
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            sent_token = self.tokens.access_token if (auth and self.tokens) else None
            request_headers = dict(headers or {})
            if sent_token:
                request_headers["Authorization"] = f"Bearer {sent_token}"
            content = body() if body else None
            try:
                request = self._http.build_request(
                    method, path, json=payload, params=query, headers=request_headers, content=content
                )
                async with asyncio.timeout(deadline or self.deadline):
                    response = await self._http.send(request, stream=True)
                    if not (stream and response.is_success):
                        await self._read(response)
            except httpx.TransportError as exc:
                log.info("%s %s: network error %s (attempt %d)", method, path, type(exc).__name__, attempt)
                if attempt < attempts:
                    await self._sleep(attempt)
                    continue
                raise network_error(exc) from exc
            except TimeoutError as exc:
                log.info("%s %s: no complete answer in time (attempt %d)", method, path, attempt)
                if attempt < attempts:
                    await self._sleep(attempt)
                    continue
                raise errors.NetworkDown(TIMEOUT_MESSAGE) from exc
            finally:
                if content is not None:
                    await content.aclose()
            log.debug("%s %s -> %d", method, path, response.status_code)
            if response.is_success:
                return response
            if response.status_code in RETRY_STATUSES and attempt < attempts:
                await self._sleep(attempt)
                continue
            if response.status_code == 401 and sent_token and not refreshed:
                refreshed = True
                await self._refresh_after_401(sent_token)
                continue
            error = error_from_response(response)
            if response.status_code == 401 and sent_token:
                self._drop_tokens()
            raise error

    async def _read(self, response: httpx.Response) -> None:
        """Read a JSON or error body, at most MAX_BODY_BYTES of it (then `response.content` works)."""
        try:
            response._content = await read_capped(response)
        finally:
            await response.aclose()

    async def _sleep(self, attempt: int) -> None:
        await asyncio.sleep(self.backoff * (2 ** (attempt - 1)))

    async def _refresh_after_401(self, rejected_token: str) -> None:
        """Get a new access token once, even when several calls hit a 401 together."""
        async with self._refresh_lock:
            if self.tokens is None:
                raise errors.SessionExpired()
            if self.tokens.access_token != rejected_token:
                return  # another call already refreshed while this one waited
            await self.refresh()

    def _drop_tokens(self) -> None:
        had = self.tokens is not None
        self.tokens = None
        if had and self.on_tokens:
            self.on_tokens(None)

    def _adopt_tokens(self, tokens: m.TokenPair) -> None:
        self.tokens = tokens
        if self.on_tokens:
            self.on_tokens(tokens)

    async def refresh(self) -> m.TokenPair:
        raise NotImplementedError

    async def _get_model(self, path: str, model: type[T] | Any, **kw: Any) -> T:
        response = await self._call("GET", path, **kw)
        return self._parse(response, model)

    # A model class gives that model back; a type form (`list[Payment]`) gives what it describes.
    @overload
    async def _send_model(self, method: str, path: str, model: type[T], **kw: Any) -> T: ...
    @overload
    async def _send_model(self, method: str, path: str, model: Any, **kw: Any) -> Any: ...
    async def _send_model(self, method: str, path: str, model: Any, **kw: Any) -> Any:
        response = await self._call(method, path, **kw)
        return self._parse(response, model)

    def _parse(self, response: httpx.Response, model: type[T] | Any) -> T:
        try:
            return parse_as(response.content, model)
        except (ValidationError, ValueError) as exc:
            log.warning("%s %s: unreadable answer", response.request.method, response.request.url.path)
            raise errors.InvalidResponse() from exc

def parse_as(data: bytes, model: Any) -> Any:
    """Validate JSON bytes against a model or a type (list[...])."""
    try:
        adapter = _adapter(model)
    except TypeError:  # a type form that cannot be a cache key
        adapter = TypeAdapter(model)
    return adapter.validate_json(data)


@functools.lru_cache(maxsize=64)
def _adapter(model: Any) -> TypeAdapter[Any]:
    """One validator per type, built on its first answer (`list[Payment]` would be rebuilt per call)."""
    return TypeAdapter(model)


def _jsonable(body: BaseModel | dict[str, Any] | None) -> Any:
    if isinstance(body, BaseModel):
        # Only the fields the caller set: a PATCH leaves the others unchanged.
        return body.model_dump(mode="json", exclude_unset=True)
    return body
