"""S'inscrire: identity form → a code is e-mailed → code and password → the account exists."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.widgets import Input

from ..api.errors import ApiError, Conflict
from ..api.models import RegisterRequest
from ..core.clock import today
from ..core.auth import Checked, check_registration
from ..core.fields import typed_date
from ..core.i18n import _
from ..widgets.form_field import FormField
from .account_flow import AccountFlowScreen, nir_input


class RegisterScreen(AccountFlowScreen):
    """The portal's « Pas encore inscrit ? → S'inscrire »."""

    PAGE_TITLE = "S'inscrire"
    CSS_PATH = ["account_flow.tcss", "register.tcss"]
    INTRO = (
        "Créez votre compte en quatre étapes : remplissez le formulaire, recevez un code "
        "par courriel, saisissez-le et choisissez votre mot de passe."
    )
    SEND_LABEL = "Recevoir mon code"
    CONFIRM_LABEL = "Créer mon compte"
    SUCCESS_NOTICE = "Votre compte est créé. Vous pouvez vous connecter."

    def compose_step_form(self) -> ComposeResult:
        yield FormField(
            "nir", _("Numéro de sécurité sociale"), nir_input(),
            hint=_("13 caractères, sans la clé"),
        )
        yield FormField("first_name", _("Prénom"), Input(max_length=80))
        yield FormField("last_name", _("Nom"), Input(max_length=80))
        yield FormField(
            "birth_date", _("Date de naissance"), Input(placeholder="JJ/MM/AAAA", max_length=10),
            hint=_("Au format JJ/MM/AAAA"),
        )
        yield FormField(
            "email", _("Adresse e-mail"), Input(placeholder="prenom.nom@exemple.fr", max_length=254),
            hint=_("Le code vous sera envoyé à cette adresse"),
        )

    @on(Input.Changed, "#birth_date-input")
    def _format_birth_date(self, event: Input.Changed) -> None:
        # Eight digits typed in a row (03061992) are written as the form shows a date: 03/06/1992.
        written = typed_date(event.value)
        if written != event.value:
            event.input.value = written
            event.input.cursor_position = len(written)

    def check_step_form(self) -> Checked:
        return check_registration(
            self.value("nir"), self.value("first_name"), self.value("last_name"),
            self.value("birth_date"), self.value("email"), today(),
        )

    async def send_step_form(self, values: dict[str, Any]) -> Any:
        return await self.api.register(RegisterRequest(**values))

    async def confirm_code(self, code: str, password: str) -> Any:
        await self.api.verify_registration(self.nir_value, code, password)
        return True

    def explain(self, error: ApiError) -> str:
        if isinstance(error, Conflict):
            return _(
                "Un compte existe déjà pour ce numéro. Connectez-vous, ou utilisez "
                "« Mot de passe oublié » si vous ne vous en souvenez plus."
            )
        return error.message
