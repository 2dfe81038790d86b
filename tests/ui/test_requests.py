"""Catalogue and démarches by keys: file a request, a refused empty field, a timeline in order, drafts kept."""

from __future__ import annotations

import io

from rich.console import Console
from textual.widgets import Button, OptionList

from msa_tui.core import request_drafts
from msa_tui.widgets.load_panel import LoadPanel
from tests.support.navigation import go_to
from tests.support.doubles import shown
from tests.support.ui import login, make_app, type_text, wait_for, wait_screen
from tests.support.members import ANTOINE, DEMO_NIR, DEMO_PASSWORD


def plain(prompt) -> str:
    """An option's prompt (text or Rich grid) as the words on screen, on one line."""
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(prompt)
    return " ".join(console.export_text().split())


def options(app, selector: str) -> list[str]:
    listing = app.screen.query_one(selector, OptionList)
    return [plain(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)]


async def keys(pilot, text: str) -> None:
    """Type text including the French decimal comma and slashes."""
    names = {",": "comma", "/": "slash"}
    for ch in text:
        if ch in names:
            await pilot.press(names[ch])
        else:
            await type_text(pilot, ch)


async def open_services(pilot) -> None:
    await login(pilot)
    await pilot.press("4")
    await wait_screen(pilot, "ServicesScreen")
    await wait_for(pilot, lambda: pilot.app.screen.query_one("#services", OptionList).option_count > 0)


async def choose_service(pilot, label: str) -> None:
    listing = pilot.app.screen.query_one("#services", OptionList)
    for _round in range(listing.option_count):
        option = listing.highlighted_option
        if option is not None and label in plain(option.prompt):
            await pilot.press("enter")
            return
        await pilot.press("down")
    raise AssertionError(f"service not found: {label}")


async def open_rsa_form(pilot) -> None:
    await open_services(pilot)
    await choose_service(pilot, "Demander le RSA")
    await wait_screen(pilot, "RequestFormScreen")
    await wait_for(pilot, lambda: pilot.app.screen.form is not None and pilot.app.screen.query("#logement-field"))
    await pilot.pause()


async def test_rsa_filed_by_keys_shows_in_mes_demarches_and_on_the_server(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rsa_form(pilot)
        await type_text(pilot, "3")
        await pilot.press("enter")
        await keys(pilot, "1 234,56")
        await pilot.press("enter")
        await pilot.press("enter", "down", "enter")  # open the list, first choice: Locataire
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: "Déposée" in shown(app, "#timeline"))
        assert "Revenu de solidarité active" in shown(app, "#detail-title")
        assert "1\u00a0234,56\u00a0€" in shown(app, "#detail-answers")
        assert "Locataire" in shown(app, "#detail-answers")
        await pilot.press("escape")
        await wait_screen(pilot, "ServicesScreen")
        await pilot.press("d")
        await wait_screen(pilot, "RequestsScreen")
        await wait_for(pilot, lambda: any("Revenu de solidarité active" in o for o in options(app, "#requests")))
        rsa = next(o for o in options(app, "#requests") if "Revenu de solidarité active" in o)
        assert "Statut : Déposée" in rsa
        assert not request_drafts.request_drafts(app.me.id)
    client = make_client()
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    filed = [r for r in (await client.requests()).items if r.type == "rsa"]
    assert len(filed) == 1 and filed[0].status == "deposee"
    full = await client.request(filed[0].id)
    assert full.answers == {"foyer_personnes": 3, "ressources_trimestre": 1234.56, "logement": "locataire"}


async def test_required_field_left_empty_says_so_in_french_and_sends_nothing(server_app, make_client):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rsa_form(pilot)
        await type_text(pilot, "2")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: app.screen.field("ressources_trimestre").error != "")
        assert app.screen.field("ressources_trimestre").error == "Ce champ est obligatoire."
        assert app.screen.field("logement").error == "Ce champ est obligatoire."
        assert "rien n'a été envoyé" in shown(app, "#request-error")
        assert "(obligatoire)" in str(app.screen.query_one("#logement-field .field-label").render())
        # What was typed is kept as a draft (a crash loses nothing) and shown in "Mes démarches".
        assert request_drafts.load_answers("request-rsa", app.me.id)["foyer_personnes"] == "2"
    client = make_client()
    await client.login(DEMO_NIR, DEMO_PASSWORD)
    assert not [r for r in (await client.requests()).items if r.type == "rsa"]


