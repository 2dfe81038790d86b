"""The API contract's member: profile, household, contact details and the caisse's contacts."""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from pydantic import Field

from .common import Email, Model, ServerText


# --- member -----------------------------------------------------------------


class Relation(StrEnum):
    conjoint = "conjoint"
    enfant = "enfant"
    autre = "autre"


class Address(Model):
    line1: ServerText = Field(min_length=1, max_length=120)
    line2: ServerText | None = Field(default=None, max_length=120)
    postal_code: str = Field(pattern=r"^(0[1-9]|[1-8][0-9]|9[0-8]|2[AB])[0-9]{3}$|^[0-9]{5}$")
    city: ServerText = Field(min_length=1, max_length=80)


class HouseholdMember(Model):
    id: ServerText
    first_name: ServerText
    last_name: ServerText
    relation: Relation
    birth_date: date | None = None


class Me(Model):
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


class ContactUpdate(Model):
    """`PATCH /me/contact`: any field left out is unchanged."""

    email: Email | None = None
    phone: str | None = Field(default=None, pattern=r"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$")
    address: Address | None = None


class ServiceContact(Model):
    """An MSA service with its postal address and channels."""

    name: ServerText
    address: Address
    phone: ServerText
    email: ServerText
