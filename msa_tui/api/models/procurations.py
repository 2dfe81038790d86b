"""The API contract — procurations: given to and received from another member."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import NIR_PATTERN, RequestBody, ResponseBody


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    active = "active"
    revoquee = "revoquee"


class Procuration(ResponseBody):
    id: str
    grantor_name: str
    grantee_name: str
    direction: Literal["given", "received"]
    scope: str
    status: ProcurationStatus
    since: date


class ProcurationCreate(RequestBody):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: str = Field(min_length=1, max_length=120)
    scope: str = Field(min_length=1, max_length=200)
