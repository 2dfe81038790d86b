"""The blocks of "Mon espace privé": a focusable frame that loads, shows, or fails with Réessayer."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Self

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, LoadingIndicator, Static

from ..api.models import Alert, Document, Me, Payment, ServiceCategory, ThreadSummary
from ..core.alerts import alert_line, alerts_heading
from ..core.formatting import (
    awaiting_replies,
    direction_word,
    long_date,
    money,
    short_date,
    unread_messages,
)
from ..core.i18n import _
from ..core.member import postal_line
from .model_list import ModelList

ERROR_MARK = "⚠ "


class DashboardBlock(Vertical, can_focus=True):
    """A titled block leading to a page; `state` is "loading", "ready" or "failed".

    Its content is loaded by the screen (one worker per block); the block only
    shows what it is given and asks for a reload with `RetryRequested`.
    """

    DEFAULT_CSS = """
    DashboardBlock {
        height: auto; padding: 0 1;
        border: round $primary-muted; border-title-style: bold;
    }
    DashboardBlock:focus { border: heavy $accent; background: $boost; }
    DashboardBlock > LoadingIndicator { height: 3; }
    DashboardBlock > .block-content { height: auto; }
    DashboardBlock > .block-error { height: auto; display: none; }
    DashboardBlock > .block-error > Static { width: 1fr; color: $text-error; }
    DashboardBlock > .block-error > Button { min-width: 14; }
    DashboardBlock.-failed > .block-error { display: block; }
    DashboardBlock.-failed > .block-content, DashboardBlock.-failed > LoadingIndicator { display: none; }
    DashboardBlock.-ready > LoadingIndicator { display: none; }
    DashboardBlock.-loading > .block-content { display: none; }
    """

    BINDINGS = [
        # The block's own border reads "Entrée : ouvrir", so the footer need not.
        Binding("enter", "open", _("Ouvrir"), id="dashboard.block.open", show=False,
                tooltip=_("Ouvrir la page de ce bloc")),
        # The shared retry key and id (screens/bindings.py): on a failed block it reloads that block only.
        Binding("f5", "reload", _("Réessayer"), id="page.retry", tooltip=_("Recharger ce bloc")),
    ]

    @dataclass
    class OpenRequested(Message):
        block: DashboardBlock
        page: str

    @dataclass
    class RetryRequested(Message):
        block: DashboardBlock

    def __init__(self, key: str, number: int, title: str, page: str, *, hint: str = "") -> None:
        super().__init__(id=f"block-{key}", classes="-loading")
        self.key = key
        self.number = number
        self.title = title
        self.page = page
        self.state = "loading"
        self.error = ""
        self._content: RenderableType = ""
        self.border_title = f"{number} · {title}"
        self.border_subtitle = hint or _("Entrée : ouvrir")

    def compose(self) -> ComposeResult:
        yield LoadingIndicator()
        yield Static(self._content, classes="block-content", markup=False)
        with Horizontal(classes="block-error"):
            yield Static(self._error_line, classes="block-error-text", markup=False)
            yield Button(_("Réessayer"), classes="block-retry", compact=True)

    def on_mount(self) -> None:
        # The page's loaders may answer before this block has built its children (a profile already
        # known answers at once): what they gave is kept and shown now that the children exist.
        self._show_kept()

    @property
    def _error_line(self) -> str:
        return f"{ERROR_MARK}{self.error}" if self.error else ""

    def _show_kept(self) -> None:
        """The kept content and error into the block's lines (nothing to do before they exist)."""
        for widget in self.query(".block-content").results(Static):
            widget.update(self._content)
        for widget in self.query(".block-error-text").results(Static):
            widget.update(self._error_line)

    def _set_state(self, state: str) -> None:
        self.state = state
        for name in ("loading", "ready", "failed"):
            self.set_class(name == state, f"-{name}")
        # A hidden spinner still redraws 16 times a second: it animates only while loading.
        for spinner in self.query(LoadingIndicator):
            spinner.auto_refresh = 1 / 16 if state == "loading" else None
        self.refresh_bindings()

    def show_loading(self) -> None:
        self._set_state("loading")

    def show_content(self, content: RenderableType) -> None:
        self.error = ""
        self._content = content
        self._show_kept()
        self._set_state("ready")

    def show_error(self, message: str) -> None:
        """A French error in words, with the Réessayer button; the rest of the page is untouched."""
        self.error = message
        self._show_kept()
        self._set_state("failed")

    @property
    def text(self) -> str:
        """What the block shows, as plain text (for tests and screen readers)."""
        if self.state == "failed":
            return f"{ERROR_MARK}{self.error}"
        if self.state == "loading":
            return ""
        return _plain(self._content)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "reload":
            return self.state == "failed"
        return True

    def action_open(self) -> None:
        self.post_message(self.OpenRequested(self, self.page))

    def action_reload(self) -> None:
        if self.state == "failed":
            self.post_message(self.RetryRequested(self))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_reload()


def _plain(content: object) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Text):
        return content.plain
    if isinstance(content, (Table, Group)):
        import io

        from rich.console import Console

        console = Console(width=120, no_color=True, file=io.StringIO())
        with console.capture() as capture:
            console.print(content)
        return "\n".join(line.rstrip() for line in capture.get().splitlines())
    return str(content)


# --- what each block shows ----------------------------------------------------


def _heading(text: str) -> Text:
    return Text(text, style="bold")


