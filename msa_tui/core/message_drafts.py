"""Messages being typed (a reply in a thread, a new message), kept as drafts so that an idle
logout loses nothing (no Textual). On disk like the other drafts; in memory in kiosk mode."""

from __future__ import annotations

import hashlib
from typing import Any

from msa_tui.core import request_drafts

NEW_MESSAGE_KIND = "message-new"


def reply_kind(thread_id: str) -> str:
    # The thread id comes from the server: hashed, it is always a safe file name part.
    return "message-reply-" + hashlib.sha256(thread_id.encode()).hexdigest()[:16]


def keep(kind: str, owner: str | None, fields: dict[str, Any], send_key: dict[str, str] | None = None) -> None:
    """Keep what is typed, with the Idempotency-Key of a sending already tried (a retry after a
    lost answer, even after a restart, posts the message once); nothing typed removes the draft."""
    if owner is None:
        return
    if any(str(value or "").strip() for value in fields.values()):
        request_drafts.save(kind, owner, "", fields, send_key=send_key)
    else:
        request_drafts.discard(kind, owner)


def load(kind: str, owner: str | None) -> dict[str, Any] | None:
    return None if owner is None else request_drafts.load_answers(kind, owner)


def load_send_key(kind: str, owner: str | None) -> dict[str, str] | None:
    return None if owner is None else request_drafts.load_send_key(kind, owner)


def discard(kind: str, owner: str | None) -> None:
    if owner is not None:
        request_drafts.discard(kind, owner)
