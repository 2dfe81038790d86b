"""Faire une demande (PORTAL.md 4, « demander »): a server-sent form, checked in French, kept as a draft."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widget import Widget
from textual.widgets import Button, Checkbox, Input, Select, Static

from ..core import request_drafts
from ..api.models import RequestCreate, RequestForm
from ..core.i18n import _
from ..core.idempotency import key_for
from ..core.requests import Answer, check_answers, field_hint, field_label, field_of
from ..widgets.form_field import FormField
from ..widgets.load_panel import LoadPanel
from ..widgets.toggles import TextCheckbox
from .bindings import page_bindings
from .form_page import FormPage
from .loading_page import LoadingPage
from ..widgets.safe import notify_plain, plain

class RequestFormScreen(FormPage, LoadingPage):
    """One form per request type; every change is saved as a draft; Ctrl+S files the request."""

    PAGE_TITLE = "Faire une demande"
    FORM_ERROR = "#request-error"
    SUBMIT_ID = "request-submit"
    BINDINGS = page_bindings(("ctrl+s", "submit", "Déposer", "request_form.submit",
                              "Vérifier puis déposer votre demande"), retry="Recharger le formulaire",
                             back="Revenir à la page précédente (vos réponses restent en brouillon)")

    def __init__(self, request_type: str) -> None:
        super().__init__()
        self.request_type = request_type
        self.form: RequestForm | None = None
        self._restoring = False
        self.send_key: dict[str, str] | None = None

    def compose_body(self) -> ComposeResult:
        yield LoadPanel(id="request-load")
        with VerticalScroll(id="request-scroll"):
            yield Static("", id="request-title", classes="page-title", markup=False)
            yield Static(_("Déposez avec Ctrl+S. Vos réponses sont gardées en brouillon à chaque saisie."),
                         id="request-help", markup=False)
            yield Vertical(id="request-fields")
            yield Static("", id="request-error", markup=False)
            with Horizontal(id="request-buttons"):
                yield Button(_("Déposer ma demande") + " (Ctrl+S)", id="request-submit", variant="primary",
                             compact=True)

    def on_mount(self) -> None:
        self.query_one("#request-scroll").display = False
        self.query_one("#request-error", Static).display = False
        self.load()

    @property
    def owner(self) -> str | None:
        me = getattr(self.app, "me", None)
        return me.id if me is not None else None

    @work(exclusive=True, group="request-load", exit_on_error=False)
    async def load(self) -> None:
        form = await self.fetch(lambda: self.api.request_form(self.request_type),
                                _("Le formulaire n'a pas pu être chargé."))
        await self.show_form(form)

    def _widget_for(self, name: str, kind: str, choices: list[tuple[str, str]]) -> Widget:
        widget_id = f"{name}-input"
        if kind == "choice":
            return Select([(plain(label), value) for label, value in choices],
                          prompt=_("Choisir dans la liste…"), id=widget_id)
        if kind == "bool":
            return TextCheckbox(_("Oui"), id=widget_id)
        return Input(id=widget_id)

    async def show_form(self, form: RequestForm) -> None:
        self.form = form
        self.query_one("#request-title", Static).update(_(form.label))
        fields = self.query_one("#request-fields", Vertical)
        await fields.remove_children()
        widgets = []
        for spec in form.fields:
            choices = [(_(c.label), c.code) for c in spec.choices]
            control = self._widget_for(spec.name, spec.kind, choices)
            widgets.append(FormField(spec.name, field_label(spec), control,  # type: ignore[arg-type]  # FormField says Input; any control works
                                     hint=field_hint(spec), classes=f"kind-{spec.kind}"))
        await fields.mount_all(widgets)
        self.query_one("#request-scroll").display = True
        self.restore_draft()
        if widgets:
            widgets[0].input.focus()

    def restore_draft(self) -> None:
        owner = self.owner
        if owner is None:
            return
        kind = request_drafts.request_kind(self.request_type)
        self.send_key = request_drafts.load_send_key(kind, owner)
        answers = request_drafts.load_answers(kind, owner)
        if not answers:
            return
        self._restoring = True
        try:
            for name, value in answers.items():
                self._set_raw(name, value)
        finally:
            self._restoring = False
        self.notify(_("Vos réponses enregistrées en brouillon ont été reprises."), title=_("Brouillon repris"))

    def field(self, name: str) -> FormField:
        return self.query_one(f"#{name}-field", FormField)

    def _set_raw(self, name: str, value: Any) -> None:
        fields = self.query(f"#{name}-field")
        if not fields:
            return
        control = fields.first(FormField).input
        if isinstance(control, Select):
            spec = next((f for f in self.form.fields if f.name == name), None) if self.form else None
            codes = [c.code for c in spec.choices] if spec else []
            control.value = value if value in codes else Select.NULL
        elif isinstance(control, Checkbox):
            control.value = bool(value)
        elif isinstance(value, str):
            control.value = value

    def raw_answers(self) -> dict[str, Answer]:
        """What the member typed or chose, field by field (choices as codes, None when none)."""
        raw: dict[str, Answer] = {}
        if self.form is None:
            return raw
        for spec in self.form.fields:
            value = self.field(spec.name).input.value
            raw[spec.name] = None if value is Select.NULL else value
        return raw

    def save_draft(self) -> None:
        owner = self.owner
        if self.form is None or owner is None or self._restoring:
            return
        request_drafts.save(request_drafts.request_kind(self.request_type), owner, self.form.label,
                            self.raw_answers(), send_key=self.send_key)

    @on(Input.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _changed(self, event: Input.Changed | Select.Changed | Checkbox.Changed) -> None:
        self.save_draft()
        field = event.control.parent if event.control is not None else None
        if isinstance(field, FormField) and field.error:
            field.set_error(None)

    def form_fields(self) -> dict[str, FormField]:
        return {spec.name: self.field(spec.name) for spec in self.form.fields} if self.form else {}

    def action_submit(self) -> None:
        if self.form is None or self.sending:
            return
        self.save_draft()
        checked = check_answers(self.form, self.raw_answers())
        if not self.check_fields(checked.errors):
            return
        create = RequestCreate(type=self.request_type, answers=checked.values)
        # One key per filing, in the draft before sending: a retry after a lost answer files it once.
        self.send_key = key_for(create.model_dump(mode="json"), self.send_key)
        self.save_draft()
        self.submit(create)

    @work(exclusive=True, group="request-submit", exit_on_error=False)
    async def submit(self, create: RequestCreate) -> None:
        key = self.send_key["key"] if self.send_key else None
        filed = await self.submit_form(lambda: self.api.file_request(create, idempotency_key=key), _(
            "Votre demande n'a pas été envoyée ; vos réponses sont gardées en brouillon. Réessayez avec Ctrl+S."),
            field_of)
        owner = self.owner
        if owner is not None:
            request_drafts.discard(request_drafts.request_kind(self.request_type), owner)
        notify_plain(self, _("Votre demande est déposée sous le n° {reference}. Suivez-la dans « Mes démarches »."
                             ).format(reference=filed.reference or "—"), title=_("Demande déposée"))
        from .requests import RequestDetailScreen

        self.app.switch_screen(RequestDetailScreen(filed.id, request=filed))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "submit":
            return self.form is not None
        return super().check_action(action, parameters)
