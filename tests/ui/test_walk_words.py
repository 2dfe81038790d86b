"""Words seen on the walk: page titles agree, F1 wraps its descriptions, a new account's address."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from msa_tui.widgets.status import PortalHeader
from tests.support.ui import login, make_app, wait_for, wait_screen


def screen_text(app) -> str:
    return "\n".join("".join(s.text for s in line) for line in app.screen._compositor.render_strips())


async def test_messages_page_title_agrees_with_the_dashboard_block(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("2")
        await wait_screen(pilot, "MessagesScreen")
        header = app.screen.query_one(PortalHeader).text
        assert "Mes messages" in header and "Nous envoyer" not in header


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_f1_descriptions_wrap_instead_of_being_cut(server_app, size):
    app = make_app(server_app)
    async with app.run_test(size=size) as pilot:
        await wait_screen(pilot, "LoginScreen")
        await pilot.press("f1")
        await wait_screen(pilot, "HelpScreen")
        table = app.screen.query_one(DataTable)
        await wait_for(pilot, lambda: table.row_count > 0)
        await pilot.pause()
        columns = list(table.columns.values())
        used = sum(column.get_render_width(table) for column in columns)
        assert used <= table.scrollable_content_region.width  # nothing beyond the right edge
        description = columns[3]
        for row_key, row in table.rows.items():
            text = str(table.get_cell(row_key, description.key))
            lines_needed = -(-len(text) // description.width)
            assert row.height >= lines_needed, text
        # What the member sees: the longest description's last word is on screen, not cut.
        longest = max((str(table.get_row_at(i)[3]) for i in range(min(table.row_count, 3))), key=len)
        assert longest.split()[-1] in screen_text(app)


async def test_new_account_dashboard_reads_adresse_a_completer_alone(server_app):
    from tests.support.account_keys import (
        code_from_outbox_modal, fill, login_with_prefilled_nir, open_from_login, wait_step_code,
    )

    app = make_app(server_app, demo=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_from_login(pilot, "ctrl+n", "RegisterScreen")
        await fill(pilot, ["2880375123456", "Jeanne", "Roux", "14/03/1988", "jeanne.roux@example.fr"])
        await wait_step_code(pilot)
        await code_from_outbox_modal(pilot)
        await fill(pilot, ["jardin-potager-42", "jardin-potager-42"])
        await wait_screen(pilot, "LoginScreen")
        await login_with_prefilled_nir(pilot, "jardin-potager-42")
        await wait_screen(pilot, "DashboardScreen")
        block = app.screen.query_one("#block-profile")
        await wait_for(pilot, lambda: "Adresse à compléter" in screen_text(app))
        text = screen_text(app)
        assert "00000" not in text and "Adresse à compléter /" not in text
        assert block is not None
