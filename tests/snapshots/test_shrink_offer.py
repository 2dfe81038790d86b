"""SVG snapshot of the shrink offer: a photographed page over the limit, its reduced copy's size shown
(80x24 and 120x40)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.images import photo_page
from tests.support.snapshots import FROZEN, SIZES, steady
from tests.support.ui import make_app
from tests.support.wizard_keys import add_files_to, documents_dir, start
from tests.ui.test_wizard_refusals import _to_files


@pytest.fixture
def small_server(tmp_path, pinned_today, isolated_dirs, monkeypatch):
    from msa_tui.mock_server.app import create_app

    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", FROZEN)
    photo_page(documents_dir(isolated_dirs) / "scan.jpg", (2000, 2800))
    return create_app(Path(tmp_path) / "small-data", today=pinned_today, max_file_bytes=300_000)


@pytest.mark.parametrize("size", SIZES)
def test_shrink_offer(snap_compare, small_server, size):
    async def run_before(pilot) -> None:
        await pilot.pause()
        await start(pilot)
        await _to_files(pilot)
        await add_files_to(pilot, 0, [1], then="ShrinkDialog")
        # The picking worker waits for this very dialog: nothing else runs now.
        await steady(pilot, wait_workers=False)

    assert snap_compare(make_app(small_server), terminal_size=size, run_before=run_before)
