"""The API contract — documents exchanged with the MSA, both ways."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum


from .common import ResponseBody, ServerText


class Direction(StrEnum):
    sent = "sent"
    """From the member to the MSA."""
    received = "received"
    """From the MSA to the member."""


class Document(ResponseBody):
    id: ServerText
    title: ServerText
    direction: Direction
    date: datetime
    content_type: ServerText
    size: int
    submission_reference: ServerText | None = None
