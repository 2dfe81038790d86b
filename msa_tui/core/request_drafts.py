"""Drafts of démarches and declarations in progress: what was typed, kept on disk per member (no Textual)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from msa_tui.core import drafts
from msa_tui.core.clock import now

log = logging.getLogger(__name__)

REQUEST_PREFIX = "request-"
DECLARATION_PREFIX = "declaration-"


def request_kind(request_type: str) -> str:
    return f"{REQUEST_PREFIX}{request_type}"


def declaration_kind(declaration_id: str) -> str:
    return f"{DECLARATION_PREFIX}{declaration_id}"


def save(kind: str, owner: str, label: str, answers: dict[str, Any], base_dir: Path | None = None,
         send_key: dict[str, str] | None = None) -> bool:
    """Keep the typed answers; False (and a log line) when the disk refuses: the form stays as typed.

    `send_key` is the Idempotency-Key of a filing already tried (see core.idempotency): kept with the
    answers, a retry after a lost answer, even after a restart, files the request once.
    """
    data: dict[str, Any] = {"kind": kind, "label": label, "answers": answers, "saved_at": now().isoformat()}
    if send_key:
        data["send_key"] = send_key
    try:
        drafts.save_draft(kind, owner, data, base_dir)
    except (OSError, drafts.DraftRefused) as exc:
        log.warning("draft not saved: %s", exc)
        return False
    return True


def load_answers(kind: str, owner: str, base_dir: Path | None = None) -> dict[str, Any] | None:
    data = drafts.load_draft(kind, owner, base_dir)
    if data is None or not isinstance(data.get("answers"), dict):
        return None
    return data["answers"]


def load_send_key(kind: str, owner: str, base_dir: Path | None = None) -> dict[str, str] | None:
    data = drafts.load_draft(kind, owner, base_dir)
    kept = data.get("send_key") if data else None
    return {str(k): str(v) for k, v in kept.items()} if isinstance(kept, dict) else None


def discard(kind: str, owner: str, base_dir: Path | None = None) -> None:
    drafts.delete_draft(kind, owner, base_dir)


def request_drafts(owner: str, base_dir: Path | None = None) -> list[dict[str, Any]]:
    """This member's request drafts, newest first: [{"type", "label", "saved_at"}].

    File names hash the owner, so a draft is this member's only when its path is the one
    `draft_path` gives for them: another member's drafts on a shared terminal never show.
    """
    found = []
    for path in drafts.list_drafts(REQUEST_PREFIX.rstrip("-"), base_dir):
        kind = path.stem.rsplit("-", 1)[0]
        if not kind.startswith(REQUEST_PREFIX) or drafts.draft_path(kind, owner, base_dir) != path:
            continue
        data = drafts.load_draft(kind, owner, base_dir)
        if data is None:
            continue
        found.append({"type": kind.removeprefix(REQUEST_PREFIX), "label": str(data.get("label", "")),
                      "saved_at": str(data.get("saved_at", ""))})
    found.sort(key=lambda item: item["saved_at"], reverse=True)
    return found
