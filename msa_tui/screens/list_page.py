"""ListPage: a page listing models from the server: help line, LoadPanel, the ModelList and its empty line.

A subclass states only what differs: its words (`ListWords`), how to load (`rows`), how a row reads
(the ModelList's prompt) and what Enter does (`open`). E.g.

    class ThingsScreen(ListPage[Thing]):
        PAGE_TITLE = "Mes choses"
        CSS_PATH = "things.tcss"
        BINDINGS = page_bindings(retry="Recharger vos choses")
        WORDS = ListWords("things", "Entrée : ouvrir · Échap : retour", "Aucune chose.",
                          "Vos choses n'ont pas pu être chargées.")

        def __init__(self) -> None:
            super().__init__(ModelList(thing_prompt, id="things"))

        async def rows(self) -> Sequence[Thing]:
            return (await self.fetch_rows(self.api.things)).items

        def open(self, thing: Thing) -> None:
            self.app.push_screen(ThingScreen(thing.id))
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.worker import Worker

from ..core.i18n import _
from ..widgets.form_field import show_line
from ..widgets.load_panel import LoadPanel
from ..widgets.model_list import ModelList
from .loading_page import LoadingPage

M = TypeVar("M")
T = TypeVar("T")


@dataclass(frozen=True)
class ListWords:
    """What a list page says (French, translated when shown) and the prefix of its ids."""

    prefix: str
    """`<prefix>-help` is the help line, `<prefix>-load` the LoadPanel (the stylesheet and tests use them)."""
    help: str
    empty: str
    """Said instead of the list while it is empty (what to do next, when there is something to do)."""
    failed: str
    """Said in the panel when the list could not be loaded."""
    heading: str = ""
    """A page title line above the help, when the page has one."""


class ListPage(LoadingPage, Generic[M]):
    """Loads on every return to the page (what was opened from it may have changed the list; see
    `RELOAD_ON_RESUME`), keeps the highlight across reloads, opens the highlighted model on Enter.

    A subclass with its own `on_mount` (e.g. hiding a result line) keeps it: Textual runs both."""

    WORDS: ClassVar[ListWords]
    RELOAD_ON_RESUME: ClassVar[bool] = True
    """False: load once, when mounted (a page that reloads itself after its own actions, e.g. a cancel)."""
    RESULT_LINE: ClassVar[bool] = False
    """True: a line `<prefix>-result` under the help, hidden until an action tells its result there
    (`show_result`); the page's other workers (group `<prefix>-…`) tell their failures there too."""

    def __init__(self, listing: ModelList[M]) -> None:
        super().__init__()
        self.listing = listing

    def show_result(self, line: str, *, error: bool = False) -> None:
        """An action's outcome on the result line (`RESULT_LINE`)."""
        show_line(self.query_one(f"#{self.WORDS.prefix}-result", Static), line, error=error)

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        prefix = self.WORDS.prefix
        own_action = worker.group.startswith(f"{prefix}-") and worker.group != f"{prefix}-load"
        if self.RESULT_LINE and own_action and worker.group not in self.FAILURE_LINES:
            show_line(self.query_one(f"#{prefix}-result", Static), message, announce=True)
            return
        super().show_failure(message, worker, already_told=already_told)

    def compose_body(self) -> ComposeResult:
        words = self.WORDS
        if words.heading:
            yield Static(_(words.heading), classes="page-title")
        yield Static(_(words.help), id=f"{words.prefix}-help", markup=False)
        if self.RESULT_LINE:
            result = Static("", id=f"{words.prefix}-result", markup=False)
            result.display = False
            yield result
        yield from self.compose_above_list()
        yield LoadPanel(id=f"{words.prefix}-load")
        yield from self.listing.compose_with_empty(_(words.empty))
        yield from self.compose_below_list()

    def compose_above_list(self) -> Iterator[Widget]:
        """Widgets between the help line and the list (e.g. an action's result line)."""
        yield from ()

    def compose_below_list(self) -> Iterator[Widget]:
        """Widgets under the list (e.g. the highlighted model's details)."""
        yield from ()

    def on_mount(self) -> None:
        if not self.RELOAD_ON_RESUME:
            self.load()

    def on_screen_resume(self) -> None:
        if self.RELOAD_ON_RESUME:
            self.load()

    def load(self) -> Worker[None]:
        return self.run_worker(self._load(), group=f"{self.WORDS.prefix}-load", exclusive=True, exit_on_error=False)

    async def _load(self) -> None:
        self.listing.show(await self.rows())
        self.refresh_bindings()

    async def rows(self) -> Sequence[M]:  # pragma: no cover - every subclass says what it lists
        """The models to list, fetched through `fetch_rows`."""
        raise NotImplementedError

    async def fetch_rows(self, factory: Callable[[], Awaitable[T]]) -> T:
        """`fetch` with this page's failure words; quiet (no spinner) once a list is on screen."""
        return await self.fetch(factory, _(self.WORDS.failed), quiet=bool(self.listing.models))

    def selected(self) -> M | None:
        return self.listing.selected()

    @on(OptionList.OptionSelected)
    def _open_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list is not self.listing:
            return
        model = self.listing.selected()
        if model is not None:
            self.open(model)

    def open(self, model: M) -> None:
        """Enter on a model (nothing by default)."""
