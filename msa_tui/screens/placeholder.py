"""The page shown for a registry entry whose screen is not built yet."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from ..core.i18n import _
from .base import PageScreen


class PlaceholderScreen(PageScreen):
    """"Cette page n'est pas encore disponible", with the page's title; Échap goes back."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.PAGE_TITLE = title

    def compose_body(self) -> ComposeResult:
        yield Static(_(self.PAGE_TITLE), classes="page-title")
        yield Static(_("Cette page n'est pas encore disponible."), id="placeholder-text")
        yield Static(_("Appuyez sur Échap pour revenir à la page précédente."))
