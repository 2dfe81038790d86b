"""Mes paiements et mes remboursements (PORTAL.md 4): the payments table, filters, total, detail, CSV export."""

from __future__ import annotations

from collections.abc import Awaitable
from pathlib import Path
from typing import NamedTuple

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, DataTable, Input, Label, Select, Static
from textual.widgets.data_table import ColumnKey

from ..api.errors import ApiError
from ..api.models import Domain, Page, Payment
from ..core.formatting import counted, long_date, money, short_date
from ..core.i18n import _
from ..core.payments import (
    DOMAIN_FILTERS,
    month_chart,
    PAYMENT_PRESETS,
    PRESET_LABELS,
    Period,
    Preset,
    domain_filter_label,
    domain_label,
    load_batch,
    preset_period,
    total,
)
from ..widgets.custom_period import CustomPeriod
from ..widgets.load_panel import LoadPanel
from .bindings import page_bindings
from .downloads import UNWRITABLE
from .loading_page import LoadingPage
from ..widgets.safe import notify_plain

WIDE = 110
"""From this width on, the table has room for the full domain words."""
CHART_BESIDE = 140
"""From this width on, the chart stands beside the table (shown at once); below it, G shows it above the
table: beside it at 120 columns, the label column would be left some 13 characters and wrap onto 4 lines."""
CHART_BAR = 12
"""The longest month's bar, in characters."""
CHART_WIDTH = 42
"""Month (9) + the longest bar (CHART_BAR, plus one per domain at most) + the amount (12) + margin."""
DATE_WIDTH = 10


class Widths(NamedTuple):
    """The fixed columns' widths; the label takes what they leave."""

    domain: int
    beneficiary: int
    amount: int


NARROW_WIDTHS = Widths(domain=14, beneficiary=9, amount=11)
"""At 80 columns: "Action sociale" and "vous-même" fit, longer words wrap, and the label keeps 22 characters."""
WIDE_WIDTHS = Widths(domain=27, beneficiary=14, amount=12)
BESIDE_WIDTHS = Widths(domain=16, beneficiary=13, amount=12)


