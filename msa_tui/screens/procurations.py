"""Gérer mes procurations (PORTAL.md 4): those given and received; accept one received (A), act for its
grantor (Entrée), revoke one given (R); « Demander une procuration »."""

from __future__ import annotations

from collections.abc import Sequence


from .list_page import ListPage, ListWords

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Select, Static

from ..api.errors import ValidationFailed
from ..api.models import Procuration, ProcurationCreate
from ..core.i18n import _
from ..core.nir import validate_nir
from ..core.procurations import (
    NAME_MAX,
    SCOPE_MAX,
    SCOPES,
    act_refusal,
    build_scope,
    check_name,
    direction_words,
    revoke_refusal,
    rights_for,
    summary,
    to_accept,
)
from ..widgets.form_field import FormField, show_line
from ..widgets.model_list import ModelList
from ..widgets.nir_input import NirField
from .bindings import page_bindings
from .base import PageScreen

NIR_HINT = "Le numéro de sécurité sociale de la personne : 13 caractères, sans la clé."


def procuration_prompt(procuration: Procuration) -> Text:
    """Who and status on the first line, the scope on the second, what a key does with it on the third."""
    text = Text(summary(procuration), style="bold")
    text.append("\n  " + _("Étendue : {scope}").format(scope=procuration.scope), style="")
    if to_accept(procuration):
        text.append("\n  " + _("A : accepter cette procuration"), style="italic")
    elif act_refusal(procuration) is None:
        text.append("\n  " + _("Entrée : agir pour son compte"), style="italic")
    return text


class ProcurationsScreen(ListPage[Procuration]):
    """Procurations given and received; N asks for a new one, A accepts one received, Entrée acts for its
    grantor, R revokes one given (A and R after a yes)."""

    PAGE_TITLE = "Gérer mes procurations"
    BINDINGS = page_bindings(
        ("n", "request", "Demander", "procurations.request", "Demander une procuration au profit d'une autre personne"),
        ("a", "accept", "Accepter", "procurations.accept", "Accepter la procuration reçue sélectionnée"),
        ("r", "revoke", "Révoquer", "procurations.revoke", "Révoquer la procuration donnée sélectionnée"),
        retry="Recharger la liste de vos procurations",
    )

    WORDS = ListWords("procurations", "Entrée : agir pour la personne · A : accepter · R : révoquer · N : demander",
                      "Aucune procuration. Appuyez sur N pour en demander une.",
                      "Vos procurations n'ont pas pu être chargées.", heading="Mes procurations données et reçues")
    RELOAD_ON_RESUME = False
    RESULT_LINE = True

    def __init__(self) -> None:
        super().__init__(ModelList(procuration_prompt, id="procurations"))

    async def rows(self) -> Sequence[Procuration]:
        return (await self.fetch_rows(self.api.procurations)).items

    def action_revoke(self) -> None:
        procuration = self.selected()
        if procuration is None:
            self.notify(_("Aucune procuration sélectionnée."), severity="warning")
            return
        refusal = revoke_refusal(procuration)
        if refusal is not None:
            self.show_result(refusal, error=True)
            return
        from .dialogs import ConfirmDialog

        question = _("Révoquer cette procuration ?") + "\n" + direction_words(procuration)

        def answered(yes: bool | None) -> None:
            if yes:
                self.revoke(procuration)

        self.app.push_screen(
            ConfirmDialog(question, _("Oui, la révoquer"), id="confirm-revoke", cancel_label=_("La garder")),
            answered,
        )

    def action_accept(self) -> None:
        procuration = self.selected()
        if procuration is None or not to_accept(procuration):
            self.show_result(_("Cette procuration n'attend pas votre acceptation."), error=True)
            return
        from .dialogs import ConfirmDialog

        question = "\n".join([_("Accepter cette procuration ?"), direction_words(procuration),
                              _("Étendue : {scope}").format(scope=procuration.scope)])

        def answered(yes: bool | None) -> None:
            if yes:
                self.accept(procuration)

        self.app.push_screen(
            ConfirmDialog(question, _("Oui, l'accepter"), id="confirm-accept", cancel_label=_("Plus tard")), answered)

    @work(exclusive=True, group="procurations-accept", exit_on_error=False)
    async def accept(self, procuration: Procuration) -> None:
        accepted = await self.call(lambda: self.api.accept_procuration(procuration.id),
                                   _("La procuration n'a pas été acceptée. Réessayez avec A."))
        self.show_result(_("Procuration acceptée : Entrée pour agir pour {name}.").format(name=accepted.grantor_name))
        self.listing.wanted = accepted.id
        self.load()

    @on(OptionList.OptionSelected, "#procurations")
    def _chosen(self) -> None:
        procuration = self.selected()
        if procuration is None:
            return
        refusal = act_refusal(procuration)
        if refusal is not None:
            self.show_result(refusal, error=True)
            return
        self.act(procuration)

    @work(exclusive=True, group="procurations-act", exit_on_error=False)
    async def act(self, procuration: Procuration) -> None:
        await self.call(lambda: self.msa_app.act_for(procuration),
                        _("Impossible d'agir pour cette personne pour l'instant. Réessayez avec Entrée."))

    @work(exclusive=True, group="procurations-revoke", exit_on_error=False)
    async def revoke(self, procuration: Procuration) -> None:
        revoked = await self.call(lambda: self.api.revoke_procuration(procuration.id),
                                  _("La procuration n'a pas été révoquée. Réessayez avec R."))
        self.show_result(_("Procuration révoquée : {what}.").format(what=summary(revoked)))
        self.listing.wanted = revoked.id
        self.load()

    def action_request(self) -> None:
        def requested(procuration: Procuration | None) -> None:
            if procuration is None:
                return
            self.listing.wanted = procuration.id
            self.show_result(_("Procuration demandée pour {name}.").format(name=procuration.grantee_name))
            self.load()

        self.app.push_screen(ProcurationRequestScreen(), requested)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revoke":  # on one received, R says in words that only its grantor revokes
            return bool(self.listing.models)
        if action == "accept":
            return any(to_accept(p) for p in self.listing.models)
        return super().check_action(action, parameters)


