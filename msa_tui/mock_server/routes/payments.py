"""Payments: the member's history, newest first, filtered by domain and period, cursor-paged."""

from __future__ import annotations

import sqlite3
from typing import Annotated

from fastapi import APIRouter, Query

from msa_tui.api.models import Domain, Page, Payment

from ..deps import CtxDep, Keyset, MemberDep, PageDep, PlausibleDate, paginate
from ..owned import owned_row
from ..problems import invalid

router = APIRouter(prefix="/payments", tags=["payments"])
ORDER = Keyset("payments", (("date", True), ("id", False)))


def _payment(row: sqlite3.Row) -> Payment:
    return Payment(id=row["id"], date=row["date"], amount=row["amount"], domain=row["domain"], label=row["label"],
                   beneficiary=row["beneficiary"])


@router.get("", response_model=Page[Payment], summary="Mes paiements, du plus récent au plus ancien")
def list_payments(
    me: MemberDep,
    ctx: CtxDep,
    page: PageDep,
    domain: Annotated[Domain | None, Query(description="Domaine du paiement")] = None,
    date_from: Annotated[PlausibleDate | None, Query(description="Depuis cette date (incluse)")] = None,
    date_to: Annotated[PlausibleDate | None, Query(description="Jusqu'à cette date (incluse)")] = None,
) -> dict:
    if date_from and date_to and date_from > date_to:
        raise invalid("date_from", "La date de début doit précéder la date de fin.")
    sql = "SELECT * FROM payments WHERE member_id = ?"
    params: list = [me.id]
    if domain is not None:
        sql += " AND domain = ?"
        params.append(domain.value)
    if date_from is not None:
        sql += " AND date >= ?"
        params.append(date_from.isoformat())
    if date_to is not None:
        sql += " AND date <= ?"
        params.append(date_to.isoformat())
    return paginate(ctx.store, sql, params, page, ORDER, _payment)


@router.get("/{payment_id}", response_model=Payment, summary="Un paiement")
def get_payment(payment_id: str, me: MemberDep, ctx: CtxDep) -> Payment:
    return _payment(owned_row(ctx.store, "payments", payment_id, me.id, "Ce paiement est introuvable."))
