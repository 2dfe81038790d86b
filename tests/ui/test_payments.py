"""« Mes paiements et mes remboursements »: domain and period filters by keys, the total, the detail, the CSV export."""

from __future__ import annotations

import csv
from decimal import Decimal

import pytest
from textual.widgets import DataTable, Input

from msa_tui.core.paths import downloads_dir
from tests.support.navigation import go_to
from tests.support.doubles import shown
from tests.support.ui import login, make_app, type_text, wait_for, wait_screen


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    # The period presets count back from today: pin it to the seeded month.
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


def rows(app) -> list[list[str]]:
    table = app.screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def euros(text: str) -> Decimal:
    return Decimal(text.replace("\u00a0", "").replace(" ", "").removesuffix("€").replace(",", "."))


async def open_payments(pilot) -> None:
    await login(pilot)
    await go_to(pilot, "payments")
    await wait_screen(pilot, "PaymentsScreen")
    await wait_for(pilot, lambda: pilot.app.screen.loaded and pilot.app.screen.query_one(DataTable).row_count > 0)


def loaded_with(app, predicate) -> bool:
    return app.screen.loaded and predicate(rows(app))


async def test_famille_filter_shows_famille_not_sante(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        everything = rows(app)
        assert {"Santé", "Famille"} <= {r[1] for r in everything}
        assert all(r[0].count("/") == 2 and r[-1].endswith("€") for r in everything)
        dates = [tuple(reversed(r[0].split("/"))) for r in everything]
        assert dates == sorted(dates, reverse=True)  # newest first
        await pilot.press("d", "d")  # tous → santé → famille
        await wait_for(pilot, lambda: loaded_with(app, lambda rs: rs and {r[1] for r in rs} == {"Famille"}))
        assert any("Allocations familiales" in r[2] for r in rows(app))
        assert not any(r[1] == "Santé" for r in rows(app))


async def test_total_is_the_sum_of_the_rows_shown(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        await pilot.press("p")  # 12 derniers mois → année en cours
        await wait_for(pilot, lambda: app.screen.loaded and "01/01/2026" in shown(app, "#payments-total"))
        text = shown(app, "#payments-total")
        amount = text.split("Total : ")[1].split(" · ")[0]
        assert euros(amount) == sum(euros(r[-1]) for r in rows(app))
        assert f"{len(rows(app))} paiements" in text


async def test_custom_period_refused_in_french_then_applied(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        await pilot.press("p", "p", "p", "p")  # … → tout → période personnalisée
        await wait_for(pilot, lambda: app.screen.query_one("#start-input", Input).has_focus)
        await type_text(pilot, "31/09/2026")
        await pilot.press("enter")
        await type_text(pilot, "30/09/2026")
        await pilot.press("enter")
        assert "Cette date n'existe pas" in app.screen.query_one("#custom-period").error
        assert app.screen.query_one("#start-input", Input).value == "31/09/2026"  # nothing lost
        await pilot.press("backspace", "backspace", "backspace", "backspace", "backspace", "backspace",
                          "backspace", "backspace", "backspace", "backspace")
        await type_text(pilot, "01/09/2026")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.loaded
                       and "du 01/09/2026 au 30/09/2026" in shown(app, "#payments-total"))
        assert rows(app) and all(r[0].endswith("/09/2026") for r in rows(app))


async def test_enter_shows_the_detail(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        first = rows(app)[0]
        await pilot.press("enter")
        await wait_screen(pilot, "PaymentDetail")
        lines = " ".join(str(s.render()) for s in app.screen.query(".detail-line"))
        assert first[2].rstrip("…") in lines and first[-1] in lines
        await pilot.press("escape")
        await wait_screen(pilot, "PaymentsScreen")


async def test_export_writes_the_shown_list_as_french_csv(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_payments(pilot)
        await pilot.press("d", "d")
        await wait_for(pilot, lambda: loaded_with(app, lambda rs: rs and {r[1] for r in rs} == {"Famille"}))
        table = rows(app)
        await pilot.press("e")
        await wait_for(pilot, lambda: "CSV" in shown(app, "#payments-result"))
        files = list(downloads_dir().iterdir())
        assert len(files) == 1 and files[0].suffix == ".csv"
        assert files[0].is_relative_to(isolated_dirs.parent)
        assert str(files[0]) in shown(app, "#payments-result").replace("\n", "")
        with files[0].open(encoding="utf-8-sig", newline="") as handle:
            lines = list(csv.reader(handle, delimiter=";"))
        assert lines[0] == ["Date", "Domaine", "Libellé", "Bénéficiaire", "Montant (€)"]
        assert len(lines) == len(table) + 1
        assert [line[0] for line in lines[1:]] == [r[0] for r in table]
        assert {line[1] for line in lines[1:]} == {"Famille"}
        assert all("," in line[4] and "." not in line[4] for line in lines[1:])
        assert sum(Decimal(line[4].replace(",", ".")) for line in lines[1:]) == sum(euros(r[-1]) for r in table)
