"""The API contract — messages: threads with the MSA and their messages."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from .common import MemberBody, MemberText, RequestBody, ResponseBody, ServerBody, ServerText
from .procurations import ActingBy


class Author(StrEnum):
    member = "member"
    msa = "msa"


class Message(ResponseBody):
    id: ServerText
    author: Author
    body: ServerBody
    sent_at: datetime
    read: bool = True
    acting_by: ActingBy | None = None
    """Set when a grantee wrote it through a procuration (procurations: acting for a principal)."""


class ThreadSummary(ResponseBody):
    id: ServerText
    subject: ServerText
    topic: ServerText
    updated_at: datetime
    unread: int
    awaiting_reply: bool
    """True when the MSA asked something and the member has not answered."""
    last_excerpt: ServerText


class Thread(ThreadSummary):
    messages: list[Message]


class NewThread(RequestBody):
    subject: MemberText = Field(min_length=1, max_length=120)
    topic: MemberText = Field(min_length=1, max_length=60)
    body: MemberBody = Field(min_length=1, max_length=5000)


class NewMessage(RequestBody):
    body: MemberBody = Field(min_length=1, max_length=5000)
