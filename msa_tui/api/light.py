"""The command line's read path: the same calls as MsaClient over plain HTTP/1.1, answers read with json.

`msa-tui payments list` is a process that makes one or a few GETs and prints: importing httpx,
httpcore, anyio and pydantic and building the models cost it five times the call itself
(docs/benchmarks.md). This client keeps MsaClient's interface for what it offers (`payments`,
`use_tokens`, `refresh`, `aclose`, awaitable methods) and its rules, taken from the same places:
the retry and query rules, answer cap, TLS trust and French network words from `wire`; the
typed errors from `errors.error_from_answer`; the text cleaning from `rules`. Its methods never
suspend (the socket blocks), so a command can drive them without an event loop
(`commands_cli._script.run_without_loop`).

What it parses, it checks as the contract's models do, for exactly the fields it returns: a
payment's text cleaned of control characters, its amount a Decimal of at most 12 digits and 2
decimal places, its domain one of the API's, its date an ISO day. Anything else is the same
InvalidResponse the pydantic models raise. It reads the contract's wire form only: the looser
forms pydantic's lax mode would also take (a date sent as a timestamp) are refused as unreadable.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, NamedTuple, TypeVar, cast
from urllib.parse import urlencode, urlsplit

from . import errors
from .lazy_log import LazyLogger
from .light_http import Connection
from .models.codes import API_PREFIX, Domain
from .rules import clean_text
from .wire import (
    IDEMPOTENT_METHODS, MAX_BODY_BYTES, NETWORK_DOWN_MESSAGE, RETRY_STATUSES, TIMEOUT_MESSAGE, TOO_LARGE_MESSAGE,
    query, tls_context,
)

log = LazyLogger("msa_tui.api.client")
T = TypeVar("T")

CHUNK = 64 * 1024
MONEY_DIGITS, MONEY_PLACES = 12, 2
"""The contract's Money: at most 12 digits, 2 of them after the point."""
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class BearerToken(NamedTuple):
    """A session token given by the caller (MSA_TUI_TOKEN): used as is, never refreshed."""

    access_token: str
    refresh_token: str = "-"


class Unreadable(ValueError):
    """An answer that is not what the contract says (mapped to InvalidResponse)."""


# --- what it returns ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LightPayment:
    """A payment with the contract model's fields, checked as the model checks them."""

    id: str
    date: date
    amount: Decimal
    domain: Domain
    label: str
    beneficiary: str | None = None

    def model_dump(self, mode: str = "json") -> dict[str, Any]:
        """The model's JSON form, key for key (amount a JSON number, as `Money` serialises it)."""
        return {"id": self.id, "date": self.date.isoformat(), "amount": float(self.amount),
                "domain": self.domain.value, "label": self.label, "beneficiary": self.beneficiary}


@dataclass(frozen=True, slots=True)
class LightPage:
    items: list[LightPayment]
    next_cursor: str | None = None


WHITE_SPACE = "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u2028\u2029\u202f\u205f\u3000"
"""What the models' str_strip_whitespace trims (Unicode White_Space): not \\x1c-\\x1f, which str.strip() would."""


def server_text(value: Any) -> str:
    """`ServerText`: a string, trimmed as the models trim it, then cleaned."""
    if not isinstance(value, str):
        raise Unreadable("text expected")
    return clean_text(value.strip(WHITE_SPACE))


def money(value: Any) -> Decimal:
    """`Money`: a JSON number (or numeric string), at most 12 digits and 2 decimal places."""
    if isinstance(value, bool) or not isinstance(value, (int, Decimal, str)):
        raise Unreadable("amount expected")
    try:
        amount = Decimal(value.strip() if isinstance(value, str) else value)
    except InvalidOperation:
        raise Unreadable("amount expected") from None
    if not amount.is_finite():
        raise Unreadable("finite amount expected")
    _sign, digits, exponent = amount.normalize().as_tuple()
    assert isinstance(exponent, int)  # finite
    places = max(0, -exponent)
    whole = max(0, len(digits) + exponent)
    # As pydantic checks max_digits/decimal_places: at most 2 places, at most 12 - 2 digits before the point.
    if places > MONEY_PLACES or whole > MONEY_DIGITS - MONEY_PLACES:
        raise Unreadable("amount out of bounds")
    return amount


