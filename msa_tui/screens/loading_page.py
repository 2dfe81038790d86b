"""LoadingPage: a page whose data loads behind a LoadPanel, retried by its key or its button."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar

from textual import on

from ..widgets.load_panel import LoadPanel
from .base import PageScreen

T = TypeVar("T")


class LoadingPage(PageScreen):
    """Subclasses compose one LoadPanel, define a `load()` worker, and bind a key to `reload`.

    A failed load needs no code in the page: the error leaves the worker and the page's
    worker handler (`PageScreen.show_failure`) shows it in the panel with « Réessayer ».
    """

    async def fetch(self, factory: Callable[[], Awaitable[T]], failed: str, *, quiet: bool = False) -> T:
        """`call` with the panel kept in step: spinner, then hidden once the data is here.

        `failed` words an unreachable server for this page. `quiet` keeps what is on screen
        while reloading (no spinner flash over a list already shown).
        """
        panel = self.query_one(LoadPanel)
        if not quiet:
            panel.show_loading()
        result = await self.call(factory, failed)
        panel.ready()
        self.refresh_bindings()
        return result

    def load(self) -> object:  # pragma: no cover - every subclass defines its worker (a Worker)
        raise NotImplementedError

    @on(LoadPanel.RetryRequested)
    def _retry_requested(self) -> None:
        self.load()

    def action_reload(self) -> None:
        self.load()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            panels = self.query(LoadPanel)
            return bool(panels) and panels.first().state == "failed"
        return super().check_action(action, parameters)
