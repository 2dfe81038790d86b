"""The API contract's money: payments, attestation kinds and the quotient familial."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .common import Model


# --- payments ---------------------------------------------------------------


class Domain(StrEnum):
    sante = "sante"
    famille = "famille"
    retraite = "retraite"
    action_sanitaire_sociale = "action_sanitaire_sociale"
    rsa = "rsa"
    prime_activite = "prime_activite"
    logement = "logement"
    invalidite = "invalidite"


class Payment(Model):
    id: str
    date: date
    amount: float
    """Euros, positive."""
    domain: Domain
    label: str
    beneficiary: str | None = None


# --- attestations -----------------------------------------------------------


class AttestationKind(StrEnum):
    paiement = "paiement"
    non_paiement = "non_paiement"
    medecin_traitant = "medecin_traitant"
    droits_maladie = "droits_maladie"
    droits_rsa = "droits_rsa"


# --- quotient familial ------------------------------------------------------


class QuotientFamilial(Model):
    value: int
    year: int
    parts: float
    reference_income: float
    computed_at: date
