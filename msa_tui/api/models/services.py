"""The API contract's services catalogue, requests (démarches) with their forms, and declarations."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import Model
from .submissions import Choice


# --- services catalogue ------------------------------------------------------


class Service(Model):
    code: str
    label: str
    kind: Literal["request", "declaration", "consultation", "page", "external"]
    request_type: str | None = None
    """For `request`: the type to file under `/requests`."""


class ServiceCategory(Model):
    code: str
    label: str
    services: list[Service]


# --- requests (démarches) ---------------------------------------------------


class FormField(Model):
    name: str
    label: str
    kind: Literal["text", "number", "date", "choice", "bool", "money"]
    required: bool = True
    choices: list[Choice] = Field(default_factory=list)
    max_length: int | None = None
    help: str | None = None


class RequestForm(Model):
    """A form definition sent by the server for one request type."""

    type: str
    label: str
    fields: list[FormField]


class RequestStatus(StrEnum):
    brouillon = "brouillon"
    deposee = "deposee"
    en_cours = "en_cours"
    pieces_demandees = "pieces_demandees"
    acceptee = "acceptee"
    refusee = "refusee"


class StatusEvent(Model):
    status: RequestStatus
    at: datetime
    comment: str | None = None


class RequestSummary(Model):
    id: str
    type: str
    label: str
    status: RequestStatus
    filed_at: datetime
    updated_at: datetime


class Request(RequestSummary):
    answers: dict[str, str | int | float | bool | None]
    timeline: list[StatusEvent]


class RequestCreate(Model):
    type: str
    answers: dict[str, str | int | float | bool | None]


# --- declarations -----------------------------------------------------------


class DeclarationStatus(StrEnum):
    a_faire = "a_faire"
    deposee = "deposee"


class Declaration(Model):
    id: str
    benefit: Literal["rsa", "prime_activite", "logement"]
    quarter: str = Field(pattern=r"^[0-9]{4}-T[1-4]$")
    status: DeclarationStatus
    due_date: date
    filed_at: datetime | None = None
    resources: dict[str, float] | None = None


class DeclarationFile(Model):
    resources: dict[str, float]
    """Amounts in euros by resource kind (salaires, chomage, pensions, autres)."""
