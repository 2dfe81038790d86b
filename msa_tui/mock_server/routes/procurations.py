"""Procurations: those the member gave and received; ask for one, accept one, act through one, revoke one."""

from __future__ import annotations

import json
import secrets
import sqlite3

from fastapi import APIRouter, status

from msa_tui.api.models import Code, Page, Procuration, ProcurationCreate, TokenPair

from .. import delegation
from ..contract import with_text
from ..deps import CtxDep, Keyset, Member, MemberDep, PageDep, paginate
from ..problems import ProblemError, invalid, not_found

router = APIRouter(prefix="/procurations", tags=["procurations"])
ORDER = Keyset("procurations", (("since", True), ("id", False)))


def _procuration(row: sqlite3.Row, me: Member) -> Procuration:
    return Procuration(id=row["id"], grantor_name=row["grantor_name"], grantee_name=row["grantee_name"],
                       direction="given" if row["grantor_id"] == me.id else "received", scope=row["scope"],
                       status=row["status"], since=row["since"], rights=json.loads(row["rights"] or "[]"))


def _row(ctx: CtxDep, procuration_id: str, me: Member) -> sqlite3.Row:
    row = ctx.store.one("SELECT * FROM procurations WHERE id = ? AND (grantor_id = ? OR grantee_id = ?)",
                        (procuration_id, me.id, me.id))
    if row is None:
        raise not_found("Cette procuration est introuvable.")
    return row


@router.get("", response_model=Page[Procuration], summary="Mes procurations données et reçues")
def list_procurations(me: MemberDep, ctx: CtxDep, page: PageDep) -> dict:
    return paginate(ctx.store, "SELECT * FROM procurations WHERE (grantor_id = ? OR grantee_id = ?)", (me.id, me.id),
                    page, ORDER, lambda r: _procuration(r, me))


@router.post("", response_model=Procuration, status_code=status.HTTP_201_CREATED,
             summary="Demander une procuration au profit d'une autre personne",
             responses=with_text(409, "Une procuration est déjà en cours pour cette personne"))
def request_procuration(body: ProcurationCreate, me: MemberDep, ctx: CtxDep) -> Procuration:
    if body.grantee_nir == me.nir:
        raise invalid("grantee_nir", "Vous ne pouvez pas vous donner procuration à vous-même.")
    if ctx.store.one("SELECT 1 FROM procurations WHERE grantor_id = ? AND grantee_nir = ? AND status != 'revoquee'",
                     (me.id, body.grantee_nir)):
        raise ProblemError(409, Code.already_filed, "Une procuration est déjà en cours pour cette personne.")
    grantee = ctx.store.one("SELECT id FROM members WHERE nir = ?", (body.grantee_nir,))
    procuration_id = f"proc-{secrets.token_hex(6)}"
    ctx.store.run(
        "INSERT INTO procurations (id, grantor_id, grantee_id, grantor_name, grantee_name, grantee_nir, scope, "
        "status, since, rights) VALUES (?, ?, ?, ?, ?, ?, ?, 'demandee', ?, ?)",
        (procuration_id, me.id, grantee["id"] if grantee else None, me.full_name, body.grantee_name,
         body.grantee_nir, body.scope, ctx.now().date().isoformat(), json.dumps(sorted(set(body.rights)))),
    )
    return _procuration(_row(ctx, procuration_id, me), me)


_FORBIDDEN = with_text(403, "Pas la bonne personne, ou procuration inactive")


def _wrong_party(detail: str) -> ProblemError:
    return ProblemError(403, Code.procuration_wrong_party, detail)


@router.delete("/{procuration_id}", response_model=Procuration, summary="Révoquer une procuration donnée",
               responses=_FORBIDDEN)
def revoke(procuration_id: str, me: MemberDep, ctx: CtxDep) -> Procuration:
    row = _row(ctx, procuration_id, me)
    if row["grantor_id"] != me.id:
        raise _wrong_party("Seule la personne qui a donné cette procuration peut la révoquer.")
    ctx.store.run("UPDATE procurations SET status = 'revoquee' WHERE id = ?", (procuration_id,))
    return _procuration(_row(ctx, procuration_id, me), me)


def _received(ctx: CtxDep, procuration_id: str, me: Member, doing: str) -> sqlite3.Row:
    row = _row(ctx, procuration_id, me)
    if row["grantee_id"] != me.id:
        raise _wrong_party(f"Seule la personne désignée par cette procuration peut {doing}.")
    return row


@router.post("/{procuration_id}/accept", response_model=Procuration,
             summary="Accepter une procuration reçue (elle devient active)", responses=_FORBIDDEN)
def accept(procuration_id: str, me: MemberDep, ctx: CtxDep) -> Procuration:
    row = _received(ctx, procuration_id, me, "l'accepter")
    if row["status"] == "revoquee":
        raise delegation.not_active(row["grantor_name"])
    if row["status"] == "demandee":
        ctx.store.run("UPDATE procurations SET status = 'active', since = ? WHERE id = ?",
                      (ctx.now().date().isoformat(), procuration_id))
    return _procuration(_row(ctx, procuration_id, me), me)


@router.post("/{procuration_id}/act", response_model=TokenPair,
             summary="Agir pour le compte de la personne qui a donné la procuration",
             description="Répond des jetons d'une session de cette personne, limitée à l'étendue de la procuration "
                         "(403 `procuration_out_of_scope` au-delà, 403 `procuration_not_active` une fois révoquée).",
             responses=_FORBIDDEN)
def act(procuration_id: str, me: MemberDep, ctx: CtxDep) -> TokenPair:
    row = _received(ctx, procuration_id, me, "agir avec elle")
    if row["status"] != "active":
        raise delegation.not_active(row["grantor_name"])
    if not json.loads(row["rights"] or "[]"):
        raise delegation.out_of_scope(row["grantor_name"], [])
    actor = delegation.Actor(me.id, me.full_name, procuration_id)
    issued = delegation.open_delegated(ctx.store, row["grantor_id"], actor, me.session_id, ctx.access_ttl_s, ctx.ts())
    return TokenPair(access_token=issued.access_token, refresh_token=issued.refresh_token,
                     expires_in=issued.expires_in)
