"""PageScreen: the base of every portal page (header, body, footer, shared API failure handling)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.screen import Screen

from ..core.i18n import _
from ..widgets.footer import MsaFooter
from ..widgets.status import PortalHeader
from ..widgets.safe import notify_plain

if TYPE_CHECKING:
    from ..api.client import MsaClient

T = TypeVar("T")


class PageScreen(Screen):
    """A portal page: subclasses override `compose_body()`; `compose()` adds the shared chrome.

    `PAGE_TITLE` (French) is shown in the header beside the portal name.
    """

    PAGE_TITLE: str = ""
    BINDINGS = [
        Binding("escape", "back", _("Retour"), id="page.back", tooltip=_("Revenir à la page précédente")),
    ]

    def compose(self) -> ComposeResult:
        yield PortalHeader(_(self.PAGE_TITLE) if self.PAGE_TITLE else "")
        with Container(id="body"):
            yield from self.compose_body()
        yield MsaFooter()

    def compose_body(self) -> ComposeResult:
        """The page's own widgets (override)."""
        yield from ()

    def _is_first_page(self) -> bool:
        # The login screen or the dashboard sits right above Textual's default screen.
        stack = self.app.screen_stack
        return len(stack) <= 2 or stack[1] is self

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "back":
            return not self._is_first_page()
        return True

    def action_back(self) -> None:
        if not self._is_first_page() and self.app.screen is self:
            self.app.pop_screen()

    @property
    def api(self) -> MsaClient:
        """The session's client (created on first use)."""
        return self.app.client  # type: ignore[attr-defined]

    async def call(self, factory: Callable[[], Awaitable[T]]) -> T | None:
        """Run one API call with the shared failure handling; the screen stays as it is.

        `factory` builds a fresh awaitable each time (it is called again to replay the call
        after a re-login). SessionExpired → re-login modal, then replay (None if the user
        gives up and is logged out); NetworkDown / ServerUnavailable → an error
        notification and None; any other ApiError is raised for the screen to show inline.
        """
        from ..api.errors import NetworkDown, ServerUnavailable, SessionExpired

        while True:
            try:
                return await factory()
            except SessionExpired:
                if not await self.app.relogin():  # type: ignore[attr-defined]
                    return None
            except (NetworkDown, ServerUnavailable) as error:
                notify_plain(self, error.message, title=_("Service indisponible"), severity="error")
                return None

