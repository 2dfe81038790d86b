"""The API contract — payments: one line of the member's history, by domain."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .common import Money, ResponseBody, ServerText


class Domain(StrEnum):
    sante = "sante"
    famille = "famille"
    retraite = "retraite"
    action_sanitaire_sociale = "action_sanitaire_sociale"
    rsa = "rsa"
    prime_activite = "prime_activite"
    logement = "logement"
    invalidite = "invalidite"


class Payment(ResponseBody):
    id: ServerText
    date: date
    amount: Money
    """Euros, positive."""
    domain: Domain
    label: ServerText
    beneficiary: ServerText | None = None
