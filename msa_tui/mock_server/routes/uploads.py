"""File uploads into a submission document: streamed to disk while hashing, type sniffed from content."""

from __future__ import annotations

import hashlib
import os
import secrets
import unicodedata
from pathlib import Path
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path as PathParam, Query, Request, Response, status
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from msa_tui.api.models import Code, StoredFile

from ..deps import CtxDep, MemberDep
from ..filecheck import MAX_IMAGE_PIXELS, SNIFF_BYTES, Verdict, check, sniff
from ..idempotency import IdempotencyKey, fingerprint, recall, remember
from ..problems import ProblemError, invalid, not_found
from ..receipts import load_submission, submission_row
from .submissions import MAX_FILES_PER_DOCUMENT

router = APIRouter(prefix="/submissions", tags=["submissions"])

def clean_name(raw: str) -> str:
    """A safe display name: no control characters (refused), no directories, bounded length."""
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") for ch in raw):
        raise invalid("name", "Le nom du fichier contient des caractères de contrôle.")
    name = raw.replace("\\", "/").rsplit("/", 1)[-1].strip()
    if name in ("", ".", ".."):
        raise invalid("name", "Le nom du fichier est vide ou invalide.")
    if len(name) > 200:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 200 - len(ext) - 1] + dot + ext) if dot and len(ext) <= 10 else name[:200]
    return name


def _shown(limit: int) -> str:
    mib = limit / (1024 * 1024)
    return f"{mib:.0f} Mo" if mib >= 1 else f"{limit} octets"


def too_large(limit: int) -> ProblemError:
    return ProblemError(413, Code.file_too_large,
                        f"Le fichier dépasse la taille maximale autorisée ({_shown(limit)}).")


def _unsupported() -> ProblemError:
    return ProblemError(415, Code.unsupported_type,
                        "Ce type de fichier n'est pas accepté : envoyez un PDF, une image JPEG ou PNG.")


def _sent() -> ProblemError:
    return ProblemError(409, Code.already_sent, "Cet envoi a déjà été transmis : il ne peut plus être modifié.")


def _document(ctx: CtxDep, submission_id: str, index: int, member_id: str) -> None:
    row = submission_row(ctx.store, submission_id, member_id)
    if row["status"] == "sent":
        raise _sent()
    if index >= len(load_submission(ctx.store, row).documents):
        raise not_found("Ce document n'existe pas dans cet envoi.")


def stored_bytes(conn: Any, member_id: str) -> int:
    """What the member's unsent files occupy: those of draft sendings and the attachments not yet sent."""
    row = conn.execute("SELECT COALESCE(SUM(f.size), 0) AS n FROM files f JOIN submissions s "
                       "ON s.id = f.submission_id WHERE s.member_id = ? AND s.status = 'draft'",
                       (member_id,)).fetchone()
    pending = conn.execute("SELECT COALESCE(SUM(size), 0) AS n FROM message_attachments "
                           "WHERE member_id = ? AND message_id IS NULL", (member_id,)).fetchone()
    return int(row["n"]) + int(pending["n"])


def over_quota(limit: int) -> ProblemError:
    return ProblemError(409, Code.quota_exceeded,
                        f"Vos envois et pièces jointes en préparation occupent déjà l'espace autorisé "
                        f"({_shown(limit)}) : transmettez-les ou retirez-en des fichiers avant d'en ajouter.")


def _count(ctx: CtxDep, submission_id: str, index: int) -> int:
    row = ctx.store.one("SELECT COUNT(*) AS n FROM files WHERE submission_id = ? AND doc_index = ?",
                        (submission_id, index))
    return row["n"] if row else 0


def _too_many() -> ProblemError:
    return ProblemError(422, Code.too_many_files,
                        f"Un document comporte au plus {MAX_FILES_PER_DOCUMENT} fichiers.")


RAW_FILE_BODY: dict[str, Any] = {"requestBody": {"required": True, "content": {
    mime: {"schema": {"type": "string", "format": "binary"}}
    for mime in ("application/pdf", "image/jpeg", "image/png", "application/octet-stream")}}}
"""The OpenAPI body of a file upload: the raw bytes, streamed (every upload route)."""


