"""Payments and attestations rules: domain labels, period presets, paging, totals, CSV export (no Textual)."""

from __future__ import annotations

import csv
import os
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from msa_tui.api.models.attestations import AttestationKind  # plain enumerations: no pydantic loaded
from msa_tui.api.models.codes import Domain
from msa_tui.core.fields import Parsed, parse_date
from msa_tui.core.i18n import _

if TYPE_CHECKING:
    from msa_tui.api.models import Page, Payment, PaymentSummary

DOMAIN_LABELS: dict[Domain, str] = {
    Domain.sante: "Santé",
    Domain.famille: "Famille",
    Domain.retraite: "Retraite",
    Domain.action_sanitaire_sociale: "Action sanitaire et sociale",
    Domain.rsa: "RSA",
    Domain.prime_activite: "Prime d'activité",
    Domain.logement: "Logement",
    Domain.invalidite: "Invalidité",
}

SHORT_DOMAIN_LABELS: dict[Domain, str] = {Domain.action_sanitaire_sociale: "Action sociale"}
"""For the table at 80 columns, where the full words would squeeze the label out."""


def domain_label(domain: Domain | str, *, short: bool = False) -> str:
    """"famille" → "Famille"; an unknown domain is shown as the server sent it rather than hidden."""
    try:
        key = Domain(domain)
    except ValueError:
        return str(domain)
    if short and key in SHORT_DOMAIN_LABELS:
        return _(SHORT_DOMAIN_LABELS[key])
    return _(DOMAIN_LABELS[key])


DOMAIN_FILTERS: list[Domain | None] = [None, *DOMAIN_LABELS]
"""The domain filter's choices, None meaning all domains."""


def domain_filter_label(domain: Domain | None) -> str:
    return _("Tous les domaines") if domain is None else domain_label(domain)


class Preset(StrEnum):
    last_3_months = "last_3_months"
    last_12_months = "last_12_months"
    this_year = "this_year"
    last_year = "last_year"
    all = "all"
    custom = "custom"


PRESET_LABELS: dict[Preset, str] = {
    Preset.last_3_months: "3 derniers mois",
    Preset.last_12_months: "12 derniers mois",
    Preset.this_year: "Année en cours",
    Preset.last_year: "Année précédente",
    Preset.all: "Tout l'historique",
    Preset.custom: "Période personnalisée",
}

PAYMENT_PRESETS = list(Preset)
ATTESTATION_PRESETS = [p for p in Preset if p is not Preset.all]
"""An attestation covers a stated period: "everything" has no meaning there."""


@dataclass(frozen=True)
class Period:
    """Both ends included; None means open on that side."""

    start: date | None
    end: date | None

    def describe(self) -> str:
        """"du 15/08/2026 au 15/11/2026", or "tout l'historique"."""
        if self.start is None and self.end is None:
            return _("tout l'historique")
        if self.start is None:
            return _("jusqu'au {end}").format(end=f"{self.end:%d/%m/%Y}")
        if self.end is None:
            return _("depuis le {start}").format(start=f"{self.start:%d/%m/%Y}")
        return _("du {start} au {end}").format(start=f"{self.start:%d/%m/%Y}", end=f"{self.end:%d/%m/%Y}")


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier, on the month's last day when it has no such day (31/05 → 28/02)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    for candidate in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, candidate))
        except ValueError:
            continue
    raise AssertionError("unreachable")  # pragma: no cover


def preset_period(preset: Preset, today: date) -> Period:
    """The dates a preset stands for on `today` (ValueError for `custom`, which the member types)."""
    if preset is Preset.last_3_months:
        return Period(months_before(today, 3), today)
    if preset is Preset.last_12_months:
        return Period(months_before(today, 12), today)
    if preset is Preset.this_year:
        return Period(date(today.year, 1, 1), today)
    if preset is Preset.last_year:
        return Period(date(today.year - 1, 1, 1), date(today.year - 1, 12, 31))
    if preset is Preset.all:
        return Period(None, None)
    raise ValueError("a custom period is typed by the member")


YEAR_MIN = 1900
"""An earlier year in a typed period is taken for a typing slip."""


