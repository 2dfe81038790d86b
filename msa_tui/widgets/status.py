"""The portal header: portal name, page title, the connected state and, while acting for someone, whose
space is on show — all written in words."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Label

from ..core.i18n import _

PORTAL_NAME = "Mon espace privé — MSA"
CONNECTED = "● Connecté"
DISCONNECTED = "○ Déconnecté"
BACK_HINT = "F8 : revenir à mon espace"


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


class ActingLine(Label):
    """"▶ Vous agissez pour Antoine Santoni · F8 : revenir à mon espace", shown only while acting.

    Follows the app's `me` (switching spaces changes it) and reads whose space it is from the session."""

    DEFAULT_CSS = """
    ActingLine { display: none; width: 1fr; padding: 0 1; text-style: bold; background: $warning-muted; }
    ActingLine.-acting { display: block; }
    """

    def on_mount(self) -> None:
        if hasattr(self.app, "session"):
            self.watch(self.app, "me", self._show, init=True)

    def _show(self, _me: object | None) -> None:
        acting = getattr(getattr(self.app, "session", None), "acting", None)
        if acting is not None:
            # Imported only while acting: the login screen paints without the API models.
            from ..core.procurations import acting_words

            self.update(f"▶ {acting_words(acting.principal_name)} · {_(BACK_HINT)}")
        self.set_class(acting is not None, "-acting")

    @property
    def acting(self) -> bool:
        return self.has_class("-acting")


class PortalHeader(Vertical):
    """One line docked on top (the page title is optional), and a second one while acting for someone."""

    DEFAULT_CSS = """
    PortalHeader { dock: top; height: auto; background: $panel; }
    PortalHeader > #header-row { height: 1; }
    PortalHeader #portal-name { padding: 0 1; text-style: bold; }
    PortalHeader #page-title { width: 1fr; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, page_title: str = "") -> None:
        super().__init__()
        self.page_title = page_title

    def compose(self) -> ComposeResult:
        with Horizontal(id="header-row"):
            yield Label(_(PORTAL_NAME), id="portal-name")
            yield Label(f"· {self.page_title}" if self.page_title else "", id="page-title", markup=False)
            yield ConnectionStatus(id="connection-status")
        yield ActingLine(id="acting-line", markup=False)
