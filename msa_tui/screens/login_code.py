"""Se connecter, second step (issue 14, item 7): the 6-digit code e-mailed when the member has the
second factor on. A modal over the login screen, which keeps the NIR; imported only when needed."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ..api.errors import AccountLocked, ApiError
from ..api.models import OutboxMail
from ..core.fields import parse_code
from ..core.i18n import _
from ..widgets.safe import plain

if TYPE_CHECKING:
    from ..app import MsaApp

LOGIN_MAIL = "code de connexion"
"""What the demo server's login-code e-mail says in its subject (the outbox is searched for it)."""
CODE_CANCELLED = "Connexion annulée : saisissez de nouveau votre mot de passe pour recevoir un nouveau code."
"""Said where the password was asked when the member leaves the code step (login, re-login)."""


class LoginCodeScreen(ModalScreen[bool]):
    """The code step: True once the code opened the session, False when the member goes back."""

    BINDINGS = [
        Binding("escape", "back", _("Retour"), id="page.back",
                tooltip=_("Revenir au mot de passe (un nouveau code sera envoyé)")),
        Binding("f6", "outbox", _("Courriel de démonstration"), id="login_code.outbox",
                tooltip=_("Voir le courriel de démonstration (mode démo)")),
    ]

    def __init__(self, nir: str, challenge: str, detail: str) -> None:
        super().__init__()
        self.nir = nir
        self.challenge = challenge
        self.detail = detail

    @property
    def msa_app(self) -> MsaApp:
        """The running MsaApp, as PageScreen.msa_app gives it (a modal is not a page)."""
        return cast("MsaApp", self.app)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="login-code"):
            yield Label(_("Validation en deux étapes"), classes="dialog-title")
            yield Static(plain(self.detail), id="login-code-sent")
            yield Static(_("Code reçu par courriel (6 chiffres)"), classes="field-label")
            yield Input(placeholder="123456", max_length=6, restrict=r"[0-9]*", id="login-code-input")
            yield Static("", id="login-code-error", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Valider"), id="login-code-submit", variant="primary", compact=True)
                if self.msa_app.demo:
                    yield Button(_("Courriel (F6)"), id="login-code-outbox", compact=True)
                yield Button(_("Retour (Échap)"), id="login-code-back", compact=True)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "outbox":
            return bool(self.msa_app.demo)
        return True

    def _error(self, text: str) -> None:
        self.query_one("#login-code-error", Static).update(plain(text))

    @on(Button.Pressed, "#login-code-back")
    def action_back(self) -> None:
        self.dismiss(False)

    @on(Input.Submitted)
    @on(Button.Pressed, "#login-code-submit")
    def submit(self) -> None:
        code, message = parse_code(self.query_one(Input).value)
        if code is None:
            self._error(message or "")
            return
        self._send(code)

    @work(exclusive=True, group="login-code", exit_on_error=False)
    async def _send(self, code: str) -> None:
        from .dialogs import lockout_message

        self._error(_("Connexion en cours…"))
        self.query_one("#login-code-submit", Button).disabled = True
        try:
            await self.msa_app.client.login_code(self.nir, self.challenge, code)
        except AccountLocked as exc:
            self._error(lockout_message(exc.retry_after))
        except ApiError as exc:
            self._error(exc.message)
        else:
            self.dismiss(True)
            return
        finally:
            self.query_one("#login-code-submit", Button).disabled = False
        field = self.query_one(Input)
        field.value = ""
        field.focus()

    @on(Button.Pressed, "#login-code-outbox")
    def _outbox_pressed(self) -> None:
        self.action_outbox()

    @work(exclusive=True, group="login-code-outbox", exit_on_error=False)
    async def action_outbox(self) -> None:
        from ..widgets.outbox import OutboxModal

        try:
            mails = [m for m in await self.msa_app.client.outbox() if LOGIN_MAIL in m.subject]
        except ApiError as exc:
            self._error(exc.message)
            return
        address = mails[-1].to if mails else ""

        async def these() -> list[OutboxMail]:
            return mails

        code = await self.app.push_screen_wait(OutboxModal(these, address))
        if code:
            self.query_one(Input).value = code
            self.query_one("#login-code-submit", Button).focus()
