"""The API contract — appointments: the free slots and the member's bookings."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from .common import MemberText, RequestBody, ResponseBody, ServerText


class Slot(ResponseBody):
    id: ServerText
    starts_at: datetime
    duration_minutes: int
    place: ServerText
    mode: Literal["agence", "telephone", "visio"]


class Appointment(ResponseBody):
    id: ServerText
    slot: Slot
    topic: ServerText
    booked_at: datetime
    phone: ServerText | None = None
    """For a phone appointment: the number the MSA will call."""


class AppointmentCreate(RequestBody):
    slot_id: str
    topic: MemberText = Field(min_length=1, max_length=200)
    phone: str | None = Field(default=None, pattern=r"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$")
    """For a phone slot: the number to call for this appointment (default: the member's phone)."""
