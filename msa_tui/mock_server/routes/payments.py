"""Payments: the member's history, newest first, filtered by domain and period, cursor-paged; totals per
month and domain for the chart."""

from __future__ import annotations

import sqlite3
from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query

from msa_tui.api.models import Domain, MonthTotal, Page, Payment, PaymentSummary

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


def _month_start(day: date, back: int) -> date:
    """The first day of the month `back` months before `day`'s."""
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


@router.get("/summary", response_model=PaymentSummary,
            summary="Mes paiements par mois et par domaine (les derniers mois, le mois en cours compris)")
def payment_summary(
    me: MemberDep,
    ctx: CtxDep,
    months: Annotated[int, Query(ge=1, le=36, description="Nombre de mois, le mois en cours compris")] = 12,
) -> PaymentSummary:
    today = ctx.reference_now().date()
    first, after = _month_start(today, months - 1), _month_start(today, -1)
    # Summed in cents as integers: the stored REAL never adds its binary error up; read from the
    # covering index payments_month_totals (member, date, domain, amount) without touching the table.
    rows = ctx.store.all(
        "SELECT substr(date, 1, 7) AS month, domain, SUM(CAST(ROUND(amount * 100) AS INTEGER)) AS cents, "
        "COUNT(*) AS n FROM payments WHERE member_id = ? AND date >= ? AND date < ? "
        "GROUP BY month, domain ORDER BY month, domain",
        (me.id, first.isoformat(), after.isoformat()),
    )
    totals = [MonthTotal(month=date.fromisoformat(f"{r['month']}-01"), domain=r["domain"],
                         total=Decimal(r["cents"]).scaleb(-2), count=r["n"]) for r in rows]
    return PaymentSummary(first_month=first, last_month=_month_start(today, 0), totals=totals)


@router.get("/{payment_id}", response_model=Payment, summary="Un paiement")
def get_payment(payment_id: str, me: MemberDep, ctx: CtxDep) -> Payment:
    return _payment(owned_row(ctx.store, "payments", payment_id, me.id, "Ce paiement est introuvable."))
