"""Demo outbox viewer: the latest e-mail the mock server "sent" to an address, in a modal."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Label, LoadingIndicator, Static

from ..api.errors import ApiError
from ..api.models import OutboxMail
from ..core.auth import latest_code
from ..core.formatting import long_date
from ..core.i18n import _

OutboxLoader = Callable[[], Awaitable[list[OutboxMail]]]


def latest_mail_to(mails: list[OutboxMail], address: str) -> OutboxMail | None:
    """The newest mail sent to `address` (case-insensitive), or None."""
    wanted = address.strip().lower()
    mine = [(mail.sent_at, index, mail) for index, mail in enumerate(mails) if mail.to.strip().lower() == wanted]
    return max(mine)[2] if mine else None


class OutboxModal(ModalScreen[str | None]):
    """Shows the newest demo e-mail to `address`; dismisses with its code ("Utiliser ce code") or None."""

    DEFAULT_CSS = """
    OutboxModal { align: center middle; }
    OutboxModal > #outbox-dialog {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: thick $accent; background: $surface; padding: 0 1;
    }
    OutboxModal #outbox-title { text-style: bold; width: 100%; content-align: center middle; }
    OutboxModal #outbox-mail { height: auto; max-height: 12; margin: 1 0; }
    OutboxModal #outbox-body { padding: 0 1; border-left: outer $accent; }
    OutboxModal LoadingIndicator { height: 3; }
    OutboxModal #outbox-buttons { height: auto; align: center middle; }
    OutboxModal #outbox-buttons Button { margin: 0 1; }
    """

    BINDINGS = [
        Binding("escape", "close", _("Fermer"), id="outbox.close", tooltip=_("Fermer le courriel")),
        Binding(
            "u", "use_code", _("Utiliser ce code"), id="outbox.use_code",
            tooltip=_("Recopier le code du courriel dans le formulaire"),
        ),
    ]

    def __init__(self, load: OutboxLoader, address: str) -> None:
        super().__init__()
        self.load = load
        self.address = address
        self.mail: OutboxMail | None = None
        self.code: str | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="outbox-dialog"):
            yield Label(_("Courriel de démonstration"), id="outbox-title")
            yield Static(
                _("Boîte de réception de {address}").format(address=self.address), id="outbox-to", markup=False
            )
            yield LoadingIndicator()
            with VerticalScroll(id="outbox-mail"):
                yield Static("", id="outbox-headers", markup=False)
                yield Static("", id="outbox-body", markup=False)
            with Horizontal(id="outbox-buttons"):
                yield Button(_("Utiliser ce code"), id="outbox-use", variant="primary", disabled=True)
                yield Button(_("Fermer"), id="outbox-close")

    def on_mount(self) -> None:
        self.query_one("#outbox-mail").display = False
        self.fetch()

    @work(exclusive=True)
    async def fetch(self) -> None:
        try:
            mails = await self.load()
        except ApiError as error:
            self._show_text(
                _("Impossible de lire les courriels de démonstration : {error}").format(error=error.message))
            return
        self.mail = latest_mail_to(mails, self.address)
        if self.mail is None:
            self._show_text(_("Aucun courriel pour cette adresse pour l'instant."))
            return
        self.code = latest_code([self.mail.body])
        sent = self.mail.sent_at
        if sent.tzinfo is not None:
            from ..core.clock import PARIS

            sent = sent.astimezone(PARIS)  # the portal speaks Paris time, whatever the server stores
        headers = "\n".join(
            [
                _("Objet : {subject}").format(subject=self.mail.subject),
                _("Envoyé le {day} à {time}").format(day=long_date(sent), time=sent.strftime("%H:%M")),
            ]
        )
        self._show_text(headers, self.mail.body)
        use = self.query_one("#outbox-use", Button)
        use.disabled = self.code is None
        if self.code is not None:
            use.focus()

    def _show_text(self, headers: str, body: str = "") -> None:
        self.query_one(LoadingIndicator).display = False
        self.query_one("#outbox-mail").display = True
        self.query_one("#outbox-headers", Static).update(headers)
        body_widget = self.query_one("#outbox-body", Static)
        body_widget.update(body)
        body_widget.display = bool(body)
        if self.code is None:
            self.query_one("#outbox-close", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "outbox-use":
            self.action_use_code()
        else:
            self.action_close()

    def action_use_code(self) -> None:
        if self.code is not None:
            self.dismiss(self.code)

    def action_close(self) -> None:
        self.dismiss(None)
