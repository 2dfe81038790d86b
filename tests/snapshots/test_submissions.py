"""SVG snapshots of « Mes envois » and of a receipt shown again (one whose silence means acceptance)."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


async def _open_list(pilot) -> None:
    await log_in_and_go_to(pilot, "submissions",
                           lambda: pilot.app.screen.query_one("#submissions", OptionList).option_count >= 2)


@pytest.mark.parametrize("size", SIZES)
def test_mes_envois(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await _open_list(pilot)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_receipt_with_its_silence_sentence(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await _open_list(pilot)
        await pilot.press("down", "enter")  # the RIB sent for a change of situation
        await wait_screen(pilot, "ReceiptScreen")
        await wait_for(pilot, lambda: bool(pilot.app.screen.query("#receipt-view")))
        await steady(pilot)
        # Down to the decision deadline, where the sentence on implicit acceptance is.
        deadline = pilot.app.screen.query(".receipt-title")[2]
        pilot.app.screen.query_one("#receipt-scroll").scroll_to_widget(deadline, animate=False, top=True)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
