"""The API contract: pydantic models shared by the mock server and the client.

One package, a module per area; every model is re-exported here, so `from msa_tui.api.models import X`
and `models.X` name the same class wherever it is defined.
"""

from __future__ import annotations

from .common import (
    API_PREFIX,
    RequestBody,
    ResponseBody,
    Page,
    Money,
    EMAIL_PATTERN,
    NIR_PATTERN,
    Email,
    ServerText,
    ServerBody,
    MemberText,
    MemberBody,
)
from .problems import (
    Code,
    FieldError,
    Problem,
)
from .auth import (
    LoginRequest,
    TokenPair,
    RefreshRequest,
    RegisterRequest,
    VerifyRequest,
    PasswordResetRequest,
    PasswordResetConfirm,
    Accepted,
    MailCopy,
    OutboxMail,
)
from .member import (
    Relation,
    Address,
    AddressUpdate,
    HouseholdMember,
    Me,
    ContactUpdate,
    ServiceContact,
)
from .messages import (
    Author,
    Message,
    ThreadSummary,
    Thread,
    NewThread,
    NewMessage,
)
from .documents import (
    Direction,
    Document,
)
from .submissions import (
    Choice,
    SubmissionConstraints,
    DocumentSpec,
    SubmissionCreate,
    StoredFile,
    SubmissionDocument,
    SubmissionStatus,
    Submission,
    SendRequest,
    Receipt,
)
from .payments import (
    Domain,
    Payment,
)
from .attestations import (
    AttestationKind,
)
from .quotient import (
    QuotientFamilial,
)
from .services import (
    Service,
    ServiceCategory,
)
from .requests import (
    FormField,
    RequestForm,
    RequestStatus,
    StatusEvent,
    RequestSummary,
    Request,
    RequestCreate,
)
from .declarations import (
    DeclarationStatus,
    Declaration,
    DeclarationFile,
)
from .appointments import (
    Slot,
    Appointment,
    AppointmentCreate,
)
from .procurations import (
    ProcurationStatus,
    Procuration,
    ProcurationCreate,
)
from .assistance import (
    OpeningSlot,
    Assistance,
)

__all__ = [
    "EMAIL_PATTERN",
    "Email",
    "NIR_PATTERN",
    "API_PREFIX",
    "RequestBody",
    "ResponseBody",
    "ServerText",
    "ServerBody",
    "MemberText",
    "MemberBody",
    "Page",
    "Money",
    "Code",
    "FieldError",
    "Problem",
    "LoginRequest",
    "TokenPair",
    "RefreshRequest",
    "RegisterRequest",
    "VerifyRequest",
    "PasswordResetRequest",
    "PasswordResetConfirm",
    "Accepted",
    "MailCopy",
    "OutboxMail",
    "Relation",
    "Address",
    "AddressUpdate",
    "HouseholdMember",
    "Me",
    "ContactUpdate",
    "ServiceContact",
    "Author",
    "Message",
    "ThreadSummary",
    "Thread",
    "NewThread",
    "NewMessage",
    "Direction",
    "Document",
    "Choice",
    "SubmissionConstraints",
    "DocumentSpec",
    "SubmissionCreate",
    "StoredFile",
    "SubmissionDocument",
    "SubmissionStatus",
    "Submission",
    "SendRequest",
    "Receipt",
    "Domain",
    "Payment",
    "AttestationKind",
    "QuotientFamilial",
    "Service",
    "ServiceCategory",
    "FormField",
    "RequestForm",
    "RequestStatus",
    "StatusEvent",
    "RequestSummary",
    "Request",
    "RequestCreate",
    "DeclarationStatus",
    "Declaration",
    "DeclarationFile",
    "Slot",
    "Appointment",
    "AppointmentCreate",
    "ProcurationStatus",
    "Procuration",
    "ProcurationCreate",
    "OpeningSlot",
    "Assistance",
]
