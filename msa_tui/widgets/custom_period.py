"""A typed period « Du JJ/MM/AAAA au JJ/MM/AAAA » on one line, checked in French, the text always kept."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Input, Label, Static

from ..core.i18n import _
from ..core.payments import Period, check_custom_period


class DateInput(Input):
    """A date field (JJ/MM/AAAA). A letter is never part of a date: it is a page key here
    (p Période, d Domaine, e CSV…) and goes on to the page instead of being typed."""

    def check_consume_key(self, key: str, character: str | None) -> bool:
        # Textual hides (and skips) a page's key that the focused field would type: letters are not typed here.
        if character is not None and character.isalpha():
            return False
        return super().check_consume_key(key, character)

    async def _on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isalpha():
            # Input's own handler (which would type it) is skipped; the key still bubbles up
            # to the page's bindings.
            event.prevent_default()


class CustomPeriod(Vertical):
    """Two compact date inputs; Enter in the second (or in the first once both are filled) checks them.

    Posts `CustomPeriod.Applied(period)` when the dates are right; otherwise shows why, under the line.
    """

    DEFAULT_CSS = """
    CustomPeriod { height: auto; }
    CustomPeriod > Horizontal { height: 1; }
    CustomPeriod Label { margin: 0 1 0 0; }
    CustomPeriod Input { width: 12; margin-right: 1; }
    CustomPeriod .period-hint { color: $text-muted; width: auto; }
    CustomPeriod .period-error { color: $text-error; text-style: bold; height: auto; display: none; }
    CustomPeriod.-invalid .period-error { display: block; }
    /* One line high: NO_COLOR's heavy focus border would hide the text, so reverse it instead. */
    CustomPeriod Input:nocolor:focus { border: none; text-style: bold reverse; }
    """

    class Applied(Message):
        def __init__(self, period: Period) -> None:
            super().__init__()
            self.period = period

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(_("Du"))
            yield DateInput(placeholder="JJ/MM/AAAA", max_length=10, compact=True, id="start-input")
            yield Label(_("au"))
            yield DateInput(placeholder="JJ/MM/AAAA", max_length=10, compact=True, id="end-input")
            yield Static(_("Entrée : valider"), classes="period-hint")
        yield Static("", classes="period-error", markup=False)

    def focus_start(self) -> None:
        self.query_one("#start-input", Input).focus()

    @on(Input.Submitted, "#start-input")
    def _start_done(self, event: Input.Submitted) -> None:
        event.stop()
        end = self.query_one("#end-input", Input)
        if not end.value.strip():
            end.focus()
        else:
            self.check()

    @on(Input.Submitted, "#end-input")
    def _end_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.check()

    def check(self) -> Period | None:
        """The typed period (and `Applied` posted), or None with the French reasons shown."""
        from ..core.clock import today

        start = self.query_one("#start-input", Input)
        end = self.query_one("#end-input", Input)
        period, errors = check_custom_period(start.value, end.value, today())
        self.show_errors(errors)
        if period is None:
            (start if "start" in errors else end).focus()
            return None
        self.post_message(self.Applied(period))
        return period

    @property
    def error(self) -> str:
        return str(self.query_one(".period-error", Static).render()) if self.has_class("-invalid") else ""

    def show_errors(self, errors: dict[str, str] | None) -> None:
        parts = []
        if errors and "start" in errors:
            parts.append(_("Date de début : {message}").format(message=errors["start"]))
        if errors and "end" in errors:
            parts.append(_("Date de fin : {message}").format(message=errors["end"]))
        self.query_one(".period-error", Static).update("⚠ " + " ".join(parts) if parts else "")
        self.set_class(bool(parts), "-invalid")
