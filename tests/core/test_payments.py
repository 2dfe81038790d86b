"""Payment rules: domain words, period presets, typed French dates, exact totals, the CSV a French spreadsheet reads."""

from __future__ import annotations

import csv
from datetime import date
from decimal import Decimal

import pytest

from msa_tui.api.models import AttestationKind, Domain, Page, Payment
from msa_tui.core.payments import (
    LOAD_CAP,
    PAGE_SIZE,
    Period,
    Preset,
    attestation_name,
    check_custom_period,
    csv_amount,
    csv_name,
    domain_filter_label,
    domain_label,
    load_batch,
    months_before,
    preset_period,
    takes_period,
    total,
    write_csv,
)

TODAY = date(2026, 11, 15)


def pay(amount: float, domain: str = "famille", label: str = "Allocations familiales", day: int = 5,
        who: str | None = None) -> Payment:
    return Payment(id=f"pay-{amount}", date=date(2026, 11, day), amount=amount, domain=domain, label=label,
                   beneficiary=who)


def test_every_domain_has_french_words():
    assert domain_label(Domain.action_sanitaire_sociale) == "Action sanitaire et sociale"
    assert domain_label("prime_activite") == "Prime d'activité"
    assert domain_label(Domain.action_sanitaire_sociale, short=True) == "Action sociale"
    assert domain_label(Domain.sante, short=True) == "Santé"
    assert all(domain_label(d) != d.value for d in Domain if d is not Domain.rsa)
    assert domain_filter_label(None) == "Tous les domaines"


@pytest.mark.parametrize(("preset", "start", "end"), [
    (Preset.last_3_months, date(2026, 8, 15), TODAY),
    (Preset.last_12_months, date(2025, 11, 15), TODAY),
    (Preset.this_year, date(2026, 1, 1), TODAY),
    (Preset.last_year, date(2025, 1, 1), date(2025, 12, 31)),
    (Preset.all, None, None),
])
def test_presets(preset, start, end):
    assert preset_period(preset, TODAY) == Period(start, end)


def test_custom_preset_has_no_fixed_dates():
    with pytest.raises(ValueError):
        preset_period(Preset.custom, TODAY)


def test_months_before_keeps_to_the_end_of_a_short_month():
    assert months_before(date(2026, 5, 31), 3) == date(2026, 2, 28)
    assert months_before(date(2024, 5, 31), 3) == date(2024, 2, 29)
    assert months_before(date(2026, 1, 10), 1) == date(2025, 12, 10)


@pytest.mark.parametrize(("typed", "message"), [
    ("", "Saisissez une date au format JJ/MM/AAAA."),
    ("2026-09-01", "Date au format JJ/MM/AAAA, par exemple 01/09/2026."),
    ("31/02/2026", "Cette date n'existe pas."),
    ("01/01/1850", "L'année doit être postérieure à 1900."),
])
def test_typed_period_dates_say_what_is_wrong_in_french(typed, message):
    assert check_custom_period(typed, "1/9/2026", TODAY) == (None, {"start": message})


def test_custom_period_checks_order_and_future():
    assert check_custom_period("01/09/2026", "30/09/2026", TODAY) == (Period(date(2026, 9, 1), date(2026, 9, 30)), {})
    period, errors = check_custom_period("30/09/2026", "01/09/2026", TODAY)
    assert period is None and errors == {"end": "La date de fin doit suivre la date de début."}
    _period, errors = check_custom_period("01/12/2026", "31/12/2026", TODAY)
    assert errors == {"start": "La date de début ne peut pas être dans le futur."}
    _period, errors = check_custom_period("hier", "", TODAY)
    assert set(errors) == {"start", "end"}


def test_period_describes_itself():
    assert Period(date(2026, 8, 15), TODAY).describe() == "du 15/08/2026 au 15/11/2026"
    assert Period(None, None).describe() == "tout l'historique"


def test_total_is_exact_to_the_cent():
    payments = [pay(0.1), pay(0.2), pay(148.52)] * 10
    assert total(payments) == Decimal("1488.20")
    assert total([]) == Decimal("0.00")


