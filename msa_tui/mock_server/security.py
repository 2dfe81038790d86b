"""Passwords (scrypt), opaque bearer tokens stored hashed, login lockout and e-mailed codes."""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import math
import secrets
from dataclasses import dataclass
from typing import Any

from msa_tui.api.models import Code

from .problems import ProblemError
from .store import Store

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
REFRESH_TTL_S = 30 * 24 * 3600
CODE_TTL_S = 15 * 60
CODE_MAX_ATTEMPTS = 5

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}


@functools.lru_cache(maxsize=64)
def _scrypt(password: str, salt: bytes) -> bytes:
    # Cached: the seed hashes the same demo password with the same salt in every test data dir.
    return hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    return f"scrypt${salt.hex()}${_scrypt(password, salt).hex()}"


def check_password(password: str, stored: str | None) -> bool:
    if not stored:
        # Same work either way so timing does not reveal whether an account exists.
        _scrypt(password, b"no-account-salt!")
        return False
    try:
        _, salt_hex, digest_hex = stored.split("$")
        expected = bytes.fromhex(digest_hex)
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    return hmac.compare_digest(_scrypt(password, salt), expected)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class Issued:
    access_token: str
    refresh_token: str
    expires_in: int


# --- lockout ----------------------------------------------------------------------------


def check_not_locked(store: Store, nir: str, now: float) -> None:
    row = store.one("SELECT locked_until FROM login_failures WHERE nir = ?", (nir,))
    if row and row["locked_until"] and row["locked_until"] > now:
        wait = math.ceil(row["locked_until"] - now)
        minutes = max(1, math.ceil(wait / 60))
        raise ProblemError(
            423,
            Code.account_locked,
            f"Trop d'essais infructueux : votre compte est verrouillé. Réessayez dans {minutes} minute(s).",
            retry_after=wait,
        )


def record_failure(store: Store, nir: str, now: float) -> int:
    """Count a wrong password; the 5th in a row locks the NIR for 15 minutes.

    Returns the attempts left before the lock (0: this failure has just locked it)."""
    with store.tx() as conn:
        row = conn.execute("SELECT count FROM login_failures WHERE nir = ?", (nir,)).fetchone()
        count = (row["count"] if row else 0) + 1
        locked_until = now + LOCK_SECONDS if count >= MAX_FAILURES else None
        if locked_until is not None:
            count = 0
        conn.execute(
            "INSERT INTO login_failures (nir, count, locked_until) VALUES (?, ?, ?) "
            "ON CONFLICT(nir) DO UPDATE SET count = excluded.count, locked_until = excluded.locked_until",
            (nir, count, locked_until),
        )
    return 0 if locked_until is not None else MAX_FAILURES - count


def clear_failures(store: Store, nir: str) -> None:
    store.run("DELETE FROM login_failures WHERE nir = ?", (nir,))


# --- tokens ---------------------------------------------------------------------------


def _put_token(conn: Any, session_id: str, kind: str, ttl: int, now: float) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO tokens (hash, session_id, kind, expires_at) VALUES (?, ?, ?, ?)",
        (token_hash(token), session_id, kind, now + ttl),
    )
    return token


def open_session(store: Store, member_id: str, access_ttl: int, now: float) -> Issued:
    session_id = secrets.token_hex(16)
    with store.tx() as conn:
        conn.execute("INSERT INTO sessions (id, member_id, revoked) VALUES (?, ?, 0)", (session_id, member_id))
        access = _put_token(conn, session_id, "access", access_ttl, now)
        refresh = _put_token(conn, session_id, "refresh", REFRESH_TTL_S, now)
    return Issued(access, refresh, access_ttl)


def _lookup(store: Store, token: str, kind: str, now: float) -> tuple[str, str] | None:
    row = store.one(
        "SELECT t.session_id, s.member_id FROM tokens t JOIN sessions s ON s.id = t.session_id "
        "WHERE t.hash = ? AND t.kind = ? AND t.expires_at > ? AND s.revoked = 0",
        (token_hash(token), kind, now),
    )
    return (row["session_id"], row["member_id"]) if row else None


