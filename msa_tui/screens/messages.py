"""Nous envoyer un message (PORTAL.md 2.2): the history of exchanges with the MSA, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static

from ..api.models import ThreadSummary
from ..core.formatting import long_date
from ..core.i18n import _
from ..core.messages import thread_state_words
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from .bindings import retry_binding
from .loading_page import LoadingPage

LOAD_FAILED = "Vos échanges n'ont pas pu être chargés."


def thread_prompt(thread: ThreadSummary) -> Text:
    """One thread in the list: subject, then date · topic · what needs attention (two lines at 80 columns)."""
    text = Text()
    state = thread_state_words(thread)
    if state:
        # A sign before the subject as well as words: the eye finds what is new without colour.
        text.append("● ", style="bold")
    text.append(thread.subject, style="bold")
    details = [long_date(thread.updated_at), thread.topic, *state]
    text.append("\n  " + " · ".join(details))
    return text


class MessagesScreen(LoadingPage):
    """The list of threads; Enter reads one, N writes a new message, F5 reloads after a failure."""

    PAGE_TITLE = "Mes messages"
    CSS_PATH = "messages.tcss"
    BINDINGS = [
        Binding("n", "new_thread", _("Nouveau message"), id="messages.new",
                tooltip=_("Poser une nouvelle question à votre MSA")),
        retry_binding("Recharger la liste de vos échanges"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing: ModelList[ThreadSummary] = ModelList(thread_prompt, id="threads")

    def compose_body(self) -> ComposeResult:
        yield Static(_("Nos échanges"), classes="page-title")
        yield Static(
            _("Entrée : lire un échange et y répondre · N : nouveau message · Échap : retour"),
            id="messages-help", markup=False,
        )
        yield LoadPanel(id="messages-load")
        yield from self.listing.compose_with_empty(
            _("Aucun échange pour l'instant. Appuyez sur N pour écrire à votre MSA."))

    def on_screen_resume(self) -> None:
        # Back from a thread or a new message: unread counts and order have changed.
        self.load()

    @work(exclusive=True, group="messages-load", exit_on_error=False)
    async def load(self) -> None:
        page = await self.fetch(lambda: self.api.threads(limit=100), _(LOAD_FAILED), quiet=bool(self.listing.models))
        self.listing.show(page.items)

    @on(OptionList.OptionSelected, "#threads")
    def _open(self) -> None:
        thread = self.listing.selected()
        if thread is not None:
            from .message_thread import ThreadScreen

            self.app.push_screen(ThreadScreen(thread.id, thread.subject))

    def action_new_thread(self) -> None:
        from .message_thread import NewThreadScreen

        self.app.push_screen(NewThreadScreen())
