"""Mot de passe oublié: NIR and e-mail → a code is e-mailed → code and new password."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.widgets import Input

from ..core.auth import Checked, check_reset_request
from ..core.i18n import _
from ..widgets.form_field import FormField
from .account_flow import AccountFlowScreen, nir_input


class PasswordResetScreen(AccountFlowScreen):
    """A new password for an existing account, proven by a code sent to the account's e-mail."""

    PAGE_TITLE = "Mot de passe oublié"
    CSS_PATH = ["account_flow.tcss", "password_reset.tcss"]
    INTRO = (
        "Saisissez votre numéro de sécurité sociale et l'adresse e-mail de votre compte : "
        "nous vous enverrons un code pour choisir un nouveau mot de passe."
    )
    SEND_LABEL = "Recevoir mon code"
    CONFIRM_LABEL = "Changer mon mot de passe"
    SUCCESS_NOTICE = "Votre mot de passe est changé. Vous pouvez vous connecter."
    # The server answers the same whether or not the account exists (nobody learns who is a member).
    CODE_SENT = (
        "Si ces informations correspondent à un compte, un code à 6 chiffres vous a été envoyé "
        "par courriel à {email}."
    )

    def compose_step_form(self) -> ComposeResult:
        yield FormField(
            "nir", _("Numéro de sécurité sociale"), nir_input(),
            hint=_("13 caractères, sans la clé"),
        )
        yield FormField(
            "email", _("Adresse e-mail de votre compte"),
            Input(placeholder="prenom.nom@exemple.fr", max_length=254),
        )

    def check_step_form(self) -> Checked:
        return check_reset_request(self.value("nir"), self.value("email"))

    async def send_step_form(self, values: dict[str, Any]) -> Any:
        return await self.api.request_password_reset(str(values["nir"]), str(values["email"]))

    async def confirm_code(self, code: str, password: str) -> Any:
        await self.api.confirm_password_reset(self.nir_value, code, password)
        return True
