"""The portal header: portal name, page title and the connected state written in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label

from ..core.i18n import _

PORTAL_NAME = "Mon espace privé — MSA"
CONNECTED = "● Connecté"
DISCONNECTED = "○ Déconnecté"


class ConnectionStatus(Label):
    """"● Connecté" / "○ Déconnecté": the words carry the meaning, the style only repeats it.

    Follows the app's `me` reactive (a profile means a live session).
    """

    DEFAULT_CSS = """
    ConnectionStatus { width: auto; padding: 0 1; text-style: bold; }
    ConnectionStatus.-connected { color: $text-success; }
    ConnectionStatus.-disconnected { color: $text-warning; }
    """

    def on_mount(self) -> None:
        if hasattr(self.app, "me"):
            self.watch(self.app, "me", self._show, init=True)
        else:
            self._show(None)

    def _show(self, me: object | None) -> None:
        connected = me is not None
        self.update(_(CONNECTED) if connected else _(DISCONNECTED))
        self.set_class(connected, "-connected")
        self.set_class(not connected, "-disconnected")

    @property
    def connected(self) -> bool:
        return self.has_class("-connected")


class PortalHeader(Horizontal):
    """One line docked on top; the page title is optional."""

    DEFAULT_CSS = """
    PortalHeader { dock: top; height: 1; background: $panel; }
    PortalHeader > #portal-name { padding: 0 1; text-style: bold; }
    PortalHeader > #page-title { width: 1fr; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, page_title: str = "") -> None:
        super().__init__()
        self.page_title = page_title

    def compose(self) -> ComposeResult:
        yield Label(_(PORTAL_NAME), id="portal-name")
        yield Label(f"· {self.page_title}" if self.page_title else "", id="page-title", markup=False)
        yield ConnectionStatus(id="connection-status")
