"""Idempotent writes: an `Idempotency-Key` replays the first answer instead of creating twice.

The key is scoped to the member and the request path. The first answer (status and JSON body)
is kept with a fingerprint of the request body: the same key with the same body gets that
answer back and creates nothing; the same key with another body is 422 `idempotency_key_reused`.
Errors are not kept: a request that failed created nothing, and its retry runs again.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from msa_tui.api.models import Code

from .problems import ProblemError
from .store import Store

IdempotencyKey = Annotated[str | None, Header(
    alias="Idempotency-Key", min_length=1, max_length=200,
    description="Facultatif : rejouer la même requête avec la même clé renvoie la première réponse "
                "sans rien créer ; la même clé avec un autre corps est refusée (422).",
)]


def fingerprint(*parts: Any) -> str:
    """A digest of what makes two requests "the same" (body, path parameters, file content)."""
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def reused() -> ProblemError:
    return ProblemError(
        422, Code.idempotency_key_reused,
        "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé.",
    )


def recall(conn: sqlite3.Connection, member_id: str, route: str, key: str, print_: str) -> JSONResponse | None:
    """The first answer for this key, None when the key is new; 422 when it came with another body."""
    row = conn.execute("SELECT fingerprint, status, body FROM idempotency WHERE member_id = ? AND route = ? "
                       "AND key = ?", (member_id, route, key)).fetchone()
    if row is None:
        return None
    if row["fingerprint"] != print_:
        raise reused()
    return JSONResponse(json.loads(row["body"]), status_code=row["status"])


def remember(conn: sqlite3.Connection, member_id: str, route: str, key: str, print_: str,
             status: int, body: Any) -> JSONResponse:
    """Keeps the answer (in the caller's transaction) and returns it."""
    content = body.model_dump(mode="json") if isinstance(body, BaseModel) else body
    conn.execute("INSERT INTO idempotency (member_id, route, key, fingerprint, status, body) "
                 "VALUES (?, ?, ?, ?, ?, ?)",
                 (member_id, route, key, print_, status, json.dumps(content, ensure_ascii=False)))
    return JSONResponse(content, status_code=status)


def once(store: Store, member_id: str, route: str, key: str | None, print_: str, status: int,
         create: Callable[[], BaseModel]) -> Any:
    """Runs `create` at most once per key; without a key, simply runs it.

    The store lock is held from the look-up to the record, so two requests with the same key
    cannot both create (the lock is re-entrant: `create` may open its own transactions)."""
    if key is None:
        return create()
    with store.lock:
        with store.tx() as conn:
            first = recall(conn, member_id, route, key, print_)
        if first is not None:
            return first
        result = create()
        with store.tx() as conn:
            return remember(conn, member_id, route, key, print_, status, result)