def authenticate(store: Store, token: str, now: float) -> tuple[str, str]:
    """(session_id, member_id) for a live access token, else 401 `unauthorized`."""
    found = _lookup(store, token, "access", now)
    if found is None:
        raise ProblemError(
            401, Code.unauthorized, "Votre session a expiré ou n'est pas valide. Veuillez vous reconnecter.",
            headers={"WWW-Authenticate": "Bearer"},
        )
    return found


def rotate(store: Store, refresh_token: str, access_ttl: int, now: float) -> Issued:
    """A new pair for a live refresh token; the old refresh token dies (rotation)."""
    found = _lookup(store, refresh_token, "refresh", now)
    if found is None:
        raise ProblemError(
            401, Code.invalid_refresh_token, "Votre session a expiré. Veuillez vous reconnecter.",
        )
    session_id, _ = found
    with store.tx() as conn:
        conn.execute("DELETE FROM tokens WHERE hash = ?", (token_hash(refresh_token),))
        access = _put_token(conn, session_id, "access", access_ttl, now)
        refresh = _put_token(conn, session_id, "refresh", REFRESH_TTL_S, now)
    return Issued(access, refresh, access_ttl)


def revoke_session(store: Store, session_id: str) -> None:
    with store.tx() as conn:
        conn.execute("UPDATE sessions SET revoked = 1 WHERE id = ?", (session_id,))
        conn.execute("DELETE FROM tokens WHERE session_id = ?", (session_id,))


def revoke_member(store: Store, member_id: str) -> None:
    for row in store.all("SELECT id FROM sessions WHERE member_id = ? AND revoked = 0", (member_id,)):
        revoke_session(store, row["id"])


# --- e-mailed codes ----------------------------------------------------------------------


def new_code(store: Store, nir: str, purpose: str, payload: dict[str, Any], now: float) -> str:
    """A fresh 6-digit code (replacing any earlier one for the same NIR and purpose)."""
    code = f"{secrets.randbelow(10**6):06d}"
    store.run(
        "INSERT INTO codes (nir, purpose, code_hash, expires_at, attempts, payload) VALUES (?, ?, ?, ?, 0, ?) "
        "ON CONFLICT(nir, purpose) DO UPDATE SET code_hash = excluded.code_hash, "
        "expires_at = excluded.expires_at, attempts = 0, payload = excluded.payload",
        (nir, purpose, token_hash(f"{nir}:{code}"), now + CODE_TTL_S, json.dumps(payload)),
    )
    return code


def use_code(store: Store, nir: str, purpose: str, code: str, now: float) -> dict[str, Any]:
    """The payload of a matching live code, which is then spent; else 422 `invalid_code`."""
    with store.tx() as conn:
        row = conn.execute(
            "SELECT code_hash, expires_at, attempts, payload FROM codes WHERE nir = ? AND purpose = ?",
            (nir, purpose),
        ).fetchone()
        if row is None:
            raise _bad_code("Aucun code en attente pour ce numéro. Demandez un nouveau code.")
        if row["expires_at"] <= now:
            conn.execute("DELETE FROM codes WHERE nir = ? AND purpose = ?", (nir, purpose))
            raise _bad_code("Ce code a expiré. Demandez un nouveau code.")
        if not hmac.compare_digest(row["code_hash"], token_hash(f"{nir}:{code}")):
            attempts = row["attempts"] + 1
            if attempts >= CODE_MAX_ATTEMPTS:
                conn.execute("DELETE FROM codes WHERE nir = ? AND purpose = ?", (nir, purpose))
                # Committed before raising: the spent code must stay spent.
                conn.execute("COMMIT")
                conn.execute("BEGIN")
                raise _bad_code("Code incorrect, trop d'essais : demandez un nouveau code.")
            conn.execute(
                "UPDATE codes SET attempts = ? WHERE nir = ? AND purpose = ?", (attempts, nir, purpose)
            )
            conn.execute("COMMIT")
            conn.execute("BEGIN")
            raise _bad_code("Code incorrect. Vérifiez le code reçu par e-mail.")
        conn.execute("DELETE FROM codes WHERE nir = ? AND purpose = ?", (nir, purpose))
        return json.loads(row["payload"])


def _bad_code(detail: str) -> ProblemError:
    from msa_tui.api.models import FieldError

    return ProblemError(422, Code.invalid_code, detail, errors=[FieldError(field="code", message=detail)])
