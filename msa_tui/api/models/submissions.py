"""The API contract's « envoyer un document »: constraints, submissions, stored files, receipts."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberText, RequestBody, ResponseBody, ServerBody, ServerText
from .member import ServiceContact


# --- submissions (send a document) ------------------------------------------


class Choice(ResponseBody):
    code: ServerText
    label: ServerText


class SubmissionConstraints(ResponseBody):
    objects: list[Choice]
    natures: list[Choice]
    medical_natures: list[str]
    allowed_types: list[str]
    """MIME types accepted, checked by content."""
    max_file_bytes: int
    max_files_per_document: int
    max_documents: int
    max_motif_length: int = 250


class DocumentSpec(RequestBody):
    nature: str = Field(min_length=1)
    person_id: str = Field(min_length=1)
    motif: MemberText = Field(min_length=1, max_length=250)


class SubmissionCreate(RequestBody):
    object: str = Field(min_length=1)
    documents: list[DocumentSpec] = Field(min_length=1)
    request_id: str | None = Field(default=None, min_length=1, max_length=100)
    """The démarche whose pièces demandées these documents are (issue 14); its alert ends once sent."""


class StoredFile(ResponseBody):
    file_id: ServerText
    name: ServerText
    size: int
    sha256: ServerText
    content_type: ServerText


class SubmissionDocument(ResponseBody):
    """A document of a submission as the server holds it (what `DocumentSpec` asked, plus its files)."""

    nature: str
    person_id: str
    motif: str
    index: int
    files: list[StoredFile]


class SubmissionStatus(StrEnum):
    draft = "draft"
    sent = "sent"


class Submission(ResponseBody):
    id: ServerText
    object: ServerText
    status: SubmissionStatus
    created_at: datetime
    documents: list[SubmissionDocument]


class SendRequest(RequestBody):
    attestation: bool


class Receipt(ResponseBody):
    """The accusé de réception."""

    reference: ServerText
    submission_id: ServerText
    received_at: datetime
    object: ServerText
    object_label: ServerText
    service: ServiceContact
    decision_deadline: date | None
    """The date by which silence would be a decision, where one applies."""
    silence_means: Literal["acceptation", "rejet"] | None = None
    appeal_routes: ServerBody
    """Voies et délais de recours (CRPA R112-5)."""
    documents: list[SubmissionDocument]
