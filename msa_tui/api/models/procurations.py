"""The API contract — procurations: given to and received from another member."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberText, NIR_PATTERN, RequestBody, ResponseBody, ServerText


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    active = "active"
    revoquee = "revoquee"


class Procuration(ResponseBody):
    id: ServerText
    grantor_name: ServerText
    grantee_name: ServerText
    direction: Literal["given", "received"]
    scope: ServerText
    status: ProcurationStatus
    since: date


class ProcurationCreate(RequestBody):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: MemberText = Field(min_length=1, max_length=120)
    scope: MemberText = Field(min_length=1, max_length=200)
