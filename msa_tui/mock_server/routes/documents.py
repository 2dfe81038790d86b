"""Documents exchanged with the MSA (both ways): list, details, and the content itself."""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from msa_tui.api.models import Direction, Document, Page

from ..deps import CtxDep, Keyset, MemberDep, PageDep, paginate
from ..filecheck import EXTENSIONS
from ..owned import owned_row
from ..problems import not_found

router = APIRouter(prefix="/documents", tags=["documents"])
ORDER = Keyset("documents", (("date", True), ("id", False)))


def safe_file_name(name: str, content_type: str) -> str:
    """The stored name without directories or control characters, its extension the one of its
    sniffed type: a PDF named `page.html` is served as `page.pdf`."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip().strip(".")
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem or 'document'}{EXTENSIONS.get(content_type, '')}"


def _document(row: sqlite3.Row) -> Document:
    return Document(id=row["id"], title=row["title"], direction=row["direction"], date=row["date"],
                    content_type=row["content_type"], size=row["size"],
                    submission_reference=row["submission_reference"])


def _row(ctx: CtxDep, document_id: str, member_id: str) -> sqlite3.Row:
    return owned_row(ctx.store, "documents", document_id, member_id, "Ce document est introuvable.")


FILE_RESPONSE: dict[int | str, dict[str, object]] = {
    200: {"content": {"application/pdf": {}, "image/jpeg": {}, "image/png": {}}, "description": "Le fichier"}}
"""The OpenAPI answer of a route that serves a stored file (a document, an attachment)."""


@router.get("", response_model=Page[Document], summary="Mes documents échangés, le plus récent d'abord")
def list_documents(
    me: MemberDep, ctx: CtxDep, page: PageDep,
    direction: Annotated[Direction | None, Query(description="sent = envoyés à la MSA, received = reçus")] = None,
) -> dict:
    sql, params = "SELECT * FROM documents WHERE member_id = ?", [me.id]
    if direction is not None:
        sql += " AND direction = ?"
        params.append(direction.value)
    return paginate(ctx.store, sql, params, page, ORDER, _document)


@router.get("/{document_id}", response_model=Document, summary="Un document")
def get_document(document_id: str, me: MemberDep, ctx: CtxDep) -> Document:
    return _document(_row(ctx, document_id, me.id))


@router.get("/{document_id}/content", response_class=FileResponse, summary="Le contenu du document",
            responses=FILE_RESPONSE)
def get_content(document_id: str, me: MemberDep, ctx: CtxDep) -> FileResponse:
    row = _row(ctx, document_id, me.id)
    return serve_blob(ctx, row["sha256"], row["file_name"], row["content_type"])


def serve_blob(ctx: CtxDep, sha256: str, file_name: str, content_type: str) -> FileResponse:
    """A stored file as a download (also message attachments): a safe name, its digest announced."""
    path = ctx.store.blob_path(sha256)
    if not path.exists():
        raise not_found("Le contenu de ce document n'est plus disponible.")
    name = safe_file_name(file_name, content_type)
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r"[^A-Za-z0-9._-]+", "_", ascii_name).strip("._") or "document"
    return FileResponse(path, media_type=content_type, headers={
        "Content-Disposition": f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}",
        "X-Content-SHA256": sha256,
    })
