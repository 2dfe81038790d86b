"""SVG snapshots of Contact & échanges and of every step of the send-a-document wizard, at 80x24 and 120x40.

Frozen clock, seeded data (pinned day), fixed sample files, workers finished before each shot.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input

from tests.support.snapshots import FROZEN, SIZES
from tests.support.ui import login, make_app, wait_for, wait_screen
from tests.support.wizard_keys import (
    add_files_to, fill_document, open_wizard, sample_files, step1_object, step2_prepare, step3_count, wait_step,
)

DOWNLOADS = Path("/tmp/msa-tui-snapshots/Téléchargements")
"""A fixed downloads dir: the receipt step shows the PDF's path."""


@pytest.fixture
def frozen(monkeypatch, isolated_dirs):
    monkeypatch.setenv("MSA_TUI_FROZEN_TIME", FROZEN)
    monkeypatch.setenv("XDG_DOWNLOAD_DIR", str(DOWNLOADS))
    sample_files(isolated_dirs)


async def settle(pilot) -> None:
    # The DirectoryTree's loader waits on its queue for ever, and the wizard's picker worker
    # waits for the open dialog: wait for the others only.
    workers = [w for w in pilot.app.workers if w.group not in ("_loader", "wizard-pick")]
    await pilot.app.workers.wait_for_complete(workers)
    pilot.app.clear_notifications()  # toasts would hide the step (they are tested elsewhere)
    await pilot.pause()
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


async def to_step(pilot, k: int) -> None:
    """Log in, open the wizard and walk by keys to step k (2 documents, 3 files)."""
    await login(pilot)
    await open_wizard(pilot)
    await wait_step(pilot, 1)
    if k == 1:
        return
    await step1_object(pilot, downs=5)
    if k == 2:
        return await wait_step(pilot, 2)
    await step2_prepare(pilot)
    if k == 3:
        return await wait_step(pilot, 3)
    await step3_count(pilot, 2)
    await wait_step(pilot, 4)
    await fill_document(pilot, nature=1, person=0, motif="Nouveau domicile")
    await fill_document(pilot, nature=2, person=1, motif="Revenus 2025")
    if k == 4:
        return
    await pilot.press("ctrl+right")
    await wait_step(pilot, 5)
    await add_files_to(pilot, 0, [1, 2])
    await add_files_to(pilot, 1, [3])
    if k == 5:
        return
    await pilot.press("ctrl+right")
    await wait_step(pilot, 6)
    await pilot.press("space")
    if k == 6:
        return
    await pilot.press("ctrl+right")
    await wait_step(pilot, 7)
    await wait_for(pilot, lambda: pilot.app.screen.query("#receipt-view"), rounds=1000)


@pytest.mark.parametrize("size", SIZES)
def test_contact(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await login(pilot)
        await wait_screen(pilot, "DashboardScreen")
        await pilot.press("c")
        await wait_screen(pilot, "ContactScreen")
        await settle(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("step", range(1, 8))
@pytest.mark.parametrize("size", SIZES)
def test_wizard_step(snap_compare, server_app, frozen, size, step):
    async def run_before(pilot):
        await to_step(pilot, step)
        await settle(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_file_picker(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await to_step(pilot, 4)
        await pilot.press("ctrl+right")
        await wait_step(pilot, 5)
        pilot.app.screen.query_one("#add-0").focus()
        await pilot.press("enter")
        await wait_screen(pilot, "FilePickerDialog")
        await wait_for(pilot, lambda: pilot.app.screen.query_one("#picker-tree").root.children)
        await pilot.press("down", "space", "down")
        await wait_for(pilot, lambda: "Taille" in str(pilot.app.screen.query_one("#picker-info").render()))
        await pilot.pause()

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_medical_stop(snap_compare, server_app, frozen, size):
    async def run_before(pilot):
        await to_step(pilot, 3)
        await step3_count(pilot, 1)
        await wait_step(pilot, 4)
        await fill_document(pilot, nature=9, person=0, motif="Arret")
        await pilot.press("ctrl+right")
        await wait_for(pilot, lambda: "Adresse" in str(pilot.app.screen.query_one("#medical-0").render()))
        await settle(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
