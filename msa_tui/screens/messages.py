"""Nous envoyer un message (PORTAL.md 2.2): the history of exchanges with the MSA, newest first."""

from __future__ import annotations

from rich.text import Text

from ..api.models import ThreadSummary
from ..core.formatting import long_date
from ..core.messages import thread_state_words
from ..widgets.model_list import ModelList
from .bindings import page_bindings
from .list_page import ListPage, ListWords

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


class MessagesScreen(ListPage[ThreadSummary]):
    """The list of threads; Enter reads one, N writes a new message, F5 reloads after a failure."""

    PAGE_TITLE = "Mes messages"
    BINDINGS = page_bindings(("n", "new_thread", "Nouveau message", "messages.new",
                              "Poser une nouvelle question à votre MSA"),
                             retry="Recharger la liste de vos échanges")
    WORDS = ListWords("messages", "Entrée : lire un échange et y répondre · N : nouveau message · Échap : retour",
                      "Aucun échange pour l'instant. Appuyez sur N pour écrire à votre MSA.", LOAD_FAILED,
                      heading="Nos échanges")

    def __init__(self) -> None:
        super().__init__(ModelList(thread_prompt, id="threads"))

    async def rows(self) -> list[ThreadSummary]:
        return (await self.fetch_rows(lambda: self.api.threads(limit=100))).items

    def open(self, thread: ThreadSummary) -> None:
        from .message_thread import ThreadScreen

        self.app.push_screen(ThreadScreen(thread.id, thread.subject))

    def action_new_thread(self) -> None:
        from .message_thread import NewThreadScreen

        self.app.push_screen(NewThreadScreen())
