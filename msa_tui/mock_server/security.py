"""Passwords (scrypt), opaque bearer tokens stored hashed, login lockout and e-mailed codes."""

from __future__ import annotations

import hashlib
import hmac
import json
import math
import secrets
from dataclasses import dataclass
from collections.abc import Callable
from typing import Any

from msa_tui.api.models import Code

from .problems import ProblemError
from .store import Store

MAX_FAILURES = 5
LOCK_SECONDS = 15 * 60
REFRESH_TTL_S = 30 * 24 * 3600
SESSION_MAX_S = 12 * 3600
"""Absolute lifetime of a session: refreshing never carries it past this."""
CODE_TTL_S = 15 * 60
CODE_MAX_ATTEMPTS = 5
"""Wrong guesses one code allows before it is spent."""
CODE_PERIOD_S = 60 * 60
CODE_PERIOD_ATTEMPTS = 10
"""Wrong guesses per NIR and purpose per period, whatever the number of codes asked for."""
CODE_PERIOD_SENDS = 5
"""New codes per NIR and purpose per period."""

_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
# Hashed against when the NIR has no password, so that an unknown NIR costs the same scrypt work.
_DUMMY_SALT = bytes.fromhex("6d73612d64756d6d792d73616c742121")


def _scrypt(password: str, salt: bytes) -> bytes:
    # No cache: a cache would keep plaintext passwords in memory as its keys.
    return hashlib.scrypt(password.encode(), salt=salt, dklen=32, **_SCRYPT)


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt if salt is not None else secrets.token_bytes(16)
    return f"scrypt${salt.hex()}${_scrypt(password, salt).hex()}"


def check_password(password: str, stored: str | None) -> bool:
    """Always one scrypt, so that timing does not reveal whether an account exists."""
    try:
        _, salt_hex, digest_hex = (stored or "").split("$")
        expected = bytes.fromhex(digest_hex)
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        _scrypt(password, _DUMMY_SALT)
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


def _locked(wait_s: float) -> ProblemError:
    wait = max(1, math.ceil(wait_s))
    minutes = max(1, math.ceil(wait / 60))
    return ProblemError(
        423,
        Code.account_locked,
        "Trop d'essais infructueux : votre compte est verrouillé. "
        f"Réessayez dans {minutes} minute(s) ou réinitialisez votre mot de passe.",
        retry_after=wait,
    )


def reserve_attempt(store: Store, nir: str, now: float) -> None:
    """Counts a login attempt *before* its password is checked, in one write transaction.

    Parallel guesses therefore each take a slot: once MAX_FAILURES are spent or in flight,
    the next ones get 423 without their password ever being evaluated. A success gives the
    count back (`clear_failures`); a failure leaves it spent (`record_failure`)."""
    with store.tx() as conn:
        row = conn.execute("SELECT count, locked_until FROM login_failures WHERE nir = ?", (nir,)).fetchone()
        if row and row["locked_until"] and row["locked_until"] > now:
            raise _locked(row["locked_until"] - now)
        count = row["count"] if row and not row["locked_until"] else 0
        if count >= MAX_FAILURES:
            # The slots are all taken by attempts still being checked: they will lock or free it.
            raise _locked(LOCK_SECONDS)
        conn.execute(
            "INSERT INTO login_failures (nir, count, locked_until) VALUES (?, ?, NULL) "
            "ON CONFLICT(nir) DO UPDATE SET count = excluded.count, locked_until = NULL",
            (nir, count + 1),
        )


def record_failure(store: Store, nir: str, now: float) -> int:
    """A reserved attempt failed; the MAX_FAILURES-th locks the NIR for LOCK_SECONDS.

    Returns the attempts left before the lock (0: this failure has just locked it)."""
    with store.tx() as conn:
        row = conn.execute("SELECT count, locked_until FROM login_failures WHERE nir = ?", (nir,)).fetchone()
        if row is None or row["locked_until"]:
            # A success cleared the count meanwhile, or a parallel failure already locked it.
            return MAX_FAILURES if row is None else 0
        if row["count"] >= MAX_FAILURES:
            conn.execute("UPDATE login_failures SET count = 0, locked_until = ? WHERE nir = ?",
                         (now + LOCK_SECONDS, nir))
            return 0
    return MAX_FAILURES - row["count"]


