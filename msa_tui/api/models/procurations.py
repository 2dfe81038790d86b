"""The API contract — procurations: given to and received from another member."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberText, Model, NIR_PATTERN, ServerText


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    active = "active"
    revoquee = "revoquee"


class Procuration(Model):
    id: ServerText
    grantor_name: ServerText
    grantee_name: ServerText
    direction: Literal["given", "received"]
    scope: ServerText
    status: ProcurationStatus
    since: date


class ProcurationCreate(Model):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: MemberText = Field(min_length=1, max_length=120)
    scope: MemberText = Field(min_length=1, max_length=200)
