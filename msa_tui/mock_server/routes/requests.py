"""Démarches: file a request from its server-sent form, then follow its status timeline."""

from __future__ import annotations

import json
import math
import secrets
import sqlite3
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from fastapi import APIRouter, Request as HttpRequest, status

from msa_tui.api.models import Code, FieldError, FormField, Page, Request, RequestCreate, RequestSummary

from ..alerts_data import next_request_reference
from ..catalogue_data import FORMS
from ..deps import CtxDep, Keyset, MemberDep, PageDep, paginate, plausible_date
from ..idempotency import IdempotencyKey, fingerprint, once
from ..problems import ProblemError, invalid, not_found

router = APIRouter(prefix="/requests", tags=["requests"])
SELECT = ("SELECT requests.*, refs.reference FROM requests "
          "LEFT JOIN request_references refs ON refs.request_id = requests.id ")
"""A request with its reference number (kept in a table of its own)."""
ORDER = Keyset("requests", (("updated_at", True), ("id", False)))

Answer = str | int | float | bool | None
MAX_NUMBER = 10**9


def _summary(row: sqlite3.Row) -> RequestSummary:
    return RequestSummary(id=row["id"], type=row["type"], label=row["label"], status=row["status"],
                          filed_at=row["filed_at"], updated_at=row["updated_at"], reference=row["reference"])


def _full(row: sqlite3.Row) -> Request:
    return Request(**_summary(row).model_dump(), answers=json.loads(row["answers"]),
                   timeline=json.loads(row["timeline"]))


def check_answer(field: FormField, value: Answer) -> tuple[Answer, str | None]:
    """The normalised value, or an error message in French."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, ("Ce champ est obligatoire." if field.required else None)
    if field.kind == "text":
        if not isinstance(value, str):
            return None, "Un texte est attendu."
        limit = field.max_length or 500
        return value.strip(), (f"Au plus {limit} caractères sont acceptés." if len(value.strip()) > limit else None)
    if field.kind in ("number", "money"):
        if isinstance(value, str):
            try:
                value = float(value.replace(" ", "").replace(",", "."))
            except ValueError:
                return None, "Un nombre est attendu."
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None, "Un nombre est attendu."
        # Compared before any float(): a 400-digit integer overflows a float.
        if isinstance(value, int) and not 0 <= value <= MAX_NUMBER:
            return None, "Le montant doit être positif et raisonnable."
        if not math.isfinite(value):
            return None, "Un nombre est attendu."
        if value < 0 or value > MAX_NUMBER:
            return None, "Le montant doit être positif et raisonnable."
        if field.kind == "number":
            return (int(value), None) if float(value).is_integer() else (None, "Un nombre entier est attendu.")
        # Rounded in Decimal (round() on a float turns 2.675 into 2.67); stored as a JSON number.
        return float(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)), None
    if field.kind == "date":
        try:
            return plausible_date(value).isoformat(), None
        except ValueError as exc:
            return None, str(exc)
    if field.kind == "choice":
        codes = [c.code for c in field.choices]
        return (value, None) if value in codes else (None, f"Choisissez parmi : {', '.join(codes)}.")
    if field.kind == "bool":
        return (value, None) if isinstance(value, bool) else (None, "Une réponse oui/non est attendue.")
    return None, "Valeur invalide."


@router.get("", response_model=Page[RequestSummary], summary="Mes démarches, la plus récente d'abord")
def list_requests(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    return paginate(ctx.store, SELECT + "WHERE member_id = ?", (me.id,), page, ORDER, _summary)


@router.get("/{request_id}", response_model=Request, summary="Une démarche et son suivi")
def get_request(request_id: str, me: MemberDep, ctx: CtxDep) -> Request:
    row = ctx.store.one(SELECT + "WHERE id = ? AND member_id = ?", (request_id, me.id))
    if row is None:
        raise not_found("Cette démarche est introuvable.")
    return _full(row)


@router.post("", response_model=Request, status_code=status.HTTP_201_CREATED, summary="Déposer une démarche",
             responses={422: {"description": "Réponses invalides, ou clé d'idempotence déjà servie avec un "
                                             "autre corps"}})
def file_request(body: RequestCreate, me: MemberDep, ctx: CtxDep, request: HttpRequest,
                 idempotency_key: IdempotencyKey = None) -> Request:
    form = FORMS.get(body.type)
    if form is None:
        raise invalid("type", "Type de démarche inconnu.")
    errors: list[FieldError] = []
    answers: dict[str, Any] = {}
    for field in form.fields:
        value, error = check_answer(field, body.answers.get(field.name))
        if error:
            errors.append(FieldError(field=f"answers.{field.name}", message=error))
        answers[field.name] = value
    known = {f.name for f in form.fields}
    errors += [FieldError(field=f"answers.{k}", message="Ce champ n'est pas attendu.")
               for k in body.answers if k not in known]
    if errors:
        raise ProblemError(422, Code.validation_error, "Certaines réponses du formulaire sont invalides.",
                           errors=errors)

    def create() -> Request:
        moment = ctx.now()
        now = moment.isoformat()
        request_id = f"req-{secrets.token_hex(6)}"
        timeline = [{"status": "deposee", "at": now, "comment": "Demande reçue par votre MSA."}]
        with ctx.store.tx() as conn:
            conn.execute(
                "INSERT INTO requests (id, member_id, type, label, status, filed_at, updated_at, answers, timeline) "
                "VALUES (?, ?, ?, ?, 'deposee', ?, ?, ?, ?)",
                (request_id, me.id, form.type, form.label, now, now, json.dumps(answers, ensure_ascii=False),
                 json.dumps(timeline, ensure_ascii=False)),
            )
            conn.execute("INSERT INTO request_references (reference, request_id) VALUES (?, ?)",
                         (next_request_reference(conn, moment.year), request_id))
        return get_request(request_id, me, ctx)

    return once(ctx.store, me.id, f"POST {request.url.path}", idempotency_key,
                fingerprint(body.model_dump(mode="json")), 201, create)
