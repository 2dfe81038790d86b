"""Contact & échanges (PORTAL.md 3): send a document, send a message, consult a document."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Button, Static

from ..core.i18n import _
from .base import PageScreen
from .registry import PAGES

_CHOICES = [
    ("e", "send_document", "Envoyer un document",
     "Transmettre à votre MSA un ou plusieurs documents, avec accusé de réception."),
    ("m", "messages", "Nous envoyer un message", "Poser une question et suivre nos échanges."),
    ("c", "documents", "Consulter un document", "Revoir les documents échangés avec la MSA."),
    ("v", "submissions", "Mes envois", "Revoir vos envois et leurs accusés de réception."),
]


class ContactScreen(PageScreen):
    """Four ways to reach the MSA (and what was sent); each leads to its page, or says plainly it is not built yet."""

    PAGE_TITLE = "Contact & échanges"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(key, f"open('{page}')", _(label), id=f"contact.{page}", tooltip=_(help_text))
        for key, page, label, help_text in _CHOICES
    ]

    def compose_body(self) -> ComposeResult:
        yield Static(_("Contact & échanges"), classes="page-title")
        with Vertical(id="contact-choices"):
            for key, page, label, help_text in _CHOICES:
                suffix = "" if PAGES[page].target else _(" (pas encore disponible)")
                yield Button(f"{_(label)} ({key.upper()})", id=f"contact-{page}", classes="contact-choice")
                yield Static(_(help_text) + suffix, classes="contact-help", markup=False)

    def on_mount(self) -> None:
        self.query_one("#contact-send_document", Button).focus()

    @on(Button.Pressed, ".contact-choice")
    def _pressed(self, event: Button.Pressed) -> None:
        self.action_open(str(event.button.id).removeprefix("contact-"))

    def action_open(self, page: str) -> None:
        self.msa_app.open_page(page)
