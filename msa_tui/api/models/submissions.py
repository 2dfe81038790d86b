"""The API contract's « envoyer un document »: constraints, submissions, stored files, receipts."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import Field

from .common import MemberText, RequestBody, ResponseBody, ServerBody, ServerText
from .member import ServiceContact
from .procurations import ActingBy


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


class ReceiptSender(ResponseBody):
    """Who sent: the member, named as the portal names them (NIR without its key)."""

    first_name: ServerText
    last_name: ServerText
    nir: ServerText


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
    acting_by: ActingBy | None = None
    """Set when a grantee sent it through a procuration (procurations: acting for a principal)."""
    sender: ReceiptSender | None = None
    """Absent from receipts written before senders were recorded."""


class SentStatus(StrEnum):
    """Where a sending stands, as « Mes envois » says it."""

    recu = "recu"
    """Received; a decision is awaited (or none is due)."""
    acceptee_implicitement = "acceptee_implicitement"
    rejetee_implicitement = "rejetee_implicitement"
    """The decision deadline passed without an answer: silence decided."""


class SentSubmission(ResponseBody):
    """One line of « Mes envois »: a submission sent, with its receipt's reference."""

    id: ServerText
    reference: ServerText
    received_at: datetime
    object: ServerText
    object_label: ServerText
    files: list[ServerText]
    """The names of the files sent, in order (none for a declaration filed online)."""
    status: SentStatus
    decision_deadline: date | None = None
