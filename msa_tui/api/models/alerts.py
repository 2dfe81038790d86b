"""The API contract — alerts: what the dashboard tells the member needs doing or has changed."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from pydantic import Field

from .common import ResponseBody, ServerText
from .requests import RequestStatus


class AlertKind(StrEnum):
    declaration_due = "declaration_due"
    """A quarterly declaration to file (`target_id` is the declaration, `due_date` its deadline)."""
    pieces_demandees = "pieces_demandees"
    """The MSA asks for documents on a démarche (`target_id` is the request)."""
    reply_awaited = "reply_awaited"
    """A thread waits for the member's answer (`target_id` is the thread)."""
    request_updated = "request_updated"
    """A démarche's status changed since the member's last visit (`target_id` is the request)."""


class Alert(ResponseBody):
    kind: AlertKind
    target_id: ServerText
    label: ServerText
    """What the alert is about: the benefit declared, the démarche, or the thread's subject."""
    at: datetime | None = None
    """When it happened (the status change, the MSA's last message); none for a declaration due."""
    due_date: date | None = None
    status: RequestStatus | None = None
    comment: ServerText | None = None
    """The MSA's words on the status change, when it gave some."""
    object: ServerText | None = None
    """For `pieces_demandees`: the send-document object (code) the pieces go under."""
    natures: list[ServerText] = Field(default_factory=list)
    """For `pieces_demandees`: the natures (codes) of the documents asked for."""


class Alerts(ResponseBody):
    items: list[Alert]
    last_visit: datetime | None
    """The end of the member's previous visit (a visit is one login session): changes after it are new."""
