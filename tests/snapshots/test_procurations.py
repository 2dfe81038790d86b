"""SVG snapshots of acting for a principal (the header says whose space it is) and of « Gérer mes procurations »
with a procuration to accept, at 80x24 and 120x40."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from textual.widgets import OptionList

from tests.support.members import SOPHIE
from tests.support.server import PIERRE, Api
from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, wait_for, wait_screen


def listed(app) -> list[str]:
    return [str(o.prompt) for o in app.screen.query_one("#procurations", OptionList).options]


@pytest.mark.parametrize("size", SIZES)
def test_acting_for_antoine_dashboard(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await pilot.pause()
        await log_in_and_go_to(pilot, "procurations", lambda: bool(listed(pilot.app)))
        await pilot.press("enter")
        await wait_for(pilot, lambda: pilot.app.session.acting is not None)
        await wait_screen(pilot, "DashboardScreen")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_procurations_with_one_to_accept(snap_compare, server_app, frozen, size):
    with TestClient(server_app) as client:
        sophie = Api(client)
        sophie.login(SOPHIE)
        asked = sophie.post("/procurations", json={"grantee_nir": PIERRE, "grantee_name": "Pierre Martin",
                                           "scope": "Effectuer mes démarches en ligne", "rights": ["demarches"]})
        assert asked.status_code == 201, asked.text

    async def run_before(pilot):
        await pilot.pause()
        await log_in_and_go_to(pilot, "procurations", lambda: len(listed(pilot.app)) == 2)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
