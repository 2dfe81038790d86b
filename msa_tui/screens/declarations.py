"""Déclarer mes ressources trimestrielles (PORTAL.md 4): the quarters to declare and those filed."""

from __future__ import annotations

from rich.console import Group
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

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
from ..widgets.form_field import FormField, place_field_errors, reveal, show_line
from ..widgets.load_panel import LoadPanel
from .bindings import back_binding, retry_binding
from .base import PageScreen
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
        self.declarations: list[Declaration] = []

    def compose_body(self) -> ComposeResult:
        yield Static(_("Entrée : déclarer un trimestre à faire ou en voir le détail · Échap : retour"),
                     id="declarations-help", markup=False)
        yield LoadPanel(id="declarations-load")
        yield OptionList(id="declarations")
        yield Static(_("Aucune déclaration trimestrielle : vous ne percevez ni RSA, ni prime d'activité, "
                       "ni aide au logement."), id="declarations-empty", markup=False)
        yield Static("", id="declaration-detail", markup=False)

    def on_screen_resume(self) -> None:
        self.load()

    @work(exclusive=True, group="declarations-load", exit_on_error=False)
    async def load(self) -> None:
        page = await self.fetch(self.api.declarations, _("Vos déclarations n'ont pas pu être chargées."),
                                quiet=bool(self.declarations))
        self.show_declarations(page.items)

    def show_declarations(self, declarations: list[Declaration]) -> None:
        listing = self.query_one("#declarations", OptionList)
        highlighted = listing.highlighted
        self.declarations = declarations
        listing.clear_options()
        listing.add_options([Option(declaration_prompt(d), id=d.id) for d in declarations])
        self.set_class(not declarations, "-empty")
        if declarations:
            listing.highlighted = highlighted if highlighted is not None and highlighted < len(declarations) else 0
            listing.focus()

    def selected(self) -> Declaration | None:
        option = self.query_one("#declarations", OptionList).highlighted_option
        return next((d for d in self.declarations if option is not None and d.id == option.id), None)

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


class DeclarationFormScreen(PageScreen):
    """The four resources of one quarter, in euros; Ctrl+S files them. What is typed is kept as a draft."""

    PAGE_TITLE = "Déclarer mes ressources"
    CSS_PATH = "declarations.tcss"
    FAILURE_LINES = {"declaration-submit": "#declaration-error"}
    BINDINGS = [
        Binding("ctrl+s", "submit", _("Déposer"), id="declaration_form.submit",
                tooltip=_("Vérifier puis déposer votre déclaration")),
        back_binding("Revenir à la liste (vos montants restent en brouillon)"),
    ]

    def __init__(self, declaration: Declaration) -> None:
        super().__init__()
        self.declaration = declaration
        self.sending = False
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

    @on(Input.Submitted)
    def _next_field(self) -> None:
        self.focus_next()

    def set_form_error(self, message: str | None) -> None:
        show_line(self.query_one("#declaration-error", Static), message)

    @on(Button.Pressed, "#declaration-submit")
    def _submit_pressed(self) -> None:
        self.action_submit()

    def action_submit(self) -> None:
        if self.sending or self.filed is not None:
            return
        checked = check_resources(self.raw())
        for name, _label in RESOURCE_FIELDS:
            self.field(name).set_error(checked.errors.get(name))
        if not checked.ok:
            self.set_form_error(_("Corrigez les montants signalés : rien n'a été envoyé."))
            reveal(self.field(next(iter(checked.errors))))
            return
        self.set_form_error(None)
        self.submit(DeclarationFile(resources=checked.values))

    @work(exclusive=True, group="declaration-submit", exit_on_error=False)
    async def submit(self, body: DeclarationFile) -> None:
        self.sending = True
        try:
            filed = await self.call(lambda: self.api.file_declaration(self.declaration.id, body), _(
                "Votre déclaration n'a pas été envoyée ; vos montants sont gardés. Réessayez avec Ctrl+S."))
        except ValidationFailed as error:
            fields = {name: self.field(name) for name, _label in RESOURCE_FIELDS}
            first, _others = place_field_errors(fields, error.field_errors, field_of)
            self.set_form_error(error.message)
            if first is not None:
                reveal(first)
            return
        finally:
            self.sending = False
        self.filed = filed
        owner = self.owner
        if owner is not None:
            request_drafts.discard(self.draft_kind, owner)
        notify_plain(self, declaration_state(filed), title=_("Déclaration déposée"))
        self.app.pop_screen()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return self.filed is None
        return super().check_action(action, parameters)
