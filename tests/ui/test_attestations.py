"""« Obtenir mes attestations »: the PDF lands in the Downloads dir; a refused one says why, choices kept."""

from __future__ import annotations

import pytest
from textual.widgets import RadioSet, Static

from msa_tui.core.paths import downloads_dir
from tests.support.navigation import go_to
from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.support.members import SOPHIE



@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


def result(app) -> str:
    return str(app.screen.query_one("#attestation-result", Static).render()).replace("\n", "")


async def open_attestations(pilot, nir: str | None = None) -> None:
    if nir:
        await login(pilot, nir=nir)
    else:
        await login(pilot)
    await go_to(pilot, "attestations")
    await wait_screen(pilot, "AttestationsScreen")
    await wait_for(pilot, lambda: pilot.app.screen.query_one(RadioSet).has_focus)


def files() -> list:
    return sorted(downloads_dir().iterdir()) if downloads_dir().exists() else []


async def test_payment_attestation_is_a_pdf_in_downloads(server_app, isolated_dirs):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attestations(pilot)
        assert app.screen.query_one("#attestation-period").display  # paiement takes a period
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Attestation enregistrée" in result(app))
        saved = files()
        assert len(saved) == 1 and saved[0].suffix == ".pdf"
        assert saved[0].read_bytes().startswith(b"%PDF")
        assert saved[0].is_relative_to(isolated_dirs.parent)
        assert "Attestation de paiement du 15-11-2025 au 15-11-2026" in saved[0].name
        assert str(saved[0]) in result(app)


async def test_rsa_refused_to_pierre_with_the_server_reason(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attestations(pilot)
        await pilot.press("down", "down", "down", "down", "enter")
        await wait_for(pilot, lambda: not app.screen.query_one("#attestation-period").display)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "non délivrée" in result(app))
        assert "Vous n'avez pas de droit au RSA sur cette période." in result(app)
        assert result(app).startswith("⚠")
        assert files() == []
        assert app.screen.query_one(RadioSet).pressed_button.id == "kind-droits_rsa"  # choice kept


async def test_sophie_gets_her_rsa_attestation(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attestations(pilot, SOPHIE)
        await pilot.press("down", "down", "down", "down", "enter", "ctrl+s")
        await wait_for(pilot, lambda: "Attestation enregistrée" in result(app))
        saved = files()
        assert len(saved) == 1 and "Attestation de droits RSA" in saved[0].name
        assert saved[0].read_bytes().startswith(b"%PDF")


async def test_custom_period_is_checked_before_asking(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attestations(pilot)
        await pilot.press("tab", "enter", "down", "down", "down", "enter")  # 12 derniers mois → personnalisée
        await wait_for(pilot, lambda: app.screen.query_one("#start-input").has_focus)
        await pilot.press(*"01/12/2026", "tab", *"31/12/2026", "ctrl+s")
        await wait_for(pilot, lambda: "futur" in app.screen.query_one("#attestation-custom").error)
        assert files() == []
        assert app.screen.query_one("#start-input").value == "01/12/2026"


async def test_droits_maladie_for_a_child_chosen_from_the_household(server_app):
    from textual.widgets import Select

    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_attestations(pilot)
        assert not app.screen.query_one("#attestation-person").display  # paiement: the member's own
        await pilot.press("down", "down", "down", "enter")  # droits maladie
        await wait_for(pilot, lambda: app.screen.query_one("#attestation-person").display)
        await pilot.press("tab")
        person = app.screen.query_one("#attestation-person-select", Select)
        assert person.has_focus
        await pilot.press("enter", "down", "down", "enter")  # vous-même → Anne → Lucas
        lucas = next(p.id for p in app.me.household if p.first_name == "Lucas")
        await wait_for(pilot, lambda: person.value == lucas)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "Attestation enregistrée" in result(app))
        [saved] = files()
        assert saved.name.endswith(" - Lucas Martin.pdf") and "droits maladie" in saved.name
        assert saved.read_bytes().startswith(b"%PDF")
