"""One exchange with the MSA (read it, reply), and « Nouveau message » (subject, topic, text)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Select, Static, TextArea

from ..api.errors import ValidationFailed
from ..api.models import NewThread, Thread
from ..core import message_drafts
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
from .bindings import back_binding, retry_binding
from .base import PageScreen
from .loading_page import LoadingPage

NOT_SENT = "Votre message n'a pas été envoyé ; votre texte est conservé. Réessayez avec Ctrl+S."


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


class ThreadScreen(LoadingPage):
    """The messages of one thread (author « Vous » / « MSA », date) and a reply box.

    Opening the thread marks it read on the server. A reply that fails keeps its text.
    """

    PAGE_TITLE = "Nous envoyer un message"
    CSS_PATH = "messages.tcss"
    FAILURE_LINES = {"thread-send": "#reply-error"}
    BINDINGS = [
        Binding("ctrl+s", "send", _("Envoyer"), id="thread.send",
                tooltip=_("Envoyer votre réponse à la MSA")),
        retry_binding("Recharger cet échange"),
        back_binding("Revenir à la liste de vos échanges"),
    ]

    def __init__(self, thread_id: str, subject: str = "") -> None:
        super().__init__()
        self.thread_id = thread_id
        self.subject = subject
        self.thread: Thread | None = None
        self.sending = False
        self.send_key: dict[str, str] | None = None
        self.owner: str | None = None
        self.draft_kind = message_drafts.reply_kind(thread_id)

    def compose_body(self) -> ComposeResult:
        yield Static(self.subject, id="thread-subject", classes="page-title", markup=False)
        yield Static("", id="thread-meta", markup=False)
        yield LoadPanel(id="thread-load")
        yield VerticalScroll(id="thread-messages")
        yield Label(_("Votre réponse (Ctrl+S pour envoyer)"), id="reply-label")
        yield TextArea(id="reply", soft_wrap=True, show_line_numbers=False)
        yield Static("", id="reply-error", classes="error-message", markup=False)
        with Horizontal(id="reply-buttons"):
            yield Button(_("Envoyer"), id="reply-send", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#reply-error", Static).display = False
        self.owner = _owner(self)
        # A reply typed before an idle logout (or a quit) comes back.
        draft = message_drafts.load(self.draft_kind, self.owner)
        if draft and isinstance(draft.get("body"), str):
            self.query_one("#reply", TextArea).load_text(draft["body"])
            self.send_key = message_drafts.load_send_key(self.draft_kind, self.owner)
        self.query_one("#reply", TextArea).focus()
        self.load()

    @on(TextArea.Changed, "#reply")
    def _typed(self, event: TextArea.Changed) -> None:
        message_drafts.keep(self.draft_kind, self.owner, {"body": event.text_area.text}, send_key=self.send_key)

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
        box.mount_all([
            Static(
                f"{author_word(message.author)} — {moment_words(message.sent_at)}\n{message.body}",
                classes=f"message message-{message.author}", markup=False,
            )
            for message in thread.messages
        ])
        box.call_after_refresh(box.scroll_end, animate=False)

    @on(Button.Pressed, "#reply-send")
    def _send_pressed(self) -> None:
        self.action_send()

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
            # The same text sent again (after a lost answer) keeps its key: the server posts it once.
            self.send_key = key_for(body, self.send_key)
            key = self.send_key["key"]
            message_drafts.keep(self.draft_kind, self.owner, {"body": body}, send_key=self.send_key)
            thread = await self.call(lambda: self.api.reply(self.thread_id, body, idempotency_key=key), _(NOT_SENT))
        finally:
            self.sending = False
            button.disabled = False
        self.send_key = None  # sent: the next reply, even with the same words, is a new message
        self.query_one("#reply", TextArea).clear()
        message_drafts.discard(self.draft_kind, self.owner)
        self.notify(_("Votre message est envoyé à la MSA."), title=_("Message envoyé"))
        self.show_thread(thread)

    def action_back(self) -> None:
        _leave(self, bool(self.query_one("#reply", TextArea).text.strip()),
               _("Abandonner votre réponse ? Le texte saisi sera perdu."), self.draft_kind, self.owner)


class NewThreadScreen(PageScreen):
    """« Nouveau message »: subject, topic from a short list, text; then the new thread opens."""

    PAGE_TITLE = "Nous envoyer un message"
    CSS_PATH = "messages.tcss"
    FAILURE_LINES = {"new-thread-send": "#new-thread-error"}
    BINDINGS = [
        Binding("ctrl+s", "send", _("Envoyer"), id="new_thread.send",
                tooltip=_("Envoyer ce message à la MSA")),
        back_binding("Revenir à la liste de vos échanges"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.sending = False
        self.send_key: dict[str, str] | None = None
        self.owner: str | None = None
        self._restoring = False

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="new-thread-form"):
            yield Static(_("Nouveau message"), classes="page-title")
            yield FormField("subject", _("Objet"), Input(max_length=120, id="subject-input"))
            yield Label(_("Thème"), classes="field-label")
            yield Select([(_(topic), topic) for topic in TOPICS], prompt=_("Choisissez un thème"),
                         id="topic-select")
            yield Static("", id="topic-error", classes="error-message", markup=False)
            yield Label(_("Votre message"), classes="field-label")
            yield TextArea(id="body-input", soft_wrap=True)
            yield Static("", id="body-error", classes="error-message", markup=False)
            yield Static("", id="new-thread-error", classes="error-message", markup=False)
            with Horizontal(id="new-thread-buttons"):
                yield Button(_("Envoyer") + " (Ctrl+S)", id="new-thread-send", variant="primary", compact=True)

    def on_mount(self) -> None:
        for selector in ("#topic-error", "#body-error", "#new-thread-error"):
            self.query_one(selector, Static).display = False
        self.owner = _owner(self)
        draft = message_drafts.load(message_drafts.NEW_MESSAGE_KIND, self.owner)
        if draft:
            self._restoring = True
            self.query_one("#subject-input", Input).value = str(draft.get("subject") or "")
            if draft.get("topic") in TOPICS:
                self.query_one("#topic-select", Select).value = draft["topic"]
            self.query_one("#body-input", TextArea).load_text(str(draft.get("body") or ""))
            self.send_key = message_drafts.load_send_key(message_drafts.NEW_MESSAGE_KIND, self.owner)
            self.call_after_refresh(setattr, self, "_restoring", False)
        self.query_one("#subject-input", Input).focus()

    @on(Input.Changed, "#subject-input")
    @on(Select.Changed, "#topic-select")
    @on(TextArea.Changed, "#body-input")
    def _typed(self) -> None:
        if self._restoring:
            return
        topic = self.query_one("#topic-select", Select).value
        message_drafts.keep(message_drafts.NEW_MESSAGE_KIND, self.owner, {
            "subject": self.query_one("#subject-input", Input).value,
            "topic": None if topic is Select.NULL else str(topic),
            "body": self.query_one("#body-input", TextArea).text,
        }, send_key=self.send_key)

    @on(Input.Submitted, "#subject-input")
    def _subject_done(self) -> None:
        self.focus_next()

    @on(Button.Pressed, "#new-thread-send")
    def _send_pressed(self) -> None:
        self.action_send()

    def action_send(self) -> None:
        if self.sending:
            return
        topic = self.query_one("#topic-select", Select).value
        checked = check_new_thread(
            self.query_one("#subject-input", Input).value,
            None if topic is Select.NULL else str(topic),
            self.query_one("#body-input", TextArea).text,
        )
        self.query_one("#subject-field", FormField).set_error(checked.errors.get("subject"))
        show_line(self.query_one("#topic-error", Static), checked.errors.get("topic"))
        show_line(self.query_one("#body-error", Static), checked.errors.get("body"))
        if not checked.ok:
            first = next(iter(checked.errors))
            {"subject": self.query_one("#subject-input"), "topic": self.query_one("#topic-select"),
             "body": self.query_one("#body-input")}[first].focus()
            return
        self.send(NewThread(**checked.values))

    @work(exclusive=True, group="new-thread-send", exit_on_error=False)
    async def send(self, new: NewThread) -> None:
        self.sending = True
        error_line = self.query_one("#new-thread-error", Static)
        show_line(error_line, None)
        try:
            self.send_key = key_for(new.model_dump(mode="json"), self.send_key)
            key = self.send_key["key"]
            message_drafts.keep(message_drafts.NEW_MESSAGE_KIND, self.owner, {
                "subject": new.subject, "topic": new.topic, "body": new.body}, send_key=self.send_key)
            thread = await self.call(lambda: self.api.new_thread(new, idempotency_key=key), _(NOT_SENT))
        except ValidationFailed as error:
            fields = {e.field: e.message for e in error.field_errors}
            show_line(error_line, "; ".join(fields.values()) or error.message)
            return
        finally:
            self.sending = False
        message_drafts.discard(message_drafts.NEW_MESSAGE_KIND, self.owner)
        self.notify(_("Votre message est envoyé à la MSA."), title=_("Message envoyé"))
        # The new thread replaces the form: Échap from it goes back to the refreshed list.
        self.app.switch_screen(ThreadScreen(thread.id, thread.subject))

    def action_back(self) -> None:
        typed = self.query_one("#subject-input", Input).value.strip() or \
            self.query_one("#body-input", TextArea).text.strip()
        _leave(self, bool(typed), _("Abandonner ce message ? Le texte saisi sera perdu."),
               message_drafts.NEW_MESSAGE_KIND, self.owner)
