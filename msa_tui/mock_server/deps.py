"""Shared request dependencies: the server context, the logged-in member, paging."""

from __future__ import annotations

import base64
import binascii
import json
import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from pydantic import BeforeValidator
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from msa_tui.api.models import API_PREFIX, ActingBy, Code

from . import delegation
from .delegation import Actor
from .problems import ProblemError, invalid
from .store import Store
from .throttle import Throttle


FIRST_YEAR, LAST_YEAR = 1900, 2100


def plausible_date(value: Any) -> Any:
    # Only YYYY-MM-DD: pydantic alone would read "0" as 1970-01-01, and a year 1 period
    # cannot be printed on an attestation.
    if isinstance(value, str):
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError("Date invalide (format attendu : AAAA-MM-JJ).")
        value = date.fromisoformat(value)
    if not isinstance(value, date) or isinstance(value, datetime):
        raise ValueError("Date invalide (format attendu : AAAA-MM-JJ).")
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValueError(f"Date hors de la période acceptée ({FIRST_YEAR} à {LAST_YEAR}).")
    return value


PlausibleDate = Annotated[date, BeforeValidator(plausible_date)]
"""An ISO date (YYYY-MM-DD) between FIRST_YEAR and LAST_YEAR, for query parameters."""

DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024


def real_now() -> datetime:
    """Paris time from the shared clock (so a frozen clock freezes the server too)."""
    from msa_tui.core import clock

    return clock.now()


@dataclass
class Ctx:
    store: Store
    today: date
    max_file_bytes: int
    access_ttl_s: int
    pinned: bool = False
    """True when `today` was given: the demo lives on that day (slots are offered from it)."""
    now: Callable[[], datetime] = real_now
    """Tests may swap it to move time forward (lockout, token expiry)."""
    throttle: Throttle = field(default_factory=Throttle)

    def ts(self) -> float:
        return self.now().timestamp()

    def reference_now(self) -> datetime:
        """"Now" for the agenda: the real moment, or the start of the pinned day when it differs."""
        moment = self.now()
        if self.pinned and moment.date() != self.today:
            return datetime.combine(self.today, time(0, 0), moment.tzinfo)
        return moment


@dataclass
class Member:
    id: str
    nir: str
    first_name: str
    last_name: str
    caisse: str
    session_id: str
    actor: Actor | None = None
    """The grantee acting for this member through a procuration (a delegated session), else None."""

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"

    @property
    def acting_by(self) -> ActingBy | None:
        """What a receipt or a message sent in this session says of who acted."""
        if self.actor is None:
            return None
        return ActingBy(actor_name=self.actor.full_name, principal_name=self.full_name)


def get_ctx(request: Request) -> Ctx:
    return request.app.state.ctx


def client_address(request: Request) -> str:
    """The peer's address: what the per-address limits count (no proxy sits in front of this server)."""
    return request.client.host if request.client else "unknown"


_bearer = HTTPBearer(auto_error=False, description="Jeton d'accès obtenu par POST /auth/login.")


