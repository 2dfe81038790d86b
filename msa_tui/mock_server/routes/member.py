"""The member: profile with household, contact details update, service médical address."""

from __future__ import annotations

import json

from fastapi import APIRouter, Query, Request

from msa_tui.api.models import Address, ContactUpdate, HouseholdMember, MailCopy, Me, ServiceContact

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


def _masked(email: str) -> str:
    local, _at, domain = email.partition("@")
    return f"{local[:1]}…@{domain}"


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
    return MailCopy(to=_masked(row["email"]), name=clean, size=len(data))
