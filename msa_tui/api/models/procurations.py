"""The API contract — procurations: given to and received from another member, accepted, acted upon."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberText, NIR_PATTERN, RequestBody, ResponseBody, ServerText


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    """Asked for by the grantor: the person named must accept it before it can be used."""
    active = "active"
    revoquee = "revoquee"


class ProcurationRight(StrEnum):
    """What a grantee may do in the principal's space; the server checks every route against them."""

    consulter = "consulter"
    """Read payments, documents and attestations."""
    echanger = "echanger"
    """Write to the MSA: messages and documents sent."""
    demarches = "demarches"
    """Démarches, declarations, quotient familial, appointments."""


class Procuration(ResponseBody):
    id: ServerText
    grantor_name: ServerText
    grantee_name: ServerText
    direction: Literal["given", "received"]
    scope: ServerText
    status: ProcurationStatus
    since: date
    rights: list[ProcurationRight] = Field(default_factory=list)
    """What the grantee may do online; empty: nothing (a scope in the grantor's own words only)."""


class ProcurationCreate(RequestBody):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: MemberText = Field(min_length=1, max_length=120)
    scope: MemberText = Field(min_length=1, max_length=200)
    # The rights' names inline (not the enum's schema): a schema is either sent or answered, never both.
    rights: list[Literal["consulter", "echanger", "demarches"]] = Field(default_factory=list, max_length=3)


class ActingBy(ResponseBody):
    """Who acted through a procuration, on a receipt or a message sent in the principal's name."""

    actor_name: ServerText
    principal_name: ServerText
