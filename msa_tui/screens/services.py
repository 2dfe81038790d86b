"""Tous mes services en ligne (PORTAL.md 4): the catalogue by category; Enter opens the service."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ..api.models import Service, ServiceCategory
from ..core.i18n import _
from ..core.services import info_text, route_for
from ..widgets.load_panel import LoadPanel
from .bindings import page_bindings
from .loading_page import LoadingPage
from .prompts import indented

KIND_WORDS = {
    "request": "Demande en ligne : un formulaire, puis le suivi dans « Mes démarches » (D).",
    "declaration": "Déclaration trimestrielle de ressources : à faire en ligne.",
    "consultation": "Consultation : s'ouvre dans sa page.",
    "page": "S'ouvre dans sa page.",
    "external": "Information : s'affiche ici.",
}


def category_prompt(category: ServiceCategory) -> Text:
    # Headers read as such without colour: a sign and bold words (underline marks the highlighted service).
    return Text(f"■ {_(category.label)}", style="bold")


def service_prompt(service: Service) -> Table:
    return indented("  › ", _(service.label))


class ServicesScreen(LoadingPage):
    """The services grouped under their category headers; the highlighted one is described below."""

    PAGE_TITLE = "Tous mes services en ligne"
    BINDINGS = page_bindings(
        ("d", "requests", "Mes démarches", "services.requests", "Suivre les demandes déjà déposées"),
        retry="Recharger le catalogue des services",
    )

    def __init__(self) -> None:
        super().__init__()
        self.services: dict[str, Service] = {}

    def compose_body(self) -> ComposeResult:
        yield Static(_("Entrée : ouvrir le service · D : mes démarches · Échap : retour"),
                     id="services-help", markup=False)
        yield LoadPanel(id="services-load")
        yield OptionList(id="services")
        yield Static("", id="service-info", markup=False)

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="services-load", exit_on_error=False)
    async def load(self) -> None:
        categories = await self.fetch(self.api.services, _("Le catalogue des services n'a pas pu être chargé."))
        self.show_catalogue(categories)

    def show_catalogue(self, categories: list[ServiceCategory]) -> None:
        listing = self.query_one("#services", OptionList)
        listing.clear_options()
        self.services = {}
        options: list[Option] = []
        for category in categories:
            options.append(Option(category_prompt(category), id=f"cat:{category.code}", disabled=True))
            for service in category.services:
                self.services[f"svc:{service.code}"] = service
                options.append(Option(service_prompt(service), id=f"svc:{service.code}"))
        listing.add_options(options)
        if self.services:
            listing.highlighted = next(i for i, o in enumerate(options) if not o.disabled)
            listing.focus()

    def highlighted_service(self) -> Service | None:
        option = self.query_one("#services", OptionList).highlighted_option
        return self.services.get(option.id or "") if option is not None else None

    @on(OptionList.OptionHighlighted, "#services")
    def _describe(self) -> None:
        service = self.highlighted_service()
        text = _(KIND_WORDS.get(service.kind, "")) if service is not None else ""
        self.query_one("#service-info", Static).update(text)

    @on(OptionList.OptionSelected, "#services")
    def _open(self, event: OptionList.OptionSelected) -> None:
        service = self.services.get(event.option.id or "")
        if service is None:
            return
        route = route_for(service)
        if route.kind == "page" and route.page:
            self.msa_app.open_page(route.page, **route.kwargs)
        else:
            self.query_one("#service-info", Static).update("ⓘ " + info_text(service, route))

    def action_requests(self) -> None:
        self.msa_app.open_page("requests")
