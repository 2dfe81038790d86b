"""SVG snapshots of « Mes informations personnelles »: the profile and a refused phone, 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("size", SIZES)
def test_profile(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "profile", lambda: pilot.app.screen.me is not None)
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_profile_refused_phone(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "profile", lambda: pilot.app.screen.me is not None)
        await pilot.press("tab", "ctrl+a", "ctrl+k")
        await type_text(pilot, "06 12")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("phone").error != "")
        assert pilot.app.screen.query_one("#phone-input", Input).value == "06 12"
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
