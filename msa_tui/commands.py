"""Command palette: the app's pages allowed in the current login state, the catalogue's services
and démarches, and logout; the palette itself, in French."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette, DiscoveryHit, Hit, Hits, Provider
from textual.widgets.option_list import Option

from .core.i18n import _
from .core.text import clean_text
from .widgets.safe import notify_plain, plain

if TYPE_CHECKING:
    from .api.models import Service
    from .app import MsaApp

log = logging.getLogger(__name__)


class MsaCommandPalette(CommandPalette):
    """Textual's palette with its empty result in French (Textual writes "No matches found")."""

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Same timing and option id as Textual's own, only the words differ.
        self._stop_no_matches_countdown()

        def show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(_("Aucun résultat"), style="not bold")), disabled=True,
                    id=self._NO_MATCHES,
                ))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show_no_matches)


class PagesProvider(Provider):
    """Offers « Aller à … » for every page the member may open now, the services of the catalogue
    (démarches included), plus « Se déconnecter »."""

    async def startup(self) -> None:
        # The catalogue comes from the server: read once per opening of the palette, logged in only.
        self._services: list[tuple[str, str, Callable[[], object]]] = []
        app = cast("MsaApp", self.app)
        if app.me is None:
            return
        from .api.errors import ApiError

        try:
            categories = await app.client.services()
        except ApiError as error:
            log.info("palette: catalogue not loaded (%s)", error.message)
            return
        self._services = [self._service_command(service) for category in categories
                          for service in category.services]

    def _service_command(self, service: Service) -> tuple[str, str, Callable[[], object]]:
        from .core.services import route_for

        app = cast("MsaApp", self.app)
        route = route_for(service)
        label = clean_text(_(service.label), multiline=False)
        kind = _("Démarche : {label}") if service.kind == "request" else _("Service : {label}")
        if route.kind == "page" and route.page:
            action: Callable[[], object] = partial(app.go_to, route.page, **route.kwargs)
            help_text = _("Ouvrir ce service")
        else:
            action = partial(notify_plain, app, _(route.message), timeout=12)
            help_text = _("Lire où trouver ce service")
        return kind.format(label=label), help_text, action

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        from .screens.registry import PAGES

        app = cast("MsaApp", self.app)
        commands: list[tuple[str, str, Callable[[], object]]] = []
        for entry in PAGES.values():
            if entry.name == "login" or not app.page_allowed(entry.name):
                continue
            commands.append((
                _("Aller à : {title}").format(title=_(entry.title)),
                _("Ouvrir la page « {title} »").format(title=_(entry.title)),
                partial(app.go_to, entry.name),
            ))
        commands.append((_("À propos"), app.about, app.action_help))
        if app.me is not None:
            commands.append((_("Se déconnecter"), _("Fermer la session"), app.action_logout))
        return commands

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)
        # The catalogue's labels are the server's text: shown literally (the highlight reads markup).
        for text, help_text, callback in getattr(self, "_services", []):
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, plain(text, multiline=False), callback, text=text, help=help_text)
