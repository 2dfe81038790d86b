"""The three demo MSA caisses: contact details, service médical and agencies (invented addresses)."""

from __future__ import annotations

from msa_tui.api.models import Address, ServiceContact

MPN = "MSA Midi-Pyrénées Nord"
ARMORIQUE = "MSA d'Armorique"
CORSE = "MSA de la Corse"

_CAISSES: dict[str, ServiceContact] = {
    MPN: ServiceContact(
        name=MPN,
        address=Address(line1="14 avenue Victor Hugo", line2="CS 13110", postal_code="12031", city="Rodez Cedex 9"),
        phone="05 65 75 39 39",
        email="contact@mpn.msa.fr",
    ),
    ARMORIQUE: ServiceContact(
        name=ARMORIQUE,
        address=Address(line1="3 rue de Kerivoal", line2="CS 60037", postal_code="29107", city="Quimper Cedex"),
        phone="02 98 85 79 79",
        email="contact@armorique.msa.fr",
    ),
    CORSE: ServiceContact(
        name=CORSE,
        address=Address(line1="10 avenue Noël Franchini", line2="BP 317", postal_code="20178", city="Ajaccio Cedex 1"),
        phone="04 95 29 18 18",
        email="contact@corse.msa.fr",
    ),
}

_MEDICAL: dict[str, ServiceContact] = {
    MPN: ServiceContact(
        name=f"Service médical — {MPN}",
        address=Address(line1="180 avenue Marcel Unal", postal_code="82000", city="Montauban"),
        phone="05 63 21 60 60",
        email="service.medical@mpn.msa.fr",
    ),
    ARMORIQUE: ServiceContact(
        name=f"Service médical — {ARMORIQUE}",
        address=Address(line1="12 rue de Paris", line2="CS 10042", postal_code="29000", city="Quimper"),
        phone="02 98 85 79 80",
        email="service.medical@armorique.msa.fr",
    ),
    CORSE: ServiceContact(
        name=f"Service médical — {CORSE}",
        address=Address(line1="8 boulevard Sampiero", postal_code="20000", city="Ajaccio"),
        phone="04 95 29 18 20",
        email="service.medical@corse.msa.fr",
    ),
}

AGENCIES: dict[str, list[str]] = {
    MPN: ["Agence MSA de Rodez, 14 avenue Victor Hugo, 12000 Rodez",
          "Agence MSA de Villefranche-de-Rouergue, 5 rue du Sergent Bories, 12200 Villefranche-de-Rouergue"],
    ARMORIQUE: ["Agence MSA de Quimper, 3 rue de Kerivoal, 29000 Quimper",
                "Agence MSA de Châteaulin, 2 quai Robert Alba, 29150 Châteaulin"],
    CORSE: ["Agence MSA d'Ajaccio, 10 avenue Noël Franchini, 20000 Ajaccio",
            "Agence MSA de Propriano, 4 rue du Général de Gaulle, 20110 Propriano"],
}


def caisse(name: str) -> ServiceContact:
    return _CAISSES.get(name, _CAISSES[MPN])


def service_medical(name: str) -> ServiceContact:
    return _MEDICAL.get(name, _MEDICAL[MPN])


def postal_line(contact: ServiceContact) -> str:
    """One line for a French sentence: "Name, street, (line2,) postcode city"."""
    a = contact.address
    parts = [contact.name, a.line1] + ([a.line2] if a.line2 else []) + [f"{a.postal_code} {a.city}"]
    return ", ".join(parts)


def caisse_for_nir(nir: str) -> str:
    """The caisse a newly registered member is attached to, from the département in the NIR."""
    dept = nir[5:7]
    if dept in ("2A", "2B"):
        return CORSE
    if dept in ("22", "29", "35", "56"):
        return ARMORIQUE
    return MPN
