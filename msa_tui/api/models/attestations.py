"""The API contract — attestations: the kinds of PDF the member can ask for."""

from __future__ import annotations

from enum import StrEnum



class AttestationKind(StrEnum):
    paiement = "paiement"
    non_paiement = "non_paiement"
    medecin_traitant = "medecin_traitant"
    droits_maladie = "droits_maladie"
    droits_rsa = "droits_rsa"
