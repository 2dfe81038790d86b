"""Attestations generated on demand as PDF: paiement, non-paiement, médecin traitant, droits maladie, RSA."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime, time
from decimal import Decimal
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Query, Response

from msa_tui.api.models import Code, AttestationKind

from ..caisses import caisse
from ..deps import CtxDep, MemberDep, PlausibleDate
from ..pdfs import make_pdf
from ..problems import ProblemError, invalid, not_found
from ..store import Store

router = APIRouter(prefix="/attestations", tags=["attestations"])

TITLES = {
    AttestationKind.paiement: "Attestation de paiement",
    AttestationKind.non_paiement: "Attestation de non-paiement",
    AttestationKind.medecin_traitant: "Attestation de médecin traitant",
    AttestationKind.droits_maladie: "Attestation de droits à l'assurance maladie",
    AttestationKind.droits_rsa: "Attestation de droits au RSA",
}


def euros(amount: float | Decimal) -> str:
    whole, cents = f"{Decimal(str(amount)):,.2f}".split(".")
    return f"{whole.replace(',', ' ')},{cents} €"


def _not_eligible(detail: str) -> ProblemError:
    return ProblemError(422, Code.not_eligible, detail)


FOR_HOUSEHOLD = {AttestationKind.droits_maladie}
"""The attestations the portal delivers for a household member (an ayant droit) as well as for the member."""


def household_person(store: Store, member_id: str, kind: AttestationKind,
                     person_id: str | None) -> sqlite3.Row | None:
    """The household member the attestation is for (None: the member); 404 outside the household."""
    if person_id is None or person_id == member_id:
        return None
    if kind not in FOR_HOUSEHOLD:
        raise invalid("person_id", "Cette attestation n'est délivrée qu'au nom de l'assuré(e) ; pour un membre du "
                                   "foyer, demandez l'attestation de droits maladie.")
    person = store.one("SELECT * FROM household WHERE id = ? AND member_id = ?", (person_id, member_id))
    if person is None:
        raise not_found("Cette personne ne fait pas partie de votre foyer.")
    return person


@router.get("/{kind}", response_class=Response, summary="Une attestation au format PDF",
            responses={200: {"content": {"application/pdf": {}}, "description": "Le PDF de l'attestation"}})
def attestation(
    kind: AttestationKind, me: MemberDep, ctx: CtxDep,
    date_from: Annotated[PlausibleDate | None, Query(description="Début de période (défaut : un an avant)")] = None,
    date_to: Annotated[PlausibleDate | None, Query(description="Fin de période (défaut : aujourd'hui)")] = None,
    person_id: Annotated[str | None, Query(max_length=100, description=(
        "Un membre du foyer (attestation de droits maladie seulement) ; par défaut, l'assuré(e)"))] = None,
) -> Response:
    end = date_to or ctx.today
    start = date_from or date(max(end.year - 1, 1900), end.month, 1)
    if start > end:
        raise invalid("date_from", "La date de début doit précéder la date de fin.")
    row = ctx.store.one("SELECT * FROM members WHERE id = ?", (me.id,))
    assert row is not None
    person = household_person(ctx.store, me.id, kind, person_id)
    paid = ctx.store.all(
        "SELECT * FROM payments WHERE member_id = ? AND date BETWEEN ? AND ? ORDER BY date, id",
        (me.id, start.isoformat(), end.isoformat()),
    )
    period = f"Période du {start:%d/%m/%Y} au {end:%d/%m/%Y}."
    body: list[str] = []
    if kind is AttestationKind.paiement:
        if not paid:
            raise _not_eligible("Aucun paiement sur cette période : demandez plutôt une attestation de non-paiement.")
        body = [period, "La MSA certifie avoir versé les sommes suivantes :", ""]
        body += [f"{p['date'][8:10]}/{p['date'][5:7]}/{p['date'][:4]}  {p['label']}  {euros(p['amount'])}"
                 for p in paid]
        body += ["", f"Total : {euros(sum((Decimal(str(p['amount'])) for p in paid), Decimal(0)))}"]
    elif kind is AttestationKind.non_paiement:
        if paid:
            raise _not_eligible("Des paiements ont été versés sur cette période : une attestation de non-paiement "
                                "ne peut pas être délivrée.")
        body = [period, "La MSA certifie n'avoir versé aucune prestation à l'assuré(e) sur cette période."]
    elif kind is AttestationKind.medecin_traitant:
        if not row["doctor"]:
            raise _not_eligible("Aucun médecin traitant n'est déclaré à votre nom.")
        body = [f"Médecin traitant déclaré : {row['doctor']}.", f"Situation au {ctx.today:%d/%m/%Y}."]
    elif kind is AttestationKind.droits_maladie:
        household = ctx.store.all("SELECT * FROM household WHERE member_id = ? ORDER BY ord", (me.id,))
        if person is not None:
            body = [period, f"{person['first_name']} {person['last_name']} ({person['relation']}), ayant droit de "
                            f"{me.first_name} {me.last_name}, bénéficie des prestations de l'assurance maladie de "
                            "la MSA sur cette période."]
        else:
            body = [period,
                    "L'assuré(e) bénéficie des prestations de l'assurance maladie de la MSA sur cette période."]
            body += [f"Ayant droit : {h['first_name']} {h['last_name']} ({h['relation']})" for h in household]
        body += ["", "Vaccination Covid-19 : la MSA ne détient pas le certificat de vaccination ; il se télécharge "
                     "sur le portail national de l'Assurance maladie."]
    elif kind is AttestationKind.droits_rsa:
        ever = ctx.store.one("SELECT COUNT(*) AS n FROM payments WHERE member_id = ? AND domain = 'rsa'", (me.id,))
        rsa = [p for p in paid if p["domain"] == "rsa"]
        if not ever or not ever["n"] or not rsa:
            raise _not_eligible("Vous n'avez pas de droit au RSA sur cette période.")
        body = [period, "L'assuré(e) bénéficie du revenu de solidarité active. Montants versés :", ""]
        body += [f"{p['date'][8:10]}/{p['date'][5:7]}/{p['date'][:4]}  {p['label']}  {euros(p['amount'])}" for p in rsa]
    service = caisse(me.caisse)
    address = json.loads(row["address"])
    header = [service.name, service.address.line1, f"{service.address.postal_code} {service.address.city}", "",
              f"{me.first_name} {me.last_name}", f"NIR : {me.nir}", address["line1"],
              f"{address['postal_code']} {address['city']}"]
    body += ["", f"Fait le {ctx.today:%d/%m/%Y}, pour servir et valoir ce que de droit.", service.name]
    created = datetime.combine(ctx.today, time(8), ZoneInfo("Europe/Paris"))
    data = make_pdf(TITLES[kind], header, body, created=created)
    who = f"-{person['first_name'].lower()}" if person is not None else ""
    filename = f"attestation-{kind.value}{who}-{end:%Y%m%d}.pdf"
    return Response(data, media_type="application/pdf",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
