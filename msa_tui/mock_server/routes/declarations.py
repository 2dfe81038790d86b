"""Quarterly resource declarations (RSA, prime d'activité, logement): list and file."""

from __future__ import annotations

import json
import sqlite3
from decimal import Decimal

from fastapi import APIRouter

from msa_tui.api.models import Code, Declaration, DeclarationFile, FieldError, Page

from ..deps import CtxDep, Keyset, MemberDep, PageDep, paginate
from ..problems import ProblemError, not_found

router = APIRouter(prefix="/declarations", tags=["declarations"])
ORDER = Keyset("declarations", (("due_date", True), ("id", False)))

RESOURCE_KINDS = ("salaires", "chomage", "pensions", "autres")
RESOURCE_MAX = Decimal(10**8)
"""Euros a quarter: more is a typing mistake."""


def _declaration(row: sqlite3.Row) -> Declaration:
    return Declaration(id=row["id"], benefit=row["benefit"], quarter=row["quarter"], status=row["status"],
                       due_date=row["due_date"], filed_at=row["filed_at"],
                       resources=json.loads(row["resources"]) if row["resources"] else None)


@router.get("", response_model=Page[Declaration], summary="Mes déclarations trimestrielles de ressources")
def list_declarations(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    return paginate(ctx.store, "SELECT * FROM declarations WHERE member_id = ?", (me.id,), page, ORDER, _declaration)


@router.post("/{declaration_id}", response_model=Declaration, summary="Déposer une déclaration trimestrielle",
             responses={409: {"description": "Déjà déposée"}})
def file_declaration(declaration_id: str, body: DeclarationFile, me: MemberDep, ctx: CtxDep) -> Declaration:
    errors = [FieldError(field=f"resources.{k}", message="Type de ressource inconnu (salaires, chomage, pensions, "
                                                          "autres).")
              for k in body.resources if k not in RESOURCE_KINDS]
    errors += [FieldError(field=f"resources.{k}", message="Le montant doit être positif.")
               for k, v in body.resources.items() if k in RESOURCE_KINDS and not 0 <= v <= RESOURCE_MAX]
    if errors:
        raise ProblemError(422, Code.validation_error, "Certains montants sont invalides.", errors=errors)
    # Stored as JSON numbers, like the wire: a Money has at most 12 digits, which a float's repr keeps exactly.
    resources = {k: float(body.resources.get(k, Decimal(0))) for k in RESOURCE_KINDS}
    with ctx.store.tx() as conn:
        row = conn.execute("SELECT * FROM declarations WHERE id = ? AND member_id = ?",
                           (declaration_id, me.id)).fetchone()
        if row is None:
            raise not_found("Cette déclaration est introuvable.")
        if row["status"] == "deposee":
            raise ProblemError(409, Code.already_filed, "Cette déclaration a déjà été déposée.")
        conn.execute("UPDATE declarations SET status = 'deposee', filed_at = ?, resources = ? WHERE id = ?",
                     (ctx.now().isoformat(), json.dumps(resources, sort_keys=True), declaration_id))
        row = conn.execute("SELECT * FROM declarations WHERE id = ?", (declaration_id,)).fetchone()
        return _declaration(row)
