"""One exchange with the MSA (read it, save its files, reply), and « Nouveau message » (subject, topic,
text); both may join files."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from typing import cast

from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..api.models import NewThread, Thread
from ..core import message_drafts
from ..core.message_attachments import joined_from_draft
from ..core.i18n import _
from ..core.idempotency import key_for
from ..core.messages import (
    TOPICS,
    author_word,
    check_body,
    check_new_thread,
    moment_words,
    thread_state_words,
)
from ..widgets.form_field import FormField, show_line
from ..widgets.load_panel import LoadPanel
from .bindings import KeySpec, page_bindings
from .base import PageScreen
from .form_page import FormPage
from .loading_page import LoadingPage
from .message_attach import Attaching, JoinedFiles, ReceivedFiles

NOT_SENT = "Votre message n'a pas été envoyé ; votre texte est conservé. Réessayez avec Ctrl+S."


def attach_key(id_: str) -> KeySpec:
    return ("ctrl+o", "attach", "Joindre", id_, "Joindre des fichiers à ce message")


def _leave(screen: PageScreen, typed: bool, question: str, draft_kind: str, owner: str | None) -> None:
    """Back to the list; text typed is only dropped (with its draft) once the member says so."""
    if not typed:
        screen.dismiss()
        return
    from .dialogs import ConfirmDialog

    def answered(yes: bool | None) -> None:
        if yes:
            message_drafts.discard(draft_kind, owner)
            screen.dismiss()

    screen.app.push_screen(
        ConfirmDialog(question, _("Abandonner"), id="confirm-drop-text", focus_cancel=True), answered)


def _owner(screen: PageScreen) -> str | None:
    me = getattr(screen.app, "me", None)
    return me.id if me is not None else None


class ThreadScreen(Attaching, LoadingPage):
    """The messages of one thread (author « Vous » / « MSA », date, files carried) and a reply box.

    Opening the thread marks it read on the server. A reply that fails keeps its text and its files.
    """

    PAGE_TITLE = "Nous envoyer un message"
    CSS_PATH = "messages.tcss"
    FAILURE_LINES = {"thread-send": "#reply-error", "attachment-save": "#attachment-result"}
    BINDINGS = page_bindings(
        ("ctrl+s", "send", "Envoyer", "thread.send", "Envoyer votre réponse à la MSA"),
        attach_key("thread.attach"),
        retry="Recharger cet échange",
        back="Revenir à la liste de vos échanges",
    )
    BUTTON_ACTIONS = {"reply-send": "send", "reply-attach": "attach"}

    def __init__(self, thread_id: str, subject: str = "") -> None:
        super().__init__()
        self.thread_id = thread_id
        self.subject = subject
        self.thread: Thread | None = None
        self.sending = False
        self.send_key: dict[str, str] | None = None
        self.owner: str | None = None
        self.draft_kind = message_drafts.reply_kind(thread_id)
        self.joined = []
        self.nature_labels = {}

    def compose_body(self) -> ComposeResult:
        yield Static(self.subject, id="thread-subject", classes="page-title", markup=False)
        yield Static("", id="thread-meta", markup=False)
        yield LoadPanel(id="thread-load")
        yield VerticalScroll(id="thread-messages")
        yield Static("", id="attachment-result", markup=False)
        yield Label(_("Votre réponse (Ctrl+S pour envoyer, Ctrl+O pour joindre un fichier)"), id="reply-label")
        yield TextArea(id="reply", soft_wrap=True, show_line_numbers=False)
        yield JoinedFiles(id="reply-files")
        yield Static("", id="reply-error", classes="error-message", markup=False)
        with Horizontal(id="reply-buttons"):
            yield Button(_("Envoyer"), id="reply-send", variant="primary", compact=True)
            yield Button(_("Joindre un fichier"), id="reply-attach", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reply-error", Static).display = False
        self.query_one("#attachment-result", Static).display = False
        self.owner = _owner(self)
        # A reply typed before an idle logout (or a quit) comes back, with its files.
        draft = message_drafts.load(self.draft_kind, self.owner)
        if draft and isinstance(draft.get("body"), str):
            self.query_one("#reply", TextArea).load_text(draft["body"])
            self.send_key = message_drafts.load_send_key(self.draft_kind, self.owner)
        self.joined = joined_from_draft(draft)
        self.show_joined()
        if self.joined:  # the natures' labels come with the constraints
            self.run_worker(self.constraints(), group="attach-labels", exit_on_error=False)
        self.query_one("#reply", TextArea).focus()
        self.load()

    @on(TextArea.Changed, "#reply")
    def _typed(self) -> None:
        self.keep_draft()

    def keep_draft(self) -> None:
        message_drafts.keep(self.draft_kind, self.owner, {
            "body": self.query_one("#reply", TextArea).text, "attachments": self.joined_to_draft()},
            send_key=self.send_key)

    @work(exclusive=True, group="thread-load", exit_on_error=False)
    async def load(self) -> None:
        thread = await self.fetch(lambda: self.api.thread(self.thread_id), _("Cet échange n'a pas pu être chargé."))
        self.show_thread(thread)

    def show_thread(self, thread: Thread) -> None:
        self.thread = thread
        self.query_one("#thread-subject", Static).update(thread.subject)
        meta = [thread.topic, *thread_state_words(thread)]
        self.query_one("#thread-meta", Static).update(_("Thème : ") + " · ".join(meta))
        box = self.query_one("#thread-messages", VerticalScroll)
        box.remove_children()
        widgets: list[Static | ReceivedFiles] = []
        for message in thread.messages:
            widgets.append(Static(
                f"{author_word(message.author)} — {moment_words(message.sent_at)}\n{message.body}",
                classes=f"message message-{message.author}", markup=False,
            ))
            if message.attachments:  # Tab reaches them; Entrée saves one
                widgets.append(ReceivedFiles(message.attachments))
        box.mount_all(widgets)
        box.call_after_refresh(box.scroll_end, animate=False)

    def action_send(self) -> None:
        if self.sending:
            return
        error_line = self.query_one("#reply-error", Static)
        body, problem = check_body(self.query_one("#reply", TextArea).text)
        if problem or body is None:
            show_line(error_line, problem)
            self.query_one("#reply", TextArea).focus()
            return
        show_line(error_line, None)
        self.send(body)

    @work(exclusive=True, group="thread-send", exit_on_error=False)
    async def send(self, body: str) -> None:
        self.sending = True
        button = self.query_one("#reply-send", Button)
        button.disabled = True
        try:
            try:
                files = await self.upload_joined(_(NOT_SENT))
            except ValueError as changed:  # a joined file changed on disk: said, nothing sent
                show_line(self.query_one("#reply-error", Static), str(changed))
                return
            # The same text sent again (after a lost answer) keeps its key: the server posts it once.
            self.send_key = key_for({"body": body, "attachments": files} if files else body, self.send_key)
            key = self.send_key["key"]
            self.keep_draft()
            thread = await self.call(lambda: self.api.reply(self.thread_id, body, idempotency_key=key,
                                                            attachments=files), _(NOT_SENT))
        finally:
            self.sending = False
            button.disabled = False
        self.send_key = None  # sent: the next reply, even with the same words, is a new message
        self.sent_with_files()
        self.query_one("#reply", TextArea).clear()
        message_drafts.discard(self.draft_kind, self.owner)
        self.notify(_("Votre message est envoyé à la MSA."), title=_("Message envoyé"))
        self.show_thread(thread)

    def action_back(self) -> None:
        typed = bool(self.query_one("#reply", TextArea).text.strip() or self.joined)
        _leave(self, typed, _("Abandonner votre réponse ? Le texte saisi sera perdu."), self.draft_kind, self.owner)


class NewThreadScreen(Attaching, FormPage):
    """« Nouveau message »: subject, topic from a short list, text, files; then the new thread opens."""

    PAGE_TITLE = "Nous envoyer un message"
    CSS_PATH = "messages.tcss"
    FORM_ERROR = "#new-thread-error"
    SUBMIT_ID = "new-thread-send"
    BINDINGS = page_bindings(
        ("ctrl+s", "submit", "Envoyer", "new_thread.send", "Envoyer ce message à la MSA"),
        attach_key("new_thread.attach"),
        back="Revenir à la liste de vos échanges",
    )
    BUTTON_ACTIONS = {"new-thread-attach": "attach"}

    def __init__(self) -> None:
        super().__init__()
        self.send_key: dict[str, str] | None = None
        self.owner: str | None = None
        self._restoring = False
        self.draft_kind = message_drafts.NEW_MESSAGE_KIND
        self.joined = []
        self.nature_labels = {}

    def compose_body(self) -> ComposeResult:
        # FormField types its control as an Input; it only labels it and shows its error line.
        topic = Select([(_(topic), topic) for topic in TOPICS], prompt=_("Choisissez un thème"), id="topic-select")
        with VerticalScroll(id="new-thread-form"):
            yield Static(_("Nouveau message"), classes="page-title")
            yield FormField("subject", _("Objet"), Input(max_length=120, id="subject-input"))
            yield FormField("topic", _("Thème"), cast(Input, topic))
            yield FormField("body", _("Votre message"), cast(Input, TextArea(id="body-input", soft_wrap=True)))
            yield Label(_("Pièces jointes (Ctrl+O pour joindre un fichier)"), classes="field-label")
            yield JoinedFiles(id="new-thread-files")
            yield Static("", id="new-thread-error", classes="error-message", markup=False)
            with Horizontal(id="new-thread-buttons"):
                yield Button(_("Envoyer") + " (Ctrl+S)", id="new-thread-send", variant="primary", compact=True)
                yield Button(_("Joindre un fichier"), id="new-thread-attach", compact=True)

    def form_fields(self) -> dict[str, FormField]:
        return {name: self.query_one(f"#{name}-field", FormField) for name in ("subject", "topic", "body")}

    def on_mount(self) -> None:
        self.query_one("#new-thread-error", Static).display = False
        self.owner = _owner(self)
        draft = message_drafts.load(self.draft_kind, self.owner)
        if draft:
            self._restoring = True
            self.query_one("#subject-input", Input).value = str(draft.get("subject") or "")
            if draft.get("topic") in TOPICS:
                self.query_one("#topic-select", Select).value = draft["topic"]
            self.query_one("#body-input", TextArea).load_text(str(draft.get("body") or ""))
            self.send_key = message_drafts.load_send_key(self.draft_kind, self.owner)
            self.call_after_refresh(setattr, self, "_restoring", False)
        self.joined = joined_from_draft(draft)
        self.show_joined()
        if self.joined:
            self.run_worker(self.constraints(), group="attach-labels", exit_on_error=False)
        self.query_one("#subject-input", Input).focus()

    @on(Input.Changed, "#subject-input")
    @on(Select.Changed, "#topic-select")
    @on(TextArea.Changed, "#body-input")
    def _typed(self) -> None:
        if not self._restoring:
            self.keep_draft()

    def values(self) -> dict[str, str | None]:
        topic = self.query_one("#topic-select", Select).value
        return {"subject": self.query_one("#subject-input", Input).value,
                "topic": None if topic is Select.NULL else str(topic),
                "body": self.query_one("#body-input", TextArea).text}

    def keep_draft(self) -> None:
        message_drafts.keep(self.draft_kind, self.owner, {**self.values(), "attachments": self.joined_to_draft()},
                            send_key=self.send_key)

    def action_submit(self) -> None:
        if self.sending:
            return
        values = self.values()
        checked = check_new_thread(values["subject"] or "", values["topic"], values["body"] or "")
        if self.check_fields(checked.errors):
            self.send(checked.values)

    @work(exclusive=True, group="new-thread-send", exit_on_error=False)
    async def send(self, values: dict[str, str]) -> None:
        try:
            files = await self.upload_joined(_(NOT_SENT))
        except ValueError as changed:  # a joined file changed on disk: said, nothing sent
            self.set_form_error(str(changed))
            return
        new = NewThread(**values, attachments=files)
        self.send_key = key_for(new.model_dump(mode="json", exclude_defaults=True), self.send_key)
        key = self.send_key["key"]
        self.keep_draft()
        thread = await self.submit_form(lambda: self.api.new_thread(new, idempotency_key=key), _(NOT_SENT),
                                        lambda field: field if field in ("subject", "topic", "body") else None)
        self.sent_with_files()
        message_drafts.discard(self.draft_kind, self.owner)
        self.notify(_("Votre message est envoyé à la MSA."), title=_("Message envoyé"))
        # The new thread replaces the form: Échap from it goes back to the refreshed list.
        self.app.switch_screen(ThreadScreen(thread.id, thread.subject))

    def action_back(self) -> None:
        values = self.values()
        typed = (values["subject"] or "").strip() or (values["body"] or "").strip() or self.joined
        _leave(self, bool(typed), _("Abandonner ce message ? Le texte saisi sera perdu."), self.draft_kind,
               self.owner)
