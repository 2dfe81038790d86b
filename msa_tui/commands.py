"""Command palette provider: the app's pages allowed in the current login state, and logout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .core.i18n import _

if TYPE_CHECKING:
    from .app import MsaApp


class PagesProvider(Provider):
    """Offers « Aller à … » for every page the member may open now, plus « Se déconnecter »."""

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
                partial(app.open_page, entry.name),
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