@router.put(
    "/{submission_id}/documents/{index}/files", response_model=StoredFile, status_code=status.HTTP_201_CREATED,
    summary="Ajouter un fichier (corps brut, envoyé en flux) à un document de l'envoi",
    openapi_extra=RAW_FILE_BODY,
    responses={409: {"description": "Envoi déjà transmis, ou espace de stockage épuisé"},
               415: {"description": "Type refusé"},
               422: {"description": "Fichier vide ou invalide, trop de fichiers, ou clé d'idempotence "
                                    "déjà servie avec un autre contenu"}},
)
async def upload(
    request: Request, me: MemberDep, ctx: CtxDep,
    submission_id: str,
    index: Annotated[int, PathParam(ge=0, le=99, description="Rang du document, à partir de 0")],
    name: Annotated[str, Query(min_length=1, max_length=1000, description="Nom du fichier")],
    idempotency_key: IdempotencyKey = None,
) -> Any:
    _document(ctx, submission_id, index, me.id)
    name = clean_name(name)
    if idempotency_key is None and _count(ctx, submission_id, index) >= MAX_FILES_PER_DOCUMENT:
        raise _too_many()
    quota = ctx.throttle.limits.max_stored_bytes
    with ctx.store.lock:
        full = stored_bytes(ctx.store.db, me.id) >= quota
    if idempotency_key is None and full:
        raise over_quota(quota)

    def checks(conn: Any) -> None:
        status_row = conn.execute("SELECT status FROM submissions WHERE id = ?", (submission_id,)).fetchone()
        if status_row["status"] == "sent":
            raise _sent()
        if _count(ctx, submission_id, index) >= MAX_FILES_PER_DOCUMENT:
            raise _too_many()

    def record(conn: Any, size: int, digest: str, mime: str) -> StoredFile:
        file_id = f"fil-{secrets.token_hex(8)}"
        seq = conn.execute("SELECT COALESCE(MAX(seq), 0) + 1 AS n FROM files").fetchone()["n"]
        conn.execute(
            "INSERT INTO files (file_id, submission_id, doc_index, name, size, sha256, content_type, seq) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (file_id, submission_id, index, name, size, digest, mime, seq))
        return StoredFile(file_id=file_id, name=name, size=size, sha256=digest, content_type=mime)

    return await store_upload(request, ctx, me.id, idempotency_key, (index, name), checks, record)


async def store_upload(request: Request, ctx: CtxDep, member_id: str, idempotency_key: str | None,
                       same: tuple[Any, ...], checks: Callable[[Any], None],
                       record: Callable[[Any, int, str, str], BaseModel]) -> Any:
    """Receive the body (size limit, type by content), then in one transaction: the first answer for
    the key, `checks`, the quota, the blob placed and `record` (what `same` and the bytes make
    one upload for its Idempotency-Key). A send, a deletion or a twin upload running meanwhile
    sees all of it or none of it."""
    limit = ctx.max_file_bytes
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large(limit)
    quota = ctx.throttle.limits.max_stored_bytes
    route = f"PUT {request.url.path}"
    tmp = ctx.store.tmp_dir / f"upload-{secrets.token_hex(8)}.part"
    try:
        digest, size, mime = await receive(request, tmp, limit)
        print_ = fingerprint(*same, digest)
        with ctx.store.tx() as conn:
            if idempotency_key is not None:
                first = recall(conn, member_id, route, idempotency_key, print_)
                if first is not None:
                    return first
            checks(conn)
            if stored_bytes(conn, member_id) + size > quota:
                raise over_quota(quota)
            blob = ctx.store.blob_path(digest)
            if not blob.exists():
                os.replace(tmp, blob)
            stored = record(conn, size, digest, mime)
            if idempotency_key is not None:
                return remember(conn, member_id, route, idempotency_key, print_, 201, stored)
            return stored
    finally:
        tmp.unlink(missing_ok=True)


async def receive(request: Request, tmp: Path, limit: int) -> tuple[str, int, str]:
    """Stream the body to `tmp` while hashing; stop at the first byte past `limit` or a bad signature."""
    hasher = hashlib.sha256()
    size = 0
    head = b""
    mime: str | None = None
    with tmp.open("wb") as out:
        async for chunk in request.stream():
            if not chunk:
                continue
            size += len(chunk)
            if size > limit:
                raise too_large(limit)
            if mime is None:
                head += chunk[: SNIFF_BYTES - len(head)]
                if len(head) >= SNIFF_BYTES:
                    mime = sniff(head)
                    if mime is None:
                        raise _unsupported()
            hasher.update(chunk)
            out.write(chunk)
    if size == 0:
        raise ProblemError(422, Code.empty_file, "Le fichier est vide.")
    if mime is None:
        mime = sniff(head)
        if mime is None:
            raise _unsupported()
    # Decoding an image takes a while: off the event loop, so other requests go on meanwhile.
    verdict = await run_in_threadpool(check, tmp, mime)
    if verdict is Verdict.too_many_pixels:
        raise ProblemError(422, Code.unsupported_type,
                           f"Cette image compte plus de {MAX_IMAGE_PIXELS // 1_000_000} millions de pixels. "
                           "Numérisez-la de nouveau en 300 points par pouce, puis réessayez.")
    if verdict is not Verdict.valid:
        kind = "un PDF" if mime == "application/pdf" else "une image"
        raise ProblemError(422, Code.unsupported_type,
                           f"Ce fichier n'est pas {kind} valide (il est incomplet ou d'un autre type). "
                           "Enregistrez-le de nouveau depuis son application, puis réessayez.")
    return hasher.hexdigest(), size, mime


@router.delete("/{submission_id}/documents/{index}/files/{file_id}", status_code=status.HTTP_204_NO_CONTENT,
               response_class=Response, summary="Retirer un fichier d'un document de l'envoi")
def remove_file(submission_id: str, index: int, file_id: str, me: MemberDep, ctx: CtxDep) -> Response:
    _document(ctx, submission_id, index, me.id)
    with ctx.store.tx() as conn:
        row = conn.execute("SELECT sha256 FROM files WHERE file_id = ? AND submission_id = ? AND doc_index = ?",
                           (file_id, submission_id, index)).fetchone()
        if row is None:
            raise not_found("Ce fichier est introuvable.")
        conn.execute("DELETE FROM files WHERE file_id = ?", (file_id,))
        ctx.store.drop_blob_if_unused(conn, row["sha256"])
    return Response(status_code=204)
