"""Sending a prepared wizard: create the submission, upload each missing file, send (no Textual, no httpx).

Every step lands in the `Wizard` (the draft): the submission's id once created, each file's
status, the send attempt, the receipt; `changed` tells the caller to save the draft. Running
again after a failure resumes where it stopped: nothing is created or uploaded twice, and the
send repeats the idempotency key kept in the draft, so a lost answer never makes two sendings.
The screens and a command line drive the same `Sender`; they only show what it reports.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from msa_tui.api.errors import ApiError, NetworkDown, ServerUnavailable, SessionExpired
from msa_tui.api.models import DocumentSpec, Receipt, StoredFile, SubmissionCreate
from msa_tui.core.i18n import _
from msa_tui.core.idempotency import new_key
from msa_tui.core.send_document.files import changed_reason, display_name, ensure_hash
from msa_tui.core.send_document.wizard import ChosenFile, FileStatus, Wizard

if TYPE_CHECKING:
    from msa_tui.api.client import MsaClient

T = TypeVar("T")
Call = Callable[[Callable[[], Awaitable[Any]]], Awaitable[Any]]
"""How each API call is made: awaits the factory's call and returns its result, or None when the
call could not be made (the screens' wrapper: it re-logs in, and says the network is down)."""

CUT_OFF = (NetworkDown, ServerUnavailable, SessionExpired)
"""Errors that stop a sending without refusing it: the next run resumes it."""


class Outcome(StrEnum):
    sent = "sent"
    """Done: `receipt` holds the acknowledgement."""
    refused = "refused"
    """The server refused to create or to send (`error`): nothing was sent; the member may fix it."""
    files_failed = "files_failed"
    """Some files were refused or changed on disk (`problems`, one French line each); the rest is kept."""
    interrupted = "interrupted"
    """Cut off (network, server, session; `error` when known): the next run resumes."""


@dataclass
class SendResult:
    outcome: Outcome
    receipt: Receipt | None = None
    error: ApiError | None = None
    problems: list[str] = field(default_factory=list)


def _ignore(*_args: object) -> None:
    return None


@dataclass
class SendProgress:
    """What the sender reports, in order: French status lines, bytes per file, draft changes."""

    status: Callable[[str], None] = _ignore
    """"Envoi en cours…", "Envoi de « facture.pdf »…", "Transmission à votre MSA…"."""
    file: Callable[[int, int, int, int], None] = _ignore
    """(document index, file position, bytes sent, total bytes); back to 0 when an upload fails."""
    changed: Callable[[], object] = _ignore  # what it returns is ignored (post_message says a bool)
    """The wizard changed: save the draft now, so a crash resumes from here."""


async def direct(factory: Callable[[], Awaitable[T]]) -> T:
    """The plain way to make a call (a command line): errors are raised as they come."""
    return await factory()


class Sender:
    """One sending of `wizard` through `client`; `run()` may be called again after any failure."""

    def __init__(
        self, client: MsaClient, wizard: Wizard, progress: SendProgress | None = None, *, call: Call = direct
    ) -> None:
        self.client = client
        self.wizard = wizard
        self.progress = progress or SendProgress()
        self.call = call
        self._cut_by: ApiError | None = None

    async def _call(self, factory: Callable[[], Awaitable[T]]) -> T | None:
        """The result, or None when cut off; a refusal (any other ApiError) is raised."""
        try:
            return await self.call(factory)
        except CUT_OFF as error:
            self._cut_by = error
            return None

    async def run(self) -> SendResult:
        """One attempt: create if needed, upload what is missing, send."""
        self._cut_by = None
        wiz = self.wizard
        self.progress.status(_("Envoi en cours…"))
        if wiz.submission_id is None:
            try:
                created = await self._call(lambda: self.client.create_submission(self._create()))
            except ApiError as error:
                return SendResult(Outcome.refused, error=error)
            if created is None:
                return SendResult(Outcome.interrupted, error=self._cut_by)
            wiz.submission_id = created.id
            self.progress.changed()
        failures: list[str] = []
        for index, position, chosen in wiz.files_to_upload():
            problem = await self._upload(index, position, chosen)
            if problem is None:
                return SendResult(Outcome.interrupted, error=self._cut_by, problems=failures)
            if problem:
                failures.append(problem)
        if failures:
            return SendResult(Outcome.files_failed, problems=failures)
        return await self._send()

    def _create(self) -> SubmissionCreate:
        wiz = self.wizard
        return SubmissionCreate(object=wiz.object or "", documents=[
            DocumentSpec(nature=d.nature or "", person_id=d.person_id or "", motif=d.motif.strip())
            for d in wiz.active_documents], request_id=wiz.request_id)

    async def _upload(self, index: int, position: int, chosen: ChosenFile) -> str | None:
        """"" when uploaded, a French reason when refused, None when cut off."""
        reason = changed_reason(chosen)
        if reason is None and chosen.sha256 is None:
            await asyncio.to_thread(ensure_hash, chosen)
        if reason is not None:
            chosen.status, chosen.error = FileStatus.failed, reason
            self.progress.changed()
            return reason
        self.progress.status(_("Envoi de « {name} »…").format(name=display_name(chosen.name)))

        def sent(done: int, total: int) -> None:
            self.progress.file(index, position, done, total)

        chosen.status = FileStatus.uploading
        if chosen.upload_key is None:
            chosen.upload_key = new_key()
            self.progress.changed()  # into the draft before the upload: a restart reuses the key
        submission_id = self.wizard.submission_id or ""
        key = chosen.upload_key
        try:
            stored: StoredFile | None = await self._call(lambda: self.client.upload_file(
                submission_id, index, Path(chosen.path), name=chosen.name, progress=sent, idempotency_key=key))
        except ApiError as error:
            chosen.status = FileStatus.failed
            chosen.error = f"« {display_name(chosen.name)} » : {error.message}"
            return self._not_uploaded(index, position, chosen, chosen.error)
        if stored is None:
            chosen.status = FileStatus.pending
            return self._not_uploaded(index, position, chosen, None)
        if chosen.sha256 and stored.sha256.lower() != chosen.sha256:
            chosen.status = FileStatus.failed
            chosen.error = _(
                "« {name} » a été modifié depuis le récapitulatif : vérifiez-le et joignez-le à nouveau."
            ).format(name=display_name(chosen.name))
            self.progress.changed()
            return chosen.error
        chosen.status, chosen.file_id, chosen.sha256, chosen.error = (
            FileStatus.uploaded, stored.file_id, stored.sha256, None)
        self.progress.file(index, position, chosen.size, chosen.size)
        self.progress.changed()
        return ""

    def _not_uploaded(self, index: int, position: int, chosen: ChosenFile, problem: str | None) -> str | None:
        self.progress.file(index, position, 0, chosen.size)
        self.progress.changed()
        return problem

    async def _send(self) -> SendResult:
        wiz = self.wizard
        self.progress.status(_("Transmission à votre MSA…"))
        # From here a lost answer may hide a success: the draft is frozen until a retry settles it.
        wiz.mark_send_attempted()
        self.progress.changed()
        submission_id = wiz.submission_id or ""
        try:
            receipt = await self._call(lambda: self.client.send_submission(
                submission_id, attestation=wiz.attestation, idempotency_key=wiz.idempotency_key))
        except ApiError as error:
            # A clear refusal created nothing: the member may go back and fix it.
            wiz.send_attempted = False
            self.progress.changed()
            return SendResult(Outcome.refused, error=error)
        if receipt is None:
            return SendResult(Outcome.interrupted, error=self._cut_by)
        wiz.finish(receipt)
        self.progress.changed()
        return SendResult(Outcome.sent, receipt=receipt)
