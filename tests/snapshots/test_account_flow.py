"""SVG snapshots of S'inscrire (both steps) and Mot de passe oublié, at 80x24 and 120x40.

Frozen clock, seeded data (pinned day), workers finished and cursors steady before each shot.
"""

from __future__ import annotations

import pytest
from tests.support.snapshots import SIZES, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen
from tests.support.members import DEMO_NIR


async def fill(pilot, values: list[str]) -> None:
    for value in values:
        await type_text(pilot, value)
        await pilot.press("enter")


async def from_login(pilot, key: str, screen: str) -> None:
    await wait_screen(pilot, "LoginScreen")
    await pilot.pause()
    await pilot.press(key)
    await wait_screen(pilot, screen)
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES)
def test_register_step_form(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", ""])
        await type_text(pilot, "31/02/1988")
        await pilot.press("tab")
        await type_text(pilot, "jeanne.roux@example")
        await pilot.press("enter")
        await steady(pilot, clear_toasts=False)

    assert snap_compare(make_app(server_app, demo=True), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_register_step_code(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "Roux", "14/03/1988", "jeanne.roux@example.fr"])
        await wait_for(pilot, lambda: pilot.app.screen.step == "step-code")
        await type_text(pilot, "12")
        await steady(pilot, clear_toasts=False)

    assert snap_compare(make_app(server_app, demo=True), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_password_reset(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await from_login(pilot, "ctrl+o", "PasswordResetScreen")
        await type_text(pilot, DEMO_NIR)
        await steady(pilot, clear_toasts=False)

    assert snap_compare(make_app(server_app, demo=True), terminal_size=size, run_before=run_before)