def clear_failures(store: Store, nir: str) -> None:
    """After a successful login or password reset: the lock is lifted and the count starts over."""
    store.run("DELETE FROM login_failures WHERE nir = ?", (nir,))


# --- tokens ---------------------------------------------------------------------------


def _put_token(conn: Any, session_id: str, kind: str, expires_at: float) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        "INSERT INTO tokens (hash, session_id, kind, expires_at, spent) VALUES (?, ?, ?, ?, 0)",
        (token_hash(token), session_id, kind, expires_at),
    )
    return token


def _issue(conn: Any, session_id: str, started_at: float, access_ttl: int, now: float) -> Issued:
    # Neither token outlives the session's absolute lifetime.
    end = started_at + SESSION_MAX_S
    access_until = min(now + access_ttl, end)
    access = _put_token(conn, session_id, "access", access_until)
    refresh = _put_token(conn, session_id, "refresh", min(now + REFRESH_TTL_S, end))
    return Issued(access, refresh, max(1, int(access_until - now)))


def open_session(store: Store, member_id: str, access_ttl: int, now: float) -> Issued:
    session_id = secrets.token_hex(16)
    with store.tx() as conn:
        conn.execute("INSERT INTO sessions (id, member_id, revoked, started_at) VALUES (?, ?, 0, ?)",
                     (session_id, member_id, now))
        return _issue(conn, session_id, now, access_ttl, now)


