"""SVG snapshot of Mon espace privé (the dashboard) right after login, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.support.snapshots import SIZES, steady
from tests.support.ui import login, make_app, wait_screen


@pytest.mark.parametrize("size", SIZES)
def test_dashboard(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await steady(pilot, clear_toasts=False)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_dashboard_alerts_focused(snap_compare, server_app, frozen, size):
    """Sophie's alerts (a declaration, a reply awaited, a démarche changed), reached with A."""
    from tests.support.members import SOPHIE

    async def run_before(pilot):
        await pilot.pause()
        await login(pilot, nir=SOPHIE)
        await wait_screen(pilot, "DashboardScreen")
        await steady(pilot, clear_toasts=False)
        await pilot.press("a")
        await steady(pilot, clear_toasts=False)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
