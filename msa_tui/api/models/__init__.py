"""The API contract: pydantic models shared by the mock server and the client.

One package, a module per area; every model is re-exported here, so `from msa_tui.api.models import X`
and `models.X` name the same class wherever it is defined.

The package loads its modules on the first name asked of it (PEP 562): a process that never
touches a model never imports pydantic nor builds one (the shared patterns and the text cleaning
live in `msa_tui.api.rules`, which imports nothing).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
        LoginChallenge,
        LoginCode,
        PasswordChange,
        SecuritySettings,
        TwoFactorUpdate,
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
        Attachment,  # message attachments
        MAX_ATTACHMENTS,
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
        ReceiptSender,
        SentStatus,
        SentSubmission,
    )
    from .payments import (
        Domain,
        Payment,
        MonthTotal,
        PaymentSummary,
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
        DeclaredAmount,
        DeclarationAmount,
        ResourceKind,
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
        ProcurationRight,  # procurations: acting for a principal
        ActingBy,  # procurations: acting for a principal
    )
    from .assistance import (
        OpeningSlot,
        Assistance,
    )
    from .alerts import (  # dashboard alerts (issue 14)
        AlertKind,
        Alert,
        Alerts,
    )

_EXPORTS: dict[str, tuple[str, ...]] = {
    "common": (
        "API_PREFIX", "RequestBody", "ResponseBody", "Page", "Money", "EMAIL_PATTERN", "NIR_PATTERN", "Email",
        "ServerText", "ServerBody", "MemberText", "MemberBody",
    ),
    "problems": ("Code", "FieldError", "Problem",),
    "auth": (
        "LoginRequest", "TokenPair", "RefreshRequest", "RegisterRequest", "VerifyRequest", "PasswordResetRequest",
        "PasswordResetConfirm", "Accepted", "MailCopy", "OutboxMail", "LoginChallenge", "LoginCode",
        "PasswordChange", "SecuritySettings", "TwoFactorUpdate",
    ),
    "member": ("Relation", "Address", "AddressUpdate", "HouseholdMember", "Me", "ContactUpdate", "ServiceContact",),
    "messages": (
        "Author", "Message", "ThreadSummary", "Thread", "NewThread", "NewMessage", "Attachment", "MAX_ATTACHMENTS",
    ),
    "documents": ("Direction", "Document",),
    "submissions": (
        "Choice", "SubmissionConstraints", "DocumentSpec", "SubmissionCreate", "StoredFile", "SubmissionDocument",
        "SubmissionStatus", "Submission", "SendRequest", "Receipt", "ReceiptSender", "SentStatus",
        "SentSubmission",
    ),
    "payments": ("Domain", "Payment", "MonthTotal", "PaymentSummary",),
    "attestations": ("AttestationKind",),
    "quotient": ("QuotientFamilial",),
    "services": ("Service", "ServiceCategory",),
    "requests": (
        "FormField", "RequestForm", "RequestStatus", "StatusEvent", "RequestSummary", "Request", "RequestCreate",
    ),
    "declarations": (
        "DeclarationStatus", "Declaration", "DeclarationFile", "DeclaredAmount", "DeclarationAmount",
        "ResourceKind",
    ),
    "appointments": ("Slot", "Appointment", "AppointmentCreate",),
    "procurations": ("ProcurationStatus", "Procuration", "ProcurationCreate", "ProcurationRight", "ActingBy",),
    "assistance": ("OpeningSlot", "Assistance",),
    "alerts": ("AlertKind", "Alert", "Alerts",),
}
"""Each module and the names it gives this package: the TYPE_CHECKING imports above (for the type
checker) and `__all__` below say the same, a test keeps the three equal."""

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
    "ReceiptSender",
    "SentStatus",
    "SentSubmission",
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
    "DeclaredAmount",
    "DeclarationAmount",
    "ResourceKind",
    "Slot",
    "Appointment",
    "AppointmentCreate",
    "ProcurationStatus",
    "Procuration",
    "ProcurationCreate",
    "OpeningSlot",
    "Assistance",
    "Attachment", "MAX_ATTACHMENTS",  # message attachments
    "ProcurationRight",  # procurations: acting for a principal
    "ActingBy",  # procurations: acting for a principal
    # account security and payments at a glance (issue 14, items 7 and 8)
    "LoginChallenge",
    "LoginCode",
    "PasswordChange",
    "SecuritySettings",
    "TwoFactorUpdate",
    "MonthTotal",
    "PaymentSummary",
    "AlertKind",  # dashboard alerts (issue 14)
    "Alert",
    "Alerts",
]

_HOME = {name: module for module, names in _EXPORTS.items() for name in names}


def __getattr__(name: str) -> Any:
    # Only the module that defines `name` (and what it imports itself): a session loads the models
    # of the pages it opens, not the whole contract (docs/benchmarks.md, « Memory »).
    module_name = _HOME.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    module = importlib.import_module(f".{module_name}", __name__)
    globals().update({key: getattr(module, key) for key in _EXPORTS[module_name]})
    return globals()[name]


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
