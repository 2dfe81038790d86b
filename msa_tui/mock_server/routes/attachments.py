"""Message attachments: uploaded first (pending, counted in the quota), then carried by one message; downloaded.

The same checks as the files of a sending: type by content (filecheck), size limit, the quota of
stored bytes, medical natures refused with the service médical's address; `Idempotency-Key`
makes a retried upload store the file once.
"""

from __future__ import annotations

import secrets
import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response, status
from fastapi.responses import FileResponse

from msa_tui.api.models import MAX_ATTACHMENTS, Attachment, Code

from ..catalogue_data import MEDICAL_NATURES
from ..deps import CtxDep, MemberDep
from ..idempotency import IdempotencyKey
from ..problems import ProblemError, invalid, not_found
from ..receipts import NATURE_LABELS
from .documents import FILE_RESPONSE, serve_blob
from .submissions import medical_refusal
from .uploads import RAW_FILE_BODY, clean_name, store_upload

router = APIRouter(prefix="/attachments", tags=["messages"])

MAX_PENDING = 4 * MAX_ATTACHMENTS
"""Attachments uploaded and not yet carried by a message, per member."""


def attachment_of(row: sqlite3.Row) -> Attachment:
    return Attachment(id=row["id"], name=row["name"], size=row["size"], sha256=row["sha256"],
                      content_type=row["content_type"], nature=row["nature"])


def _pending(conn: Any, member_id: str) -> int:
    row = conn.execute("SELECT COUNT(*) AS n FROM message_attachments WHERE member_id = ? AND message_id IS NULL",
                       (member_id,)).fetchone()
    return int(row["n"])


def _too_many_pending() -> ProblemError:
    return ProblemError(409, Code.quota_exceeded,
                        f"Vous avez déjà {MAX_PENDING} pièces jointes en attente d'envoi : envoyez vos messages "
                        "ou retirez-en avant d'en ajouter.")


@router.put(
    "/files", response_model=Attachment, status_code=status.HTTP_201_CREATED,
    summary="Joindre un fichier à un message à venir (corps brut, envoyé en flux)",
    openapi_extra=RAW_FILE_BODY,
    responses={409: {"description": "Espace de stockage épuisé, ou trop de pièces jointes en attente"},
               413: {"description": "Fichier trop volumineux"},
               415: {"description": "Type refusé"},
               422: {"description": "Fichier vide ou invalide, nature inconnue ou médicale, ou clé "
                                    "d'idempotence déjà servie avec un autre contenu"}},
)
async def upload_attachment(
    request: Request, me: MemberDep, ctx: CtxDep,
    name: Annotated[str, Query(min_length=1, max_length=1000, description="Nom du fichier")],
    nature: Annotated[str, Query(min_length=1, max_length=60, description="Nature du document joint")],
    idempotency_key: IdempotencyKey = None,
) -> Any:
    if nature not in NATURE_LABELS:
        raise invalid("nature", "Nature de document inconnue.")
    if nature in MEDICAL_NATURES:
        raise medical_refusal(me.caisse, nature, "nature")
    name = clean_name(name)

    def checks(conn: Any) -> None:
        if _pending(conn, me.id) >= MAX_PENDING:
            raise _too_many_pending()

    def record(conn: Any, size: int, digest: str, mime: str) -> Attachment:
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM message_attachments").fetchone()["n"]
        stored = Attachment(id=f"pj-{secrets.token_hex(8)}", name=name, size=size, sha256=digest,
                            content_type=mime, nature=nature)
        conn.execute(
            "INSERT INTO message_attachments (id, member_id, message_id, name, size, sha256, content_type, "
            "nature, created_at, seq) VALUES (?, ?, NULL, ?, ?, ?, ?, ?, ?, ?)",
            (stored.id, me.id, name, size, digest, mime, nature, ctx.now().isoformat(), seq))
        return stored

    return await store_upload(request, ctx, me.id, idempotency_key, (name, nature), checks, record)


def _own(ctx: CtxDep, attachment_id: str, member_id: str) -> sqlite3.Row:
    """The member's attachment: uploaded by them, or carried by a message of one of their threads."""
    row = ctx.store.one(
        "SELECT a.* FROM message_attachments a LEFT JOIN messages m ON m.id = a.message_id "
        "LEFT JOIN threads t ON t.id = m.thread_id WHERE a.id = ? AND (t.member_id = ? OR "
        "(a.message_id IS NULL AND a.member_id = ?))", (attachment_id, member_id, member_id))
    if row is None:
        raise not_found("Cette pièce jointe est introuvable.")
    return row


@router.get("/{attachment_id}/content", response_class=FileResponse, summary="Le contenu d'une pièce jointe",
            responses=FILE_RESPONSE)
def attachment_content(attachment_id: str, me: MemberDep, ctx: CtxDep) -> FileResponse:
    row = _own(ctx, attachment_id, me.id)
    return serve_blob(ctx, row["sha256"], row["name"], row["content_type"])


@router.delete("/{attachment_id}", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
               summary="Retirer une pièce jointe pas encore envoyée",
               responses={409: {"description": "Pièce jointe déjà envoyée avec un message"}})
def remove_attachment(attachment_id: str, me: MemberDep, ctx: CtxDep) -> Response:
    row = _own(ctx, attachment_id, me.id)
    if row["message_id"] is not None:
        raise ProblemError(409, Code.already_sent, "Cette pièce jointe a déjà été envoyée : elle ne peut plus "
                                                   "être retirée.")
    with ctx.store.tx() as conn:
        conn.execute("DELETE FROM message_attachments WHERE id = ?", (attachment_id,))
        ctx.store.drop_blob_if_unused(conn, row["sha256"])
    return Response(status_code=204)


def carry(conn: sqlite3.Connection, member_id: str, message_id: str, ids: list[str]) -> None:
    """Within the posting's transaction: the pending attachments `ids` now belong to `message_id`.

    Each must be the member's and not yet carried: otherwise 422 on `attachments`, nothing posted."""
    if len(set(ids)) != len(ids):
        raise invalid("attachments", "La même pièce jointe figure deux fois.")
    for attachment_id in ids:
        done = conn.execute("UPDATE message_attachments SET message_id = ? WHERE id = ? AND member_id = ? "
                            "AND message_id IS NULL", (message_id, attachment_id, member_id)).rowcount
        if done != 1:
            raise invalid("attachments", "Une pièce jointe est introuvable ou a déjà été envoyée : "
                                         "joignez le fichier à nouveau.")


def attachments_by_message(conn_or_store: Any, message_ids: list[str]) -> dict[str, list[Attachment]]:
    if not message_ids:
        return {}
    marks = ",".join("?" * len(message_ids))
    rows = conn_or_store.all(f"SELECT * FROM message_attachments WHERE message_id IN ({marks}) ORDER BY seq",
                             tuple(message_ids))
    out: dict[str, list[Attachment]] = {}
    for row in rows:
        out.setdefault(row["message_id"], []).append(attachment_of(row))
    return out
