"""Step 7: create the submission, upload each missing file with progress, send, show the receipt."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, ProgressBar, Static

from ...api import errors
from ...api.models import DocumentSpec, SubmissionCreate
from ...core.send_document.files import changed_reason, display_name, ensure_hash
from ...core.i18n import _
from ...core.idempotency import new_key
from ...core.send_document.receipt import write_receipt_pdf
from ...widgets.receipt_view import ReceiptView
from ...core.send_document.wizard import FileStatus, Wizard
from .panes import Edited, Pane, file_line
from ...widgets.safe import notify_plain

CONNECTION_LOST = "Connexion perdue — appuyez sur r pour réessayer. Rien n'est perdu."


def opener_command() -> list[str] | None:
    """The command that opens a file on this desktop, or None (SSH, headless, no opener)."""
    if sys.platform == "darwin" and shutil.which("open"):
        return ["open"]
    if sys.platform.startswith("linux") and shutil.which("xdg-open"):
        if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
            return ["xdg-open"]
    return None


class SendPane(Pane):
    """Progress per file and overall; then the confirmation, the receipt and its PDF."""

    class Finished(Message):
        pass

    def __init__(self, wizard: Wizard, **kwargs) -> None:
        super().__init__(wizard, **kwargs)
        self.pdf_path: Path | None = None
        self.labels: dict[str, dict[str, str]] = {}

    def compose(self) -> ComposeResult:
        wiz = self.wizard
        if wiz.receipt is not None:
            yield Static(_("Confirmation d'envoi : vos documents ont bien été transmis à votre MSA."),
                         id="send-confirmation", classes="step-question")
            if self.pdf_path is not None:
                yield Static(_("Accusé de réception enregistré : ") + str(self.pdf_path), id="receipt-path",
                             markup=False)
                if opener_command():
                    yield Button(_("Ouvrir"), id="receipt-open")
            yield Static(_("Cet envoi figure désormais parmi vos documents échangés (Consulter un document)."),
                         classes="step-help")
            yield ReceiptView(wiz.receipt, id="receipt-view", **self.labels)
            return
        yield Static(_("Appuyez sur r pour lancer l'envoi."), id="send-status", markup=False)
        with Vertical(id="send-progress"):
            for i, j, f in wiz.all_files():
                with Horizontal(classes="progress-row"):
                    yield Label(f"D{i + 1} " + file_line(j, f), classes="progress-name", markup=False)
                    bar = ProgressBar(total=f.size, show_eta=False, id=f"progress-{i}-{j}")
                    yield bar
            with Horizontal(classes="progress-row"):
                yield Label(_("Ensemble"), classes="progress-name")
                yield ProgressBar(total=self._total(), show_eta=False, id="progress-all")
        yield Static("", id="send-problems", markup=False)

    def _total(self) -> int:
        return sum(f.size for _i, _j, f in self.wizard.all_files()) or 1

    async def render_wizard(self) -> None:
        await self.recompose()
        if self.wizard.receipt is None:
            for i, j, f in self.wizard.all_files():
                if f.status is FileStatus.uploaded:
                    self.query_one(f"#progress-{i}-{j}", ProgressBar).progress = f.size
            self._overall()

    def _overall(self) -> None:
        done = 0
        for i, j, _f in self.wizard.all_files():
            done += int(self.query_one(f"#progress-{i}-{j}", ProgressBar).progress)
        self.query_one("#progress-all", ProgressBar).progress = done

    def status(self, text: str) -> None:
        if self.wizard.receipt is None:
            self.query_one("#send-status", Static).update(text)

    @on(Button.Pressed, "#receipt-open")
    def _open(self) -> None:
        command = opener_command()
        if command and self.pdf_path:
            subprocess.Popen([*command, str(self.pdf_path)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, start_new_session=True)

    # --- the sending itself (run in the screen's worker) -------------------------------

    async def run_send(self) -> None:
        """One attempt: create if needed, upload what is missing, send. Everything lands in the draft."""
        wiz, screen = self.wizard, self.screen
        api = screen.api  # type: ignore[attr-defined]
        problems = self.query_one("#send-problems", Static)
        problems.update("")
        self.status(_("Envoi en cours…"))
        if wiz.submission_id is None:
            create = SubmissionCreate(object=wiz.object or "", documents=[
                DocumentSpec(nature=d.nature or "", person_id=d.person_id or "", motif=d.motif.strip())
                for d in wiz.active_documents])
            try:
                created = await screen.call(lambda: api.create_submission(create))  # type: ignore[attr-defined]
            except errors.ApiError as error:
                self.status(_("Envoi refusé : ") + error.message)
                return
            if created is None:
                self.status(_(CONNECTION_LOST))
                return
            wiz.submission_id = created.id
            self.post_message(Edited())
        failures: list[str] = []
        for i, j, f in wiz.files_to_upload():
            outcome = await self._upload(i, j, f)
            if outcome is None:
                self.status(_(CONNECTION_LOST))
                problems.update("\n".join(failures))
                return
            if outcome:
                failures.append(outcome)
        if failures:
            self.status(_("Certains fichiers n'ont pas pu être envoyés. Revenez à l'étape 5 (Ctrl+←) pour "
                          "les remplacer, ou appuyez sur r pour réessayer."))
            problems.update("\n".join(failures))
            return
        await self._send()

    async def _upload(self, i: int, j: int, f) -> str | None:
        """'' when uploaded, a French reason when refused, None when the connection is lost."""
        wiz, screen = self.wizard, self.screen
        api = screen.api  # type: ignore[attr-defined]
        bar = self.query_one(f"#progress-{i}-{j}", ProgressBar)
        reason = changed_reason(f)
        if reason is None and f.sha256 is None:
            await asyncio.to_thread(ensure_hash, f)
        if reason is not None:
            f.status, f.error = FileStatus.failed, reason
            self.post_message(Edited())
            return reason
        self.status(_("Envoi de « {name} »…").format(name=display_name(f.name)))

        def progress(sent: int, total: int) -> None:
            bar.update(total=max(total, 1), progress=sent)
            self._overall()

        f.status = FileStatus.uploading
        if f.upload_key is None:
            f.upload_key = new_key()
            self.post_message(Edited())  # into the draft before the upload: a restart reuses the key
        try:
            stored = await screen.call(  # type: ignore[attr-defined]
                lambda: api.upload_file(wiz.submission_id, i, Path(f.path), name=f.name, progress=progress,
                                        idempotency_key=f.upload_key))
        except errors.ApiError as error:
            f.status, f.error = FileStatus.failed, f"« {display_name(f.name)} » : {error.message}"
            bar.update(progress=0)
            self._overall()
            self.post_message(Edited())
            return f.error
        if stored is None:
            f.status = FileStatus.pending
            bar.update(progress=0)
            self._overall()
            self.post_message(Edited())
            return None
        if f.sha256 and stored.sha256.lower() != f.sha256:
            f.status = FileStatus.failed
            f.error = _("« {name} » a été modifié depuis le récapitulatif : vérifiez-le et joignez-le à nouveau.").format(
                name=display_name(f.name))
            self.post_message(Edited())
            return f.error
        f.status, f.file_id, f.sha256, f.error = FileStatus.uploaded, stored.file_id, stored.sha256, None
        bar.update(progress=f.size)
        self._overall()
        self.post_message(Edited())
        return ""

    async def _send(self) -> None:
        wiz, screen = self.wizard, self.screen
        api = screen.api  # type: ignore[attr-defined]
        self.status(_("Transmission à votre MSA…"))
        # From here a lost answer may hide a success: the draft is frozen until a retry settles it.
        wiz.mark_send_attempted()
        self.post_message(Edited())
        try:
            receipt = await screen.call(lambda: api.send_submission(  # type: ignore[attr-defined]
                wiz.submission_id, attestation=wiz.attestation, idempotency_key=wiz.idempotency_key))
        except errors.ApiError as error:
            # A clear refusal created nothing: the user may go back and fix it.
            wiz.send_attempted = False
            self.post_message(Edited())
            self.status(_("Envoi refusé : ") + error.message)
            return
        if receipt is None:
            self.status(_(CONNECTION_LOST))
            return
        wiz.finish(receipt)
        try:
            from ...core import paths

            self.pdf_path = await asyncio.to_thread(write_receipt_pdf, receipt, paths.downloads_dir(), **self.labels)
        except OSError as exc:
            notify_plain(self, _("L'accusé de réception n'a pas pu être enregistré en PDF : ") + str(exc), severity="error")
        await self.recompose()
        self.post_message(self.Finished())
