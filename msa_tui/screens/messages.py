"""Nous envoyer un message (PORTAL.md 2.2): the history of exchanges with the MSA, newest first."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..api.models import ThreadSummary
from ..core.formatting import long_date
from ..core.i18n import _
from ..core.messages import thread_state_words
from ..widgets.load_panel import LoadPanel
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
        self.threads: list[ThreadSummary] = []

    def compose_body(self) -> ComposeResult:
        yield Static(_("Nos échanges"), classes="page-title")
        yield Static(
            _("Entrée : lire un échange et y répondre · N : nouveau message · Échap : retour"),
            id="messages-help", markup=False,
        )
        yield LoadPanel(id="messages-load")
        yield OptionList(id="threads")
        yield Static(_("Aucun échange pour l'instant. Appuyez sur N pour écrire à votre MSA."),
                     id="threads-empty", markup=False)

    def on_screen_resume(self) -> None:
        # Back from a thread or a new message: unread counts and order have changed.
        self.load()

    @work(exclusive=True, group="messages-load", exit_on_error=False)
    async def load(self) -> None:
        page = await self.fetch(lambda: self.api.threads(limit=100), _(LOAD_FAILED), quiet=bool(self.threads))
        self.show_threads(page.items)

    def show_threads(self, threads: list[ThreadSummary]) -> None:
        listing = self.query_one("#threads", OptionList)
        highlighted = listing.highlighted_option.id if listing.highlighted_option else None
        self.threads = threads
        listing.clear_options()
        options: list[Option | None] = []
        for thread in threads:
            if options:
                options.append(None)  # a separator line between two threads
            options.append(Option(thread_prompt(thread), id=thread.id))
        listing.add_options(options)
        self.set_class(not threads, "-empty")
        if threads:
            ids = [t.id for t in threads]
            listing.highlighted = ids.index(highlighted) if highlighted in ids else 0
            listing.focus()

    @on(OptionList.OptionSelected, "#threads")
    def _open(self, event: OptionList.OptionSelected) -> None:
        thread = next((t for t in self.threads if t.id == event.option.id), None)
        if thread is not None:
            from .message_thread import ThreadScreen

            self.app.push_screen(ThreadScreen(thread.id, thread.subject))

    def action_new_thread(self) -> None:
        from .message_thread import NewThreadScreen

        self.app.push_screen(NewThreadScreen())
