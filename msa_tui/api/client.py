"""The typed async client of the MSA portal API: one method per operation, models in, models out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, TypeAdapter

from . import models as m

T = TypeVar("T")

API_PREFIX = "/api/v1"

ProgressCallback = Callable[[int, int], None]
"""Called as (bytes_sent, total_bytes) while a file uploads."""

TokensChanged = Callable[[m.TokenPair | None], None]
"""Called when tokens are issued, refreshed or dropped (for the credential store)."""


class MsaClient:
    """One per session. Raises only `msa_tui.api.errors.ApiError` subclasses.

    `base_url` is the server root (e.g. "http://127.0.0.1:8765"); `transport` lets
    tests wire an `httpx.ASGITransport` to the mock server with no socket.
    """

    def __init__(
        self,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        timeout: float = 10.0,
        retries: int = 2,
        backoff: float = 0.2,
        on_tokens: TokensChanged | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.retries = retries
        self.backoff = backoff
        self.on_tokens = on_tokens
        self.tokens: m.TokenPair | None = None
        self._http = httpx.AsyncClient(
            base_url=self.base_url + API_PREFIX,
            transport=transport,
            timeout=httpx.Timeout(timeout),
            headers={"Accept": "application/json", "User-Agent": "msa-tui"},
        )

    # --- lifecycle -----------------------------------------------------------

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> MsaClient:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    @property
    def logged_in(self) -> bool:
        return self.tokens is not None

    # --- transport core (errors, retries, refresh): see _transport below -------

    async def _call(
        self,
        method: str,
        path: str,
        *,
        json: BaseModel | dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        auth: bool = True,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        """Send one request and return a 2xx response, or raise a typed ApiError.

        Retries with backoff only for idempotent methods (GET, PUT, DELETE) and on
        network errors or 502/503/504; refreshes the access token once on a 401
        when a refresh token is held, then replays the request.
        """
        raise NotImplementedError

    async def _get_model(self, path: str, model: type[T] | Any, **kw: Any) -> T:
        response = await self._call("GET", path, **kw)
        return self._parse(response, model)

    def _parse(self, response: httpx.Response, model: type[T] | Any) -> T:
        raise NotImplementedError

    # --- auth ----------------------------------------------------------------

    async def login(self, nir: str, password: str) -> m.TokenPair:
        """POST /auth/login. Keeps the tokens. InvalidCredentials, AccountLocked."""
        raise NotImplementedError

    async def logout(self) -> None:
        """POST /auth/logout: revokes the tokens server-side; forgets them locally even if that fails."""
        raise NotImplementedError

    async def refresh(self) -> m.TokenPair:
        """POST /auth/refresh with the held refresh token. SessionExpired when refused."""
        raise NotImplementedError

    def use_tokens(self, tokens: m.TokenPair | None) -> None:
        """Adopt tokens restored from the credential store (or drop them)."""
        raise NotImplementedError

    async def register(self, req: m.RegisterRequest) -> m.Accepted:
        """POST /auth/register → 202; a 6-digit code is e-mailed."""
        raise NotImplementedError

    async def verify_registration(self, nir: str, code: str, password: str) -> None:
        """POST /auth/register/verify: the account exists afterwards."""
        raise NotImplementedError

    async def request_password_reset(self, nir: str, email: str) -> m.Accepted:
        """POST /auth/password-reset → 202; a code is e-mailed if NIR and e-mail match."""
        raise NotImplementedError

    async def confirm_password_reset(self, nir: str, code: str, password: str) -> None:
        """POST /auth/password-reset/confirm."""
        raise NotImplementedError

    async def outbox(self) -> list[m.OutboxMail]:
        """GET /dev/outbox (mock server only): the e-mails "sent", newest last."""
        raise NotImplementedError

    # --- member --------------------------------------------------------------

    async def me(self) -> m.Me:
        """GET /me."""
        raise NotImplementedError

    async def update_contact(self, update: m.ContactUpdate) -> m.Me:
        """PATCH /me/contact."""
        raise NotImplementedError

    async def service_medical(self) -> m.ServiceContact:
        """GET /me/service-medical: the postal address for medical documents."""
        raise NotImplementedError

    # --- messages --------------------------------------------------------------

    async def threads(self, *, limit: int = 50, cursor: str | None = None) -> m.Page[m.ThreadSummary]:
        """GET /threads, newest first."""
        raise NotImplementedError

    async def thread(self, thread_id: str) -> m.Thread:
        """GET /threads/{id}; marks its messages read."""
        raise NotImplementedError

    async def new_thread(self, new: m.NewThread) -> m.Thread:
        """POST /threads."""
        raise NotImplementedError

    async def reply(self, thread_id: str, body: str) -> m.Thread:
        """POST /threads/{id}/messages."""
        raise NotImplementedError

    # --- documents -------------------------------------------------------------

    async def documents(
        self, *, direction: m.Direction | None = None, limit: int = 50, cursor: str | None = None
    ) -> m.Page[m.Document]:
        """GET /documents, newest first."""
        raise NotImplementedError

    async def document(self, document_id: str) -> m.Document:
        """GET /documents/{id}."""
        raise NotImplementedError

    async def download_document(self, document_id: str, dest: Path) -> Path:
        """GET /documents/{id}/content, streamed to `dest` (written atomically)."""
        raise NotImplementedError

    # --- submissions (send a document) -----------------------------------------

    async def submission_constraints(self) -> m.SubmissionConstraints:
        """GET /submissions/constraints."""
        raise NotImplementedError

    async def create_submission(self, create: m.SubmissionCreate) -> m.Submission:
        """POST /submissions. MedicalDocument (422) for a medical nature."""
        raise NotImplementedError

    async def submission(self, submission_id: str) -> m.Submission:
        """GET /submissions/{id}."""
        raise NotImplementedError

    async def upload_file(
        self,
        submission_id: str,
        index: int,
        path: Path,
        *,
        name: str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = 256 * 1024,
    ) -> m.StoredFile:
        """PUT /submissions/{id}/documents/{index}/files?name=…, the body streamed
        from disk in chunks; the SHA-256 is computed while streaming and checked
        against the server's answer. FileTooLarge (413), UnsupportedType (415)."""
        raise NotImplementedError

    async def remove_file(self, submission_id: str, index: int, file_id: str) -> None:
        """DELETE /submissions/{id}/documents/{index}/files/{file_id}."""
        raise NotImplementedError

    async def send_submission(
        self, submission_id: str, *, attestation: bool, idempotency_key: str
    ) -> m.Receipt:
        """POST /submissions/{id}/send with the Idempotency-Key header; the same key returns the same receipt."""
        raise NotImplementedError

    async def receipt(self, submission_id: str) -> m.Receipt:
        """GET /submissions/{id}/receipt."""
        raise NotImplementedError

    # --- payments ----------------------------------------------------------------

    async def payments(
        self,
        *,
        domain: m.Domain | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        limit: int = 50,
        cursor: str | None = None,
    ) -> m.Page[m.Payment]:
        """GET /payments, newest first."""
        raise NotImplementedError

    async def payment(self, payment_id: str) -> m.Payment:
        """GET /payments/{id}."""
        raise NotImplementedError

    # --- attestations --------------------------------------------------------------

    async def attestation(
        self,
        kind: m.AttestationKind,
        dest: Path,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
    ) -> Path:
        """GET /attestations/{kind} → PDF written to `dest`. NotEligible (422)."""
        raise NotImplementedError

    # --- services, requests, declarations ----------------------------------------

    async def services(self) -> list[m.ServiceCategory]:
        """GET /services: the catalogue."""
        raise NotImplementedError

    async def request_form(self, request_type: str) -> m.RequestForm:
        """GET /requests/forms/{type}."""
        raise NotImplementedError

    async def requests(self) -> m.Page[m.RequestSummary]:
        """GET /requests."""
        raise NotImplementedError

    async def request(self, request_id: str) -> m.Request:
        """GET /requests/{id}, with its status timeline."""
        raise NotImplementedError

    async def file_request(self, create: m.RequestCreate) -> m.Request:
        """POST /requests."""
        raise NotImplementedError

    async def declarations(self) -> m.Page[m.Declaration]:
        """GET /declarations."""
        raise NotImplementedError

    async def file_declaration(self, declaration_id: str, body: m.DeclarationFile) -> m.Declaration:
        """POST /declarations/{id}."""
        raise NotImplementedError

    async def quotient_familial(self) -> m.QuotientFamilial:
        """GET /quotient-familial. NotEligible when the member has no family benefits."""
        raise NotImplementedError

    # --- appointments, procurations, assistance ----------------------------------

    async def slots(self) -> list[m.Slot]:
        """GET /appointments/slots: free slots."""
        raise NotImplementedError

    async def appointments(self) -> m.Page[m.Appointment]:
        """GET /appointments."""
        raise NotImplementedError

    async def book(self, create: m.AppointmentCreate) -> m.Appointment:
        """POST /appointments. Conflict when the slot was just taken."""
        raise NotImplementedError

    async def cancel_appointment(self, appointment_id: str) -> None:
        """DELETE /appointments/{id}."""
        raise NotImplementedError

    async def procurations(self) -> m.Page[m.Procuration]:
        """GET /procurations (given and received)."""
        raise NotImplementedError

    async def request_procuration(self, create: m.ProcurationCreate) -> m.Procuration:
        """POST /procurations."""
        raise NotImplementedError

    async def revoke_procuration(self, procuration_id: str) -> m.Procuration:
        """DELETE /procurations/{id}."""
        raise NotImplementedError

    async def assistance(self) -> m.Assistance:
        """GET /assistance (no login needed): hours, phone, open now."""
        raise NotImplementedError

    async def health(self) -> bool:
        """GET /health: True when the server answers."""
        raise NotImplementedError


def parse_as(data: bytes, model: Any) -> Any:
    """Validate JSON bytes against a model or a type (list[...])."""
    return TypeAdapter(model).validate_json(data)
