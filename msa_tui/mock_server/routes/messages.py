"""Message threads with the MSA: list, read (marks read), start a thread, reply (with attachments)."""

from __future__ import annotations

from typing import Any

import secrets
import sqlite3

from fastapi import APIRouter, Request as HttpRequest, status

from msa_tui.api.models import Message, NewMessage, NewThread, Page, Thread, ThreadSummary

from ..deps import CtxDep, Keyset, Member, MemberDep, PageDep, loads, paginate
from ..idempotency import IdempotencyKey, fingerprint, once
from ..problems import not_found
from ..store import Store
from .attachments import attachments_by_message, carry

router = APIRouter(prefix="/threads", tags=["messages"])
ORDER = Keyset("threads", (("updated_at", True), ("id", False)))


def _summary_fields(store: Store, row: sqlite3.Row) -> dict:
    msgs = store.all("SELECT author, body, read FROM messages WHERE thread_id = ? ORDER BY sent_at, id", (row["id"],))
    last = msgs[-1]["body"] if msgs else ""
    return {
        "id": row["id"], "subject": row["subject"], "topic": row["topic"], "updated_at": row["updated_at"],
        "unread": sum(1 for m in msgs if m["author"] == "msa" and not m["read"]),
        "awaiting_reply": bool(row["awaiting_reply"]),
        "last_excerpt": last if len(last) <= 80 else last[:79].rstrip() + "…",
    }


def load_thread(store: Store, thread_id: str, member_id: str) -> Thread:
    row = store.one("SELECT * FROM threads WHERE id = ? AND member_id = ?", (thread_id, member_id))
    if row is None:
        raise not_found("Cette conversation est introuvable.")
    rows = store.all("SELECT * FROM messages WHERE thread_id = ? ORDER BY sent_at, id", (thread_id,))
    files = attachments_by_message(store, [m["id"] for m in rows])
    messages = [
        Message(id=m["id"], author=m["author"], body=m["body"], sent_at=m["sent_at"], read=bool(m["read"]),
                attachments=files.get(m["id"], []), acting_by=loads(m["acting_by"]))
        for m in rows
    ]
    return Thread(**_summary_fields(store, row), messages=messages)


def _post(conn: sqlite3.Connection, me: Member, thread_id: str, body: NewMessage | NewThread, when: str) -> None:
    """Within the caller's transaction: the member's message (and who wrote it, when acting for them
    through a procuration) and the attachments it carries."""
    message_id = f"msg-{secrets.token_hex(6)}"
    acting_by = me.acting_by.model_dump_json() if me.acting_by else None
    conn.execute(
        "INSERT INTO messages (id, thread_id, author, body, sent_at, read, acting_by) "
        "VALUES (?, ?, 'member', ?, ?, 1, ?)",
        (message_id, thread_id, body.body, when, acting_by),
    )
    carry(conn, me.id, message_id, body.attachments)
    # Answering is what the MSA was waiting for.
    conn.execute("UPDATE threads SET updated_at = ?, awaiting_reply = 0 WHERE id = ?", (when, thread_id))


@router.get("", response_model=Page[ThreadSummary], summary="Mes conversations, la plus récente d'abord")
def list_threads(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    return paginate(ctx.store, "SELECT * FROM threads WHERE member_id = ?", (me.id,), page, ORDER,
                    lambda r: ThreadSummary(**_summary_fields(ctx.store, r)))


@router.get("/{thread_id}", response_model=Thread, summary="Une conversation (ses messages deviennent lus)")
def get_thread(thread_id: str, me: MemberDep, ctx: CtxDep) -> Thread:
    load_thread(ctx.store, thread_id, me.id)  # 404 for anyone else's thread
    ctx.store.run("UPDATE messages SET read = 1 WHERE thread_id = ?", (thread_id,))
    return load_thread(ctx.store, thread_id, me.id)


_IDEMPOTENT: dict[int | str, dict[str, Any]] = {
    422: {"description": "Données invalides, ou clé d'idempotence déjà servie avec un autre corps"}}


@router.post("", response_model=Thread, status_code=status.HTTP_201_CREATED, summary="Poser une question à ma MSA",
             responses=_IDEMPOTENT)
def new_thread(body: NewThread, me: MemberDep, ctx: CtxDep, request: HttpRequest,
               idempotency_key: IdempotencyKey = None) -> Thread:
    def create() -> Thread:
        thread_id = f"thr-{secrets.token_hex(6)}"
        when = ctx.now().isoformat()
        with ctx.store.tx() as conn:  # the thread, its first message and its attachments, or nothing
            conn.execute(
                "INSERT INTO threads (id, member_id, subject, topic, updated_at, awaiting_reply) "
                "VALUES (?, ?, ?, ?, ?, 0)",
                (thread_id, me.id, body.subject, body.topic, when),
            )
            _post(conn, me, thread_id, body, when)
        return load_thread(ctx.store, thread_id, me.id)

    return once(ctx.store, me.id, f"POST {request.url.path}", idempotency_key,
                fingerprint(body.model_dump(mode="json")), 201, create)


@router.post("/{thread_id}/messages", response_model=Thread, status_code=status.HTTP_201_CREATED,
             summary="Répondre dans une conversation", responses=_IDEMPOTENT)
def reply(thread_id: str, body: NewMessage, me: MemberDep, ctx: CtxDep, request: HttpRequest,
          idempotency_key: IdempotencyKey = None) -> Thread:
    load_thread(ctx.store, thread_id, me.id)

    def create() -> Thread:
        with ctx.store.tx() as conn:
            _post(conn, me, thread_id, body, ctx.now().isoformat())
        return load_thread(ctx.store, thread_id, me.id)

    return once(ctx.store, me.id, f"POST {request.url.path}", idempotency_key,
                fingerprint(body.model_dump(mode="json")), 201, create)
