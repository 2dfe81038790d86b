"""SVG snapshots of the money pages: payments (table, total) and attestations (a refusal in words), 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, RadioSet, Static

from tests.support.navigation import go_to
from tests.support.snapshots import SIZES, steady
from tests.support.ui import login, make_app, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


async def open_payments(pilot) -> None:
    """Logged in, on the payments page, its rows shown."""
    await pilot.pause()
    await login(pilot)
    await go_to(pilot, "payments")
    await wait_screen(pilot, "PaymentsScreen")
    await wait_for(pilot, lambda: pilot.app.screen.loaded and pilot.app.screen.query_one(DataTable).row_count > 0)


@pytest.mark.parametrize("size", SIZES)
def test_payments_table(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_payments(pilot)
        await pilot.press("down", "down")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_attestation_refused(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await login(pilot)
        await go_to(pilot, "attestations")
        await wait_screen(pilot, "AttestationsScreen")
        await wait_for(pilot, lambda: pilot.app.screen.query_one(RadioSet).has_focus)
        await pilot.press("down", "down", "down", "down", "enter", "ctrl+s")
        await wait_for(pilot, lambda: "non délivrée" in str(
            pilot.app.screen.query_one("#attestation-result", Static).render()))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_payments_chart(snap_compare, server_app, size):
    """Payments at a glance (issue 14): G shows the 12 months by domain in the table's place below 140 columns."""
    async def run_before(pilot) -> None:
        await open_payments(pilot)
        await pilot.press("g")
        await wait_for(pilot, lambda: "Santé" in str(pilot.app.screen.query_one("#payments-chart", Static).render()))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
