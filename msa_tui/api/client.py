"""The typed async client of the MSA portal API: one method per operation, models in, models out."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import quote

from . import errors
from . import models as m
from .models import API_PREFIX
from .transfer import TIMEOUT_MESSAGE, StreamedFile, file_size, save_stream
from .transport import BaseClient, TokensChanged, log, parse_as

__all__ = ["API_PREFIX", "MsaClient", "ProgressCallback", "TokensChanged", "parse_as"]

ProgressCallback = Callable[[int, int], None]
"""Called as (bytes_sent, total_bytes) while a file uploads."""

MIN_RATE = 16 * 1024
"""Bytes per second a file transfer may not fall below: its deadline grows with its size at this rate."""


class MsaClient(BaseClient):
    """One per session. Raises only `msa_tui.api.errors.ApiError` subclasses.

    `base_url` is the server root (e.g. "http://127.0.0.1:8765"); `transport` lets
    tests wire an `httpx.ASGITransport` to the mock server with no socket.
    Constructor: `MsaClient(base_url, *, transport=None, timeout=10.0, retries=2,
    backoff=0.2, on_tokens=None)` (see `BaseClient`, which holds the transport core:
    timeouts, retries with backoff, token refresh, error mapping).
    """

    # --- auth ----------------------------------------------------------------

    async def login(self, nir: str, password: str) -> m.TokenPair:
        """POST /auth/login. Keeps the tokens. InvalidCredentials, AccountLocked; CodeRequired when
        the member's second factor is on (then `login_code`)."""
        # The password only ever travels in this request body; it is never logged or kept.
        body = {"nir": nir, "password": password}
        response = await self._call("POST", "/auth/login", json=body, auth=False)
        if response.status_code == 202:
            challenge: m.LoginChallenge = self._parse(response, m.LoginChallenge)
            raise errors.CodeRequired(challenge.challenge, challenge.detail)
        tokens: m.TokenPair = self._parse(response, m.TokenPair)
        self._own_tokens = None  # a new login acts for no one
        self._adopt_tokens(tokens)
        return tokens

    async def logout(self) -> None:
        """POST /auth/logout: revokes the tokens server-side; forgets them locally even if that fails."""
        await self.stop_acting()
        if self.tokens is None:
            return
        try:
            # Through _call so an expired access token is refreshed first and the
            # session really gets revoked server-side.
            await self._call("POST", "/auth/logout", retries=0)
        except errors.ApiError as exc:
            log.info("logout: server not told (%s)", type(exc).__name__)
        finally:
            self._drop_tokens()

    async def refresh(self) -> m.TokenPair:
        """POST /auth/refresh with the held refresh token. SessionExpired when refused."""
        if self.tokens is None:
            raise errors.SessionExpired()
        body = {"refresh_token": self.tokens.refresh_token}
        try:
            tokens = await self._send_model("POST", "/auth/refresh", m.TokenPair, json=body, auth=False)
        except (errors.SessionExpired, errors.InvalidCredentials, errors.ValidationFailed) as exc:
            self._drop_tokens()
            raise errors.SessionExpired(problem=exc.problem) from exc
        self._adopt_tokens(tokens)
        return tokens

    def use_tokens(self, tokens: m.TokenPair | None) -> None:
        """Adopt tokens restored from the credential store (or drop them)."""
        # No on_tokens call: the tokens came from the store, or the caller is clearing it.
        self.tokens = tokens

    async def register(self, req: m.RegisterRequest) -> m.Accepted:
        """POST /auth/register → 202; a 6-digit code is e-mailed."""
        return await self._send_model("POST", "/auth/register", m.Accepted, json=req, auth=False)

    async def verify_registration(self, nir: str, code: str, password: str) -> None:
        """POST /auth/register/verify: the account exists afterwards."""
        body = {"nir": nir, "code": code, "password": password}
        await self._call("POST", "/auth/register/verify", json=body, auth=False)

    async def request_password_reset(self, nir: str, email: str) -> m.Accepted:
        """POST /auth/password-reset → 202; a code is e-mailed if NIR and e-mail match."""
        body = {"nir": nir, "email": email}
        return await self._send_model("POST", "/auth/password-reset", m.Accepted, json=body, auth=False)

    async def confirm_password_reset(self, nir: str, code: str, password: str) -> None:
        """POST /auth/password-reset/confirm."""
        body = {"nir": nir, "code": code, "password": password}
        await self._call("POST", "/auth/password-reset/confirm", json=body, auth=False)

    async def mail_copy(self, path: Path) -> m.MailCopy:
        """POST /me/mail-copy?name=…: the PDF at `path` sent to the member's e-mail address on file.

        OSError when the local file cannot be read; ValidationFailed (422) when not a PDF."""
        data = Path(path).read_bytes()

        async def body() -> AsyncIterator[bytes]:
            yield data

        return await self._send_model(
            "POST", "/me/mail-copy", m.MailCopy, params={"name": Path(path).name},
            headers={"Content-Type": "application/octet-stream", "Content-Length": str(len(data))}, body=body,
        )

    async def outbox(self) -> list[m.OutboxMail]:
        """GET /dev/outbox (mock server only): the e-mails "sent", newest last."""
        return await self._get_model("/dev/outbox", list[m.OutboxMail], auth=False)

    # --- member --------------------------------------------------------------

    async def me(self) -> m.Me:
        """GET /me."""
        return await self._get_model("/me", m.Me)

    async def update_contact(self, update: m.ContactUpdate) -> m.Me:
        """PATCH /me/contact."""
        return await self._send_model("PATCH", "/me/contact", m.Me, json=update)

    async def service_medical(self) -> m.ServiceContact:
        """GET /me/service-medical: the postal address for medical documents."""
        return await self._get_model("/me/service-medical", m.ServiceContact)

    # --- messages --------------------------------------------------------------

    async def threads(self, *, limit: int = 50, cursor: str | None = None) -> m.Page[m.ThreadSummary]:
        """GET /threads, newest first."""
        params = {"limit": limit, "cursor": cursor}
        return await self._get_model("/threads", m.Page[m.ThreadSummary], params=params)

    async def thread(self, thread_id: str) -> m.Thread:
        """GET /threads/{id}; marks its messages read."""
        return await self._get_model(f"/threads/{_seg(thread_id)}", m.Thread)

    async def new_thread(self, new: m.NewThread, *, idempotency_key: str | None = None) -> m.Thread:
        """POST /threads. With a key, a lost answer is retried: the server creates one thread."""
        return await self._send_model("POST", "/threads", m.Thread, json=new, **_once(idempotency_key))

    async def reply(self, thread_id: str, body: str, *, idempotency_key: str | None = None,
                    attachments: list[str] | None = None) -> m.Thread:
        """POST /threads/{id}/messages (with the ids of attachments uploaded beforehand).
        With a key, a lost answer is retried: one message."""
        path = f"/threads/{_seg(thread_id)}/messages"
        json: dict[str, Any] = {"body": body, **({"attachments": attachments} if attachments else {})}
        return await self._send_model("POST", path, m.Thread, json=json, **_once(idempotency_key))

    # --- documents -------------------------------------------------------------

    async def documents(
        self, *, direction: m.Direction | None = None, limit: int = 50, cursor: str | None = None
    ) -> m.Page[m.Document]:
        """GET /documents, newest first."""
        params = {"direction": direction, "limit": limit, "cursor": cursor}
        return await self._get_model("/documents", m.Page[m.Document], params=params)

    async def document(self, document_id: str) -> m.Document:
        """GET /documents/{id}."""
        return await self._get_model(f"/documents/{_seg(document_id)}", m.Document)

    async def download_document(self, document_id: str, dest: Path) -> Path:
        """GET /documents/{id}/content, streamed to `dest` (written atomically)."""
        return await self._download(f"/documents/{_seg(document_id)}/content", Path(dest))

    async def _download(self, path: str, dest: Path, params: dict[str, Any] | None = None) -> Path:
        response = await self._call("GET", path, params=params, stream=True)
        announced = response.headers.get("content-length", "")
        # A whole-download deadline that grows with the announced size (4 × the base without one).
        budget = self.deadline + int(announced) / MIN_RATE if announced.isdigit() else 4 * self.deadline
        try:
            async with asyncio.timeout(budget):
                return await save_stream(response, dest)
        except TimeoutError as exc:
            raise errors.NetworkDown(TIMEOUT_MESSAGE) from exc
        finally:
            await response.aclose()

    # --- submissions (send a document) -----------------------------------------

    async def submission_constraints(self) -> m.SubmissionConstraints:
        """GET /submissions/constraints."""
        return await self._get_model("/submissions/constraints", m.SubmissionConstraints)

    async def create_submission(self, create: m.SubmissionCreate) -> m.Submission:
        """POST /submissions. MedicalDocument (422) for a medical nature."""
        return await self._send_model("POST", "/submissions", m.Submission, json=create)

    async def submission(self, submission_id: str) -> m.Submission:
        """GET /submissions/{id}."""
        return await self._get_model(f"/submissions/{_seg(submission_id)}", m.Submission)

    async def upload_file(
        self,
        submission_id: str,
        index: int,
        path: Path,
        *,
        name: str | None = None,
        progress: ProgressCallback | None = None,
        chunk_size: int = 256 * 1024,
        idempotency_key: str | None = None,
    ) -> m.StoredFile:
        """PUT /submissions/{id}/documents/{index}/files?name=…, the body streamed
        from disk in chunks; the SHA-256 is computed while streaming and checked
        against the server's answer. FileTooLarge (413), UnsupportedType (415).
        Retried after a lost answer only with `idempotency_key` (kept per file in the wizard's draft):
        without one, a replayed PUT could store the file twice.
        FileUnreadable when the local file vanished, is unreadable or changed;
        ChecksumMismatch when the server stored other bytes."""
        url = f"/submissions/{_seg(submission_id)}/documents/{int(index)}/files"
        return await self._put_file(
            url, Path(path), m.StoredFile, {"name": name or Path(path).name}, progress, chunk_size, idempotency_key,
            lambda stored: self.remove_file(submission_id, index, stored.file_id))

    async def _put_file(self, url: str, path: Path, model: type[Any], params: dict[str, Any],
                        progress: ProgressCallback | None, chunk_size: int, idempotency_key: str | None,
                        take_back: Callable[[Any], Any]) -> Any:
        """A file streamed up by PUT, its digest checked against the answer's `sha256`."""
        size = file_size(path)
        source = StreamedFile(path, size, chunk_size=chunk_size, progress=progress)
        headers = {"Content-Type": "application/octet-stream", "Content-Length": str(size)}
        once = _once(idempotency_key)
        headers.update(once["headers"])
        stored = await self._send_model(
            "PUT", url, model, params=params, headers=headers, body=source.body,
            idempotent=once["idempotent"], deadline=self.deadline + size / MIN_RATE,
        )
        if source.sha256 is not None and stored.sha256.lower() != source.sha256:
            # The server holds bytes we did not send: take them back, best effort.
            try:
                await take_back(stored)
            except errors.ApiError:
                log.info("upload: could not remove a file with a wrong checksum")
            raise errors.ChecksumMismatch()
        return stored

    async def remove_file(self, submission_id: str, index: int, file_id: str) -> None:
        """DELETE /submissions/{id}/documents/{index}/files/{file_id}."""
        url = f"/submissions/{_seg(submission_id)}/documents/{int(index)}/files/{_seg(file_id)}"
        await self._call("DELETE", url)

    async def send_submission(
        self, submission_id: str, *, attestation: bool, idempotency_key: str
    ) -> m.Receipt:
        """POST /submissions/{id}/send with the Idempotency-Key header; the same key returns the same receipt."""
        return await self._send_model(
            "POST",
            f"/submissions/{_seg(submission_id)}/send",
            m.Receipt,
            json={"attestation": attestation},
            headers={"Idempotency-Key": idempotency_key},
            idempotent=True,  # safe to replay: the key makes the server answer the same receipt
        )

    async def receipt(self, submission_id: str) -> m.Receipt:
        """GET /submissions/{id}/receipt."""
        return await self._get_model(f"/submissions/{_seg(submission_id)}/receipt", m.Receipt)

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
        params = {"domain": domain, "date_from": date_from, "date_to": date_to, "limit": limit, "cursor": cursor}
        return await self._get_model("/payments", m.Page[m.Payment], params=params)

    async def payment(self, payment_id: str) -> m.Payment:
        """GET /payments/{id}."""
        return await self._get_model(f"/payments/{_seg(payment_id)}", m.Payment)

    # --- attestations --------------------------------------------------------------

    async def attestation(
        self,
        kind: m.AttestationKind,
        dest: Path,
        *,
        date_from: date | None = None,
        date_to: date | None = None,
        person_id: str | None = None,
    ) -> Path:
        """GET /attestations/{kind} → PDF written to `dest`. NotEligible (422); `person_id`: a household
        member (droits maladie only), NotFound outside the household."""
        params = {"date_from": date_from, "date_to": date_to, "person_id": person_id}
        kind_value = m.AttestationKind(kind).value
        return await self._download(f"/attestations/{kind_value}", Path(dest), params=params)

    # --- services, requests, declarations ----------------------------------------

    async def services(self) -> list[m.ServiceCategory]:
        """GET /services: the catalogue."""
        return await self._get_model("/services", list[m.ServiceCategory])

    async def request_form(self, request_type: str) -> m.RequestForm:
        """GET /requests/forms/{type}."""
        return await self._get_model(f"/requests/forms/{_seg(request_type)}", m.RequestForm)

    async def requests(self) -> m.Page[m.RequestSummary]:
        """GET /requests."""
        return await self._get_model("/requests", m.Page[m.RequestSummary])

    async def request(self, request_id: str) -> m.Request:
        """GET /requests/{id}, with its status timeline."""
        return await self._get_model(f"/requests/{_seg(request_id)}", m.Request)

    async def file_request(self, create: m.RequestCreate, *, idempotency_key: str | None = None) -> m.Request:
        """POST /requests. With a key (kept in the request's draft), a lost answer is retried: one request."""
        return await self._send_model("POST", "/requests", m.Request, json=create, **_once(idempotency_key))

    async def declarations(self) -> m.Page[m.Declaration]:
        """GET /declarations."""
        return await self._get_model("/declarations", m.Page[m.Declaration])

    async def file_declaration(self, declaration_id: str, body: m.DeclarationFile) -> m.Declaration:
        """POST /declarations/{id}."""
        return await self._send_model("POST", f"/declarations/{_seg(declaration_id)}", m.Declaration, json=body)

    async def quotient_familial(self) -> m.QuotientFamilial:
        """GET /quotient-familial. NotEligible when the member has no family benefits."""
        return await self._get_model("/quotient-familial", m.QuotientFamilial)

    # --- appointments, procurations, assistance ----------------------------------

    async def slots(self) -> list[m.Slot]:
        """GET /appointments/slots: free slots."""
        return await self._get_model("/appointments/slots", list[m.Slot])

    async def appointments(self) -> m.Page[m.Appointment]:
        """GET /appointments."""
        return await self._get_model("/appointments", m.Page[m.Appointment])

    async def book(self, create: m.AppointmentCreate) -> m.Appointment:
        """POST /appointments. Conflict when the slot was just taken."""
        return await self._send_model("POST", "/appointments", m.Appointment, json=create)

    async def cancel_appointment(self, appointment_id: str) -> None:
        """DELETE /appointments/{id}."""
        await self._call("DELETE", f"/appointments/{_seg(appointment_id)}")

    async def procurations(self) -> m.Page[m.Procuration]:
        """GET /procurations (given and received)."""
        return await self._get_model("/procurations", m.Page[m.Procuration])

    async def request_procuration(self, create: m.ProcurationCreate) -> m.Procuration:
        """POST /procurations."""
        return await self._send_model("POST", "/procurations", m.Procuration, json=create)

    async def revoke_procuration(self, procuration_id: str) -> m.Procuration:
        """DELETE /procurations/{id}."""
        return await self._send_model("DELETE", f"/procurations/{_seg(procuration_id)}", m.Procuration)

    async def assistance(self) -> m.Assistance:
        """GET /assistance (no login needed): hours, phone, open now."""
        return await self._get_model("/assistance", m.Assistance, auth=False)

    # --- acting for a principal (procurations) ------------------------------------

    _own_tokens: m.TokenPair | None = None
    """The member's own tokens, set aside while the client acts for a principal."""

    @property
    def acting(self) -> bool:
        """Whether calls go out with a delegated session (for the principal of a procuration)."""
        return self._own_tokens is not None

    async def accept_procuration(self, procuration_id: str) -> m.Procuration:
        """POST /procurations/{id}/accept: a procuration received becomes active. Forbidden if not the grantee."""
        return await self._send_model("POST", f"/procurations/{_seg(procuration_id)}/accept", m.Procuration)

    async def act_for(self, procuration_id: str) -> None:
        """POST /procurations/{id}/act; from then on every call acts for the principal, until `stop_acting`.

        The delegated tokens are never handed to `on_tokens`: they are not kept anywhere."""
        if self.acting:
            await self.stop_acting()
        tokens = await self._send_model("POST", f"/procurations/{_seg(procuration_id)}/act", m.TokenPair)
        self._own_tokens, self.tokens = self.tokens, tokens

    async def stop_acting(self) -> None:
        """Ends the delegated session on the server (best effort) and takes the member's own tokens back."""
        if not self.acting:
            return
        try:
            await self._call("POST", "/auth/logout", retries=0)
        except errors.ApiError as exc:
            log.info("stop acting: delegated session not closed (%s)", type(exc).__name__)
        self.tokens, self._own_tokens = self._own_tokens, None

    def _adopt_tokens(self, tokens: m.TokenPair) -> None:
        if self.acting:
            self.tokens = tokens  # a refreshed delegated pair: used, never kept
            return
        super()._adopt_tokens(tokens)

    def _drop_tokens(self) -> None:
        if self.acting:
            # The delegated session is over: the member logs in again, as themselves.
            self.tokens, self._own_tokens = self._own_tokens, None
        super()._drop_tokens()
    # --- Mes envois (issue 14) ---------------------------------------------------

    async def sent_submissions(self, *, limit: int = 50, cursor: str | None = None) -> m.Page[m.SentSubmission]:
        """GET /submissions: the submissions sent (declarations included), newest first."""
        params = {"limit": limit, "cursor": cursor}
        return await self._get_model("/submissions", m.Page[m.SentSubmission], params=params)

    async def health(self) -> bool:
        """GET /health: True when the server answers."""
        try:
            await self._call("GET", "/health", auth=False, retries=0)
        except errors.ApiError:
            return False
        return True

    async def alerts(self) -> m.Alerts:
        """GET /alerts: what the dashboard tells (declarations due, pièces demandées, replies awaited,
        démarches changed since the last visit); the call itself marks this visit as seen."""
        return await self._get_model("/alerts", m.Alerts)


    # --- message attachments ---------------------------------------------------------

    async def upload_attachment(
        self, path: Path, *, nature: str, name: str | None = None, progress: ProgressCallback | None = None,
        chunk_size: int = 256 * 1024, idempotency_key: str | None = None,
    ) -> m.Attachment:
        """PUT /attachments/files?name=…&nature=…, streamed like `upload_file`; the id then goes in the
        message. MedicalDocument (422) for a medical nature, FileTooLarge, UnsupportedType, QuotaExceeded."""
        params = {"name": name or Path(path).name, "nature": nature}
        return await self._put_file("/attachments/files", Path(path), m.Attachment, params, progress, chunk_size,
                                    idempotency_key, lambda stored: self.remove_attachment(stored.id))

    async def remove_attachment(self, attachment_id: str) -> None:
        """DELETE /attachments/{id}: an attachment not sent yet."""
        await self._call("DELETE", f"/attachments/{_seg(attachment_id)}")

    async def download_attachment(self, attachment_id: str, dest: Path) -> Path:
        """GET /attachments/{id}/content, streamed to `dest` (written atomically, digest checked)."""
        return await self._download(f"/attachments/{_seg(attachment_id)}/content", Path(dest))
    # --- account security and payments at a glance (issue 14, items 7 and 8) ----------

    async def login_code(self, nir: str, challenge: str, code: str) -> m.TokenPair:
        """POST /auth/login/code: the e-mailed code after `login` raised CodeRequired. Keeps the tokens."""
        body = {"nir": nir, "challenge": challenge, "code": code}
        tokens = await self._send_model("POST", "/auth/login/code", m.TokenPair, json=body, auth=False)
        self._own_tokens = None  # a new login acts for no one
        self._adopt_tokens(tokens)
        return tokens

    async def change_password(self, current: str, new: str) -> None:
        """POST /me/password: the member's other sessions are revoked, this one stays."""
        body = {"current_password": current, "new_password": new}
        await self._call("POST", "/me/password", json=body)

    async def security_settings(self) -> m.SecuritySettings:
        """GET /me/security."""
        return await self._get_model("/me/security", m.SecuritySettings)

    async def set_two_factor(self, enabled: bool, current_password: str) -> m.SecuritySettings:
        """PUT /me/two-factor (the current password is required both ways)."""
        body = {"enabled": enabled, "current_password": current_password}
        return await self._send_model("PUT", "/me/two-factor", m.SecuritySettings, json=body)

    async def payment_summary(self, months: int = 12) -> m.PaymentSummary:
        """GET /payments/summary: totals per month and domain, the current month last."""
        return await self._get_model("/payments/summary", m.PaymentSummary, params={"months": months})


def _once(idempotency_key: str | None) -> dict[str, Any]:
    """The Idempotency-Key header and the retry switch for a creation.

    Same key and same body: the server answers the first result and creates nothing more, so
    replaying after a lost answer is safe. Without a key a creation is never replayed.
    """
    if not idempotency_key:
        return {"headers": {}, "idempotent": False}
    return {"headers": {"Idempotency-Key": idempotency_key}, "idempotent": True}


def _seg(value: str) -> str:
    """One URL path segment: ids never smuggle a '/' or '..' into the path."""
    return quote(str(value), safe="")

