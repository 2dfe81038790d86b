"""The contract's plain names, with no pydantic: where the API lives, problem codes, payment domains.

They live apart from the models so that what only names them (the typed errors, the command line's
read path, `core.payments`) loads no pydantic; `problems` and `payments` re-export them.
"""

from __future__ import annotations

from enum import StrEnum

API_PREFIX = "/api/v1"
"""Where the API lives on its server; the client and the mock server both use it."""

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
    procuration_not_active = "procuration_not_active"
    """Acting through a procuration that is not (or no longer) active: asked for, or revoked (403)."""
    procuration_out_of_scope = "procuration_out_of_scope"
    """Acting through a procuration beyond what it allows (403)."""
    procuration_wrong_party = "procuration_wrong_party"
    """Only the grantor revokes a procuration, only the person named accepts or uses it (403)."""
    wrong_password = "wrong_password"
    """The current password, asked again to change a security setting, is wrong (422)."""


class Domain(StrEnum):
    sante = "sante"
    famille = "famille"
    retraite = "retraite"
    action_sanitaire_sociale = "action_sanitaire_sociale"
    rsa = "rsa"
    prime_activite = "prime_activite"
    logement = "logement"
    invalidite = "invalidite"
