"""SVG snapshots of « Consulter un document »: the table with a row highlighted, 80x24 and 120x40."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app

pytestmark = pytest.mark.usefixtures("frozen")


@pytest.mark.parametrize("size", SIZES)
def test_documents_table(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "documents", lambda: pilot.app.screen.query_one(DataTable).row_count > 0)
        await pilot.press("down", "down", "down")
        await steady(pilot, cursors="Input, TextArea")

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
