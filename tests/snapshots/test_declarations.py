"""SVG snapshots of a quarterly declaration: its grid per person and month (pre-filled), and its recap."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


async def _open_form(pilot) -> None:
    await log_in_and_go_to(pilot, "declarations",
                           lambda: pilot.app.screen.query_one("#declarations", OptionList).option_count >= 4)
    await pilot.press("enter")
    await wait_screen(pilot, "DeclarationFormScreen")


@pytest.mark.parametrize("size", SIZES)
def test_declaration_form(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await _open_form(pilot)
        await type_text(pilot, "1450")
        await pilot.press("tab")
        await type_text(pilot, "12.345")  # a local refusal, told under its cell
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("a0-salaires-1").error != "")
        pilot.app.screen.query_one("#declaration-scroll").scroll_home(animate=False)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_declaration_recap(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await _open_form(pilot)
        await type_text(pilot, "1450")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#declaration-recap").display)
        await pilot.press("space")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
