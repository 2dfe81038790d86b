"""SVG snapshots of the catalogue, a request form, Mes démarches with a timeline, and the declarations."""

from __future__ import annotations

import pytest
from textual.widgets import OptionList

from tests.support.snapshots import SIZES, open_page, steady
from tests.support.ui import make_app, type_text, wait_for, wait_screen

pytestmark = pytest.mark.usefixtures("frozen")


def _listed(pilot, selector: str, count: int = 1) -> bool:
    return pilot.app.screen.query_one(selector, OptionList).option_count >= count


@pytest.mark.parametrize("size", SIZES)
def test_services_catalogue(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "services", "ServicesScreen", lambda: _listed(pilot, "#services"))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_request_form_with_a_refused_field(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "request_form", "RequestFormScreen",
                    lambda: bool(pilot.app.screen.query("#logement-field")), request_type="rsa")
        await pilot.pause()
        await type_text(pilot, "3")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: pilot.app.screen.field("logement").error != "")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_requests_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "requests", "RequestsScreen", lambda: _listed(pilot, "#requests", 3))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_request_timeline_pieces_demandees(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "requests", "RequestsScreen", lambda: _listed(pilot, "#requests", 3))
        await pilot.press("enter")  # the first is the change of situation, waiting for a document
        await wait_screen(pilot, "RequestDetailScreen")
        await wait_for(pilot, lambda: pilot.app.screen.request is not None)
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_declarations_list(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "declarations", "DeclarationsScreen", lambda: _listed(pilot, "#declarations", 4))
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_declaration_form(snap_compare, server_app, size):
    async def run_before(pilot) -> None:
        await open_page(pilot, "declarations", "DeclarationsScreen", lambda: _listed(pilot, "#declarations", 4))
        await pilot.press("enter")
        await wait_screen(pilot, "DeclarationFormScreen")
        await type_text(pilot, "1450")
        await steady(pilot)

    assert snap_compare(make_app(server_app), terminal_size=size, run_before=run_before)
