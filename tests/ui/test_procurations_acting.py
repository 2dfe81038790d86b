"""Acting for a principal, by keys: Pierre switches into Antoine's space (the header says so in words),
sends a document whose receipt names both, and is brought back when Antoine revokes the procuration."""

from __future__ import annotations

from textual.widgets import OptionList

from msa_tui.api import models as m
from msa_tui.widgets.status import PortalHeader
from tests.support.members import ANTOINE, DEMO_PASSWORD, SOPHIE
from tests.support.navigation import go_to
from tests.support.doubles import shown
from tests.support.ui import DEMO_NIR, login, make_app, wait_for, wait_screen
from tests.support.wizard_keys import open_wizard, sample_files, send_one_document


def listed(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#procurations", OptionList).options]


def header(app) -> str:
    top = app.screen.query_one(PortalHeader)
    return top.text.split("\n")[1] if top.acting else ""


def notices(app) -> str:
    return "\n".join(str(n.message) for n in app._notifications)


async def act_for_antoine(pilot) -> None:
    """Logged in as Pierre: « Gérer mes procurations », Entrée on Antoine's, until his dashboard is on show."""
    await login(pilot, DEMO_NIR)
    await go_to(pilot, "procurations")
    await wait_for(pilot, lambda: bool(listed(pilot.app)))
    assert "Entrée : agir pour son compte" in listed(pilot.app)[0]
    await pilot.press("enter")
    await wait_for(pilot, lambda: pilot.app.me is not None and pilot.app.me.last_name == "Santoni")
    await wait_screen(pilot, "DashboardScreen")


async def test_pierre_acts_for_antoine_sends_a_document_and_is_brought_back_on_revocation(
        server_app, make_client, isolated_dirs):
    sample_files(isolated_dirs)
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await act_for_antoine(pilot)
        assert header(app) == "▶ Vous agissez pour Antoine Santoni · F8 : revenir à mon espace"

        await open_wizard(pilot)
        assert header(app).startswith("▶ Vous agissez pour Antoine Santoni")
        await send_one_document(pilot, "Pour Antoine")
        receipt = "\n".join(str(w.render()) for w in app.screen.query("#receipt-view Static"))
        assert "Envoyé par Pierre Martin pour le compte d'Antoine Santoni" in receipt

        antoine = make_client()
        await antoine.login(ANTOINE, DEMO_PASSWORD)
        mine = next(p for p in (await antoine.procurations()).items if p.grantee_name == "Pierre Martin")
        await antoine.revoke_procuration(mine.id)

        await pilot.press("escape")  # leave the wizard (its receipt is shown, nothing left to lose)
        await wait_screen(pilot, "ContactScreen")
        await pilot.press("escape")
        # Back on the dashboard, its blocks reload: the first call is refused, he is told and back in his own space.
        await wait_for(pilot, lambda: app.me is not None and app.me.last_name == "Martin")
        await wait_screen(pilot, "DashboardScreen")
        await wait_for(pilot, lambda: not header(app))
        assert "n'est pas active" in notices(app) and "Antoine Santoni" in notices(app)
        assert not app.client.acting and app.session.acting is None


async def test_f8_and_the_palette_go_back_and_pages_beyond_the_scope_stay_closed(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await act_for_antoine(pilot)
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "MsaCommandPalette")
        await pilot.press(*"demarches")
        await pilot.pause()
        await pilot.press("escape")
        await wait_screen(pilot, "DashboardScreen")
        app.go_to("requests")  # not in Antoine's procuration: refused in words
        await pilot.pause()
        assert "n'entre pas dans la procuration que vous a donnée Antoine Santoni" in notices(app)
        assert type(app.screen).__name__ == "DashboardScreen"
        await pilot.press("f8")
        await wait_for(pilot, lambda: app.me is not None and app.me.last_name == "Martin")
        await wait_for(pilot, lambda: not header(app))
        assert "Vous n'agissez plus pour Antoine Santoni" in notices(app)

        await go_to(pilot, "procurations")
        await wait_for(pilot, lambda: bool(listed(app)))
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.acting is not None)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("ctrl+p")
        await wait_screen(pilot, "MsaCommandPalette")
        await pilot.press(*"Revenir à mon espace")
        await pilot.pause()
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.session.acting is None)
        assert app.me is not None and app.me.last_name == "Martin"


async def test_a_procuration_to_accept_is_accepted_by_keys_then_usable(server_app, make_client):
    sophie = make_client()
    await sophie.login(SOPHIE, DEMO_PASSWORD)
    await sophie.request_procuration(m.ProcurationCreate(
        grantee_nir=DEMO_NIR, grantee_name="Pierre Martin", scope="Effectuer mes démarches en ligne",
        rights=["demarches"]))
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot, DEMO_NIR)
        await go_to(pilot, "procurations")
        await wait_for(pilot, lambda: len(listed(app)) == 2)
        pending = next(line for line in listed(app) if "Sophie" in line)
        assert "Reçue de Sophie Le Gall · À accepter (demandée le" in pending and "A : accepter" in pending
        app.screen.query_one("#procurations", OptionList).highlighted = listed(app).index(pending) * 2
        await pilot.press("enter")  # not yet: said in words
        await pilot.pause()
        assert shown(app, "#procurations-result").endswith("Acceptez d'abord cette procuration (touche A).")
        await pilot.press("r")  # only its grantor revokes it
        await pilot.pause()
        assert "Seule la personne qui vous a donné" in shown(app, "#procurations-result")
        await pilot.press("a")
        await wait_screen(pilot, "ConfirmDialog")
        await pilot.press("o")
        await wait_screen(pilot, "ProcurationsScreen")
        await wait_for(pilot, lambda: any("Sophie Le Gall · Active" in line for line in listed(app)))
        assert "Entrée pour agir pour Sophie Le Gall" in shown(app, "#procurations-result")
        await pilot.press("enter")
        await wait_for(pilot, lambda: app.me is not None and app.me.first_name == "Sophie")
        await wait_for(pilot, lambda: header(app).startswith("▶ Vous agissez pour Sophie Le Gall"))
