"""The member: profile with household, contact details update, service médical address, account security."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Query, Request, Response, status

from msa_tui.api.models import (
    Address, ContactUpdate, HouseholdMember, MailCopy, Me, PasswordChange, SecuritySettings, ServiceContact,
    TwoFactorUpdate,
)

from .. import account
from ..caisses import service_medical
from ..deps import CtxDep, MemberDep
from ..outbox import send_mail
from ..problems import invalid
from ..store import Store

router = APIRouter(prefix="/me", tags=["member"])


def load_me(store: Store, member_id: str) -> Me:
    row = store.one("SELECT * FROM members WHERE id = ?", (member_id,))
    assert row is not None
    household = [
        HouseholdMember(id=h["id"], first_name=h["first_name"], last_name=h["last_name"], relation=h["relation"],
                        birth_date=h["birth_date"])
        for h in store.all("SELECT * FROM household WHERE member_id = ? ORDER BY ord", (member_id,))
    ]
    return Me(
        id=row["id"], nir=row["nir"], first_name=row["first_name"], last_name=row["last_name"], email=row["email"],
        phone=row["phone"], address=Address.model_validate(json.loads(row["address"])), household=household,
        caisse=row["caisse"],
    )


@router.get("", response_model=Me, summary="Mon profil et les personnes de mon foyer")
def get_me(me: MemberDep, ctx: CtxDep) -> Me:
    return load_me(ctx.store, me.id)


@router.patch("/contact", response_model=Me, summary="Modifier mes coordonnées (adresse, téléphone, e-mail)")
def update_contact(body: ContactUpdate, me: MemberDep, ctx: CtxDep) -> Me:
    changes = body.model_dump(exclude_unset=True, mode="json")
    with ctx.store.tx() as conn:
        if changes.get("email") is not None:
            conn.execute("UPDATE members SET email = ? WHERE id = ?", (changes["email"], me.id))
        if "phone" in changes:
            conn.execute("UPDATE members SET phone = ? WHERE id = ?", (changes["phone"], me.id))
        if changes.get("address") is not None:
            conn.execute("UPDATE members SET address = ? WHERE id = ?",
                         (json.dumps(changes["address"], ensure_ascii=False, sort_keys=True), me.id))
    return load_me(ctx.store, me.id)


@router.get("/service-medical", response_model=ServiceContact,
            summary="Le service médical de ma MSA (adresse postale pour les documents médicaux)")
def get_service_medical(me: MemberDep) -> ServiceContact:
    return service_medical(me.caisse)


MAIL_COPY_MAX_BYTES = 2 * 1024 * 1024


@router.post(
    "/mail-copy", response_model=MailCopy,
    summary="Envoyer un PDF (attestation, document, accusé de réception) à l'adresse e-mail du membre",
    description="Le corps est le PDF lui-même (octets bruts, 2 Mo au plus) ; `name` est le nom de la "
                "pièce jointe. Sert aux postes d'accueil en mode kiosque : le membre emporte ses papiers "
                "sans rien laisser sur la machine. Le serveur de démonstration dépose le message dans "
                "`GET /dev/outbox` (nom et taille de la pièce jointe).",
    openapi_extra={"requestBody": {"required": True, "content": {"application/octet-stream": {
        "schema": {"type": "string", "format": "binary"}}}}},
)
async def mail_copy(request: Request, me: MemberDep, ctx: CtxDep,
                    name: str = Query(min_length=1, max_length=200)) -> MailCopy:
    data = await request.body()
    if not data.startswith(b"%PDF"):
        raise invalid("file", "seul un fichier PDF peut être envoyé par e-mail.")
    if len(data) > MAIL_COPY_MAX_BYTES:
        raise invalid("file", "le fichier dépasse 2 Mo.")
    clean = name.replace("/", "-").replace("\\", "-").strip() or "document.pdf"
    row = ctx.store.one("SELECT email FROM members WHERE id = ?", (me.id,))
    assert row is not None
    send_mail(ctx.store, row["email"], f"Votre document : {clean}",
              f"Bonjour {me.first_name} {me.last_name},\n\nVous trouverez en pièce jointe le document "
              f"demandé à l'accueil de votre MSA.\n\nVotre MSA", ctx.now(), attachment=(clean, len(data)))
    return MailCopy(to=account.masked_email(row["email"]), name=clean, size=len(data))


# --- account security (issue 14, item 7) ----------------------------------------------------

_CURRENT_PASSWORD: dict[int | str, dict[str, Any]] = {
    422: {"description": "Mot de passe actuel incorrect (wrong_password, attempts_left) ou nouveau mot de passe "
                         "refusé (weak_password)"},
    423: {"description": "Compte verrouillé après trop d'essais (problem+json, retry_after)"},
}


@router.post("/password", status_code=status.HTTP_204_NO_CONTENT, response_class=Response,
             summary="Changer mon mot de passe (le mot de passe actuel est demandé ; mes autres sessions "
                     "sont fermées)",
             responses=_CURRENT_PASSWORD)
def change_password(body: PasswordChange, me: MemberDep, ctx: CtxDep) -> Response:
    account.change_password(ctx, me, body.current_password, body.new_password)
    return Response(status_code=204)


def _settings(ctx: CtxDep, member_id: str) -> SecuritySettings:
    row = ctx.store.one("SELECT email FROM members WHERE id = ?", (member_id,))
    assert row is not None
    return SecuritySettings(two_factor=account.two_factor_on(ctx, member_id), email=account.masked_email(row["email"]))


@router.get("/security", response_model=SecuritySettings,
            summary="La sécurité de mon compte : validation en deux étapes active ou non")
def get_security(me: MemberDep, ctx: CtxDep) -> SecuritySettings:
    return _settings(ctx, me.id)


@router.put("/two-factor", response_model=SecuritySettings,
            summary="Activer ou désactiver la validation en deux étapes (le mot de passe actuel est demandé)",
            responses=_CURRENT_PASSWORD)
def set_two_factor(body: TwoFactorUpdate, me: MemberDep, ctx: CtxDep) -> SecuritySettings:
    account.set_two_factor(ctx, me, body.enabled, body.current_password)
    return _settings(ctx, me.id)