def current_member(
    request: Request,
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> Member:
    ctx = get_ctx(request)
    if creds is None or creds.scheme.lower() != "bearer" or not creds.credentials:
        raise ProblemError(
            401, Code.unauthorized, "Vous devez être connecté pour accéder à cette page.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    from .security import authenticate

    session_id, member_id = authenticate(ctx.store, creds.credentials, ctx.ts())
    # A delegated session (acting through a procuration) is checked here, once for every route.
    actor = delegation.check(ctx.store, session_id, request.method, request.url.path.removeprefix(API_PREFIX))
    row = ctx.store.one("SELECT id, nir, first_name, last_name, caisse FROM members WHERE id = ?", (member_id,))
    if row is None:
        raise ProblemError(401, Code.unauthorized, "Votre session n'est plus valide. Veuillez vous reconnecter.")
    return Member(row["id"], row["nir"], row["first_name"], row["last_name"], row["caisse"], session_id, actor)


CtxDep = Annotated[Ctx, Depends(get_ctx)]
MemberDep = Annotated[Member, Depends(current_member)]


@dataclass
class PageParams:
    limit: int
    cursor: str | None


def page_params(
    limit: Annotated[int, Query(ge=1, le=100, description="Nombre d'éléments (1 à 100).")] = 50,
    cursor: Annotated[str | None, Query(
        max_length=200,
        description="Curseur opaque : à recopier tel quel depuis `next_cursor` de la page précédente, jamais à "
                    "fabriquer (un curseur inconnu est refusé, 422).",
        json_schema_extra={"x-opaque": True},
    )] = None,
) -> PageParams:
    return PageParams(limit, cursor or None)


PageDep = Annotated[PageParams, Depends(page_params)]


@dataclass(frozen=True)
class Keyset:
    """A list's order: `(SQL column, descending)` pairs whose last column is unique (the tie-breaker).

    Pages continue strictly after the last row sent, so rows inserted between two pages never make one
    repeat or skip an old row; `name` tags the cursor so one list's cursor is refused by another.
    """

    name: str
    columns: tuple[tuple[str, bool], ...]
    labels: tuple[str, ...] = ()
    """Where each column is found in a result row, when not under its undotted name."""

    def key(self, row: sqlite3.Row) -> list[Any]:
        labels = self.labels or tuple(col.rsplit(".", 1)[-1] for col, _ in self.columns)
        return [row[label] for label in labels]

    def order_by(self) -> str:
        return ", ".join(f"{col} DESC" if desc else col for col, desc in self.columns)

    def after(self, key: list[Any]) -> tuple[str, list[Any]]:
        """A WHERE fragment selecting the rows that sort after `key`."""
        first, desc = self.columns[0]
        # The bound on the first column alone lets SQLite seek in the index; the OR does the rest.
        bound = f"{first} {'<=' if desc else '>='} ?"
        params: list[Any] = [key[0]]
        branches = []
        for i, (col, desc) in enumerate(self.columns):
            equal = [f"{c} = ?" for c, _ in self.columns[:i]]
            branches.append("(" + " AND ".join([*equal, f"{col} {'<' if desc else '>'} ?"]) + ")")
            params += key[: i + 1]
        return f"{bound} AND ({' OR '.join(branches)})", params


def encode_cursor(keyset: Keyset, key: list[Any]) -> str:
    raw = json.dumps({"l": keyset.name, "k": key}, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(keyset: Keyset, cursor: str) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode()))
        key = data["k"]
        if (data["l"] != keyset.name or not isinstance(key, list) or len(key) != len(keyset.columns)
                or not all(isinstance(v, str) for v in key)):
            raise ValueError
        return key
    except (ValueError, KeyError, TypeError, binascii.Error, json.JSONDecodeError):
        raise invalid("cursor", "Curseur de page invalide.") from None


def paginate(
    store: Store, sql: str, params: Sequence[Any], page: PageParams, keyset: Keyset,
    convert: Callable[[sqlite3.Row], Any],
) -> dict[str, Any]:
    """`{items, next_cursor}`: `sql` is a SELECT ending in its WHERE clause; SQL orders, seeks and limits."""
    params = list(params)
    if page.cursor is not None:
        where, extra = keyset.after(decode_cursor(keyset, page.cursor))
        sql += f" AND {where}"
        params += extra
    # One row more than asked says whether a next page exists without counting.
    rows = store.all(f"{sql} ORDER BY {keyset.order_by()} LIMIT ?", [*params, page.limit + 1])
    chunk = rows[: page.limit]
    more = len(rows) > page.limit
    return {
        "items": [convert(r) for r in chunk],
        "next_cursor": encode_cursor(keyset, keyset.key(chunk[-1])) if more else None,
    }


def loads(value: str | None) -> Any:
    return json.loads(value) if value else None


def row_dict(row: sqlite3.Row) -> dict[str, Any]:
    return dict(row)
