"""Command palette provider: the app's pages allowed in the current login state, and logout."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from .core.i18n import _


class PagesProvider(Provider):
    """Offers « Aller à … » for every page the member may open now, plus « Se déconnecter »."""

    def _commands(self) -> list[tuple[str, str, object]]:
        from .screens.registry import PAGES

        app = self.app
        commands: list[tuple[str, str, object]] = []
        for entry in PAGES.values():
            if entry.name == "login" or not app.page_allowed(entry.name):  # type: ignore[attr-defined]
                continue
            commands.append((
                _("Aller à : {title}").format(title=_(entry.title)),
                _("Ouvrir la page « {title} »").format(title=_(entry.title)),
                partial(app.open_page, entry.name),  # type: ignore[attr-defined]
            ))
        commands.append((_("À propos"), app.about, app.action_help))  # type: ignore[attr-defined]
        if app.me is not None:  # type: ignore[attr-defined]
            commands.append((_("Se déconnecter"), _("Fermer la session"), app.action_logout))  # type: ignore[attr-defined]
        return commands

    async def discover(self) -> Hits:
        for text, help_text, callback in self._commands():
            yield DiscoveryHit(text, callback, help=help_text)  # type: ignore[arg-type]

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, callback in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, help=help_text)  # type: ignore[arg-type]
