"""Mon espace privé (PORTAL.md 2): four blocks, each loaded on its own and leading to its page."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from rich.console import RenderableType
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, VerticalScroll
from textual.widgets import OptionList, Static
from textual.worker import Worker

from ..core.i18n import _
from ..api.models import Alert
from ..core.alerts import alert_target
from ..widgets.dashboard_blocks import (
    AlertsPanel,
    DashboardBlock,
    messages_content,
    profile_content,
    recent_content,
    services_content,
)
from .bindings import retry_binding
from .base import PageScreen

WIDE_MIN_COLUMNS = 100
"""From this width the blocks sit 2 by 2; below it they stack."""
SHORT_MAX_ROWS = 30
"""Below this height the welcome and contact lines lose their margins (`-short`)."""

BLOCK_GROUP = "block-"
LOAD_FAILED = "Ce bloc n'a pas pu être chargé. Appuyez sur F5 pour réessayer."

_OPEN = Binding.Group(_("Ouvrir un bloc"), compact=True)


def _open_binding(key: str, page: str, description: str) -> Binding:
    return Binding(
        key, f"open('{page}')", _(description), id=f"dashboard.{page}", group=_OPEN,
        tooltip=_("Ouvrir « {title} »").format(title=_(description)),
    )


class DashboardScreen(PageScreen):
    """The private space home. Blocks: profile, messages, recent payments and documents, services."""

    PAGE_TITLE = "Mon espace privé"
    BINDINGS = [
        _open_binding("1", "profile", "Mes informations personnelles"),
        _open_binding("2", "messages", "Mes messages"),
        _open_binding("3", "payments", "Mes paiements"),
        _open_binding("4", "services", "Mes services en ligne"),
        # D and C are written on the page (block 3's hint, the last line): the footer's
        # room at 80 columns goes to F1, Ctrl+L and Ctrl+Q.
        Binding("d", "open('documents')", _("Documents"), id="dashboard.documents", show=False,
                tooltip=_("Consulter mes documents échangés avec la MSA")),
        Binding("c", "open('contact')", _("Contact & échanges"), id="dashboard.contact", show=False,
                tooltip=_("Envoyer un document, poser une question")),
        # Written in the alerts' heading ("A : aller aux alertes"), like D and C.
        Binding("a", "alerts", _("À faire"), id="dashboard.alerts", show=False,
                tooltip=_("Aller aux alertes : ce qui attend de votre part")),
        retry_binding("Recharger les blocs en erreur"),
    ]
    resumed_once = False
    RESUME_RELOADS = ("profile", "messages", "recent")
    """The blocks whose data another page may have changed (a phone edited, a thread read, a document sent);
    the alerts are reloaded too. The services catalogue does not change under the member."""

    def compose_body(self) -> ComposeResult:
        with VerticalScroll(id="dashboard-scroll"):
            yield Static(self._welcome(), id="dashboard-welcome", markup=False)
            yield AlertsPanel()
            with Grid(id="dashboard-blocks"):
                yield DashboardBlock("profile", 1, _("Mes informations personnelles"), "profile")
                yield DashboardBlock("messages", 2, _("Mes messages"), "messages")
                yield DashboardBlock(
                    "recent", 3, _("Mes derniers paiements et documents"), "payments",
                    hint=_("Entrée : paiements · D : documents"),
                )
                yield DashboardBlock("services", 4, _("Mes services en ligne"), "services")
            yield Static(
                _("C : Contact & échanges (envoyer un document, poser une question)"),
                id="dashboard-contact", markup=False,
            )

    def _welcome(self) -> str:
        me = getattr(self.app, "me", None)
        if me is None:
            return _("Bienvenue dans votre espace privé.")
        return _("Bonjour {name}, bienvenue dans votre espace privé.").format(
            name=f"{me.first_name} {me.last_name}"
        )

    def on_mount(self) -> None:
        self._apply_width(self.app.size.width)
        self._fit_blocks(self.app.size.height)
        for block in self.query(DashboardBlock):
            self.load(block)
        self.load_alerts()
        # The welcome line stays in view: focusing must not scroll the page. (Queried, not query_one: an
        # app closing right after login may be taking the page down already.)
        for profile in self.query("#block-profile"):
            profile.focus(scroll_visible=False)

    def on_resize(self, event: events.Resize) -> None:
        self._apply_width(event.size.width)
        self._fit_blocks(event.size.height)

    def _fit_blocks(self, height: int) -> None:
        """Every block's key (its title) and the C line stay on screen without scrolling.

        A block taller than its share of the height is cut at the bottom (its border
        still closes it; Entrée opens the page with everything).
        """
        short = height < SHORT_MAX_ROWS
        self.set_class(short, "-short")
        # header, footer, the welcome and C lines (with their margins unless short), the alerts
        # (A resize may come before the page is composed, or while it is taken down: no panel, no rows.)
        alerts = sum(panel.rows for panel in self.query(AlertsPanel))
        chrome = (4 if short else 6) + alerts
        rows = 2 if self.has_class("-wide") else 4
        share = max(4, (height - chrome) // rows)
        for block in self.query(DashboardBlock):
            block.styles.max_height = share

    def _apply_width(self, width: int) -> None:
        # Two columns only when each block keeps about 48 columns: below that, stacking reads better.
        self.set_class(width < WIDE_MIN_COLUMNS, "-narrow")
        self.set_class(width >= WIDE_MIN_COLUMNS, "-wide")

    # --- loading ----------------------------------------------------------------------

    def _loader(self, key: str) -> Callable[[], Awaitable[RenderableType]]:
        api = self.api

        async def profile() -> RenderableType:
            me = getattr(self.app, "me", None) or await api.me()
            return profile_content(me)

        async def messages() -> RenderableType:
            page = await api.threads(limit=50)
            return messages_content(page.items)

        async def recent() -> RenderableType:
            payments = await api.payments(limit=3)
            documents = await api.documents(limit=3)
            return recent_content(payments.items, documents.items)

        async def services() -> RenderableType:
            return services_content(await api.services())

        return {"profile": profile, "messages": messages, "recent": recent, "services": services}[key]

    def load(self, block: DashboardBlock, *, quiet: bool = False) -> None:
        """(Re)load one block in its own worker; the others are left alone. `quiet` keeps the content
        shown until the new one arrives (no spinner flash when coming back to the page)."""
        if not (quiet and block.state == "ready"):
            block.show_loading()
        self.run_worker(self._load(block), group=f"{BLOCK_GROUP}{block.key}", exclusive=True, exit_on_error=False)

    async def _load(self, block: DashboardBlock) -> None:
        content: Any = await self.call(self._loader(block.key), _(LOAD_FAILED))
        block.show_content(content)

    def load_alerts(self) -> None:
        self.query_one(AlertsPanel).show_loading()
        self.run_worker(self._load_alerts(), group=f"{BLOCK_GROUP}alerts", exclusive=True, exit_on_error=False)

    async def _load_alerts(self) -> None:
        from ..api.errors import OutOfScope

        try:
            alerts = await self.call(self.api.alerts, _("Les alertes n'ont pas pu être chargées (F5 : réessayer)."))
        except OutOfScope:  # acting for someone: their to-do list stays theirs (not « rien ne vous attend »)
            self.query_one(AlertsPanel).display = False
            self._fit_blocks(self.app.size.height)
            return
        self.query_one(AlertsPanel).display = True
        self.query_one(AlertsPanel).show_alerts(alerts.items)
        self._fit_blocks(self.app.size.height)

    def on_screen_resume(self) -> None:
        """Back from another page: what it may have changed is loaded again, quietly."""
        if not self.resumed_once:  # the first showing: on_mount is already loading everything
            self.resumed_once = True
            return
        for block in self.query(DashboardBlock):
            if block.key in self.RESUME_RELOADS or block.state == "failed":
                self.load(block, quiet=True)
        self.load_alerts()

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        """A block's failure stays in its block, with its own way to retry."""
        key = worker.group.removeprefix(BLOCK_GROUP)
        blocks: list[DashboardBlock | AlertsPanel] = [
            block for block in [*self.query(DashboardBlock), self.query_one(AlertsPanel)] if block.key == key]
        if worker.group.startswith(BLOCK_GROUP) and blocks:
            blocks[0].show_error(message)
            self.refresh_bindings()
        else:
            super().show_failure(message, worker, already_told=already_told)

    # --- navigation -----------------------------------------------------------------

    def action_open(self, page: str) -> None:
        self.msa_app.open_page(page)

    @on(DashboardBlock.OpenRequested)
    def _open_block(self, event: DashboardBlock.OpenRequested) -> None:
        event.stop()
        self.action_open(event.page)

    @on(DashboardBlock.RetryRequested)
    def _retry_block(self, event: DashboardBlock.RetryRequested) -> None:
        event.stop()
        self.load(event.block)

    def action_alerts(self) -> None:
        listing = self.query_one(AlertsPanel).listing
        if listing.models:
            listing.focus()
        else:
            self.notify(_("Rien ne vous attend pour l'instant."))

    @on(OptionList.OptionSelected, "#alerts")
    def _open_alert(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        alert = self.query_one(AlertsPanel).listing.selected()
        if alert is not None:
            self.open_alert(alert)

    def open_alert(self, alert: Alert) -> None:
        target = alert_target(alert)
        if target.page == "thread":
            from .message_thread import ThreadScreen

            self.app.push_screen(ThreadScreen(**target.kwargs))
        elif target.page == "request":
            from .requests import RequestDetailScreen

            self.app.push_screen(RequestDetailScreen(**target.kwargs))
        else:
            self.msa_app.open_page(target.page, **target.kwargs)

    def action_reload(self) -> None:
        for block in self.query(DashboardBlock):
            if block.state == "failed":
                self.load(block)
        if self.query_one(AlertsPanel).state == "failed":
            self.load_alerts()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            return (any(block.state == "failed" for block in self.query(DashboardBlock))
                    or self.query_one(AlertsPanel).state == "failed")
        # The page's own rules (Escape does nothing on the first page) still apply.
        return super().check_action(action, parameters)
