"""Mes informations personnelles (PORTAL.md 2.1): identity and household, contact details to edit."""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, Input, Static

from ..api.models import ContactUpdate, Me
from ..core.member import FIELDS, check_contact, check_field, contact_changes, field_of
from ..core.formatting import short_date
from ..core.i18n import _
from ..core.nir import mask_nir
from ..widgets.form_field import FormField
from ..widgets.load_panel import LoadPanel
from .bindings import page_bindings
from .form_page import FormPage
from .loading_page import LoadingPage

RELATIONS = {"conjoint": "conjoint ou conjointe", "enfant": "enfant", "autre": "autre personne du foyer"}

_LABELS = {
    "email": ("Adresse e-mail", "", 254),
    "phone": ("Téléphone", "Par exemple 06 12 34 56 78 (facultatif)", 20),
    "line1": ("Adresse", "Numéro et voie, ou lieu-dit", 120),
    "line2": ("Complément d'adresse", "Bâtiment, escalier… (facultatif)", 120),
    "postal_code": ("Code postal", "", 5),
    "city": ("Commune", "", 80),
}


def identity_text(me: Me) -> str:
    lines = [
        _("Nom : {name}").format(name=f"{me.first_name} {me.last_name}"),
        _("N° de sécurité sociale : {nir}").format(nir=mask_nir(me.nir)),
        _("Votre caisse : {caisse}").format(caisse=me.caisse),
    ]
    return "\n".join(lines)


def household_text(me: Me) -> str:
    if not me.household:
        return _("Aucune autre personne dans votre foyer.")
    lines = []
    for person in me.household:
        line = f"• {person.first_name} {person.last_name}, {_(RELATIONS.get(str(person.relation), 'autre'))}"
        if person.birth_date:
            line += _(", né(e) le {date}").format(date=short_date(person.birth_date))
        lines.append(line)
    return "\n".join(lines)


class ProfileScreen(FormPage, LoadingPage):
    """Name, masked NIR and household (read only); e-mail, phone and address editable, checked as typed."""

    PAGE_TITLE = "Mes informations personnelles"
    FORM_ERROR = "#profile-error"
    SUBMIT_ID = "profile-save"
    NOT_SENT = "Corrigez les champs signalés : rien n'a été enregistré."
    BINDINGS = [
        *page_bindings(("ctrl+s", "submit", "Enregistrer", "profile.save", "Enregistrer vos nouvelles coordonnées"),
                       retry="Recharger vos informations"),
        *page_bindings(("ctrl+t", "security", "Sécurité", "profile.security",
                        "Changer votre mot de passe, activer la validation en deux étapes")),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.me: Me | None = None

    def compose_body(self) -> ComposeResult:
        yield LoadPanel(id="profile-load")
        with VerticalScroll(id="profile-scroll"):
            yield Static(_("Mon identité"), classes="section-title")
            yield Static("", id="identity", markup=False)
            yield Static(_("Mon foyer"), classes="section-title")
            yield Static("", id="household", markup=False)
            yield Static(_("Mes coordonnées"), classes="section-title")
            yield Static(_("Modifiez puis enregistrez avec Ctrl+S ou le bouton « Enregistrer »."),
                         id="contact-help", markup=False)
            for name in FIELDS:
                label, hint, max_length = _LABELS[name]
                yield FormField(name, _(label), Input(max_length=max_length, id=f"{name}-input"), hint=_(hint))
            yield Static("", id="profile-error", classes="error-message", markup=False)
            with Horizontal(id="profile-buttons"):
                yield Button(_("Enregistrer") + " (Ctrl+S)", id="profile-save", variant="primary", compact=True)
            yield Static(_("Sécurité du compte"), classes="section-title")
            with Horizontal(id="profile-security"):
                yield Button(_("Mot de passe et validation en deux étapes (Ctrl+T)"), id="profile-security-open",
                             compact=True)

    def on_mount(self) -> None:
        self.query_one("#profile-scroll").display = False
        self.query_one("#profile-error", Static).display = False
        self.load()

    @work(exclusive=True, group="profile-load", exit_on_error=False)
    async def load(self) -> None:
        me = await self.fetch(self.api.me, _("Vos informations n'ont pas pu être chargées."))
        self.show(me)
        self.query_one("#profile-scroll").display = True
        self.query_one("#email-input", Input).focus()

    def show(self, me: Me) -> None:
        """Fill the page from the profile (the form too: what the server now holds)."""
        self.me = me
        self.query_one("#identity", Static).update(identity_text(me))
        self.query_one("#household", Static).update(household_text(me))
        values = {
            "email": me.email, "phone": me.phone or "", "line1": me.address.line1,
            "line2": me.address.line2 or "", "postal_code": me.address.postal_code, "city": me.address.city,
        }
        for name, value in values.items():
            self.field(name).input.value = value
            self.field(name).set_error(None)

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def form_fields(self) -> dict[str, FormField]:
        return {name: self.field(name) for name in FIELDS}

    def form_values(self) -> dict[str, str]:
        return {name: self.field(name).value for name in FIELDS}

    @on(Input.Blurred)
    def _left_field(self, event: Input.Blurred) -> None:
        # Checked as the member leaves a field, so the message comes while it is still in mind.
        name = str(event.input.id).removesuffix("-input")
        if name in FIELDS and self.me is not None:
            self.field(name).set_error(check_field(name, event.value)[1])

    def action_submit(self) -> None:
        if self.me is None or self.sending:
            return
        checked = check_contact(self.form_values())
        if not self.check_fields(checked.errors):
            return
        changes = contact_changes(self.me, checked.values)
        if not changes:
            self.notify(_("Aucune modification à enregistrer."))
            return
        self.save(ContactUpdate(**changes))

    @work(exclusive=True, group="profile-save", exit_on_error=False)
    async def save(self, update: ContactUpdate) -> None:
        me = await self.submit_form(lambda: self.api.update_contact(update),
                                    _("Vos coordonnées n'ont pas été enregistrées ; vos saisies sont conservées."),
                                    field_of)
        self.show(me)
        self.msa_app.me = me
        self.notify(_("Vos coordonnées sont enregistrées."), title=_("Coordonnées modifiées"))

    @on(Button.Pressed, "#profile-security-open")
    def action_security(self) -> None:
        self.msa_app.open_page("account_security")
