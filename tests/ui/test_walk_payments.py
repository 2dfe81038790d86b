"""Payments: `p` on « Période personnalisée » never traps the next key in the « Du » field."""

from __future__ import annotations

from textual.widgets import Input, Select

from msa_tui.core.payments import Preset
from msa_tui.widgets.footer import MsaFooter
from tests.support.ui import login, make_app, wait_for, wait_screen


async def test_p_keeps_cycling_past_the_custom_period_and_the_footer_keeps_the_page_keys(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("3")
        await wait_screen(pilot, "PaymentsScreen")
        await wait_for(pilot, lambda: app.screen.loaded)
        start = app.screen.query_one("#start-input", Input)
        period = app.screen.query_one("#period-select", Select)
        await pilot.press("p", "p", "p", "p")  # … → période personnalisée
        await wait_for(pilot, lambda: start.has_focus)
        keys = " ".join(app.screen.query_one(MsaFooter).keys_shown())
        assert "Domaine" in keys and "Période" in keys and "CSV" in keys
        await pilot.press("p")
        await pilot.pause()
        assert start.value == ""
        assert period.value != Preset.custom.value
        await pilot.press("d")  # the other page keys work from there too
        await wait_for(pilot, lambda: str(app.screen.query_one("#domain-select", Select).value) != "all")