class ProcurationRequestScreen(PageScreen):
    """« Demander une procuration »: the person's NIR and name, the scope; Ctrl+S sends. Dismissed with it."""

    PAGE_TITLE = "Demander une procuration"
    FAILURE_LINES = {"procuration-send": "#procuration-error"}
    BINDINGS = page_bindings(
        ("ctrl+s", "send", "Envoyer", "procuration_request.send", "Envoyer la demande de procuration"),
        back="Revenir à vos procurations sans rien demander",
    )

    def __init__(self) -> None:
        super().__init__()
        self.sending = False

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="procuration-form"):
            yield Label(_("Numéro de sécurité sociale de la personne"), classes="field-label")
            yield NirField(input_id="grantee-nir")
            yield FormField("grantee-name", _("Nom et prénom de la personne"),
                            Input(max_length=NAME_MAX, placeholder=_("ex. Jeanne Martin")))
            yield Label(_("Étendue de la procuration"), classes="field-label")
            yield Select([(_(scope), scope) for scope in SCOPES], prompt=_("Choisissez dans la liste"),
                         id="scope-select")
            yield Static("", id="scope-error", classes="error-message", markup=False)
            yield FormField("scope-details", _("Précisions (obligatoires pour « Autre »)"),
                            Input(max_length=SCOPE_MAX, placeholder=_("ex. sauf mes déclarations")))
            yield Static("", id="procuration-error", classes="error-message", markup=False)
            yield Button(_("Demander la procuration (Ctrl+S)"), id="procuration-send", variant="primary",
                         compact=True)

    def on_mount(self) -> None:
        for line in self.query(".error-message").results(Static):
            line.display = False
        # The NIR field's own empty hint speaks of "votre numéro": here it is someone else's.
        self.query_one("#grantee-nir-message", Static).update(_(NIR_HINT))
        self.query_one("#grantee-nir", Input).focus()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        # Enter moves on field by field, as on a paper form; on the last field it sends.
        if event.input.id == "scope-details-input":
            self.action_send()
        else:
            self.focus_next()

    @on(Button.Pressed, "#procuration-send")
    def action_send(self) -> None:
        nir_field = self.query_one(NirField)
        name_field = self.query_one("#grantee-name-field", FormField)
        details_field = self.query_one("#scope-details-field", FormField)
        select = self.query_one("#scope-select", Select)
        error_line = self.query_one("#procuration-error", Static)
        nir = nir_field.nir
        if nir is None:
            result = validate_nir(nir_field.input.value)
            nir_field.show_error(_(NIR_HINT) if not nir_field.input.value else (result.message or ""))
        name, name_error = check_name(name_field.value)
        name_field.set_error(name_error)
        choice = None if select.value is Select.NULL else str(select.value)
        scope, scope_error = build_scope(choice, details_field.value)
        show_line(self.query_one("#scope-error", Static), scope_error)
        show_line(error_line, None)
        first_bad = (nir_field.input if nir is None else name_field.input if name is None
                     else select if choice is None else details_field.input if scope is None else None)
        if first_bad is not None:
            first_bad.focus()
            return
        if not self.sending:
            self.send(ProcurationCreate(grantee_nir=nir, grantee_name=name, scope=scope, rights=rights_for(choice)))

    @work(exclusive=True, group="procuration-send", exit_on_error=False)
    async def send(self, create: ProcurationCreate) -> None:
        self.sending = True
        error_line = self.query_one("#procuration-error", Static)
        try:
            procuration = await self.call(lambda: self.api.request_procuration(create), _(
                "La demande n'a pas été envoyée ; ce que vous avez saisi est conservé. Réessayez avec Ctrl+S."))
        except ValidationFailed as error:
            nir_errors = [e.message for e in error.field_errors if e.field.endswith("grantee_nir")]
            if nir_errors:
                self.query_one(NirField).show_error(nir_errors[0])
                self.query_one("#grantee-nir", Input).focus()
            show_line(error_line, None if nir_errors else error.message)
            return
        finally:
            self.sending = False
        self.dismiss(procuration)

    def action_back(self) -> None:
        self.dismiss(None)
