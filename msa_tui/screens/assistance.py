"""Assistance internet (PORTAL.md 5): phone, opening hours, and whether it is open right now, in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Button, LoadingIndicator, Static
from textual.worker import Worker

from ..api.models import Assistance
from ..core.assistance import reopening_line
from ..core.clock import now
from ..core.formatting import opening_hours
from ..core.i18n import _
from .bindings import retry_binding
from .base import PageScreen

OPEN = "Ouvert en ce moment"
CLOSED = "Fermé en ce moment"
LOAD_FAILED = "Les horaires de l'assistance n'ont pas pu être chargés."


class AssistanceScreen(PageScreen):
    """Reachable logged in or not; loads `client.assistance()` in a worker, F5 retries on failure."""

    PAGE_TITLE = "Assistance"
    BINDINGS = [
        retry_binding("Recharger les horaires"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.info: Assistance | None = None
        self.failed = False

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="assistance"):
            yield Static(_("Assistance internet"), classes="page-title")
            yield LoadingIndicator()
            yield Static("", id="assistance-status", markup=False)
            yield Static("", id="assistance-details", markup=False)
            with Horizontal(id="assistance-error"):
                yield Static("", id="assistance-error-text", markup=False)
                yield Button(_("Réessayer"), id="assistance-retry", compact=True)
            yield Static(_("Échap : revenir à la page précédente"), id="assistance-hint")

    def on_mount(self) -> None:
        self.load()

    def load(self) -> None:
        self.failed = False
        self.query_one(LoadingIndicator).display = True
        self.query_one("#assistance-error").display = False
        self.refresh_bindings()
        self.run_worker(self._load(), group="assistance", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        info = await self.call(self.api.assistance, _(LOAD_FAILED))
        self.info = info
        self.query_one(LoadingIndicator).display = False
        status = self.query_one("#assistance-status", Static)
        # The words carry the state; the style only repeats it (NO_COLOR).
        words = _(OPEN) if info.open_now else _(CLOSED)
        if not info.open_now and info.next_opening is not None:
            words += " · " + reopening_line(info.next_opening, now())
        status.update(words)
        status.set_class(info.open_now, "-open")
        status.set_class(not info.open_now, "-closed")
        lines = [_("Téléphone : {phone}").format(phone=info.phone)]
        lines += opening_hours([(slot.weekday, slot.opens, slot.closes) for slot in info.hours])
        lines.append(_("Heure de Paris."))
        self.query_one("#assistance-details", Static).update("\n".join(lines))

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        self._failed(message)

    def _failed(self, message: str) -> None:
        self.failed = True
        self.query_one(LoadingIndicator).display = False
        self.query_one("#assistance-error-text", Static).update(f"⚠ {message}")
        self.query_one("#assistance-error").display = True
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            return self.failed
        return super().check_action(action, parameters)

    def action_reload(self) -> None:
        if self.failed:
            self.load()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_reload()
