"""Déclarer mes ressources trimestrielles (PORTAL.md 4): the quarters to declare and those filed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from textual.widget import Widget

from .list_page import ListPage, ListWords

from rich.console import Group
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Input, Label, OptionList, Static

from ..core import request_drafts
from ..api.errors import ValidationFailed
from ..api.models import Declaration, DeclarationStatus
from ..core.formatting import money
from ..core.i18n import _
from ..core.declarations import (
    CERTIFICATION, KINDS, NOT_CERTIFIED, Cell, Filing, cells, check_amounts, filing, household, month_name, prefilled,
    recap,
)
from ..core.requests import RESOURCE_FIELDS, declaration_state, declaration_title
from ..core.send_document.wizard import Person
from ..widgets.form_field import FormField
from ..widgets.model_list import ModelList
from ..widgets.toggles import WrappedCheckbox
from .bindings import page_bindings
from .base import AlreadyShown
from .form_page import FormPage
from .prompts import two_lines
from .submissions import ReceiptScreen
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


class DeclarationsScreen(ListPage[Declaration]):
    """The declarations, latest quarter first; Enter on one « À faire » opens its form."""

    PAGE_TITLE = "Mes déclarations trimestrielles"
    BINDINGS = page_bindings(
        ("v", "sendings", "Mes envois", "declarations.sendings",
         "Revoir les accusés de réception de vos déclarations et de vos envois"),
        retry="Recharger la liste de vos déclarations",
    )

    WORDS = ListWords(
        "declarations", "Entrée : déclarer un trimestre à faire ou en voir le détail · Échap : retour",
        "Aucune déclaration trimestrielle : vous ne percevez ni RSA, ni prime d'activité, ni aide au logement.",
        "Vos déclarations n'ont pas pu être chargées.")

    def __init__(self) -> None:
        super().__init__(ModelList(declaration_prompt, id="declarations", separated=False))

    def compose_below_list(self) -> Iterator[Widget]:
        yield Static("", id="declaration-detail", markup=False)

    async def rows(self) -> Sequence[Declaration]:
        return (await self.fetch_rows(self.api.declarations)).items

    @on(OptionList.OptionHighlighted, "#declarations")
    def _describe(self) -> None:
        declaration = self.selected()
        text = declaration_detail(declaration) if declaration is not None else ""
        self.query_one("#declaration-detail", Static).update(text)

    def action_sendings(self) -> None:
        self.msa_app.open_page("submissions")

    def open(self, declaration: Declaration) -> None:
        if declaration.status == DeclarationStatus.a_faire:
            self.app.push_screen(DeclarationFormScreen(declaration))


class DeclarationFormScreen(FormPage):
    """The quarter's resources per person and per month (pre-filled where the MSA knows them); Ctrl+S shows
    the recap, where the member certifies on their honour and files. What is typed is kept as a draft."""

    PAGE_TITLE = "Déclarer mes ressources"
    SUBMIT_ID = "declaration-submit"
    FORM_ERROR = "#declaration-error"
    NOT_SENT = "Corrigez les montants signalés : rien n'a été envoyé."
    BINDINGS = page_bindings(
        ("ctrl+s", "submit", "Vérifier, puis déposer", "declaration_form.submit",
         "Vérifier vos montants (récapitulatif), puis déposer votre déclaration"),
        back="Revenir à la liste (vos montants restent en brouillon)",
    )

    def __init__(self, declaration: Declaration) -> None:
        super().__init__()
        self.declaration = declaration
        self.filed: Declaration | None = None
        self.people: list[Person] = []
        self.grid: list[Cell] = []
        self.checked: dict[str, object] | None = None
        """The amounts checked, while the recap is shown (None while editing)."""

    @property
    def draft_kind(self) -> str:
        return request_drafts.declaration_kind(self.declaration.id)

    @property
    def owner(self) -> str | None:
        me = self.msa_app.me
        return me.id if me is not None else None

    def compose_body(self) -> ComposeResult:
        me = self.msa_app.me
        self.people = household(me) if me is not None else []
        self.grid = cells(self.people, self.declaration)
        months = [month_name(m) for m in self.declaration.months]
        with VerticalScroll(id="declaration-scroll"):
            yield Static(declaration_title(self.declaration), classes="page-title", markup=False)
            yield Static(declaration_state(self.declaration), id="declaration-due", markup=False)
            with Vertical(id="declaration-edit"):
                yield Static(_("Pour chaque personne du foyer, les montants perçus chaque mois, en euros (par "
                               "exemple 1 234,56). Laissez vide ce qui n'a pas été perçu. Les montants déjà connus "
                               "de la MSA sont pré-remplis : vérifiez-les."), id="declaration-help", markup=False)
                for person in self.people:
                    yield Static(person.label, classes="person-title", markup=False)
                    with Horizontal(classes="amount-row month-row"):
                        yield Label("", classes="kind-label")
                        for name in months:
                            yield Label(name, classes="month-label", markup=False)
                    for kind, label in KINDS:
                        with Horizontal(classes="amount-row"):
                            yield Label(_(label), classes="kind-label", markup=False)
                            for cell in self.grid:
                                if cell.person_id == person.id and cell.kind == kind:
                                    title = f"{person.label}, {_(label)}, {month_name(cell.month)}"
                                    yield FormField(cell.name, title, Input(id=f"{cell.name}-input", compact=True,
                                                                            placeholder="0,00"),
                                                    classes="amount-cell")
            with Vertical(id="declaration-recap"):
                yield Static(_("Récapitulatif de votre déclaration"), classes="person-title")
                yield Static("", id="recap-lines", markup=False)
                yield WrappedCheckbox(_(CERTIFICATION), id="declaration-certify")
                yield Static(_("Espace : cocher la case · Ctrl+S : déposer · Échap : modifier les montants"),
                             id="recap-help", markup=False)
            yield Static("", id="declaration-error", markup=False)
            with Horizontal(id="declaration-buttons"):
                yield Button(_("Vérifier ma déclaration") + " (Ctrl+S)", id="declaration-submit",
                             variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#declaration-error", Static).display = False
        self.query_one("#declaration-recap").display = False
        values = prefilled(self.grid, self.declaration)
        owner = self.owner
        answers = request_drafts.load_answers(self.draft_kind, owner) if owner else None
        names = {cell.name for cell in self.grid}
        values.update({k: v for k, v in (answers or {}).items() if k in names and isinstance(v, str)})
        with self.prevent(Input.Changed):
            for name, text in values.items():
                self.field(name).input.value = text
        if self.grid:
            self.field(self.grid[0].name).input.focus()

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def form_fields(self) -> dict[str, FormField]:
        return {cell.name: self.field(cell.name) for cell in self.grid}

    def raw(self) -> dict[str, str]:
        return {cell.name: self.field(cell.name).value for cell in self.grid}

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        owner = self.owner
        if owner is not None and self.filed is None:
            request_drafts.save(self.draft_kind, owner, declaration_title(self.declaration), self.raw())
        field = event.input.parent
        if isinstance(field, FormField) and field.error:
            field.set_error(None)

    def show_recap(self, values: dict[str, object] | None) -> None:
        """The recap (amounts checked) or, with None, the form again; the amounts typed stay as they are."""
        self.checked = values
        self.query_one("#declaration-edit").display = values is None
        self.query_one("#declaration-recap").display = values is not None
        button = self.query_one("#declaration-submit", Button)
        if values is None:
            button.label = _("Vérifier ma déclaration") + " (Ctrl+S)"
            return
        button.label = _("Déposer ma déclaration") + " (Ctrl+S)"
        self.query_one("#recap-lines", Static).update("\n".join(recap(self.people, self.grid, values)))
        checkbox = self.query_one("#declaration-certify", WrappedCheckbox)
        checkbox.value = False
        checkbox.focus()
        self.query_one("#declaration-scroll", VerticalScroll).scroll_home(animate=False)

    def action_submit(self) -> None:
        if self.sending or self.filed is not None:
            return
        if self.checked is None:
            checked = check_amounts(self.grid, self.raw())
            if self.check_fields(checked.errors):
                self.show_recap(checked.values)
            return
        if not self.query_one("#declaration-certify", WrappedCheckbox).value:
            self.set_form_error(_(NOT_CERTIFIED))
            return
        self.set_form_error(None)
        self.submit(filing(self.grid, self.checked, certified=True))

    def action_back(self) -> None:
        if self.checked is not None and not self.sending:
            self.set_form_error(None)
            self.show_recap(None)
            return
        super().action_back()

    @work(exclusive=True, group="declaration-submit", exit_on_error=False)
    async def submit(self, body: Filing) -> None:
        try:
            filed = await self.submit_form(lambda: self.api.file_declaration(self.declaration.id, body.body), _(
                "Votre déclaration n'a pas été envoyée ; vos montants sont gardés. Réessayez avec Ctrl+S."),
                body.field_of)
        except AlreadyShown:
            if any(f.error for f in self.form_fields().values()):
                self.show_recap(None)  # the amounts refused are under their cells, in the form
            raise
        self.filed = filed
        owner = self.owner
        if owner is not None:
            request_drafts.discard(self.draft_kind, owner)
        note = _("Votre déclaration est déposée. Son accusé de réception est gardé dans « Mes envois ».")
        notify_plain(self, declaration_state(filed), title=_("Déclaration déposée"))
        if filed.submission_id:
            self.app.switch_screen(ReceiptScreen(filed.submission_id, filed.reference or "", note=note))
        else:
            self.app.pop_screen()

    def refusal_line(self, error: ValidationFailed, others: list[str]) -> str:
        # The server's own sentence: the amounts it refused are named under their cells.
        return error.message

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return self.filed is None
        return super().check_action(action, parameters)
