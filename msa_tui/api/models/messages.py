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


MAX_ATTACHMENTS = 5
"""Files one message may carry: as many as one document of the send-document wizard."""


class Attachment(ResponseBody):
    """A file carried by a message (or uploaded for one not yet sent: `message_id` is then None)."""

    id: ServerText
    name: ServerText
    size: int
    sha256: ServerText
    content_type: ServerText
    nature: ServerText | None = None
    """The kind of document (a code of the constraints' natures); None for the MSA's own files."""


class Message(ResponseBody):
    id: ServerText
    author: Author
    body: ServerBody
    sent_at: datetime
    read: bool = True
    attachments: list[Attachment] = []
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
    attachments: list[str] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)
    """Ids of files uploaded beforehand (PUT /attachments/files), each carried by this message only."""


class NewMessage(RequestBody):
    body: MemberBody = Field(min_length=1, max_length=5000)
    attachments: list[str] = Field(default_factory=list, max_length=MAX_ATTACHMENTS)
