"""SVG snapshots of « Demander un rendez-vous » (my appointments, slots) and « Gérer mes procurations »
(list, request form), 80x24 and 120x40, frozen clock and seeded data."""

from __future__ import annotations

import httpx
import pytest
from textual.widgets import OptionList

from msa_tui.api import models as m
from msa_tui.api.client import MsaClient
from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen
from tests.ui.test_appointments import open_booking
from tests.support.members import DEMO_NIR, DEMO_PASSWORD, SOPHIE

pytestmark = pytest.mark.usefixtures("frozen")


def _options(pilot, selector: str) -> int:
    return pilot.app.screen.query_one(selector, OptionList).option_count


async def _open(pilot, page: str, selector: str) -> None:
    await log_in_and_go_to(pilot, page, lambda: _options(pilot, selector) > 0)


@pytest.mark.parametrize("size", SIZES)
def test_my_appointments(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        # Booked through the API in the app's own loop: the page shows what the server holds.
        async with MsaClient("http://testserver", transport=httpx.ASGITransport(app=server_app)) as api:
            await api.login(DEMO_NIR, DEMO_PASSWORD)
            slots = await api.slots()
            await api.book(m.AppointmentCreate(slot_id=slots[0].id, topic="Question sur ma retraite"))
            await api.book(m.AppointmentCreate(slot_id=slots[4].id, topic="Dossier d'aide au logement"))
        await _open(pilot, "appointments", "#appointments")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_booking_slots_with_topic(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_booking(pilot)
        await pilot.press("down", "down", "enter")
        await type_text(pilot, "Question sur ma retraite")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_procurations_received(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "procurations", "#procurations")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_procuration_request_refused_name(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open(pilot, "procurations", "#procurations")
        await pilot.press("n")
        await wait_screen(pilot, "ProcurationRequestScreen")
        await type_text(pilot, SOPHIE)
        await pilot.press("ctrl+s")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_booking_a_phone_slot(snap_compare, server_app, size):
    """A phone slot chosen: the number the MSA will call, the member's own, ready to change."""
    async def run_before(pilot) -> None:
        await pilot.pause()
        await open_booking(pilot)
        await pilot.press("m", "m")  # par téléphone
        await wait_for(pilot, lambda: pilot.app.screen.chosen().mode == "telephone")
        await pilot.press("enter")
        await type_text(pilot, "Question sur ma retraite")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
