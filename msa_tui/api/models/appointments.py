"""The API contract — appointments: the free slots and the member's bookings."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .common import RequestBody, ResponseBody


class Slot(ResponseBody):
    id: str
    starts_at: datetime
    duration_minutes: int
    place: str
    mode: Literal["agence", "telephone", "visio"]


class Appointment(ResponseBody):
    id: str
    slot: Slot
    topic: str
    booked_at: datetime


class AppointmentCreate(RequestBody):
    slot_id: str
    topic: str = Field(min_length=1, max_length=200)
