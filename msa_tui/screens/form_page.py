"""FormPage: the shape of a page that files a form (checks here, then the server's, each under its field)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from typing import ClassVar, TypeVar

from textual import on
from textual.widgets import Input, Static
from textual.worker import Worker

from ..api.errors import ValidationFailed
from ..core.i18n import _
from ..widgets.form_field import FormField, place_field_errors, reveal, show_line
from .base import AlreadyShown, PageScreen

T = TypeVar("T")


class FormPage(PageScreen):
    """Local checks → errors under their fields → submit in a worker → the server's field errors under
    their fields → the rest in the form's message line (`FORM_ERROR`).

    Subclasses give `form_fields()` and `action_submit()` (local checks, then the submit worker); their
    submit worker awaits `submit_form`, which raises `AlreadyShown` once a refusal is on screen (the
    page's worker handler then says no more).
    """

    FORM_ERROR: ClassVar[str] = ""
    """The selector of the form's message line (a Static)."""
    NOT_SENT: ClassVar[str] = "Corrigez les champs signalés : rien n'a été envoyé."
    """What the message line says when fields are refused (French; translated when shown)."""

    SUBMIT_ID: ClassVar[str] = ""
    """The id (without "#") of the button that files the form (it runs `action_submit`, as the page's
    key does), and the group of the submit worker, whose failure is told in the `FORM_ERROR` line."""

    sending = False

    def form_fields(self) -> Mapping[str, FormField]:  # pragma: no cover - every subclass gives its fields
        raise NotImplementedError

    def set_form_error(self, message: str | None) -> None:
        show_line(self.query_one(self.FORM_ERROR, Static), message)

    def check_fields(self, errors: Mapping[str, str]) -> bool:
        """Show the local checks' errors under their fields (clearing the others); False if any."""
        fields = self.form_fields()
        for name, field in fields.items():
            field.set_error(errors.get(name))
        if errors:
            self.set_form_error(_(self.NOT_SENT))
            reveal(fields[next(iter(errors))])
            return False
        self.set_form_error(None)
        return True

    async def submit_form(self, factory: Callable[[], Awaitable[T]], failed: str,
                          field_of: Callable[[str], str | None]) -> T:
        """`call` while `sending`; a refusal (422) goes under the fields, then `AlreadyShown` is raised."""
        self.sending = True
        try:
            return await self.call(factory, failed)
        except ValidationFailed as error:
            first, others = place_field_errors(self.form_fields(), error.field_errors, field_of)
            self.set_form_error(self.refusal_line(error, others))
            if first is not None:
                reveal(first)
            raise AlreadyShown() from error
        finally:
            self.sending = False

    def refusal_line(self, error: ValidationFailed, others: list[str]) -> str:
        """The message line after a refusal: the messages no field took, else `NOT_SENT`."""
        return " ".join(others) or _(self.NOT_SENT)

    def action_submit(self) -> None:  # pragma: no cover - every page with a SUBMIT_BUTTON defines it
        """Check the form locally, then start the submit worker unless a field is refused."""
        raise NotImplementedError

    def button_action(self, button_id: str) -> str | None:
        if self.SUBMIT_ID and button_id == self.SUBMIT_ID:
            return "submit"
        return super().button_action(button_id)

    def show_failure(self, message: str, worker: Worker[object], *, already_told: bool = False) -> None:
        if self.SUBMIT_ID and worker.group == self.SUBMIT_ID:
            show_line(self.query_one(self.FORM_ERROR, Static), message, announce=True)
            return
        super().show_failure(message, worker, already_told=already_told)

    @on(Input.Submitted)
    def _next_field(self) -> None:
        # Enter moves on field by field, as on a paper form.
        self.focus_next()
