"""The API contract — requests (démarches): their form definitions, filing and status timeline."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberBody, RequestBody, ResponseBody, ServerBody, ServerText
from .submissions import Choice


class FormField(ResponseBody):
    name: ServerText
    label: ServerText
    kind: Literal["text", "number", "date", "choice", "bool", "money"]
    required: bool = True
    choices: list[Choice] = Field(default_factory=list)
    max_length: int | None = None
    help: ServerBody | None = None


class RequestForm(ResponseBody):
    """A form definition sent by the server for one request type."""

    type: ServerText
    label: ServerText
    fields: list[FormField]


class RequestStatus(StrEnum):
    brouillon = "brouillon"
    deposee = "deposee"
    en_cours = "en_cours"
    pieces_demandees = "pieces_demandees"
    acceptee = "acceptee"
    refusee = "refusee"


class StatusEvent(ResponseBody):
    status: RequestStatus
    at: datetime
    comment: ServerBody | None = None


class RequestSummary(ResponseBody):
    id: ServerText
    type: ServerText
    label: ServerText
    status: RequestStatus
    filed_at: datetime
    updated_at: datetime
    reference: ServerText | None = None
    """The number the MSA gives a filed démarche (DEM-<year>-<6 digits>), to quote when asking about it."""


class Request(RequestSummary):
    answers: dict[str, ServerBody | int | float | bool | None]
    timeline: list[StatusEvent]


class RequestCreate(RequestBody):
    type: str
    answers: dict[str, MemberBody | int | float | bool | None]
