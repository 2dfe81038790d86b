"""A page's loading state: a LoadingIndicator, then nothing, or a French error with « Réessayer »."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, LoadingIndicator, Static

from ..core.i18n import _

ERROR_MARK = "⚠ "
"""The error reads as such without colour (NO_COLOR)."""


def show_load_state(widget: Widget, state: str) -> None:
    """Mark `widget` with the class of its load `state` ("-loading", "-failed" or "-ready"; the stylesheet
    shows what goes with it), its spinners animating only while loading."""
    for name in ("loading", "failed", "ready"):
        widget.set_class(name == state, f"-{name}")
    # A hidden spinner still redraws 16 times a second: it animates only while loading.
    for spinner in widget.query(LoadingIndicator):
        spinner.auto_refresh = 1 / 16 if state == "loading" else None


class LoadPanel(Vertical):
    """Shown while a page loads or after it failed; hidden once the data is on screen.

    The page listens for `LoadPanel.RetryRequested` (the button) and binds its own key
    to the same action, so that retrying works by keyboard from anywhere on the page.
    """

    DEFAULT_CSS = """
    LoadPanel { height: auto; }
    LoadPanel > LoadingIndicator { height: 1; }
    LoadPanel > .load-error { height: auto; display: none; }
    LoadPanel > .load-error > Static { width: 1fr; height: auto; color: $text-error; }
    LoadPanel > .load-error > Button { min-width: 16; }
    LoadPanel.-failed > .load-error { display: block; }
    LoadPanel.-failed > LoadingIndicator { display: none; }
    LoadPanel.-ready { display: none; }
    """

    class RetryRequested(Message):
        """The member asked to load the page again."""

    def __init__(self, retry_key: str = "F5", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.retry_key = retry_key
        self.state = "loading"
        self.error = ""

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        with Horizontal(classes="load-error"):
            yield Static("", classes="load-error-text", markup=False)
            yield Button(_("Réessayer") + f" ({self.retry_key})", classes="load-retry", compact=True)

    def _set_state(self, state: str) -> None:
        self.state = state
        show_load_state(self, state)

    def show_loading(self) -> None:
        # Not `loading`: that is Widget's reactive, and a method of that name (always truthy) made
        # Textual see the panel as busy for good (a "wait" mouse pointer over it and its button).
        self.error = ""
        self._set_state("loading")

    def failed(self, message: str) -> None:
        """Show `message` (French) and the way to retry."""
        self.error = message
        hint = _("Appuyez sur {key} pour réessayer.").format(key=self.retry_key)
        self.query_one(".load-error-text", Static).update(f"{ERROR_MARK}{message} {hint}")
        self._set_state("failed")

    def ready(self) -> None:
        self._set_state("ready")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.post_message(self.RetryRequested())
