"""Déclarer mes ressources trimestrielles (PORTAL.md 4): the quarters to declare and those filed."""

from __future__ import annotations

from rich.console import Group
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static

from ..core import request_drafts
from ..api.errors import ValidationFailed
from ..api.models import Declaration, DeclarationFile, DeclarationStatus
from ..core.formatting import money
from ..core.i18n import _
from ..core.requests import (
    RESOURCE_FIELDS,
    check_resources,
    declaration_state,
    declaration_title,
    field_of,
)
from ..widgets.form_field import FormField
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from .bindings import back_binding, retry_binding
from .form_page import FormPage
from .loading_page import LoadingPage
from .prompts import two_lines
from ..widgets.safe import notify_plain


def declaration_prompt(declaration: Declaration) -> Group:
    return two_lines(declaration_title(declaration), declaration_state(declaration),
                     flag=declaration.status == DeclarationStatus.a_faire)


def declaration_detail(declaration: Declaration) -> str:
    if declaration.status == DeclarationStatus.a_faire:
        return _("Appuyez sur Entrée pour déclarer vos ressources de ce trimestre.")
    amounts = declaration.resources or {}
    parts = [f"{_(label).removesuffix(' (€)')} : {money(amounts.get(name, 0.0))}" for name, label in RESOURCE_FIELDS]
    return declaration_state(declaration) + "\n" + " · ".join(parts)


class DeclarationsScreen(LoadingPage):
    """The declarations, latest quarter first; Enter on one « À faire » opens its form."""

    PAGE_TITLE = "Mes déclarations trimestrielles"
    CSS_PATH = "declarations.tcss"
    BINDINGS = [
        retry_binding("Recharger la liste de vos déclarations"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.listing: ModelList[Declaration] = ModelList(declaration_prompt, id="declarations", separated=False)

    def compose_body(self) -> ComposeResult:
        yield Static(_("Entrée : déclarer un trimestre à faire ou en voir le détail · Échap : retour"),
                     id="declarations-help", markup=False)
        yield LoadPanel(id="declarations-load")
        yield from self.listing.compose_with_empty(_(
            "Aucune déclaration trimestrielle : vous ne percevez ni RSA, ni prime d'activité, ni aide au logement."))
        yield Static("", id="declaration-detail", markup=False)

    def on_screen_resume(self) -> None:
        self.load()

    @work(exclusive=True, group="declarations-load", exit_on_error=False)
    async def load(self) -> None:
        page = await self.fetch(self.api.declarations, _("Vos déclarations n'ont pas pu être chargées."),
                                quiet=bool(self.listing.models))
        self.listing.show(page.items)

    def selected(self) -> Declaration | None:
        return self.listing.selected()

    @on(OptionList.OptionHighlighted, "#declarations")
    def _describe(self) -> None:
        declaration = self.selected()
        text = declaration_detail(declaration) if declaration is not None else ""
        self.query_one("#declaration-detail", Static).update(text)

    @on(OptionList.OptionSelected, "#declarations")
    def _open(self) -> None:
        declaration = self.selected()
        if declaration is not None and declaration.status == DeclarationStatus.a_faire:
            self.app.push_screen(DeclarationFormScreen(declaration))


class DeclarationFormScreen(FormPage):
    """The four resources of one quarter, in euros; Ctrl+S files them. What is typed is kept as a draft."""

    PAGE_TITLE = "Déclarer mes ressources"
    CSS_PATH = "declarations.tcss"
    FAILURE_LINES = {"declaration-submit": "#declaration-error"}
    FORM_ERROR = "#declaration-error"
    NOT_SENT = "Corrigez les montants signalés : rien n'a été envoyé."
    BINDINGS = [
        Binding("ctrl+s", "submit", _("Déposer"), id="declaration_form.submit",
                tooltip=_("Vérifier puis déposer votre déclaration")),
        back_binding("Revenir à la liste (vos montants restent en brouillon)"),
    ]

    def __init__(self, declaration: Declaration) -> None:
        super().__init__()
        self.declaration = declaration
        self.filed: Declaration | None = None

    @property
    def draft_kind(self) -> str:
        return request_drafts.declaration_kind(self.declaration.id)

    @property
    def owner(self) -> str | None:
        me = getattr(self.app, "me", None)
        return me.id if me is not None else None

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="declaration-scroll"):
            yield Static(declaration_title(self.declaration), classes="page-title", markup=False)
            yield Static(declaration_state(self.declaration), id="declaration-due", markup=False)
            yield Static(_("Montants perçus pendant le trimestre, en euros (par exemple 1 234,56). "
                           "Laissez vide ce que vous n'avez pas perçu."), id="declaration-help", markup=False)
            for name, label in RESOURCE_FIELDS:
                yield FormField(name, _(label), Input(id=f"{name}-input"))
            yield Static("", id="declaration-error", markup=False)
            with Horizontal(id="declaration-buttons"):
                yield Button(_("Déposer ma déclaration") + " (Ctrl+S)", id="declaration-submit",
                             variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#declaration-error", Static).display = False
        owner = self.owner
        answers = request_drafts.load_answers(self.draft_kind, owner) if owner else None
        for name, value in (answers or {}).items():
            if name in dict(RESOURCE_FIELDS) and isinstance(value, str):
                self.field(name).input.value = value
        self.field(RESOURCE_FIELDS[0][0]).input.focus()

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def form_fields(self) -> dict[str, FormField]:
        return {name: self.field(name) for name, _label in RESOURCE_FIELDS}

    def raw(self) -> dict[str, str]:
        return {name: self.field(name).value for name, _label in RESOURCE_FIELDS}

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        owner = self.owner
        if owner is not None and self.filed is None:
            request_drafts.save(self.draft_kind, owner, declaration_title(self.declaration), self.raw())
        field = event.input.parent
        if isinstance(field, FormField) and field.error:
            field.set_error(None)

    @on(Button.Pressed, "#declaration-submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.sending or self.filed is not None:
            return
        checked = check_resources(self.raw())
        if not self.check_fields(checked.errors):
            return
        self.submit(DeclarationFile(resources=checked.values))

    @work(exclusive=True, group="declaration-submit", exit_on_error=False)
    async def submit(self, body: DeclarationFile) -> None:
        filed = await self.submit_form(lambda: self.api.file_declaration(self.declaration.id, body), _(
            "Votre déclaration n'a pas été envoyée ; vos montants sont gardés. Réessayez avec Ctrl+S."), field_of)
        self.filed = filed
        owner = self.owner
        if owner is not None:
            request_drafts.discard(self.draft_kind, owner)
        notify_plain(self, declaration_state(filed), title=_("Déclaration déposée"))
        self.app.pop_screen()

    def refusal_line(self, error: ValidationFailed, others: list[str]) -> str:
        # The server's own sentence: the amounts it refused are named under their fields.
        return error.message

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return self.filed is None
        return super().check_action(action, parameters)