def _parse_day(text: str) -> Parsed[date]:
    return parse_date(text, blank=_("Saisissez une date au format JJ/MM/AAAA."), min_year=YEAR_MIN)


def check_custom_period(start_text: str, end_text: str, today: date) -> tuple[Period | None, dict[str, str]]:
    """The typed period, or French messages keyed "start" / "end" (the typed text is never changed)."""
    start, start_error = _parse_day(start_text)
    end, end_error = _parse_day(end_text)
    errors: dict[str, str] = {}
    if start_error:
        errors["start"] = start_error
    elif start is not None and start > today:
        errors["start"] = _("La date de début ne peut pas être dans le futur.")
    if end_error:
        errors["end"] = end_error
    if not errors and start is not None and end is not None and start > end:
        errors["end"] = _("La date de fin doit suivre la date de début.")
    if errors:
        return None, errors
    return Period(start, end), {}


PAGE_SIZE = 100
"""Payments asked per request (the server's maximum)."""
LOAD_CAP = 500
"""Payments fetched in one go before the member is asked ("Charger plus"): a long history stays quick."""

FetchPage = Callable[[str | None, int], Awaitable["Page[Payment] | None"]]
"""Fetches one page: (cursor, how many) → the page, or None when it could not be had."""


@dataclass(frozen=True)
class PaymentBatch:
    """What one load brought: the payments, and the cursor of the rest (None: the period is complete)."""

    items: list[Payment]
    next_cursor: str | None

    @property
    def complete(self) -> bool:
        return self.next_cursor is None


async def load_batch(
    fetch_page: FetchPage, *, cursor: str | None = None, cap: int | None = LOAD_CAP
) -> PaymentBatch | None:
    """Every page of one query from `cursor` on, until its end or `cap` payments (None: no cap).

    Fetching the whole period at once makes the total mean the whole period; the cap keeps a
    huge history from freezing the screen, the rest waits for "Charger plus" (`cursor` = the
    previous batch's `next_cursor`). None when a page could not be fetched; API errors pass through.
    """
    items: list[Payment] = []
    while True:
        size = PAGE_SIZE if cap is None else min(PAGE_SIZE, cap - len(items))
        page = await fetch_page(cursor, size)
        if page is None:
            return None
        items += page.items
        cursor = page.next_cursor
        if cursor is None or (cap is not None and len(items) >= cap):
            return PaymentBatch(items, cursor)


def total(payments: Iterable[Payment]) -> Decimal:
    """The exact sum in euros (amounts are Decimal: adding floats would drift by a cent on long lists)."""
    return sum((p.amount.quantize(Decimal("0.01")) for p in payments), Decimal("0.00"))


def csv_amount(amount: Decimal) -> str:
    """`1234.5` → "1234,50": comma decimals and no grouping, so French spreadsheets read a number."""
    return f"{amount.quantize(Decimal('0.01')):f}".replace(".", ",")


CSV_HEADER = ("Date", "Domaine", "Libellé", "Bénéficiaire", "Montant (€)")


def csv_rows(payments: Iterable[Payment]) -> list[list[str]]:
    """The header then one row per payment, as the table shows them."""
    rows = [[_(title) for title in CSV_HEADER]]
    for p in payments:
        rows.append([f"{p.date:%d/%m/%Y}", domain_label(p.domain), p.label, p.beneficiary or "", csv_amount(p.amount)])
    return rows


def write_csv(path: Path, payments: Iterable[Payment]) -> Path:
    """Write the list to `path` (semicolons, UTF-8 with BOM so Excel reads the accents), atomically."""
    import tempfile  # here: a command that only prints payments does not need it

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8-sig", newline="") as out:
            csv.writer(out, delimiter=";", lineterminator="\r\n").writerows(csv_rows(payments))
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def csv_name(domain: Domain | None, period: Period, today: date) -> str:
    """"2026-11-15 Paiements MSA Famille du 15-08-2026 au 15-11-2026.csv" (dated first, sorts by date)."""
    from msa_tui.core.documents import safe_stem

    parts = [_("Paiements MSA")]
    if domain is not None:
        parts.append(domain_label(domain))
    parts.append(period.describe())
    return f"{today:%Y-%m-%d} {safe_stem(' '.join(parts))}.csv"


