"""Sending documents: constraints, draft creation, send with attestation and Idempotency-Key, receipt."""

from __future__ import annotations

import json
import secrets
from datetime import timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Header, Request, status

from msa_tui.api.models import (
    Code,
    FieldError, Page, Receipt, ReceiptSender, SendRequest, SentSubmission, Submission, SubmissionConstraints,
    SubmissionCreate,
)

from ..alerts_data import pieces_received
from ..caisses import postal_line, service_medical
from ..catalogue_data import ALLOWED_TYPES, MEDICAL_NATURES, NATURES, OBJECTS
from ..deps import Ctx, CtxDep, Keyset, Member, MemberDep, PageDep, paginate
from ..idempotency import fingerprint, recall, remember
from ..problems import ProblemError, invalid, not_found
from ..receipts import (
    NATURE_LABELS, OBJECT_LABELS, build_receipt, load_submission, next_reference, record_sent, sent_submission,
    submission_row,
)

router = APIRouter(prefix="/submissions", tags=["submissions"])

MAX_FILES_PER_DOCUMENT = 5
MAX_DOCUMENTS = 5
SENT_ORDER = Keyset("envois", (("e.received_at", True), ("e.submission_id", False)))


def sender_of(me: Member) -> ReceiptSender:
    return ReceiptSender(first_name=me.first_name, last_name=me.last_name, nir=me.nir)


def constraints(ctx: Ctx) -> SubmissionConstraints:
    return SubmissionConstraints(
        objects=OBJECTS, natures=NATURES, medical_natures=MEDICAL_NATURES, allowed_types=ALLOWED_TYPES,
        max_file_bytes=ctx.max_file_bytes, max_files_per_document=MAX_FILES_PER_DOCUMENT,
        max_documents=MAX_DOCUMENTS,
    )


@router.get("/constraints", response_model=SubmissionConstraints, summary="Ce que le serveur accepte")
def get_constraints(ctx: CtxDep) -> SubmissionConstraints:
    return constraints(ctx)


def medical_refusal(caisse: str, nature: str, field: str) -> ProblemError:
    """422 `medical_document`: the rule and the postal address of the member's service médical
    (for a document of a sending and for a message attachment alike)."""
    office = service_medical(caisse)
    return ProblemError(
        422, Code.medical_document,
        f"« {NATURE_LABELS[nature]} » : les documents contenant des informations médicales ne peuvent "
        "pas être envoyés par ce service. Envoyez-les par courrier postal au service médical de votre "
        f"MSA : {postal_line(office)}.",
        errors=[FieldError(field=field, message="Document médical : envoi par courrier.")],
        extra={"service_medical": office.model_dump(mode="json")},
    )


@router.post("", response_model=Submission, status_code=status.HTTP_201_CREATED,
             summary="Préparer un envoi (objet, documents) ; refuse les documents médicaux",
             responses={409: {"description": "Trop d'envois préparés en 24 heures"}})
def create(body: SubmissionCreate, me: MemberDep, ctx: CtxDep) -> Submission:
    if body.object not in OBJECT_LABELS:
        raise invalid("object", "Objet de la demande inconnu.")
    if len(body.documents) > MAX_DOCUMENTS:
        raise invalid("documents", f"Au plus {MAX_DOCUMENTS} documents par envoi.")
    people = {me.id} | {r["id"] for r in ctx.store.all("SELECT id FROM household WHERE member_id = ?", (me.id,))}
    for i, doc in enumerate(body.documents):
        if doc.nature not in NATURE_LABELS:
            raise invalid(f"documents.{i}.nature", "Nature de document inconnue.")
        if doc.nature in MEDICAL_NATURES:
            raise medical_refusal(me.caisse, doc.nature, f"documents.{i}.nature")
        if doc.person_id not in people:
            raise invalid(f"documents.{i}.person_id", "Cette personne ne fait pas partie de votre foyer.")
    if body.request_id is not None and ctx.store.one(  # pieces for a démarche (issue 14)
            "SELECT 1 FROM requests WHERE id = ? AND member_id = ?", (body.request_id, me.id)) is None:
        raise not_found("Cette démarche est introuvable.")
    submission_id = f"sub-{secrets.token_hex(8)}"
    docs = [{"index": i, **d.model_dump(mode="json")} for i, d in enumerate(body.documents)]
    now = ctx.now()
    cap = ctx.throttle.limits.max_drafts
    with ctx.store.tx() as conn:
        recent = conn.execute("SELECT COUNT(*) AS n FROM submissions WHERE member_id = ? AND status = 'draft' "
                              "AND created_at > ?", (me.id, (now - timedelta(days=1)).isoformat())).fetchone()["n"]
        if recent >= cap:
            raise ProblemError(409, Code.quota_exceeded,
                               f"Vous avez préparé {cap} envois sans les transmettre depuis 24 heures : "
                               "terminez-en un ou réessayez demain.")
        conn.execute(
            "INSERT INTO submissions (id, member_id, object, status, created_at, documents, request_id) "
            "VALUES (?, ?, ?, 'draft', ?, ?, ?)",
            (submission_id, me.id, body.object, now.isoformat(), json.dumps(docs, ensure_ascii=False),
             body.request_id),
        )
    return load_submission(ctx.store, submission_row(ctx.store, submission_id, me.id))