async def test_the_submit_button_checks_the_form_as_ctrl_s_does(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rsa_form(pilot)
        app.screen.query_one("#request-submit", Button).focus()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.screen.field("logement").error != "")
        assert "rien n'a été envoyé" in shown(app, "#request-error")


async def test_draft_comes_back_when_the_form_is_opened_again(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rsa_form(pilot)
        await type_text(pilot, "5")
        await pilot.press("escape")
        await wait_screen(pilot, "ServicesScreen")
        await pilot.press("d")
        await wait_screen(pilot, "RequestsScreen")
        await wait_for(pilot, lambda: options(app, "#requests") and "Brouillon" in options(app, "#requests")[0])
        await pilot.press("enter")
        await wait_screen(pilot, "RequestFormScreen")
        await wait_for(pilot, lambda: app.screen.query("#foyer_personnes-input")
                       and app.screen.query_one("#foyer_personnes-input").value == "5")


async def test_timeline_shows_statuses_in_order_and_pieces_key(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await go_to(pilot, "requests")
        await wait_screen(pilot, "RequestsScreen")
        await wait_for(pilot, lambda: len(options(app, "#requests")) >= 3)
        labels = options(app, "#requests")
        index = next(i for i, o in enumerate(labels) if "Changement de situation" in o)
        listing = app.screen.query_one("#requests", OptionList)
        for _step in range(index):
            await pilot.press("down")
        assert "Changement de situation" in plain(listing.highlighted_option.prompt)
        assert "Pièces demandées" in plain(listing.highlighted_option.prompt)
        await pilot.press("enter")
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: app.screen.request is not None and shown(app, "#timeline").count("\n") == 2)
        lines = shown(app, "#timeline").splitlines()
        assert [line.split("  ")[1].split(" — ")[0] for line in lines] == [
            "Déposée", "En cours d'instruction", "Pièces demandées"]
        assert "justificatif de domicile" in lines[2]
        await pilot.press("e")
        await wait_screen(pilot, "SendDocumentScreen")


async def test_quotient_familial_for_pierre_and_not_eligible_for_antoine(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_services(pilot)
        await choose_service(pilot, "Consulter mon quotient familial")
        await wait_screen(pilot, "QuotientScreen")
        await wait_for(pilot, lambda: shown(app, "#quotient") != "")
        text = shown(app, "#quotient")
        assert "Votre quotient familial : 900\u00a0€" in text and "Nombre de parts : 3" in text
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, nir=ANTOINE)
        await go_to(pilot, "quotient_familial")
        await wait_screen(pilot, "QuotientScreen")
        await wait_for(pilot, lambda: shown(app, "#quotient") != "")
        assert "ne percevez pas de prestations familiales" in shown(app, "#quotient")
        assert app.screen.query_one(LoadPanel).state == "ready"


async def test_network_loss_at_submit_keeps_every_answer(server_app, monkeypatch):
    from msa_tui.api.client import MsaClient
    from msa_tui.api.errors import NetworkDown

    async def down(self, create, **_kwargs):
        raise NetworkDown()

    monkeypatch.setattr(MsaClient, "file_request", down)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_rsa_form(pilot)
        await type_text(pilot, "4")
        await pilot.press("enter")
        await keys(pilot, "900")
        await pilot.press("enter", "enter", "down", "enter")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: "n'a pas été envoyée" in shown(app, "#request-error"))
        assert type(app.screen).__name__ == "RequestFormScreen"
        assert app.screen.raw_answers() == {"foyer_personnes": "4", "ressources_trimestre": "900",
                                            "logement": "locataire"}
        assert request_drafts.load_answers("request-rsa", app.me.id)["logement"] == "locataire"
