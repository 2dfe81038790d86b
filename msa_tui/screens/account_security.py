"""Sécurité du compte (issue 14, item 7), reached from the profile: change the password (the current
one required, the registration policy), and the e-mailed second factor switched on or off (the current
password required both ways: an open session alone cannot change it)."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from ..api.models import SecuritySettings
from ..core.auth import PASSWORD_MIN, check_current_password, check_password_change
from ..core.i18n import _
from ..widgets.form_field import FormField, show_line
from ..widgets.safe import notify_plain, plain
from .bindings import back_binding
from .form_page import FormPage

PASSWORD_FIELDS = ("current_password", "new_password", "confirmation")


def two_factor_text(settings: SecuritySettings) -> str:
    if settings.two_factor:
        return _("Activée : à chaque connexion, un code à 6 chiffres est envoyé à {email}.").format(
            email=settings.email)
    return _("Désactivée : le mot de passe suffit pour vous connecter. Activée, un code à 6 chiffres "
             "sera aussi envoyé à {email} à chaque connexion.").format(email=settings.email)


class AccountSecurityScreen(FormPage):
    PAGE_TITLE = "Sécurité du compte"
    FORM_ERROR = "#password-error"
    FAILURE_LINES = {"security-password": "#password-error", "security-two-factor": "#two-factor-error"}
    NOT_SENT = "Corrigez les champs signalés : votre mot de passe n'a pas été changé."
    DEFAULT_CSS = """
    AccountSecurityScreen #security-scroll { padding: 0 1; }
    AccountSecurityScreen .section-title { text-style: bold; margin-top: 1; }
    AccountSecurityScreen .security-buttons { height: auto; margin-top: 1; }
    AccountSecurityScreen #password-error, AccountSecurityScreen #two-factor-error { height: auto; }
    """
    BINDINGS = [
        back_binding("Revenir à vos informations personnelles"),
        Binding("ctrl+s", "change_password", _("Changer"), id="security.change_password",
                tooltip=_("Changer votre mot de passe")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.settings: SecuritySettings | None = None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="security-scroll"):
            yield Static(_("Changer mon mot de passe"), classes="section-title")
            yield FormField("current_password", _("Mot de passe actuel"),
                            Input(password=True, max_length=256, id="current_password-input"))
            yield FormField("new_password", _("Nouveau mot de passe"),
                            Input(password=True, max_length=256, id="new_password-input"),
                            hint=_("{n} caractères au moins, par exemple plusieurs mots enchaînés").format(
                                n=PASSWORD_MIN))
            yield FormField("confirmation", _("Confirmez le nouveau mot de passe"),
                            Input(password=True, max_length=256, id="confirmation-input"))
            yield Static("", id="password-error", classes="error-message", markup=False)
            with Horizontal(classes="security-buttons"):
                yield Button(_("Changer le mot de passe (Ctrl+S)"), id="change-password", variant="primary",
                             compact=True)
            yield Static(_("Validation en deux étapes (code par e-mail)"), classes="section-title")
            yield Static(_("Chargement…"), id="two-factor-state", markup=False)
            yield FormField("two_factor_password", _("Mot de passe actuel (pour activer ou désactiver)"),
                            Input(password=True, max_length=256, id="two_factor_password-input"))
            yield Static("", id="two-factor-error", classes="error-message", markup=False)
            with Horizontal(classes="security-buttons"):
                yield Button(_("Activer"), id="two-factor-toggle", compact=True)

    def on_mount(self) -> None:
        self.query_one("#password-error").display = False
        self.query_one("#two-factor-error").display = False
        self.query_one("#current_password-input", Input).focus()
        self.load()

    @work(exclusive=True, group="security-load", exit_on_error=False)
    async def load(self) -> None:
        self.show(await self.call(self.api.security_settings, _("L'état de la validation en deux étapes n'a "
                                                                "pas pu être chargé.")))

    def show(self, settings: SecuritySettings) -> None:
        self.settings = settings
        self.query_one("#two-factor-state", Static).update(plain(two_factor_text(settings)))
        self.query_one("#two-factor-toggle", Button).label = _("Désactiver") if settings.two_factor else _("Activer")

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def form_fields(self) -> dict[str, FormField]:
        return {name: self.field(name) for name in PASSWORD_FIELDS}

    # --- the password -----------------------------------------------------------------

    @on(Button.Pressed, "#change-password")
    def action_change_password(self) -> None:
        if self.sending:
            return
        values = [self.field(name).value for name in PASSWORD_FIELDS]
        checked = check_password_change(*values)
        if not self.check_fields(checked.errors):
            return
        self.change(str(checked.values["current_password"]), str(checked.values["new_password"]))

    @work(exclusive=True, group="security-password", exit_on_error=False)
    async def change(self, current: str, new: str) -> None:
        await self.submit_form(lambda: self.api.change_password(current, new),
                               _("Votre mot de passe n'a pas été changé."),
                               lambda name: name if name in PASSWORD_FIELDS else None)
        for name in PASSWORD_FIELDS:
            self.field(name).input.value = ""
        done = _("Votre mot de passe est changé. Vos autres sessions (sur d'autres appareils) sont fermées.")
        show_line(self.query_one("#password-error", Static), done, error=False)
        notify_plain(self, done, title=_("Mot de passe changé"))

    # --- the second factor ------------------------------------------------------------

    @on(Button.Pressed, "#two-factor-toggle")
    def _toggle_pressed(self) -> None:
        if self.settings is None:
            return
        field = self.field("two_factor_password")
        password, message = check_current_password(field.value)
        field.set_error(message)
        if password is None:
            field.input.focus()
            return
        self.toggle(not self.settings.two_factor, password)

    @work(exclusive=True, group="security-two-factor", exit_on_error=False)
    async def toggle(self, enabled: bool, password: str) -> None:
        from ..api.errors import ApiError, ValidationFailed

        line = self.query_one("#two-factor-error", Static)
        field = self.field("two_factor_password")
        try:
            settings = await self.api.set_two_factor(enabled, password)
        except ValidationFailed as error:
            field.set_error(error.field_errors[0].message if error.field_errors else error.message)
            field.input.focus()
            return
        except ApiError as error:
            show_line(line, error.message)
            return
        field.input.value = ""
        self.show(settings)
        done = _("Validation en deux étapes activée.") if settings.two_factor else _(
            "Validation en deux étapes désactivée.")
        show_line(line, done)
        notify_plain(self, done, title=_("Sécurité du compte"))
