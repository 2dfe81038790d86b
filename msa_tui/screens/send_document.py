"""Envoyer un document (PORTAL.md 3): the seven-step wizard, saved as a draft at every change."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal
from textual.widgets import Button, ContentSwitcher, LoadingIndicator, Static
from textual.worker import Worker

from ..api.errors import ApiError
from ..core.drafts import DraftRefused, delete_draft, load_draft, save_draft
from ..core.send_document.files import check_batch, ensure_hash
from ..core.send_document.shrink import discard_copies
from ..core.i18n import _
from ..core.send_document.wizard import (
    STEP_COUNT, STEP_NAMES, Prefill, Step, Wizard, medical_address_text, new_wizard, people_of,
)
from .bindings import back_binding, retry_binding
from .kiosk_papers import KioskPapers, paper_bindings
from .base import PageScreen
from .wizard_steps.dialogs import FilePickerDialog, ResumeDialog
from .wizard_steps.panes import (
    CountPane, DetailsPane, Edited, FilesPane, ObjectPane, Pane, PreparePane, RecapPane, Told,
)
from .wizard_steps.sending import SendPane
from .wizard_steps.shrink_offer import offer_shrinks
from ..widgets.safe import notify_plain, plain

log = logging.getLogger(__name__)

DRAFT_KIND = "send_document"
PANES: dict[Step, type[Pane]] = {
    Step.OBJECT: ObjectPane, Step.PREPARE: PreparePane, Step.COUNT: CountPane, Step.DETAILS: DetailsPane,
    Step.FILES: FilesPane, Step.RECAP: RecapPane, Step.SEND: SendPane,
}


_FORWARD = (
    ("next", "Suivant", "next", "Étape suivante (si celle-ci est complète)"),
    ("next_as('send')", "Envoyer", "next_send", "Envoyer les documents (étape 7)"),
    ("next_as('finish')", "Terminer", "finish", "Fermer l'assistant une fois l'envoi confirmé"),
)
"""The forward key's three wordings, as the step's button reads (check_action shows one of them)."""


def _step_keys(forward: str, backward: str, back_label: str, id_suffix: str = "",
               shown: tuple[str, str] | None = None) -> list[Binding]:
    """One pair of step keys: forward (three wordings), then back; ids `wizard.<name><id_suffix>`."""
    forward_display, back_display = shown or (None, None)
    keys = [Binding(forward, action, _(label), id=f"wizard.{name}{id_suffix}", priority=True,
                    key_display=forward_display, tooltip=_(tooltip))
            for action, label, name, tooltip in _FORWARD]
    keys.append(Binding(backward, "previous", _(back_label), id=f"wizard.back{id_suffix}", priority=True,
                        key_display=back_display, tooltip=_("Étape précédente, sans rien perdre")))
    return keys


class SendDocumentScreen(KioskPapers, PageScreen):
    """One pane per step in a ContentSwitcher; the Wizard holds every rule and every value."""

    PAGE_TITLE = "Envoyer un document"
    FOOTER_HIDDEN = frozenset({"app.logout"})
    """At 80 columns the step keys (Suppr, Échap, Alt+N/Alt+P) need the room; Ctrl+L still works."""
    BINDINGS = [
        # Alt+N / Alt+P first: they pass through GNU screen and plain SSH, where Ctrl+arrows are
        # often lost; the footer shows one key per action, so these are the ones it shows.
        # « Préc. »: « Alt+P Précédent » would push the footer past 80 columns at steps 4 and 6.
        *_step_keys("alt+n", "alt+p", "Préc.", "_alt", ("Alt+N", "Alt+P")),
        *_step_keys("ctrl+right", "ctrl+left", "Précédent"),
        retry_binding("Recharger le formulaire"),
        # At step 7 « r » starts the sending, and starts it again after a cut (the step's own words say so).
        Binding("r", "send", _("Envoyer"), id="wizard.send",
                tooltip=_("Lancer l'envoi, ou le relancer après une coupure")),
        # "Retour", not "Quitter": Ctrl+Q already reads "Quitter" (the app) on the same footer.
        back_binding("Quitter l'assistant ; le brouillon est gardé"),
        *paper_bindings(),
    ]

    def __init__(self, start_dir: Path | None = None, prefill: Prefill | None = None) -> None:
        super().__init__()
        self.start_dir = start_dir
        self.prefill = prefill
        """Filled in from a démarche's pièces demandées (the dashboard's alert), unless a draft is resumed."""
        self.wizard: Wizard | None = None
        self.medical_address: str | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(_("Envoyer un document"), id="wizard-title", classes="page-title")
        yield LoadingIndicator(id="wizard-loading")
        yield Container(id="wizard-area")
        yield Static("", id="wizard-errors", markup=False)
        with Horizontal(id="wizard-nav"):
            yield Static("", id="wizard-status", markup=False)
            yield Button(_("Précédent (Alt+P)"), id="wizard-back")
            yield Button(_("Suivant (Alt+N)"), id="wizard-next", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#wizard-errors").display = False
        self.query_one("#wizard-nav").display = False
        self.load()

    # --- loading and resuming ---------------------------------------------------------

    @work(exclusive=True, group="wizard-load", exit_on_error=False)
    async def load(self) -> None:
        self.query_one("#wizard-loading").display = True
        app = self.msa_app
        constraints = app.constraints
        if constraints is None:
            constraints = await self.call(self.api.submission_constraints)
            app.constraints = constraints
        me = app.me
        if me is None:
            me = await self.call(self.api.me)
        self.query_one("#wizard-loading").display = False
        people = people_of(me)
        wizard = None
        data = load_draft(DRAFT_KIND, me.id)
        if data is not None:
            try:
                wizard = Wizard.from_dict(data, constraints, people)
            except ValueError:
                log.warning("send-document draft unusable; starting afresh")
            if wizard is not None and wizard.member_id == me.id:
                if not await self.app.push_screen_wait(ResumeDialog(_resume_summary(wizard))):
                    delete_draft(DRAFT_KIND, me.id)
                    wizard = None
            else:
                wizard = None
        await self.start(wizard or new_wizard(me.id, constraints, people, self.prefill))

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        if worker.group != "wizard-load":
            super().show_failure(message, worker, already_told=already_told)
            return
        if not already_told:
            notify_plain(self, message, severity="error")
        self.query_one("#wizard-loading").display = False
        self._errors([_("Le formulaire n'a pas pu être chargé. Appuyez sur F5 pour réessayer.")])

    async def start(self, wizard: Wizard) -> None:
        self.wizard = wizard
        area = self.query_one("#wizard-area")
        await area.remove_children()
        switcher = ContentSwitcher(
            *[cls(wizard, id=f"step-{int(step)}", classes="wizard-pane") for step, cls in PANES.items()],
            id="wizard-steps",
        )
        await area.mount(switcher)
        self.query_one("#wizard-nav").display = True
        await self.show_step()

    # --- rendering -------------------------------------------------------------------------

    def pane(self, step: Step | None = None) -> Pane:
        assert self.wizard is not None
        return self.query_one(f"#step-{int(step or self.wizard.step)}", Pane)

    async def show_step(self) -> None:
        wiz = self.wizard
        assert wiz is not None
        self.query_one("#wizard-title", Static).update(
            _("Étape {k}/{n}").format(k=int(wiz.step), n=STEP_COUNT) + " — " + _(STEP_NAMES[wiz.step]))
        self._errors([])
        self.tell("")
        pane = self.pane()
        if isinstance(pane, SendPane):
            pane.labels = self._labels()
        await pane.render_wizard()
        self.query_one("#wizard-steps", ContentSwitcher).current = pane.id
        back = self.query_one("#wizard-back", Button)
        back.disabled = not wiz.can_go_back()
        nxt = self.query_one("#wizard-next", Button)
        nxt.label = {Step.RECAP: _("Envoyer (Alt+N)"), Step.SEND: _("Terminer")}.get(
            wiz.step, _("Suivant (Alt+N)"))
        nxt.display = wiz.step is not Step.SEND or wiz.receipt is not None
        self._save()
        if wiz.step is Step.DETAILS and wiz.medical_documents():
            self._load_medical_address()
        if wiz.step is Step.RECAP:
            self._hash_files()
        pane.scroll_home(animate=False)
        self.refresh_bindings()
        self.call_after_refresh(self._focus_pane)

    def _focus_pane(self) -> None:
        pane = self.pane()
        for widget in pane.query("*"):
            if widget.focusable and widget.display:
                widget.focus()
                return
        self.query_one("#wizard-next", Button).focus()

    def _errors(self, problems: list[str]) -> None:
        box = self.query_one("#wizard-errors", Static)
        box.display = bool(problems)
        box.update("\n".join(_("Erreur : ") + p for p in problems))

    def tell(self, text: str) -> None:
        """A confirmation beside the buttons (files added or removed, sent): toasts would cover them."""
        self.query_one("#wizard-status", Static).update(plain(text))

    @on(Told)
    def _told(self, event: Told) -> None:
        event.stop()
        self.tell(event.text)

    def _labels(self) -> dict[str, dict[str, str]]:
        wiz = self.wizard
        assert wiz is not None
        return {"nature_labels": {n.code: n.label for n in wiz.constraints.natures},
                "person_labels": {p.id: p.label for p in wiz.people}}

    def _save(self) -> None:
        wiz = self.wizard
        if wiz is None:
            return
        try:
            if wiz.is_blank():  # opened and left with nothing chosen: nothing to offer next time
                delete_draft(DRAFT_KIND, wiz.member_id)
                discard_copies(DRAFT_KIND, wiz.member_id)
                return
            save_draft(DRAFT_KIND, wiz.member_id, wiz.to_dict())
            # Reduced copies of pages no longer attached (removed, or the draft restarted) go.
            discard_copies(DRAFT_KIND, wiz.member_id, keep={f.path for d in wiz.documents for f in d.files})
        except (OSError, DraftRefused) as exc:
            log.error("draft not saved: %s", exc)
            self.notify(_("Le brouillon n'a pas pu être enregistré sur le disque."), severity="warning")

    # --- moves ---------------------------------------------------------------------------------

    @on(Button.Pressed, "#wizard-next")
    async def action_next(self) -> None:
        wiz = self.wizard
        if wiz is None:
            return
        if wiz.step is Step.SEND:
            if wiz.receipt is not None:
                self.app.pop_screen()
            return
        problems = wiz.next()
        if problems:
            self._errors(problems)
            if wiz.step is Step.DETAILS and wiz.medical_documents():
                self._load_medical_address()
            return
        await self.show_step()
        if wiz.step is Step.SEND:
            self.send()

    @on(Button.Pressed, "#wizard-back")
    async def action_previous(self) -> None:
        if self.wizard is not None and self.wizard.back():
            await self.show_step()

    @on(Button.Pressed, "#prepare-next")
    async def _prepare_next(self) -> None:
        await self.action_next()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Keys that cannot do anything now are left off the footer (room for F1/Ctrl+Q/Ctrl+L).
        wiz = self.wizard
        if action in ("mail_copy", "print_paper"):  # the receipt, once sent (kiosk mode)
            return bool(self.paper_allowed(action)) and wiz is not None and wiz.receipt is not None
        if action == "reload":
            return wiz is None
        if action == "send":
            return wiz is not None and wiz.step is Step.SEND and wiz.receipt is None
        if action == "previous":
            return wiz is not None and wiz.can_go_back() and wiz.receipt is None
        if action == "next":
            return wiz is None or wiz.step not in (Step.RECAP, Step.SEND)
        if action == "next_as":
            if wiz is None:
                return False
            if parameters == ("send",):
                return wiz.step is Step.RECAP
            return wiz.step is Step.SEND and wiz.receipt is not None
        return super().check_action(action, parameters)

    async def action_next_as(self, _label: str) -> None:
        await self.action_next()

    async def paper_to_hand(self) -> Path | None:
        path = self.query_one(SendPane).pdf_path if self.query(SendPane) else None
        if path is None or not path.is_file():
            self.tell_paper(_("L'accusé de réception n'a pas été enregistré en PDF."), failed=True)
            return None
        return path

    def action_reload(self) -> None:
        if self.wizard is None:
            self.load()

    def action_send(self) -> None:
        if self.wizard is not None and self.wizard.step is Step.SEND and self.wizard.receipt is None:
            self.send()

    def action_back(self) -> None:
        if self.wizard is not None and self.wizard.receipt is None:
            self.notify(_("Votre envoi en cours est gardé : vous pourrez le reprendre."))
        self.app.pop_screen()

    @on(Edited)
    def _edited(self, event: Edited) -> None:
        event.stop()
        self._save()
        # The refusals were about the values just changed: leaving them would contradict the screen
        # (e.g. "cochez l'attestation" beside a ticked box). Alt+N (or Ctrl+→) checks again.
        if self.wizard is not None and self.wizard.step is not Step.SEND:
            self._errors([])
        self.refresh_bindings()

    # --- workers -------------------------------------------------------------------------------

    @work(exclusive=True, group="wizard-send", exit_on_error=False)
    async def send(self) -> None:
        await self.query_one(SendPane).run_send()
        self._save()

    @on(SendPane.Finished)
    def _finished(self, event: SendPane.Finished) -> None:
        wiz = self.wizard
        assert wiz is not None
        # Sent: the receipt is on screen and in Downloads; the draft (and its reduced copies) has done its job.
        delete_draft(DRAFT_KIND, wiz.member_id)
        discard_copies(DRAFT_KIND, wiz.member_id)
        nxt = self.query_one("#wizard-next", Button)
        nxt.display = True
        self.query_one("#wizard-back", Button).disabled = True
        self.refresh_bindings()
        # The receipt was recomposed under the focus: give it back, so the arrows and PgDn scroll
        # through the deadline, the appeal routes and the files' SHA-256 at 80x24.
        self.pane(Step.SEND).focus()
        self.tell(_("Envoi confirmé. Référence : {ref}").format(ref=wiz.receipt.reference if wiz.receipt else ""))

    @on(DetailsPane.MedicalChosen)
    def _medical_chosen(self) -> None:
        self._load_medical_address()

    @work(exclusive=True, group="wizard-medical", exit_on_error=False)
    async def _load_medical_address(self) -> None:
        if self.medical_address is None:
            try:
                service = await self.call(lambda: self.api.service_medical())
            except ApiError:
                service = None
            if service is not None:
                self.medical_address = medical_address_text(service)
        self.query_one(DetailsPane).show_medical(self.medical_address, scroll=True)

    @work(group="wizard-hash", exit_on_error=False)
    async def _hash_files(self) -> None:
        wiz = self.wizard
        assert wiz is not None
        for _i, _j, f in wiz.all_files():
            try:
                await asyncio.to_thread(ensure_hash, f)
            except OSError:
                continue
        self._save()
        if wiz.step is Step.RECAP:
            self.query_one(RecapPane).update_text()

    # --- files -----------------------------------------------------------------------------------

    @on(FilesPane.AddRequested)
    def _add_files(self, event: FilesPane.AddRequested) -> None:
        self._pick(event.index)

    @work(group="wizard-pick", exit_on_error=False)
    async def _pick(self, index: int) -> None:
        wiz = self.wizard
        assert wiz is not None
        title = _("Fichiers du document {i}").format(i=index + 1)
        paths = await self.app.push_screen_wait(FilePickerDialog(title, wiz.constraints, self.start_dir))
        if not paths:
            return
        accepted, refused = check_batch(paths, wiz.constraints, wiz.documents[index].files)
        room = wiz.constraints.max_files_per_document - len(wiz.documents[index].files) - len(accepted)
        reduced, refusals = await offer_shrinks(self, refused, wiz.constraints, kind=DRAFT_KIND,
                                                owner=wiz.member_id, room=room, say=self.tell)
        accepted += reduced
        wiz.add_files(index, accepted)
        pane = self.query_one(FilesPane)
        pane.refusals = refusals
        self._save()
        await pane.render_wizard()
        if accepted:
            self.tell(_("{n} fichier(s) ajouté(s) au document {i}.").format(n=len(accepted), i=index + 1))
        self.query_one(f"#add-{index}", Button).focus()


def _resume_summary(wizard: Wizard) -> str:
    files = len(wizard.all_files())
    return _("Un envoi commencé n'a pas été terminé : {step}, {files} fichier(s) joint(s).").format(
        step=wizard.title, files=files)


assert STEP_COUNT == len(PANES)
