"""The API contract's appointments, procurations and the assistance opening hours."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import Model, NIR_PATTERN


# --- appointments -----------------------------------------------------------


class Slot(Model):
    id: str
    starts_at: datetime
    duration_minutes: int
    place: str
    mode: Literal["agence", "telephone", "visio"]


class Appointment(Model):
    id: str
    slot: Slot
    topic: str
    booked_at: datetime


class AppointmentCreate(Model):
    slot_id: str
    topic: str = Field(min_length=1, max_length=200)


# --- procurations -----------------------------------------------------------


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    active = "active"
    revoquee = "revoquee"


class Procuration(Model):
    id: str
    grantor_name: str
    grantee_name: str
    direction: Literal["given", "received"]
    scope: str
    status: ProcurationStatus
    since: date


class ProcurationCreate(Model):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: str = Field(min_length=1, max_length=120)
    scope: str = Field(min_length=1, max_length=200)


# --- assistance -------------------------------------------------------------


class OpeningSlot(Model):
    weekday: int = Field(ge=0, le=6)
    """0 = Monday."""
    opens: str
    closes: str


class Assistance(Model):
    phone: str
    timezone: str
    hours: list[OpeningSlot]
    open_now: bool
