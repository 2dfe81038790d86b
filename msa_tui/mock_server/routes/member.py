"""The member: profile with household, contact details update, service médical address."""

from __future__ import annotations

import json

from fastapi import APIRouter

from msa_tui.api.models import Address, ContactUpdate, HouseholdMember, Me, ServiceContact

from ..caisses import service_medical
from ..deps import CtxDep, MemberDep
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
