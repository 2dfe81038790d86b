"""The API contract's « envoyer un document »: constraints, submissions, stored files, receipts."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import RequestBody, ResponseBody
from .member import ServiceContact


# --- submissions (send a document) ------------------------------------------


class Choice(ResponseBody):
    code: str
    label: str


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
    motif: str = Field(min_length=1, max_length=250)


class SubmissionCreate(RequestBody):
    object: str = Field(min_length=1)
    documents: list[DocumentSpec] = Field(min_length=1)


class StoredFile(ResponseBody):
    file_id: str
    name: str
    size: int
    sha256: str
    content_type: str


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
    id: str
    object: str
    status: SubmissionStatus
    created_at: datetime
    documents: list[SubmissionDocument]


class SendRequest(RequestBody):
    attestation: bool


class Receipt(ResponseBody):
    """The accusé de réception."""

    reference: str
    submission_id: str
    received_at: datetime
    object: str
    object_label: str
    service: ServiceContact
    decision_deadline: date | None
    """The date by which silence would be a decision, where one applies."""
    silence_means: Literal["acceptation", "rejet"] | None = None
    appeal_routes: str
    """Voies et délais de recours (CRPA R112-5)."""
    documents: list[SubmissionDocument]
