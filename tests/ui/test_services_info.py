"""Information services give their web address written out; démarches show their reference number."""

from __future__ import annotations

from tests.support.doubles import shown
from tests.support.snapshots import log_in_and_go_to
from tests.support.ui import make_app, wait_for, wait_screen
from tests.ui.test_requests import choose_service, open_services, options


async def test_memo_sante_enfant_gives_its_address_on_msa_fr(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_services(pilot)
        await choose_service(pilot, "Mémo Santé Enfant")
        await wait_for(pilot, lambda: "Adresse :" in shown(app, "#service-info"))
        info = shown(app, "#service-info")
        assert "Mémo Santé Enfant" in info
        assert "Adresse : https://www.msa.fr/lfp/sante/memo-sante-enfant" in " ".join(info.split())


async def test_requests_list_and_detail_show_the_reference(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await log_in_and_go_to(pilot, "requests", lambda: bool(options(app, "#requests")))
        assert all("n° DEM-" in line for line in options(app, "#requests"))
        await pilot.press("enter")
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: app.screen.request is not None)
        assert f"n° {app.screen.request.reference}" in shown(app, "#detail-status")
