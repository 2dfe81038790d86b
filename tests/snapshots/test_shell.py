"""SVG snapshots of the shell: login screen (demo and not), idle warning, at 80x24 and 120x40."""

from __future__ import annotations

import pytest

from tests.support.snapshots import SIZES, steady
from tests.support.ui import FakeClock, login, make_app, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("demo", [False, True], ids=["plain", "demo"])
def test_login_screen(snap_compare, server_app, size, demo):
    app = make_app(server_app, demo=demo)

    async def run_before(pilot) -> None:
        await wait_screen(pilot, "LoginScreen")
        await steady(pilot, clear_toasts=False, wait_workers=False)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_login_error_state(snap_compare, server_app, size):
    app = make_app(server_app)

    async def run_before(pilot) -> None:
        await login(pilot, password="pas-le-bon", wait=False)
        await wait_screen(pilot, "LoginScreen")
        for _ in range(100):
            if "incorrect" in str(app.screen.query_one("#login-error").render()):
                break
            await pilot.pause(0.02)
        await steady(pilot, clear_toasts=False, wait_workers=False)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_idle_warning_dialog(snap_compare, server_app, size):
    clock = FakeClock()
    app = make_app(server_app, idle_clock=clock, idle_timeout_s=900, idle_warning_s=60)

    async def run_before(pilot) -> None:
        await login(pilot)
        # A page that other engineers will not restyle, so this snapshot shows only the dialog's changes.
        from msa_tui.screens.placeholder import PlaceholderScreen

        app.push_screen(PlaceholderScreen(title="Essai"))
        await wait_screen(pilot, "PlaceholderScreen")
        clock.advance(855)
        app.check_inactivity()
        await wait_screen(pilot, "IdleWarningDialog")
        await steady(pilot, clear_toasts=False, wait_workers=False)

    assert snap_compare(app, terminal_size=size, run_before=run_before)
