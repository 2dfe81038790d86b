"""Files on messages: joining them to a reply or a new message (the wizard's picker, checks and shrink
offer, a nature per pick, medical documents stopped), and the files a message carries, saved on Enter."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..api.errors import ApiError
from ..api.models import Attachment, SubmissionConstraints
from ..core.i18n import _
from ..core.message_attachments import (
    Joined, download_name, join, joined_line, medical_stop, received_line, upload_all,
)
from ..core.send_document.shrink import discard_copies
from ..core.send_document.wizard import medical_address_text
from ..widgets.form_field import show_line
from ..widgets.safe import notify_plain, plain
from .base import PageScreen
from .downloads import save_in_downloads
from .wizard_steps.dialogs import FilePickerDialog, NatureDialog
from .wizard_steps.shrink_offer import offer_shrinks


class JoinedList(OptionList):
    """The files joined so far; Suppr takes the highlighted one off."""

    BINDINGS = [Binding("delete,d", "remove", _("Retirer"), id="attach.remove", key_display="Suppr",
                        tooltip=_("Retirer cette pièce jointe"))]

    class RemoveRequested(Message):
        def __init__(self, position: int) -> None:
            super().__init__()
            self.position = position

    def action_remove(self) -> None:
        if self.highlighted is not None and self.option_count:
            self.post_message(self.RemoveRequested(self.highlighted))


class JoinedFiles(Vertical):
    """What the member joins to the message being written, and why a file was not joined."""

    DEFAULT_CSS = """
    JoinedFiles { height: auto; }
    JoinedFiles #joined-list { height: auto; max-height: 3; border: none; padding: 0; }
    JoinedFiles #joined-refusals { height: auto; }
    """

    def compose(self) -> ComposeResult:
        yield JoinedList(id="joined-list")
        yield Static("", id="joined-refusals", classes="error-message", markup=False)

    def show(self, joined: list[Joined], labels: dict[str, str], refusals: list[str]) -> None:
        listing = self.query_one(JoinedList)
        listing.clear_options()
        listing.add_options([Option(plain(joined_line(i, j, labels.get(j.nature, j.nature))))
                             for i, j in enumerate(joined)])
        listing.display = bool(joined)
        show_line(self.query_one("#joined-refusals", Static), "\n".join(refusals) or None)


class ReceivedFiles(OptionList):
    """The files one message carries; Entrée saves the highlighted one."""

    def __init__(self, attachments: list[Attachment]) -> None:
        super().__init__(*[Option(plain(received_line(a)), id=a.id) for a in attachments],
                         classes="received-attachments")
        self.attachments = {a.id: a for a in attachments}


class Attaching(PageScreen):
    """What a page that writes a message adds to join files: `joined`, the pick, the upload before sending.

    The page gives `draft_kind`, `owner` and `keep_draft()` (the files go in its draft)."""

    draft_kind: str
    owner: str | None
    joined: list[Joined]
    nature_labels: dict[str, str]

    def keep_draft(self) -> None:  # pragma: no cover - each page keeps its own draft
        raise NotImplementedError

    def joined_to_draft(self) -> list[dict[str, Any]]:
        return [j.to_dict() for j in self.joined]

    def show_joined(self, refusals: list[str] | None = None) -> None:
        self.query_one(JoinedFiles).show(self.joined, self.nature_labels, refusals or [])

    async def constraints(self) -> SubmissionConstraints:
        app = self.msa_app
        if app.constraints is None:
            app.constraints = await self.call(self.api.submission_constraints)
        if not self.nature_labels:
            self.nature_labels = {n.code: n.label for n in app.constraints.natures}
            self.show_joined()  # a draft's files, named until now by their codes
        return app.constraints

    def action_attach(self) -> None:
        self.attach()

    @work(exclusive=True, group="attach-pick", exit_on_error=False)
    async def attach(self) -> None:
        constraints = await self.constraints()
        room = constraints.max_files_per_document - len(self.joined)
        if room <= 0:
            self.show_joined([_("Un message porte au plus {n} pièces jointes.").format(n=len(self.joined))])
            return
        paths = await self.app.push_screen_wait(
            FilePickerDialog(_("Joindre des fichiers au message"), constraints, None))
        if not paths:
            return
        nature = await self.app.push_screen_wait(NatureDialog(constraints, len(paths)))
        if nature is None:
            return
        stop = medical_stop(nature, constraints)
        if stop is not None:  # as in the wizard: the rule, then where to post it
            self.show_joined([stop, await self._medical_address()])
            return
        accepted, refused = join(paths, nature, constraints, self.joined)
        reduced, refusals = await offer_shrinks(
            self, refused, constraints, kind=self.draft_kind, owner=self.owner or "",
            room=room - len(accepted), say=lambda text: notify_plain(self, text) if text else None)
        self.joined += accepted + [Joined(nature, copy) for copy in reduced]
        self.keep_draft()
        self.show_joined(refusals)
        if accepted or reduced:
            self.query_one(JoinedList).focus()

    async def _medical_address(self) -> str:
        try:
            return medical_address_text(await self.call(self.api.service_medical))
        except ApiError:
            return ""

    @on(JoinedList.RemoveRequested)
    def _remove(self, event: JoinedList.RemoveRequested) -> None:
        gone = self.joined.pop(event.position)
        discard_copies(self.draft_kind, self.owner or "", keep={j.file.path for j in self.joined})
        self.keep_draft()
        self.show_joined()
        if gone.file.file_id:
            self._forget(gone.file.file_id)
        notify_plain(self, _("« {name} » retiré du message.").format(name=gone.file.name))

    @work(group="attach-forget", exit_on_error=False)
    async def _forget(self, attachment_id: str) -> None:
        # Already uploaded: the server would count it in the quota until it expires.
        try:
            await self.api.remove_attachment(attachment_id)
        except ApiError:
            pass

    async def upload_joined(self, failed: str) -> list[str]:
        """The ids of the joined files, uploading those not yet on the server (once each)."""
        return await upload_all(self.api, self.joined, lambda factory: self.call(factory, failed), self.keep_draft)

    def sent_with_files(self) -> None:
        """The message is sent: its files are the server's now; the reduced copies go."""
        self.joined = []
        discard_copies(self.draft_kind, self.owner or "")
        self.show_joined()

    # --- received files --------------------------------------------------------------

    @on(OptionList.OptionSelected, ".received-attachments")
    def _save_selected(self, event: OptionList.OptionSelected) -> None:
        listing = event.option_list
        if isinstance(listing, ReceivedFiles) and event.option.id in listing.attachments:
            self.save_attachment(listing.attachments[event.option.id])

    @work(exclusive=True, group="attachment-save", exit_on_error=False)
    async def save_attachment(self, attachment: Attachment) -> None:
        line = self.query_one("#attachment-result", Static)
        path, problem = await save_in_downloads(
            self, download_name(attachment), lambda dest: self.api.download_attachment(attachment.id, dest),
            _("La pièce jointe n'a pas été enregistrée. Réessayez avec Entrée."))
        if path is None:
            show_line(line, problem)
            return
        show_line(line, _("Pièce jointe enregistrée : {path}").format(path=path), error=False)
        notify_plain(self, str(path), title=_("Pièce jointe enregistrée"))
