"""Mes démarches (PORTAL.md 4, « suivre »): requests filed and drafts kept; one request with its timeline."""

from __future__ import annotations

from rich.console import Group
from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from ..core import request_drafts
from ..api.errors import ApiError
from ..api.models import Request, RequestForm, RequestStatus, RequestSummary
from ..core.clock import parse_moment
from ..core.formatting import short_date
from ..core.i18n import _
from ..core.requests import show_answer, status_label
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from .bindings import page_bindings
from .list_page import ListPage, ListWords
from .loading_page import LoadingPage
from .prompts import two_lines


def request_prompt(request: RequestSummary) -> Group:
    """Label, then status in words and dates; a sign when the MSA waits for the member."""
    details = [_("Statut : {status}").format(status=status_label(request.status)),
               _("déposée le {date}").format(date=short_date(request.filed_at))]
    details += [_("n° {reference}").format(reference=request.reference)] if request.reference else []  # issue 14
    if request.updated_at != request.filed_at:
        details.append(_("mise à jour le {date}").format(date=short_date(request.updated_at)))
    return two_lines(request.label, " · ".join(details), flag=request.status == RequestStatus.pieces_demandees)


def draft_prompt(draft: dict[str, str]) -> Group:
    details = [_("Statut : {status}").format(status=status_label(RequestStatus.brouillon))]
    if draft["saved_at"]:
        try:
            details.append(_("enregistré le {date}").format(date=short_date(parse_moment(draft["saved_at"]))))
        except ValueError:
            pass
    details.append(_("non envoyé"))
    return two_lines(_(draft["label"]) or draft["type"], " · ".join(details))


Listed = RequestSummary | dict[str, str]
"""A row of the list: a request filed, or a draft kept on this machine."""


def listed_prompt(listed: Listed) -> Group:
    return draft_prompt(listed) if isinstance(listed, dict) else request_prompt(listed)


def listed_key(listed: Listed) -> str:
    return f"draft:{listed['type']}" if isinstance(listed, dict) else f"req:{listed.id}"


class RequestsScreen(ListPage[Listed]):
    """Drafts first (not sent yet), then the requests filed, most recently updated first."""

    PAGE_TITLE = "Mes démarches"
    BINDINGS = page_bindings(("n", "services", "Nouvelle demande", "requests.new",
                              "Choisir une démarche dans le catalogue des services"),
                             retry="Recharger la liste de vos démarches")
    WORDS = ListWords("requests", "Entrée : suivi ou brouillon · N : nouvelle demande · Échap : retour",
                      "Aucune démarche pour l'instant. Appuyez sur N pour en commencer une.",
                      "Vos démarches n'ont pas pu être chargées.")

    def __init__(self) -> None:
        super().__init__(ModelList(listed_prompt, id="requests", key=listed_key))

    async def rows(self) -> list[Listed]:
        page = await self.fetch_rows(self.api.requests)
        me = self.msa_app.me
        drafts: list[Listed] = list(request_drafts.request_drafts(me.id)) if me is not None else []
        return drafts + list(page.items)

    def open(self, listed: Listed) -> None:
        if isinstance(listed, dict):
            self.msa_app.open_page("request_form", request_type=listed["type"])
        else:
            self.app.push_screen(RequestDetailScreen(listed.id))

    def action_services(self) -> None:
        self.msa_app.open_page("services")


def timeline_text(request: Request) -> str:
    """One line per step, oldest first: date, status in words, the MSA's comment."""
    lines = []
    for event in sorted(request.timeline, key=lambda e: e.at):
        line = f"{short_date(event.at)}  {status_label(event.status)}"
        if event.comment:
            line += f" — {event.comment}"
        lines.append(line)
    return "\n".join(lines) or _("Aucune étape pour l'instant.")


def answers_text(request: Request, form: RequestForm | None) -> str:
    if form is None:
        return "\n".join(f"• {name} : {value}" for name, value in request.answers.items())
    return "\n".join(f"• {_(spec.label)} : {show_answer(spec, request.answers.get(spec.name))}"
                     for spec in form.fields)


class RequestDetailScreen(LoadingPage):
    """A request: status, timeline, answers; E sends a document when the MSA asks for one."""

    PAGE_TITLE = "Suivi de ma démarche"
    BINDINGS = page_bindings(("e", "send_document", "Envoyer un document", "request_detail.send_document",
                              "Envoyer les pièces demandées par votre MSA"), retry="Recharger le suivi de la démarche")

    def __init__(self, request_id: str, request: Request | None = None) -> None:
        super().__init__()
        self.request_id = request_id
        self.request: Request | None = request

    def compose_body(self) -> ComposeResult:
        yield LoadPanel(id="detail-load")
        with VerticalScroll(id="detail-scroll"):
            yield Static("", id="detail-title", classes="page-title", markup=False)
            yield Static("", id="detail-status", markup=False)
            yield Static("", id="detail-pieces", markup=False)
            yield Static(_("Suivi"), classes="section-title")
            yield Static("", id="timeline", markup=False)
            yield Static(_("Vos réponses"), classes="section-title")
            yield Static("", id="detail-answers", markup=False)

    def on_mount(self) -> None:
        self.query_one("#detail-scroll").display = False
        self.query_one("#detail-scroll").can_focus = True
        self.load()

    def on_screen_resume(self) -> None:
        if self.request is not None:
            self.load()

    @work(exclusive=True, group="detail-load", exit_on_error=False)
    async def load(self) -> None:
        request = await self.fetch(lambda: self.api.request(self.request_id),
                                   _("Le suivi de cette démarche n'a pas pu être chargé."),
                                   quiet=self.request is not None)
        form = None
        try:
            form = await self.call(lambda: self.api.request_form(request.type))
        except ApiError:
            pass  # the answers then show under their field names
        self.show(request, form)

    def show(self, request: Request, form: RequestForm | None) -> None:
        self.request = request
        self.query_one("#detail-title", Static).update(request.label)
        status = _("Statut : {status} · demande déposée le {date}").format(
            status=status_label(request.status), date=short_date(request.filed_at))
        status += f" · n° {request.reference}" if request.reference else ""  # issue 14: the reference to quote
        self.query_one("#detail-status", Static).update(status)
        pieces = self.query_one("#detail-pieces", Static)
        pieces.display = request.status == RequestStatus.pieces_demandees
        pieces.update("● " + _("Votre MSA attend des pièces : appuyez sur E pour lui envoyer un document."))
        self.query_one("#timeline", Static).update(timeline_text(request))
        self.query_one("#detail-answers", Static).update(answers_text(request, form))
        scroll = self.query_one("#detail-scroll")
        scroll.display = True
        scroll.focus()
        self.refresh_bindings()

    def action_send_document(self) -> None:
        self.msa_app.open_page("send_document")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "send_document":
            return self.request is not None and self.request.status == RequestStatus.pieces_demandees
        return super().check_action(action, parameters)
