"""Mes envois (issue 14): every sending, newest first; Enter shows its accusé de réception, S saves it as PDF."""

from __future__ import annotations

import asyncio
from pathlib import Path

from rich.console import Group
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import OptionList, Static

from ..api.models import Receipt, SentSubmission
from ..core.i18n import _
from ..core.send_document.receipt import write_receipt_pdf
from ..core.send_document.wizard import people_of
from ..core.submissions import PAGE_SIZE, sent_details, sent_title
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from ..widgets.receipt_view import ReceiptView
from ..widgets.safe import notify_plain
from .bindings import page_bindings
from .kiosk_papers import KioskPapers, paper_bindings
from .loading_page import LoadingPage
from .prompts import two_lines


def sent_prompt(sent: SentSubmission) -> Group:
    return two_lines(sent_title(sent), sent_details(sent))


class SubmissionsScreen(LoadingPage):
    """The sendings as a list, a page at a time (M loads the next); Enter opens one's receipt."""

    PAGE_TITLE = "Mes envois"
    BINDINGS = page_bindings(
        ("m", "more", "Charger plus", "submissions.more", "Afficher les envois plus anciens"),
        retry="Recharger la liste de vos envois",
    )

    def __init__(self) -> None:
        super().__init__()
        self.listing: ModelList[SentSubmission] = ModelList(sent_prompt, id="submissions")
        self.next_cursor: str | None = None

    def compose_body(self) -> ComposeResult:
        yield Static(_("Entrée : revoir l'accusé de réception · M : envois plus anciens"),
                     id="submissions-help", markup=False)
        yield LoadPanel(id="submissions-load")
        yield from self.listing.compose_with_empty(_(
            "Aucun envoi pour l'instant : les documents envoyés et les déclarations déposées apparaîtront ici."))
        yield Static("", id="submissions-more", markup=False)

    def on_screen_resume(self) -> None:
        self.load()

    @work(exclusive=True, group="submissions-load", exit_on_error=False)
    async def load(self, more: bool = False) -> None:
        cursor = self.next_cursor if more else None
        page = await self.fetch(lambda: self.api.sent_submissions(limit=PAGE_SIZE, cursor=cursor),
                                _("Vos envois n'ont pas pu être chargés."), quiet=bool(self.listing.models))
        if more:
            self.listing.wanted = page.items[0].id if page.items else None
        self.next_cursor = page.next_cursor
        self.listing.show([*self.listing.models, *page.items] if more else page.items)
        self.query_one("#submissions-more", Static).update(
            _("D'autres envois, plus anciens : M pour les afficher.") if self.next_cursor else "")
        self.refresh_bindings()

    def action_more(self) -> None:
        if self.next_cursor:
            self.load(more=True)

    @on(OptionList.OptionSelected, "#submissions")
    def _open(self) -> None:
        sent = self.listing.selected()
        if sent is not None:
            self.app.push_screen(ReceiptScreen(sent.id, sent.reference))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more":
            return bool(self.next_cursor)
        return super().check_action(action, parameters)


class ReceiptScreen(KioskPapers, LoadingPage):
    """One accusé de réception as it was issued; S saves it again as PDF (readable by its owner only)."""

    PAGE_TITLE = "Accusé de réception"
    PAPER_LINE = "#receipt-saved"
    FAILURE_LINES = {"receipt-save": "#receipt-saved"}
    BINDINGS = [
        *page_bindings(("s", "save", "Enregistrer en PDF", "receipt.save",
                        "Enregistrer l'accusé de réception en PDF dans votre dossier Téléchargements"),
                       retry="Recharger l'accusé de réception"),
        *paper_bindings(),
    ]

    def __init__(self, submission_id: str, reference: str = "", *, note: str = "") -> None:
        super().__init__()
        self.submission_id = submission_id
        self.reference = reference
        self.note = note
        """A line said above the receipt (e.g. that a declaration was filed)."""
        self.receipt: Receipt | None = None
        self.labels: dict[str, dict[str, str]] = {}
        self.saved: Path | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="receipt-scroll"):
            if self.note:
                yield Static(self.note, id="receipt-note", markup=False)
            yield Static(_("S : enregistrer en PDF · Échap : retour"), id="receipt-help", markup=False)
            yield Static("", id="receipt-saved", markup=False)
            yield LoadPanel(id="receipt-load")
            if self.receipt is not None:
                yield ReceiptView(self.receipt, id="receipt-view", **self.labels)

    def on_mount(self) -> None:
        self.query_one("#receipt-saved", Static).display = False
        self.load()

    @work(exclusive=True, group="receipt-load", exit_on_error=False)
    async def load(self) -> None:
        failed = _("L'accusé de réception n'a pas pu être chargé.")
        receipt = await self.fetch(lambda: self.api.receipt(self.submission_id), failed)
        natures = {}
        if any(receipt.documents):
            constraints = await self.call(self.api.submission_constraints, failed)
            natures = {n.code: n.label for n in constraints.natures}
        me = self.msa_app.me
        persons = {p.id: p.label for p in people_of(me)} if me is not None else {}
        self.receipt, self.labels = receipt, {"nature_labels": natures, "person_labels": persons}
        await self.recompose()
        self.query_one("#receipt-saved", Static).display = self.saved is not None
        self.query_one(LoadPanel).ready()
        self.query_one("#receipt-scroll", VerticalScroll).focus()
        self.refresh_bindings()

    def action_save(self) -> None:
        if self.receipt is not None:
            self.save()

    @work(exclusive=True, group="receipt-save", exit_on_error=False)
    async def save(self) -> None:
        await self._save()

    async def _save(self) -> Path | None:
        from ..core import paths

        receipt = self.receipt
        if receipt is None:
            return None
        line = self.query_one("#receipt-saved", Static)
        line.display = True
        try:
            self.saved = await asyncio.to_thread(write_receipt_pdf, receipt, paths.downloads_dir(), **self.labels)
        except OSError as exc:
            line.update("⚠ " + _("L'accusé de réception n'a pas pu être enregistré en PDF : ") + str(exc))
            return None
        line.update(_("Accusé de réception enregistré : ") + str(self.saved))
        notify_plain(self, str(self.saved), title=_("Accusé de réception enregistré"))
        return self.saved

    async def paper_to_hand(self) -> Path | None:
        if self.saved is not None and self.saved.is_file():
            return self.saved
        return await self._save()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save":
            return self.receipt is not None
        return super().check_action(action, parameters)