# --- attestations -----------------------------------------------------------

ATTESTATION_LABELS: dict[AttestationKind, str] = {
    AttestationKind.paiement: "Attestation de paiement",
    AttestationKind.non_paiement: "Attestation de non-paiement",
    AttestationKind.medecin_traitant: "Attestation de médecin traitant",
    AttestationKind.droits_maladie: "Attestation de droits maladie (et vaccination Covid)",
    AttestationKind.droits_rsa: "Attestation de droits RSA",
}

PERIOD_KINDS = frozenset({AttestationKind.paiement, AttestationKind.non_paiement})
"""The kinds that certify what happened over a period; the others state the situation today."""


def takes_period(kind: AttestationKind) -> bool:
    return kind in PERIOD_KINDS


def attestation_name(kind: AttestationKind, period: Period | None, today: date) -> str:
    """"2026-11-15 Attestation de paiement du 15-11-2025 au 15-11-2026.pdf"."""
    from msa_tui.core.documents import safe_stem

    text = _(ATTESTATION_LABELS[kind])
    if period is not None and takes_period(kind) and (period.start or period.end):
        text += " " + period.describe()
    return f"{today:%Y-%m-%d} {safe_stem(text)}.pdf"


# --- payments at a glance (issue 14, item 8) ------------------------------------------------------

CHART_GLYPHS: dict[Domain, str] = {
    Domain.sante: "█", Domain.famille: "▓", Domain.retraite: "▒", Domain.action_sanitaire_sociale: "░",
    Domain.rsa: "#", Domain.prime_activite: "=", Domain.logement: "+", Domain.invalidite: "~",
}
"""One glyph per domain: the bars read without colour (the legend names each glyph's domain)."""

SHORT_MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")


def _months(first: date, last: date) -> list[date]:
    months, day = [], first
    while day <= last:
        months.append(day)
        day = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return months


def _segment(amount: Decimal, largest: Decimal, width: int) -> int:
    """A bar's length in characters: proportional, and at least one for any payment."""
    if amount <= 0 or largest <= 0:
        return 0
    return max(1, int((amount * width / largest).to_integral_value(rounding="ROUND_HALF_UP")))


def month_chart(summary: PaymentSummary, bar_width: int) -> list[str]:
    """The chart as plain text lines: a legend (domains with their glyph and total), then one line
    per month, oldest first: « nov. 26 ███▓▓▒  1 234,56 € » (a stacked bar, the month's total written).
    An empty run of months says so in words."""
    from msa_tui.core.formatting import money

    by_month: dict[date, dict[Domain, Decimal]] = {}
    per_domain: dict[Domain, Decimal] = {}
    for t in summary.totals:
        by_month.setdefault(t.month, {})[t.domain] = t.total
        per_domain[t.domain] = per_domain.get(t.domain, Decimal(0)) + t.total
    if not per_domain:
        return [_("Aucun paiement sur ces 12 mois.")]
    domains = [d for d in CHART_GLYPHS if d in per_domain]
    lines = [f"{CHART_GLYPHS[d]} {domain_label(d, short=True)} : {money(per_domain[d])}" for d in domains]
    lines.append("")
    months = _months(summary.first_month, summary.last_month)
    totals = {m: sum(by_month.get(m, {}).values(), Decimal(0)) for m in months}
    largest = max(totals.values())
    amounts = [money(totals[m]) if totals[m] else "—" for m in months]
    width = max(len(a) for a in amounts)
    for month, amount in zip(months, amounts, strict=True):
        bar = "".join(CHART_GLYPHS[d] * _segment(by_month.get(month, {}).get(d, Decimal(0)), largest, bar_width)
                      for d in domains)
        label = f"{_(SHORT_MONTHS[month.month - 1])} {month.year % 100:02d}"
        lines.append(f"{label:<9}{bar:<{bar_width + len(domains)}} {amount:>{width}}")
    return lines
