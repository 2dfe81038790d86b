"""A list of models keyed by id: the highlight survives a reload, an empty list says so in words."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from operator import attrgetter
from typing import Generic, TypeVar

from rich.console import RenderableType
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from .safe import literal

M = TypeVar("M")


class ModelList(OptionList, Generic[M]):
    """An OptionList of models, one option a model, drawn by `prompt` and keyed by `key`.

    Its empty message is a sibling line (`compose_with_empty`, id `<list id>-empty`): while the list
    is empty the screen carries the `-empty` class, and the page's stylesheet swaps the list for the line.
    """

    def __init__(self, prompt: Callable[[M], RenderableType], *, id: str, key: Callable[[M], str] | None = None,
                 separated: bool = True) -> None:
        super().__init__(id=id)
        self.prompt = prompt
        self.key: Callable[[M], str] = key or attrgetter("id")
        self.separated = separated
        """A separator line between two models (models of two lines read apart)."""
        self.models: list[M] = []
        self.wanted: str | None = None
        """The id to highlight at the next `show` (a model just added or changed), before the current one."""

    def compose_with_empty(self, empty: str) -> Iterator[OptionList | Static]:
        """The list, then its French empty message."""
        yield self
        yield Static(empty, id=f"{self.id}-empty", markup=False)

    def show(self, models: Sequence[M]) -> None:
        """Replace the models; the highlight stays on the same id (else the first), focus comes to the list."""
        current = self.highlighted_option.id if self.highlighted_option else None
        wanted, self.wanted = self.wanted or current, None
        self.models = list(models)
        self.clear_options()
        options: list[Option | None] = []
        for model in self.models:
            if options and self.separated:
                options.append(None)
            options.append(Option(literal(self.prompt(model)), id=self.key(model)))
        self.add_options(options)
        self.screen.set_class(not self.models, "-empty")
        if self.models:
            ids = [self.key(model) for model in self.models]
            self.highlighted = self.get_option_index(wanted) if wanted is not None and wanted in ids else 0
            self.focus()

    def selected(self) -> M | None:
        """The highlighted model (None when the list is empty)."""
        option = self.highlighted_option
        if option is None:
            return None
        return next((model for model in self.models if self.key(model) == option.id), None)