class PaymentDetail(ModalScreen[None]):
    """One payment in full: the table cuts long labels at 80 columns."""

    BINDINGS = page_bindings(
        ("escape,enter", "close", "Fermer", "payment.close", "Revenir à la liste"),
    )

    def __init__(self, payment: Payment) -> None:
        super().__init__()
        self.payment = payment

    def compose(self) -> ComposeResult:
        p = self.payment
        lines = [
            (_("Date"), long_date(p.date)),
            (_("Domaine"), domain_label(p.domain)),
            (_("Libellé"), p.label),
            (_("Bénéficiaire"), p.beneficiary or _("vous-même")),
            (_("Montant"), money(p.amount)),
            (_("Référence"), p.id),
        ]
        with Vertical(classes="dialog", id="payment-detail"):
            yield Label(_("Détail du paiement"), classes="dialog-title")
            for name, value in lines:
                yield Static(f"{name} : {value}", classes="detail-line", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(_("Fermer (Échap)"), id="payment-close", variant="primary", compact=True)

    def on_mount(self) -> None:
        self.query_one("#payment-close", Button).focus()

    @on(Button.Pressed, "#payment-close")
    def action_close(self) -> None:
        self.dismiss(None)


class PaymentsScreen(LoadingPage):
    """Filters (domain, period) above the table, newest first; the total of what is shown below."""

    PAGE_TITLE = "Mes paiements et mes remboursements"
    BINDINGS = page_bindings(
        ("d", "next_domain", "Domaine", "payments.domain", "Passer au domaine suivant (santé, famille, retraite…)"),
        ("p", "next_period", "Période", "payments.period", "Passer à la période suivante"),
        ("e", "export", "CSV", "payments.export",
         "Enregistrer la liste affichée en CSV dans votre dossier Téléchargements"),
        ("m", "more", "Charger plus", "payments.more", "Afficher les paiements plus anciens de la période"),
        # After CSV: at 80 columns the footer has room for neither, F1 lists it (and CSV keeps its place).
        ("g", "chart", "Graphique", "payments.chart",
         "Afficher le graphique des 12 derniers mois par domaine, ou revenir au tableau"),
        retry="Recharger les paiements",
    )

    def __init__(self) -> None:
        super().__init__()
        self.domain: Domain | None = None
        self.preset: Preset = Preset.last_12_months
        self.custom: Period | None = None
        self.payments: list[Payment] = []
        self.next_cursor: str | None = None
        self.loaded = False
        self.chart_shown = False
        self.shown_widths: Widths | None = None
        """The widths the rows were drawn for (None before the first rows)."""

    def compose_body(self) -> ComposeResult:
        with Horizontal(id="payments-filters"):
            yield Label(_("Domaine :"), classes="filter-label")
            yield Select([(domain_filter_label(d), d.value if d else "all") for d in DOMAIN_FILTERS],
                         value="all", allow_blank=False, compact=True, id="domain-select")
            yield Label(_("Période :"), classes="filter-label")
            yield Select([(_(PRESET_LABELS[p]), p.value) for p in PAYMENT_PRESETS],
                         value=self.preset.value, allow_blank=False, compact=True, id="period-select")
        yield CustomPeriod(id="custom-period")
        yield LoadPanel(id="payments-load")
        with Horizontal(id="payments-main"):
            with Vertical(id="payments-list"):
                yield DataTable(id="payments-table", cursor_type="row")
                yield Static(_("Aucun paiement sur cette période pour ce domaine."), id="payments-empty",
                             markup=False)
            # Payments at a glance (issue 14): beside the table when there is room, else toggled with G.
            yield Static("", id="payments-chart", markup=False)
        yield Static("", id="payments-total", markup=False)
        yield Static("", id="payments-result", markup=False)

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column(_("Date"), key="date", width=DATE_WIDTH)
        table.add_column(_("Domaine"), key="domain")
        table.add_column(_("Libellé"), key="label")
        table.add_column(_("Bénéficiaire"), key="beneficiary")
        table.add_column(Text(_("Montant"), justify="right"), key="amount")
        self.query_one("#custom-period").display = False
        self.query_one("#payments-result").display = False
        self.chart_shown = self.size.width >= CHART_BESIDE
        self._place_chart()
        self.load()
        self.load_chart()

    # --- the chart --------------------------------------------------------

    @work(exclusive=True, group="payments-chart", exit_on_error=False)
    async def load_chart(self) -> None:
        chart = self.query_one("#payments-chart", Static)
        try:
            summary = await self.api.payment_summary(12)
        except ApiError as error:
            chart.update(_("Le graphique n'a pas pu être chargé.") + " " + error.message)
            return
        lines = [_("12 derniers mois par domaine"), *month_chart(summary, CHART_BAR)]
        chart.update("\n".join(lines))

    def action_chart(self) -> None:
        self.chart_shown = not self.chart_shown
        self._relayout()

    def _place_chart(self) -> None:
        # Beside the table from CHART_BESIDE columns on; in the table's place otherwise (G and G again).
        self.query_one("#payments-chart", Static).display = self.chart_shown
        self.query_one("#payments-list").display = not self.chart_shown or self.chart_beside

    # --- filters ----------------------------------------------------------

    @property
    def period(self) -> Period | None:
        """The dates asked for; None while a custom period is not typed right yet."""
        if self.preset is Preset.custom:
            return self.custom
        from ..core.clock import today

        return preset_period(self.preset, today())

    # The keys step the Selects themselves (read back from them: Changed arrives later,
    # and a quick double press must move two steps).
    def action_next_domain(self) -> None:
        select = self.query_one("#domain-select", Select)
        values = [d.value if d else "all" for d in DOMAIN_FILTERS]
        select.value = values[(values.index(str(select.value)) + 1) % len(values)]

    def action_next_period(self) -> None:
        select = self.query_one("#period-select", Select)
        values = [p.value for p in PAYMENT_PRESETS]
        select.value = values[(values.index(str(select.value)) + 1) % len(values)]

    @on(Select.Changed, "#domain-select")
    def _domain_changed(self, event: Select.Changed) -> None:
        domain = None if event.value in ("all", Select.NULL) else Domain(str(event.value))
        if domain != self.domain:
            self.domain = domain
            self.load()

    @on(Select.Changed, "#period-select")
    def _period_changed(self, event: Select.Changed) -> None:
        preset = Preset(str(event.value))
        if preset is self.preset:
            return
        self.preset = preset
        is_custom = preset is Preset.custom
        self.query_one("#custom-period").display = is_custom
        if is_custom:
            self.query_one(CustomPeriod).focus_start()
            if self.custom is None:
                return  # nothing to show until the dates are typed
        else:
            self.query_one(CustomPeriod).show_errors(None)
        self.load()

    @on(CustomPeriod.Applied)
    def _custom_applied(self, event: CustomPeriod.Applied) -> None:
        self.custom = event.period
        self.load()

    # --- loading ----------------------------------------------------------

    @work(exclusive=True, group="payments-load", exit_on_error=False)
    async def load(self, more: bool = False) -> None:
        period, domain = self.period, self.domain
        if period is None:
            return
        panel = self.query_one(LoadPanel)
        if not more:
            self.loaded = False
            panel.show_loading()
        def fetch(cursor: str | None, size: int) -> Awaitable[Page[Payment]]:
            return self.call(lambda: self.api.payments(
                domain=domain, date_from=period.start, date_to=period.end, limit=size, cursor=cursor),
                _("Les paiements n'ont pas pu être chargés."))

        try:
            batch = await load_batch(fetch, cursor=self.next_cursor if more else None)
        except ApiError as error:
            if more:
                notify_plain(self, error.message, severity="error")
            else:
                panel.failed(error.message)
            self.refresh_bindings()
            return
        assert batch is not None  # None is for a page that "could not be had": `call` raises instead
        items = (list(self.payments) if more else []) + batch.items
        panel.ready()
        self.next_cursor = batch.next_cursor
        self.loaded = True
        self.show_payments(items, keep_row=more)
        self.refresh_bindings()

    def show_payments(self, payments: list[Payment], keep_row: bool = False) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row if keep_row else 0
        self.payments = payments
        table.clear()
        widths = self.widths
        self.shown_widths = widths
        short = widths is not WIDE_WIDTHS
        for p in payments:
            table.add_row(
                short_date(p.date),
                Text(domain_label(p.domain, short=short)),
                Text(p.label),  # wrapped at words, never cut: the row grows instead
                # Wrapped where narrow (« Pierre / Martin »), one line with an ellipsis where there is room.
                Text(p.beneficiary or _("vous-même"), overflow="ellipsis", no_wrap=not short),
                Text(money(p.amount), justify="right"),
                key=p.id, height=None,
            )
        self._fit_columns()
        self.set_class(not payments, "-empty")
        self.show_total()
        if payments:
            table.move_cursor(row=min(row, len(payments) - 1))
            if not isinstance(self.focused, Input):
                table.focus()

    def show_total(self) -> None:
        n = len(self.payments)
        what = counted(n, "{n} paiement", "{n} paiements", "Aucun paiement")
        period = self.period.describe() if self.period else ""
        # The total first: a wrapped line must never cut an amount in two.
        text = _("Total : {total} · {what} {period}").format(
            total=money(total(self.payments)), what=what, period=period)
        if self.next_cursor:
            text += " · " + _("liste incomplète, M pour charger la suite")
        self.query_one("#payments-total", Static).update(text)

    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        """The chart placed and the columns fitted; the rows redrawn when the domain words change."""
        self._place_chart()
        if self.shown_widths is not None and self.widths is not self.shown_widths:
            self.show_payments(self.payments, keep_row=True)
        else:
            self._fit_columns()

    @property
    def widths(self) -> Widths:
        if self.chart_beside:
            return BESIDE_WIDTHS
        return WIDE_WIDTHS if self.size.width >= WIDE else NARROW_WIDTHS

    def _fit_columns(self) -> None:
        # The label takes what the others leave: it wraps at words, the others keep their width.
        table = self.query_one(DataTable)
        widths = self.widths
        for key, width in widths._asdict().items():
            column = table.columns.get(ColumnKey(key))
            if column is not None:
                column.auto_width, column.width = False, width
        label_col = table.columns.get(ColumnKey("label"))
        beneficiary_col = table.columns.get(ColumnKey("beneficiary"))
        if label_col is None or beneficiary_col is None:
            return
        # "Bénéficiaire" needs 12 columns: the narrow column says it shorter rather than cut.
        beneficiary_col.label = Text(_("Bénéficiaire") if widths.beneficiary >= 12 else _("Bénéf."))
        others = DATE_WIDTH + sum(widths) + 5 * 2 * table.cell_padding + 2  # + 2: the vertical scrollbar
        label_col.auto_width = False
        room = self.size.width - 2 - (CHART_WIDTH if self.chart_beside else 0)
        label_col.width = max(12, room - others)
        table.refresh()

    # --- row actions ------------------------------------------------------

    def selected(self) -> Payment | None:
        table = self.query_one(DataTable)
        if not self.payments or not 0 <= table.cursor_row < len(self.payments):
            return None
        return self.payments[table.cursor_row]

    @on(DataTable.RowSelected, "#payments-table")
    def _row_chosen(self) -> None:
        payment = self.selected()
        if payment is not None:
            self.app.push_screen(PaymentDetail(payment))

    def action_more(self) -> None:
        if self.next_cursor:
            self.load(more=True)

    def action_export(self) -> None:
        from ..core.clock import today
        from ..core.documents import unique_path
        from ..core.paths import downloads_dir
        from ..core.payments import csv_name, write_csv

        result = self.query_one("#payments-result", Static)
        result.display = True
        if not self.loaded:
            # Exporting mid-load would save a list that no longer matches the filters.
            result.update("⚠ " + _("Chargement en cours : exportez une fois la liste affichée."))
            return
        if not self.payments or self.period is None:
            result.update("⚠ " + _("Aucun paiement affiché : rien à exporter."))
            return
        try:
            dest = unique_path(downloads_dir(), csv_name(self.domain, self.period, today()))
            path: Path = write_csv(dest, self.payments)
        except OSError:
            result.update("⚠ " + _(UNWRITABLE))
            return
        result.update(_("Liste enregistrée en CSV : {path}").format(path=path))
        notify_plain(self, path, title=_("Export CSV"))

    @property
    def chart_beside(self) -> bool:
        return self.chart_shown and self.size.width >= CHART_BESIDE

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "more":
            return self.loaded and bool(self.next_cursor)
        return super().check_action(action, parameters)
