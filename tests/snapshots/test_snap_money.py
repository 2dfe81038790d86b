"""SVG snapshots of the money pages: payments (table, total) and attestations (a refusal in words), 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, RadioSet, Static

from ui_helpers import login, make_app, wait_for, wait_screen

SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def frozen_time(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", "2026-11-15T10:00:00+01:00")


async def _steady(pilot) -> None:
    """Workers done, no toast, no blinking cursor: the SVG is the same on every run."""
    app = pilot.app
    await app.workers.wait_for_complete()
    await pilot.pause()
    app.clear_notifications()
    for widget in app.screen.query("Input"):
        widget.cursor_blink = False  # type: ignore[attr-defined]
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_payments_table(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await login(pilot)
        pilot.app.open_page("payments")
        await wait_screen(pilot, "PaymentsScreen")
        await wait_for(pilot, lambda: pilot.app.screen.loaded
                       and pilot.app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("down", "down")
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_attestation_refused(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await login(pilot)
        pilot.app.open_page("attestations")
        await wait_screen(pilot, "AttestationsScreen")
        await wait_for(pilot, lambda: pilot.app.screen.query_one(RadioSet).has_focus)
        await pilot.press("down", "down", "down", "down", "enter", "ctrl+s")
        await wait_for(pilot, lambda: "non délivrée" in str(
            pilot.app.screen.query_one("#attestation-result", Static).render()))
        await _steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
