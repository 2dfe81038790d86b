"""Se connecter (PORTAL.md 1): NIR and password, remember/stay options, links to register and reset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Label, Static

from ..core.demo_accounts import DEMO_ACCOUNTS, DEMO_PASSWORD
from ..core.i18n import _
from ..core.nir import format_nir, validate_nir
from ..widgets.nir_input import NirField, NirInput
from ..widgets.toggles import TextCheckbox
from .base import PageScreen
from ..widgets.safe import plain

if TYPE_CHECKING:
    from ..api.models import TokenPair

MSG_EMPTY_PASSWORD = "Saisissez votre mot de passe."
MSG_CONNECTING = "Connexion en cours…"
DEMO_KEYS = ("f2", "f3", "f4")


class LoginScreen(PageScreen):
    """The first screen; after logout or inactivity it comes back fresh, with a `notice`."""

    PAGE_TITLE = "Se connecter"
    CSS_PATH = "login.tcss"
    AUTO_FOCUS = "#nir"
    BODY_CONTAINER = False
    BINDINGS = [
        # Not in the footer (room is short at 80 columns): the checkbox's label names Ctrl+R.
        Binding("ctrl+r", "toggle_password", _("Afficher/masquer"), id="login.toggle_password",
                show=False, tooltip=_("Afficher ou masquer le mot de passe")),
        Binding("ctrl+n", "register", _("S'inscrire"), id="login.register",
                tooltip=_("Créer votre compte (pas encore inscrit)")),
        Binding("ctrl+o", "forgot", _("Mot de passe oublié"), id="login.forgot",
                tooltip=_("Recevoir un code pour choisir un nouveau mot de passe")),
        *[
            # Only F2 in the footer (room is short at 80 columns); the demo panel names all three.
            Binding(key, f"demo({index})", _("Démo"), id=f"login.demo{index + 1}", show=index == 0,
                    tooltip=_("Remplir l'identifiant du compte de démonstration {n}").format(n=index + 1))
            for index, key in enumerate(DEMO_KEYS)
        ],
    ]

    def __init__(self, notice: str | None = None) -> None:
        super().__init__()
        self.notice = notice

    def compose_body(self) -> ComposeResult:
        config = self.msa_app.config
        # The form and the demo panel side by side, laid out by the screen itself (login.tcss).
        with VerticalScroll(id="login-form"):
            if self.notice:
                yield Static(plain(self.notice), id="login-notice")
            yield Static(_("Identifiant : n° de sécurité sociale sans la clé"), classes="field-label")
            yield NirField(id="nir-field")
            yield Static(_("Mot de passe"), classes="field-label")
            yield Input(password=True, id="password", placeholder=_("Mot de passe"))
            yield TextCheckbox(_("Afficher le mot de passe (Ctrl+R)"), id="show-password")
            if not self._kiosk:  # a shared desk keeps nothing: the options are not offered
                yield TextCheckbox(_("Se souvenir de mon identifiant"), bool(config.remember_nir),
                                   id="remember-nir")
                yield TextCheckbox(_("Rester connecté"), bool(config.stay_connected), id="stay-connected")
            yield Static("", id="login-error")
            yield Button(_("Se connecter"), id="login-submit", variant="primary", compact=True)
            with Horizontal(classes="login-links"):
                yield Label(_("Pas encore inscrit ?"))
                yield Button(_("S'inscrire"), id="login-register", compact=True)
            # On its own line without a row container: one widget fewer before the first paint.
            yield Button(_("Mot de passe oublié"), id="login-forgot", compact=True)
        if self.msa_app.demo:
            # One widget for the whole panel: it is plain text, and fewer widgets paint sooner.
            yield Static(self._demo_text(), id="demo-accounts", markup=False)

    @property
    def _kiosk(self) -> bool:
        return self.msa_app.config.kiosk

    @staticmethod
    def _demo_text() -> str:
        lines = [_("Comptes de démonstration")]
        for key, account in zip(DEMO_KEYS, DEMO_ACCOUNTS, strict=True):
            lines += ["", f"{key.upper()}  {format_nir(account.nir)}", f"  {account.name}", f"  {_(account.profile)}"]
        lines += ["", _("Mot de passe : {p}").format(p=DEMO_PASSWORD)]
        return "\n".join(lines)

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self.msa_app.first_screen_painted()
        if self._kiosk:  # nothing remembered, nothing to resume, the keyring never imported
            return
        # After the first frame is out: importing keyring on a thread would still hold the GIL.
        self.msa_app.after_first_frame(
            lambda: self.run_worker(self._load_remembered, thread=True, group="remembered", exit_on_error=False))

    def _load_remembered(self) -> None:
        # Keyring access is slow (and may block on D-Bus): never on the UI thread.
        session = self.msa_app.session
        nir = session.remembered_nir()
        if nir:
            self.app.call_from_thread(self._show_remembered, nir)
        # "Rester connecté" last time: tokens in the keyring resume the session.
        tokens = session.saved_tokens()
        if tokens is not None:
            self.app.call_from_thread(self._resume, tokens)

    @work(exclusive=True, group="login", exit_on_error=False)
    async def _resume(self, tokens: TokenPair) -> None:
        from ..api.errors import ApiError

        app = self.msa_app
        self._error(_("Reprise de votre session…"))
        try:
            app.client.use_tokens(tokens)
            me = await app.client.me()
        except ApiError:
            # Expired or revoked meanwhile: forget it and ask for the password as usual.
            app.client.use_tokens(None)
            app.session.resume_failed()
            self._error("")
            return
        app.logged_in(me, me.nir, resumed=True)

    def _show_remembered(self, nir: str) -> None:
        nir_input = self.query_one(NirInput)
        if not nir_input.value:
            nir_input.value = nir
            self.query_one("#remember-nir", TextCheckbox).value = True
            self.query_one("#password", Input).focus()

    @on(TextCheckbox.Changed, "#remember-nir, #stay-connected")
    def _keep_something(self, event: TextCheckbox.Changed) -> None:
        # The "no keyring" notice matters only once the member asks us to keep something.
        if event.value:
            self.run_worker(self._keyring_notice, thread=True, group="keyring-notice", exit_on_error=False)

    def _keyring_notice(self) -> None:
        warning = self.msa_app.session.keyring_notice()
        if warning:
            self.app.call_from_thread(
                self.notify, warning, title=_("Trousseau indisponible"), severity="warning", timeout=10
            )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "demo":
            return bool(self.msa_app.demo)
        return super().check_action(action, parameters)

    # --- actions ---------------------------------------------------------------------

    def action_toggle_password(self) -> None:
        box = self.query_one("#show-password", TextCheckbox)
        box.value = not box.value

    @on(TextCheckbox.Changed, "#show-password")
    def _show_password(self, event: TextCheckbox.Changed) -> None:
        self.query_one("#password", Input).password = not event.value

    @on(Button.Pressed, "#login-register")
    def action_register(self) -> None:
        self._error("")  # the last attempt's refusal (or lockout) is not news when coming back
        self.msa_app.open_page("register")

    @on(Button.Pressed, "#login-forgot")
    def action_forgot(self) -> None:
        self._error("")
        self.msa_app.open_page("password_reset")

    def action_demo(self, index: int) -> None:
        account = DEMO_ACCOUNTS[index]
        self.query_one(NirInput).value = account.nir
        self.query_one("#password", Input).focus()

    @on(Input.Submitted, "#nir")
    def _nir_entered(self) -> None:
        if self._checked_nir() is not None:
            self.query_one("#password", Input).focus()

    def _checked_nir(self) -> str | None:
        field = self.query_one(NirField)
        nir = field.nir
        if nir is None:
            result = validate_nir(field.input.value)
            field.show_error(result.message or "")
            field.input.focus()
        return nir

    def _error(self, text: str) -> None:
        self.query_one("#login-error", Static).update(plain(text))

    @on(Input.Submitted, "#password")
    @on(Button.Pressed, "#login-submit")
    def submit(self) -> None:
        nir = self._checked_nir()
        if nir is None:
            return
        password_input = self.query_one("#password", Input)
        if not password_input.value:
            self._error(_(MSG_EMPTY_PASSWORD))
            password_input.focus()
            return
        self._login(nir, password_input.value)

    @work(exclusive=True, group="login", exit_on_error=False)
    async def _login(self, nir: str, password: str) -> None:
        from ..api.errors import AccountLocked, ApiError, NetworkDown, ServerUnavailable
        from .dialogs import lockout_message  # after the first paint: the dialogs are not needed before

        app = self.msa_app
        remember: bool | None = None
        if not self._kiosk:
            remember = self.query_one("#remember-nir", TextCheckbox).value
            # Set before logging in: the tokens the login brings are kept (or not) as they arrive.
            app.session.stay_connected = self.query_one("#stay-connected", TextCheckbox).value
        self._error(_(MSG_CONNECTING))
        self.query_one("#login-submit", Button).disabled = True
        try:
            if not await self._log_in(nir, password):
                from .login_code import CODE_CANCELLED

                self._failed(_(CODE_CANCELLED))
                return
            me = await app.client.me()
        except AccountLocked as exc:
            self._failed(lockout_message(exc.retry_after))
            return
        except (NetworkDown, ServerUnavailable) as exc:
            # The password was not refused, the server was out of reach: keep it for Enter again.
            self._failed(exc.message, keep_password=True)
            return
        except ApiError as exc:
            self._failed(exc.message)
            return
        app.logged_in(me, nir, remember_nir=remember)

    async def _log_in(self, nir: str, password: str) -> bool:
        """The password, then the e-mailed code when the member has the second factor on (issue 14).

        False when the member left the code step."""
        from ..api.errors import CodeRequired

        try:
            await self.msa_app.client.login(nir, password)
        except CodeRequired as step:
            from .login_code import LoginCodeScreen  # only for members with the second factor on

            self._error(step.message)
            opened: bool = await self.app.push_screen_wait(LoginCodeScreen(nir, step.challenge, step.message))
            return opened
        return True

    def _failed(self, message: str, *, keep_password: bool = False) -> None:
        """Inline error: the NIR stays, the password is cleared (unless never checked) and focused."""
        self._error(message)
        self.query_one("#login-submit", Button).disabled = False
        password_input = self.query_one("#password", Input)
        if not keep_password:
            password_input.value = ""
        password_input.focus()
