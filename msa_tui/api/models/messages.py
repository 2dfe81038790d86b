"""The API contract — messages: threads with the MSA and their messages."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from .common import RequestBody, ResponseBody


class Author(StrEnum):
    member = "member"
    msa = "msa"


class Message(ResponseBody):
    id: str
    author: Author
    body: str
    sent_at: datetime
    read: bool = True


class ThreadSummary(ResponseBody):
    id: str
    subject: str
    topic: str
    updated_at: datetime
    unread: int
    awaiting_reply: bool
    """True when the MSA asked something and the member has not answered."""
    last_excerpt: str


class Thread(ThreadSummary):
    messages: list[Message]


class NewThread(RequestBody):
    subject: str = Field(min_length=1, max_length=120)
    topic: str = Field(min_length=1, max_length=60)
    body: str = Field(min_length=1, max_length=5000)


class NewMessage(RequestBody):
    body: str = Field(min_length=1, max_length=5000)
