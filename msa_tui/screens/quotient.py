"""Consulter mon quotient familial (PORTAL.md 4, Enfance): the value, its year and parts, or why there is none."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.widgets import Static

from ..api.errors import NotEligible
from ..api.models import QuotientFamilial
from ..core.formatting import long_date, money
from ..core.i18n import _
from ..widgets.load_panel import LoadPanel
from .bindings import retry_binding
from .loading_page import LoadingPage


def quotient_text(qf: QuotientFamilial) -> str:
    parts = f"{qf.parts:g}".replace(".", ",")
    return "\n".join([
        _("Votre quotient familial : {value}").format(value=money(qf.value).replace(",00", "")),
        _("Ressources de l'année {year} : {income}").format(year=qf.year, income=money(qf.reference_income)),
        _("Nombre de parts : {parts}").format(parts=parts),
        _("Calculé le {date}").format(date=long_date(qf.computed_at)),
    ])


class QuotientScreen(LoadingPage):
    """One small page: the quotient the MSA computed, or the server's words when there is none."""

    PAGE_TITLE = "Mon quotient familial"
    BINDINGS = [retry_binding("Recharger votre quotient familial")]

    def compose_body(self) -> ComposeResult:
        yield LoadPanel(id="quotient-load")
        yield Static("", id="quotient", markup=False)
        yield Static(_("Le quotient familial sert à calculer certaines prestations familiales : ressources "
                       "annuelles du foyer divisées par 12 et par le nombre de parts."),
                     id="quotient-help", markup=False)

    def on_mount(self) -> None:
        self.load()

    @work(exclusive=True, group="quotient-load", exit_on_error=False)
    async def load(self) -> None:
        panel = self.query_one(LoadPanel)
        panel.show_loading()
        try:
            qf = await self.call(self.api.quotient_familial, _("Votre quotient familial n'a pas pu être chargé."))
        except NotEligible as error:
            # An answer, not a failure: nothing to retry.
            panel.ready()
            self.query_one("#quotient", Static).update("ⓘ " + error.message)
            return
        panel.ready()
        self.query_one("#quotient", Static).update(quotient_text(qf))
        self.refresh_bindings()
