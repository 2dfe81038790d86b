"""A labelled form field: label, input and an inline error line written in words."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, Static

from .safe import plain

if TYPE_CHECKING:
    from ..api.models import FieldError

ERROR_MARK = "⚠ "
"""Errors start with a sign and words, so they read without colour (NO_COLOR)."""


class FormField(Vertical):
    """Wraps an `Input` (or subclass) with its label, an optional hint and an error line.

    The input keeps its own id (`name` + "-input"); the error line is `name` + "-error".
    """

    DEFAULT_CSS = """
    FormField { height: auto; margin: 0 0 1 0; }
    FormField > .field-label { text-style: bold; }
    FormField > .field-hint { color: $text-muted; }
    FormField > .field-error { color: $text-error; display: none; }
    FormField.-invalid > .field-error { display: block; }
    FormField.-invalid > Input { border: tall $error; }
    """

    def __init__(self, name: str, label: str, field: Input, *, hint: str = "", classes: str | None = None) -> None:
        super().__init__(id=f"{name}-field", classes=classes)
        self.field_name = name
        self.label = label
        self.hint = hint
        self.input = field
        self._error = ""
        if field.id is None:
            field.id = f"{name}-input"

    def compose(self) -> ComposeResult:
        yield Label(plain(self.label), classes="field-label")
        if self.hint:
            yield Static(plain(self.hint), classes="field-hint")
        yield self.input
        yield Static("", id=f"{self.field_name}-error", classes="field-error")

    @property
    def value(self) -> str:
        return self.input.value

    @property
    def error(self) -> str:
        """The error shown, without its sign ("" when none)."""
        return self._error

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field (None or "" clears it). The typed value is kept."""
        self._error = message or ""
        line = self.query_one(".field-error", Static)
        line.update(plain(f"{ERROR_MARK}{message}") if message else "")
        self.set_class(bool(message), "-invalid")


def show_line(line: Static, message: str | None, *, error: bool = True) -> None:
    """A message line outside any field (a form's error, an action's result), hidden when empty.

    An error starts with the sign, so that it reads as one without colour.
    """
    line.update(plain(f"{ERROR_MARK}{message}" if error else message) if message else "")
    line.display = bool(message)


def reveal(field: FormField) -> None:
    """Focus a field and bring it whole into view, its error line included."""
    field.input.focus()
    field.screen.call_after_refresh(field.scroll_visible, animate=False)


def place_field_errors(
    fields: Mapping[str, FormField], problems: Iterable[FieldError], field_of: Callable[[str], str | None]
) -> tuple[FormField | None, list[str]]:
    """Put each server message under the field it names (`field_of` maps the server's field to a form name).

    Returns the first field that got one, and the messages that belong to no field of the form.
    """
    first: FormField | None = None
    others: list[str] = []
    for problem in problems:
        field = fields.get(field_of(problem.field) or "")
        if field is None:
            others.append(problem.message)
            continue
        field.set_error(problem.message)
        first = first or field
    return first, others
