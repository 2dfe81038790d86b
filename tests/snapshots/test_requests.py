"""SVG snapshots of the catalogue, a request form, Mes démarches with a timeline, and the declarations."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.support.snapshots import SIZES, log_in_and_go_to, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


def _listed(pilot, selector: str, count: int = 1) -> bool:
    return pilot.app.screen.query_one(selector, OptionList).option_count >= count


async def _open_request_form(pilot, request_type: str) -> None:
    """From the catalogue, as a member: Down until the service of `request_type` is highlighted, Enter."""
    await log_in_and_go_to(pilot, "services", lambda: _listed(pilot, "#services"))
    screen = pilot.app.screen
    for _ in range(screen.query_one("#services", OptionList).option_count):
        service = screen.highlighted_service()
        if service is not None and service.request_type == request_type:
            break
        await pilot.press("down")
    await pilot.press("enter")
    await wait_screen(pilot, "RequestFormScreen")


@pytest.mark.parametrize("size", SIZES)
def test_services_catalogue(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "services", lambda: _listed(pilot, "#services"))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_request_form_with_a_refused_field(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await _open_request_form(pilot, "rsa")
        await wait_for(pilot, lambda: bool(pilot.app.screen.query("#logement-field")))
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("logement").error != "")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_requests_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "requests", lambda: _listed(pilot, "#requests", 3))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_request_timeline_pieces_demandees(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "requests", lambda: _listed(pilot, "#requests", 3))
        await pilot.press("enter")  # the first is the change of situation, waiting for a document
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: pilot.app.screen.request is not None)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_declarations_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await log_in_and_go_to(pilot, "declarations", lambda: _listed(pilot, "#declarations", 4))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
