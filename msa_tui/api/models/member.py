"""The API contract's member: profile, household, contact details and the caisse's contacts."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated

from pydantic import Field

from .common import Email, RequestBody, ResponseBody, ServerText


# --- member -----------------------------------------------------------------


class Relation(StrEnum):
    conjoint = "conjoint"
    enfant = "enfant"
    autre = "autre"


PostalCode = Annotated[str, Field(pattern=r"^(0[1-9]|[1-8][0-9]|9[0-8]|2[AB])[0-9]{3}$|^[0-9]{5}$")]


class Address(ResponseBody):
    line1: ServerText = Field(min_length=1, max_length=120)
    line2: ServerText | None = Field(default=None, max_length=120)
    postal_code: PostalCode
    city: ServerText = Field(min_length=1, max_length=80)


class AddressUpdate(RequestBody):
    """The address a member sends: the same fields as `Address`, but an unknown one is refused.

    Cleaned rather than refused: a member may send back what the server showed."""

    line1: ServerText = Field(min_length=1, max_length=120)
    line2: ServerText | None = Field(default=None, max_length=120)
    postal_code: PostalCode
    city: ServerText = Field(min_length=1, max_length=80)


class HouseholdMember(ResponseBody):
    id: ServerText
    first_name: ServerText
    last_name: ServerText
    relation: Relation
    birth_date: date | None = None


class Me(ResponseBody):
    id: ServerText
    nir: ServerText
    first_name: ServerText
    last_name: ServerText
    email: ServerText
    phone: ServerText | None
    address: Address
    household: list[HouseholdMember]
    caisse: ServerText
    """The member's MSA (e.g. "MSA Midi-Pyrénées Nord")."""


class ContactUpdate(RequestBody):
    """`PATCH /me/contact`: any field left out is unchanged."""

    email: Email | None = None
    phone: str | None = Field(default=None, pattern=r"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$")
    address: AddressUpdate | None = None


class ServiceContact(ResponseBody):
    """An MSA service with its postal address and channels."""

    name: ServerText
    address: Address
    phone: ServerText
    email: ServerText
