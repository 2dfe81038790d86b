"""Idempotency keys: one per logical creation, so that a retry after a lost answer creates nothing twice.

The server answers the first result again for a repeated key with the same body, and refuses
(422 `idempotency_key_reused`) the same key with another body. So a key is tied to the body
it was made for: `key_for` gives the kept key back while the body is unchanged, a fresh one
once the member has edited what they send. Kept in drafts, a key survives a restart.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from typing import Any


def new_key() -> str:
    return uuid.uuid4().hex


def fingerprint(body: Any) -> str:
    """A stable digest of a JSON-able body (keys sorted)."""
    text = json.dumps(body, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def key_for(body: Any, kept: dict[str, str] | None) -> dict[str, str]:
    """`{"key", "body"}`: `kept` when it was made for this very body, else a new key for it."""
    digest = fingerprint(body)
    if kept and kept.get("body") == digest and kept.get("key"):
        return {"key": kept["key"], "body": digest}
    return {"key": new_key(), "body": digest}