def iso_day(value: Any) -> date:
    if not isinstance(value, str) or not _ISO_DAY.fullmatch(value):
        raise Unreadable("ISO date expected")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise Unreadable("ISO date expected") from None


def payment(item: Any) -> LightPayment:
    if not isinstance(item, dict):
        raise Unreadable("object expected")
    try:
        domain = Domain(item["domain"])
        beneficiary = item.get("beneficiary")
        return LightPayment(id=server_text(item["id"]), date=iso_day(item["date"]), amount=money(item["amount"]),
                            domain=domain, label=server_text(item["label"]),
                            beneficiary=None if beneficiary is None else server_text(beneficiary))
    except (KeyError, TypeError, ValueError) as exc:
        raise Unreadable(str(exc)) from None


def payments_page(data: bytes) -> LightPage:
    """A `Page[Payment]` answer; Unreadable when it is not one."""
    try:
        body = json.loads(data, parse_float=Decimal, parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise Unreadable(str(exc)) from None
    if not isinstance(body, dict) or not isinstance(body.get("items"), list):
        raise Unreadable("page expected")
    cursor = body.get("next_cursor")
    if cursor is not None and not isinstance(cursor, str):
        raise Unreadable("cursor expected")
    items = [payment(item) for item in body["items"]]
    return LightPage(items, cursor.strip(WHITE_SPACE) if cursor is not None else None)


def _no_constant(name: str) -> Any:
    raise Unreadable(f"{name} is not JSON the API sends")


# --- the client ---------------------------------------------------------------------------


class LightClient:
    """MsaClient's read calls for one command (see the module's docstring). Same constructor keywords."""

    def __init__(self, base_url: str, *, timeout: float = 10.0, retries: int = 2, backoff: float = 0.2,
                 on_tokens: Callable[[Any], None] | None = None, ca_bundle: str | None = None,
                 deadline: float = 30.0) -> None:
        self.base_url = base_url.rstrip("/")
        parts = urlsplit(self.base_url)
        self._https = parts.scheme.lower() == "https"
        self._host = parts.hostname or ""
        self._port = parts.port
        self._prefix = parts.path + API_PREFIX
        self._ca_bundle = ca_bundle
        self.timeout, self.retries, self.backoff, self.deadline = timeout, retries, backoff, deadline
        self.on_tokens = on_tokens
        self.tokens: Any = None
        self._connection: Connection | None = None

    @property
    def logged_in(self) -> bool:
        return self.tokens is not None

    def use_tokens(self, tokens: Any) -> None:
        self.tokens = tokens

    async def aclose(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    # --- calls --------------------------------------------------------------------------

    async def payments(self, *, domain: Domain | None = None, date_from: date | None = None,
                       date_to: date | None = None, limit: int = 50, cursor: str | None = None) -> LightPage:
        """GET /payments, newest first (MsaClient.payments, read without the models)."""
        params = {"domain": domain, "date_from": date_from, "date_to": date_to, "limit": limit, "cursor": cursor}
        data = self._call("GET", "/payments", params=params)
        try:
            return payments_page(data)
        except Unreadable as exc:
            log.warning("GET /payments: unreadable answer (%s)", exc)
            raise errors.InvalidResponse() from exc

    async def refresh(self) -> Any:
        """POST /auth/refresh, as MsaClient.refresh (the rare path: the token model is loaded for it)."""
        from .models import TokenPair

        if self.tokens is None:
            raise errors.SessionExpired()
        try:
            data = self._call("POST", "/auth/refresh", json_body={"refresh_token": self.tokens.refresh_token},
                              auth=False)
            tokens = TokenPair.model_validate_json(data)
        except (errors.SessionExpired, errors.InvalidCredentials, errors.ValidationFailed) as exc:
            self._drop_tokens()
            raise errors.SessionExpired(problem=exc.problem) from exc
        except ValueError as exc:  # pydantic's ValidationError is a ValueError
            raise errors.InvalidResponse() from exc
        self.tokens = tokens
        if self.on_tokens:
            self.on_tokens(tokens)
        return tokens

    def _drop_tokens(self) -> None:
        had = self.tokens is not None
        self.tokens = None
        if had and self.on_tokens:
            self.on_tokens(None)

    # --- transport (the rules of BaseClient._call) ----------------------------------------

    def _call(self, method: str, path: str, *, params: dict[str, Any] | None = None,
              json_body: dict[str, Any] | None = None, auth: bool = True) -> bytes:
        """One request; the 2xx body, or the typed ApiError. Retries idempotent calls on network
        errors and 502/503/504 with backoff; refreshes the token once after a 401."""
        attempts = 1 + self.retries if method in IDEMPOTENT_METHODS else 1
        encoded = query(params)
        target = self._prefix + path + (f"?{urlencode(encoded)}" if encoded else "")
        body = json.dumps(json_body).encode() if json_body is not None else None
        refreshed = False
        attempt = 0
        while True:
            attempt += 1
            sent_token = self.tokens.access_token if (auth and self.tokens) else None
            headers = {"Accept": "application/json", "User-Agent": "msa-tui", "Accept-Encoding": "identity"}
            if body is not None:
                headers["Content-Type"] = "application/json"
            if sent_token:
                headers["Authorization"] = f"Bearer {sent_token}"
            try:
                status, answer_headers, data = self._exchange(method, target, headers, body)
            except OSError as exc:  # BadAnswer included: bytes that are not an HTTP answer
                self._close()
                log.info("%s %s: network error %s (attempt %d)", method, path, type(exc).__name__, attempt)
                if attempt < attempts:
                    self._sleep(attempt)
                    continue
                raise errors.NetworkDown(TIMEOUT_MESSAGE if isinstance(exc, TimeoutError)
                                         else NETWORK_DOWN_MESSAGE) from exc
            log.debug("%s %s -> %d", method, path, status)
            if 200 <= status < 300:
                return data
            if status in RETRY_STATUSES and attempt < attempts:
                self._sleep(attempt)
                continue
            if status == 401 and sent_token and not refreshed:
                refreshed = True
                if self.tokens is None:
                    raise errors.SessionExpired()
                run_without_loop(self.refresh())
                continue
            error = errors.error_from_answer(status, answer_headers.get("content-type", ""), data,
                                             answer_headers.get("retry-after"))
            if status == 401 and sent_token:
                self._drop_tokens()
            raise error

    def _exchange(self, method: str, target: str, headers: dict[str, str],
                  body: bytes | None) -> tuple[int, dict[str, str], bytes]:
        """Send, then read the answer within the deadline and the size cap."""
        started = time.monotonic()
        connection = self._connect()
        connection.request(method, target, body=body, headers=headers)
        response = connection.getresponse()
        answer_headers = {key.lower(): value for key, value in response.getheaders()}
        too_large = errors.InvalidResponse(TOO_LARGE_MESSAGE.format(mb=MAX_BODY_BYTES // (1024 * 1024)))
        if answer_headers.get("content-encoding", "identity").lower() != "identity":
            self._close()
            raise errors.InvalidResponse()  # asked for identity: anything else is not the API's answer
        announced = answer_headers.get("content-length", "")
        if announced.isdigit() and int(announced) > MAX_BODY_BYTES:
            self._close()
            raise too_large
        buffer = bytearray()
        while chunk := response.read(CHUNK):
            buffer += chunk
            if len(buffer) > MAX_BODY_BYTES:
                self._close()
                raise too_large
            if time.monotonic() - started > self.deadline:
                raise TimeoutError("no complete answer in time")
        if response.will_close:
            self._close()
        return response.status, answer_headers, bytes(buffer)

    def _connect(self) -> Connection:
        if self._connection is None:
            context = tls_context(self.base_url, self._ca_bundle) if self._https else None
            self._connection = Connection(self._host, self._port, timeout=self.timeout, context=context)
        return self._connection

    def _close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def _sleep(self, attempt: int) -> None:
        time.sleep(self.backoff * (2 ** (attempt - 1)))


def run_without_loop(coroutine: Coroutine[Any, Any, T]) -> T:
    """The result of a coroutine that never suspends: this client's calls and what awaits only them.

    No event loop is started (asyncio's import and loop are most of what a quick command would
    spend beyond its call). A coroutine that does wait on a loop is a programming error: it is
    closed and RuntimeError raised, never left half run.
    """
    try:
        coroutine.send(None)
    except StopIteration as done:
        return cast(T, done.value)
    coroutine.close()
    raise RuntimeError("awaited an event loop where none runs (the light client never suspends)")
