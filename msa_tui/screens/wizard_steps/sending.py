"""Step 7: create the submission, upload each missing file with progress, send, show the receipt."""

from __future__ import annotations

import asyncio
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, ProgressBar, Static

from ...api.models import Receipt
from ...core.i18n import _
from ...core.send_document.receipt import write_receipt_pdf
from ...core.send_document.sending import Outcome, Sender, SendProgress
from ...core.send_document.wizard import FileStatus, Wizard
from ...widgets.receipt_view import ReceiptView
from ..base import PageScreen
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

    @property
    def page(self) -> PageScreen:
        """The wizard page this pane sits on: its `call` is the one way to the server."""
        return cast("PageScreen", self.screen)

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

    # --- the sending itself (run in the screen's worker; the steps are core's Sender) -------

    async def run_send(self) -> None:
        """One attempt: the Sender creates, uploads and sends; this pane shows how it goes."""
        screen = self.page
        problems = self.query_one("#send-problems", Static)
        problems.update("")
        sender = Sender(
            screen.api,
            self.wizard,
            SendProgress(status=self.status, file=self._file_progress, changed=lambda: self.post_message(Edited())),
            call=screen.call,
        )
        result = await sender.run()
        if result.outcome is Outcome.refused:
            self.status(_("Envoi refusé : ") + (result.error.message if result.error else ""))
        elif result.outcome is Outcome.interrupted:
            self.status(_(CONNECTION_LOST))
            problems.update("\n".join(result.problems))
        elif result.outcome is Outcome.files_failed:
            self.status(_("Certains fichiers n'ont pas pu être envoyés. Revenez à l'étape 5 (Alt+P) pour "
                          "les remplacer, ou appuyez sur r pour réessayer."))
            problems.update("\n".join(result.problems))
        elif result.receipt is not None:
            await self._sent(result.receipt)

    def _file_progress(self, index: int, position: int, sent: int, total: int) -> None:
        self.query_one(f"#progress-{index}-{position}", ProgressBar).update(total=max(total, 1), progress=sent)
        self._overall()

    async def _sent(self, receipt: Receipt) -> None:
        try:
            from ...core import paths

            self.pdf_path = await asyncio.to_thread(write_receipt_pdf, receipt, paths.downloads_dir(), **self.labels)
        except OSError as exc:
            notify_plain(self, _("L'accusé de réception n'a pas pu être enregistré en PDF : ") + str(exc),
                         severity="error")
        await self.recompose()
        self.post_message(self.Finished())
