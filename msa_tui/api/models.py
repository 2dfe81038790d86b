"""The API contract: pydantic models shared by the mock server and the client."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum
from typing import Generic, Literal, TypeVar

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")

EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
Email = Annotated[str, Field(pattern=EMAIL_PATTERN, max_length=254)]

NIR_PATTERN = r"^[12][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])(2[AB]|[0-9]{2})[0-9]{6}$"
"""A NIR without its key, as the API accepts it (13 characters)."""


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class Page(Model, Generic[T]):
    """Every list answers `{items, next_cursor}`."""

    items: list[T]
    next_cursor: str | None = None


# --- errors -----------------------------------------------------------------


class FieldError(Model):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable machine `code`."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None
    """Seconds until the action may succeed (lockout)."""


# --- auth -------------------------------------------------------------------


class LoginRequest(Model):
    nir: str = Field(pattern=NIR_PATTERN)
    password: str = Field(min_length=1, max_length=256)


class TokenPair(Model):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"
    expires_in: int
    """Seconds of life of the access token."""


class RefreshRequest(Model):
    refresh_token: str


class RegisterRequest(Model):
    nir: str = Field(pattern=NIR_PATTERN)
    first_name: str = Field(min_length=1, max_length=80)
    last_name: str = Field(min_length=1, max_length=80)
    birth_date: date
    email: Email


class VerifyRequest(Model):
    nir: str = Field(pattern=NIR_PATTERN)
    code: str = Field(pattern=r"^[0-9]{6}$")
    password: str = Field(min_length=8, max_length=256)


class PasswordResetRequest(Model):
    nir: str = Field(pattern=NIR_PATTERN)
    email: Email


class PasswordResetConfirm(Model):
    nir: str = Field(pattern=NIR_PATTERN)
    code: str = Field(pattern=r"^[0-9]{6}$")
    password: str = Field(min_length=8, max_length=256)


class Accepted(Model):
    """202 answers: what happened, in French."""

    detail: str


class OutboxMail(Model):
    to: str
    subject: str
    body: str
    sent_at: datetime


# --- member -----------------------------------------------------------------


class Relation(StrEnum):
    conjoint = "conjoint"
    enfant = "enfant"
    autre = "autre"


class Address(Model):
    line1: str = Field(min_length=1, max_length=120)
    line2: str | None = Field(default=None, max_length=120)
    postal_code: str = Field(pattern=r"^(0[1-9]|[1-8][0-9]|9[0-8]|2[AB])[0-9]{3}$|^[0-9]{5}$")
    city: str = Field(min_length=1, max_length=80)


class HouseholdMember(Model):
    id: str
    first_name: str
    last_name: str
    relation: Relation
    birth_date: date | None = None


class Me(Model):
    id: str
    nir: str
    first_name: str
    last_name: str
    email: str
    phone: str | None
    address: Address
    household: list[HouseholdMember]
    caisse: str
    """The member's MSA (e.g. "MSA Midi-Pyrénées Nord")."""


class ContactUpdate(Model):
    """`PATCH /me/contact`: any field left out is unchanged."""

    email: Email | None = None
    phone: str | None = Field(default=None, pattern=r"^(\+33 ?|0)[1-9]( ?[0-9]{2}){4}$")
    address: Address | None = None


class ServiceContact(Model):
    """An MSA service with its postal address and channels."""

    name: str
    address: Address
    phone: str
    email: str


# --- messages ---------------------------------------------------------------


class Author(StrEnum):
    member = "member"
    msa = "msa"


class Message(Model):
    id: str
    author: Author
    body: str
    sent_at: datetime
    read: bool = True


class ThreadSummary(Model):
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


class NewThread(Model):
    subject: str = Field(min_length=1, max_length=120)
    topic: str = Field(min_length=1, max_length=60)
    body: str = Field(min_length=1, max_length=5000)


class NewMessage(Model):
    body: str = Field(min_length=1, max_length=5000)


# --- documents --------------------------------------------------------------


class Direction(StrEnum):
    sent = "sent"
    """From the member to the MSA."""
    received = "received"
    """From the MSA to the member."""


class Document(Model):
    id: str
    title: str
    direction: Direction
    date: datetime
    content_type: str
    size: int
    submission_reference: str | None = None


# --- submissions (send a document) ------------------------------------------


class Choice(Model):
    code: str
    label: str


class SubmissionConstraints(Model):
    objects: list[Choice]
    natures: list[Choice]
    medical_natures: list[str]
    allowed_types: list[str]
    """MIME types accepted, checked by content."""
    max_file_bytes: int
    max_files_per_document: int
    max_documents: int
    max_motif_length: int = 250


class DocumentSpec(Model):
    nature: str = Field(min_length=1)
    person_id: str = Field(min_length=1)
    motif: str = Field(min_length=1, max_length=250)


