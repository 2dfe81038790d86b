"""Quarterly resource declarations (RSA, prime d'activité, logement): list, and file with a receipt."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from fastapi import APIRouter

from msa_tui.api.models import (
    Code, Declaration, DeclarationAmount, DeclarationFile, DeclaredAmount, FieldError, Page, Submission,
    SubmissionStatus,
)

from ..deps import CtxDep, Keyset, Member, MemberDep, PageDep, paginate
from ..problems import ProblemError, not_found
from ..receipts import build_receipt, next_reference, record_sent
from .submissions import sender_of

router = APIRouter(prefix="/declarations", tags=["declarations"])
ORDER = Keyset("declarations", (("due_date", True), ("id", False)))

RESOURCE_KINDS = ("salaires", "chomage", "pensions", "autres")
RESOURCE_MAX = Decimal(10**8)
"""Euros a month: more is a typing mistake."""
OBJECT = "declaration_trimestrielle"
BENEFITS = {"rsa": "RSA", "prime_activite": "Prime d'activité", "logement": "Aide au logement"}


def submission_id_of(declaration_id: str) -> str:
    """The submission that carries a filed declaration's receipt into « Mes envois »."""
    return f"sub-{declaration_id}"


def _amounts(conn: sqlite3.Connection, declaration_id: str, source: str) -> list[DeclaredAmount]:
    rows = conn.execute("SELECT * FROM declaration_amounts WHERE declaration_id = ? AND source = ? "
                        "ORDER BY month, person_id, kind", (declaration_id, source)).fetchall()
    return [DeclaredAmount(person_id=r["person_id"], month=r["month"], kind=r["kind"], amount=r["amount"])
            for r in rows]


def _declaration(conn: sqlite3.Connection, row: sqlite3.Row) -> Declaration:
    filed = _amounts(conn, row["id"], "filed")
    receipt = conn.execute("SELECT reference FROM envois WHERE submission_id = ?",
                           (submission_id_of(row["id"]),)).fetchone()
    return Declaration(id=row["id"], benefit=row["benefit"], quarter=row["quarter"], status=row["status"],
                       due_date=row["due_date"], filed_at=row["filed_at"],
                       resources=json.loads(row["resources"]) if row["resources"] else None,
                       prefill=_amounts(conn, row["id"], "prefill") if row["status"] == "a_faire" else [],
                       amounts=filed or None,
                       submission_id=submission_id_of(row["id"]) if receipt else None,
                       reference=receipt["reference"] if receipt else None)


@router.get("", response_model=Page[Declaration], summary="Mes déclarations trimestrielles de ressources")
def list_declarations(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    with ctx.store.lock:
        return paginate(ctx.store, "SELECT * FROM declarations WHERE member_id = ?", (me.id,), page, ORDER,
                        lambda row: _declaration(ctx.store.db, row))


def _refusals(amounts: list[DeclarationAmount], people: set[str], months: list[str]) -> list[FieldError]:
    errors, seen = [], set()
    for i, line in enumerate(amounts):
        if line.person_id not in people:
            errors.append(FieldError(field=f"amounts.{i}.person_id",
                                     message="Cette personne ne fait pas partie de votre foyer."))
        if line.month not in months:
            errors.append(FieldError(field=f"amounts.{i}.month", message="Ce mois n'est pas dans le trimestre."))
        if not 0 <= line.amount <= RESOURCE_MAX:
            errors.append(FieldError(field=f"amounts.{i}.amount", message="Le montant doit être positif."))
        key = (line.person_id, line.month, line.kind)
        if key in seen:
            errors.append(FieldError(field=f"amounts.{i}", message="Ce montant est déclaré deux fois."))
        seen.add(key)
    return errors


def _object_label(row: sqlite3.Row) -> str:
    year, _sep, number = row["quarter"].partition("-T")
    nth = "1er" if number == "1" else f"{number}e"
    return f"Déclaration trimestrielle de ressources – {BENEFITS[row['benefit']]}, {nth} trimestre {year}"


@router.post("/{declaration_id}", response_model=Declaration,
             summary="Déposer une déclaration trimestrielle, certifiée sur l'honneur ; son accusé de réception "
                     "rejoint « Mes envois »",
             responses={409: {"description": "Déjà déposée"}})
def file_declaration(declaration_id: str, body: DeclarationFile, me: MemberDep, ctx: CtxDep) -> Declaration:
    people = {me.id} | {r["id"] for r in ctx.store.all("SELECT id FROM household WHERE member_id = ?", (me.id,))}
    with ctx.store.tx() as conn:
        row = conn.execute("SELECT * FROM declarations WHERE id = ? AND member_id = ?",
                           (declaration_id, me.id)).fetchone()
        if row is None:
            raise not_found("Cette déclaration est introuvable.")
        if row["status"] == "deposee":
            raise ProblemError(409, Code.already_filed, "Cette déclaration a déjà été déposée.")
        months = Declaration(id=row["id"], benefit=row["benefit"], quarter=row["quarter"], status=row["status"],
                             due_date=row["due_date"]).months
        errors = _refusals(body.amounts, people, months)
        if errors:
            raise ProblemError(422, Code.validation_error, "Certains montants sont invalides.", errors=errors)
        if not body.certified:
            raise ProblemError(422, Code.attestation_required,
                               "Certifiez sur l'honneur l'exactitude des informations déclarées avant de déposer.",
                               errors=[FieldError(field="certified", message="Certification obligatoire.")])
        _file(conn, row, body.amounts, me, ctx)
        return _declaration(conn, conn.execute("SELECT * FROM declarations WHERE id = ?", (declaration_id,)).fetchone())


def _file(conn: sqlite3.Connection, row: sqlite3.Row, amounts: list[DeclarationAmount], me: Member,
          ctx: CtxDep) -> None:
    """Store the amounts and their totals, and write the receipt kept in « Mes envois »."""
    totals = {kind: Decimal(0) for kind in RESOURCE_KINDS}
    for line in amounts:
        totals[line.kind] += line.amount
        conn.execute("INSERT INTO declaration_amounts VALUES (?, 'filed', ?, ?, ?, ?)",
                     (row["id"], line.person_id, line.month, line.kind, float(line.amount)))
    received = ctx.now()
    submission = Submission(id=submission_id_of(row["id"]), object=OBJECT, status=SubmissionStatus.sent,
                            created_at=received, documents=[])
    receipt = build_receipt(submission, me.caisse, next_reference(conn, received.year), received, sender_of(me),
                            object_label=_object_label(row))
    conn.execute("INSERT INTO submissions (id, member_id, object, status, created_at, documents, receipt) "
                 "VALUES (?, ?, ?, 'sent', ?, '[]', ?)",
                 (submission.id, me.id, OBJECT, received.isoformat(), receipt.model_dump_json()))
    record_sent(conn, me.id, receipt)
    # Stored as JSON numbers, like the wire: a Money has at most 12 digits, which a float's repr keeps exactly.
    conn.execute("UPDATE declarations SET status = 'deposee', filed_at = ?, resources = ? WHERE id = ?",
                 (received.isoformat(), json.dumps({k: float(v) for k, v in totals.items()}, sort_keys=True),
                  row["id"]))
