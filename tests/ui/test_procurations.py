"""« Gérer mes procurations »: received in words, a request by keys stored as Demandée, revoking after a yes."""

from __future__ import annotations

import re

from textual.widgets import Input, OptionList

from tests.support.navigation import go_to
from tests.support.doubles import flaky_app, shown
from tests.support.ui import DEMO_NIR, DEMO_PASSWORD, login, make_app, type_text, wait_for, wait_screen
from tests.support.members import ANTOINE, SOPHIE



def listed(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#procurations", OptionList).options]


async def open_procurations(pilot, nir: str = DEMO_NIR) -> None:
    await login(pilot, nir)
    await go_to(pilot, "procurations")
    await wait_screen(pilot, "ProcurationsScreen")
    await wait_for(pilot, lambda: bool(listed(pilot.app)))


async def test_pierre_sees_antoines_procuration_as_received(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_procurations(pilot)
        assert len(listed(app)) == 1
        line = listed(app)[0]
        assert line.startswith("Reçue d'Antoine Santoni · Active depuis le 12 mars 2026")
        assert "Étendue : Consulter mes paiements et mes documents" in line


async def test_antoine_sees_it_as_given(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_procurations(pilot, ANTOINE)
        assert listed(app)[0].startswith("Donnée à Pierre Martin · Active")


async def test_request_by_keys_appears_as_demandee_then_revoke(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_procurations(pilot)
        await pilot.press("n")
        await wait_screen(pilot, "ProcurationRequestScreen")
        await pilot.press("ctrl+s")  # nothing typed: every fault said in French, nothing sent
        await pilot.pause()
        assert "13 caractères" in shown(app, "#grantee-nir-message")
        assert "Indiquez le nom et le prénom de la personne." in shown(app, "#grantee-name-error")
        assert "Choisissez l'étendue de la procuration." in shown(app, "#scope-error")
        assert app.screen.query_one("#grantee-nir", Input).has_focus
        await type_text(pilot, SOPHIE)
        await pilot.press("enter")
        await type_text(pilot, "Sophie Le Gall")
        await pilot.press("enter")  # → the scope list
        await pilot.press("enter", "down", "enter")  # open it, first scope, choose
        await pilot.press("tab")
        await type_text(pilot, "sauf RSA")
        await pilot.press("enter")
        await wait_screen(pilot, "ProcurationsScreen")
        await wait_for(pilot, lambda: len(listed(app)) == 2)
        assert re.match(r"Donnée à Sophie Le Gall · Demandée le \d+(er)? \w+ 20\d\d\n", listed(app)[0])
        assert "Étendue : Consulter mes paiements et mes documents : sauf RSA" in listed(app)[0]
        assert shown(app, "#procurations-result") == "Procuration demandée pour Sophie Le Gall."

        await pilot.press("r")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("n")  # kept
        await wait_screen(pilot, "ProcurationsScreen")
        assert "Demandée" in listed(app)[0]
        await pilot.press("r")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
        await wait_screen(pilot, "ProcurationsScreen")
        await wait_for(pilot, lambda: "Révoquée" in listed(app)[0])
        assert listed(app)[0].startswith("Donnée à Sophie Le Gall · Révoquée")
        assert shown(app, "#procurations-result").startswith("Procuration révoquée : ")
    api = make_client()
    await api.login(DEMO_NIR, DEMO_PASSWORD)
    given = [p for p in (await api.procurations()).items if p.direction == "given"]
    assert [(p.grantee_name, p.status.value) for p in given] == [("Sophie Le Gall", "revoquee")]


async def test_own_nir_refused_by_the_server_under_the_field(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_procurations(pilot)
        await pilot.press("n")
        await wait_screen(pilot, "ProcurationRequestScreen")
        await type_text(pilot, DEMO_NIR)
        await pilot.press("enter")
        await type_text(pilot, "Pierre Martin")
        await pilot.press("enter", "enter", "down", "enter", "tab", "enter")
        await wait_for(pilot, lambda: "vous-même" in shown(app, "#grantee-nir-message"))
        assert type(app.screen).__name__ == "ProcurationRequestScreen"
        assert app.screen.query_one("#grantee-name-input", Input).value == "Pierre Martin"


async def test_list_failure_says_so_and_ctrl_r_retries(server_app):
    app, transport = flaky_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        transport.down = True
        await go_to(pilot, "procurations")
        await wait_screen(pilot, "ProcurationsScreen")
        await wait_for(pilot, lambda: app.screen.query_one("#procurations-load").state == "failed")
        assert "n'ont pas pu être chargées" in app.screen.query_one("#procurations-load").error
        transport.down = False
        await pilot.press("f5")
        await wait_for(pilot, lambda: len(listed(app)) == 1)