def _lookup(store: Store, token: str, kind: str, now: float) -> tuple[str, str] | None:
    row = store.one(
        "SELECT t.session_id, s.member_id FROM tokens t JOIN sessions s ON s.id = t.session_id "
        "WHERE t.hash = ? AND t.kind = ? AND t.expires_at > ? AND t.spent = 0 AND s.revoked = 0",
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
    """A new pair for a live refresh token, which is spent (rotation).

    A spent refresh token coming back means two parties hold it: the whole session (every
    token issued from the same login) is revoked, the thief's and the member's alike."""
    expired = ProblemError(401, Code.invalid_refresh_token, "Votre session a expiré. Veuillez vous reconnecter.")
    with store.tx() as conn:
        row = conn.execute(
            "SELECT t.session_id, t.expires_at, t.spent, s.revoked, s.started_at FROM tokens t "
            "JOIN sessions s ON s.id = t.session_id WHERE t.hash = ? AND t.kind = 'refresh'",
            (token_hash(refresh_token),),
        ).fetchone()
        if row is None or row["revoked"] or row["expires_at"] <= now:
            raise expired
        session_id = row["session_id"]
        if row["spent"]:
            conn.execute("UPDATE sessions SET revoked = 1 WHERE id = ?", (session_id,))
            conn.execute("DELETE FROM tokens WHERE session_id = ?", (session_id,))
            conn.execute("COMMIT")  # the revocation must stand although this request fails
            conn.execute("BEGIN")
            raise expired
        conn.execute("UPDATE tokens SET spent = 1 WHERE hash = ?", (token_hash(refresh_token),))
        return _issue(conn, session_id, row["started_at"] or 0.0, access_ttl, now)


def revoke_session(store: Store, session_id: str) -> None:
    with store.tx() as conn:
        conn.execute("UPDATE sessions SET revoked = 1 WHERE id = ?", (session_id,))
        conn.execute("DELETE FROM tokens WHERE session_id = ?", (session_id,))


def revoke_member(store: Store, member_id: str) -> None:
    for row in store.all("SELECT id FROM sessions WHERE member_id = ? AND revoked = 0", (member_id,)):
        revoke_session(store, row["id"])


# --- e-mailed codes ----------------------------------------------------------------------
# A code allows CODE_MAX_ATTEMPTS guesses; the NIR and purpose allow CODE_PERIOD_ATTEMPTS
# wrong guesses and CODE_PERIOD_SENDS new codes per CODE_PERIOD_S, so that asking for a new
# code never buys more guesses. The guards apply to unknown NIRs too: they reveal nothing.


def _guard(conn: Any, nir: str, purpose: str, now: float) -> dict[str, Any]:
    row = conn.execute("SELECT period_start, sends, failures FROM code_guards WHERE nir = ? AND purpose = ?",
                       (nir, purpose)).fetchone()
    if row is None or now - row["period_start"] >= CODE_PERIOD_S:
        return {"period_start": now, "sends": 0, "failures": 0}
    return dict(row)


def _save_guard(conn: Any, nir: str, purpose: str, guard: dict[str, Any]) -> None:
    conn.execute(
        "INSERT INTO code_guards (nir, purpose, period_start, sends, failures) VALUES (?, ?, ?, ?, ?) "
        "ON CONFLICT(nir, purpose) DO UPDATE SET period_start = excluded.period_start, "
        "sends = excluded.sends, failures = excluded.failures",
        (nir, purpose, guard["period_start"], guard["sends"], guard["failures"]),
    )


def _period_over(guard: dict[str, Any], now: float) -> ProblemError:
    from .throttle import too_many

    return too_many(guard["period_start"] + CODE_PERIOD_S - now)


def count_code_request(store: Store, nir: str, purpose: str, now: float) -> None:
    """Counts a request for a new code (sent or not); 429 past CODE_PERIOD_SENDS in the period."""
    with store.tx() as conn:
        guard = _guard(conn, nir, purpose, now)
        if guard["sends"] >= CODE_PERIOD_SENDS:
            raise _period_over(guard, now)
        guard["sends"] += 1
        _save_guard(conn, nir, purpose, guard)


def new_code(store: Store, nir: str, purpose: str, payload: dict[str, Any], now: float) -> str:
    """A fresh 6-digit code, replacing any earlier one for the same NIR and purpose."""
    code = f"{secrets.randbelow(10**6):06d}"
    store.run(
        "INSERT INTO codes (nir, purpose, code_hash, expires_at, attempts, payload) VALUES (?, ?, ?, ?, 0, ?) "
        "ON CONFLICT(nir, purpose) DO UPDATE SET code_hash = excluded.code_hash, "
        "expires_at = excluded.expires_at, attempts = 0, payload = excluded.payload",
        (nir, purpose, token_hash(f"{nir}:{code}"), now + CODE_TTL_S, json.dumps(payload)),
    )
    return code


_BAD_CODE = "Code incorrect ou expiré. Vérifiez le code reçu par e-mail ou demandez-en un nouveau."


def use_code(
    store: Store, nir: str, purpose: str, code: str, now: float,
    before_spending: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """The payload of a matching live code, which is then spent; else 422 `invalid_code`.

    `before_spending(payload)` may refuse the request (e.g. a weak password): the code then stays live.

    No code, an expired one and a wrong one answer alike, so nobody learns that a code is pending."""
    with store.tx() as conn:
        guard = _guard(conn, nir, purpose, now)
        if guard["failures"] >= CODE_PERIOD_ATTEMPTS:
            raise _period_over(guard, now)
        row = conn.execute(
            "SELECT code_hash, expires_at, attempts, payload FROM codes WHERE nir = ? AND purpose = ?",
            (nir, purpose),
        ).fetchone()
        good = (row is not None and row["expires_at"] > now
                and hmac.compare_digest(row["code_hash"], token_hash(f"{nir}:{code}")))
        if good:
            if before_spending is not None:
                before_spending(json.loads(row["payload"]))
            conn.execute("DELETE FROM codes WHERE nir = ? AND purpose = ?", (nir, purpose))
            return json.loads(row["payload"])
        guard["failures"] += 1
        _save_guard(conn, nir, purpose, guard)
        if row is not None and (row["expires_at"] <= now or row["attempts"] + 1 >= CODE_MAX_ATTEMPTS):
            conn.execute("DELETE FROM codes WHERE nir = ? AND purpose = ?", (nir, purpose))
        elif row is not None:
            conn.execute("UPDATE codes SET attempts = attempts + 1 WHERE nir = ? AND purpose = ?", (nir, purpose))
        # Committed before raising: the counted failure must stay counted.
        conn.execute("COMMIT")
        conn.execute("BEGIN")
        raise bad_code()


def bad_code(detail: str = _BAD_CODE) -> ProblemError:
    from msa_tui.api.models import FieldError

    return ProblemError(422, Code.invalid_code, detail, errors=[FieldError(field="code", message=detail)])


def require_unlocked(store: Store, nir: str, now: float) -> None:
    """423 while the NIR is locked (the second-factor step respects the login lockout)."""
    row = store.one("SELECT locked_until FROM login_failures WHERE nir = ?", (nir,))
    if row and row["locked_until"] and row["locked_until"] > now:
        raise _locked(row["locked_until"] - now)