@router.get("", response_model=Page[SentSubmission], summary="Mes envois : les envois transmis, du plus récent "
            "au plus ancien")
def list_sent(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    today = ctx.now().date()
    return paginate(ctx.store, "SELECT e.received_at, e.submission_id, s.receipt FROM envois e JOIN submissions s "
                    "ON s.id = e.submission_id WHERE e.member_id = ?", (me.id,), page, SENT_ORDER,
                    lambda row: sent_submission(Receipt.model_validate_json(row["receipt"]), today))


@router.get("/{submission_id}", response_model=Submission, summary="Un envoi et ses fichiers")
def get_submission(submission_id: str, me: MemberDep, ctx: CtxDep) -> Submission:
    return load_submission(ctx.store, submission_row(ctx.store, submission_id, me.id))


@router.post("/{submission_id}/send", response_model=Receipt, summary="Envoyer, avec l'attestation de conformité",
             responses={409: {"description": "Déjà envoyé sous une autre clé"},
                        422: {"description": "Attestation manquante, document sans fichier, ou clé "
                                             "d'idempotence déjà servie avec un autre corps"}})
def send(
    submission_id: str, body: SendRequest, me: MemberDep, ctx: CtxDep, request: Request,
    idempotency_key: Annotated[str | None, Header(alias="Idempotency-Key", max_length=200)] = None,
) -> Any:
    submission_row(ctx.store, submission_id, me.id)
    if not idempotency_key or not idempotency_key.strip():
        raise ProblemError(400, Code.idempotency_key_required,
                           "L'en-tête Idempotency-Key est obligatoire pour envoyer des documents.")
    route, print_ = f"POST {request.url.path}", fingerprint(body.model_dump(mode="json"))
    with ctx.store.tx() as conn:
        # The key is bound to the body: the same key with `attestation: false` is not the same send.
        first = recall(conn, me.id, route, idempotency_key, print_)
        if first is not None:
            return first
        row = conn.execute("SELECT * FROM submissions WHERE id = ?", (submission_id,)).fetchone()
        if row["status"] == "sent":
            if row["idempotency_key"] == idempotency_key:  # sent before keys were bound to bodies
                return Receipt.model_validate_json(row["receipt"])
            raise ProblemError(409, Code.already_sent, "Cet envoi a déjà été transmis à votre MSA.")
        if not body.attestation:
            raise ProblemError(422, Code.attestation_required,
                               "Vous devez attester la conformité des documents avant de les envoyer.",
                               errors=[FieldError(field="attestation", message="Attestation obligatoire.")])
        submission = load_submission(ctx.store, row)
        empty = [d.index for d in submission.documents if not d.files]
        if empty:
            numbers = ", ".join(str(i + 1) for i in empty)
            raise ProblemError(422, Code.missing_files, f"Ajoutez au moins un fichier au(x) document(s) n° {numbers}.",
                               errors=[FieldError(field=f"documents.{i}.files", message="Aucun fichier.")
                                       for i in empty])
        received = ctx.now()
        receipt = build_receipt(submission, me.caisse, next_reference(conn, received.year), received, sender_of(me))
        receipt = receipt.model_copy(update={"acting_by": me.acting_by})  # procurations: who acted
        conn.execute("UPDATE submissions SET status = 'sent', idempotency_key = ?, receipt = ? WHERE id = ?",
                     (idempotency_key, receipt.model_dump_json(), submission_id))
        record_sent(conn, me.id, receipt)
        pieces_received(conn, row["request_id"], receipt.reference, received)  # issue 14
        for doc in submission.documents:
            for f in doc.files:
                ctx.store.insert(conn, "documents", {
                    "id": f"doc-{secrets.token_hex(6)}", "member_id": me.id,
                    "title": f"{NATURE_LABELS.get(doc.nature, doc.nature)} – {f.name}", "direction": "sent",
                    "date": received.isoformat(), "content_type": f.content_type, "size": f.size,
                    "submission_reference": receipt.reference, "sha256": f.sha256, "file_name": f.name,
                })
        return remember(conn, me.id, route, idempotency_key, print_, 200, receipt)


@router.get("/{submission_id}/receipt", response_model=Receipt, summary="L'accusé de réception d'un envoi")
def get_receipt(submission_id: str, me: MemberDep, ctx: CtxDep) -> Receipt:
    row = submission_row(ctx.store, submission_id, me.id)
    if not row["receipt"]:
        raise not_found("Pas encore d'accusé de réception : cet envoi n'a pas été transmis.")
    return Receipt.model_validate_json(row["receipt"])