class SubmissionCreate(Model):
    object: str = Field(min_length=1)
    documents: list[DocumentSpec] = Field(min_length=1)


class StoredFile(Model):
    file_id: str
    name: str
    size: int
    sha256: str
    content_type: str


class SubmissionDocument(DocumentSpec):
    index: int
    files: list[StoredFile]


class SubmissionStatus(StrEnum):
    draft = "draft"
    sent = "sent"


class Submission(Model):
    id: str
    object: str
    status: SubmissionStatus
    created_at: datetime
    documents: list[SubmissionDocument]


class SendRequest(Model):
    attestation: bool


class Receipt(Model):
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


# --- payments ---------------------------------------------------------------


class Domain(StrEnum):
    sante = "sante"
    famille = "famille"
    retraite = "retraite"
    action_sanitaire_sociale = "action_sanitaire_sociale"
    rsa = "rsa"
    prime_activite = "prime_activite"
    logement = "logement"
    invalidite = "invalidite"


class Payment(Model):
    id: str
    date: date
    amount: float
    """Euros, positive."""
    domain: Domain
    label: str
    beneficiary: str | None = None


# --- attestations -----------------------------------------------------------


class AttestationKind(StrEnum):
    paiement = "paiement"
    non_paiement = "non_paiement"
    medecin_traitant = "medecin_traitant"
    droits_maladie = "droits_maladie"
    droits_rsa = "droits_rsa"


# --- services catalogue ------------------------------------------------------


class Service(Model):
    code: str
    label: str
    kind: Literal["request", "declaration", "consultation", "page", "external"]
    request_type: str | None = None
    """For `request`: the type to file under `/requests`."""


class ServiceCategory(Model):
    code: str
    label: str
    services: list[Service]


# --- requests (démarches) ---------------------------------------------------


class FormField(Model):
    name: str
    label: str
    kind: Literal["text", "number", "date", "choice", "bool", "money"]
    required: bool = True
    choices: list[Choice] = Field(default_factory=list)
    max_length: int | None = None
    help: str | None = None


class RequestForm(Model):
    """A form definition sent by the server for one request type."""

    type: str
    label: str
    fields: list[FormField]


class RequestStatus(StrEnum):
    brouillon = "brouillon"
    deposee = "deposee"
    en_cours = "en_cours"
    pieces_demandees = "pieces_demandees"
    acceptee = "acceptee"
    refusee = "refusee"


class StatusEvent(Model):
    status: RequestStatus
    at: datetime
    comment: str | None = None


class RequestSummary(Model):
    id: str
    type: str
    label: str
    status: RequestStatus
    filed_at: datetime
    updated_at: datetime


class Request(RequestSummary):
    answers: dict[str, str | int | float | bool | None]
    timeline: list[StatusEvent]


class RequestCreate(Model):
    type: str
    answers: dict[str, str | int | float | bool | None]


# --- declarations -----------------------------------------------------------


class DeclarationStatus(StrEnum):
    a_faire = "a_faire"
    deposee = "deposee"


class Declaration(Model):
    id: str
    benefit: Literal["rsa", "prime_activite", "logement"]
    quarter: str = Field(pattern=r"^[0-9]{4}-T[1-4]$")
    status: DeclarationStatus
    due_date: date
    filed_at: datetime | None = None
    resources: dict[str, float] | None = None


class DeclarationFile(Model):
    resources: dict[str, float]
    """Amounts in euros by resource kind (salaires, chomage, pensions, autres)."""


# --- quotient familial ------------------------------------------------------


class QuotientFamilial(Model):
    value: int
    year: int
    parts: float
    reference_income: float
    computed_at: date


# --- appointments -----------------------------------------------------------


class Slot(Model):
    id: str
    starts_at: datetime
    duration_minutes: int
    place: str
    mode: Literal["agence", "telephone", "visio"]


class Appointment(Model):
    id: str
    slot: Slot
    topic: str
    booked_at: datetime


class AppointmentCreate(Model):
    slot_id: str
    topic: str = Field(min_length=1, max_length=200)


# --- procurations -----------------------------------------------------------


class ProcurationStatus(StrEnum):
    demandee = "demandee"
    active = "active"
    revoquee = "revoquee"


class Procuration(Model):
    id: str
    grantor_name: str
    grantee_name: str
    direction: Literal["given", "received"]
    scope: str
    status: ProcurationStatus
    since: date


class ProcurationCreate(Model):
    grantee_nir: str = Field(pattern=NIR_PATTERN)
    grantee_name: str = Field(min_length=1, max_length=120)
    scope: str = Field(min_length=1, max_length=200)


# --- assistance -------------------------------------------------------------


class OpeningSlot(Model):
    weekday: int = Field(ge=0, le=6)
    """0 = Monday."""
    opens: str
    closes: str


class Assistance(Model):
    phone: str
    timezone: str
    hours: list[OpeningSlot]
    open_now: bool