def test_csv_amount_has_comma_decimals_and_no_grouping():
    assert csv_amount(Decimal("1234.5")) == "1234,50"
    assert csv_amount(Decimal("7")) == "7,00"


def test_write_csv_reads_back_in_a_french_spreadsheet_way(tmp_path):
    path = write_csv(tmp_path / "out" / "p.csv", [
        pay(1234.56, "sante", "Consultation ; Dr Dupont", day=12, who="Emma Martin"),
        pay(148.52),
    ])
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel reads the accents
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows == [
        ["Date", "Domaine", "Libellé", "Bénéficiaire", "Montant (€)"],
        ["12/11/2026", "Santé", "Consultation ; Dr Dupont", "Emma Martin", "1234,56"],
        ["05/11/2026", "Famille", "Allocations familiales", "", "148,52"],
    ]
    assert list(path.parent.iterdir()) == [path]  # no temp file left behind


def test_file_names_are_dated_and_safe():
    name = csv_name(Domain.famille, Period(date(2026, 8, 15), TODAY), TODAY)
    assert name == "2026-11-15 Paiements MSA Famille du 15-08-2026 au 15-11-2026.csv"
    assert csv_name(None, Period(None, None), TODAY) == "2026-11-15 Paiements MSA tout l'historique.csv"
    assert attestation_name(AttestationKind.paiement, Period(date(2025, 11, 15), TODAY), TODAY) == (
        "2026-11-15 Attestation de paiement du 15-11-2025 au 15-11-2026.pdf")
    assert attestation_name(AttestationKind.droits_rsa, None, TODAY) == "2026-11-15 Attestation de droits RSA.pdf"
    assert "/" not in attestation_name(AttestationKind.droits_maladie, None, TODAY)


def test_only_payment_kinds_take_a_period():
    assert takes_period(AttestationKind.paiement) and takes_period(AttestationKind.non_paiement)
    assert not takes_period(AttestationKind.droits_rsa)


class Pager:
    """A server of `n` payments, `PAGE_SIZE` at most per page, that records what was asked."""

    def __init__(self, n: int, *, down_at: int | None = None) -> None:
        self.payments = [pay(float(i + 1)) for i in range(n)]
        self.asked: list[tuple[str | None, int]] = []
        self.down_at = down_at

    async def __call__(self, cursor: str | None, size: int) -> Page[Payment] | None:
        self.asked.append((cursor, size))
        if len(self.asked) == self.down_at:
            return None
        start = int(cursor or 0)
        end = start + min(size, PAGE_SIZE)
        return Page[Payment](items=self.payments[start:end],
                             next_cursor=str(end) if end < len(self.payments) else None)


@pytest.mark.parametrize(("n", "cap", "loaded", "asked", "complete"), [
    (0, LOAD_CAP, 0, [(None, 100)], True),
    (250, LOAD_CAP, 250, [(None, 100), ("100", 100), ("200", 100)], True),
    (500, LOAD_CAP, 500, [(None, 100), ("100", 100), ("200", 100), ("300", 100), ("400", 100)], True),
    (1200, LOAD_CAP, 500, [(None, 100), ("100", 100), ("200", 100), ("300", 100), ("400", 100)], False),
    (1200, 130, 130, [(None, 100), ("100", 30)], False),  # a command's --limit: exactly that many
    (250, None, 250, [(None, 100), ("100", 100), ("200", 100)], True),  # --all
])
async def test_a_load_fetches_the_whole_period_up_to_the_cap(n, cap, loaded, asked, complete):
    pager = Pager(n)
    batch = await load_batch(pager, cap=cap)
    assert batch is not None and len(batch.items) == loaded
    assert pager.asked == asked and batch.complete is complete


async def test_load_more_goes_on_from_the_cursor_and_stops_at_the_end():
    pager = Pager(1200)
    first = await load_batch(pager)
    second = await load_batch(pager, cursor=first.next_cursor)
    third = await load_batch(pager, cursor=second.next_cursor)
    assert [len(b.items) for b in (first, second, third)] == [500, 500, 200]
    assert first.items + second.items + third.items == pager.payments
    assert third.complete


async def test_a_page_that_cannot_be_had_fails_the_whole_load():
    assert await load_batch(Pager(300, down_at=2)) is None
