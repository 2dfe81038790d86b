"""The API contract — assistance: the opening hours and phone of the member's help line."""

from __future__ import annotations


from datetime import datetime

from pydantic import Field

from .common import ResponseBody, ServerText


class OpeningSlot(ResponseBody):
    weekday: int = Field(ge=0, le=6)
    """0 = Monday."""
    opens: ServerText
    closes: ServerText


class Assistance(ResponseBody):
    phone: ServerText
    timezone: ServerText
    hours: list[OpeningSlot]
    open_now: bool
    next_opening: datetime | None = None
    """When closed: the moment it opens next (Paris time)."""