def profile_content(me: Me) -> Text:
    """Name, address, phone, e-mail."""
    address = me.address
    lines = [f"{me.first_name} {me.last_name}", address.line1]
    if address.line2:
        lines.append(address.line2)
    postal = postal_line(address)
    if postal is not None:  # a new account's placeholder address reads "Adresse à compléter" alone
        lines.append(postal)
    lines.append(_("Téléphone : {phone}").format(phone=me.phone or _("non renseigné")))
    lines.append(_("Courriel : {email}").format(email=me.email))
    text = Text("\n".join(lines))
    text.stylize("bold", 0, len(lines[0]))
    return text


def messages_content(threads: list[ThreadSummary]) -> Text:
    """Unread count in words, the latest exchange, and how many wait for an answer."""
    unread = sum(thread.unread for thread in threads)
    awaiting = sum(1 for thread in threads if thread.awaiting_reply)
    text = Text()
    text.append(unread_messages(unread), style="bold")
    if threads:
        latest = max(threads, key=lambda thread: thread.updated_at)
        # The subject gets its own line: quoting it inline let a closing « » wrap alone.
        text.append("\n" + _("Dernier échange, le {day} :").format(day=long_date(latest.updated_at)))
        text.append("\n" + latest.subject, style="italic")
    else:
        text.append("\n" + _("Aucun échange pour l'instant."))
    if awaiting:
        text.append("\n" + awaiting_replies(awaiting), style="bold")
    return text


def _dated_rows(rows: list[tuple[str, str, str]], empty: str) -> RenderableType:
    table = Table.grid(padding=(0, 1), expand=True)
    table.add_column("date", no_wrap=True)
    table.add_column("label", ratio=1, overflow="fold")
    table.add_column("value", justify="right", no_wrap=True)
    if not rows:
        table.add_row("", Text(empty), "")
    for day, label, value in rows:
        table.add_row(day, Text(label), value)
    return table


def recent_content(payments: list[Payment], documents: list[Document]) -> RenderableType:
    """The last 3 payments (date, label, amount) and last 3 documents (date, title, envoyé/reçu).

    Dates are JJ/MM/AAAA here: in the 2 x 2 grid a block has about 50 columns, and the
    labels need them more than the month names do.
    """
    return Group(
        _heading(_("Derniers paiements")),
        _dated_rows(
            [(short_date(p.date), p.label, money(p.amount)) for p in payments[:3]], _("Aucun paiement.")
        ),
        _heading(_("Derniers documents")),
        _dated_rows(
            [(short_date(d.date), d.title, direction_word(d.direction)) for d in documents[:3]],
            _("Aucun document."),
        ),
    )


def services_content(categories: list[ServiceCategory]) -> Text:
    """The catalogue's category names, one after the other."""
    if not categories:
        return Text(_("Aucun service en ligne disponible."))
    return Text(" · ".join(category.label for category in categories))


# --- the alerts: what needs doing ------------------------------------------------


def alert_prompt(alert: Alert) -> Text:
    """One alert, one line: cut with « … » rather than wrapped (each alert keeps one row at 80 columns)."""
    return Text(alert_line(alert), no_wrap=True, overflow="ellipsis")


class AlertList(ModelList[Alert]):
    """The alerts as a ModelList that does not take the focus when it fills: the page keeps its own
    (A moves to the alerts)."""

    filling = False

    def show(self, models: Sequence[Alert]) -> None:
        self.filling = True
        try:
            super().show(models)
        finally:
            self.filling = False

    def focus(self, scroll_visible: bool = True) -> Self:
        return self if self.filling else super().focus(scroll_visible)


class AlertsPanel(Vertical):
    """« À faire »: a heading with the count, then one line per alert (Entrée opens it), or its error.

    Loaded by the screen like a block (`show_loading`, `show_alerts`, `show_error`).
    """

    DEFAULT_CSS = """
    AlertsPanel { height: auto; }
    AlertsPanel > #alerts-heading { text-style: bold; }
    AlertsPanel > #alerts { height: auto; max-height: 6; border: none; padding: 0; }
    AlertsPanel > #alerts:focus { background: $boost; }
    AlertsPanel > #alerts-empty { display: none; }
    AlertsPanel.-failed > #alerts-heading { color: $text-error; }
    """

    def __init__(self) -> None:
        super().__init__(id="alerts-panel")
        self.key = "alerts"
        self.state = "loading"
        self.listing = AlertList(alert_prompt, id="alerts", key=_alert_key, separated=False)

    def compose(self) -> ComposeResult:
        yield Static(_("À faire : chargement…"), id="alerts-heading", markup=False)
        yield from self.listing.compose_with_empty("")

    def show_loading(self) -> None:
        self.state = "loading"

    def show_alerts(self, alerts: list[Alert]) -> None:
        self.state = "ready"
        self.set_class(False, "-failed")
        hint = _("A : aller aux alertes · Entrée : ouvrir") if alerts else ""
        heading = alerts_heading(len(alerts))
        self.query_one("#alerts-heading", Static).update(f"{heading}  ({hint})" if hint else heading)
        self.listing.show(alerts)
        self.listing.display = bool(alerts)

    def show_error(self, message: str) -> None:
        self.state = "failed"
        self.set_class(True, "-failed")
        self.listing.display = False
        self.query_one("#alerts-heading", Static).update(f"{ERROR_MARK}{message}")

    @property
    def rows(self) -> int:
        """The rows it takes on screen (the page fits the blocks under it)."""
        return 1 + (min(len(self.listing.models), 6) if self.listing.display else 0)


def _alert_key(alert: Alert) -> str:
    return f"{alert.kind.value}:{alert.target_id}"
