"""SVG snapshot of « Obtenir mes attestations » with droits maladie asked for a child of the household."""

from __future__ import annotations

import pytest
from textual.widgets import RadioSet, Select

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, wait_for

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("size", SIZES)
def test_attestation_for_a_household_member(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await log_in_and_go_to(pilot, "attestations", lambda: pilot.app.screen.query_one(RadioSet).has_focus)
        await pilot.press("down", "down", "down", "enter", "tab", "enter", "down", "down", "enter")
        person = pilot.app.screen.query_one("#attestation-person-select", Select)
        lucas = next(p.id for p in pilot.app.me.household if p.first_name == "Lucas")
        await wait_for(pilot, lambda: person.value == lucas)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
