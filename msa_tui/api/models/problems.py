"""The API contract's errors: RFC 9457 problem documents and their stable machine codes.

Both sides need these: the server to answer, the client to map an answer to a typed error.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .common import ResponseBody, ServerText


class Code:
    """The machine `code` of every problem the server sends. Stable: scripts rely on them."""

    invalid_credentials = "invalid_credentials"
    account_locked = "account_locked"
    unauthorized = "unauthorized"
    """Missing, invalid, expired or revoked access token."""
    invalid_refresh_token = "invalid_refresh_token"
    invalid_code = "invalid_code"
    already_registered = "already_registered"
    unknown_member = "unknown_member"
    validation_error = "validation_error"
    not_found = "not_found"
    file_too_large = "file_too_large"
    unsupported_type = "unsupported_type"
    empty_file = "empty_file"
    too_many_files = "too_many_files"
    medical_document = "medical_document"
    attestation_required = "attestation_required"
    idempotency_key_required = "idempotency_key_required"
    missing_files = "missing_files"
    already_sent = "already_sent"
    not_eligible = "not_eligible"
    slot_taken = "slot_taken"
    already_filed = "already_filed"
    body_too_large = "body_too_large"
    internal_error = "internal_error"
    method_not_allowed = "method_not_allowed"
    """An HTTP method the path does not support (405)."""
    too_many_requests = "too_many_requests"
    """Per-address or per-account rate limit (429, with Retry-After)."""
    weak_password = "weak_password"
    """The new password breaks the password policy (422, French detail says what to change)."""
    idempotency_key_reused = "idempotency_key_reused"
    """The same Idempotency-Key came back with another body (422)."""
    quota_exceeded = "quota_exceeded"
    """Too many drafts or too many stored bytes for one member (409/413)."""
    misdirected_request = "misdirected_request"
    """A Host header that is not the server's own address (421)."""
    wrong_password = "wrong_password"
    """The current password, asked again to change a security setting, is wrong (422)."""


class FieldError(ResponseBody):
    field: ServerText
    message: ServerText


class Problem(BaseModel):
    """RFC 9457 problem details, with a stable machine `code`."""

    # RFC 9457 lets a problem carry extension members: keep them rather than drop them.
    model_config = ConfigDict(extra="allow", defer_build=True)  # built on first use, as the other models

    # Shown to the member (detail, field messages): cleaned like every server text.
    type: ServerText = "about:blank"
    title: ServerText
    status: int
    detail: ServerText
    code: ServerText
    errors: list[FieldError] = Field(default_factory=list)
    retry_after: int | None = None
    """Seconds until the action may succeed (lockout)."""
