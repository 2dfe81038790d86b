"""The dashboard at 80×24: every block's key (1–4, D, C) is on screen without scrolling."""

from __future__ import annotations

from tests.support.ui import login, make_app, wait_for, wait_screen


def screen_text(app) -> str:
    return "\n".join("".join(s.text for s in line) for line in app.screen._compositor.render_strips())


async def test_every_block_key_is_visible_at_80x24_without_scrolling(server_app):
    app = make_app(server_app)
    async with app.run_test(size=(80, 24)) as pilot:
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        blocks = list(app.screen.query("DashboardBlock"))
        await wait_for(pilot, lambda: all(block.state == "ready" for block in blocks))
        await pilot.pause()
        shown = screen_text(app)
        for title in ("1 · Mes informations personnelles", "2 · Mes messages",
                      "3 · Mes derniers paiements et documents", "4 · Mes services en ligne",
                      "D : documents", "C : Contact & échanges"):
            assert title in shown, title
        assert app.screen.query_one("#dashboard-scroll").scroll_y == 0
